/**
 * Pages of relationships are read in order from an index of each relationship's place
 * (`outKey`, `inKey`: cypher/seed/links.cypher, cypher/schema-by-type.cypher), not sorted
 * from all of a node's relationships. Checked here against Neo4j itself:
 * - every page of every node, type and direction of four articles of different domains is
 *   the page that sorting all of them (the order the schema promises) gives, with the same
 *   total, at every offset, with and without a stance or status to match; and the same for
 *   statements about and by a node;
 * - a page of a hub with 1 500 supporters reads its page: PROFILE counts its database hits
 *   against those of sorting all of them;
 * - the spans of evidence of every node (where an entity is mentioned, what a fact rests on)
 *   are those grouping all of its evidence gives, read from the span heads' index;
 * - a database written before order or span keys gets them at start-up, the same as the
 *   loader writes.
 */
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applySchema } from '../src/db/apply-schema.js';
import { cypher } from '../src/db/cypher.js';
import type { GraphDb } from '../src/db/graph-db.js';
import { queries, type RelPageParams } from '../src/db/queries.js';
import { seedAll } from '../src/seed/seed-all.js';
import { openDb, resetDb } from './helpers.js';

let db: GraphDb;
const DOMAINS = ['labour-ballot', 'court-penalty', 'club-coach'];

beforeAll(async () => {
  db = openDb();
  await resetDb(db);
  await seedAll(db, 'seeds');
  for (const name of DOMAINS) await seedAll(db, join('tests/fixtures/domains', name));
});
afterAll(async () => db.close());

const run = async (query: string, params: Record<string, unknown> = {}) =>
  (await db.driver.executeQuery(query, params, { database: db.database })).records.map((r) => r.toObject());

/**
 * The order the schema promises, by sorting every relationship of the node (what
 * relationship-pages.cypher did before the keys): facts in article order, then the rest,
 * each by key, then the relationship's key. Returns "otherId/relationship id" per item.
 */
async function sortedAllOf(
  ids: string[],
  type: string,
  direction: RelPageParams['direction'],
  stance: string | null,
  status: string | null,
) {
  const rows = await run(
    `UNWIND $ids AS id
     MATCH (n:Node {id: id})
     CALL (n) {
       MATCH (n)-[r:$($type)]->(m:Node) WHERE $direction <> 'INCOMING' RETURN r, m
       UNION ALL
       MATCH (n)<-[r:$($type)]-(m:Node) WHERE $direction <> 'OUTGOING' RETURN r, m
     }
     WITH id, r, m WHERE NOT m:Sentence AND NOT m:Article AND ($stance IS NULL OR r.stance = $stance) AND ($status IS NULL OR m.status = $status)
     WITH id, r, m ORDER BY m.articleId, m.position, m.id, coalesce(r.id, '')
     RETURN id, collect(m.id + '/' + coalesce(r.id, '')) AS items`,
    { ids, type, direction, stance, status },
  );
  const byId = new Map(rows.map((r) => [r.id as string, r.items as string[]]));
  return new Map(ids.map((id) => [id, byId.get(id) ?? []]));
}
const sortedAll = async (id: string, type: string, direction: RelPageParams['direction'], stance: string | null, status: string | null) =>
  (await sortedAllOf([id], type, direction, stance, status)).get(id)!;

/** What a page asks besides the nodes: type, direction, what to match, and where the page is. */
type Ask = [
  type: string,
  direction: RelPageParams['direction'],
  stance: string | null,
  status: string | null,
  offset: number,
  limit: number,
];

async function pagesOf(ids: string[], ...[type, direction, stance, status, offset, limit]: Ask) {
  const rows = await db.read(queries.relationshipPages(type), {
    ids,
    direction,
    stance,
    status,
    offset,
    limit,
    withNode: false,
    followTypes: [],
    linked: false,
  });
  const byId = new Map(
    rows.map((row) => [row.id, { total: row.total, items: row.page.map((r) => `${r.otherId}/${String(r.props.id ?? '')}`) }]),
  );
  return new Map(ids.map((id) => [id, byId.get(id) ?? { total: 0, items: [] as string[] }]));
}
const page = async (id: string, ...ask: Ask) => (await pagesOf([id], ...ask)).get(id)!;

