// Removes entities left with no relationship at all after a correction or a retraction
// (no article mentions them, no fact names them).
UNWIND $ids AS id
MATCH (n:Entity:Node {id: id})
WHERE NOT EXISTS { (n)--() }
DETACH DELETE n
RETURN count(*) AS removed
