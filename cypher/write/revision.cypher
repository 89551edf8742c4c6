// Records a revision of the article (who, when, what, why, and the input it was made from)
// and makes it the current one; the revision it replaces keeps its input and is marked
// superseded. Revisions carry no :Node label and no relationship, so no read of the graph
// meets them: only Article.revisions (cypher/read/revisions.cypher) does.
MATCH (a:Node:Article {id: $articleId})
OPTIONAL MATCH (previous:Revision {id: a.revision})
CREATE (r:Revision)
SET r = $revision, r.articleId = $articleId
SET previous.supersededBy = r.id
SET a.revision = r.id, a.revisionCount = r.number, a.inputSha256 = r.sha256, a.retractedAt = $retractedAt
RETURN r.id AS id
