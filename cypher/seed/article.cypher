MERGE (a:Node:Article {id: $article.id})
SET a.title = $article.title, a.publisher = $article.publisher, a.url = $article.url,
    a.publishedAt = $article.publishedAt, a.text = $article.text, a.sha256 = $article.sha256,
    a.seedHash = $article.seedHash
WITH a
UNWIND $sentences AS s
MERGE (x:Node:Sentence {id: s.id})
SET x.articleId = a.id, x.index = s.index, x.start = s.start, x.end = s.end, x.text = s.text
MERGE (x)-[:PART_OF]->(a)
RETURN count(x) AS sentences
