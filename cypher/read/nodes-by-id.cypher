// Any addressable node by id, with its labels and properties (Article text included).
UNWIND $ids AS id
MATCH (n:Node {id: id})
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
