// The relationship types the database holds relationships of (warm-up plans only queries
// that can find something), from Neo4j's count store (no scan). db.relationshipTypes()
// would also list every type that has an index and no relationship (cypher/schema-by-type.cypher).
CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
UNWIND data.relationships AS r
WITH r WHERE r.relationshipType IS NOT NULL AND r.startLabel IS NULL AND r.endLabel IS NULL AND r.count > 0
RETURN r.relationshipType AS type
