// Candidates for entityWithRoles: entities holding at least one role, with how many
// relationships they have (the hubs are the costly ones to read).
MATCH (e:Entity)
WHERE EXISTS { (e)-[:HOLDS]->() }
RETURN e.id AS id, COUNT { (e)--() } AS degree
ORDER BY id
LIMIT $limit
