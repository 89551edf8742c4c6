// One page of each node's relationships of one type, in one direction or both, optionally
// with one stance (ABOUT) or one status at the other end (a role's `current`/`former`): the
// total, and only the page's relationships read in full. Lists that are not paged ask for
// offset 0 and a limit of LIST_CAP. One row per node found, also when it has none.
//
// {{type}} is the relationship type (see src/db/cypher.ts: one of the fixed types the seed
// loader writes, never text from a request). A type given as a parameter instead
// (`-[r:$($type)]-`) makes Neo4j 5.26 expand every relationship of the node and filter
// afterwards: 200 000 for the largest hub of the 1m benchmark corpus, to find its 9 000
// roles. The order: facts at the other end in the order their article tells them (article,
// position), then the other end's key, then the relationship's key (src/graph/loaders.ts
// sorts what it reads ahead the same way).
//
// That order is kept in the graph: each relationship's `outKey` and `inKey` (written by
// cypher/seed/links.cypher) is its start or end node's key and then its place, and each is
// indexed (cypher/schema-by-type.cypher). So a page is read from the index in order, one
// range per direction, and stops once it has $offset + $limit: the first ten of a hub's
// 9 929 supporters read ten relationships, where sorting them read all 9 929. The total is
// the node's degree (which Neo4j keeps), or, with a stance or status to match or on an article
// or sentence (whose PART_OF of sentences is not a page), counted over the node's relationships.
//
// Looking ahead (src/graph/lookahead.ts) adds two things a request will ask next, so that
// they cost no query of their own: with $withNode, the node itself (labels, props); with
// $followTypes, each page item's own relationships of those types (fragments/follows.cypher);
// with $linked, the nodes each relationship names by key: the fact it rests on (`via`) and
// the sentences of its evidence.
UNWIND $ids AS id
MATCH (n:Node {id: id})
CALL (n) {
  // Both directions: each range in order, cut at what the page needs, then merged. A
  // direction not asked for seeks from null, which finds nothing: a guard before the seek
  // (WITH n WHERE …) is planned after it, and read the 8 710 the 1m hub supports to find none.
  CALL (n) {
    MATCH (:Node)-[r:{{type}}]->(m:Node)
    USING INDEX r:{{type}}(outKey)
    WHERE r.outKey STARTS WITH CASE WHEN $direction <> 'INCOMING' THEN n.id + '\u0001' END
      AND ($stance IS NULL OR r.stance = $stance)
      AND ($status IS NULL OR m.status = $status)
    WITH r, m ORDER BY r.outKey LIMIT $offset + $limit
    RETURN r, m, substring(r.outKey, size(n.id)) AS place
    UNION ALL
    MATCH (m:Node)-[r:{{type}}]->(:Node)
    USING INDEX r:{{type}}(inKey)
    WHERE r.inKey STARTS WITH CASE WHEN $direction <> 'OUTGOING' THEN n.id + '\u0001' END
      AND ($stance IS NULL OR r.stance = $stance)
      AND ($status IS NULL OR m.status = $status)
    WITH r, m ORDER BY r.inKey LIMIT $offset + $limit
    RETURN r, m, substring(r.inKey, size(n.id)) AS place
  }
  WITH r, m ORDER BY place SKIP $offset LIMIT $limit
  RETURN collect({r: r, m: m}) AS rows
}
// The total: the degree Neo4j keeps, when nothing is to match and the node is neither an
// article nor a sentence (whose PART_OF of sentences is not a page); else counted.
WITH id, n, rows,
     CASE WHEN $stance IS NULL AND $status IS NULL AND NOT n:Sentence AND NOT n:Article
       THEN CASE WHEN $direction <> 'INCOMING' THEN COUNT { (n)-[:{{type}}]->() } ELSE 0 END +
            CASE WHEN $direction <> 'OUTGOING' THEN COUNT { (n)<-[:{{type}}]-() } ELSE 0 END
       ELSE CASE WHEN $direction <> 'INCOMING' THEN COUNT {
              MATCH (n)-[r:{{type}}]->(m:Node)
              WHERE NOT m:Sentence AND NOT m:Article AND ($stance IS NULL OR r.stance = $stance) AND ($status IS NULL OR m.status = $status)
            } ELSE 0 END +
            CASE WHEN $direction <> 'OUTGOING' THEN COUNT {
              MATCH (n)<-[r:{{type}}]-(m:Node)
              WHERE NOT m:Sentence AND NOT m:Article AND ($stance IS NULL OR r.stance = $stance) AND ($status IS NULL OR m.status = $status)
            } ELSE 0 END
     END AS total
CALL (n, rows) {
  UNWIND rows AS x
  WITH x.r AS r, x.m AS m
  RETURN collect({type: type(r), outgoing: startNode(r) = n, props: r {.*, outKey: null, inKey: null}, otherId: m.id, otherLabels: labels(m), otherProps: properties(m),
                  follows: {{follows m}},
                  linked: CASE WHEN $linked THEN COLLECT {
                    MATCH (x:Node) WHERE x.id IN [r.via] + coalesce(r.evidenceSentences, [])
                    RETURN {id: x.id, labels: labels(x), props: properties(x)}
                  } ELSE [] END}) AS page
}
RETURN id, total, page,
       CASE WHEN $withNode THEN labels(n) END AS labels,
       CASE WHEN $withNode THEN properties(n) END AS props
