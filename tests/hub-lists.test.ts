/**
 * Questions about all or several types of a hub's relationships do bounded work:
 * - `relationships` without one type pages a hub type by type from the index, in the same
 *   order as reading them all (type, then place), at every offset and across type boundaries;
 * - on the first article and the three domain fixtures, that paging gives every node, in
 *   every direction, the same pages as reading its relationships whole;
 * - questions that need every relationship at once (`neighbours`, `distinctSupporters`) are
 *   refused on a hub with QUERY_TOO_COMPLEX before any relationship is read (PROFILE), and the
 *   rest of the request is answered.
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../src/db/apply-schema.js';
import { cypher } from '../src/db/cypher.js';
import type { GraphDb } from '../src/db/graph-db.js';
import { createContext } from '../src/graph/context.js';
import { RELATIONSHIPS_CAP, type Direction } from '../src/graph/loaders.js';
import { pageOf, related, typesPage } from '../src/graph/traverse.js';
import { createApp, type App } from '../src/yoga.js';
import { gql, rows, seededDb, type GqlResult } from './helpers.js';

let db: GraphDb;
let app: App;
const supporters = 700;
const opponents = 300;
const memberships = 250;
const hubSize = supporters + opponents + memberships;

const run = (query: string, params: Record<string, unknown> = {}) => rows(db, query, params);

beforeAll(async () => {
  db = await seededDb('labour-ballot', 'court-penalty', 'club-coach');
  // A hub of three types, both ways, with facts of two articles and entities without one;
  // its mentions are text-layer links, which lists of relationships leave out. Written as a
  // database from before order keys: start-up gives them theirs.
  await run(
    `CREATE (a:Node:Article {id: 'article:hub-text', title: 'Hub', publisher: 'Test', text: 'x', sha256: 'x'})
     CREATE (s:Node:Sentence {id: 'article:hub-text#0', articleId: 'article:hub-text', index: 0, start: 0, end: 1, text: 'x'})-[:PART_OF]->(a)
     CREATE (hub:Node:Entity:Person {id: 'person:hub', name: 'Hub', kind: 'Person'})
     WITH hub, s
     UNWIND range(0, $many - 1) AS i
     CREATE (m:Node {id: 'x:other-' + (i % 89) + '-' + i, name: 'Other ' + i})
     // Facts of two articles (in article order) and entities of no article (after them, by key).
     FOREACH (_ IN CASE WHEN i % 4 = 0 THEN [1] ELSE [] END | SET m:Entity:Organisation, m.kind = 'Organisation')
     FOREACH (_ IN CASE WHEN i % 4 = 0 THEN [] ELSE [1] END |
       SET m:Fact:Event, m.type = 'meeting', m.articleId = 'article:hub-' + (i % 2), m.position = (i * 7919) % 1000)
     FOREACH (_ IN CASE WHEN i < $supporters THEN [1] ELSE [] END | CREATE (m)-[:SUPPORTED {id: 'relation:hub-s-' + i}]->(hub))
     FOREACH (_ IN CASE WHEN i >= $supporters AND i < $supporters + $opponents THEN [1] ELSE [] END |
       CREATE (m)-[:OPPOSED {id: 'relation:hub-o-' + i}]->(hub))
     FOREACH (_ IN CASE WHEN i >= $supporters + $opponents THEN [1] ELSE [] END | CREATE (hub)-[:MEMBER_OF]->(m))
     FOREACH (_ IN CASE WHEN i < 50 THEN [1] ELSE [] END | CREATE (hub)-[:MENTIONED_IN {start: 0, end: 1}]->(s))`,
    { many: neo4j.int(hubSize), supporters: neo4j.int(supporters), opponents: neo4j.int(opponents) },
  );
  // An organisation with many parts (PART_OF is also an article's link to its sentences, but
  // only an article's is the text layer), and a person with a self-loop among a few others.
  await run(
    `CREATE (o:Node:Entity:Organisation {id: 'organisation:parent', name: 'Parent', kind: 'Organisation'})
     WITH o UNWIND range(0, $parts - 1) AS i
     CREATE (:Node:Entity:Organisation {id: 'organisation:part-' + i, name: 'Part ' + i, kind: 'Organisation'})-[:PART_OF]->(o)`,
    { parts: neo4j.int(RELATIONSHIPS_CAP + 100) },
  );
  await run(
    `MATCH (a:Node {id: 'person:jeremy-corbyn'}), (b:Node {id: 'org:labour-party'})
     CREATE (l:Node:Entity:Person {id: 'person:looper', name: 'Looper', kind: 'Person'})
     CREATE (l)-[:CRITICISED {id: 'relation:looper-self'}]->(l), (l)-[:SUPPORTED {id: 'relation:looper-a'}]->(a),
            (a)-[:CRITICISED {id: 'relation:looper-b'}]->(l), (l)-[:MEMBER_OF]->(b)`,
  );
  await applySchema(db);
  app = createApp({ db });
});
afterAll(async () => db.close());

/** Every relationship of the hub in the order a whole read gives (type, then place), as `type other`. */
async function sortedAll(types: string[] | null, direction: Direction): Promise<string[]> {
  const rows = await run(
    `MATCH (n:Node {id: 'person:hub'})-[r]-(m:Node)
     WHERE NOT m:Sentence AND NOT m:Article AND ($types IS NULL OR type(r) IN $types)
       AND ($direction = 'BOTH' OR (startNode(r) = n) = ($direction = 'OUTGOING'))
     RETURN type(r) + ' ' + m.id AS item ORDER BY type(r), m.articleId, m.position, m.id, coalesce(r.id, '')`,
    { types, direction },
  );
  return rows.map((r) => String(r.item));
}

