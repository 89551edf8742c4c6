// supporters: who supported an entity, each with the fact behind it and the words of the
// article, in the JSON shape of `entity(id:) { name supporters(first:) { totalCount edges {
// node { other { label } via { label } evidence { text start end } } } } }`.
// Order and evidence follow src/graph/loaders.ts and src/schema/relationship.ts: supporters by
// article order of the fact at the other end (article, position; entities after facts), then key; at most 5 spans
// of evidence (src/graph/loaders.ts EVIDENCE_FOR_FACT): a relationship's own spans, else those of `via`, else those of the supporter when it
// is a fact, else where the entity is mentioned. Labels follow displayName in
// src/schema/node.ts.
OPTIONAL MATCH (e:Node {id: $id})
WHERE e:Entity
CALL (e) {
  MATCH (e)<-[r:SUPPORTED]-(m:Node)
  WHERE NOT m:Sentence AND NOT m:Article
  RETURN count(r) AS total
}
CALL (e) {
  MATCH (e)<-[r:SUPPORTED]-(m:Node)
  WHERE NOT m:Sentence AND NOT m:Article
  WITH r, m ORDER BY m.articleId, m.position, m.id, coalesce(r.id, '') LIMIT $first
  OPTIONAL MATCH (v:Node {id: r.via})
  CALL (r) {
    UNWIND range(0, size(coalesce(r.evidenceStarts, [])) - 1) AS i
    MATCH (s:Node {id: r.evidenceSentences[i]})
    WITH i, r.evidenceStarts[i] AS start, r.evidenceEnds[i] AS end, s
    WITH i, start, end, s,
         CASE WHEN start > s.start THEN start ELSE s.start END - s.start AS from,
         CASE WHEN end < s.end THEN end ELSE s.end END - s.start AS to
    ORDER BY i
    RETURN collect({text: CASE WHEN to > from THEN substring(s.text, from, to - from) ELSE '' END, start: start, end: end}) AS own
  }
  CALL (r, m, e, own) {
    WITH CASE WHEN size(own) > 0 THEN null WHEN r.via IS NOT NULL THEN r.via WHEN m:Fact THEN m.id ELSE e.id END AS sourceId
    MATCH (:Node {id: sourceId})-[x:EVIDENCED_BY|MENTIONED_IN]->(s:Sentence)
    WITH x, s,
         CASE WHEN x.start > s.start THEN x.start ELSE s.start END - s.start AS from,
         CASE WHEN x.end < s.end THEN x.end ELSE s.end END - s.start AS to
    ORDER BY s.articleId, s.index, x.start
    WITH s.articleId AS article, x.start AS start, x.end AS end, min(s.index) AS first,
         collect(CASE WHEN to > from THEN substring(s.text, from, to - from) ELSE '' END) AS parts
    ORDER BY article, first, start
    RETURN collect({text: reduce(t = head(parts), p IN tail(parts) | t + ' ' + p), start: start, end: end}) AS inherited
  }
  WITH m, v, (own + inherited)[0..5] AS evidence, m.articleId AS ma, m.position AS mp, m.id AS mid, coalesce(r.id, '') AS rid
  ORDER BY ma, mp, mid, rid
  RETURN collect({node: {
    other: {label: coalesce(m.name, m.title, CASE WHEN m:Statement THEN '“' + m.text + '”' END, CASE WHEN m:Vote THEN 'vote ' + toString(m.votesFor) + '–' + toString(m.votesAgainst) END, m.id)},
    via: CASE WHEN v IS NULL THEN null ELSE {label: coalesce(v.name, v.title, CASE WHEN v:Statement THEN '“' + v.text + '”' END, CASE WHEN v:Vote THEN 'vote ' + toString(v.votesFor) + '–' + toString(v.votesAgainst) END, v.id)} END,
    evidence: evidence
  }}) AS edges
}
RETURN {entity: CASE WHEN e IS NULL THEN null ELSE {name: e.name, supporters: {totalCount: total, edges: edges}} END} AS data
