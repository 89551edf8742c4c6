MATCH (a:Article)
WITH a ORDER BY a.publishedAt DESC, a.id
WITH collect(a) AS items
RETURN size(items) AS total,
       [a IN items[$offset..($offset + $limit)] | {id: a.id, labels: labels(a), props: properties(a)}] AS page
