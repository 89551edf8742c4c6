// The shortest chains of relationships between two nodes, over the graph of entities and
// facts (never through sentences or articles). Cypher takes no parameter as a hop bound,
// so the search is bounded at 6 and $maxHops filters within that.
MATCH (a:Node {id: $from}), (b:Node {id: $to})
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE length(p) <= $maxHops
  AND all(r IN relationships(p) WHERE NOT type(r) IN ['EVIDENCED_BY', 'MENTIONED_IN'])
  AND all(n IN nodes(p) WHERE NOT n:Sentence AND NOT n:Article)
WITH p LIMIT $limit
RETURN [n IN nodes(p) | {id: n.id, labels: labels(n), props: properties(n)}] AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}] AS rels
