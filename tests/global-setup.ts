/**
 * Starts one real Neo4j for the whole test run: the local one on NEO4J_TEST_PORT (default: a
 * free port, so runs never clash with a Neo4j already running) with a fresh data folder, or the server at NEO4J_URI when set. Test files get its
 * address through `inject('neo4j')` and clean the database themselves (tests/helpers.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startLocalNeo4j } from '../src/db/local-neo4j.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: {
      uri: string;
      user: string;
      password: string;
      database: string;
      local: boolean;
      localDir: string | null;
      localPort: number | null;
    };
  }
}

export default async function setup(project: TestProject) {
  if (process.env.NEO4J_URI) {
    project.provide('neo4j', {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER ?? 'neo4j',
      password: process.env.NEO4J_PASSWORD ?? '',
      database: process.env.NEO4J_DATABASE ?? 'neo4j',
      local: false,
      localDir: null,
      localPort: null,
    });
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-test-neo4j-'));
  const port = process.env.NEO4J_TEST_PORT ? Number(process.env.NEO4J_TEST_PORT) : await freePort();
  const started = Date.now();
  const neo4j = await startLocalNeo4j({ dir, port, log: (l) => console.log(l) });
  console.log(`Test Neo4j ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${neo4j.uri}`);
  project.provide('neo4j', { uri: neo4j.uri, user: 'neo4j', password: '', database: 'neo4j', local: true, localDir: dir, localPort: port });
  return async () => {
    await neo4j.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
