// Full-text search over entity names and aliases, statements (their words), and events and
// motions (names, titles, descriptions, what a motion seeks, an event's type), as $kinds asks
// (ENTITY, STATEMENT, FACT). $query is a Lucene query built by src/graph/search-query.ts from
// escaped words, never raw input.
CALL () {
  WITH 1 AS asked WHERE 'ENTITY' IN $kinds
  CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $limit}) YIELD node, score
  RETURN node, score
  UNION ALL
  WITH 1 AS asked WHERE 'STATEMENT' IN $kinds
  CALL db.index.fulltext.queryNodes('statement_text', $query, {limit: $limit}) YIELD node, score
  RETURN node, score
  UNION ALL
  WITH 1 AS asked WHERE 'FACT' IN $kinds
  CALL db.index.fulltext.queryNodes('fact_text', $query, {limit: $limit}) YIELD node, score
  RETURN node, score
}
WITH node, score ORDER BY score DESC, node.id LIMIT $limit
RETURN node.id AS id, labels(node) AS labels, properties(node) AS props, score
