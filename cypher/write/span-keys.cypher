// Gives the evidence of a database written before span keys its heads, as
// cypher/seed/evidence.cypher writes them: for each span of each node (one link per sentence
// it touches, grouped by article, start and end), the link to its first sentence gets
// spanHead, spanKey and spanSentences, the others spanHead = false. Applied at start-up
// (src/db/apply-schema.ts), node by node in batches; a no-op once every link has spanHead.
MATCH (n:Node)
WHERE EXISTS { (n)-[r:EVIDENCED_BY|MENTIONED_IN]->(:Sentence) WHERE r.spanHead IS NULL }
CALL (n) {
  MATCH (n)-[r:EVIDENCED_BY|MENTIONED_IN]->(s:Sentence)
  WHERE r.spanHead IS NULL
  WITH r, s ORDER BY s.index
  WITH s.articleId AS articleId, r.start AS start, r.end AS end, collect(r) AS rels, collect(s) AS sentences
  WITH articleId, start, end, rels, sentences, head(rels) AS first, head(sentences) AS s
  SET first.spanHead = true,
      first.spanSentences = [x IN sentences | x.id],
      first.spanKey = n.id + '\u0001' + articleId + '\u0001' + right('0000000000000000' + toString(toInteger(s.index)), 16) + '\u0001' + right('0000000000000000' + toString(toInteger(start)), 16) + '\u0001' + right('0000000000000000' + toString(toInteger(end)), 16)
  WITH rels
  UNWIND tail(rels) AS other
  SET other.spanHead = false
} IN TRANSACTIONS OF 50 ROWS
RETURN count(*) AS nodes
