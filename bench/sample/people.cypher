// Candidates for the start of a path: people with at least one relationship to an entity or
// a fact, with how many relationships they have.
MATCH (p:Person)
WHERE EXISTS { (p)--(:Entity) } OR EXISTS { (p)--(:Fact) }
RETURN p.id AS id, COUNT { (p)--() } AS degree
ORDER BY id
LIMIT $limit
