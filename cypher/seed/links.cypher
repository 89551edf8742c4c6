// Relationships between addressable nodes: the structure of facts (SAID_BY, ABOUT, HOLDS,
// …) and the direct relationships users traverse (SUPPORTED, PROPOSED, …). Types come from
// a closed list in src/seed/plan.ts, never from free text.
UNWIND $links AS l
MATCH (a:Node {id: l.from})
MATCH (b:Node {id: l.to})
CREATE (a)-[r:$(l.type)]->(b)
SET r = l.props, r.articleId = $articleId
RETURN count(r) AS links