const PAGE_OF = `query Page($types: [String!], $direction: Direction, $first: Int, $after: String) {
  entity(id: "person:hub") { name relationships(types: $types, direction: $direction, first: $first, after: $after) { totalCount edges { node { type other { key } } } } }
}`;
const cursor = (offset: number) => Buffer.from(`OffsetConnection:${offset - 1}`).toString('base64');

describe('a page of several types of a hub', () => {
  it('is in the order of reading them all, at every offset and across the types', async () => {
    expect(hubSize).toBeGreaterThan(RELATIONSHIPS_CAP);
    for (const [types, direction] of [
      [null, 'BOTH'],
      [['SUPPORTED', 'OPPOSED'], 'INCOMING'],
      [null, 'OUTGOING'],
    ] as const) {
      const want = await sortedAll(types as string[] | null, direction);
      // The boundaries between SUPPORTED, OPPOSED and MEMBER_OF fall inside some of these pages.
      for (const offset of [0, 95, 245, 250, 940, 995, want.length - 3]) {
        const sent: string[] = [];
        const off = db.onQuery((name) => sent.push(name));
        const { data, errors } = await gql(app, PAGE_OF, { types, direction, first: 10, ...(offset ? { after: cursor(offset) } : {}) });
        off();
        expect(errors).toBeUndefined();
        // The hub is found too big to read whole, its totals come from one query, and only the
        // types the page falls in (one, or two across a boundary) are read.
        expect(sent.filter((q) => !q.startsWith('read/relationship-pages#')).sort()).toEqual([
          'read/degrees',
          'read/nodes-by-id',
          'read/relationships-by-node',
        ]);
        expect(sent.filter((q) => q.startsWith('read/relationship-pages#')).length).toBeLessThanOrEqual(2);
        const page = data.entity.relationships;
        expect(page.totalCount).toBe(want.length);
        expect(page.edges.map((e: { node: { type: string; other: { key: string } } }) => `${e.node.type} ${e.node.other.key}`)).toEqual(
          want.slice(offset, offset + 10),
        );
      }
    }
  });

  it('counts all of them: the totals of each type, the text layer left out; no types is all types', async () => {
    for (const types of [null, []]) {
      const { data } = await gql(app, PAGE_OF, { types, first: 1 });
      expect(data.entity.relationships.totalCount).toBe(hubSize);
    }
  });

  it('gives the last ones with `last`, as a node read whole does', async () => {
    const want = await sortedAll(null, 'BOTH');
    const { data, errors } = await gql(
      app,
      `{ entity(id: "person:hub") { relationships(last: 5) { totalCount edges { node { type other { key } } } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(
      data.entity.relationships.edges.map((e: { node: { type: string; other: { key: string } } }) => `${e.node.type} ${e.node.other.key}`),
    ).toEqual(want.slice(-5));
  });
});

describe('paging type by type', () => {
  it('gives every node of four articles the pages that reading its relationships whole gives', async () => {
    const ids = (
      await run(
        `MATCH (n:Node) WHERE NOT n:Sentence AND NOT n:Article AND n.id <> 'person:hub' AND NOT n.id STARTS WITH 'x:' AND NOT n.id STARTS WITH 'organisation:part' AND n.id <> 'organisation:parent' RETURN n.id AS id ORDER BY id`,
      )
    ).map((r) => String(r.id));
    expect(ids.length).toBeGreaterThan(150);
    expect(ids).toContain('person:looper');
    const whole = createContext(db, new AbortController().signal);
    // A cap of 0 makes every node a hub: each is paged type by type.
    const byType = createContext(db, new AbortController().signal, { relationshipsCap: 0 });
    let compared = 0;
    for (const id of ids) {
      for (const direction of ['BOTH', 'INCOMING', 'OUTGOING'] as const) {
        const args = { first: 100 };
        const want = pageOf(args, await related(whole, id, null, direction));
        const got = await typesPage(byType, id, args, null, direction);
        const shape = (p: typeof want) => ({
          totalCount: p.totalCount,
          edges: p.edges.map((e) => `${e.node.type} ${e.node.outgoing} ${e.node.other.id} ${String(e.node.props.id ?? '')}`),
        });
        expect(shape(got), `${id} ${direction}`).toEqual(shape(want));
        compared += want.edges.length;
      }
    }
    expect(compared).toBeGreaterThan(1000);
    // The self-loop counts as outgoing, in either direction, and twice in both.
    const loops = (p: { edges: readonly { node: { props: Record<string, unknown> } }[] }) =>
      p.edges.filter((e) => e.node.props.id === 'relation:looper-self').length;
    expect(loops(pageOf({ first: 100 }, await related(whole, 'person:looper', null, 'BOTH')))).toBe(2);
    expect(loops(pageOf({ first: 100 }, await related(whole, 'person:looper', null, 'INCOMING')))).toBe(1);
  }, 120_000);
});

describe('questions that need every relationship of a hub at once', () => {
  it('are refused with QUERY_TOO_COMPLEX naming the limit, and the rest of the request is answered', async () => {
    const res = await app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ hub: entity(id: "person:hub") { name supporters(first: 2) { totalCount } }
                  a: entity(id: "person:hub") { neighbours(first: 5) { totalCount } }
                  b: entity(id: "person:hub") { distinctSupporters(first: 5) { totalCount } } }`,
      }),
    });
    const { data, errors } = (await res.json()) as GqlResult;
    // Not a request refused as a whole (400, answered after the refusal delay): it has data.
    expect(res.status).toBe(200);
    expect(data.hub).toEqual({ name: 'Hub', supporters: { totalCount: supporters } });
    expect(data.a).toBeNull();
    expect(data.b).toBeNull();
    expect(errors?.map((e) => e.path?.join('.')).sort()).toEqual(['a.neighbours', 'b.distinctSupporters']);
    for (const error of errors!) {
      expect(error.extensions).toMatchObject({
        code: 'QUERY_TOO_COMPLEX',
        limit: 'relationships',
        max: RELATIONSHIPS_CAP,
        actual: hubSize,
      });
      expect(error.message).toContain('relationships(first:)');
    }
  });

  it("counts an organisation's parts, which are not the text layer", async () => {
    const { data, errors } = await gql(app, `{ entity(id: "organisation:parent") { neighbours(first: 1) { totalCount } } }`);
    expect(data.entity).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'relationships', actual: RELATIONSHIPS_CAP + 100 });
  });

  it('leaves the request at HTTP 200 when the refusal nulls everything up to the root', async () => {
    const res = await app.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ entities(name: "Hub") { edges { node { neighbours { totalCount } } } } }` }),
    });
    const { data, errors } = (await res.json()) as GqlResult;
    expect(res.status).toBe(200);
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'relationships' });
  });

  it('reads none of them to find out: PROFILE of the read counts a few database hits', async () => {
    const hits = (plan: { dbHits: number; children: unknown[] }): number =>
      plan.dbHits + plan.children.reduce((sum: number, c) => sum + hits(c as typeof plan), 0);
    const profile = async (cap: number) =>
      hits(
        (
          await db.driver.executeQuery(
            `PROFILE ${cypher('read/relationships-by-node')}`,
            { ids: ['person:hub'], cap: neo4j.int(cap) },
            { database: db.database },
          )
        ).summary.profile as never,
      );
    const refused = await profile(RELATIONSHIPS_CAP);
    const whole = await profile(hubSize);
    expect(refused).toBeLessThan(20);
    // Reading them all: several hits for each of the 1 250.
    expect(whole).toBeGreaterThan(hubSize * 3);
  });
});
