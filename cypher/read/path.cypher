// The clearest of the shortest chains of relationships between two nodes, over the graph of
// entities and facts: {{types}} is every relationship type of the vocabulary
// (src/db/cypher.ts), so the search never enters the text layer (EVIDENCED_BY, MENTIONED_IN
// lead to sentences, sentences to articles).
// {{bound}} is the longest chain asked for (see src/db/cypher.ts): the search stops there.
//
// Neo4j returns equally short chains in no fixed order: up to $candidates of them are ranked
// here, clearest first: the fewest steps of $structural types (the parts of a fact: SAID_BY,
// ABOUT, HOLDS, …; src/graph/reads.ts), then by the keys and types along the chain
// (`signature`), so answers are stable. Chains that differ only in which fact of a kind they
// pass through (two statements of one speaker about the same person: the same `shape`) are
// near-duplicates: only the clearest of each is kept. Only the $first kept are read in full.
MATCH (a:Node {id: $from}), (b:Node {id: $to})
MATCH p = allShortestPaths((a)-[:{{types}}*..{{bound}}]-(b))
WITH p LIMIT $candidates
WITH p, nodes(p) AS ns, relationships(p) AS rs
WITH p,
     size([r IN rs WHERE type(r) IN $structural]) AS indirect,
     reduce(s = '', x IN [n IN ns | n.id] + [r IN rs | type(r) + ':' + coalesce(r.id, '')] | s + '|' + x) AS signature,
     reduce(s = '', x IN [i IN range(0, size(ns) - 1) |
                          CASE WHEN ns[i]:Fact AND 0 < i < size(ns) - 1
                            THEN coalesce(head([l IN labels(ns[i]) WHERE l <> 'Node' AND l <> 'Fact']), '') ELSE ns[i].id END]
                         + [r IN rs | type(r)] | s + '|' + x) AS shape
ORDER BY indirect, signature
WITH shape, head(collect({p: p, indirect: indirect, signature: signature})) AS best
ORDER BY best.indirect, best.signature
LIMIT $first
WITH best.p AS p
RETURN [n IN nodes(p) | {id: n.id, labels: labels(n), props: properties(n)}] AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: r {.*, outKey: null, inKey: null}}] AS rels
