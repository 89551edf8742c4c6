// supporters: who supported an entity, each with the fact behind it and the words of the
// article, in the JSON shape of `entity(id:) { name supporters(first:) { totalCount edges {
// node { other { label } via { label } evidence { text start end } } } } }`.
// Order and evidence follow src/graph/loaders.ts and src/schema/relationship.ts: supporters
// in the order of every page of relationships (the fact at the other end by article and
// position, entities after facts, then key, then the relationship's key), read from the
// SUPPORTED `inKey` index in that order and cut at the page, as
// cypher/read/relationship-pages.cypher reads them; the total is the degree Neo4j keeps. At
// most 5 spans of evidence (src/graph/loaders.ts EVIDENCE_FOR_FACT): a relationship's own
// spans, else those of `via`, else those of the supporter when it is a fact, else where the
// entity is mentioned. Labels follow displayName in src/schema/node.ts.
OPTIONAL MATCH (e:Node {id: $id})
WHERE e:Entity
CALL (e) {
  // Sought with $id itself (only when the entity exists): so sought, the range is read in
  // index order and stops at the page.
  MATCH (m:Node)-[r:SUPPORTED]->(:Node)
  USING INDEX r:SUPPORTED(inKey)
  WHERE r.inKey STARTS WITH CASE WHEN e IS NOT NULL THEN $id + '\u0001' END
  WITH r, m ORDER BY r.inKey LIMIT $first
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
  WITH m, v, (own + inherited)[0..5] AS evidence, r.inKey AS place
  ORDER BY place
  RETURN collect({node: {
    other: {label: coalesce(m.name, m.title, CASE WHEN m:Statement THEN '“' + m.text + '”' END, CASE WHEN m:Vote THEN 'vote ' + toString(m.votesFor) + '–' + toString(m.votesAgainst) END, m.id)},
    via: CASE WHEN v IS NULL THEN null ELSE {label: coalesce(v.name, v.title, CASE WHEN v:Statement THEN '“' + v.text + '”' END, CASE WHEN v:Vote THEN 'vote ' + toString(v.votesFor) + '–' + toString(v.votesAgainst) END, v.id)} END,
    evidence: evidence
  }}) AS edges
}
RETURN {entity: CASE WHEN e IS NULL THEN null ELSE {name: e.name, supporters: {totalCount: COUNT { (e)<-[:SUPPORTED]-() }, edges: edges}} END} AS data
