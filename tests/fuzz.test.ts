/**
 * Hostile input. Every string and id argument the schema has, at the root and on a node,
 * gets injection-like, very long and odd-unicode values: the answer is never a 5xx, never
 * shows Cypher, driver or stack text, and the graph is unchanged afterwards. Seed files that
 * are malformed, truncated, oversized or hostile are refused with a clear error naming the
 * file, and nothing is written.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getNamedType, getNullableType, isListType, isObjectType, type GraphQLArgument, type GraphQLField } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDb } from '../src/db/graph-db.js';
import { schema } from '../src/schema/index.js';
import { seedAll } from '../src/seed/seed-all.js';
import { SeedValidationError, validateSeed } from '../src/seed/validate.js';
import type { App } from '../src/yoga.js';
import { appFor, counts, openDb, resetDb, seedFirstArticle } from './helpers.js';

let db: GraphDb;
let app: App;

beforeAll(async () => {
  db = openDb();
  await resetDb(db);
  await seedFirstArticle(db);
  app = appFor(db);
});
afterAll(async () => db.close());

const hostile = [
  `' OR 1=1 //`,
  `"}) MATCH (n) DETACH DELETE n //`,
  `person:x'}) DETACH DELETE n RETURN 1 //`,
  '$(label) `backtick` {id: $id}',
  'person:jeremy-corbyn\u0000',
  '*:* OR name:*',
  'AND OR NOT ~ ^ ( ) [ ] { } " \\ / : + - ! ? *',
  '\u202Eevil\u202C \u200B\uFEFF',
  '👩🏽‍⚖️ 🇬🇧 ﷽ Z̴̡̧͚̈́a̵̛l̷g̸o̵',
  '\uD800 lone surrogate',
  'VmVyeTpsb25n', // base64, looks like a global id
  'Person:' + 'x'.repeat(200),
  '',
  ' ',
  'a'.repeat(10_000),
  'é'.repeat(40_000), // 80 KB of UTF-8: over the body limit, refused with 413
];

interface Target {
  label: string;
  query: (arg: string) => string;
}

/** Every field of `type` with a String or ID argument (or a list of them), as a query with that argument set to $v. */
function targets(typeName: string, wrap: (selection: string) => string): Target[] {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  const out: Target[] = [];
  for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
    for (const arg of field.args) {
      const named = getNamedType(arg.type).name;
      if (named !== 'String' && named !== 'ID') continue;
      const list = isListType(getNullableType(arg.type));
      const varType = list ? `[${named}!]` : named;
      const required = field.args.filter(
        (a: GraphQLArgument) => a !== arg && a.type.toString().endsWith('!') && a.defaultValue === undefined,
      );
      const fill = required.map(
        (a: GraphQLArgument) => `${a.name}: ${a.type.toString().startsWith('[') ? '["person:keir-starmer"]' : '"person:keir-starmer"'}`,
      );
      const leaf = getNamedType(field.type);
      const selection = isObjectType(leaf) || 'getFields' in leaf ? ' { __typename }' : '';
      out.push({
        label: `${typeName}.${field.name}(${arg.name})`,
        query: () => `query ($v: ${varType}) { ${wrap(`${field.name}(${[`${arg.name}: $v`, ...fill].join(', ')})${selection}`)} }`,
      });
    }
  }
  return out;
}

