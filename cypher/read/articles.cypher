MATCH (a:Article)
// Newest first; articles without a date last.
WITH a ORDER BY coalesce(a.publishedAt, '') DESC, a.id
WITH collect(a) AS items
RETURN size(items) AS total,
       [a IN items[$offset..($offset + $limit)] | {id: a.id, labels: labels(a), props: properties(a)}] AS page
