// The relationship types the database holds (warm-up plans only queries that can find something).
CALL db.relationshipTypes() YIELD relationshipType
RETURN relationshipType AS type
