import { encodeGlobalID } from '@pothos/plugin-relay';
import { cypher } from '../src/db/cypher.js';
import { vocabulary } from '../src/core/vocabulary.js';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAll } from '../src/seed/seed-all.js';
import { appFor, gql, openDb, resetDb, seedFirstArticle } from './helpers.js';

const db = openDb();
const app = appFor(db);
const article = readFileSync('seeds/000_a6a1374e8d96988f/article.txt', 'utf8');

beforeAll(async () => {
  await resetDb(db);
  await seedFirstArticle(db);
  await seedAll(db, 'tests/fixtures/seeds/001_invented-council-vote');
});
afterAll(() => db.close());

async function roundTrips<T>(work: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  const queries: string[] = [];
  const off = db.onQuery((name) => queries.push(name));
  try {
    return { result: await work(), queries };
  } finally {
    off();
  }
}

describe('relationship questions', () => {
  it('returns the supporters of a person with the statement or act behind each and its evidence', async () => {
    const r = await gql(
      app,
      `{ entity(id: "person:jeremy-corbyn") { supporters(first: 50) { totalCount edges { node { other { key } via { key } evidence { text start end } } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const edges = r.data.entity.supporters.edges.map((e: any) => e.node);
    expect(r.data.entity.supporters.totalCount).toBe(edges.length);
    expect(edges.map((e: any) => e.other.key)).toContain('source:left-wing-source');
    for (const e of edges) {
      expect(e.evidence.length).toBeGreaterThan(0);
      for (const ev of e.evidence) expect(Array.from(article).slice(ev.start, ev.end).join('')).toBe(ev.text);
    }
  });

  it('answers who proposed the motion, what it sought and how the vote went', async () => {
    const r = await gql(
      app,
      `{ motion(id: "motion:restore-corbyn-whip") { outcome proposer { name } target { key } votes { votesFor votesAgainst outcome positions { position other { key } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.motion).toMatchObject({ outcome: 'rejected', proposer: { name: 'Ian Murray' }, target: { key: 'person:jeremy-corbyn' } });
    expect(r.data.motion.votes[0]).toMatchObject({ votesFor: 14, votesAgainst: 23, outcome: 'rejected' });
    expect(r.data.motion.votes[0].positions.map((p: any) => p.position).sort()).toEqual(['AGAINST', 'FOR']);
  });

  it('answers what a person said about a target, with stances', async () => {
    const r = await gql(
      app,
      `{ statements(speaker: "person:jeremy-corbyn", about: "motion:restore-corbyn-whip", first: 10) { totalCount edges { node { text about { stance other { key } } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.statements.totalCount).toBeGreaterThan(0);
    for (const { node } of r.data.statements.edges) {
      expect(node.about.map((a: any) => a.other.key)).toContain('motion:restore-corbyn-whip');
    }
  });

  it("lists a person's roles, current and former", async () => {
    const r = await gql(
      app,
      `{ entity(id: "person:jeremy-corbyn") { all: roles { totalCount } current: roles(status: current) { totalCount edges { node { title status } } } former: roles(status: former) { totalCount edges { node { title status } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const { all, current, former } = r.data.entity;
    expect(current.edges.map((e: any) => e.node.title)).toContain('MP for Islington North');
    expect(current.edges.every((e: any) => e.node.status === 'current')).toBe(true);
    expect(former.edges.every((e: any) => e.node.status === 'former')).toBe(true);
    expect(former.totalCount).toBeGreaterThan(0);
    expect(current.totalCount + former.totalCount).toBe(all.totalCount);
  });

  it("pages a person's roles: one at a time, the cursor leading to the next, the same roles as one page of all", async () => {
    const whole = await gql(app, `{ entity(id: "person:jeremy-corbyn") { roles(first: 100) { totalCount edges { node { key } } } } }`);
    expect(whole.errors).toBeUndefined();
    const all = whole.data.entity.roles.edges.map((e: any) => e.node.key);
    expect(all.length).toBe(whole.data.entity.roles.totalCount);
    expect(all.length).toBeGreaterThan(1);
    const keys: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < all.length + 1; i++) {
      const r: any = await gql(
        app,
        `query($after: String) { entity(id: "person:jeremy-corbyn") { roles(first: 1, after: $after) { edges { cursor node { key } } pageInfo { hasNextPage } } } }`,
        { after },
      );
      expect(r.errors).toBeUndefined();
      const { edges, pageInfo } = r.data.entity.roles;
      keys.push(...edges.map((e: any) => e.node.key));
      if (!pageInfo.hasNextPage) break;
      after = edges[0].cursor;
    }
    expect(keys).toEqual(all);
  });

  it('finds the shortest chains between two people', async () => {
    const r = await gql(
      app,
      `{ path(from: "person:keir-starmer", to: "person:ian-murray", maxHops: 4) { length nodes { key } relationships { type } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.path.length).toBeGreaterThan(0);
    for (const p of r.data.path) {
      expect(p.nodes[0].key).toBe('person:keir-starmer');
      expect(p.nodes.at(-1).key).toBe('person:ian-murray');
      expect(p.relationships).toHaveLength(p.length);
    }
  });

  it('searches paths over exactly the relationship types of the vocabulary', () => {
    const types = /\[:([A-Z_|]+)\*\.\.4\]/.exec(cypher('read/path#4'))?.[1]?.split('|');
    expect(new Set(types)).toEqual(new Set(vocabulary().allTypes));
    expect(types).toContain('REMOVED_WHIP_FROM');
    expect(types).toContain('HOLDS');
  });

  it('reads relationships of any type of the vocabulary, and refuses any other text in the query', () => {
    for (const type of vocabulary().allTypes) expect(cypher(`read/relationship-pages#${type}`)).toContain(`[r:${type}]`);
    expect(() => cypher('read/relationship-pages#SUPPORTED]-() DETACH DELETE n //')).toThrow(/not a value it takes/);
    expect(() => cypher('read/path#7; MATCH (n) DETACH DELETE n')).toThrow(/not a value it takes/);
  });

  it('returns no path when none is short enough', async () => {
    const r = await gql(app, `{ path(from: "person:yasmin-dar", to: "person:priya-natarajan", maxHops: 1) { length } }`);
    expect(r).toEqual({ data: { path: [] } });
  });

  it('searches names, aliases and statement text', async () => {
    const r = await gql(
      app,
      `{ byAlias: search(text: "Mr Corbyn") { node { key } } byPrefix: search(text: "corb", first: 50) { node { key } } byWords: search(text: "darkness light") { node { __typename key } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.byAlias[0].node.key).toBe('person:jeremy-corbyn');
    expect(r.data.byPrefix.map((h: any) => h.node.key)).toContain('person:jeremy-corbyn');
    expect(r.data.byWords[0].node.__typename).toBe('Statement');
  });

  it('shares one entity between two articles', async () => {
    const r = await gql(app, `{ entity(id: "person:keir-starmer") { mentions { article { key } } } }`);
    const articles = new Set(r.data.entity.mentions.map((m: any) => m.article.key));
    expect([...articles].sort()).toEqual(['article:huffpost-nec-rejects-corbyn-whip', 'article:invented-wrenford-library-vote']);
  });

  it('refetches any node by its global id', async () => {
    const r1 = await gql(app, `{ entity(id: "org:labour-nec") { id name } }`);
    const r2 = await gql(app, `query ($id: ID!) { node(id: $id) { __typename key ... on Organisation { name partOf { key } } } }`, {
      id: r1.data.entity.id,
    });
    expect(r2.data.node).toEqual({
      __typename: 'Organisation',
      key: 'org:labour-nec',
      name: r1.data.entity.name,
      partOf: { key: 'org:labour-party' },
    });
  });

  it('pages through a connection with first and after', async () => {
    const page1 = await gql(
      app,
      `{ entities(kind: Person, first: 2) { totalCount edges { cursor node { key } } pageInfo { hasNextPage endCursor } } }`,
    );
    const page2 = await gql(app, `query ($after: String) { entities(kind: Person, first: 2, after: $after) { edges { node { key } } } }`, {
      after: page1.data.entities.pageInfo.endCursor,
    });
    expect(page1.data.entities.totalCount).toBe(8); // 6 + 3 people, Keir Starmer shared
    expect(page1.data.entities.pageInfo.hasNextPage).toBe(true);
    const keys1 = page1.data.entities.edges.map((e: any) => e.node.key);
    const keys2 = page2.data.entities.edges.map((e: any) => e.node.key);
    expect(keys2).toHaveLength(2);
    expect(keys1.filter((k: string) => keys2.includes(k))).toEqual([]);
  });

  it('returns null for an unknown key and BAD_USER_INPUT for a malformed id', async () => {
    expect((await gql(app, `{ entity(id: "person:nobody") { name } }`)).data).toEqual({ entity: null });
    const bad = await gql(app, `{ entity(id: "not an id") { name } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("returns every fact's evidence as the exact words at its offsets", async () => {
    const r = await gql(
      app,
      `{ timeline(first: 100, article: "article:huffpost-nec-rejects-corbyn-whip") { edges { node { evidence { text start end sentences { index } article { key } } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const chars = Array.from(article);
    for (const { node } of r.data.timeline.edges) {
      for (const ev of node.evidence) {
        expect(chars.slice(ev.start, ev.end).join('')).toBe(ev.text);
        expect(ev.article.key).toBe('article:huffpost-nec-rejects-corbyn-whip');
      }
    }
  });
});

describe('batching', () => {
  it("resolves statements, their speakers and the speakers' roles in at most 3 round trips", async () => {
    const { result, queries } = await roundTrips(() =>
      gql(
        app,
        `{ statements(first: 50) { totalCount edges { node { text speaker { key ... on Person { roles { edges { node { title } } } } } } } } }`,
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.statements.edges.length).toBe(36);
    expect(queries.length).toBeLessThanOrEqual(3);
  });

  it('reads an entity, a page of its roles and where each is held in one query, with the same answer as level by level', async () => {
    const roles = `roles(first: 2) { totalCount pageInfo { hasNextPage } edges { cursor node { key title status in { key name } holder { key } } } }`;
    const ahead = await roundTrips(() => gql(app, `{ entity(id: "person:jeremy-corbyn") { name ${roles} } }`));
    // node(id:) does not read pages ahead: the node costs a query of its own (the page still follows `in`).
    const levelByLevel = await roundTrips(() =>
      gql(app, `query ($id: ID!) { entity: node(id: $id) { ... on Entity { name ${roles} } } }`, {
        id: encodeGlobalID('Person', 'person:jeremy-corbyn'),
      }),
    );
    expect(ahead.result.errors).toBeUndefined();
    expect(ahead.result.data.entity.roles.edges).toHaveLength(2);
    expect(ahead.result.data.entity.roles.edges.some((e: any) => e.node.in?.name)).toBe(true);
    expect(ahead.result.data.entity.roles.edges.every((e: any) => e.node.holder.key === 'person:jeremy-corbyn')).toBe(true);
    expect(ahead.result).toEqual(levelByLevel.result);
    expect(ahead.queries).toEqual(['read/relationship-pages#HOLDS']);
    expect(levelByLevel.queries).toEqual(['read/nodes-by-id', 'read/relationship-pages#HOLDS']);
    // And asked of each role on its own, with nothing read ahead.
    for (const { node } of ahead.result.data.entity.roles.edges) {
      const one = await gql(app, `query ($id: ID!) { node(id: $id) { ... on Role { in { key name } holder { key } } } }`, {
        id: encodeGlobalID('Role', node.key),
      });
      expect({ in: node.in, holder: node.holder }).toEqual(one.data.node);
    }
  });

  it('looks ahead through fragments, aliases, variables and @skip', async () => {
    const fragments = `fragment Held on Entity { ... on Person { now: roles(status: current, first: $n) { edges { node { ...Where } } } } }
      fragment Where on Role { in { name } }`;
    const selection = `...Held later: roles(first: 1, after: $after) @skip(if: $skip) { edges { node { title } } }`;
    const variables = { id: 'person:jeremy-corbyn', n: 5, skip: true, after: null };
    const header = 'query ($id: ID!, $n: Int!, $skip: Boolean!, $after: String)';
    const ahead = await roundTrips(() => gql(app, `${header} { entity(id: $id) { ${selection} } } ${fragments}`, variables));
    const levelByLevel = await gql(app, `${header} { entity: node(id: $id) { ... on Entity { ${selection} } } } ${fragments}`, {
      ...variables,
      id: encodeGlobalID('Person', variables.id),
    });
    expect(ahead.result.errors).toBeUndefined();
    expect(ahead.result.data.entity.now.edges.length).toBeGreaterThan(0);
    expect(ahead.result.data.entity.now.edges.some((e: any) => e.node.in?.name)).toBe(true);
    expect(ahead.result.data.entity.later).toBeUndefined();
    expect(ahead.result).toEqual(levelByLevel);
    // The skipped page is not read.
    expect(ahead.queries).toEqual(['read/relationship-pages#HOLDS']);
  });

  it('reads a page of statements with their speakers in one query, with the same answer as asking each statement', async () => {
    const { result, queries } = await roundTrips(() =>
      gql(
        app,
        `{ statements(about: "person:jeremy-corbyn", first: 5) { edges { node { key speaker { key } about { other { key } } } } } }`,
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(queries).toEqual(['read/statements-about']);
    const edges = result.data.statements.edges;
    expect(edges.length).toBe(5);
    for (const { node } of edges) {
      const one = await gql(app, `query ($id: ID!) { node(id: $id) { ... on Statement { speaker { key } about { other { key } } } } }`, {
        id: encodeGlobalID('Statement', node.key),
      });
      expect({ speaker: node.speaker, about: node.about }).toEqual(one.data.node);
    }
  });

  it('reads supporters with the facts and words behind them in one query, with the same answer as without looking ahead', async () => {
    const edge = 'other { key } via { key label } evidence { text start end }';
    const ahead = await roundTrips(() =>
      gql(app, `{ entity(id: "person:jeremy-corbyn") { supporters(first: 50) { edges { node { ${edge} } } } } }`),
    );
    expect(ahead.result.errors).toBeUndefined();
    expect(ahead.queries).toEqual(['read/relationship-pages#SUPPORTED']);
    const supporters = ahead.result.data.entity.supporters.edges.map((e: any) => e.node);
    expect(supporters.some((s: any) => s.via !== null)).toBe(true);
    // Two types at once are read whole, with nothing read ahead.
    const whole = await gql(
      app,
      `{ entity(id: "person:jeremy-corbyn") { relationships(types: ["SUPPORTED", "OPPOSED"], direction: INCOMING, first: 100) { edges { node { type ${edge} } } } } }`,
    );
    const same = whole.data.entity.relationships.edges
      .map((e: any) => e.node)
      .filter((r: any) => r.type === 'SUPPORTED')
      .map(({ type: _t, ...r }: any) => r);
    // Both orders are by supporter key, then relationship key.
    expect(supporters).toEqual(same);
  });

  it('reads a motion with a page of its supporters in one query, as it does an entity', async () => {
    const { result, queries } = await roundTrips(() =>
      gql(
        app,
        `{ motion(id: "motion:restore-corbyn-whip") { title supporters(first: 5) { totalCount edges { node { other { key } } } } } }`,
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.motion.title).toBeTruthy();
    expect(result.data.motion.supporters.totalCount).toBeGreaterThan(0);
    expect(queries).toEqual(['read/relationship-pages#SUPPORTED']);
  });

  it('answers as usual when reading ahead fails: the field asks again, and reports its own failure at its own path', async () => {
    const query = `{ entity(id: "person:jeremy-corbyn") { name roles(first: 3) { totalCount edges { node { title in { name } } } } } }`;
    const expected = await gql(app, query);
    // The read ahead fails once; the roles field then reads its page itself.
    let failures = 1;
    let attempts = 0;
    const off = db.onQuery((name) => {
      if (name !== 'read/relationship-pages#HOLDS') return;
      attempts++;
      if (failures > 0) {
        failures--;
        throw new Error('read ahead failed');
      }
    });
    try {
      const { result, queries } = await roundTrips(() => gql(app, query));
      expect(result).toEqual(expected);
      // The read ahead was tried (and failed before it was sent, so it is not counted); then
      // the entity and its page were read level by level.
      expect(attempts).toBe(2);
      expect(queries).toEqual(['read/nodes-by-id', 'read/relationship-pages#HOLDS']);
      // Every read of the page fails: the error is the page's, at `roles` (which is non-null,
      // so the entity is null), not the root field's.
      failures = Infinity;
      const broken = await gql(app, query);
      expect(broken.data).toEqual({ entity: null });
      expect(broken.errors?.map((e: any) => e.path)).toEqual([['entity', 'roles']]);
    } finally {
      off();
    }
  });

  it('reads nothing ahead for a page left out by @skip on a fragment', async () => {
    const { result, queries } = await roundTrips(() =>
      gql(
        app,
        `query ($skip: Boolean!) { entity(id: "person:jeremy-corbyn") { name ... @skip(if: $skip) { roles { totalCount } } ...Supported @include(if: false) } } fragment Supported on Entity { supporters { totalCount } }`,
        { skip: true },
      ),
    );
    expect(result).toEqual({ data: { entity: { name: 'Jeremy Corbyn' } } });
    expect(queries).toEqual(['read/nodes-by-id']);
  });

  it('refuses bad page arguments under a field that looks ahead as it does elsewhere, and answers null for a missing entity', async () => {
    const tooMany = await gql(app, `{ entity(id: "person:jeremy-corbyn") { roles(first: 500) { totalCount } } }`);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0]?.message).toMatch(/`first` must be between 0 and 100/);
    const badCursor = await gql(app, `{ entity(id: "person:jeremy-corbyn") { roles(after: "not a cursor") { totalCount } } }`);
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await gql(app, `{ entity(id: "person:nobody-at-all") { name roles { totalCount } } }`);
    expect(missing).toEqual({ data: { entity: null } });
  });

  it("resolves supporters, their facts and those facts' evidence in one round trip per level", async () => {
    const { result, queries } = await roundTrips(() =>
      gql(
        app,
        `{ entity(id: "person:jeremy-corbyn") { supporters { edges { node { other { label } via { ... on Fact { evidence { text } } } } } } } }`,
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(queries.length).toBeLessThanOrEqual(4);
  });
});
