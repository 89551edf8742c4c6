// path: the first of the shortest chains (at most 4 hops) between two nodes, in the JSON
// shape of `path(from:, to:, maxHops: 4, first: 1) { length nodes { label } }`. Tuned: the
// hop bound is a literal and the relationship types are listed (every type of the
// vocabulary, seeds/vocabulary.yaml and src/core/vocabulary.ts), which keeps the search off
// the text layer without per-path predicates. Like src/graph/reads.ts it reads up to 100
// shortest chains and keeps the clearest: the fewest structural steps (a fact's parts),
// then the first by the keys and types along it.
MATCH (a:Node {id: $from}), (b:Node {id: $to})
WHERE a <> b
MATCH p = allShortestPaths((a)-[:ABOUT|ACCUSED|ACQUIRED|AFFILIATED_WITH|ALLIED_WITH|APPOINTED|ARRESTED|BANNED|BASED_IN|BY|CAUSED_BY|CHARGED|CONDEMNED|CONSIDERED_AT|CONTRACTED|CRITICISED|DECIDED_BY|DEFENDED|DISMISSED|ELECTED|EMPLOYS|ENDORSED|FINED|FOLLOWED|FUNDED|HELD_AT|HOLDS|IN|INVESTIGATED|IN_RESPONSE_TO|LEADS|MADE_IN|MEMBER_OF|MET|NEGOTIATED_WITH|ON|ON_BEHALF_OF|OPPOSED|OWNS|PARTICIPATED_IN|PART_OF|PRAISED|PROPOSED|QUOTED|QUOTES|REJECTED|REMOVED_FROM_POST|REMOVED_WHIP_FROM|REPLACED|REPRESENTS|RESIGNED_FROM|RULED_AGAINST|RULED_FOR|SAID_BY|SENTENCED|SIGNED|STRUCK_AGAINST|SUED|SUPPORTED|SUSPENDED|TARGETS|TOLD_TO|VOTED|WORKS_FOR*..4]-(b))
WITH p LIMIT 100
WITH p, reduce(s = '', x IN [n IN nodes(p) | n.id] + [r IN relationships(p) | type(r) + ':' + coalesce(r.id, '')] | s + '|' + x) AS signature,
     size([r IN relationships(p) WHERE type(r) IN ['HOLDS', 'IN', 'PART_OF', 'AFFILIATED_WITH', 'PARTICIPATED_IN', 'TARGETS', 'DECIDED_BY', 'ON_BEHALF_OF', 'CONSIDERED_AT', 'ON', 'BY', 'HELD_AT', 'VOTED', 'SAID_BY', 'TOLD_TO', 'MADE_IN', 'QUOTES', 'ABOUT']]) AS structural
ORDER BY structural, signature
LIMIT 1
RETURN {path: collect({
  length: length(p),
  nodes: [n IN nodes(p) | {label: coalesce(n.name, n.title, CASE WHEN n:Statement THEN '“' + n.text + '”' END, CASE WHEN n:Vote THEN 'vote ' + toString(n.votesFor) + '–' + toString(n.votesAgainst) END, n.id)}]
})} AS data
