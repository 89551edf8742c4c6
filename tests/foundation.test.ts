import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../src/db/apply-schema.js';
import { queries, warmUpQueries } from '../src/db/queries.js';
import { GraphDb } from '../src/db/graph-db.js';
import { listen, type RunningServer } from '../src/server.js';
import { createApp } from '../src/yoga.js';
import { appFor, gql, openDb } from './helpers.js';

describe('the served app', () => {
  const db = openDb();
  const app = appFor(db);
  let server: RunningServer;

  beforeAll(async () => {
    server = await listen(app, { port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  it('answers { __typename } in-process', async () => {
    expect(await gql(app, '{ __typename }')).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers { __typename } over a real port', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('reports /health 200 while the process is up', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
  });

  it('reports /ready 200 when Neo4j answers', async () => {
    const res = await fetch(`${server.url}/ready`);
    expect(res.status).toBe(200);
  });

  it('plans every read query ahead, answering /ready 503 until it has', async () => {
    const warming = openDb();
    const warmingApp = appFor(warming);
    try {
      // The full-text indexes that search needs (another test file may not have made them yet).
      await applySchema(warming);
      const types = (await warming.read(queries.relationshipCounts, {})).filter((r) => r.count > 0).map((r) => r.type);
      const planned = warming.warmUp();
      expect((await warmingApp.fetch('http://test/ready')).status).toBe(503);
      // Every query ran (with parameters that match nothing) without an error.
      expect(types).toContain('SUPPORTED');
      expect(await planned).toBe(warmUpQueries(types).length);
      expect(warmUpQueries(types).map((q) => q.name)).toContain('read/relationship-pages#SUPPORTED');
      expect((await warmingApp.fetch('http://test/ready')).status).toBe(200);
    } finally {
      await warming.close();
    }
  });

  it('stops planning ahead when the database is closed, instead of holding up a shutdown', async () => {
    const closing = openDb();
    const planned = closing.warmUp();
    await closing.close();
    // At most the two queries in hand when it closed.
    expect(await planned.catch(() => 0)).toBeLessThanOrEqual(2);
  });

  it('reports /ready 503 when Neo4j cannot be reached', async () => {
    // A port nothing listens on: the driver cannot connect.
    const down = new GraphDb({ uri: 'bolt://127.0.0.1:1', database: 'neo4j', connectionTimeoutMs: 500 });
    const res = await createApp({ db: down }).fetch('http://test/ready');
    expect(res.status).toBe(503);
    await down.close();
  });

  it('serves GraphiQL from the server itself, with no CDN', async () => {
    const res = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<div id="root">');
    expect(html).not.toMatch(/<script[^>]+src="https?:\/\//);
    expect(html).not.toMatch(/<link[^>]+href="https?:\/\/(unpkg|cdn|esm)/);
  });
});
