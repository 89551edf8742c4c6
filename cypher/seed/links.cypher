// Relationships between addressable nodes: the structure of facts (SAID_BY, ABOUT, HOLDS,
// …) and the direct relationships users traverse (SUPPORTED, PROPOSED, …). Types come from
// a closed list in src/seed/plan.ts, never from free text.
//
// Each also gets its place in the pages read from either end (cypher/read/relationship-pages.cypher):
// `outKey` from its start node, `inKey` from its end node, each the node's key, U+0001, the
// other end's order key (fragments/order-key.cypher), U+0001 and the relationship's own key.
// An index on each (cypher/schema-by-type.cypher) hands a hub's page over in order, so
// reading it costs the page, not the hub's every relationship.
UNWIND $links AS l
MATCH (a:Node {id: l.from})
MATCH (b:Node {id: l.to})
CREATE (a)-[r:$(l.type)]->(b)
SET r = l.props, r.articleId = $articleId,
    r.outKey = a.id + '\u0001' + {{order-key b}} + '\u0001' + coalesce(l.props.id, ''),
    r.inKey = b.id + '\u0001' + {{order-key a}} + '\u0001' + coalesce(l.props.id, '')
RETURN count(r) AS links
