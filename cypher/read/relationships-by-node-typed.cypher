// Like relationships-by-node, for some relationship types only ($types, never empty): the
// expansion reads just those types of each node's relationships.
UNWIND $ids AS id
MATCH (n:Node {id: id})-[r:$any($types)]-(m:Node)
WHERE NOT m:Sentence AND NOT m:Article
RETURN id, type(r) AS type, startNode(r) = n AS outgoing, properties(r) AS props,
       m.id AS otherId, labels(m) AS otherLabels, properties(m) AS otherProps
ORDER BY id, type, otherId, coalesce(r.id, '')
