// Entity names, from which search words are taken.
MATCH (e:Entity)
RETURN e.id AS id, e.name AS name
ORDER BY id
LIMIT $limit
