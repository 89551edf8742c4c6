// Corpus totals for the benchmark generator. Each subquery is a plain count, which Neo4j
// answers from its count store, so this is instant even at a million nodes.
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
CALL () { MATCH (a:Article) RETURN count(a) AS articles }
RETURN nodes, relationships, articles
