/**
 * GraphQL over HTTP: graphql-http's compliance audits with CSRF prevention on, CORS, and
 * the request body limit.
 */
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDb } from '../src/db/graph-db.js';
import { createApp, type App } from '../src/yoga.js';
import { appFor, openDb, resetDb, seedFirstArticle } from './helpers.js';

let db: GraphDb;
let app: App;

beforeAll(async () => {
  db = openDb();
  await resetDb(db);
  await seedFirstArticle(db);
  app = appFor(db);
});
afterAll(async () => db.close());

describe('GraphQL over HTTP (graphql-http audits, CSRF prevention on)', () => {
  // Browsers cannot send a custom header cross-origin without a preflight; the audits' client
  // is a well-behaved one and sends it, as every client of this server must for GET.
  const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('x-graphql-yoga-csrf', '1');
    const url = input instanceof URL ? input.href : typeof input === 'string' ? input : input.url;
    return app.fetch(url, { ...init, headers });
  };
  for (const audit of serverAudits({ url: 'http://test/graphql', fetchFn })) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      expect(result.status, 'reason' in result ? result.reason : '').toBe('ok');
    });
  }

  it('refuses a GET without the CSRF header', async () => {
    const res = await app.fetch('http://test/graphql?query=%7B__typename%7D');
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/CSRF/);
  });

  it('refuses a form-encoded POST without the CSRF header', async () => {
    const body = 'query=%7B__typename%7D';
    const without = await app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(without.status).toBe(403);
  });
});

describe('CORS', () => {
  const preflight = (target: App, origin: string) =>
    target.fetch('http://test/graphql', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });

  it('allows any origin by default, without credentials', async () => {
    const res = await preflight(app, 'https://news-app.example');
    expect(res.headers.get('access-control-allow-origin')).toMatch(/^(\*|https:\/\/news-app\.example)$/);
    expect(res.headers.get('access-control-allow-credentials')).not.toBe('true');
  });

  it('allows only the configured origins when given a list', async () => {
    const strict = createApp({ db, corsOrigins: ['https://news-app.example'] });
    expect((await preflight(strict, 'https://news-app.example')).headers.get('access-control-allow-origin')).toBe(
      'https://news-app.example',
    );
    expect((await preflight(strict, 'https://evil.example')).headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });
});

describe('request size', () => {
  it('refuses a body over 64 KiB with 413 before reading it', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(70_000) } });
    const res = await app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      body,
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
