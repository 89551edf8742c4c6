// One page of each node's relationships of some types ($types, never empty), in one
// direction or both, optionally with one stance (ABOUT): the total, and only the page's
// relationships read in full. The order (type, the other end's key, the relationship's key)
// only needs keys, so a hub with thousands of them costs a sort of keys, not of properties.
UNWIND $ids AS id
MATCH (n:Node {id: id})
CALL (n) {
  MATCH (n)-[r:$any($types)]-(m:Node)
  WHERE ($direction = 'BOTH' OR (startNode(r) = n) = ($direction = 'OUTGOING'))
    AND ($stance IS NULL OR r.stance = $stance)
    AND NOT m:Sentence AND NOT m:Article
  RETURN count(r) AS total
}
CALL (n) {
  MATCH (n)-[r:$any($types)]-(m:Node)
  WHERE ($direction = 'BOTH' OR (startNode(r) = n) = ($direction = 'OUTGOING'))
    AND ($stance IS NULL OR r.stance = $stance)
    AND NOT m:Sentence AND NOT m:Article
  WITH r, m ORDER BY type(r), m.id, coalesce(r.id, '') SKIP $offset LIMIT $limit
  RETURN collect({type: type(r), outgoing: startNode(r) = n, props: properties(r), otherId: m.id, otherLabels: labels(m), otherProps: properties(m)}) AS page
}
RETURN id, total, page
