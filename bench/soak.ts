/**
 * `npm run soak`: simple queries against this server for a minute, counting every error and
 * watching the server's memory; with `--hostile`, first alone and then beside issue 15's
 * hostile requests (bench/hostile.ts), to show that those are refused or bounded and leave
 * the simple queries their speed.
 *
 * Terminology: the *simple queries* are, on the article corpus, the README's example queries
 * in turn; on a generated corpus, which has none of the article's people, the benchmark's five
 * operations (bench/operations.ts) with variables sampled from it, hubs first, interleaved.
 * A --hostile run has two *phases*: *alone* (simple queries only) and *with hostile* (the
 * same simple load, plus hostile loops on connections of their own).
 *
 * Contract:
 * - Data: `--corpus article` (default) starts the local Neo4j on a free port with a fresh
 *   data folder and the seeds loaded, or uses NEO4J_URI, which must already hold them;
 *   `--corpus 10k|100k|1m` starts the benchmark's Neo4j on .bench-data/<size>
 *   (bench/corpus/generate.ts `ensureCorpus`, seed 1, generated on first use) and refuses
 *   NEO4J_URI. The store is read into the page cache (bench/page-cache.ts) before anything.
 * - This server runs in a child process (bench/servers.ts); 10 s of simple queries at the
 *   phases' pace (and each hostile request once) warm it up, not counted. Each phase lasts
 *   `--duration` s (5–600, default 60) over `--connections` (1–500, default 50), with
 *   bench/load.ts: as fast as the connections allow, or at `--rate` req/s, open loop (0 is
 *   as fast as possible; default 0, and 20 with --hostile, so that both phases offer the same
 *   load and their latencies compare). `--hostile-connections` (1–10, default 3) hostile loops run through the whole
 *   second phase. `--server-port` and `--neo4j-port` pin this server's HTTP port and the
 *   Neo4j's Bolt port (default: free ports), for a machine whose users share out port ranges. The server's resident memory is read from /proc every second.
 * - Prints the figures and a Markdown section for docs/soak.md, and exits 1 when a target is
 *   missed: no simple query fails (non-2xx, connection error or timeout, or GraphQL errors
 *   in a 2xx answer); no 5xx answer, simple or hostile; server RSS peak under 1 GiB; with
 *   --hostile, simple p99 with hostile under twice the p99 alone. Every process it starts is
 *   stopped on the way out, Ctrl-C included.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { applySchema } from '../src/db/apply-schema.js';
import { GraphDb } from '../src/db/graph-db.js';
import { freePort, startLocalNeo4j } from '../src/db/local-neo4j.js';
import { loadExamples } from '../src/graphiql-tabs.js';
import { seedAll } from '../src/seed/seed-all.js';
import { commitUnderTest } from './commit.js';
import { ensureCorpus, isCorpusSize, type CorpusSize } from './corpus/generate.js';
import { requestBody } from './equivalence.js';
import { findHostileTargets, hostileBodies, hostileKinds, startHostile, type HostileTally } from './hostile.js';
import { load, type LoadResult } from './load.js';
import { operationNames, sampleVariables } from './operations.js';
import { stopsOnExit } from './cleanup.js';
import { warmPageCache } from './page-cache.js';
import { startServer } from './servers.js';

const RSS_LIMIT_MIB = 1024;
const P99_RATIO_LIMIT = 2;

function readOptions() {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: 'article' },
      duration: { type: 'string', default: '60' },
      connections: { type: 'string', default: '50' },
      rate: { type: 'string' },
      hostile: { type: 'boolean', default: false },
      'hostile-connections': { type: 'string', default: '3' },
      'server-port': { type: 'string' },
      'neo4j-port': { type: 'string' },
    },
    strict: true,
  });
  const whole = (name: string, value: string, min: number, max: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
  if (!isCorpusSize(values.corpus)) throw new Error('--corpus must be one of article, 10k, 100k, 1m');
  return {
    corpus: values.corpus as CorpusSize,
    duration: whole('duration', values.duration, 5, 600),
    connections: whole('connections', values.connections, 1, 500),
    rate: whole('rate', values.rate ?? (values.hostile ? '20' : '0'), 0, 10_000),
    hostile: values.hostile,
    hostileConnections: whole('hostile-connections', values['hostile-connections'], 1, 10),
    serverPort: values['server-port'] === undefined ? null : whole('server-port', values['server-port'], 1, 65535),
    neo4jPort: values['neo4j-port'] === undefined ? null : whole('neo4j-port', values['neo4j-port'], 1, 65535),
  };
}

const rssMiB = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024);
const errorsOf = (r: LoadResult) => r.errors.non2xx + r.errors.failed + r.errors.graphql;
const fiveHundreds = (counts: Record<string, number>, statusOf: (key: string) => number) =>
  Object.entries(counts).reduce((sum, [key, n]) => sum + (statusOf(key) >= 500 ? n : 0), 0);
const listed = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([, a], [, b]) => b - a)
    .map(([k, n]) => `${k}: ${n}`)
    .join(', ') || 'none';
const loads = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

interface Phase {
  name: string;
  result: LoadResult;
  /** Server RSS in MiB, a sample a second from the phase's start. */
  rss: { s: number; mib: number }[];
  hostile: HostileTally | null;
  seconds: number;
}

