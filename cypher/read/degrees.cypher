// Each node's relationships counted by type and direction, from the counts Neo4j keeps (no
// relationship is read): for each type of the vocabulary, [outgoing, incoming]. A hub's
// relationships of several types are paged type by type (src/graph/traverse.ts typesPage):
// these are each type's totals, so only the types a page falls in are read.
//
// {{degrees}} is a map of every type (see src/db/cypher.ts), each entry
// `TYPE: [COUNT { (n)-[:TYPE]->() }, COUNT { (n)<-[:TYPE]-() }]`.
UNWIND $ids AS id
MATCH (n:Node {id: id})
RETURN id, {{degrees}} AS degrees
