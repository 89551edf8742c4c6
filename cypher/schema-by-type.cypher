// Indexes applied once for each relationship type of the vocabulary ({{type}}, see
// src/db/cypher.ts), at start-up with cypher/schema.cypher: the place of a relationship in
// the pages read from its start node (outKey) and from its end node (inKey), written by
// cypher/seed/links.cypher. A page of a hub's relationships is a range of one of them,
// read in order, so it costs its own length (cypher/read/relationship-pages.cypher).
CREATE RANGE INDEX out_key_{{type}} IF NOT EXISTS FOR ()-[r:{{type}}]-() ON (r.outKey);
CREATE RANGE INDEX in_key_{{type}} IF NOT EXISTS FOR ()-[r:{{type}}]-() ON (r.inKey);
