UNWIND $facts AS f
MERGE (n:Node:Fact {id: f.id})
SET n:$(f.label), n += f.props, n.articleId = $articleId
RETURN count(n) AS facts
