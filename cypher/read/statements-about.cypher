// A page of the statements about one node (with a stance toward it, when given); optionally
// also by one speaker, of one mode, in one article. In the order their articles tell them
// (article, position, key), as every page of relationships: the page is a range of the
// ABOUT relationships' `inKey` index (written by cypher/seed/links.cypher, indexed by
// cypher/schema-by-type.cypher), read in order and cut at $offset + $limit, so a page of
// the 25 915 statements about the 1m corpus's largest hub reads its page, not all of them.
// A statement names each target once (src/seed/validate.ts), so each ABOUT is one statement
// and the total with no filter is the node's degree, which Neo4j keeps; a filter counts
// along the index.
CALL () {
  // Only from a node found: a key that names none finds nothing, whatever it holds (U+0001
  // included). The range is sought with $about itself, which is then that node's key: so
  // sought, it is read in index order and stops at the page; from `t.id` the plan sorted
  // the whole range (all 25 915 statements about the 1m corpus's largest hub).
  MATCH (t:Node {id: $about})
  MATCH (s:Statement)-[a:ABOUT]->(:Node)
  USING INDEX a:ABOUT(inKey)
  WHERE a.inKey STARTS WITH $about + '\u0001'
    AND ($stance IS NULL OR a.stance = $stance)
    AND ($articleId IS NULL OR s.articleId = $articleId)
    AND ($mode IS NULL OR s.mode = $mode)
    AND ($speaker IS NULL OR EXISTS { (s)-[:SAID_BY]->(:Node {id: $speaker}) })
  WITH s ORDER BY a.inKey SKIP $offset LIMIT $limit
  RETURN collect(s) AS items
}
CALL () {
  WITH 1 AS one WHERE $stance IS NULL AND $articleId IS NULL AND $mode IS NULL AND $speaker IS NULL
  OPTIONAL MATCH (x:Node {id: $about})
  RETURN CASE WHEN x IS NULL THEN 0 ELSE COUNT { (x)<-[:ABOUT]-() } END AS total
  UNION ALL
  WITH 1 AS one WHERE NOT ($stance IS NULL AND $articleId IS NULL AND $mode IS NULL AND $speaker IS NULL)
  OPTIONAL MATCH (t:Node {id: $about})
  RETURN CASE WHEN t IS NULL THEN 0 ELSE COUNT {
    MATCH (s:Statement)-[a:ABOUT]->(:Node)
    USING INDEX a:ABOUT(inKey)
    WHERE a.inKey STARTS WITH $about + '\u0001'
      AND ($stance IS NULL OR a.stance = $stance)
      AND ($articleId IS NULL OR s.articleId = $articleId)
      AND ($mode IS NULL OR s.mode = $mode)
      AND ($speaker IS NULL OR EXISTS { (s)-[:SAID_BY]->(:Node {id: $speaker}) })
  } END AS total
}
RETURN total, [s IN items | {id: s.id, labels: labels(s), props: properties(s), follows: {{follows s}}}] AS page
