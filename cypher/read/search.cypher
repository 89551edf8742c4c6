// Full-text search over entity names and aliases and over statement text. $query is a
// Lucene query built by src/graph/search-query.ts from escaped words, never raw input.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $limit}) YIELD node, score
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('statement_text', $query, {limit: $limit}) YIELD node, score
  RETURN node, score
}
WITH node, score ORDER BY score DESC, node.id LIMIT $limit
RETURN node.id AS id, labels(node) AS labels, properties(node) AS props, score
