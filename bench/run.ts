/**
 * `npm run bench`: this server against the raw driver, @neo4j/graphql 7 and the ceiling of
 * this stack (raw's queries through this server's yoga app), size by size.
 *
 * For each size: the corpus (bench/corpus/generate.ts `ensureCorpus`, generated on first use)
 * → the whole store read once into Neo4j's page cache → variables sampled from it
 * (bench/operations.ts) → the four servers started in child processes on loopback
 * (bench/servers.ts) → the equivalence check (bench/equivalence.ts; a differing answer stops
 * the run, a missing one is reported) → this server's Cypher round trips, in-process →
 * warm-up → CPU at rest → for each operation: throughput at saturation in interleaved rounds
 * (every server once per round, the order rotating from round to round), then latency at a
 * fixed rate once per server (bench/load.ts), each run followed by ending the queries the
 * server left running in Neo4j. Around each throughput round, the CPU time of the server's
 * process and of the Neo4j JVM is read from /proc (bench/cpu.ts), for CPU per request. Lines
 * are printed as results come in; the result is written to bench/results/<timestamp>.json and
 * bench/results/latest.json after each size, and docs/benchmarks.md is rewritten at the end
 * (bench/report.ts). Every process it starts is stopped on the way out, including on Ctrl-C.
 *
 * Options: --sizes article,10k,100k,1m  --ops <names>  --servers ours,raw,peer,yoga
 *          --duration 10 (s per round and per latency run)  --rounds 3 (throughput rounds)
 *          --warmup 3 (s)  --connections 16  --rate 50 (req/s)
 *          --seed 1 (corpus and sample)  --port 4121 (ours; raw, peer and yoga take the next three)
 *          --neo4j-port <port> (default: a free one)
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import { z } from 'zod';
import { GraphDb } from '../src/db/graph-db.js';
import { createApp } from '../src/yoga.js';
import { benchDataDir, ensureCorpus, isCorpusSize, type CorpusSize } from './corpus/generate.js';
import { commitUnderTest } from './commit.js';
import { cpuMeter, findNeo4jPid } from './cpu.js';
import { checkEquivalence, dataOf, requestBody, serverNames, spread, type ServerName } from './equivalence.js';
import { load } from './load.js';
import { depth, operationNames, operations, sampleVariables, type OperationName, type Samples } from './operations.js';
import { stopsOnExit, type Stops } from './cleanup.js';
import { warmPageCache } from './page-cache.js';
import {
  cpuLine,
  describeMachine,
  latencyLine,
  renderMarkdown,
  summaryLine,
  throughputLine,
  type BenchResult,
  type OpResult,
  type SizeResult,
  type ThroughputRound,
} from './report.js';
import { startServer, type RunningServer } from './servers.js';

const list = <T extends string>(
  name: string,
  allowed: readonly T[],
  valid: (v: string) => boolean = (v) => (allowed as readonly string[]).includes(v),
) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .refine((xs) => xs.length > 0 && xs.every(valid), { message: `--${name} takes a comma-separated list of ${allowed.join(', ')}` })
    .transform((xs) => [...new Set(xs)] as T[]);
const whole = (name: string, min: number) =>
  z.coerce
    .number()
    .int()
    .min(min, { message: `--${name} must be a whole number of at least ${min}` });

const optionsSchema = z.object({
  sizes: list<CorpusSize>('sizes', ['article', '10k', '100k', '1m'], isCorpusSize).default(['article', '10k', '100k', '1m']),
  ops: list<OperationName>('ops', operationNames).default([...operationNames]),
  servers: list<ServerName>('servers', serverNames).default([...serverNames]),
  duration: whole('duration', 1).default(10),
  rounds: whole('rounds', 1).default(3),
  warmup: whole('warmup', 0).default(3),
  connections: whole('connections', 1).default(16),
  rate: whole('rate', 1).default(50),
  seed: whole('seed', 0).default(1),
  port: whole('port', 1).max(65533).default(4121),
  'neo4j-port': whole('neo4j-port', 1).max(65535).optional(),
});

function readOptions() {
  const { values } = parseArgs({
    options: Object.fromEntries(Object.keys(optionsSchema.shape).map((k) => [k, { type: 'string' as const }])),
    strict: true,
  });
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('\n'));
  return parsed.data;
}

type Options = ReturnType<typeof readOptions>;

/** This server's Cypher round trips per request: the most over the checked variable sets it answered. */
async function roundTrips(uri: string, samples: Samples, ops: OperationName[]) {
  const db = new GraphDb({ uri, database: 'neo4j' });
  const app = createApp({ db, graphiql: false });
  const out: SizeResult['roundTrips'] = {};
  try {
    for (const op of ops) {
      let trips: number | null = null;
      for (const variables of spread(samples[op], 4)) {
        let count = 0;
        const off = db.onQuery(() => count++);
        try {
          const res = await app.fetch('http://bench/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: requestBody('ours', op, variables),
          });
          dataOf('ours', res.status, await res.text());
          trips = Math.max(trips ?? 0, count);
        } catch (error) {
          console.log(
            `  ${op} ${JSON.stringify(variables)}: not counted, no answer (${error instanceof Error ? error.message.slice(0, 200) : String(error)})`,
          );
        } finally {
          off();
        }
      }
      if (trips !== null) out[op] = { trips, depth: depth(operations[op].query) };
    }
  } finally {
    await db.close();
  }
  return out;
}

