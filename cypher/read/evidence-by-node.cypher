// The spans of evidence of each node (facts: EVIDENCED_BY) or where it is mentioned
// (entities: MENTIONED_IN), each with the sentences it touches, in article order: at most
// $spans spans per node and $sentences sentences per span (src/graph/loaders.ts gives the
// caps the cost model prices; a hub entity is mentioned thousands of times).
//
// The order is kept in the graph: the link to a span's first sentence carries its place
// (`spanKey`: node, article, first sentence, start, end) and its sentences
// (cypher/seed/evidence.cypher), and each type's index of it is read in order from the
// node's key and cut at $spans. The first 50 mentions of the 1m corpus's largest hub read 50
// links, where grouping all of its mentions read 420 000 database hits.
UNWIND $ids AS id
MATCH (n:Node {id: id})
CALL (n) {
  CALL (n) {
    MATCH ()-[r:EVIDENCED_BY]->()
    USING INDEX r:EVIDENCED_BY(spanKey)
    WHERE r.spanKey STARTS WITH n.id + '\u0001'
    WITH r ORDER BY r.spanKey LIMIT $spans
    RETURN r
    UNION ALL
    MATCH ()-[r:MENTIONED_IN]->()
    USING INDEX r:MENTIONED_IN(spanKey)
    WHERE r.spanKey STARTS WITH n.id + '\u0001'
    WITH r ORDER BY r.spanKey LIMIT $spans
    RETURN r
  }
  WITH r ORDER BY r.spanKey LIMIT $spans
  RETURN r.articleId AS articleId, r.start AS start, r.end AS end,
         COLLECT { MATCH (s:Node) WHERE s.id IN r.spanSentences[0..$sentences] RETURN s ORDER BY s.index } AS sentences
}
RETURN id, articleId, start, end, [s IN sentences | {id: s.id, props: properties(s)}] AS sentences
