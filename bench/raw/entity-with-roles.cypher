// entityWithRoles: an entity by key with a page of its roles and where each is held, in the
// JSON shape of `entity(id:) { name aliases roles(first:) { totalCount edges { node { title
// status in { name } } } } }`. Roles come in key order and `in` is the first IN target by
// key, as src/graph/loaders.ts orders them.
OPTIONAL MATCH (e:Node {id: $id})
WHERE e:Entity
CALL (e) {
  MATCH (e)-[:HOLDS]->(r:Node)
  WHERE NOT r:Sentence AND NOT r:Article
  RETURN count(r) AS total
}
CALL (e) {
  MATCH (e)-[:HOLDS]->(r:Node)
  WHERE NOT r:Sentence AND NOT r:Article
  WITH r ORDER BY r.id LIMIT $first
  CALL (r) {
    OPTIONAL MATCH (r)-[:IN]->(o:Node)
    WHERE NOT o:Sentence AND NOT o:Article
    WITH o ORDER BY o.id LIMIT 1
    RETURN CASE WHEN o IS NULL THEN null ELSE {name: o.name} END AS in
  }
  WITH r, in ORDER BY r.id
  RETURN collect({node: {title: r.title, status: r.status, in: in}}) AS edges
}
RETURN {entity: CASE WHEN e IS NULL THEN null ELSE {name: e.name, aliases: coalesce(e.aliases, []), roles: {totalCount: total, edges: edges}} END} AS data