/** One request for the equivalence check; a server that takes over 30 s has failed it. */
async function http(url: string, body: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  return { status: res.status, text: await res.text() };
}

/**
 * Ends the queries a server left running in Neo4j when its load phase ended (a request the
 * load generator gave up on keeps its query running, up to the transaction timeout), so
 * they do not slow down the next server measured. A driver may retry a query it saw ended
 * (@neo4j/graphql's does, for up to 30 s, the first retry about a second later), so once
 * anything was ended this goes on until Neo4j has run nothing else for 1.5 s, or a minute has
 * passed. Says so when there were any.
 */
async function settle(driver: Driver, after: string): Promise<void> {
  const started = Date.now();
  const ended = new Set<string>();
  let quietSince = 0;
  const quiet = () => Date.now() - quietSince >= (ended.size ? 1500 : 0);
  do {
    // A transaction already ended stays listed, as "Terminated", until it has unwound.
    const { records } = await driver.executeQuery(
      "SHOW TRANSACTIONS YIELD transactionId, currentQuery, status WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' AND NOT status STARTS WITH 'Terminated' RETURN collect(transactionId) AS ids",
      {},
      { database: 'neo4j' },
    );
    const ids = (records[0]?.get('ids') as string[]).filter((id) => !ended.has(id));
    if (ids.length) {
      await driver.executeQuery('TERMINATE TRANSACTIONS $ids', { ids }, { database: 'neo4j' });
      for (const id of ids) ended.add(id);
      quietSince = Date.now();
    }
    if (ended.size) await new Promise((resolve) => setTimeout(resolve, 100));
  } while (!quiet() && Date.now() - started < 60_000);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (ended.size)
    console.log(
      `  Ended ${ended.size} quer${ended.size === 1 ? 'y' : 'ies'} in Neo4j after ${after}${quiet() ? `; idle for 1.5 s after ${seconds} s` : `; still busy after ${seconds} s, measuring on regardless`}.`,
    );
}

const IDLE_SECONDS = 3;

const rotate = <T>(xs: T[], by: number) => xs.map((_, i) => xs[(i + by) % xs.length]!);

