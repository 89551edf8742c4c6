/**
 * How refusals look on the wire: QUERY_TOO_COMPLEX is HTTP 400 with `actual` whatever the
 * client accepts, a bad argument is the client's mistake and not logged as the server's, and
 * a request with many root fields stays quiet. And the cost that decides QUERY_TOO_COMPLEX
 * bounds the answer: every list is priced by what it can return, whole articles by size.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { GraphDb } from '../src/db/graph-db.js';
import { createApp, type App } from '../src/yoga.js';
import { openDb, resetDb, seedFirstArticle } from './helpers.js';

let db: GraphDb;
let app: App;

beforeAll(async () => {
  db = openDb();
  await resetDb(db);
  await seedFirstArticle(db);
  app = createApp({ db });
});
afterAll(async () => db.close());

async function post(query: string, accept: string) {
  const res = await app.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: any }[] } };
}

const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `e${i}: entity(id: "person:jeremy-corbyn") { name }`).join(' ')} }`;
const nest = (levels: number) => {
  let q = 'label';
  for (let i = 0; i < levels; i++) q = `supporters(first: 1) { edges { node { other { ${q} } } } }`;
  return `{ entity(id: "person:jeremy-corbyn") { ${q} } }`;
};

describe('QUERY_TOO_COMPLEX on the wire', () => {
  const refused = [
    { limit: 'tokens', query: `{ ${'__typename '.repeat(2500)} }`, max: 2000, actual: 2502 },
    { limit: 'aliases', query: aliases(16), max: 15, actual: 16 },
    {
      limit: 'directives',
      query: `{ entity(id: "person:jeremy-corbyn") { name ${'@skip(if: false) '.repeat(11)} } }`,
      max: 10,
      actual: 11,
    },
    { limit: 'depth', query: nest(3), max: 12, actual: 14 },
  ];
  for (const accept of ['application/json', 'application/graphql-response+json', '*/*']) {
    for (const { limit, query, max, actual } of refused) {
      it(`is HTTP 400 with max and actual for ${limit}, when the client accepts ${accept}`, async () => {
        const { status, body } = await post(query, accept);
        expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit, max, actual });
        expect(status).toBe(400);
      });
    }
  }

  it('answers a refusal after the refusal delay, so a client looping refused queries on a connection sends at most 10 a second', async () => {
    for (const { query } of refused) {
      const started = performance.now();
      const { status } = await post(query, 'application/json');
      expect(status).toBe(400);
      expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    }
    // The delay is a setting.
    const slower = createApp({ db, limits: { refusalDelayMs: 300 } });
    const started = performance.now();
    const res = await slower.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: aliases(16) }),
    });
    expect(res.status).toBe(400);
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
  });
});

describe('what the server logs', () => {
  it('answers a malformed global id with BAD_USER_INPUT and logs no error for it', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const { body } = await post(`{ node(id: "bm9wZQ==") { id } nodes(ids: ["bm9wZQ=="]) { id } }`, 'application/json');
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it('prints no MaxListenersExceededWarning for a request with more than 10 root fields', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', onWarning);
    try {
      // Searches are not batched: twelve root fields, twelve reads on the request's signal.
      const searches = Array.from({ length: 12 }, (_, i) => `s${i}: search(text: "whip${i}", first: 1) { score }`).join(' ');
      const { body } = await post(`{ ${searches} }`, 'application/json');
      expect(body.errors).toBeUndefined();
      await new Promise((r) => setTimeout(r, 50)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((w) => w.startsWith('MaxListenersExceededWarning'))).toEqual([]);
  });
});

describe('the cost of a query bounds its answer', () => {
  const cost = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: { extensions?: any }[] };
    return { status: res.status, refusal: body.errors?.[0]?.extensions, errors: body.errors };
  };

  it('refuses a list of more than 100 ids and prices nodes(ids:) by its ids: 100 copies of one id are refused, two are answered', async () => {
    const { body } = await post('{ articles(first: 1) { edges { node { id } } } }', 'application/json');
    const id = (body.data as any).articles.edges[0].node.id as string;
    const query = `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Article { sentences(first: 100) { edges { node { article { text } } } } } } }`;
    // The request: cost 2006 whatever the count, and 199 MB of answer.
    // 970 ids are refused before pricing (pricing them read each id: 5 ms a refusal).
    const many = await cost(query, { ids: Array.from({ length: 970 }, () => id) });
    expect(many.status).toBe(400);
    expect(many.refusal).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'list', max: 100, actual: 970 });
    // 100 are priced: once per id.
    const hundred = await cost(query, { ids: Array.from({ length: 100 }, () => id) });
    expect(hundred.status).toBe(400);
    expect(hundred.refusal).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost', max: 10000 });
    expect(hundred.refusal?.actual).toBeGreaterThan(100 * 100 * 100);
    const small = await cost(`query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Article { title } } }`, { ids: [id, id] });
    expect(small.errors).toBeUndefined();
  });

  it('prices plain lists by what they may hold, so a hub entity cannot fan out under the limit', async () => {
    // The 1.3 KB request: cost 1432, and 345 MB of answer from one hub on the 10k corpus.
    const hub = `{ entity(id: "person:jeremy-corbyn") { events { participants { other { ... on Entity { mentions { sentences { article { text } } } } } } } } }`;
    const { status, refusal } = await cost(hub);
    expect(status).toBe(400);
    expect(refusal).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    expect(refusal?.actual).toBeGreaterThan(1_000_000);
  });

  it("prices an article's text by its size: 20 whole articles are answered, 100 are refused", async () => {
    const articles = (n: number) => `{ articles(first: ${n}) { edges { node { title text } } } }`;
    expect((await cost(articles(20))).errors).toBeUndefined();
    const { refusal } = await cost(articles(100));
    expect(refusal).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'cost' });
    // A page of 100 sentences' own text stays cheap: only whole articles are priced by size.
    expect(
      (await cost(`{ articles(first: 1) { edges { node { sentences(first: 100) { edges { node { text } } } } } } }`)).errors,
    ).toBeUndefined();
  });
});
