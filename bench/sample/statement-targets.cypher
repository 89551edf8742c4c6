// Candidates for statementsAbout: entities at least one statement is about, with how many.
MATCH (e:Entity)
WITH e, COUNT { (e)<-[:ABOUT]-(:Statement) } AS degree
WHERE degree > 0
RETURN e.id AS id, degree
ORDER BY id
LIMIT $limit
