// A page of statements, filtered by mode, by stance (toward anything) and by article; see
// statements-about and statements-by for the filters that start from a node. In article
// order (article, position, key), as those two.
MATCH (s:Statement)
WHERE ($articleId IS NULL OR s.articleId = $articleId)
  AND ($mode IS NULL OR s.mode = $mode)
  AND ($stance IS NULL OR EXISTS { (s)-[a:ABOUT]->() WHERE a.stance = $stance })
WITH s ORDER BY s.articleId, s.position, s.id
WITH collect(s) AS items
RETURN size(items) AS total,
       [s IN items[$offset..($offset + $limit)] | {id: s.id, labels: labels(s), props: properties(s), follows: {{follows s}}}] AS page
