/**
 * Opens the graph the configuration names: the Neo4j at NEO4J_URI, or the local Neo4j,
 * started here and stopped by `close()`. Applies cypher/schema.cypher either way.
 */
import type { Config } from '../config.js';
import { applySchema } from './apply-schema.js';
import { GraphDb } from './graph-db.js';
import { startLocalNeo4j, type LocalNeo4j } from './local-neo4j.js';

export interface Connection {
  db: GraphDb;
  local: LocalNeo4j | null;
  close(): Promise<void>;
}

export async function connect(config: Config, log: (line: string) => void = () => {}): Promise<Connection> {
  const local = config.neo4j.kind === 'local' ? await startLocalNeo4j({ dir: config.neo4j.dir, port: config.neo4j.port, log }) : null;
  const db =
    config.neo4j.kind === 'remote'
      ? new GraphDb({
          uri: config.neo4j.uri,
          user: config.neo4j.user,
          password: config.neo4j.password,
          database: config.neo4j.database,
          transactionTimeoutMs: config.txTimeoutMs,
        })
      : new GraphDb({ uri: local!.uri, database: config.neo4j.database, transactionTimeoutMs: config.txTimeoutMs });
  try {
    await db.driver.verifyConnectivity({ database: db.database });
    await applySchema(db, log);
  } catch (error) {
    await db.close();
    await local?.stop();
    const where = config.neo4j.kind === 'remote' ? config.neo4j.uri : local!.uri;
    throw new Error(`Could not use Neo4j at ${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    db,
    local,
    async close() {
      await db.close();
      await local?.stop();
    },
  };
}
