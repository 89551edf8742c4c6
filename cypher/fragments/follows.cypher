// Included by page queries as {{follows <node>}} (see src/db/cypher.ts): for a fact at
// <node>, its relationships of each type and direction in $follow ([{type, direction}]), in
// the shape of read/relationship-pages' page rows. The loader primes its relationship
// loader with them (src/graph/loaders.ts), so a field such as a role's `in`, asked of every
// item of the page, costs no query of its own. Only facts are followed: a fact belongs to
// one article, so the untyped expansion below costs that article's share of the node, while
// an entity may be a hub whose relationships are worth a typed query of their own.
[f IN CASE WHEN {{node}}:Fact THEN $follow ELSE [] END | {type: f.type, direction: f.direction, rels: [({{node}})-[fr]-(fo:Node) WHERE type(fr) = f.type AND (f.direction = 'BOTH' OR (startNode(fr) = {{node}}) = (f.direction = 'OUTGOING')) AND NOT fo:Sentence AND NOT fo:Article | {type: type(fr), outgoing: startNode(fr) = {{node}}, props: properties(fr), otherId: fo.id, otherLabels: labels(fo), otherProps: properties(fo)}]}]
