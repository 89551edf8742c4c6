// One page of each node's relationships of one type, in one direction or both, optionally
// with one stance (ABOUT) or one status at the other end (a role's `current`/`former`): the
// total, and only the page's relationships read in full. Lists that are not paged ask for
// offset 0 and a limit above any degree.
//
// {{type}} is the relationship type (see src/db/cypher.ts: one of the fixed types the seed
// loader writes, never text from a request). A type given as a parameter instead
// (`-[r:$($type)]-`) makes Neo4j 5.26 expand every relationship of the node and filter
// afterwards: 200 000 for the largest hub of the 1m benchmark corpus, to find its 9 000
// roles. The order (the other end's key, then the relationship's key) needs only keys, so a
// hub's first page sorts keys, not properties.
UNWIND $ids AS id
MATCH (n:Node {id: id})
// One directed expansion per direction asked for: an undirected pattern filtered by direction
// afterwards expands both ways (a hub supports 8 710 others and is supported by 9 929).
CALL (n) {
  MATCH (n)-[r:{{type}}]->(m:Node)
  WHERE $direction <> 'INCOMING'
  RETURN r, m
  UNION ALL
  MATCH (n)<-[r:{{type}}]-(m:Node)
  WHERE $direction <> 'OUTGOING'
  RETURN r, m
}
WITH id, n, r, m
WHERE NOT m:Sentence AND NOT m:Article
  AND ($stance IS NULL OR r.stance = $stance)
  AND ($status IS NULL OR m.status = $status)
WITH id, n, r, m ORDER BY id, m.id, coalesce(r.id, '')
WITH id, n, collect({r: r, m: m}) AS rows
RETURN id, size(rows) AS total,
       [x IN rows[$offset..($offset + $limit)] | {type: type(x.r), outgoing: startNode(x.r) = n, props: properties(x.r), otherId: x.m.id, otherLabels: labels(x.m), otherProps: properties(x.m)}] AS page
