// The first query of every article write: locks the article (its node is made when the
// article is new), so that two writes of one article run one after the other and the second
// sees what the first committed; then reads its current revision. A write that is refused
// rolls back, taking a node it made with it.
MERGE (a:Node:Article {id: $articleId})
SET a.writeLock = true
REMOVE a.writeLock
WITH a
RETURN a.text IS NOT NULL AS exists, a.revision AS revision, coalesce(a.revisionCount, 0) AS revisionCount,
       a.inputSha256 AS inputSha256, a.retractedAt AS retractedAt, a.text AS text
