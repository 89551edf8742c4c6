// Provenance: (thing)-[:EVIDENCED_BY {start, end}]->(sentence) for facts,
// (entity)-[:MENTIONED_IN {start, end}]->(sentence) for entity mentions.
UNWIND $evidence AS ev
MATCH (n:Node {id: ev.node})
MATCH (s:Sentence:Node {id: ev.sentence})
CREATE (n)-[r:$(ev.type)]->(s)
SET r.start = ev.start, r.end = ev.end, r.articleId = $articleId
RETURN count(r) AS evidence
