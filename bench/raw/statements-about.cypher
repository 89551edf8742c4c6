// statementsAbout: statements about a node in article order, with their speakers, in the
// JSON shape of `statements(about:, first:) { totalCount edges { node { text mode speaker {
// label } } } }`. The page is read from the ABOUT `inKey` index in order (article, position,
// key) and cut at the page, as cypher/read/statements-about.cypher reads it; a statement
// names each target once, so the total is the degree Neo4j keeps. The speaker is the first
// SAID_BY target by key, as src/graph/loaders.ts orders them.
OPTIONAL MATCH (t:Node {id: $about})
CALL (t) {
  // Sought with $about itself (only when the node exists): so sought, the range is read in
  // index order and stops at the page.
  MATCH (s:Statement)-[a:ABOUT]->(:Node)
  USING INDEX a:ABOUT(inKey)
  WHERE a.inKey STARTS WITH CASE WHEN t IS NOT NULL THEN $about + '\u0001' END
  WITH s, a ORDER BY a.inKey LIMIT $first
  CALL (s) {
    OPTIONAL MATCH (s)-[:SAID_BY]->(p:Node)
    WHERE NOT p:Sentence AND NOT p:Article
    WITH p ORDER BY p.id LIMIT 1
    RETURN p
  }
  WITH s, a, p ORDER BY a.inKey
  RETURN collect({node: {
    text: s.text,
    mode: s.mode,
    speaker: CASE WHEN p IS NULL THEN null ELSE {label: coalesce(p.name, p.title, CASE WHEN p:Statement THEN '“' + p.text + '”' END, CASE WHEN p:Vote THEN 'vote ' + toString(p.votesFor) + '–' + toString(p.votesAgainst) END, p.id)} END
  }}) AS edges
}
RETURN {statements: {totalCount: CASE WHEN t IS NULL THEN 0 ELSE COUNT { (t)<-[:ABOUT]-() } END, edges: edges}} AS data
