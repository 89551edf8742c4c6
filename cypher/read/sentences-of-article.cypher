MATCH (s:Sentence {articleId: $articleId})
WITH s ORDER BY s.index
WITH collect(s) AS items
RETURN size(items) AS total,
       [s IN items[$offset..($offset + $limit)] | {id: s.id, labels: labels(s), props: properties(s)}] AS page
