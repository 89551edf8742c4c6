/**
 * A Neo4j outage under traffic: a Neo4j of this test's own is stopped and started again
 * while requests keep coming. While it is down every request fails within 2 s with
 * DATABASE_UNAVAILABLE (HTTP 503) and /ready answers 503; once it is back, requests succeed
 * again with no restart of the app or its driver. While Neo4j is shutting down or starting
 * up, a request may also run out of time (DATABASE_TIMEOUT, REQUEST_TIMEOUT).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { applySchema } from '../src/db/apply-schema.js';
import { GraphDb } from '../src/db/graph-db.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../src/db/local-neo4j.js';
import { seedAll } from '../src/seed/seed-all.js';
import { createApp } from '../src/yoga.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-outage-'));
let neo4j: LocalNeo4j | undefined;
let db: GraphDb | undefined;

afterAll(async () => {
  await db?.close();
  await neo4j?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Sample {
  at: number;
  ms: number;
  status: number;
  code: string;
}

it('fails fast with DATABASE_UNAVAILABLE while Neo4j is down and recovers by itself', async () => {
  const port = await freePort();
  neo4j = await startLocalNeo4j({ dir, port });
  db = new GraphDb({ uri: neo4j.uri, database: 'neo4j' });
  await applySchema(db);
  await seedAll(db, 'seeds');
  const app = createApp({ db });
  const query = JSON.stringify({ query: '{ entity(id: "person:jeremy-corbyn") { name supporters(first: 3) { totalCount } } }' });

  // The first request to a fresh Neo4j plans its queries (seconds on a busy machine); the
  // test is about an outage, so start from a warm server.
  const warm = await app.fetch('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });
  expect(warm.status).toBe(200);

  // Traffic: one request after another, from two clients, for the whole test.
  const samples: Sample[] = [];
  let running = true;
  const client = async () => {
    while (running) {
      const started = Date.now();
      const res = await app.fetch('http://test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });
      const body = (await res.json()) as { data?: { entity?: { name?: string } }; errors?: { extensions?: { code?: string } }[] };
      samples.push({
        at: started,
        ms: Date.now() - started,
        status: res.status,
        code: body.errors?.[0]?.extensions?.code ?? (body.data?.entity?.name === 'Jeremy Corbyn' ? 'OK' : 'WRONG'),
      });
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const ready = async () => (await app.fetch('http://test/ready')).status;
  const clients = [client(), client()];

  await new Promise((r) => setTimeout(r, 1000));
  expect(await ready()).toBe(200);

  const stopAt = Date.now();
  await neo4j.stop();
  const downAt = Date.now();
  await new Promise((r) => setTimeout(r, 3000));
  expect(await ready()).toBe(503);

  const restartAt = Date.now();
  neo4j = await startLocalNeo4j({ dir, port });
  const upAt = Date.now();
  await expect
    .poll(() => samples.filter((s) => s.at > upAt && s.code === 'OK').length, { timeout: 15_000, interval: 100 })
    .toBeGreaterThan(5);
  running = false;
  await Promise.all(clients);
  expect(await ready()).toBe(200);

  const before = samples.filter((s) => s.at < stopAt);
  const down = samples.filter((s) => s.at >= downAt && s.at + s.ms < restartAt);
  const after = samples.filter((s) => s.at > upAt + 2000);
  const timeline = samples.map((s) => `${s.at - stopAt}ms:${s.code}/${s.status}/${s.ms}ms`).join(' ');
  const summary = `before ${before.length}, down ${down.length}, after ${after.length}; stop took ${downAt - stopAt} ms, start ${upAt - restartAt} ms; samples (start relative to stop): ${timeline}`;

  expect(before.length, summary).toBeGreaterThan(5);
  expect(
    before.every((s) => s.code === 'OK'),
    summary,
  ).toBe(true);
  // Down: every answer is DATABASE_UNAVAILABLE with 503, each within 2 s.
  expect(down.length, summary).toBeGreaterThan(5);
  for (const s of down) {
    expect(s.code, summary).toBe('DATABASE_UNAVAILABLE');
    expect(s.status, summary).toBe(503);
    expect(s.ms, summary).toBeLessThan(2000);
  }
  // Back: the same app and driver answer again.
  expect(
    after.every((s) => s.code === 'OK'),
    summary,
  ).toBe(true);
  // While Neo4j was stopping or starting, a request could also run out of time; nothing
  // else went wrong (no masked error, no wrong answer).
  expect(
    samples.every((s) => ['OK', 'DATABASE_UNAVAILABLE', 'DATABASE_TIMEOUT', 'REQUEST_TIMEOUT'].includes(s.code)),
    summary,
  ).toBe(true);
}, 180_000);
