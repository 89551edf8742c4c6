// path: the first of the shortest chains (at most 4 hops) between two nodes, in the JSON
// shape of `path(from:, to:, maxHops: 4, first: 1) { length nodes { label } }`. Tuned: the
// hop bound is a literal and the relationship types are listed (every type the loader
// writes between entities and facts, src/seed/load.ts), which keeps the search off the text
// layer without per-path predicates. Like src/schema/path.ts it reads up to 100 shortest
// chains and keeps the first by the keys and types along it.
MATCH (a:Node {id: $from}), (b:Node {id: $to})
WHERE a <> b
MATCH p = allShortestPaths((a)-[:HOLDS|IN|PART_OF|MEMBER_OF|AFFILIATED_WITH|PARTICIPATED_IN|TARGETS|DECIDED_BY|CONSIDERED_AT|ON|BY|HELD_AT|VOTED|SAID_BY|TOLD_TO|MADE_IN|QUOTES|ABOUT|PROPOSED|SUPPORTED|OPPOSED|QUOTED|LEADS|REPRESENTS|REMOVED_WHIP_FROM|CRITICISED|PRAISED|ACCUSED|INVESTIGATED|ALLIED_WITH|WORKS_FOR*..4]-(b))
WITH p LIMIT 100
WITH p, reduce(s = '', x IN [n IN nodes(p) | n.id] + [r IN relationships(p) | type(r) + ':' + coalesce(r.id, '')] | s + '|' + x) AS signature
ORDER BY signature
LIMIT 1
RETURN {path: collect({
  length: length(p),
  nodes: [n IN nodes(p) | {label: coalesce(n.name, n.title, CASE WHEN n:Statement THEN '“' + n.text + '”' END, CASE WHEN n:Vote THEN 'vote ' + toString(n.votesFor) + '–' + toString(n.votesAgainst) END, n.id)}]
})} AS data
