/**
 * The synthetic benchmark corpus (bench/corpus/) has the real article's graph shape: the same
 * labels and relationship types, statements tied to their words, hubs, and determinism.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, syntheticArticles, type CorpusSummary } from '../bench/corpus/generate.js';
import { loadSeed } from '../src/seed/load.js';
import { seedAll } from '../src/seed/seed-all.js';
import { counts, openDb, resetDb } from './helpers.js';
import type { GraphDb } from '../src/db/graph-db.js';

const target = 2_000;
const seed = 7;

async function vocabulary(db: GraphDb): Promise<{ labels: string[]; types: string[] }> {
  const { records } = await db.driver.executeQuery(
    `CALL () { MATCH (n) UNWIND labels(n) AS label RETURN collect(DISTINCT label) AS labels }
     CALL () { MATCH ()-[r]->() RETURN collect(DISTINCT type(r)) AS types }
     RETURN labels, types`,
  );
  return { labels: [...records[0]!.get('labels')].sort(), types: [...records[0]!.get('types')].sort() };
}

describe('the synthetic benchmark corpus', () => {
  const db = openDb();
  let real: { labels: string[]; types: string[] };
  let first: CorpusSummary;

  beforeAll(async () => {
    await resetDb(db);
    await seedAll(db, 'seeds');
    real = await vocabulary(db);
    await resetDb(db);
    first = await generateCorpus(db, { targetNodes: target, seed });
  });
  afterAll(() => db.close());

  it('lands within 10% of the node target', () => {
    expect(first.nodes).toBeGreaterThanOrEqual(target);
    expect(first.nodes).toBeLessThan(target * 1.1);
    expect(first.articles).toBeGreaterThan(10);
  });

  it('uses exactly the node labels and relationship types the real article has, but for the links between facts', async () => {
    // The generator writes no cause or sequence links between events (the real article's
    // CAUSED_BY, IN_RESPONSE_TO, FOLLOWED): the benchmarks' queries do not follow them.
    const links = new Set(['CAUSED_BY', 'IN_RESPONSE_TO', 'FOLLOWED']);
    // Nor revisions (src/seed/revisions.ts): the history of writes, which no read of the graph meets.
    const labels = real.labels.filter((l) => l !== 'Revision');
    expect(await vocabulary(db)).toEqual({ labels, types: real.types.filter((t) => !links.has(t)) });
  });

  it('gives every statement one speaker and evidence whose offsets cut its words from the article', async () => {
    const { records } = await db.driver.executeQuery(
      `MATCH (a:Article)
       MATCH (s:Statement {articleId: a.id})
       RETURN a.text AS article, s.text AS text, s.start AS start, s.end AS end,
              COUNT { (s)-[:SAID_BY]->() } AS speakers,
              [(s)-[e:EVIDENCED_BY]->(:Sentence) | [e.start, e.end]] AS evidence`,
    );
    expect(records.length).toBeGreaterThan(100);
    for (const r of records) {
      const article = Array.from(r.get('article') as string);
      const cut = (start: number, end: number) => article.slice(start, end).join('');
      const text = r.get('text') as string;
      expect(r.get('speakers')).toBe(1);
      expect(cut(r.get('start'), r.get('end'))).toBe(text);
      const evidence = r.get('evidence') as [number, number][];
      expect(evidence.length).toBeGreaterThan(0);
      expect(evidence.map(([start, end]) => cut(start, end))).toContain(text);
    }
  });

  it('has hubs: the most discussed entity has many times the statements and supporters of the median one', async () => {
    const { records } = await db.driver.executeQuery(
      `MATCH (e:Entity)
       RETURN COUNT { (e)<-[:ABOUT]-(:Statement) } AS about, COUNT { (e)<-[:SUPPORTED]-() } AS supporters
       ORDER BY about DESC`,
    );
    const about = records.map((r) => r.get('about') as number);
    const median = about[Math.floor(about.length / 2)]!;
    expect(about[0]!).toBeGreaterThanOrEqual(10 * Math.max(median, 1));
    expect(records[0]!.get('supporters')).toBeGreaterThanOrEqual(5);
    // And a long tail: most entities are barely discussed.
    expect(about.filter((n) => n <= 1).length).toBeGreaterThan(about.length / 2);
  });

  it('is the same corpus, with the same counts, for the same seed, and another for another seed', () => {
    const run = (s: number) => [...syntheticArticles({ targetNodes: target, seed: s })];
    const [a, b] = [run(seed), run(seed)];
    expect(b.map((x) => x.plan.article.sha256)).toEqual(a.map((x) => x.plan.article.sha256));
    const total = (articles: typeof a) => ({
      nodes: articles.reduce((n, x) => n + x.nodes, 0),
      relationships: articles.reduce((n, x) => n + x.relationships, 0),
    });
    expect(total(b)).toEqual(total(a));
    expect(total(a)).toEqual({ nodes: first.nodes, relationships: first.relationships });
    const other = syntheticArticles({ targetNodes: target, seed: seed + 1 }).next().value!;
    expect(other.plan.article.sha256).not.toBe(a[0]!.plan.article.sha256);
  });

  it('writes, for the same articles, what loadSeed writes with its conflict checks', async () => {
    // The batched writer skips loadSeed's per-article checks; on the first articles, loadSeed
    // lands the very counts the generator predicts (and a revision each), and those add up to what the batched writer wrote (above).
    await resetDb(db);
    const expected = { nodes: 0, relationships: 0 };
    for (const article of syntheticArticles({ targetNodes: target, seed })) {
      await loadSeed(db, article.plan);
      // loadSeed also records the load as a revision (one node, no relationship); the batched writer records none.
      expected.nodes += article.nodes + 1;
      expected.relationships += article.relationships;
      if (expected.nodes > target / 4) break;
    }
    expect(await counts(db)).toEqual(expected);
  });
});
