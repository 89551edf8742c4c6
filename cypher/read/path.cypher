// The shortest chains of relationships between two nodes, over the graph of entities and
// facts: the types below are every relationship the seed loader writes between them
// (src/seed/load.ts linkTypes; a test keeps the two lists equal), so the search never enters
// the text layer (EVIDENCED_BY, MENTIONED_IN lead to sentences, sentences to articles).
// {{bound}} is the longest chain asked for (see src/db/cypher.ts): the search stops there.
// Neo4j returns equally short chains in no fixed order: up to $candidates of them are read
// and sorted by the keys and types along them, and the first $first returned, so answers
// are stable and only what is asked for is sent.
MATCH (a:Node {id: $from}), (b:Node {id: $to})
MATCH p = allShortestPaths((a)-[:HOLDS|IN|PART_OF|MEMBER_OF|AFFILIATED_WITH|PARTICIPATED_IN|TARGETS|DECIDED_BY|CONSIDERED_AT|ON|BY|HELD_AT|VOTED|SAID_BY|TOLD_TO|MADE_IN|QUOTES|ABOUT|PROPOSED|SUPPORTED|OPPOSED|QUOTED|LEADS|REPRESENTS|REMOVED_WHIP_FROM|CRITICISED|PRAISED|ACCUSED|INVESTIGATED|ALLIED_WITH|WORKS_FOR*..{{bound}}]-(b))
WITH p LIMIT $candidates
WITH p ORDER BY reduce(s = '', x IN [n IN nodes(p) | n.id] + [r IN relationships(p) | type(r) + ':' + coalesce(r.id, '')] | s + '|' + x)
LIMIT $first
RETURN [n IN nodes(p) | {id: n.id, labels: labels(n), props: properties(n)}] AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}] AS rels
