// Every relationship of each node, both directions, with the node at the other end; the
// text layer (evidence, sentences, articles) is left to evidence-by-node. Ordered so that
// answers are stable from one request to the next.
UNWIND $ids AS id
MATCH (n:Node {id: id})-[r]-(m:Node)
WHERE NOT m:Sentence AND NOT m:Article
RETURN id, type(r) AS type, startNode(r) = n AS outgoing, r {.*, outKey: null, inKey: null} AS props,
       m.id AS otherId, labels(m) AS otherLabels, properties(m) AS otherProps
ORDER BY id, type, m.articleId, m.position, otherId, coalesce(r.id, '')
