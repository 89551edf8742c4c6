// The hub: the person with the most relationships, whose lists are the longest to read
// (issue 15's hostile requests start there).
MATCH (p:Person)
RETURN p.id AS id, COUNT { (p)--() } AS degree
ORDER BY degree DESC, id
LIMIT 1
