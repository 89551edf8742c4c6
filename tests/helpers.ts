/**
 * Shared test helpers: a GraphDb on the run's Neo4j, a database wiped clean for each test
 * file, the seeds loaded, and GraphQL requests sent in-process through `app.fetch`.
 */
import { join } from 'node:path';
import { inject } from 'vitest';
import { applySchema } from '../src/db/apply-schema.js';
import { GraphDb } from '../src/db/graph-db.js';
import { seedAll } from '../src/seed/seed-all.js';
import { createApp, type App } from '../src/yoga.js';

export function openDb(): GraphDb {
  const n = inject('neo4j');
  return new GraphDb({ uri: n.uri, user: n.user, password: n.password, database: n.database });
}

/** Empties the database and (re)applies constraints and indexes. */
export async function resetDb(db: GraphDb): Promise<void> {
  // CALL … IN TRANSACTIONS needs an implicit (auto-commit) transaction: session.run, not executeQuery.
  const session = db.driver.session({ database: db.database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
  await applySchema(db);
}

/** Rows of a Cypher query as plain objects. */
export async function rows(db: GraphDb, query: string, params: Record<string, unknown> = {}): Promise<Record<string, any>[]> {
  return (await db.driver.executeQuery(query, params, { database: db.database })).records.map((r) => r.toObject());
}

/** A database with the first article and the named domain fixtures (tests/fixtures/domains/) loaded. */
export async function seededDb(...domains: string[]): Promise<GraphDb> {
  const db = openDb();
  await resetDb(db);
  await seedAll(db, 'seeds');
  for (const name of domains) await seedAll(db, join('tests/fixtures/domains', name));
  return db;
}

export async function seedFirstArticle(db: GraphDb): Promise<void> {
  await seedAll(db, 'seeds');
}

export async function counts(db: GraphDb): Promise<{ nodes: number; relationships: number }> {
  const { records } = await db.driver.executeQuery(
    'MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS relationships',
    {},
    { database: db.database },
  );
  return { nodes: Number(records[0]!.get('nodes')), relationships: Number(records[0]!.get('relationships')) };
}

export interface GqlResult<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export async function gql<T = any>(app: App, query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
  const res = await app.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GqlResult<T>;
}

export function appFor(db: GraphDb): App {
  return createApp({ db });
}
