// Candidates for supporters: entities with at least one supporter, with how many.
MATCH (e:Entity)
WITH e, COUNT { (e)<-[:SUPPORTED]-() } AS degree
WHERE degree > 0
RETURN e.id AS id, degree
ORDER BY id
LIMIT $limit
