// Constraints and indexes, applied at start-up and before seeding. Each statement is
// idempotent (IF NOT EXISTS), so applying the file again changes nothing.

// Every addressable node (article, sentence, entity, fact) carries :Node and a unique id.
CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;

CREATE INDEX sentence_article IF NOT EXISTS FOR (s:Sentence) ON (s.articleId);
CREATE INDEX fact_article IF NOT EXISTS FOR (f:Fact) ON (f.articleId);
CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);
CREATE INDEX entity_kind IF NOT EXISTS FOR (e:Entity) ON (e.kind);
CREATE INDEX event_date IF NOT EXISTS FOR (e:Event) ON (e.date);

// Full-text search over entity names and aliases, what statements say, and events and motions
// (names, titles, descriptions, what a motion seeks, an event's type).
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliasText];
CREATE FULLTEXT INDEX statement_text IF NOT EXISTS FOR (s:Statement) ON EACH [s.text];
CREATE FULLTEXT INDEX fact_text IF NOT EXISTS FOR (f:Event|Motion) ON EACH [f.name, f.title, f.description, f.seeks, f.type];

// Revisions of articles (cypher/write/revision.cypher): not graph nodes, found by article.
CREATE CONSTRAINT revision_id IF NOT EXISTS FOR (r:Revision) REQUIRE r.id IS UNIQUE;
CREATE INDEX revision_article IF NOT EXISTS FOR (r:Revision) ON (r.articleId);

// The place of each span of evidence among its node's (cypher/seed/evidence.cypher), so the
// first spans of a hub are read in order (cypher/read/evidence-by-node.cypher).
CREATE RANGE INDEX span_key_evidenced_by IF NOT EXISTS FOR ()-[r:EVIDENCED_BY]-() ON (r.spanKey);
CREATE RANGE INDEX span_key_mentioned_in IF NOT EXISTS FOR ()-[r:MENTIONED_IN]-() ON (r.spanKey);
