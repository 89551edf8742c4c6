import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { load } from '../bench/load.js';

// A stand-in server with known behaviour: answers after 30 ms (or {"delay": ms}); a body
// {"fail":"http"} gets a 500, {"fail":"graphql"} a 200 carrying GraphQL errors. It notes when
// each request arrived.
let server: Server;
let url: string;
const arrivals: number[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    arrivals.push(performance.now());
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const { fail, delay = 30 } = JSON.parse(body) as { fail?: string; delay?: number };
      setTimeout(() => {
        if (fail === 'http') res.writeHead(500).end('{"errors":[{"message":"boom"}]}');
        else
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(fail === 'graphql' ? '{"errors":[{"message":"bad"}],"data":null}' : '{"data":{"ok":true}}');
      }, delay);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('the benchmark load generator at a fixed rate', () => {
  it('spreads the requests over the run instead of sending each second in a burst, and times each from when it was due', async () => {
    arrivals.length = 0;
    const r = await load({ url, bodies: ['{"query":"{ ok }"}'], connections: 4, durationSeconds: 2, overallRate: 10 });
    expect(r.requests).toBe(20);
    expect(r.errors).toEqual({ non2xx: 0, failed: 0, graphql: 0 });
    // Due every 100 ms: a burst per second would put most arrivals within a few ms of each other.
    const gaps = arrivals
      .slice(1)
      .map((t, i) => t - arrivals[i]!)
      .sort((a, b) => a - b);
    expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThan(1500);
    expect(gaps[Math.floor(gaps.length / 2)]!).toBeGreaterThan(50);
    // Each answer takes 30 ms; no request waits for a connection at this rate.
    expect(r.p50!).toBeGreaterThanOrEqual(30);
    expect(r.p99!).toBeGreaterThanOrEqual(r.p50!);
  });

  it('counts the time a request waits behind a slow server, not only the time it was being answered', async () => {
    // One connection, a request due every 100 ms, each answered in 200 ms: request i waits
    // about 100 ms × i for the connection, so latencies run from 200 ms to about 1.1 s.
    const r = await load({ url, bodies: ['{"delay":200}'], connections: 1, durationSeconds: 1, overallRate: 10 });
    expect(r.requests).toBe(10);
    expect(r.p50!).toBeGreaterThan(500);
    expect(r.p99!).toBeGreaterThan(900);
  });

  it('counts failed answers and answers with GraphQL errors, and waits for every request sent', async () => {
    const r = await load({
      url,
      bodies: ['{"fail":"http"}', '{"fail":"graphql"}', '{"query":"{ ok }"}', '{"query":"{ ok }"}'],
      connections: 2,
      durationSeconds: 1,
      overallRate: 20,
    });
    // Only good answers are timed and counted as requests.
    expect(r.requests).toBe(10);
    expect(r.errors).toEqual({ non2xx: 5, failed: 0, graphql: 5 });
  });

  it('counts a request that cannot connect as failed', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    const r = await load({ url: `http://127.0.0.1:${port}`, bodies: ['{}'], connections: 1, durationSeconds: 1, overallRate: 5 });
    expect(r.requests).toBe(0);
    expect(r.errors.failed).toBe(5);
    expect(r.p99).toBeNull();
  });
});
