/**
 * What the four benchmark servers share when run as child processes by bench/run.ts.
 *
 * Contract: `serve(name, start)` reads the configuration from the environment with
 * src/config.ts (NEO4J_URI is required: the servers never start a Neo4j of their own; PORT;
 * HOST defaults to loopback), calls `start`, and prints `READY <url>` on stdout once the port
 * is bound. SIGTERM or SIGINT closes the server and exits 0. A failure prints
 * "<name> server: <why>" on stderr and exits 1, so the runner can say which server failed.
 * `isMain(import.meta.url)` tells a module it was run directly rather than imported.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../src/config.js';

export interface BenchNeo4j {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export interface Started {
  url: string;
  close(): Promise<void>;
}

export function isMain(moduleUrl: string): boolean {
  return !!process.argv[1] && resolve(process.argv[1]) === fileURLToPath(moduleUrl);
}

export function serve(name: string, start: (options: { config: Config; neo4j: BenchNeo4j }) => Promise<Started>): void {
  // As src/main.ts does for `npm start`, so that all the servers run alike.
  process.setSourceMapsEnabled(false);
  const fail = (error: unknown) => {
    console.error(`${name} server: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  };
  try {
    const config = loadConfig({ ...process.env, GRAPHIQL: 'false' });
    if (config.neo4j.kind !== 'remote') throw new Error('NEO4J_URI must name the Neo4j to serve from.');
    const { uri, user, password, database } = config.neo4j;
    start({ config, neo4j: { uri, user, password, database } }).then((running) => {
      console.log(`READY ${running.url}`);
      const stop = () => void running.close().then(() => process.exit(0), fail);
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    }, fail);
  } catch (error) {
    fail(error);
  }
}
