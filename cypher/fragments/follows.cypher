// Included by page queries as {{follows <node>}} (see src/db/cypher.ts): for a fact at
// <node>, its relationships of the types in $followTypes, both ways, in the shape of
// read/relationship-pages' page rows (null for anything else). The loader splits them by type
// and direction and primes its relationship loader with them (src/graph/loaders.ts), so a
// field such as a role's `in`, asked of every item of the page, costs no query of its own.
// Only facts are followed: a fact belongs to one article, so the untyped expansion below
// costs that article's share of the node, while an entity may be a hub whose relationships
// are worth a typed query of their own.
CASE WHEN {{node}}:Fact AND size($followTypes) > 0 THEN [({{node}})-[fr]-(fo:Node) WHERE type(fr) IN $followTypes AND NOT fo:Sentence AND NOT fo:Article | {type: type(fr), outgoing: startNode(fr) = {{node}}, props: fr {.*, outKey: null, inKey: null}, otherId: fo.id, otherLabels: labels(fo), otherProps: properties(fo)}] END
