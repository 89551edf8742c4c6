// A page of the statements about one node (with a stance toward it, when given), starting
// from that node so the cost follows how much is said about it, not how much is said in all;
// optionally also by one speaker, of one mode, in one article.
MATCH (:Node {id: $about})<-[a:ABOUT]-(s:Statement)
WHERE ($stance IS NULL OR a.stance = $stance)
  AND ($articleId IS NULL OR s.articleId = $articleId)
  AND ($mode IS NULL OR s.mode = $mode)
  AND ($speaker IS NULL OR EXISTS { (s)-[:SAID_BY]->(:Node {id: $speaker}) })
WITH DISTINCT s ORDER BY s.articleId, s.start
WITH collect(s) AS items
RETURN size(items) AS total,
       [s IN items[$offset..($offset + $limit)] | {id: s.id, labels: labels(s), props: properties(s), follows: {{follows s}}}] AS page
