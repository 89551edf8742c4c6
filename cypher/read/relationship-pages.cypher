// One page of each node's relationships of one type, in one direction or both, optionally
// with one stance (ABOUT) or one status at the other end (a role's `current`/`former`): the
// total, and only the page's relationships read in full. Lists that are not paged ask for
// offset 0 and a limit above any degree. One row per node found, also when it has none.
//
// {{type}} is the relationship type (see src/db/cypher.ts: one of the fixed types the seed
// loader writes, never text from a request). A type given as a parameter instead
// (`-[r:$($type)]-`) makes Neo4j 5.26 expand every relationship of the node and filter
// afterwards: 200 000 for the largest hub of the 1m benchmark corpus, to find its 9 000
// roles. The order: facts at the other end in the order their article tells them (article,
// position), then the other end's key, then the relationship's key (src/graph/loaders.ts
// sorts what it reads ahead the same way).
//
// Looking ahead (src/graph/lookahead.ts) adds two things a request will ask next, so that
// they cost no query of their own: with $withNode, the node itself (labels, props); with
// $followTypes, each page item's own relationships of those types (fragments/follows.cypher);
// with $linked, the nodes each relationship names by key: the fact it rests on (`via`) and
// the sentences of its evidence.
UNWIND $ids AS id
MATCH (n:Node {id: id})
CALL (n) {
  // One directed expansion per direction asked for: an undirected pattern filtered by
  // direction afterwards expands both ways (a hub supports 8 710 others and is supported
  // by 9 929).
  CALL (n) {
    MATCH (n)-[r:{{type}}]->(m:Node)
    WHERE $direction <> 'INCOMING'
    RETURN r, m
    UNION ALL
    MATCH (n)<-[r:{{type}}]-(m:Node)
    WHERE $direction <> 'OUTGOING'
    RETURN r, m
  }
  WITH r, m
  WHERE NOT m:Sentence AND NOT m:Article
    AND ($stance IS NULL OR r.stance = $stance)
    AND ($status IS NULL OR m.status = $status)
  WITH r, m ORDER BY m.articleId, m.position, m.id, coalesce(r.id, '')
  RETURN collect({r: r, m: m}) AS rows
}
CALL (n, rows) {
  UNWIND rows[$offset..($offset + $limit)] AS x
  WITH x.r AS r, x.m AS m
  RETURN collect({type: type(r), outgoing: startNode(r) = n, props: properties(r), otherId: m.id, otherLabels: labels(m), otherProps: properties(m),
                  follows: {{follows m}},
                  linked: CASE WHEN $linked THEN COLLECT {
                    MATCH (x:Node) WHERE x.id IN [r.via] + coalesce(r.evidenceSentences, [])
                    RETURN {id: x.id, labels: labels(x), props: properties(x)}
                  } ELSE [] END}) AS page
}
RETURN id, size(rows) AS total, page,
       CASE WHEN $withNode THEN labels(n) END AS labels,
       CASE WHEN $withNode THEN properties(n) END AS props
