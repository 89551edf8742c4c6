// Full-text search over entities (names, aliases, descriptions), statements (their words), and
// events and motions (names, titles, descriptions, what a motion seeks). $query is a Lucene
// query built by src/graph/search-query.ts from escaped words, never raw input.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_text', $query, {limit: $limit}) YIELD node, score
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('statement_text', $query, {limit: $limit}) YIELD node, score
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('fact_text', $query, {limit: $limit}) YIELD node, score
  RETURN node, score
}
WITH node, score ORDER BY score DESC, node.id LIMIT $limit
RETURN node.id AS id, labels(node) AS labels, properties(node) AS props, score
