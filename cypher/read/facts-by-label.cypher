// A page of facts of one kind (Event, Motion), optionally of one article, status and type, in
// timeline order: by the date the loader gave each event (its own, or the latest known before
// it in its article; src/seed/timeline.ts), then article by article in each article's own
// order (known time, then cause and sequence, then mention), then where the article tells it.
MATCH (f:Fact)
WHERE $label IN labels(f) AND ($articleId IS NULL OR f.articleId = $articleId)
  AND ($status IS NULL OR f.status = $status) AND ($type IS NULL OR f.type = $type)
WITH f ORDER BY f.sortDate, f.articleId, f.timelineIndex, f.position, f.id
WITH collect(f) AS items
RETURN size(items) AS total,
       [f IN items[$offset..($offset + $limit)] | {id: f.id, labels: labels(f), props: properties(f)}] AS page