const o = readOptions();
if (o.corpus !== 'article' && process.env.NEO4J_URI)
  throw new Error(`--corpus ${o.corpus} starts the benchmark's own Neo4j on .bench-data/${o.corpus}; unset NEO4J_URI.`);

const cleanup = stopsOnExit('the server and Neo4j');

/** Neo4j holding the corpus: its Bolt address (cleanup registered). */
async function startData(): Promise<string> {
  if (o.corpus !== 'article') {
    const corpus = await ensureCorpus({
      size: o.corpus,
      seed: 1,
      log: (l) => console.log(`  ${l}`),
      ...(o.neo4jPort ? { port: o.neo4jPort } : {}),
    });
    cleanup.push(() => corpus.stop());
    return corpus.uri;
  }
  if (process.env.NEO4J_URI) return process.env.NEO4J_URI;
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-soak-'));
  cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
  const local = await startLocalNeo4j({ dir, port: o.neo4jPort ?? (await freePort()), log: console.log });
  cleanup.push(() => local.stop());
  const db = new GraphDb({ uri: local.uri, database: 'neo4j' });
  try {
    await applySchema(db);
    await seedAll(db, 'seeds', console.log);
  } finally {
    await db.close();
  }
  return local.uri;
}

async function main(): Promise<number> {
  const startLoad = loads();
  const startedAt = new Date();
  const commit = commitUnderTest();
  const uri = await startData();
  const driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true });
  cleanup.push(() => driver.close());
  await warmPageCache(driver);

  let bodies: string[];
  let simple: string;
  if (o.corpus === 'article') {
    bodies = loadExamples().map((e) => JSON.stringify({ query: e.query }));
    simple = `the README's ${bodies.length} example queries in turn`;
  } else {
    const samples = await sampleVariables(driver, 'neo4j', 1);
    const longest = Math.max(...operationNames.map((op) => samples[op].length));
    bodies = [];
    for (let i = 0; i < longest; i++)
      for (const op of operationNames) if (samples[op][i]) bodies.push(requestBody('ours', op, samples[op][i]!));
    simple = `the benchmark's ${operationNames.length} operations, ${bodies.length} sampled variable sets interleaved`;
  }

  const server = await startServer('ours', { uri, port: o.serverPort ?? (await freePort()) });
  cleanup.push(() => server.stop());
  const pace = o.rate
    ? `${o.rate} req/s (open loop) over up to ${o.connections} connections`
    : `${o.connections} connections, as fast as they go`;
  console.log(
    `Soak (${o.corpus} corpus, commit ${commit}): ${simple}, ${pace}, ${o.duration} s per phase, against ${server.url} (pid ${server.pid}).`,
  );

  let hostile: ReturnType<typeof hostileBodies> | null = null;
  if (o.hostile) {
    const targets = await findHostileTargets(driver, server.url);
    hostile = hostileBodies(targets);
    console.log(
      `Hostile: ${o.hostileConnections} loops of ${hostileKinds.join(', ')}; hub ${targets.hub}, article ${targets.articleId}; bodies ${Object.entries(
        hostile,
      )
        .map(([k, b]) => `${k} ${Buffer.byteLength(b)} B`)
        .join(', ')}.`,
    );
  }

  const loadOptions = { url: server.url, bodies, connections: o.connections, ...(o.rate ? { overallRate: o.rate } : {}) };
  // Warm-up, not counted, at the phases' own pace: twice on this shared machine, a warm-up at
  // saturation was followed by 503 DATABASE_UNAVAILABLE answers through the first phase (the
  // server's health ping to Neo4j timed out, then it planned its queries again).
  await load({ ...loadOptions, durationSeconds: 10 });
  for (const body of Object.values(hostile ?? {}))
    await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((r) => r.text());

  const phase = async (name: string, withHostile: boolean): Promise<Phase> => {
    const rss: Phase['rss'] = [];
    const started = Date.now();
    const sample = () => rss.push({ s: Math.round((Date.now() - started) / 1000), mib: rssMiB(server.pid) });
    sample();
    const sampler = setInterval(sample, 1000);
    const loops = withHostile && hostile ? startHostile({ url: server.url, bodies: hostile, connections: o.hostileConnections }) : null;
    try {
      const result = await load({ ...loadOptions, durationSeconds: o.duration });
      const tally = (await loops?.stop()) ?? null;
      sample();
      const p = { name, result, rss, hostile: tally, seconds: (Date.now() - started) / 1000 };
      console.log(phaseLine(p));
      return p;
    } finally {
      clearInterval(sampler);
    }
  };
  const phases = [await phase(o.hostile ? 'alone' : 'soak', false)];
  if (o.hostile) phases.push(await phase('with hostile', true));

  const report = render({ startedAt, commit, startLoad, endLoad: loads(), simple, pace, phases });
  console.log(`\n${report.text}`);
  return report.missed ? 1 : 0;
}

