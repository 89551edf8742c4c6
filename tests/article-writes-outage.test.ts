/**
 * Neo4j killed (kill -9) in the middle of a correction, on a Neo4j of this test's own: the
 * write fails with DATABASE_UNAVAILABLE, and once Neo4j is back the article is exactly as it
 * was before, its facts, counts and current revision (one transaction: all or nothing).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sha256Hex } from '../src/core/credentials.js';
import { applySchema } from '../src/db/apply-schema.js';
import { GraphDb } from '../src/db/graph-db.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../src/db/local-neo4j.js';
import { createApp } from '../src/yoga.js';
import { counts } from './helpers.js';

const FIRST = 'seeds/000_a6a1374e8d96988f';
const text = readFileSync(`${FIRST}/article.txt`, 'utf8');
const graph = readFileSync(`${FIRST}/graph.yaml`, 'utf8');
const articleId = (parse(graph) as { article: { id: string } }).article.id;
const key = 'outage-editor-key';
const credentials = [{ name: 'editor', sha256: sha256Hex(key), scopes: ['write' as const] }];

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-write-outage-'));
let port: number;
let neo4j: LocalNeo4j | undefined;
const dbs: GraphDb[] = [];
const open = (uri: string) => {
  const db = new GraphDb({ uri, database: 'neo4j', pingEveryMs: 0 });
  dbs.push(db);
  return db;
};

const post = async (app: ReturnType<typeof createApp>, query: string, variables: Record<string, unknown>) => {
  const res = await app.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] } };
};

const STATE = `query { motion(id: "motion:restore-corbyn-whip") { title } article(id: "${articleId}") { revision revisions(first: 5) { totalCount } } }`;

beforeAll(async () => {
  port = await freePort();
  neo4j = await startLocalNeo4j({ dir, port });
}, 180_000);

afterAll(async () => {
  for (const db of dbs) await db.close().catch(() => {});
  await neo4j?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('leaves the article as it was when Neo4j is killed in the middle of a correction', async () => {
  let db = open(neo4j!.uri);
  await applySchema(db);
  let app = createApp({ db, credentials });
  const added = await post(app, 'mutation($input: AddArticleInput!) { addArticle(input: $input) { changed } }', { input: { text, graph } });
  expect(added.body.data.addArticle.changed).toBe(true);
  await db.warmUp();
  const before = { state: (await post(app, STATE, {})).body, counts: await counts(db) };
  expect(before.state.data.article.revision).toBe(`${articleId}@1`);

  // Kill Neo4j once the correction has cleared the article's facts and begun writing the new ones.
  let killedAt: string | null = null;
  db.onQuery((name) => {
    if (name === 'seed/facts' && !killedAt) {
      killedAt = name;
      process.kill(neo4j!.pid, 'SIGKILL');
    }
  });
  const corrected = graph.replace('title: Motion to restore the Labour whip to Jeremy Corbyn', 'title: Motion to readmit Jeremy Corbyn');
  const s = await post(
    app,
    'mutation($id: ID!, $graph: String!, $base: String!) { correctArticle(id: $id, graph: $graph, baseRevision: $base, reason: "r") { changed } }',
    { id: articleId, graph: corrected, base: `${articleId}@1` },
  );
  expect(killedAt).toBe('seed/facts');
  expect([s.status, s.body.errors?.[0]?.extensions?.code]).toEqual([503, 'DATABASE_UNAVAILABLE']);

  neo4j = await startLocalNeo4j({ dir, port });
  db = open(neo4j.uri);
  // A restarted Neo4j has lost its plans: plan the reads first, as the server does.
  await db.warmUp();
  app = createApp({ db, credentials });
  expect({ state: (await post(app, STATE, {})).body, counts: await counts(db) }).toEqual(before);
}, 240_000);
