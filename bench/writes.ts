/**
 * Write latency of the first article through the API (`npx tsx bench/writes.ts [-- --runs N]`):
 * on a local Neo4j of its own (fresh data folder, Bolt on 127.0.0.1:4571 or BENCH_NEO4J_PORT),
 * `addArticle`, the same `addArticle` again (re-add: unchanged) and a `correctArticle`, each
 * through the app's fetch (no HTTP socket), timed from request to answer. The first run is on
 * a fresh database (Neo4j plans each write query then); later runs empty the database first
 * but keep Neo4j's query plans. Prints each run and the median of the warm ones, with the
 * validator's share (validateSeedSource alone, the same input).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sha256Hex } from '../src/core/credentials.js';
import { applySchema } from '../src/db/apply-schema.js';
import { GraphDb } from '../src/db/graph-db.js';
import { startLocalNeo4j } from '../src/db/local-neo4j.js';
import { validateSeedSource } from '../src/seed/validate.js';
import { createApp } from '../src/yoga.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '6' } } });
const runs = Number(values.runs);
const FIRST = 'seeds/000_a6a1374e8d96988f';
const text = readFileSync(`${FIRST}/article.txt`, 'utf8');
const graph = readFileSync(`${FIRST}/graph.yaml`, 'utf8');
const articleId = 'article:huffpost-nec-rejects-corbyn-whip';
const corrected = graph.replace('title: Motion to restore the Labour whip to Jeremy Corbyn', 'title: Motion to readmit Jeremy Corbyn');
const key = 'bench-key';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-writes-'));
const neo4j = await startLocalNeo4j({ dir, port: Number(process.env.BENCH_NEO4J_PORT ?? 4571) });
const db = new GraphDb({ uri: neo4j.uri, database: 'neo4j', pingEveryMs: 0 });
try {
  await applySchema(db);
  const app = createApp({ db, credentials: [{ name: 'bench', sha256: sha256Hex(key), scopes: ['write'] }], writesPerMinute: 100_000 });
  const timed = async (query: string, variables: Record<string, unknown>) => {
    const started = performance.now();
    const res = await app.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return performance.now() - started;
  };
  const ADD = 'mutation($input: AddArticleInput!) { addArticle(input: $input) { changed } }';
  const CORRECT =
    'mutation($graph: String!, $base: String!) { correctArticle(id: "article:huffpost-nec-rejects-corbyn-whip", graph: $graph, baseRevision: $base, reason: "bench") { changed } }';
  const rows: { add: number; readd: number; correct: number; validate: number }[] = [];
  for (let i = 0; i < runs; i++) {
    if (i > 0) await db.driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: 'neo4j' });
    const v = performance.now();
    validateSeedSource({ dir: 'bench', text, source: graph, textName: 'text', graphName: 'graph' });
    const validate = performance.now() - v;
    const add = await timed(ADD, { input: { text, graph } });
    const readd = await timed(ADD, { input: { text, graph } });
    const correct = await timed(CORRECT, { graph: corrected, base: `${articleId}@1` });
    rows.push({ add, readd, correct, validate });
    console.log(
      `run ${i + 1}${i === 0 ? ' (fresh database)' : ''}: add ${add.toFixed(0)} ms, re-add ${readd.toFixed(0)} ms, correct ${correct.toFixed(0)} ms (validation alone ${validate.toFixed(0)} ms)`,
    );
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const warm = rows.slice(1);
  if (warm.length)
    console.log(
      `median of ${warm.length} warm runs: add ${median(warm.map((r) => r.add)).toFixed(0)} ms, re-add ${median(warm.map((r) => r.readd)).toFixed(0)} ms, correct ${median(warm.map((r) => r.correct)).toFixed(0)} ms, validation ${median(warm.map((r) => r.validate)).toFixed(0)} ms`,
    );
} finally {
  await db.close();
  await neo4j.stop();
  rmSync(dir, { recursive: true, force: true });
}
