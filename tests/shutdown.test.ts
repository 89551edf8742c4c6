/**
 * Graceful shutdown of the real server, started with `npm start` and sent SIGTERM as a
 * process manager would send it, to the npm process: the signal reaches the server, which
 * stops taking connections, answers every request already in flight, closes the driver,
 * logs "Stopped." and exits 0 (tsx's CLI used to relay it and exit 143 before the server was
 * done, leaving it running).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { GraphDb } from '../src/db/graph-db.js';
import { freePort } from '../src/db/local-neo4j.js';
import { openDb, resetDb, seedFirstArticle } from './helpers.js';

let db: GraphDb;
let child: ChildProcess | undefined;

beforeAll(async () => {
  db = openDb();
  await resetDb(db);
  await seedFirstArticle(db);
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await db.close();
});

function post(port: number, query: string, agent: Agent | false = false): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const body = JSON.stringify({ query });
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

it('answers every request in flight at SIGTERM, refuses new ones, and exits 0', async () => {
  const n = inject('neo4j');
  const port = await freePort();
  child = spawn('npm', ['start', '--silent'], {
    env: {
      ...process.env,
      NEO4J_URI: n.uri,
      NEO4J_USER: n.user,
      NEO4J_PASSWORD: n.password,
      NEO4J_DATABASE: n.database,
      PORT: String(port),
      GRAPHIQL: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((done) => child!.once('exit', (code) => done(code)));
  await expect.poll(() => output, { timeout: 60_000, interval: 100 }).toMatch(/GraphQL ready/);
  // As a load balancer would: wait until /ready, when the server has had Neo4j plan its
  // queries (on a fresh Neo4j, a burst of requests before that waits behind the planning).
  await expect.poll(() => output, { timeout: 90_000, interval: 100 }).toMatch(/Planned \d+ queries/);

  // Enough work that a good share of it is still running when the signal arrives.
  const query = `{ entity(id: "person:jeremy-corbyn") { supporters(first: 20) { edges { node { other { label } evidence { text } } } } } statements(first: 50) { totalCount edges { node { text speaker { label } } } } }`;
  // 50 keep-alive connections, opened first, so each request below is on the wire at once.
  const agent = new Agent({ keepAlive: true, maxSockets: 50 });
  await Promise.all(Array.from({ length: 50 }, () => post(port, '{ __typename }', agent)));
  const inFlight = Array.from({ length: 50 }, () => post(port, query, agent));
  await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGTERM');
  await expect.poll(() => output, { timeout: 5_000, interval: 10 }).toMatch(/Stopping/);
  const late = await post(port, '{ __typename }').then(
    () => 'answered',
    (e: NodeJS.ErrnoException) => e.code,
  );

  const results = await Promise.all(inFlight);
  const code = await exited;
  agent.destroy();
  const stopping = /finishing (\d+) in flight/.exec(output);
  expect(stopping, output).not.toBeNull();
  // The test means something only if requests were really in flight when SIGTERM came.
  expect(Number(stopping![1])).toBeGreaterThan(0);
  for (const r of results) {
    expect(r.status, output).toBe(200);
    expect(JSON.parse(r.body).errors, output).toBeUndefined();
  }
  expect(late).toBe('ECONNREFUSED');
  expect(code, output).toBe(0);
  expect(output).toMatch(/Stopped\./);
  // Nothing is left listening once npm has exited.
  const after = await post(port, '{ __typename }').then(
    () => 'answered',
    (e: NodeJS.ErrnoException) => e.code,
  );
  expect(after).toBe('ECONNREFUSED');
}, 180_000);