async function benchSize(size: CorpusSize, o: Options, cleanup: Stops, onMachine: (version: string) => void): Promise<SizeResult> {
  console.log(`\n== ${size} ==`);
  const corpus = await ensureCorpus({
    size,
    seed: o.seed,
    log: (l) => console.log(`  ${l}`),
    ...(o['neo4j-port'] ? { port: o['neo4j-port'] } : {}),
  });
  cleanup.push(() => corpus.stop());
  // ensureCorpus does not say which process it started; the JVM's command line names its data folder and port.
  const neo4jPid = findNeo4jPid(benchDataDir(size), Number(new URL(corpus.uri).port));
  console.log(
    neo4jPid === null
      ? '  The Neo4j JVM was not found in /proc by its command line; its CPU is not measured.'
      : `  Neo4j JVM: pid ${neo4jPid}.`,
  );
  const driver = neo4j.driver(corpus.uri, undefined, { disableLosslessIntegers: true });
  cleanup.push(() => driver.close());
  const [component] = (
    await driver.executeQuery(
      'CALL dbms.components() YIELD name, versions, edition RETURN versions[0] + " " + edition AS version',
      {},
      { database: 'neo4j' },
    )
  ).records;
  onMachine(String(component?.get('version') ?? 'unknown'));
  await warmPageCache(driver);

  const samples = await sampleVariables(driver, 'neo4j', o.seed);
  const skipped: SizeResult['skipped'] = {};
  for (const op of o.ops) if (!samples[op].length) skipped[op] = 'no variables found in this corpus';
  const ops = o.ops.filter((op) => !skipped[op]);
  console.log(
    `  Sampled ${ops.map((op) => `${samples[op].length} ${op}`).join(', ')}${Object.keys(skipped).length ? `; skipping ${Object.keys(skipped).join(', ')}` : ''}.`,
  );

  const servers: Partial<Record<ServerName, RunningServer>> = {};
  for (const name of o.servers) {
    const server = await startServer(name, { uri: corpus.uri, port: o.port + serverNames.indexOf(name) });
    cleanup.push(() => server.stop());
    servers[name] = server;
    console.log(`  ${name} server ready at ${server.url} (pid ${server.pid})`);
  }

  const check = await checkEquivalence({
    samples,
    ops,
    servers: o.servers,
    ask: async (server, op, variables) => {
      const r = await http(servers[server]!.url, requestBody(server, op, variables));
      return dataOf(server, r.status, r.text);
    },
  });
  for (const f of check.failures)
    console.log(`  ${f.op} ${JSON.stringify(f.variables)}: ${f.server} gave no answer (${f.error.slice(0, 300)})`);
  if (check.differences.length) {
    for (const d of check.differences.slice(0, 5))
      console.error(
        `  ${d.op} ${JSON.stringify(d.variables)}: ${d.server} differs from ${d.reference}\n    ${d.reference}: ${JSON.stringify(d.expected).slice(0, 600)}\n    ${d.server}: ${JSON.stringify(d.actual).slice(0, 600)}`,
      );
    throw new Error(`The servers disagree on ${check.differences.length} answer(s) at size ${size}; not measuring.`);
  }
  console.log(
    `  Equivalence: ${check.checked} variable sets, no differing answers${check.failures.length ? `; ${check.failures.length} without an answer (above)` : ''}.`,
  );

  const trips = o.servers.includes('ours') ? await roundTrips(corpus.uri, samples, ops) : {};
  for (const op of ops)
    if (trips[op]) console.log(`  ${op}: ${trips[op]!.trips} Cypher round trip(s) per request, depth ${trips[op]!.depth}`);

  const bodies = (server: ServerName, op: OperationName) => samples[op].map((v) => requestBody(server, op, v));
  if (o.warmup > 0) {
    console.log(`  Warming up (${o.warmup} s per server and operation)…`);
    for (const op of ops)
      for (const name of o.servers) {
        await load({ url: servers[name]!.url, bodies: bodies(name, op), connections: o.connections, durationSeconds: o.warmup });
        await settle(driver, `the ${name} server's ${op} warm-up`);
      }
  }

  // What the processes spend doing nothing, so the CPU per request of a round can be read against it.
  const idle = cpuMeter({ neo4j: neo4jPid, ...Object.fromEntries(o.servers.map((name) => [name, servers[name]!.pid])) });
  await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
  const idleCpuMsPerSecond = Object.fromEntries(
    Object.entries(idle.stop()).map(([k, ms]) => [k, ms === null ? null : ms / IDLE_SECONDS]),
  ) as SizeResult['idleCpuMsPerSecond'];
  console.log(
    `  CPU at rest over ${IDLE_SECONDS} s, ms per second: ${Object.entries(idleCpuMsPerSecond)
      .map(([k, v]) => `${k} ${v === null ? '—' : v.toFixed(1)}`)
      .join(', ')}.`,
  );

  const results: SizeResult['results'] = {};
  for (const [i, op] of ops.entries()) {
    const byServer: Partial<Record<ServerName, OpResult>> = {};
    const throughput: Partial<Record<ServerName, ThroughputRound[]>> = {};
    for (let round = 1; round <= o.rounds; round++)
      for (const name of rotate(o.servers, i + round - 1)) {
        const meter = cpuMeter({ node: servers[name]!.pid, neo4j: neo4jPid });
        const result = await load({
          url: servers[name]!.url,
          bodies: bodies(name, op),
          connections: o.connections,
          durationSeconds: o.duration,
        });
        const cpu = meter.stop();
        const t: ThroughputRound = { round, result, nodeCpuMs: cpu.node, neo4jCpuMs: cpu.neo4j };
        (throughput[name] ??= []).push(t);
        console.log(throughputLine(size, op, name, o.rounds, t));
        await settle(driver, `the ${name} server's ${op} throughput round ${round}`);
      }
    for (const name of rotate(o.servers, i)) {
      const latency = await load({
        url: servers[name]!.url,
        bodies: bodies(name, op),
        connections: o.connections,
        durationSeconds: o.duration,
        overallRate: o.rate,
      });
      console.log(latencyLine(size, op, name, latency));
      await settle(driver, `the ${name} server's ${op} latency run`);
      byServer[name] = { throughput: throughput[name] ?? [], latency };
    }
    results[op] = byServer;
    console.log(summaryLine(size, op, byServer));
    console.log(cpuLine(size, op, byServer));
  }
  return {
    size,
    nodes: corpus.nodes,
    relationships: corpus.relationships,
    equivalence: {
      checked: check.checked,
      differences: check.differences.length,
      failures: check.failures.map(({ op, server, error }) => ({ op, server, error })),
    },
    roundTrips: trips,
    idleCpuMsPerSecond,
    results,
    skipped,
    samples,
  };
}

