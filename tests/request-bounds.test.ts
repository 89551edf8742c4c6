/**
 * Bounded work per request: an answer never grows past its byte cap, a request stops at its
 * deadline even while resolving (not only while reading), a request whose client has gone
 * stops its work, and slow clients cannot hold a connection open.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDb } from '../src/db/graph-db.js';
import { listen, type RunningServer } from '../src/server.js';
import { createApp, type App } from '../src/yoga.js';
import { openDb, resetDb, seedFirstArticle } from './helpers.js';

let db: GraphDb;

beforeAll(async () => {
  db = openDb();
  await resetDb(db);
  await seedFirstArticle(db);
});
afterAll(async () => db.close());

/** The hostile query on the shipped article: every sentence's article text, for 970 copies of one id (about 200 MB of JSON). */
const copies = `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Article { sentences(first: 100) { edges { node { article { text } } } } } } }`;
let articleId: string;
const hostile = () => ({ query: copies, variables: { ids: Array.from({ length: 970 }, () => articleId) } });
/** The same with every field of each sentence and article: about 220 MB, 5 s of CPU to resolve and serialise. */
const everyField = `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Article { sentences(first: 100) { edges { cursor node { id index start end text label article { id title publisher sha256 label text } } } } } } }`;
const heavy = () => ({ query: everyField, variables: { ids: Array.from({ length: 970 }, () => articleId) } });
/** Limits that let the hostile query through, so the bound under test is the one that stops it. */
const open = { maxCost: 1e12, maxBreadth: 1e6, maxListItems: 1e6 };

async function post(app: App, body: unknown) {
  const started = Date.now();
  const res = await app.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, ms: Date.now() - started, bytes: text.length, body: JSON.parse(text) as { data?: any; errors?: any[] } };
}

beforeAll(async () => {
  const app = createApp({ db });
  const { body } = await post(app, { query: '{ articles(first: 1) { edges { node { id } } } }' });
  articleId = body.data.articles.edges[0].node.id;
});

describe('the cap on response bytes', () => {
  it('ends an answer that grows past the cap with RESPONSE_TOO_LARGE, HTTP 400 and no data, instead of building it', async () => {
    const app = createApp({ db, limits: open });
    const { status, ms, bytes, body } = await post(app, hostile());
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'RESPONSE_TOO_LARGE', max: 4 * 1024 * 1024 }) }),
    ]);
    expect(status).toBe(400);
    expect(bytes).toBeLessThan(1000);
    // Stopped as soon as the count passed 4 MiB, not after resolving 200 MB.
    expect(ms).toBeLessThan(5000);
  });

  it('answers in full what fits under the cap, and refuses the same once the cap is lower', async () => {
    const query = { query: `{ articles(first: 1) { edges { node { text } } } }` };
    const fits = await post(createApp({ db, maxResponseBytes: 10_000 }), query);
    expect(fits.body.errors).toBeUndefined();
    expect(fits.body.data.articles.edges[0].node.text.length).toBeGreaterThan(5000);
    const over = await post(createApp({ db, maxResponseBytes: 5000 }), query);
    expect(over.body.errors?.[0]?.extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', max: 5000 });
  });
});

describe('the deadline of a whole request', () => {
  it('stops resolving at the deadline, not only reading: REQUEST_TIMEOUT within the deadline and a little', async () => {
    // Past the cost limit and the byte cap: only the deadline can stop it. Its reads are
    // few (DataLoader batches the ids); its time goes in resolving 97 000 fields.
    const app = createApp({ db, limits: open, maxResponseBytes: 1e12, requestTimeoutMs: 500 });
    const { ms, body } = await post(app, hostile());
    expect(body.errors?.[0]?.extensions?.code).toBe('REQUEST_TIMEOUT');
    expect(body.data ?? null).toBeNull();
    // Unbounded, it runs 7 to 12 s on this 2-core machine, busy or not.
    expect(ms).toBeLessThan(5000);
  });
});

