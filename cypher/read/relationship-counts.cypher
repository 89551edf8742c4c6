// How many relationships of each type the graph holds, from Neo4j's count store (no scan).
CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
UNWIND data.relationships AS r
WITH r WHERE r.relationshipType IS NOT NULL AND r.startLabel IS NULL AND r.endLabel IS NULL
RETURN r.relationshipType AS type, r.count AS count
