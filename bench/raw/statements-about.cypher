// statementsAbout: statements about a node in article order, with their speakers, in the
// JSON shape of `statements(about:, first:) { totalCount edges { node { text mode speaker {
// label } } } }`. Starts from the target rather than scanning statements; the speaker is
// the first SAID_BY target by key, as src/graph/loaders.ts orders them.
OPTIONAL MATCH (t:Node {id: $about})
CALL (t) {
  MATCH (t)<-[:ABOUT]-(s:Statement)
  WITH DISTINCT s ORDER BY s.articleId, s.position, s.id
  RETURN collect(s) AS items
}
CALL (items) {
  UNWIND range(0, size(items[0..$first]) - 1) AS i
  WITH i, items[i] AS s
  CALL (s) {
    OPTIONAL MATCH (s)-[:SAID_BY]->(p:Node)
    WHERE NOT p:Sentence AND NOT p:Article
    WITH p ORDER BY p.id LIMIT 1
    RETURN p
  }
  WITH i, s, p ORDER BY i
  RETURN collect({node: {
    text: s.text,
    mode: s.mode,
    speaker: CASE WHEN p IS NULL THEN null ELSE {label: coalesce(p.name, p.title, CASE WHEN p:Statement THEN '“' + p.text + '”' END, CASE WHEN p:Vote THEN 'vote ' + toString(p.votesFor) + '–' + toString(p.votesAgainst) END, p.id)} END
  }}) AS edges
}
RETURN {statements: {totalCount: size(items), edges: edges}} AS data
