/**
 * The README's mutation examples (section "Writing through the API"), run as written and in
 * order with a key that has every scope, on a real Neo4j: draft, add, correct, read the
 * history, retract; and the README's reads show each change at once.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { sha256Hex } from '../src/core/credentials.js';
import { GraphDb } from '../src/db/graph-db.js';
import { createApp } from '../src/yoga.js';
import { resetDb } from './helpers.js';

const FIRST = 'seeds/000_a6a1374e8d96988f';
const text = readFileSync(`${FIRST}/article.txt`, 'utf8');
const graph = readFileSync(`${FIRST}/graph.yaml`, 'utf8');
const corrected = graph.replace('title: Motion to restore the Labour whip to Jeremy Corbyn', 'title: Motion to readmit Jeremy Corbyn');

const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(
  readme.indexOf('## Writing through the API'),
  readme.indexOf('\n## ', readme.indexOf('## Writing through the API') + 1),
);
const examples = [...section.matchAll(/```graphql\n([\s\S]*?)\n```/g)].map((m) => ({
  query: m[1]!,
  name: m[1]!.match(/^(?:mutation|query) (\w+)/m)![1]!,
}));

const key = 'readme-key';
const n = inject('neo4j');
const db = new GraphDb({ uri: n.uri, user: n.user, password: n.password, database: n.database, pingEveryMs: 0 });
const app = createApp({ db, credentials: [{ name: 'newsroom-tool', sha256: sha256Hex(key), scopes: ['draft', 'write', 'retract'] }] });

const run = async (query: string, variables: Record<string, unknown> = {}) => {
  const res = await app.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: unknown[] };
};

beforeAll(() => resetDb(db));
afterAll(() => db.close());

it('has an example of each mutation, and of reading the history, in order', () => {
  expect(examples.map((e) => e.name)).toEqual(['DraftArticle', 'AddArticle', 'CorrectArticle', 'Revisions', 'RetractArticle']);
});

it('runs each example as written, and the reads show each change at once', async () => {
  const [draft, add, correct, revisions, retract] = examples;
  const motion = async () => (await run('{ motion(id: "motion:restore-corbyn-whip") { title } }')).data.motion;

  const d = await run(draft!.query, { text });
  expect(d.errors).toBeUndefined();
  expect(d.data.draftArticle.items.length).toBeGreaterThan(10);

  const a = await run(add!.query, { text, graph });
  expect(a.errors).toBeUndefined();
  expect(a.data.addArticle).toMatchObject({ changed: true, revision: { number: 1, action: 'ADD', by: 'newsroom-tool' } });
  expect(await motion()).toEqual({ title: 'Motion to restore the Labour whip to Jeremy Corbyn' });
  expect((await run(add!.query, { text, graph })).data.addArticle.changed).toBe(false);

  const c = await run(correct!.query, { graph: corrected });
  expect(c.errors).toBeUndefined();
  expect(c.data.correctArticle).toMatchObject({ changed: true, revision: { number: 2, action: 'CORRECT' } });
  expect(await motion()).toEqual({ title: 'Motion to readmit Jeremy Corbyn' });
  const stale = await run(correct!.query, { graph });
  expect((stale.errors as { extensions: { code: string } }[])[0]!.extensions.code).toBe('CONFLICT');

  const h = await run(revisions!.query);
  expect(
    h.data.article.revisions.edges.map((e: { node: { action: string; current: boolean } }) => [e.node.action, e.node.current]),
  ).toEqual([
    ['CORRECT', true],
    ['ADD', false],
  ]);

  const r = await run(retract!.query);
  expect(r.errors).toBeUndefined();
  expect(r.data.retractArticle.changed).toBe(true);
  expect(r.data.retractArticle.article.retractedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect(await motion()).toBeNull();
}, 120_000);
