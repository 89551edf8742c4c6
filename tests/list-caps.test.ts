/**
 * Plain lists (fields without `first`) return at most what the cost model prices them at, so
 * the cost limit bounds the answer on a hub: an organisation with 120 members, an entity
 * mentioned in 120 sentences, a fact told in 15 spans (5 given), a span over 15 sentences. And a page
 * asked under each copy of one id is read once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCaps } from '../src/builder.js';
import { applySchema } from '../src/db/apply-schema.js';
import type { GraphDb } from '../src/db/graph-db.js';
import { EVIDENCE_CAP, EVIDENCE_FOR_FACT, LIST_CAP } from '../src/graph/loaders.js';
import { createApp, type App } from '../src/yoga.js';
import { gql, openDb, resetDb, seedFirstArticle } from './helpers.js';

let db: GraphDb;
let app: App;
const many = 120;

/** A hub written straight into the graph, in the shape the seed loader writes (parameterised Cypher). */
async function writeHub() {
  const ids = Array.from({ length: many }, (_, i) => i);
  await db.driver.executeQuery(
    `CREATE (a:Node:Article {id: 'article:caps', title: 'Caps', publisher: 'Test', text: 'x', sha256: 'x'})
     CREATE (o:Node:Entity:Organisation {id: 'organisation:hub', name: 'Hub', kind: 'Organisation'})
     CREATE (f:Node:Fact:Event {id: 'event:told-often', name: 'Told often', type: 'meeting', articleId: 'article:caps', position: 0})
     WITH a, o, f
     UNWIND $ids AS i
     CREATE (s:Node:Sentence {id: 'sentence:caps:' + i, articleId: 'article:caps', index: i, start: i * 10, end: i * 10 + 9, text: 'Sentence ' + i})
     CREATE (s)-[:PART_OF]->(a)
     CREATE (p:Node:Entity:Person {id: 'person:member-' + i, name: 'Member ' + i, kind: 'Person'})
     CREATE (p)-[:MEMBER_OF]->(o)
     CREATE (o)-[:MENTIONED_IN {start: i * 10, end: i * 10 + 5}]->(s)
     FOREACH (_ IN CASE WHEN i < 15 THEN [1] ELSE [] END | CREATE (f)-[:EVIDENCED_BY {start: i * 10, end: i * 10 + 5}]->(s))
     FOREACH (_ IN CASE WHEN i >= 100 AND i < 115 THEN [1] ELSE [] END | CREATE (f)-[:EVIDENCED_BY {start: 1000, end: 1149}]->(s))`,
    { ids },
    { database: db.database },
  );
}

beforeAll(async () => {
  db = openDb();
  await resetDb(db);
  await seedFirstArticle(db);
  await writeHub();
  // Written without order keys, as a database from before them: start-up gives them theirs.
  await applySchema(db);
  // Limits that let each list through, so what bounds it is the read, not the refusal.
  app = createApp({ db, limits: { maxCost: 1e9, maxBreadth: 1e6, maxListItems: 1000 } });
});
afterAll(async () => db.close());

describe('plain lists are cut where they are priced', () => {
  it('gives the first LIST_CAP members of an organisation with more, in a stable order', async () => {
    const { data, errors } = await gql(app, `{ entity(id: "organisation:hub") { ... on Organisation { members { name } } } }`);
    expect(errors).toBeUndefined();
    expect(LIST_CAP).toBe(50);
    expect(data.entity.members).toHaveLength(LIST_CAP);
    const again = await gql(app, `{ entity(id: "organisation:hub") { ... on Organisation { members { name } } } }`);
    expect(again.data.entity.members).toEqual(data.entity.members);
    // The rest are a connection away.
    const all = await gql(app, `{ entity(id: "organisation:hub") { relationships(types: ["MEMBER_OF"], first: 100) { totalCount } } }`);
    expect(all.data.entity.relationships.totalCount).toBe(many);
  });

  it('gives an entity mentioned 120 times its first 50 mentions, in article order', async () => {
    const { data, errors } = await gql(app, `{ entity(id: "organisation:hub") { mentions { start sentences { index } } } }`);
    expect(errors).toBeUndefined();
    expect(data.entity.mentions).toHaveLength(EVIDENCE_CAP.spans);
    expect(data.entity.mentions.map((m: { start: number }) => m.start)).toEqual(Array.from({ length: 50 }, (_, i) => i * 10));
  });

  it("cuts a fact's evidence at EVIDENCE_FOR_FACT spans and a span's sentences at EVIDENCE_CAP.sentences", async () => {
    const { data, errors } = await gql(app, `{ event(id: "event:told-often") { evidence { start sentences { index } } } }`);
    expect(errors).toBeUndefined();
    expect(data.event.evidence).toHaveLength(EVIDENCE_FOR_FACT);
    expect(data.event.evidence.map((e: { start: number }) => e.start)).toEqual(Array.from({ length: EVIDENCE_FOR_FACT }, (_, i) => i * 10));
    expect(listCaps.evidence).toBe(EVIDENCE_FOR_FACT);
  });

  it('cuts the sentences of one long span at EVIDENCE_CAP.sentences', async () => {
    // The span over 15 sentences (1000–1149) sorts after the short ones: leave it alone.
    await db.driver.executeQuery(
      `MATCH (f:Fact {id: 'event:told-often'})-[r:EVIDENCED_BY]->() WHERE r.start < 1000 DELETE r`,
      {},
      { database: db.database },
    );
    const { data, errors } = await gql(app, `{ event(id: "event:told-often") { evidence { start end sentences { index } } } }`);
    expect(errors).toBeUndefined();
    expect(data.event.evidence).toEqual([
      { start: 1000, end: 1149, sentences: Array.from({ length: EVIDENCE_CAP.sentences }, (_, i) => ({ index: 100 + i })) },
    ]);
  });

  it('prices a relatedField list at its own cap, so the price and the cut agree', async () => {
    const cost = async (query: string) => {
      const res = await createApp({ db, limits: { maxCost: 1 } }).fetch('http://test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const body = (await res.json()) as { errors: { extensions: { actual: number } }[] };
      return body.errors[0]!.extensions.actual;
    };
    // 1 for the root field, 1 for the list field, and its one field for each item it may hold.
    expect(await cost(`{ entity(id: "organisation:hub") { ... on Organisation { members { name } } } }`)).toBe(1 + 1 + LIST_CAP);
    expect(await cost(`{ motion(id: "motion:x") { votes { id } } }`)).toBe(1 + 1 + 10);
  });
});

describe('a page under a plain list', () => {
  it('is read once for every copy of one id', async () => {
    const { data } = await gql(app, `{ articles(first: 1) { edges { node { id } } } }`);
    const articleId = data.articles.edges[0].node.id;
    let reads = 0;
    const stop = db.onQuery(() => reads++);
    try {
      const copies = await gql(
        app,
        `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Article { sentences(first: 3) { edges { node { index } } } } } }`,
        {
          ids: Array.from({ length: 200 }, () => articleId),
        },
      );
      expect(copies.errors).toBeUndefined();
      expect(copies.data.nodes).toHaveLength(200);
      expect(copies.data.nodes[199].sentences.edges.map((e: { node: { index: number } }) => e.node.index)).toEqual([0, 1, 2]);
    } finally {
      stop();
    }
    // The nodes, then one page for all 200 copies.
    expect(reads).toBe(2);
  });
});