describe('pages read in order from the keys', () => {
  it('gives, for every node, type and direction, the page and total that sorting all of them gives', async () => {
    const ends = await run(
      `MATCH (a:Node)-[r]->(b:Node) WHERE NOT a:Sentence AND NOT a:Article AND NOT b:Sentence AND NOT b:Article
       RETURN DISTINCT a.id AS from, b.id AS to, type(r) AS type`,
    );
    // Every node at either end of each type, asked in each direction: one query per type and direction.
    const cases = new Map<string, Set<string>>();
    const add = (id: string, type: string, direction: string) => {
      const key = `${type}|${direction}`;
      cases.set(key, (cases.get(key) ?? new Set()).add(id));
    };
    for (const e of ends) {
      add(e.from, e.type, 'OUTGOING');
      add(e.to, e.type, 'INCOMING');
      add(e.from, e.type, 'BOTH');
      add(e.to, e.type, 'BOTH');
    }
    let compared = 0;
    let longer = 0;
    for (const [key, idSet] of cases) {
      const [type, direction] = key.split('|') as [string, RelPageParams['direction']];
      const ids = [...idSet];
      const want = await sortedAllOf(ids, type, direction, null, null);
      const all = await pagesOf(ids, type, direction, null, null, 0, 1000);
      // A page inside each list: the same slice of the same order.
      const inside = await pagesOf(ids, type, direction, null, null, 1, 2);
      for (const id of ids) {
        const items = want.get(id)!;
        expect({ id, key, ...all.get(id) }).toEqual({ id, key, total: items.length, items });
        expect({ id, key, items: inside.get(id)!.items }).toEqual({ id, key, items: items.slice(1, 3) });
        if (items.length > 2) longer++;
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
    expect(longer).toBeGreaterThan(50);
  }, 60_000);

  it('gives the same with a stance (ABOUT) or a status (a role current or former) to match', async () => {
    const targets = await run(`MATCH ()-[r:ABOUT]->(t) RETURN DISTINCT t.id AS id, r.stance AS stance`);
    expect(targets.length).toBeGreaterThan(5);
    for (const { id, stance } of targets) {
      const want = await sortedAll(id, 'ABOUT', 'INCOMING', stance, null);
      expect(await page(id, 'ABOUT', 'INCOMING', stance, null, 0, 1000)).toEqual({ total: want.length, items: want });
    }
    const holders = await run(`MATCH (h)-[:HOLDS]->(r:Role) RETURN DISTINCT h.id AS id, r.status AS status`);
    expect(holders.length).toBeGreaterThan(5);
    for (const { id, status } of holders) {
      const want = await sortedAll(id, 'HOLDS', 'OUTGOING', null, status);
      expect(await page(id, 'HOLDS', 'OUTGOING', null, status, 0, 1000)).toEqual({ total: want.length, items: want });
    }
  });

  it('gives statements about and by a node in the order and with the total that sorting all of them gives', async () => {
    const common = { articleId: null, mode: null, stance: null, followTypes: [], offset: 0, limit: 1000 };
    const about = await run(`MATCH (:Statement)-[:ABOUT]->(t) RETURN DISTINCT t.id AS id`);
    for (const { id } of about) {
      const [want] = await run(
        `MATCH (s:Statement)-[:ABOUT]->(:Node {id: $id}) WITH s ORDER BY s.articleId, s.position, s.id RETURN collect(s.id) AS ids`,
        { id },
      );
      const [got] = await db.read(queries.statementsAbout, { ...common, about: id, speaker: null });
      expect({ id, total: got!.total, ids: got!.page.map((s) => s.id) }).toEqual({ id, total: want!.ids.length, ids: want!.ids });
    }
    const speakers = await run(`MATCH (:Statement)-[:SAID_BY]->(p) RETURN DISTINCT p.id AS id`);
    expect(speakers.length).toBeGreaterThan(5);
    for (const { id } of speakers) {
      const [want] = await run(
        `MATCH (s:Statement)-[:SAID_BY]->(:Node {id: $id}) WITH s ORDER BY s.articleId, s.position, s.id RETURN collect(s.id) AS ids`,
        { id },
      );
      const [got] = await db.read(queries.statementsBy, { ...common, speaker: id });
      expect({ id, total: got!.total, ids: got!.page.map((s) => s.id) }).toEqual({ id, total: want!.ids.length, ids: want!.ids });
      // A key with U+0001 in it names no node: nothing, and a total of 0.
      const [odd] = await db.read(queries.statementsBy, { ...common, speaker: `${id}\u0001x` });
      expect({ total: odd!.total, page: odd!.page }).toEqual({ total: 0, page: [] });
      // With a filter the total is counted along the index.
      const [verbatim] = await db.read(queries.statementsBy, { ...common, speaker: id, mode: 'verbatim' });
      const [wantVerbatim] = await run(`MATCH (s:Statement {mode: 'verbatim'})-[:SAID_BY]->(:Node {id: $id}) RETURN count(s) AS n`, { id });
      expect(verbatim!.total).toBe(Number(wantVerbatim!.n));
    }
  });
});

describe('spans of evidence read in order from their heads', () => {
  /** The spans of each node as grouping all of its evidence links gives them (what evidence-by-node.cypher did before span keys). */
  async function groupedAll(ids: string[], spans: number, sentences: number) {
    const rows = await run(
      `UNWIND $ids AS id
       MATCH (n:Node {id: id})
       CALL (n) {
         MATCH (n)-[r:EVIDENCED_BY|MENTIONED_IN]->(s:Sentence)
         WITH s.articleId AS articleId, r.start AS start, r.end AS end, s ORDER BY s.index
         WITH articleId, start, end, min(s.index) AS first, collect(DISTINCT s.id) AS sentences
         ORDER BY articleId, first, start, end LIMIT $spans
         RETURN collect([articleId, start, end, sentences[0..$sentences]]) AS spans
       }
       RETURN id, spans`,
      { ids, spans: neo4j.int(spans), sentences: neo4j.int(sentences) },
    );
    return new Map(rows.map((r) => [r.id as string, JSON.stringify(r.spans)]));
  }

  async function readSpans(ids: string[], spans: number, sentences: number) {
    const rows = await db.read(queries.evidenceByNode, { ids, spans, sentences });
    const by = new Map<string, unknown[]>(ids.map((id) => [id, []]));
    for (const r of rows) if (r.articleId !== null) by.get(r.id)!.push([r.articleId, r.start, r.end, r.sentences.map((s) => s.id)]);
    return new Map([...by].map(([id, list]) => [id, JSON.stringify(list)]));
  }

  it('gives every node of four articles the spans, in the order and with the sentences, that grouping all its evidence gives', async () => {
    const ids = (await run(`MATCH (n:Node)-[:EVIDENCED_BY|MENTIONED_IN]->() RETURN DISTINCT n.id AS id ORDER BY id`)).map(
      (r) => r.id as string,
    );
    expect(ids.length).toBeGreaterThan(100);
    for (const [spans, sentences] of [
      [50, 10],
      [2, 1],
    ] as const) {
      const want = await groupedAll(ids, spans, sentences);
      const got = await readSpans(ids, spans, sentences);
      for (const id of ids) expect({ id, spans: got.get(id) }).toEqual({ id, spans: want.get(id) });
    }
    // Some node has more spans than the smaller cut (spans over many sentences: tests/list-caps.test.ts).
    const [more] = await run(
      `MATCH (n:Node)-[r:EVIDENCED_BY|MENTIONED_IN {spanHead: true}]->() WITH n, count(r) AS spans WHERE spans > 2 RETURN count(n) AS n`,
    );
    expect(Number(more!.n)).toBeGreaterThan(10);
  });

  it('gives a database written before span keys the heads the loader writes', async () => {
    const heads = `MATCH (n:Node)-[r:EVIDENCED_BY|MENTIONED_IN]->(s) RETURN elementId(r) AS r, r.spanHead AS head, r.spanKey AS key, r.spanSentences AS sentences ORDER BY r`;
    const written = await run(heads);
    expect(written.filter((h) => h.head).length).toBeGreaterThan(100);
    await run(`MATCH ()-[r:EVIDENCED_BY|MENTIONED_IN]->() REMOVE r.spanHead, r.spanKey, r.spanSentences`);
    await applySchema(db);
    expect(await run(heads)).toEqual(written);
  });
});

describe('a hub', () => {
  const many = 1500;

  beforeAll(async () => {
    // 1 500 supporters of one person, facts of three articles and people without one (and
    // 1 500 it supports), written
    // as a database from before order keys (no keys); start-up gives them theirs.
    await run(
      `CREATE (hub:Node:Entity:Person {id: 'person:hub', name: 'Hub', kind: 'Person'})
       WITH hub UNWIND range(0, $many - 1) AS i
       CREATE (m:Node {id: 'x:supporter-' + (i % 97) + '-' + i})
       SET m += CASE WHEN i % 3 = 0 THEN {name: 'P' + i} ELSE {articleId: 'article:hub-' + (i % 3), position: (i * 7919) % 1000} END
       // Whole numbers and floats in one article (the driver writes a JavaScript number as a
       // float), and positions past 1e7, where a float's toString turns to "9.0E15".
       SET m.position = CASE WHEN m.position IS NULL THEN null WHEN i % 50 = 1 THEN 9007199254740991.0 + 0 * i
                             WHEN i % 5 = 2 THEN toFloat(m.position) + 20000000 WHEN i % 2 = 0 THEN toFloat(m.position) ELSE m.position END
       CREATE (m)-[:SUPPORTED {id: 'relation:hub-' + i}]->(hub)
       // As many the hub supports: a page of those supporting it must not read these.
       CREATE (hub)-[:SUPPORTED {id: 'relation:hub-out-' + i}]->(:Node {id: 'x:supported-' + i, name: 'S' + i})`,
      { many: neo4j.int(many) },
    );
    await applySchema(db);
  });

  it('reads a page of its supporters in order, at every offset', async () => {
    const want = await sortedAll('person:hub', 'SUPPORTED', 'INCOMING', null, null);
    expect(want).toHaveLength(many);
    for (const offset of [0, 10, 700, many - 5]) {
      expect(await page('person:hub', 'SUPPORTED', 'INCOMING', null, null, offset, 10)).toEqual({
        total: many,
        items: want.slice(offset, offset + 10),
      });
    }
  });

  it('costs its first page, not its every supporter: database hits counted by PROFILE', async () => {
    const hits = (plan: { dbHits: number; children: unknown[] }): number =>
      plan.dbHits + plan.children.reduce((sum: number, c) => sum + hits(c as typeof plan), 0);
    const params = {
      ids: ['person:hub'],
      direction: 'INCOMING',
      stance: null,
      status: null,
      offset: neo4j.int(0),
      limit: neo4j.int(10),
      withNode: false,
      followTypes: [],
      linked: false,
    };
    const profiled = await db.driver.executeQuery(`PROFILE ${cypher('read/relationship-pages#SUPPORTED')}`, params, {
      database: db.database,
    });
    const paged = hits(profiled.summary.profile as never);
    const sorted = await db.driver.executeQuery(
      `PROFILE MATCH (n:Node {id: 'person:hub'})<-[r:SUPPORTED]-(m:Node) WITH r, m ORDER BY m.articleId, m.position, m.id, r.id LIMIT 10 RETURN m.id`,
      {},
      { database: db.database },
    );
    const sorting = hits(sorted.summary.profile as never);
    // Sorting reads every supporter's properties: several hits for each of the 1 500.
    expect(sorting).toBeGreaterThan(3 * many);
    // The page reads its ten (and their nodes) and the degree Neo4j keeps, not the 1 500 the
    // hub supports either.
    expect(paged).toBeLessThan(400);
  });
});

describe('a database written before order keys', () => {
  const many = 1500;
  it('gets at start-up the keys the loader writes, for every relationship between nodes of the graph', async () => {
    const keys = `MATCH (a:Node)-[r]->(b:Node) WHERE r.outKey IS NOT NULL RETURN elementId(r) AS r, r.outKey AS outKey, r.inKey AS inKey ORDER BY r`;
    const written = await run(keys);
    expect(written.length).toBeGreaterThan(many);
    const [unkeyed] = await run(
      `MATCH (a:Node)-[r]->(b:Node) WHERE r.outKey IS NULL AND NOT a:Sentence AND NOT a:Article AND NOT b:Sentence AND NOT b:Article RETURN count(r) AS n`,
    );
    expect(Number(unkeyed!.n)).toBe(0);
    await run(`MATCH ()-[r]->() WHERE r.outKey IS NOT NULL REMOVE r.outKey, r.inKey`);
    expect((await page('person:hub', 'SUPPORTED', 'INCOMING', null, null, 0, 10)).items).toEqual([]);
    await applySchema(db);
    expect(await run(keys)).toEqual(written);
    expect((await page('person:hub', 'SUPPORTED', 'INCOMING', null, null, 0, 10)).items).toHaveLength(10);
  });
});
