// entityWithRoles: an entity by key with a page of its roles and where each is held, in the
// JSON shape of `entity(id:) { name aliases roles(first:) { totalCount edges { node { title
// status in { name } } } } }`. Roles come in the order of every page of relationships (the
// role's place, then its key), read from the HOLDS `outKey` index in that order and cut at
// the page, as cypher/read/relationship-pages.cypher reads them; the total is the degree
// Neo4j keeps. `in` is the first IN target by key, as src/graph/loaders.ts orders them.
OPTIONAL MATCH (e:Node {id: $id})
WHERE e:Entity
CALL (e) {
  // Sought with $id itself (only when the entity exists): so sought, the range is read in
  // index order and stops at the page.
  MATCH (:Node)-[r:HOLDS]->(m:Node)
  USING INDEX r:HOLDS(outKey)
  WHERE r.outKey STARTS WITH CASE WHEN e IS NOT NULL THEN $id + '\u0001' END
  WITH r, m ORDER BY r.outKey LIMIT $first
  CALL (m) {
    OPTIONAL MATCH (m)-[:IN]->(o:Node)
    WHERE NOT o:Sentence AND NOT o:Article
    WITH o ORDER BY o.id LIMIT 1
    RETURN CASE WHEN o IS NULL THEN null ELSE {name: o.name} END AS in
  }
  WITH r, m, in ORDER BY r.outKey
  RETURN collect({node: {title: m.title, status: m.status, in: in}}) AS edges
}
RETURN {entity: CASE WHEN e IS NULL THEN null ELSE {name: e.name, aliases: coalesce(e.aliases, []), roles: {totalCount: COUNT { (e)-[:HOLDS]->() }, edges: edges}} END} AS data
