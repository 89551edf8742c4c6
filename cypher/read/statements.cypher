// A page of statements, filtered by speaker, by target and stance, by mode, by article.
MATCH (s:Statement)
WHERE ($articleId IS NULL OR s.articleId = $articleId)
  AND ($mode IS NULL OR s.mode = $mode)
  AND ($speaker IS NULL OR EXISTS { (s)-[:SAID_BY]->(:Node {id: $speaker}) })
  AND ($about IS NULL OR EXISTS { (s)-[a:ABOUT]->(:Node {id: $about}) WHERE $stance IS NULL OR a.stance = $stance })
  AND ($about IS NOT NULL OR $stance IS NULL OR EXISTS { (s)-[a:ABOUT]->() WHERE a.stance = $stance })
WITH s ORDER BY s.articleId, s.start
WITH collect(s) AS items
RETURN size(items) AS total,
       [s IN items[$offset..($offset + $limit)] | {id: s.id, labels: labels(s), props: properties(s)}] AS page
