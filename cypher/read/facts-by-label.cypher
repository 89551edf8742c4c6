// A page of facts of one kind (Motion, Vote, Role, Event), optionally of one article, in
// the order the article tells them (events by date first when they have one).
MATCH (f:Fact)
WHERE $label IN labels(f) AND ($articleId IS NULL OR f.articleId = $articleId)
  AND ($status IS NULL OR f.status = $status) AND ($type IS NULL OR f.type = $type)
OPTIONAL MATCH (f)-[e:EVIDENCED_BY]->()
WITH f, min(e.start) AS firstMention
WITH f ORDER BY f.date ASC, f.articleId, firstMention
WITH collect(f) AS items
RETURN size(items) AS total,
       [f IN items[$offset..($offset + $limit)] | {id: f.id, labels: labels(f), props: properties(f)}] AS page
