/**
 * `npm run bench:generate -- --size article|10k|100k|1m [--seed N] [--replace] [--port P]`:
 * fills a Neo4j with the benchmark corpus (bench/corpus/generate.ts) and prints its node and
 * relationship counts.
 *
 * Target: the Neo4j at NEO4J_URI when set (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE);
 * otherwise a local Neo4j started here on `.bench-data/<size>` (Bolt on --port, default a free
 * port) and stopped at the end. A database that already holds articles is refused unless
 * --replace is given, which empties it first. Exit codes: 0 written, 1 refused or bad
 * arguments, 2 configuration or database failure.
 */
import { SingleBar } from 'cli-progress';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/config.js';
import { GraphDb } from '../../src/db/graph-db.js';
import type { LocalNeo4j } from '../../src/db/local-neo4j.js';
import {
  benchDataDir,
  corpusSizes,
  databaseCounts,
  fillCorpus,
  isCorpusSize,
  startBenchNeo4j,
  wipeDatabase,
  writeCorpusMarker,
  type CorpusProgress,
} from './generate.js';

const usage = `Usage: npm run bench:generate -- --size article|10k|100k|1m [--seed N] [--replace] [--port P]
  --size     article: the real seeds/ folder; 10k, 100k, 1m: that many nodes of synthetic articles
  --seed     PRNG seed (default 1); the same seed gives the same corpus
  --replace  empty a database that already holds articles, then write
  --port     Bolt port of the local Neo4j (default: a free port); ignored with NEO4J_URI`;

class UsageError extends Error {}

function parse() {
  const { values } = parseArgs({
    options: {
      size: { type: 'string' },
      seed: { type: 'string', default: '1' },
      replace: { type: 'boolean', default: false },
      port: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (!values.size || !isCorpusSize(values.size)) throw new UsageError(`--size must be one of ${Object.keys(corpusSizes).join(', ')}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new UsageError('--seed must be a whole number between 0 and 4294967295');
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535))
    throw new UsageError('--port must be a port number (1-65535)');
  return { size: values.size, seed, replace: values.replace, port };
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 1;
  }
  const { size, seed, replace, port } = args;
  const config = loadConfig();
  let local: LocalNeo4j | null = null;
  let db: GraphDb;
  if (config.neo4j.kind === 'remote') {
    db = new GraphDb({ uri: config.neo4j.uri, user: config.neo4j.user, password: config.neo4j.password, database: config.neo4j.database });
  } else {
    local = await startBenchNeo4j({ size, log: (l) => console.log(l), ...(port ? { port } : {}) });
    db = new GraphDb({ uri: local.uri, database: 'neo4j' });
  }
  const where = local ? `${local.uri} (${benchDataDir(size)})` : config.neo4j.kind === 'remote' ? config.neo4j.uri : '';
  try {
    try {
      await db.driver.verifyConnectivity({ database: db.database });
    } catch (error) {
      throw new Error(`Could not reach Neo4j at ${where}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const before = await databaseCounts(db);
    if (before.articles > 0) {
      if (!replace) {
        console.error(
          `The database at ${where} already holds ${before.articles} article(s) (${before.nodes} nodes). Pass --replace to empty it and write the ${size} corpus.`,
        );
        return 1;
      }
      console.log(`Emptying the database at ${where} (${before.nodes} nodes)…`);
      await wipeDatabase(db);
    }
    const bar = new SingleBar({
      format: '{bar} {percentage}% | {value}/{total} nodes | {articles} articles | {rate} nodes/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 20,
    });
    const started = performance.now();
    const onProgress = (p: CorpusProgress) => {
      const rate = Math.round(p.nodes / ((performance.now() - started) / 1000));
      bar.update(Math.min(p.nodes, p.targetNodes), { articles: p.articles, rate });
    };
    if (size !== 'article') bar.start(corpusSizes[size], 0, { articles: 0, rate: 0 });
    const summary = await fillCorpus(db, { size, seed, log: (l) => console.log(l), onProgress });
    bar.stop();
    if (local) writeCorpusMarker(size, seed, summary);
    console.log(
      `${size} corpus (seed ${seed}) at ${where}: ${summary.articles} articles, ${summary.nodes} nodes, ${summary.relationships} relationships.`,
    );
    console.log(`Done in ${summary.seconds.toFixed(1)} s.`);
    return 0;
  } finally {
    await db.close();
    await local?.stop();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
}
