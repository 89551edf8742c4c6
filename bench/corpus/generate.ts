/**
 * The benchmark corpus: fills a Neo4j database with synthetic news articles that have the
 * same graph shape as the real seed, written by the real seed code path.
 *
 * Contract:
 * - `syntheticArticles({ targetNodes, seed })` yields, for article after article, the seed
 *   plan the real validator (src/seed/validate.ts) returns for it and the writes the real
 *   `planWrites` (src/seed/load.ts) derives, until the articles hold at least `targetNodes`
 *   nodes (one article over, so within a fraction of a percent). Same seed, same corpus.
 * - `generateCorpus(db, options)` writes those articles with the seed Cypher files
 *   (cypher/seed/*.cypher), 25 articles per transaction, into a database that holds no
 *   article (it refuses one that does), and returns the database's counts. Full-text indexes
 *   are dropped for the load and rebuilt from cypher/schema.cypher at the end.
 * - `fillCorpus(db, { size, seed })`: size `article` loads the real seeds/ folder with
 *   `seedAll`; the other sizes generate that many nodes (10k, 100k, 1m).
 * - `ensureCorpus({ size, seed, log })` starts the local Neo4j on `.bench-data/<size>`, fills
 *   it when it holds no complete corpus for that seed (a finished run leaves
 *   `.bench-data/<size>/corpus.json`), and returns `{ uri, stop(), nodes, relationships }`.
 *   Later runs reuse the data.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { applySchema } from '../../src/db/apply-schema.js';
import { cypherStatements } from '../../src/db/cypher.js';
import { GraphDb } from '../../src/db/graph-db.js';
import { freePort, startLocalNeo4j, type LocalNeo4j } from '../../src/db/local-neo4j.js';
import { planWrites } from '../../src/seed/load.js';
import { seedAll } from '../../src/seed/seed-all.js';
import type { GraphFile } from '../../src/seed/format.js';
import { validateSeed, type SeedPlan } from '../../src/seed/validate.js';
import { buildArticle } from './article.js';
import { createPools } from './pools.js';
import { createRandom } from './random.js';

export const corpusSizes = { article: 0, '10k': 10_000, '100k': 100_000, '1m': 1_000_000 } as const;
export type CorpusSize = keyof typeof corpusSizes;

export function isCorpusSize(value: string): value is CorpusSize {
  return Object.hasOwn(corpusSizes, value);
}

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const benchCypher = (name: string) => readFileSync(join(here, 'cypher', `${name}.cypher`), 'utf8');

export type SeedWrites = ReturnType<typeof planWrites>;

export interface SyntheticArticleWrites {
  plan: SeedPlan;
  writes: SeedWrites;
  /** Nodes this article adds: the article, its sentences and facts, and entities no earlier article had. */
  nodes: number;
  /** Relationships it adds: PART_OF for each sentence, evidence links and the other links. */
  relationships: number;
}

export function* syntheticArticles({ targetNodes, seed }: { targetNodes: number; seed: number }): Generator<SyntheticArticleWrites> {
  const random = createRandom(seed);
  const pools = createPools(random, targetNodes);
  const seen = new Set<string>();
  let nodes = 0;
  for (let n = 1; nodes < targetNodes; n++) {
    const article = buildArticle(n, pools, random);
    const plan = validate(n, article.text, article.graph);
    const writes = planWrites(plan);
    let added = 1 + writes.sentences.length + writes.facts.length;
    for (const e of writes.entities) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      added++;
    }
    nodes += added;
    yield { plan, writes, nodes: added, relationships: writes.sentences.length + writes.evidence.length + writes.links.length };
  }
}

/**
 * The real validator reads a seed folder, so each article passes through a scratch folder of
 * its own (in memory under /dev/shm when there is one), gone before the plan is returned, so
 * nothing is left behind however far a caller reads the generator. graph.yaml is written as
 * JSON, which is YAML too and parses about a third faster than block YAML.
 */
