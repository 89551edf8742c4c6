// The clearest of the shortest chains of relationships between two nodes, over the graph of
// entities and facts: {{types}} is every relationship type of the vocabulary
// (src/db/cypher.ts), so the search never enters the text layer (EVIDENCED_BY, MENTIONED_IN
// lead to sentences, sentences to articles).
// {{bound}} is the longest chain asked for (see src/db/cypher.ts): the search stops there.
//
// Finding the chains. Neo4j's allShortestPaths searches from both ends at once, a level at
// a time, and so reads every relationship of a hub at either end: 135 000 for the largest
// person of the 1m benchmark corpus, 70–95 ms, even when the other end is one step away.
// Chains of 1, 2 and 3 steps are therefore looked for first from the end with fewer
// relationships (`s`), a level at a time, each level only when the one before found none,
// testing at the last step whether each node reached touches the other end (`h`). Neo4j
// answers each such test from the smaller side of the two, so a level costs about the
// relationships of the nodes it expands plus, for each node it tests, the smaller of that
// node's and h's. A level goes this way only when that cost is no more than h's
// relationships (`hDegree`), about what the search from both ends would read: two steps when
// the tests of s's neighbours (`tests`) are, three when the relationships of s's neighbours
// (`reach`) plus the tests of the nodes two steps away (`probes`) are. All of these counts,
// `hDegree` included, are of all of a node's relationships, one look-up in Neo4j's counts
// each: a count by the vocabulary's types costs one look-up per type, 128 of the ~350
// database hits of an article pair for the two ends. So both sides of the comparison count
// links to the text (mentions, evidence), which the search from both ends does not read:
// where h has many, a level may be taken that costs more than that search would, by at most
// the ratio of all h's links to its others (1.5 for the 1m corpus's largest person). Over
// 188 ordered pairs at 1m, 88 of them next to its 8 largest hubs, counting by type took
// 1 980 ms in all (slowest 126), counting so 1 932 ms (slowest 107).
// Otherwise, and for longer chains,
// allShortestPaths. The shortest chains are the same either way (a chain of the first level
// with any is shortest, and such a chain never repeats a node); the collecting stops at
// $candidates, as before.
//
// Ranking. Neo4j returns equally short chains in no fixed order: up to $candidates of them
// are ranked here, clearest first: the fewest steps of $structural types (the parts of a
// fact: SAID_BY, ABOUT, HOLDS, …; src/graph/reads.ts), then by the keys and types along the
// chain (`signature`), so answers are stable. Chains that differ only in which fact of a
// kind they pass through (two statements of one speaker about the same person: the same
// `shape`) are near-duplicates: only the clearest of each is kept. Only the $first kept are
// read in full.
MATCH (a:Node {id: $from}), (b:Node {id: $to})
WITH a, b, COUNT { (a)--() } AS aDegree, COUNT { (b)--() } AS bDegree
WITH a, b, aDegree <= bDegree AS fromA,
     CASE WHEN aDegree <= bDegree THEN a ELSE b END AS s,
     CASE WHEN aDegree <= bDegree THEN b ELSE a END AS h,
     CASE WHEN aDegree <= bDegree THEN bDegree ELSE aDegree END AS hDegree
CALL (s, h) {
  MATCH (s)-[r1:{{types}}]-(h)
  WITH s, h, r1 LIMIT $candidates
  RETURN collect({ns: [s, h], rs: [r1]}) AS one
}
CALL (s, one, hDegree) {
  WITH s, hDegree WHERE one = [] AND 2 <= {{bound}}
  MATCH (s)-[:{{types}}]-(x)
  WITH DISTINCT x, hDegree
  WITH COUNT { (x)--() } AS degree, hDegree
  RETURN sum(degree) AS reach, sum(CASE WHEN degree < hDegree THEN degree ELSE hDegree END) AS tests
}
WITH *, tests <= hDegree AS near2
CALL (s, h, one, near2) {
  WITH s, h WHERE one = [] AND 2 <= {{bound}} AND near2
  MATCH (s)-[r1:{{types}}]-(x)
  WITH s, h, x, collect(r1) AS r1s
  MATCH (x)-[r2:{{types}}]-(h)
  UNWIND r1s AS r1
  WITH s, x, h, r1, r2 LIMIT $candidates
  RETURN collect({ns: [s, x, h], rs: [r1, r2]}) AS two
}
CALL (s, h, one, two, near2, hDegree) {
  WITH s, h, hDegree WHERE one = [] AND two = [] AND 3 <= {{bound}} AND near2
  MATCH (s)-[:{{types}}]-(x)
  WITH DISTINCT s, h, hDegree, x
  MATCH (x)-[:{{types}}]-(y)
  WHERE NOT y IN [s, h]
  WITH DISTINCT y, hDegree
  WITH COUNT { (y)--() } AS degree, hDegree
  RETURN sum(CASE WHEN degree < hDegree THEN degree ELSE hDegree END) AS probes
}
WITH *, near2 AND reach + probes <= hDegree AS near3
CALL (s, h, one, two, near3) {
  WITH s, h WHERE one = [] AND two = [] AND 3 <= {{bound}} AND near3
  MATCH (s)-[r1:{{types}}]-(x)
  WITH s, h, x, collect(r1) AS r1s
  MATCH (x)-[r2:{{types}}]-(y)
  WHERE NOT y IN [s, h]
  WITH s, h, y, collect({x: x, r1s: r1s, r2: r2}) AS heads
  MATCH (y)-[r3:{{types}}]-(h)
  UNWIND heads AS head
  UNWIND head.r1s AS r1
  WITH s, head.x AS x, y, h, r1, head.r2 AS r2, r3 LIMIT $candidates
  RETURN collect({ns: [s, x, y, h], rs: [r1, r2, r3]}) AS three
}
CALL (s, h, one, two, three, near2, near3) {
  WITH s, h WHERE one = [] AND two = [] AND three = []
    AND (3 < {{bound}} OR (2 <= {{bound}} AND NOT near2) OR (3 <= {{bound}} AND NOT near3))
  MATCH p = allShortestPaths((s)-[:{{types}}*..{{bound}}]-(h))
  WITH p LIMIT $candidates
  RETURN collect({ns: nodes(p), rs: relationships(p)}) AS more
}
UNWIND one + two + three + more AS chain
WITH CASE WHEN fromA THEN chain.ns ELSE reverse(chain.ns) END AS ns,
     CASE WHEN fromA THEN chain.rs ELSE reverse(chain.rs) END AS rs
WITH ns, rs,
     size([r IN rs WHERE type(r) IN $structural]) AS indirect,
     reduce(s = '', x IN [n IN ns | n.id] + [r IN rs | type(r) + ':' + coalesce(r.id, '')] | s + '|' + x) AS signature,
     reduce(s = '', x IN [i IN range(0, size(ns) - 1) |
                          CASE WHEN ns[i]:Fact AND 0 < i < size(ns) - 1
                            THEN coalesce(head([l IN labels(ns[i]) WHERE l <> 'Node' AND l <> 'Fact']), '') ELSE ns[i].id END]
                         + [r IN rs | type(r)] | s + '|' + x) AS shape
ORDER BY indirect, signature
WITH shape, head(collect({ns: ns, rs: rs, indirect: indirect, signature: signature})) AS best
ORDER BY best.indirect, best.signature
LIMIT $first
// bench/raw-server.ts runs this query with this last clause cut to the answer's labels.
RETURN [n IN best.ns | {id: n.id, labels: labels(n), props: properties(n)}] AS nodes,
       [r IN best.rs | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: r {.*, outKey: null, inKey: null}}] AS rels
