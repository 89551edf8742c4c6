// The sentences each node is evidenced by (facts) or mentioned in (entities), with spans.
UNWIND $ids AS id
MATCH (n:Node {id: id})-[r:EVIDENCED_BY|MENTIONED_IN]->(s:Sentence)
RETURN id, r.start AS start, r.end AS end, s.id AS sentenceId, properties(s) AS sentence
ORDER BY s.articleId, s.index, r.start
