// Gives the relationships of a database written before order keys existed their keys, as
// cypher/seed/links.cypher writes them (outKey, inKey), in batches; applied at start-up
// (src/db/apply-schema.ts) and a no-op once every relationship has them. Sentences' and
// articles' own structure (a sentence PART_OF its article) is not a page and gets none.
MATCH (a:Node)-[r:{{types}}]->(b:Node)
WHERE r.inKey IS NULL AND NOT a:Sentence AND NOT a:Article AND NOT b:Sentence AND NOT b:Article
CALL (a, r, b) {
  SET r.outKey = a.id + '\u0001' + {{order-key b}} + '\u0001' + coalesce(r.id, ''),
      r.inKey = b.id + '\u0001' + {{order-key a}} + '\u0001' + coalesce(r.id, '')
} IN TRANSACTIONS OF 10000 ROWS
RETURN count(*) AS keyed