describe('over HTTP', () => {
  let server: RunningServer;
  let port: number;

  beforeAll(async () => {
    const app = createApp({ db, limits: open, maxResponseBytes: 1e12, requestTimeoutMs: 30_000 });
    server = await listen(app, { port: 0, host: '127.0.0.1', requestTimeoutMs: 30_000, headersTimeoutMs: 1000 });
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(async () => server?.close(1000));

  function send(body: unknown, { abortAfterMs }: { abortAfterMs?: number } = {}) {
    return new Promise<{ status: number; text: string; ms: number }>((done, fail) => {
      const started = Date.now();
      const payload = JSON.stringify(body);
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => done({ status: res.statusCode ?? 0, text, ms: Date.now() - started }));
          res.on('error', fail);
        },
      );
      req.on('error', fail);
      req.end(payload);
      if (abortAfterMs) setTimeout(() => req.destroy(new Error('client gone')), abortAfterMs);
    });
  }

  it('stops the work of a request whose client has gone', async () => {
    const gone = send(heavy(), { abortAfterMs: 4000 }).catch((e: Error) => e.message);
    expect(await gone).toBe('client gone');
    // CPU time of this process (the server runs in it), not wall time: the machine may be busy.
    const before = process.cpuUsage();
    await new Promise((r) => setTimeout(r, 3000));
    const { user, system } = process.cpuUsage(before);
    // Before: the abandoned request went on resolving and serialising 220 MB (5 s of CPU here).
    expect((user + system) / 1000).toBeLessThan(600);
    await expect.poll(() => server.inFlight(), { timeout: 2000 }).toBe(0);
    const next = await send({ query: '{ entity(id: "person:jeremy-corbyn") { name } }' });
    expect(JSON.parse(next.text)).toEqual({ data: { entity: { name: 'Jeremy Corbyn' } } });
  });

  it('closes a connection whose headers do not arrive within the headers timeout', async () => {
    const socket = connect(port, '127.0.0.1');
    const started = Date.now();
    socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\n');
    const closedAfter = await new Promise<number>((done) => {
      socket.on('data', () => {});
      socket.on('error', () => {});
      socket.on('close', () => done(Date.now() - started));
    });
    // Node's default is 60 s, checked every 30 s (83 s measured).
    expect(closedAfter).toBeLessThan(3000);
  });

  it('closes a connection whose body does not arrive within the request timeout', async () => {
    const hurried = await listen(createApp({ db, requestTimeoutMs: 1000 }), { port: 0, host: '127.0.0.1', requestTimeoutMs: 1000 });
    try {
      const socket = connect((hurried.server.address() as { port: number }).port, '127.0.0.1');
      const started = Date.now();
      socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":');
      const trickle = setInterval(() => socket.writable && socket.write(' '), 200);
      const closedAfter = await new Promise<number>((done) => {
        socket.on('data', () => {});
        socket.on('error', () => {});
        socket.on('close', () => done(Date.now() - started));
      });
      clearInterval(trickle);
      // Node's default is 300 s (323 s measured).
      expect(closedAfter).toBeLessThan(4000);
    } finally {
      await hurried.close(500);
    }
  });

  it('drops an answer its client does not read by the deadline, connection and all', async () => {
    const app = createApp({ db, limits: open, maxResponseBytes: 1e12, requestTimeoutMs: 3000 });
    const hurried = await listen(app, { port: 0, host: '127.0.0.1', requestTimeoutMs: 3000 });
    try {
      // About 20 MB of answer, more than the socket buffers hold, to a client that never reads
      // (900 ids keep the request under the 64 KiB body limit).
      const ids = Array.from({ length: 900 }, () => articleId);
      const texts = ['a', 'b', 'c', 'd'].map((alias) => `${alias}: nodes(ids: $ids) { ... on Article { text } }`).join(' ');
      const payload = JSON.stringify({ query: `query ($ids: [ID!]!) { ${texts} }`, variables: { ids } });
      const socket = connect((hurried.server.address() as { port: number }).port, '127.0.0.1');
      socket.on('error', () => {});
      socket.pause();
      const started = Date.now();
      socket.write(
        `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`,
      );
      await expect.poll(() => hurried.inFlight(), { timeout: 5000, interval: 20 }).toBe(1);
      // Before: the answer waited in memory for as long as the client kept the connection open.
      await expect.poll(() => hurried.inFlight(), { timeout: 10_000, interval: 100 }).toBe(0);
      // Held until the deadline and its second of grace, then cut.
      expect(Date.now() - started).toBeGreaterThan(3000);
      expect(Date.now() - started).toBeLessThan(7000);
      socket.destroy();
    } finally {
      await hurried.close(500);
    }
  });
});
