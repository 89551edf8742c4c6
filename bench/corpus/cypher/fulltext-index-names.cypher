// The full-text indexes cypher/schema.cypher creates; the generator drops them for the bulk
// load and creates them again afterwards.
SHOW FULLTEXT INDEXES YIELD name RETURN name
