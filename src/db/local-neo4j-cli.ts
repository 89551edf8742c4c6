/**
 * `npm run neo4j`: runs the local Neo4j in the foreground (for Neo4j Browser, cypher-shell or
 * a second API process) until Ctrl-C. Reads NEO4J_LOCAL_PORT and NEO4J_LOCAL_DIR.
 */
import { loadConfig } from '../config.js';
import { startLocalNeo4j } from './local-neo4j.js';

try {
  const config = loadConfig();
  if (config.neo4j.kind !== 'local') throw new Error('NEO4J_URI is set, so there is no local Neo4j to start.');
  const neo4j = await startLocalNeo4j({ dir: config.neo4j.dir, port: config.neo4j.port, log: (l) => console.log(l) });
  console.log(`Local Neo4j ready at ${neo4j.uri} (no auth). Ctrl-C stops it.`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void neo4j.stop().then(() => process.exit(0)));
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
