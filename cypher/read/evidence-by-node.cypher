// The spans of evidence of each node (facts: EVIDENCED_BY) or where it is mentioned
// (entities: MENTIONED_IN), each with the sentences it touches, in article order: at most
// $spans spans per node and $sentences sentences per span (src/graph/loaders.ts gives the
// caps the cost model prices; a hub entity is mentioned thousands of times).
UNWIND $ids AS id
MATCH (n:Node {id: id})
CALL (n) {
  MATCH (n)-[r:EVIDENCED_BY|MENTIONED_IN]->(s:Sentence)
  WITH s.articleId AS articleId, r.start AS start, r.end AS end, s
  ORDER BY s.index
  WITH articleId, start, end, min(s.index) AS first, collect(s) AS sentences
  ORDER BY articleId, first, start, end
  LIMIT $spans
  RETURN articleId, start, end, sentences[0..$sentences] AS sentences
}
RETURN id, articleId, start, end, [s IN sentences | {id: s.id, props: properties(s)}] AS sentences
