/**
 * Query limits and error codes: a refused query says which limit and how far over it was; an
 * expected error carries a stable `extensions.code`; anything else is masked.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inject } from 'vitest';
import { GraphDb } from '../src/db/graph-db.js';
import { loadExamples } from '../src/graphiql-tabs.js';
import { schema } from '../src/schema/index.js';
import { createApp } from '../src/yoga.js';
import { appFor, gql, openDb, resetDb, seedFirstArticle } from './helpers.js';

let db: GraphDb;
let app: ReturnType<typeof appFor>;

beforeAll(async () => {
  db = openDb();
  await resetDb(db);
  await seedFirstArticle(db);
  app = appFor(db);
});
afterAll(async () => db.close());

async function post(query: string, variables: Record<string, unknown> = {}, target = app) {
  const res = await target.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] },
  };
}

const nest = (levels: number) => {
  let q = 'label';
  for (let i = 0; i < levels; i++) q = `supporters(first: 1) { edges { node { other { ${q} } } } }`;
  return `{ entity(id: "person:jeremy-corbyn") { ${q} } }`;
};

describe('query limits', () => {
  it('answers every README example, so the defaults leave room for real questions', async () => {
    for (const example of loadExamples()) {
      const { status, body } = await post(example.query);
      expect(body.errors, example.name).toBeUndefined();
      expect(status).toBe(200);
    }
  });

  it('refuses a query nested too deep with QUERY_TOO_COMPLEX, naming the limit', async () => {
    const ok = await post(nest(2)); // depth 10
    expect(ok.body.errors).toBeUndefined();
    const { status, body } = await post(nest(3)); // depth 14
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 12, actual: 14 });
  });

  it('refuses more than 15 aliases', async () => {
    const fields = (n: number) => Array.from({ length: n }, (_, i) => `e${i}: entity(id: "person:jeremy-corbyn") { name }`).join(' ');
    expect((await post(`{ ${fields(15)} }`)).body.errors).toBeUndefined();
    const { status, body } = await post(`{ ${fields(16)} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases' });
  });

  it('refuses a document of more than 2000 tokens before parsing it in full', async () => {
    const { status, body } = await post(`{ ${'__typename '.repeat(2500)} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: 2000 });
  });

  it('refuses more than 10 directives', async () => {
    const { body } = await post(`{ entity(id: "person:jeremy-corbyn") { name ${'@include(if: true) '.repeat(11)} } }`);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'directives' });
  });

  it('prices nested pages by their size, counting `first` from variables too', async () => {
    const query = `query ($n: Int) { entities(first: $n) { edges { node { supporters(first: $n) { edges { node { evidence { text } } } } } } } }`;
    expect((await post(query, { n: 5 })).body.errors).toBeUndefined();
    const { status, body } = await post(query, { n: 100 });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: 10000 });
    expect(body.errors?.[0]?.extensions?.actual).toBeGreaterThan(10000);
  });

  it('refuses a page larger than 100 instead of quietly shortening it', async () => {
    const { body } = await post(`{ entities(first: 101) { totalCount } }`);
    expect(body.errors?.[0]).toMatchObject({
      message: '`first` must be between 0 and 100.',
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
  });
});

describe('error codes', () => {
  it('says NOT_FOUND, naming the argument, when a filter names nothing', async () => {
    for (const [query, argument] of [
      [`{ statements(speaker: "person:nobody") { totalCount } }`, 'speaker'],
      [`{ statements(about: "person:nobody") { totalCount } }`, 'about'],
      [`{ timeline(article: "article:nothing") { totalCount } }`, 'article'],
      [`{ path(from: "person:jeremy-corbyn", to: "person:nobody") { length } }`, 'to'],
    ] as const) {
      const { body } = await post(query);
      expect(body.errors?.[0]?.extensions, query).toMatchObject({ code: 'NOT_FOUND', argument });
    }
  });

  it('keeps an empty answer empty when the filter exists but nothing matches', async () => {
    const { body } = await post(`{ statements(speaker: "person:keir-starmer", mode: reported) { totalCount } }`);
    expect(body.errors).toBeUndefined();
  });

  it('says BAD_USER_INPUT for malformed ids and out-of-range arguments', async () => {
    for (const query of [
      `{ entity(id: "not an id") { name } }`,
      `{ search(text: "Corbyn", first: 51) { score } }`,
      `{ path(from: "person:jeremy-corbyn", to: "person:keir-starmer", maxHops: 7) { length } }`,
      `{ entities(first: -1) { totalCount } }`,
    ]) {
      const { body } = await post(query);
      expect(body.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
    }
  });

  it('masks an unexpected failure: no driver message, Cypher or stack reaches the client', async () => {
    // A database that does not exist makes the driver fail in a way no translation expects.
    const wrong = new GraphDb({ uri: inject('neo4j').uri, database: 'nosuchdatabase' });
    const broken = createApp({ db: wrong });
    const { body } = await post(`{ entities(first: 1) { totalCount } }`, {}, broken);
    await wrong.close();
    expect(body.errors?.[0]).toMatchObject({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(body)).not.toMatch(/nosuchdatabase|MATCH|Neo4j|neo4j|\.cypher|at .*\.ts/);
  });

  it('stops a request at its deadline with REQUEST_TIMEOUT, without a path, and logs no error for it', async () => {
    const hurried = createApp({ db, requestTimeoutMs: 1 });
    await new Promise((r) => setTimeout(r, 5));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { body } = await post(`{ path(from: "person:jeremy-corbyn", to: "person:keir-starmer", maxHops: 6) { length } }`, {}, hurried);
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions?.code).toBe('REQUEST_TIMEOUT');
      expect(body.errors?.[0]).not.toHaveProperty('path');
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it('offers no way to write: the schema has no mutations', async () => {
    expect(schema.getMutationType()).toBeFalsy();
    expect(schema.getSubscriptionType()).toBeFalsy();
    const { status, body } = await post(`mutation { __typename }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('production settings', () => {
  it('refuses introspection and hides field suggestions when introspection is off', async () => {
    const closed = createApp({ db, introspection: false });
    const intro = await post(`{ __schema { types { name } } }`, {}, closed);
    expect(intro.body.data?.__schema).toBeUndefined();
    expect(intro.body.errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await post(`{ entitie { name } }`, {}, closed);
    expect(typo.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const open = await post(`{ entitie { name } }`);
    expect(open.body.errors?.[0]?.message).toMatch(/Did you mean "entities"/);
  });

  it('runs only persisted operations when given a manifest', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'newsgraph-pq-')), 'operations.json');
    writeFileSync(file, JSON.stringify({ 'who-is-corbyn': '{ entity(id: "person:jeremy-corbyn") { name } }' }));
    const locked = createApp({ db, persistedOperations: file });
    const send = async (body: unknown) =>
      (await (
        await locked.fetch('http://test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json()) as any;
    expect(await send({ documentId: 'who-is-corbyn' })).toEqual({ data: { entity: { name: 'Jeremy Corbyn' } } });
    expect((await send({ query: '{ entities { totalCount } }' })).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
    expect((await send({ documentId: 'unknown' })).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
  });

  it('refuses to start with a persisted-operations file that is not a JSON object of queries', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'newsgraph-pq-')), 'operations.json');
    writeFileSync(file, '["not", "an", "object"]');
    expect(() => createApp({ db, persistedOperations: file })).toThrow(/expected a JSON object mapping ids to query strings/);
  });
});