function validate(n: number, text: string, graph: GraphFile): SeedPlan {
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'newsgraph-corpus-'));
  try {
    writeFileSync(join(dir, 'article.txt'), text);
    writeFileSync(join(dir, 'graph.yaml'), JSON.stringify(graph));
    return validateSeed(dir);
  } catch (error) {
    // A generator bug, not a user error: say which article, with the validator's findings.
    throw new Error(
      `internal: synthetic article ${n} does not pass the seed validator: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface CorpusProgress {
  articles: number;
  nodes: number;
  relationships: number;
  targetNodes: number;
}

export interface CorpusSummary {
  articles: number;
  nodes: number;
  relationships: number;
  seconds: number;
}

export interface GenerateOptions {
  targetNodes: number;
  seed: number;
  /** Articles written per transaction (default 25, about 1,600 nodes). */
  articlesPerTransaction?: number;
  /** Called after each transaction commits. */
  onProgress?: (progress: CorpusProgress) => void;
}

/**
 * Writes a batch of articles in one transaction with the seed loader's Cypher, sending all of
 * its queries at once (the driver pipelines them; the server runs them in order).
 *
 * The loader's per-article conflict check (seed/conflicts) and clear (seed/clear-article) are
 * skipped: `generateCorpus` only writes into a database that holds no article, every article
 * id is new, every fact, group and anonymous-source id carries its article's number, and a
 * pool entity's id always comes with the same kind, so the check could find nothing and the
 * clear could delete nothing. tests/corpus.test.ts loads the same articles through the real
 * `loadSeed`, checks included, and gets the same counts.
 */
async function writeArticles(db: GraphDb, batch: SeedWrites[]): Promise<void> {
  await db.writeTransaction(async (tx) => {
    const sent: Promise<unknown>[] = [];
    for (const w of batch) {
      sent.push(
        tx.run('seed/article', { article: w.article, sentences: w.sentences }),
        tx.run('seed/entities', { entities: w.entities }),
        tx.run('seed/facts', { articleId: w.articleId, facts: w.facts }),
        tx.run('seed/evidence', { articleId: w.articleId, evidence: w.evidence }),
        tx.run('seed/links', { articleId: w.articleId, links: w.links }),
      );
    }
    await Promise.all(sent);
  });
}

/**
 * Full-text indexes are kept up to date inside every write transaction, which makes them a
 * quarter of Neo4j's work during the load (measured at 100k nodes on a warm Neo4j: 43 s of
 * Neo4j CPU with them, 33 s without). They are dropped for the load and created again from
 * cypher/schema.cypher afterwards, as bulk loads usually do; the constraint and range
 * indexes the loader's MERGE and MATCH use stay in place throughout.
 */
async function withoutFulltextIndexes<T>(db: GraphDb, work: () => Promise<T>): Promise<T> {
  const query = (name: string, params: Record<string, unknown> = {}) =>
    db.driver.executeQuery(benchCypher(name), params, { database: db.database });
  for (const record of (await query('fulltext-index-names')).records) await query('drop-index', { name: record.get('name') });
  try {
    return await work();
  } finally {
    for (const statement of cypherStatements('schema')) await db.driver.executeQuery(statement, {}, { database: db.database });
    await query('await-indexes', { seconds: 1800 });
  }
}

export async function generateCorpus(
  db: GraphDb,
  { targetNodes, seed, articlesPerTransaction = 25, onProgress = () => {} }: GenerateOptions,
): Promise<CorpusSummary> {
  const started = performance.now();
  const existing = await databaseCounts(db);
  if (existing.articles > 0)
    throw new Error(`The database already holds ${existing.articles} article(s); the corpus is written into an empty one.`);
  await withoutFulltextIndexes(db, () => writeCorpus(db, { targetNodes, seed, articlesPerTransaction, onProgress }));
  return { ...(await databaseCounts(db)), seconds: (performance.now() - started) / 1000 };
}

async function writeCorpus(
  db: GraphDb,
  { targetNodes, seed, articlesPerTransaction, onProgress }: Required<GenerateOptions>,
): Promise<void> {
  const done: CorpusProgress = { articles: 0, nodes: 0, relationships: 0, targetNodes };

  // Batches come from a generator that hands the event loop back after every article, so
  // the next batch is built and validated here while Neo4j writes the previous one.
  async function* batches(): AsyncGenerator<{ writes: SeedWrites[]; nodes: number; relationships: number }> {
    let batch: { writes: SeedWrites[]; nodes: number; relationships: number } = { writes: [], nodes: 0, relationships: 0 };
    for (const a of syntheticArticles({ targetNodes, seed })) {
      batch.writes.push(a.writes);
      batch.nodes += a.nodes;
      batch.relationships += a.relationships;
      if (batch.writes.length === articlesPerTransaction) {
        yield batch;
        batch = { writes: [], nodes: 0, relationships: 0 };
      }
      await nextTurn();
    }
    if (batch.writes.length) yield batch;
  }

  let writing: Promise<void> | undefined;
  try {
    for await (const batch of batches()) {
      await writing;
      writing = writeArticles(db, batch.writes).then(() => {
        done.articles += batch.writes.length;
        done.nodes += batch.nodes;
        done.relationships += batch.relationships;
        onProgress({ ...done });
      });
      // Awaited on the next turn of the loop; until then, a failure must not count as unhandled.
      writing.catch(() => {});
    }
  } finally {
    // Whatever stopped the loop, no transaction is left running behind the caller's back.
    await writing?.catch(() => {});
  }
  await writing;
}

export async function databaseCounts(db: GraphDb): Promise<{ articles: number; nodes: number; relationships: number }> {
  const { records } = await db.driver.executeQuery(benchCypher('counts'), {}, { database: db.database });
  const row = records[0]!;
  return { articles: Number(row.get('articles')), nodes: Number(row.get('nodes')), relationships: Number(row.get('relationships')) };
}

export async function wipeDatabase(db: GraphDb): Promise<void> {
  // CALL … IN TRANSACTIONS needs an implicit (auto-commit) transaction: session.run.
  const session = db.driver.session({ database: db.database });
  try {
    await session.run(benchCypher('wipe-database'));
  } finally {
    await session.close();
  }
}

/** Fills an empty database with the corpus of `size`: the real seeds, or a synthetic one. */
export async function fillCorpus(
  db: GraphDb,
  {
    size,
    seed,
    log = () => {},
    onProgress,
  }: { size: CorpusSize; seed: number; log?: (line: string) => void; onProgress?: (p: CorpusProgress) => void },
): Promise<CorpusSummary> {
  await applySchema(db);
  if (size !== 'article') return generateCorpus(db, { targetNodes: corpusSizes[size], seed, ...(onProgress ? { onProgress } : {}) });
  const started = performance.now();
  await seedAll(db, join(repoRoot, 'seeds'), log);
  return { ...(await databaseCounts(db)), seconds: (performance.now() - started) / 1000 };
}

/** Where the local Neo4j of a corpus size keeps its data. */
export function benchDataDir(size: CorpusSize): string {
  return join(repoRoot, '.bench-data', size);
}

/**
 * The local Neo4j for a corpus size, with memory for the 1m corpus: 2 GiB of page cache
 * (the store files at 1m fit) and 2 GiB of heap (the defaults are 256 MiB and 1 GiB).
 * Every size gets the same settings, so figures compare across sizes.
 */
export async function startBenchNeo4j({
  size,
  port,
  log,
}: {
  size: CorpusSize;
  port?: number;
  log?: (line: string) => void;
}): Promise<LocalNeo4j> {
  return startLocalNeo4j({
    dir: benchDataDir(size),
    port: port ?? (await freePort()),
    pageCacheBytes: 2 * 1024 ** 3,
    heapMb: 2048,
    ...(log ? { log } : {}),
  });
}

interface CorpusMarker {
  size: CorpusSize;
  seed: number;
  articles: number;
  nodes: number;
  relationships: number;
  seconds: number;
}

const markerFile = (size: CorpusSize) => join(benchDataDir(size), 'corpus.json');

/** Records a finished corpus next to its data, so `ensureCorpus` can tell it from an interrupted one. */
export function writeCorpusMarker(size: CorpusSize, seed: number, summary: CorpusSummary): void {
  const marker: CorpusMarker = { size, seed, ...summary };
  writeFileSync(markerFile(size), `${JSON.stringify(marker, null, 2)}\n`);
}

function readCorpusMarker(size: CorpusSize): CorpusMarker | null {
  try {
    return JSON.parse(readFileSync(markerFile(size), 'utf8')) as CorpusMarker;
  } catch {
    return null;
  }
}

export interface Corpus {
  /** Bolt address of the local Neo4j holding the corpus (no auth, database "neo4j"). */
  uri: string;
  /** Stops that Neo4j; the data stays in .bench-data/<size> for the next run. */
  stop(): Promise<void>;
  nodes: number;
  relationships: number;
}

export async function ensureCorpus({
  size,
  seed,
  log = () => {},
  port,
}: {
  size: CorpusSize;
  seed: number;
  log?: (line: string) => void;
  port?: number;
}): Promise<Corpus> {
  const neo4j = await startBenchNeo4j({ size, log, ...(port ? { port } : {}) });
  const db = new GraphDb({ uri: neo4j.uri, database: 'neo4j' });
  try {
    await applySchema(db);
    let counts = await databaseCounts(db);
    const marker = readCorpusMarker(size);
    const complete =
      marker?.size === size && marker.seed === seed && marker.nodes === counts.nodes && marker.relationships === counts.relationships;
    if (counts.articles > 0 && !complete) {
      log(`${benchDataDir(size)} holds an unfinished corpus or one for another seed; wiping it.`);
      await wipeDatabase(db);
      counts = await databaseCounts(db);
    }
    if (counts.articles === 0) {
      log(`Generating the ${size} corpus (seed ${seed}) in ${benchDataDir(size)}…`);
      const summary = await fillCorpus(db, { size, seed, log });
      writeCorpusMarker(size, seed, summary);
      log(
        `Generated ${summary.articles} article(s): ${summary.nodes} nodes, ${summary.relationships} relationships in ${summary.seconds.toFixed(1)} s.`,
      );
      counts = summary;
    } else {
      log(`Reusing the ${size} corpus in ${benchDataDir(size)}: ${counts.nodes} nodes, ${counts.relationships} relationships.`);
    }
    return { uri: neo4j.uri, stop: () => neo4j.stop(), nodes: counts.nodes, relationships: counts.relationships };
  } catch (error) {
    await neo4j.stop();
    throw error;
  } finally {
    await db.close();
  }
}