const allTargets = [
  ...targets('Query', (s) => s),
  ...targets('Person', (s) => `entity(id: "person:jeremy-corbyn") { ... on Person { ${s} } }`),
  ...targets('Article', (s) => `article(id: "article:huffpost-nec-rejects-corbyn-whip") { ${s} }`),
];
const leak = /Neo4j|neo4j|Cypher|MATCH \(|DETACH|\.cypher|at .+\.(ts|js):\d+|Error: /;

describe('hostile values in every string and id argument', () => {
  it('covers the arguments users type: ids, keys, names, search text and cursors', () => {
    const labels = allTargets.map((t) => t.label);
    for (const expected of [
      'Query.entity(id)',
      'Query.entities(name)',
      'Query.entities(after)',
      'Query.search(text)',
      'Query.path(from)',
      'Query.path(to)',
      'Query.statements(speaker)',
      'Query.statements(about)',
      'Query.nodes(ids)',
      'Person.supporters(after)',
      'Article.sentences(before)',
    ]) {
      expect(labels).toContain(expected);
    }
  });

  it('answers each without a 5xx and without leaking internals, and changes nothing', async () => {
    const before = await counts(db);
    const codes = new Map<string, number>();
    for (const target of allTargets) {
      for (const value of hostile) {
        const isList = target.query('').includes('[ID!]') || target.query('').includes('[String!]');
        const body = JSON.stringify({ query: target.query(value), variables: { v: isList ? [value] : value } });
        const res = await app.fetch('http://test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
          body,
        });
        const where = `${target.label} with ${JSON.stringify(value.slice(0, 40))}`;
        expect(res.status, where).toBeLessThan(500);
        const parsed = (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
        // Error messages may quote the argument back (cut at 100 characters); the rest must not leak.
        const own = (m: string) => m.replaceAll(value, '').replaceAll(value.slice(0, 100), '');
        expect(
          JSON.stringify({ data: parsed.data, errors: parsed.errors?.map((e) => ({ ...e, message: own(e.message) })) }),
          where,
        ).not.toMatch(leak);
        for (const e of parsed.errors ?? []) {
          const code = e.extensions?.code ?? 'none';
          codes.set(code, (codes.get(code) ?? 0) + 1);
          expect(code, where).not.toBe('INTERNAL_SERVER_ERROR');
        }
      }
    }
    expect(await counts(db)).toEqual(before);
    // The refusals were the expected kinds.
    expect(
      [...codes.keys()].every((c) => ['BAD_USER_INPUT', 'NOT_FOUND', 'GRAPHQL_VALIDATION_FAILED'].includes(c)),
      JSON.stringify([...codes]),
    ).toBe(true);
  }, 120_000);
});

describe('hostile seed files', () => {
  const good = 'seeds/000_a6a1374e8d96988f';
  const graph = readFileSync(join(good, 'graph.yaml'), 'utf8');
  const article = readFileSync(join(good, 'article.txt'), 'utf8');

  /** A copy of the good seed with graph.yaml and/or article.txt replaced. */
  function variant(files: { graph?: string | Buffer; article?: string | Buffer }): string {
    const root = mkdtempSync(join(tmpdir(), 'newsgraph-fuzz-'));
    const dir = join(root, '000_variant');
    cpSync(good, dir, { recursive: true });
    if (files.graph !== undefined) writeFileSync(join(dir, 'graph.yaml'), files.graph);
    if (files.article !== undefined) writeFileSync(join(dir, 'article.txt'), files.article);
    return dir;
  }

  /** A small deterministic PRNG, so a failure can be replayed. */
  function prng(seed: number) {
    return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  }

  const named: [string, { graph?: string | Buffer; article?: string | Buffer }][] = [
    ['empty graph', { graph: '' }],
    ['graph of nulls', { graph: 'null\n' }],
    ['graph as a list', { graph: '- 1\n- 2\n' }],
    [
      'YAML alias bomb',
      {
        graph: `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n`,
      },
    ],
    ['prototype pollution keys', { graph: graph.replace(/^article:/m, '__proto__:\n  polluted: true\narticle:') }],
    ['deep nesting', { graph: `${'['.repeat(5000)}${']'.repeat(5000)}\n` }],
    ['binary graph', { graph: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)) }],
    ['invalid UTF-8 article', { article: Buffer.from([0x66, 0x6f, 0xff, 0xfe, 0x6f]) }],
    ['empty article', { article: '' }],
    ['NUL in article', { article: `${article}\u0000` }],
    ['oversized graph (20 MB)', { graph: `# ${'x'.repeat(20 * 1024 * 1024)}\n${graph}` }],
    ['oversized article (20 MB)', { article: article + 'x'.repeat(20 * 1024 * 1024) }],
    ['Cypher in an id', { graph: graph.replace('person:jeremy-corbyn', "person:x'}) DETACH DELETE n //") }],
    ['relationship type injection', { graph: graph.replace(/type: SUPPORTED/, 'type: "SUPPORTED]->() DETACH DELETE n //"') }],
  ];

  it('refuses each named hostile seed with an error that names the file, and writes nothing', async () => {
    const before = await counts(db);
    for (const [name, files] of named) {
      const dir = variant(files);
      let error: unknown;
      try {
        await seedAll(db, join(dir, '..'));
      } catch (e) {
        error = e;
      }
      expect(error, name).toBeInstanceOf(SeedValidationError);
      expect((error as Error).message, name).toMatch(/000_variant\/(graph\.yaml|article\.txt)/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await counts(db)).toEqual(before);
  }, 120_000);

  it('never crashes on 200 random truncations and byte flips: each seed validates or is refused clearly', () => {
    const rand = prng(20261127);
    const bytes = Buffer.from(graph);
    let refused = 0;
    for (let i = 0; i < 200; i++) {
      const mutated = Buffer.from(bytes);
      const kind = i % 3;
      if (kind === 0) {
        const cut = Math.floor(rand() * bytes.length);
        const dir = variant({ graph: mutated.subarray(0, cut) });
        refused += tryValidate(dir);
        continue;
      }
      const flips = 1 + Math.floor(rand() * 8);
      for (let f = 0; f < flips; f++)
        mutated[Math.floor(rand() * mutated.length)] =
          kind === 1 ? Math.floor(rand() * 256) : ':-[]{}&*!|>\'"%@`#,?'.charCodeAt(Math.floor(rand() * 20));
      refused += tryValidate(variant({ graph: mutated }));
    }
    // Nearly every mutation breaks something; the ones that do not are still valid seeds.
    expect(refused).toBeGreaterThan(150);
  }, 120_000);

  function tryValidate(dir: string): number {
    try {
      validateSeed(dir);
      return 0;
    } catch (error) {
      if (!(error instanceof SeedValidationError))
        throw new Error(`validateSeed(${dir}) threw ${String(error)} instead of a SeedValidationError`);
      expect(error.message).toMatch(/000_variant\//);
      return 1;
    }
  }
});
