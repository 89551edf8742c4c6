// A page of the statements one speaker made; optionally of one mode, with one stance toward
// anything, in one article. In article order (article, position, key): a range of the
// SAID_BY relationships' `inKey` index, read in order and cut at $offset + $limit, as in
// statements-about. A statement has one speaker, so the total with no filter is the
// speaker's degree; a filter counts along the index.
CALL () {
  // Only from a node found: a key that names none finds nothing, whatever it holds (U+0001
  // included). The range is sought with $speaker itself, which is then that node's key: so
  // sought, it is read in index order and stops at the page; from `t.id` the plan sorted
  // the whole range (all 25 915 statements about the 1m corpus's largest hub).
  MATCH (t:Node {id: $speaker})
  MATCH (s:Statement)-[b:SAID_BY]->(:Node)
  USING INDEX b:SAID_BY(inKey)
  WHERE b.inKey STARTS WITH $speaker + '\u0001'
    AND ($articleId IS NULL OR s.articleId = $articleId)
    AND ($mode IS NULL OR s.mode = $mode)
    AND ($stance IS NULL OR EXISTS { (s)-[a:ABOUT]->() WHERE a.stance = $stance })
  WITH s ORDER BY b.inKey SKIP $offset LIMIT $limit
  RETURN collect(s) AS items
}
CALL () {
  WITH 1 AS one WHERE $articleId IS NULL AND $mode IS NULL AND $stance IS NULL
  OPTIONAL MATCH (x:Node {id: $speaker})
  RETURN CASE WHEN x IS NULL THEN 0 ELSE COUNT { (x)<-[:SAID_BY]-() } END AS total
  UNION ALL
  WITH 1 AS one WHERE NOT ($articleId IS NULL AND $mode IS NULL AND $stance IS NULL)
  OPTIONAL MATCH (t:Node {id: $speaker})
  RETURN CASE WHEN t IS NULL THEN 0 ELSE COUNT {
    MATCH (s:Statement)-[b:SAID_BY]->(:Node)
    USING INDEX b:SAID_BY(inKey)
    WHERE b.inKey STARTS WITH $speaker + '\u0001'
      AND ($articleId IS NULL OR s.articleId = $articleId)
      AND ($mode IS NULL OR s.mode = $mode)
      AND ($stance IS NULL OR EXISTS { (s)-[a:ABOUT]->() WHERE a.stance = $stance })
  } END AS total
}
RETURN total, [s IN items | {id: s.id, labels: labels(s), props: properties(s), follows: {{follows s}}}] AS page
