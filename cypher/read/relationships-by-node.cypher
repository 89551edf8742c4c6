// Every relationship of each node, both directions, with the node at the other end; the
// text layer (evidence, sentences, articles) is left to evidence-by-node. Ordered so that
// answers are stable from one request to the next. One row per node found.
//
// Only for nodes with at most $cap such relationships: `degree` is an upper bound of how many
// there are, from the counts Neo4j keeps (the node's degree less its links into the text
// layer: its mentions and evidence, and an article's sentences), so a hub is found without
// expanding it, and its relationships are not read (`rels` is empty; src/graph/loaders.ts
// refuses the question). Questions about one type of a hub page through it from an index
// instead (relationship-pages).
UNWIND $ids AS id
MATCH (n:Node {id: id})
WITH id, n, COUNT { (n)--() } - COUNT { (n)-[:MENTIONED_IN|EVIDENCED_BY]->() }
            - CASE WHEN n:Article THEN COUNT { (n)<-[:PART_OF]-() } ELSE 0 END AS degree
CALL (n, degree) {
  WITH n WHERE degree <= $cap
  MATCH (n)-[r]-(m:Node)
  WHERE NOT m:Sentence AND NOT m:Article
  WITH r, m, type(r) AS type ORDER BY type, m.articleId, m.position, m.id, coalesce(r.id, '')
  RETURN collect({type: type, outgoing: startNode(r) = n, props: r {.*, outKey: null, inKey: null},
                  otherId: m.id, otherLabels: labels(m), otherProps: properties(m)}) AS rels
}
RETURN id, degree, rels
