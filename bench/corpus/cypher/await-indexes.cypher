// Waits until every index is online (populating full-text indexes over a million nodes takes
// longer than the 300 s that src/db/apply-schema.ts allows).
CALL db.awaitIndexes($seconds)
