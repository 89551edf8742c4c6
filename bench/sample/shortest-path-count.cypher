// How many shortest chains (at most 4 hops, up to 101) join two nodes. Pairs with more than
// 100 are left out of the sample: the servers read at most 100 and pick the first by key,
// so beyond 100 which chain each returns is not determined.
MATCH (a:Node {id: $from}), (b:Node {id: $to})
MATCH p = allShortestPaths((a)-[:HOLDS|IN|PART_OF|MEMBER_OF|AFFILIATED_WITH|PARTICIPATED_IN|TARGETS|DECIDED_BY|CONSIDERED_AT|ON|BY|HELD_AT|VOTED|SAID_BY|TOLD_TO|MADE_IN|QUOTES|ABOUT|PROPOSED|SUPPORTED|OPPOSED|QUOTED|LEADS|REPRESENTS|REMOVED_WHIP_FROM|CRITICISED|PRAISED|ACCUSED|INVESTIGATED|ALLIED_WITH|WORKS_FOR*..4]-(b))
WITH p LIMIT 101
RETURN count(p) AS paths
