// A page of the statements one speaker made, starting from the speaker; optionally of one
// mode, with one stance toward anything, in one article.
MATCH (:Node {id: $speaker})<-[:SAID_BY]-(s:Statement)
WHERE ($articleId IS NULL OR s.articleId = $articleId)
  AND ($mode IS NULL OR s.mode = $mode)
  AND ($stance IS NULL OR EXISTS { (s)-[a:ABOUT]->() WHERE a.stance = $stance })
WITH s ORDER BY s.articleId, s.start
WITH collect(s) AS items
RETURN size(items) AS total,
       [s IN items[$offset..($offset + $limit)] | {id: s.id, labels: labels(s), props: properties(s), follows: {{follows s}}}] AS page
