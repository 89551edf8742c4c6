/**
 * Articles in through the API, on a real Neo4j: who may write (refused before any query is
 * sent), the one validator's messages, one transaction per write recorded as a revision,
 * idempotent re-adds, stale corrections refused, retraction, concurrent adds, hostile
 * arguments, the write limits, and the README's mutation examples.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { sha256Hex, type Credential } from '../src/core/credentials.js';
import { GraphDb } from '../src/db/graph-db.js';
import { schema, schemaWithWrites } from '../src/schema/index.js';
import { createApp, type App } from '../src/yoga.js';
import { counts, resetDb, seedFirstArticle } from './helpers.js';

const FIRST = 'seeds/000_a6a1374e8d96988f';
const text = readFileSync(`${FIRST}/article.txt`, 'utf8');
const graph = readFileSync(`${FIRST}/graph.yaml`, 'utf8');
const articleId = (parse(graph) as { article: { id: string } }).article.id;

const keys = { editor: 'editor-key-0123456789', drafter: 'drafter-key-0123456789', corrector: 'corrector-key-0123456789' };
const credentials: Credential[] = [
  { name: 'editor', sha256: sha256Hex(keys.editor), scopes: ['draft', 'write', 'retract'] },
  { name: 'drafter', sha256: sha256Hex(keys.drafter), scopes: ['draft'] },
  { name: 'corrector', sha256: sha256Hex(keys.corrector), scopes: ['write'] },
];

interface Sent {
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
  raw: string;
  headers: Headers;
}

async function send(app: App, query: string, variables: Record<string, unknown> = {}, key?: string): Promise<Sent> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  const res = await app.fetch('http://test/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const raw = await res.text();
  return { status: res.status, body: JSON.parse(raw), raw, headers: res.headers };
}

const ADD = `mutation Add($input: AddArticleInput!) {
  addArticle(input: $input) { changed message revision { id number action by sha256 current } article { id title revision } }
}`;
const CORRECT = `mutation Correct($id: ID!, $graph: String!, $base: String!, $reason: String!) {
  correctArticle(id: $id, graph: $graph, baseRevision: $base, reason: $reason) { changed message revision { id number action by reason } }
}`;
const RETRACT = `mutation Retract($id: ID!, $reason: String!) {
  retractArticle(id: $id, reason: $reason) { changed message revision { id action } article { retractedAt } }
}`;
const DRAFT = `mutation Draft($text: String!) { draftArticle(text: $text, title: "T", publisher: "P", publishedAt: "2026-05-14") { graph sentences items { path id label } } }`;
const DRAFT_ALL = `mutation Draft($text: String!, $title: String, $publisher: String, $publishedAt: String, $url: String) {
  draftArticle(text: $text, title: $title, publisher: $publisher, publishedAt: $publishedAt, url: $url) { graph }
}`;
const REVISIONS = `query Revs($id: ID!) { article(id: $id) { revision retractedAt revisions(first: 10) { totalCount edges { node { id number action by reason current supersededBy graph } } } } }`;

const code = (s: Sent) => s.body.errors?.[0]?.extensions?.code;
const revisionCount = async (db: GraphDb) =>
  Number((await db.driver.executeQuery('MATCH (r:Revision) RETURN count(r) AS n', {}, { database: db.database })).records[0]!.get('n'));

describe('writing articles through the API', () => {
  // No background pings: on the shared 2-core machine a slow ping under load would close the
  // database gate (src/plugins/use-database-gate.ts) mid-test; outages are tested elsewhere.
  const n = inject('neo4j');
  const db = new GraphDb({ uri: n.uri, user: n.user, password: n.password, database: n.database, pingEveryMs: 0 });
  // A high write limit: the hostile-input test sends a hundred writes; the limit has its own test.
  const app = createApp({ db, credentials, writesPerMinute: 10_000 });
  let sent = 0;
  const stop = db.onQuery(() => sent++);
  const add = (key = keys.editor, input: Record<string, unknown> = { text, graph }) => send(app, ADD, { input }, key);

  beforeAll(async () => {
    await resetDb(db);
    // Plan the reads first, as the server does at start: cold plans on a loaded machine ran past the timeouts.
    await db.warmUp();
  });
  afterAll(async () => {
    stop();
    await db.close();
  });

  describe('the schema', () => {
    it('without credentials offers no mutations, nor the types only they use', async () => {
      expect(schema.getMutationType() ?? null).toBeNull();
      for (const name of ['AddArticleInput', 'ArticleWriteResult', 'ArticleDraft', 'DraftItem']) {
        expect(schema.getType(name)).toBeUndefined();
        expect(schemaWithWrites.getType(name)).toBeDefined();
      }
      expect(schema.getType('Revision')).toBeDefined();
      const readOnly = createApp({ db });
      const before = sent;
      const s = await send(readOnly, RETRACT, { id: articleId, reason: 'x' }, keys.editor);
      expect(code(s)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(sent).toBe(before);
    });

    it('with credentials offers the four mutations, as schema/schema.graphql prints them (whatever the environment)', () => {
      expect(Object.keys(schemaWithWrites.getMutationType()!.getFields()).sort()).toEqual([
        'addArticle',
        'correctArticle',
        'draftArticle',
        'retractArticle',
      ]);
      const printed = readFileSync('schema/schema.graphql', 'utf8');
      expect(printed).toContain('type Mutation {');
      expect(printed).toContain('addArticle(input: AddArticleInput!): ArticleWriteResult!');
    });
  });

  describe('who may write', () => {
    const calls = () => [
      { name: 'draftArticle', query: DRAFT, variables: { text } },
      { name: 'addArticle', query: ADD, variables: { input: { text, graph } } },
      { name: 'correctArticle', query: CORRECT, variables: { id: articleId, graph, base: 'x', reason: 'y' } },
      { name: 'retractArticle', query: RETRACT, variables: { id: articleId, reason: 'y' } },
    ];

    it('refuses every mutation without a key, or with a key it does not know, with UNAUTHENTICATED (401) before any query is sent', async () => {
      for (const c of calls())
        for (const key of [undefined, 'not-a-key', '']) {
          const before = sent;
          const s = await send(app, c.query, c.variables, key);
          expect([c.name, s.status, code(s)]).toEqual([c.name, 401, 'UNAUTHENTICATED']);
          expect(s.body.data ?? null).toBeNull();
          expect(sent - before).toBe(0);
        }
    });

    it('refuses a key without the scope a mutation needs with FORBIDDEN (403) before any query is sent', async () => {
      for (const c of calls().slice(1)) {
        const before = sent;
        const s = await send(app, c.query, c.variables, keys.drafter);
        expect([c.name, s.status, code(s)]).toEqual([c.name, 403, 'FORBIDDEN']);
        expect(s.body.errors![0]!.message).toContain('"drafter"');
        expect(sent - before).toBe(0);
      }
      const before = sent;
      const s = await send(app, RETRACT, { id: articleId, reason: 'y' }, keys.corrector);
      expect([s.status, code(s)]).toEqual([403, 'FORBIDDEN']);
      expect(sent - before).toBe(0);
    });

    it('keeps reads open to anyone, with or without a key', async () => {
      for (const key of [undefined, 'not-a-key', keys.drafter]) {
        const s = await send(app, '{ articles(first: 1) { totalCount } }', {}, key);
        expect(s.status).toBe(200);
        expect(s.body.data.articles.totalCount).toBe(0);
      }
    });
  });

  describe('draftArticle', () => {
    it('drafts a graph the validator accepts, as YAML and as items, and writes nothing', async () => {
      const before = await counts(db);
      const s = await send(app, DRAFT, { text }, keys.drafter);
      expect(s.status).toBe(200);
      const d = s.body.data.draftArticle;
      expect(d.graph).toMatch(/^# DRAFT graph\.yaml/);
      expect(d.sentences).toBeGreaterThan(10);
      expect(d.items.some((i: { path: string }) => i.path === 'entities[0]')).toBe(true);
      expect(await counts(db)).toEqual(before);
    });

    it('refuses an empty text with BAD_USER_INPUT', async () => {
      const s = await send(app, DRAFT, { text: '   ' }, keys.drafter);
      expect([s.status, code(s)]).toEqual([200, 'BAD_USER_INPUT']);
    });
  });

  describe('addArticle', () => {
    beforeAll(() => resetDb(db));

    it('refuses a bad graph with BAD_USER_INPUT, the path into the input and its line, and writes nothing', async () => {
      const before = await counts(db);
      const bad = graph.replace(/(\n {2}- kind: Person\n {4}id: [^\n]+\n {4}name: )[^\n]+/, '$1""');
      expect(bad).not.toBe(graph);
      const s = await add(keys.editor, { text, graph: bad });
      expect(code(s)).toBe('BAD_USER_INPUT');
      const problem = s.body.errors![0]!.extensions!.problems[0];
      expect(problem).toMatchObject({ file: 'input.graph', path: expect.stringMatching(/^entities\[\d+\]\.name$/) });
      expect(problem.line).toBeGreaterThan(1);
      expect(s.body.errors![0]!.message).toContain(`input.graph:${problem.line}:${problem.column} ${problem.path}:`);
      const yaml = await add(keys.editor, { text, graph: 'article: [' });
      expect(code(yaml)).toBe('BAD_USER_INPUT');
      expect(yaml.body.errors![0]!.message).toContain('input.graph:');
      const noText = await add(keys.editor, { text: '', graph });
      expect(noText.body.errors![0]!.message).toContain('input.text: the article text is empty');
      expect(await counts(db)).toEqual(before);
    });

    it('adds the first article in one write, recorded as revision 1, and the README examples then answer as the README shows', async () => {
      const started = Date.now();
      const s = await add();
      console.log(`addArticle of the first article: ${Date.now() - started} ms`);
      expect(s.body.errors ?? []).toEqual([]);
      const r = s.body.data.addArticle;
      expect(r.changed).toBe(true);
      expect(r.revision).toMatchObject({ id: `${articleId}@1`, number: 1, action: 'ADD', by: 'editor', current: true });
      expect(r.revision.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(r.article).toMatchObject({ title: expect.any(String), revision: `${articleId}@1` });
      const readme = readFileSync('README.md', 'utf8');
      const pairs = [
        ...readme.slice(readme.indexOf('## Example questions')).matchAll(/```graphql\n([\s\S]*?)\n```\n\n```json\n([\s\S]*?)\n```/g),
      ];
      expect(pairs.length).toBeGreaterThanOrEqual(7);
      for (const [, query, answer] of pairs) expect((await send(app, query!)).body).toEqual(JSON.parse(answer!));
    }, 120_000);

    it('changes nothing, and says so, when the same article is sent again', async () => {
      const before = await counts(db);
      const s = await add();
      expect(s.body.data.addArticle).toMatchObject({ changed: false, revision: { id: `${articleId}@1`, current: true } });
      expect(s.body.data.addArticle.message).toMatch(/^Unchanged/);
      expect(await counts(db)).toEqual(before);
    });

    it('refuses other content for an article that exists with CONFLICT, naming its current revision', async () => {
      const before = await counts(db);
      const s = await add(keys.editor, { text, graph: graph.replace('Motion to restore the Labour whip to Jeremy Corbyn', 'A motion') });
      expect([s.status, code(s)]).toEqual([409, 'CONFLICT']);
      expect(s.body.errors![0]!.extensions!.currentRevision).toBe(`${articleId}@1`);
      expect(await counts(db)).toEqual(before);
    });
  });

  describe('correctArticle and retractArticle', () => {
    const corrected = graph.replace('title: Motion to restore the Labour whip to Jeremy Corbyn', 'title: Motion to readmit Jeremy Corbyn');

    it('refuses a correction from a stale revision with CONFLICT and writes nothing', async () => {
      expect(corrected).not.toBe(graph);
      const before = await counts(db);
      for (const base of [`${articleId}@0`, `${articleId}@2`, '']) {
        const s = await send(app, CORRECT, { id: articleId, graph: corrected, base, reason: 'typo' }, keys.corrector);
        expect([s.status, code(s)]).toEqual([409, 'CONFLICT']);
        expect(s.body.errors![0]!.extensions!.currentRevision).toBe(`${articleId}@1`);
      }
      expect(await counts(db)).toEqual(before);
    });

    it('refuses a correction of an article not in the graph with NOT_FOUND, and one whose graph names another article', async () => {
      const s = await send(app, CORRECT, { id: 'article:nothing-here', graph, base: 'x', reason: 'r' }, keys.corrector);
      expect(code(s)).toBe('NOT_FOUND');
      const other = await send(
        app,
        CORRECT,
        { id: articleId, graph: graph.replace(articleId, 'article:other'), base: 'x', reason: 'r' },
        keys.corrector,
      );
      expect(code(other)).toBe('BAD_USER_INPUT');
    });

    it('replaces what the article asserts, keeps what it replaced in the revision before, and reads show it at once', async () => {
      const s = await send(
        app,
        CORRECT,
        { id: articleId, graph: corrected, base: `${articleId}@1`, reason: 'the motion, as the NEC worded it' },
        keys.corrector,
      );
      expect(s.body.data.correctArticle).toMatchObject({
        changed: true,
        revision: { id: `${articleId}@2`, number: 2, action: 'CORRECT', by: 'corrector', reason: 'the motion, as the NEC worded it' },
      });
      const motion = await send(app, '{ motion(id: "motion:restore-corbyn-whip") { title } }');
      expect(motion.body.data.motion.title).toBe('Motion to readmit Jeremy Corbyn');
      const revs = (await send(app, REVISIONS, { id: articleId })).body.data.article;
      expect(revs.revision).toBe(`${articleId}@2`);
      expect(revs.revisions.totalCount).toBe(2);
      const [now, before] = revs.revisions.edges.map((e: { node: unknown }) => e.node);
      expect(now).toMatchObject({ number: 2, current: true, supersededBy: null });
      expect(before).toMatchObject({ number: 1, action: 'ADD', current: false, supersededBy: `${articleId}@2` });
      expect(JSON.parse(before.graph).motions[0].title).toBe('Motion to restore the Labour whip to Jeremy Corbyn');
      const again = await send(app, CORRECT, { id: articleId, graph: corrected, base: `${articleId}@2`, reason: 'again' }, keys.corrector);
      expect(again.body.data.correctArticle.changed).toBe(false);
    });

    it('retracts: the facts leave the graph, the article keeps its text and history; retracting again changes nothing', async () => {
      const s = await send(app, RETRACT, { id: articleId, reason: 'legal advice' }, keys.editor);
      expect(s.body.data.retractArticle).toMatchObject({ changed: true, revision: { id: `${articleId}@3`, action: 'RETRACT' } });
      expect(s.body.data.retractArticle.article.retractedAt).toMatch(/^\d{4}-/);
      expect((await send(app, '{ motion(id: "motion:restore-corbyn-whip") { title } }')).body.data.motion).toBeNull();
      expect((await send(app, '{ entities(first: 1) { totalCount } }')).body.data.entities.totalCount).toBe(0);
      const revs = (await send(app, REVISIONS, { id: articleId })).body.data.article;
      expect(revs.revisions.totalCount).toBe(3);
      expect(revs.retractedAt).not.toBeNull();
      const again = await send(app, RETRACT, { id: articleId, reason: 'again' }, keys.editor);
      expect(again.body.data.retractArticle.changed).toBe(false);
      expect(await revisionCount(db)).toBe(3);
    });
  });

  describe('one article, one revision', () => {
    beforeEach(() => resetDb(db));

    it('two concurrent addArticle calls for one id leave exactly one article and one revision', async () => {
      const [a, b] = await Promise.all([add(), add()]);
      expect([a.body.data.addArticle.changed, b.body.data.addArticle.changed].sort()).toEqual([false, true]);
      const { records } = await db.driver.executeQuery('MATCH (a:Article) RETURN count(a) AS n', {}, { database: db.database });
      expect(Number(records[0]!.get('n'))).toBe(1);
      expect(await revisionCount(db)).toBe(1);
    });

    it('npm run seed writes through the same path: a revision by "npm run seed", none more for the same seed', async () => {
      await seedFirstArticle(db);
      const revs = (await send(app, REVISIONS, { id: articleId })).body.data.article.revisions;
      expect(revs.edges.map((e: { node: unknown }) => e.node)).toMatchObject([{ number: 1, action: 'SEED', by: 'npm run seed' }]);
      const s = await add();
      expect(s.body.data.addArticle.changed).toBe(false);
      expect(await revisionCount(db)).toBe(1);
    });
  });

  describe('hostile input', () => {
    beforeAll(async () => {
      await resetDb(db);
      await add();
    });
    const hostile = [
      "' OR 1=1 //",
      '"}) MATCH (n) DETACH DELETE n //',
      '$articleId',
      '{{types}}',
      'article:x#1',
      'article:../../etc/passwd',
      '\u0000\u0001\u202e',
      '\ud800',
      '💥'.repeat(3000),
      'x'.repeat(70_000),
    ];
    const leaks = /Neo4jError|Neo\.ClientError|Neo\.DatabaseError|cypher\/|\bUNWIND\b|\n\s+at /;

    it('gives no 5xx and leaks no Cypher or stack for a hostile string in any argument', async () => {
      const before = await counts(db);
      const base = { id: articleId, graph, base: `${articleId}@1`, reason: 'r', text };
      const cases: [string, string, (h: string) => Record<string, unknown>][] = [
        ['draftArticle.text', DRAFT, (h) => ({ text: h })],
        ...(['title', 'publisher', 'publishedAt', 'url'] as const).map(
          (arg) =>
            [`draftArticle.${arg}`, DRAFT_ALL, (h: string) => ({ text: 'Ann Lee said: "Yes."', [arg]: h })] as [
              string,
              string,
              (h: string) => Record<string, unknown>,
            ],
        ),
        ['addArticle.input.text', ADD, (h) => ({ input: { text: h, graph } })],
        ['addArticle.input.graph', ADD, (h) => ({ input: { text, graph: h } })],
        ['addArticle.input.reason', ADD, (h) => ({ input: { text, graph, reason: h } })],
        ['correctArticle.id', CORRECT, (h) => ({ ...base, id: h })],
        ['correctArticle.graph', CORRECT, (h) => ({ ...base, graph: h })],
        ['correctArticle.baseRevision', CORRECT, (h) => ({ ...base, base: h })],
        ['correctArticle.reason', CORRECT, (h) => ({ ...base, reason: h })],
        ['retractArticle.id', RETRACT, (h) => ({ id: h, reason: 'r' })],
      ];
      for (const [name, query, vars] of cases)
        for (const h of hostile) {
          const s = await send(app, query, vars(h), keys.editor);
          expect([name, h.slice(0, 20), s.status < 500]).toEqual([name, h.slice(0, 20), true]);
          expect(s.raw).not.toMatch(leaks);
          expect(['INTERNAL_SERVER_ERROR', 'RATE_LIMITED']).not.toContain(s.body.errors?.[0]?.extensions?.code ?? 'none');
        }
      expect(await counts(db)).toEqual(before);
      expect(await revisionCount(db)).toBe(1);
    });
  });

  describe('limits', () => {
    it('limits each credential to its writes a minute, with RATE_LIMITED (429) and Retry-After, before any query', async () => {
      const limited = createApp({ db, credentials, writesPerMinute: 2 });
      const statuses = [];
      for (let i = 0; i < 2; i++) statuses.push((await send(limited, RETRACT, { id: 'article:nothing', reason: 'r' }, keys.editor)).status);
      const before = sent;
      const third = await send(limited, RETRACT, { id: 'article:nothing', reason: 'r' }, keys.editor);
      expect([third.status, code(third)]).toEqual([429, 'RATE_LIMITED']);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(sent).toBe(before);
      // Another credential has its own allowance.
      expect((await send(limited, DRAFT, { text: 'Ann Lee said: "Yes."' }, keys.drafter)).status).toBe(200);
      expect(statuses).toEqual([200, 200]);
    });

    it('takes a body over 64 KiB only from a request with a valid key, up to 4 MiB', async () => {
      const big = JSON.stringify({ query: ADD, variables: { input: { text, graph: `${graph}\n# ${'x'.repeat(30_000)}\n` } } });
      const post = (key?: string) =>
        app.fetch('http://test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
          body: big,
        });
      expect(big.length).toBeGreaterThan(64 * 1024);
      expect((await post()).status).toBe(413);
      expect((await post('not-a-key')).status).toBe(413);
      const ok = await post(keys.corrector);
      expect(ok.status).toBe(200);
      // A comment changes no fact: the input's hash is of the normalised graph, so this is the article already there.
      expect(((await ok.json()) as Sent['body']).data.addArticle.changed).toBe(false);
    });

    it('still runs only persisted operations when a manifest is configured, mutations included', async () => {
      const manifest = join(mkdtempSync(join(tmpdir(), 'writes-persisted-')), 'operations.json');
      writeFileSync(manifest, JSON.stringify({ retract: RETRACT }));
      const persisted = createApp({ db, credentials, persistedOperations: manifest });
      const before = sent;
      const free = await send(persisted, RETRACT, { id: 'article:nothing', reason: 'r' }, keys.editor);
      expect([free.status, code(free)]).toEqual([400, 'PERSISTED_QUERY_ONLY']);
      expect(sent).toBe(before);
      const res = await persisted.fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.editor}` },
        body: JSON.stringify({ documentId: 'retract', variables: { id: 'article:nothing', reason: 'r' } }),
      });
      expect(((await res.json()) as Sent['body']).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    });

    it('caps text, graph and reason with BAD_USER_INPUT naming the argument', async () => {
      const s = await add(keys.editor, { text, graph: 'x'.repeat(2_000_001) });
      expect(s.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.graph', max: 2_000_000 });
      const r = await send(app, RETRACT, { id: articleId, reason: 'r'.repeat(2001) }, keys.editor);
      expect(r.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' });
    });
  });
});
