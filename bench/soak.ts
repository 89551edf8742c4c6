/**
 * `npm run soak`: the README's example queries, in turn, against this server with 50
 * connections for 60 s on loopback, counting every error and watching the server's memory.
 *
 * Contract: starts a Neo4j of its own (the local one on a free port with a fresh data folder
 * and the seeds loaded; or NEO4J_URI when set, which must already hold the seeds), starts
 * this server as a child process (bench/ours-server.ts), runs autocannon (bench/load.ts,
 * which reads every answer for GraphQL `errors`), samples the server's resident memory every
 * 5 s, prints the figures, and exits 1 when any request failed. Bounded: `--duration`
 * (seconds, 5–600, default 60) and `--connections` (1–500, default 50).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { applySchema } from '../src/db/apply-schema.js';
import { GraphDb } from '../src/db/graph-db.js';
import { freePort, startLocalNeo4j } from '../src/db/local-neo4j.js';
import { loadExamples } from '../src/graphiql-tabs.js';
import { seedAll } from '../src/seed/seed-all.js';
import { load } from './load.js';
import { startServer } from './servers.js';

const { values } = parseArgs({ options: { duration: { type: 'string', default: '60' }, connections: { type: 'string', default: '50' } } });
const duration = Number(values.duration);
const connections = Number(values.connections);
if (!Number.isInteger(duration) || duration < 5 || duration > 600)
  throw new Error('--duration must be a whole number of seconds from 5 to 600');
if (!Number.isInteger(connections) || connections < 1 || connections > 500)
  throw new Error('--connections must be a whole number from 1 to 500');

const rssMiB = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);

const dir = process.env.NEO4J_URI ? null : mkdtempSync(join(tmpdir(), 'newsgraph-soak-'));
const neo4j = dir ? await startLocalNeo4j({ dir, port: await freePort(), log: console.log }) : null;
const uri = neo4j?.uri ?? process.env.NEO4J_URI!;
if (neo4j) {
  const db = new GraphDb({ uri, database: 'neo4j' });
  await applySchema(db);
  await seedAll(db, 'seeds', console.log);
  await db.close();
}
const server = await startServer('ours', { uri, port: await freePort() });
try {
  const bodies = loadExamples().map((e) => JSON.stringify({ query: e.query }));
  console.log(
    `Soak: ${bodies.length} example queries in turn, ${connections} connections, ${duration} s, against ${server.url} (pid ${server.pid})`,
  );
  await load({ url: server.url, bodies, connections, durationSeconds: 3 }); // warm-up, not counted
  const rss: { s: number; mib: number }[] = [{ s: 0, mib: rssMiB(server.pid) }];
  const started = Date.now();
  const sampler = setInterval(() => rss.push({ s: Math.round((Date.now() - started) / 1000), mib: rssMiB(server.pid) }), 5000);
  const result = await load({ url: server.url, bodies, connections, durationSeconds: duration });
  clearInterval(sampler);
  rss.push({ s: Math.round((Date.now() - started) / 1000), mib: rssMiB(server.pid) });
  const errors = result.errors.non2xx + result.errors.failed + result.errors.graphql;
  console.log(`requests ${result.requests}, ${result.rps.toFixed(0)} req/s, latency p50 ${result.p50} ms, p99 ${result.p99} ms`);
  console.log(
    `errors ${errors} (non-2xx ${result.errors.non2xx}, failed ${result.errors.failed}, GraphQL errors ${result.errors.graphql})`,
  );
  console.log(`server RSS MiB by second: ${rss.map((r) => `${r.s}s ${r.mib}`).join(', ')}`);
  const late = rss.slice(Math.floor(rss.length / 2)).map((r) => r.mib);
  console.log(
    `RSS first ${rss[0]!.mib} MiB, max ${Math.max(...rss.map((r) => r.mib))} MiB, last ${rss.at(-1)!.mib} MiB; second half ${Math.min(...late)}–${Math.max(...late)} MiB`,
  );
  process.exitCode = errors ? 1 : 0;
} finally {
  await server.stop();
  await neo4j?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
