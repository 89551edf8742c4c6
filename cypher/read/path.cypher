// The shortest chains of relationships between two nodes, over the graph of entities and
// facts: {{types}} is every relationship type of the vocabulary (src/db/cypher.ts), so the
// search never enters the text layer (EVIDENCED_BY, MENTIONED_IN lead to sentences, sentences
// to articles).
// {{bound}} is the longest chain asked for (see src/db/cypher.ts): the search stops there.
// Neo4j returns equally short chains in no fixed order: up to $candidates of them are
// returned, and src/graph/paths.ts ranks them (clearest first), folds near-duplicates and
// keeps the few asked for.
MATCH (a:Node {id: $from}), (b:Node {id: $to})
MATCH p = allShortestPaths((a)-[:{{types}}*..{{bound}}]-(b))
WITH p LIMIT $candidates
RETURN [n IN nodes(p) | {id: n.id, labels: labels(n), props: properties(n)}] AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: r {.*, outKey: null, inKey: null}}] AS rels