async function main() {
  const o = readOptions();
  // Per server and operation: the warm-up, the throughput rounds and one latency run, each
  // followed by the hand-over (about 2 s when it ends queries); plus about two minutes per size
  // to start Neo4j and the servers, sample, check and measure CPU at rest.
  const runs = (o.warmup > 0 ? 1 : 0) + o.rounds + 1;
  const perSize = o.ops.length * o.servers.length * (o.warmup + (o.rounds + 1) * o.duration + 2 * runs) + 120;
  const toGenerate = o.sizes.filter((s) => !existsSync(join(benchDataDir(s), 'corpus.json')));
  console.log(
    `Benchmark: sizes ${o.sizes.join(', ')}; operations ${o.ops.join(', ')}; servers ${o.servers.join(', ')}; ${o.rounds} throughput round${o.rounds === 1 ? '' : 's'} and one latency run of ${o.duration} s each per server, ${o.warmup} s warm-up, ${o.connections} connections, ${o.rate} req/s for latency.`,
  );
  console.log(
    `Expected run time: about ${Math.ceil((perSize * o.sizes.length) / 60)} min${toGenerate.length ? `, plus generating the ${toGenerate.join(', ')} corpus${toGenerate.length > 1 ? 'es' : ''} on first use (the 1m corpus takes the longest)` : ''}.`,
  );

  const startedAt = new Date();
  const result: BenchResult = {
    startedAt: startedAt.toISOString(),
    finishedAt: null,
    commit: commitUnderTest(),
    machine: describeMachine('unknown'),
    settings: {
      sizes: o.sizes,
      ops: o.ops,
      servers: o.servers,
      durationSeconds: o.duration,
      rounds: o.rounds,
      warmupSeconds: o.warmup,
      connections: o.connections,
      rate: o.rate,
      seed: o.seed,
    },
    sizes: [],
  };
  const resultsDir = new URL('./results/', import.meta.url);
  mkdirSync(resultsDir, { recursive: true });
  const save = () => {
    const json = `${JSON.stringify(result, null, 2)}\n`;
    writeFileSync(new URL(`${startedAt.toISOString().replace(/[:.]/g, '-')}.json`, resultsDir), json);
    writeFileSync(new URL('latest.json', resultsDir), json);
  };

  const cleanup = stopsOnExit('the servers and Neo4j');

  try {
    for (const size of o.sizes) {
      result.sizes.push(await benchSize(size, o, cleanup, (version) => (result.machine.neo4j = version)));
      await cleanup.run();
      save();
    }
    result.finishedAt = new Date().toISOString();
    save();
    const docs = new URL('../docs/', import.meta.url);
    mkdirSync(docs, { recursive: true });
    writeFileSync(new URL('benchmarks.md', docs), renderMarkdown(result));
    console.log(
      `\nDone in ${((Date.now() - startedAt.getTime()) / 60_000).toFixed(1)} min: bench/results/latest.json and docs/benchmarks.md written.`,
    );
  } finally {
    await cleanup.run();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