function phaseLine({ name, result: r, rss, hostile }: Phase): string {
  const peak = Math.max(...rss.map((s) => s.mib));
  const sent = hostile ? Object.values(hostile).reduce((n, k) => n + k.requests, 0) : 0;
  return `${name}: ${r.requests} requests, ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${errorsOf(r)} (non-2xx ${r.errors.non2xx}, failed ${r.errors.failed}, GraphQL ${r.errors.graphql}); statuses ${listed(r.statuses)}; codes ${listed(r.codes)}; RSS peak ${peak} MiB${hostile ? `; ${sent} hostile requests` : ''}`;
}

const ms = (v: number | null) => (v === null ? '–' : `${Math.round(v)} ms`);

/** The figures as a Markdown section for docs/soak.md, and whether a target was missed. */
function render({
  startedAt,
  commit,
  startLoad,
  endLoad,
  simple,
  pace,
  phases,
}: {
  startedAt: Date;
  commit: string;
  startLoad: string;
  endLoad: string;
  simple: string;
  pace: string;
  phases: Phase[];
}): { text: string; missed: boolean } {
  const lines: string[] = [];
  const when = startedAt.toISOString().slice(0, 16).replace('T', ' ');
  lines.push(`## Run of ${when} UTC, commit ${commit}, ${o.corpus} corpus${o.hostile ? ', hostile' : ''}`, '');
  lines.push(
    `\`npm run soak -- --corpus ${o.corpus}${o.hostile ? ` --hostile --hostile-connections ${o.hostileConnections}` : ''} --duration ${o.duration}${o.rate ? ` --rate ${o.rate}` : ''}\`. Simple queries: ${simple}, ${pace}, ${o.duration} s per phase. Load average (1, 5, 15 min) at the start ${startLoad}, at the end ${endLoad}.`,
    '',
  );
  lines.push('| Phase | Simple requests | Throughput | p50 | p99 | Errors | Answers by status | Error codes | Server RSS peak |');
  lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const { name, result: r, rss } of phases)
    lines.push(
      `| ${name} | ${r.requests} | ${r.rps.toFixed(0)} req/s | ${ms(r.p50)} | ${ms(r.p99)} | ${errorsOf(r)}${errorsOf(r) ? ` (non-2xx ${r.errors.non2xx}, failed ${r.errors.failed}, GraphQL ${r.errors.graphql})` : ''} | ${listed(r.statuses)} | ${listed(r.codes)} | ${Math.max(...rss.map((s) => s.mib))} MiB |`,
    );
  lines.push('');

  const targets: { what: string; figure: string; met: boolean }[] = [];
  const simpleErrors = phases.reduce((n, p) => n + errorsOf(p.result), 0);
  targets.push({ what: 'simple-query errors 0', figure: String(simpleErrors), met: simpleErrors === 0 });
  const hostilePhase = phases.find((p) => p.hostile);
  const hostile5xx = hostilePhase?.hostile
    ? Object.values(hostilePhase.hostile).reduce(
        (n, k) => n + fiveHundreds(k.outcomes, (key) => Number(/^(\d{3}) /.exec(key)?.[1] ?? 0)),
        0,
      )
    : 0;
  const simple5xx = phases.reduce((n, p) => n + fiveHundreds(p.result.statuses, Number), 0);
  targets.push({
    what: '5xx answers 0',
    figure: `${simple5xx + hostile5xx} (simple ${simple5xx}, hostile ${hostile5xx})`,
    met: simple5xx + hostile5xx === 0,
  });
  const peak = Math.max(...phases.flatMap((p) => p.rss.map((s) => s.mib)));
  targets.push({ what: `server RSS peak < ${RSS_LIMIT_MIB} MiB`, figure: `${peak} MiB`, met: peak < RSS_LIMIT_MIB });
  if (o.hostile) {
    const [alone, loaded] = phases.map((p) => p.result.p99);
    const ratio = alone && loaded ? loaded / alone : null;
    targets.push({
      what: `p99 with hostile < ${P99_RATIO_LIMIT}× alone`,
      figure: ratio === null ? 'no p99 (no answer)' : `${ratio.toFixed(2)}× (${ms(loaded!)} / ${ms(alone!)})`,
      met: ratio !== null && ratio < P99_RATIO_LIMIT,
    });
  }
  lines.push('| Target | Figure | Met |', '| --- | --- | --- |');
  for (const t of targets) lines.push(`| ${t.what} | ${t.figure} | ${t.met ? 'yes' : '**no**'} |`);
  lines.push('');

  lines.push('Server RSS (MiB) every 5 s:');
  for (const p of phases)
    lines.push(
      `- ${p.name}: ${p.rss
        .filter((s, i) => i % 5 === 0 || i === p.rss.length - 1)
        .map((s) => `${s.s} s ${s.mib}`)
        .join(', ')}`,
    );
  lines.push('');

  if (hostilePhase?.hostile) {
    const tally = hostilePhase.hostile;
    const total = Object.values(tally).reduce((n, k) => n + k.requests, 0);
    lines.push(
      `Hostile requests: ${total} in ${hostilePhase.seconds.toFixed(0)} s (${(total / hostilePhase.seconds).toFixed(1)}/s) on ${o.hostileConnections} loops, answered as:`,
      '',
    );
    lines.push('| Kind | Requests | Outcomes | Slowest | Largest answer |', '| --- | --- | --- | --- | --- |');
    for (const kind of hostileKinds) {
      const k = tally[kind];
      lines.push(`| ${kind} | ${k.requests} | ${listed(k.outcomes)} | ${k.slowestMs} ms | ${k.largestBytes} B |`);
    }
    lines.push('');
  }
  return { text: lines.join('\n'), missed: targets.some((t) => !t.met) };
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await cleanup.run();
}
