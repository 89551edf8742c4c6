// search: full-text search over entity names and aliases and statement text, in the JSON
// shape of `search(text:, first:) { score node { label } }`. $query is the escaped Lucene
// query src/graph/search-query.ts builds; ordering as cypher/read/search.cypher.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $first}) YIELD node, score
  RETURN node, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('statement_text', $query, {limit: $first}) YIELD node, score
  RETURN node, score
}
WITH node, score ORDER BY score DESC, node.id LIMIT $first
RETURN {search: collect({
  score: score,
  node: {label: coalesce(node.name, node.title, CASE WHEN node:Statement THEN '“' + node.text + '”' END, CASE WHEN node:Vote THEN 'vote ' + toString(node.votesFor) + '–' + toString(node.votesAgainst) END, node.id)}
})} AS data
