// Provenance: (thing)-[:EVIDENCED_BY {start, end}]->(sentence) for facts,
// (entity)-[:MENTIONED_IN {start, end}]->(sentence) for entity mentions, one per sentence a
// span touches. The one to a span's first sentence is its head (`spanHead`): it carries the
// span's sentences (`spanSentences`, in order) and its place among the node's spans
// (`spanKey`: the node's key, then article, first sentence, start and end as whole numbers
// padded to 16 digits, joined by U+0001), indexed (cypher/schema.cypher) so that the first spans of an
// entity mentioned 25 000 times are read in order from the index (read/evidence-by-node).
UNWIND $evidence AS ev
MATCH (n:Node {id: ev.node})
MATCH (s:Sentence:Node {id: ev.sentence})
CREATE (n)-[r:$(ev.type)]->(s)
SET r.start = ev.start, r.end = ev.end, r.articleId = $articleId, r.spanHead = ev.span IS NOT NULL,
    r.spanSentences = ev.span,
    r.spanKey = CASE WHEN ev.span IS NOT NULL THEN n.id + '\u0001' + $articleId + '\u0001' + right('0000000000000000' + toString(toInteger(s.index)), 16) + '\u0001' + right('0000000000000000' + toString(toInteger(ev.start)), 16) + '\u0001' + right('0000000000000000' + toString(toInteger(ev.end)), 16) END
RETURN count(r) AS evidence
