// One page of each node's relationships of some types ($types), in one direction or both,
// optionally with one stance (ABOUT): the total, and only the page's relationships read in
// full. Lists that are not paged ask for offset 0 and a limit above any degree.
//
// Why a branch per type: a type list given as a parameter (`-[r:$any($types)]-`) makes Neo4j
// expand every relationship of the node and filter afterwards (200 000 for the largest hub
// of the 1m benchmark corpus, to find its 9 000 roles); a branch with a fixed type whose
// guard is false is pruned before it expands anything. The types are every relationship the
// seed loader writes between entities and facts (src/seed/load.ts linkTypes; a test keeps
// the lists equal). The order (type, the other end's key, the relationship's key) needs only
// keys, so a hub's first page sorts keys, not properties.
UNWIND $ids AS id
MATCH (n:Node {id: id})
CALL (n) {
  WITH n WHERE 'HOLDS' IN $types MATCH (n)-[r:HOLDS]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'IN' IN $types MATCH (n)-[r:IN]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'PART_OF' IN $types MATCH (n)-[r:PART_OF]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'MEMBER_OF' IN $types MATCH (n)-[r:MEMBER_OF]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'AFFILIATED_WITH' IN $types MATCH (n)-[r:AFFILIATED_WITH]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'PARTICIPATED_IN' IN $types MATCH (n)-[r:PARTICIPATED_IN]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'TARGETS' IN $types MATCH (n)-[r:TARGETS]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'DECIDED_BY' IN $types MATCH (n)-[r:DECIDED_BY]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'CONSIDERED_AT' IN $types MATCH (n)-[r:CONSIDERED_AT]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'ON' IN $types MATCH (n)-[r:ON]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'BY' IN $types MATCH (n)-[r:BY]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'HELD_AT' IN $types MATCH (n)-[r:HELD_AT]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'VOTED' IN $types MATCH (n)-[r:VOTED]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'SAID_BY' IN $types MATCH (n)-[r:SAID_BY]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'TOLD_TO' IN $types MATCH (n)-[r:TOLD_TO]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'MADE_IN' IN $types MATCH (n)-[r:MADE_IN]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'QUOTES' IN $types MATCH (n)-[r:QUOTES]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'ABOUT' IN $types MATCH (n)-[r:ABOUT]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'PROPOSED' IN $types MATCH (n)-[r:PROPOSED]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'SUPPORTED' IN $types MATCH (n)-[r:SUPPORTED]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'OPPOSED' IN $types MATCH (n)-[r:OPPOSED]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'QUOTED' IN $types MATCH (n)-[r:QUOTED]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'LEADS' IN $types MATCH (n)-[r:LEADS]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'REPRESENTS' IN $types MATCH (n)-[r:REPRESENTS]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'REMOVED_WHIP_FROM' IN $types MATCH (n)-[r:REMOVED_WHIP_FROM]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'CRITICISED' IN $types MATCH (n)-[r:CRITICISED]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'PRAISED' IN $types MATCH (n)-[r:PRAISED]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'ACCUSED' IN $types MATCH (n)-[r:ACCUSED]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'INVESTIGATED' IN $types MATCH (n)-[r:INVESTIGATED]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'ALLIED_WITH' IN $types MATCH (n)-[r:ALLIED_WITH]-(m:Node) RETURN r, m
  UNION ALL
  WITH n WHERE 'WORKS_FOR' IN $types MATCH (n)-[r:WORKS_FOR]-(m:Node) RETURN r, m
}
WITH id, n, r, m
WHERE ($direction = 'BOTH' OR (startNode(r) = n) = ($direction = 'OUTGOING'))
  AND ($stance IS NULL OR r.stance = $stance)
  AND NOT m:Sentence AND NOT m:Article
WITH id, n, r, m ORDER BY type(r), m.id, coalesce(r.id, '')
WITH id, n, collect({r: r, m: m}) AS rows
RETURN id, size(rows) AS total,
       [x IN rows[$offset..($offset + $limit)] | {type: type(x.r), outgoing: startNode(x.r) = n, props: properties(x.r), otherId: x.m.id, otherLabels: labels(x.m), otherProps: properties(x.m)}] AS page
