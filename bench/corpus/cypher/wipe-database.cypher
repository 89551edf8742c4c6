// Empties the whole database for `bench:generate --replace`, in batches so that a million
// nodes never sit in one transaction. Needs an implicit transaction (session.run).
MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
