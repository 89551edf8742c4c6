/**
 * What a benchmark run records and how it is shown: the result JSON (bench/results/), the
 * lines printed while it runs, and docs/benchmarks.md, rewritten from the result.
 *
 * Terminology: a *round* is one throughput run of every server in turn on one operation; an
 * operation's throughput is measured in several rounds, interleaved (ours, raw, peer, raw,
 * peer, ours, …), and a server's figure is the *median* over its rounds with their *spread*
 * (lowest–highest). A ratio (ours/raw, ours/peer) is taken within each round, between runs
 * seconds apart, and summarised the same way. *CPU per request* is the CPU time a process (the
 * server's Node process, or the Neo4j JVM) used during a round (bench/cpu.ts) over the
 * requests answered in it.
 *
 * Goals (docs/DESIGN targets), judged per operation for this server ("ours"):
 * - throughput (median ratio over rounds) at least 0.7× the raw driver's, at every size measured;
 * - throughput (median ratio over rounds) ahead of @neo4j/graphql's, at every size measured;
 * - p99 at the 1m corpus within 2× p99 on the article (needs both sizes in one run);
 * - Cypher round trips per request no more than the operation's depth.
 */
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { serverNames, type ServerName } from './equivalence.js';
import type { LoadResult } from './load.js';
import { operations, type OperationName, type Samples } from './operations.js';

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  os: string;
  node: string;
  neo4j: string;
  /** 1-minute load average when the run began: other work on the machine shows here. */
  loadAverage: number;
}

export interface Settings {
  sizes: string[];
  ops: OperationName[];
  servers: ServerName[];
  durationSeconds: number;
  /** Throughput rounds per operation, each `durationSeconds` long per server. */
  rounds: number;
  warmupSeconds: number;
  connections: number;
  rate: number;
  seed: number;
}

/**
 * One server's throughput run in one round (1-based, in the order run), with the CPU time its
 * Node process and the Neo4j JVM used from just before the run to just after it (ms; null
 * where /proc could not be read).
 */
export interface ThroughputRound {
  round: number;
  result: LoadResult;
  nodeCpuMs: number | null;
  neo4jCpuMs: number | null;
}

export interface OpResult {
  throughput: ThroughputRound[];
  latency: LoadResult;
}

export interface SizeResult {
  size: string;
  nodes: number;
  relationships: number;
  /** Variable sets compared across servers, how many answers differed, and the requests that got no answer. */
  equivalence: { checked: number; differences: number; failures: { op: OperationName; server: ServerName; error: string }[] };
  /** This server's Cypher round trips per request (most over the checked samples) and the operation's depth. */
  roundTrips: Partial<Record<OperationName, { trips: number; depth: number }>>;
  /** CPU ms per second of each process with no load, after the warm-up ("neo4j": the JVM; null: not read). */
  idleCpuMsPerSecond: Partial<Record<ServerName | 'neo4j', number | null>>;
  results: Partial<Record<OperationName, Partial<Record<ServerName, OpResult>>>>;
  /** Operations left out at this size, and why. */
  skipped: Partial<Record<OperationName, string>>;
  samples: Samples;
}

export interface BenchResult {
  startedAt: string;
  finishedAt: string | null;
  /** The commit this server was measured at, with "+changes" when src/ or cypher/ differed from it. */
  commit: string;
  machine: Machine;
  settings: Settings;
  sizes: SizeResult[];
}

export function describeMachine(neo4jVersion: string): Machine {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
    neo4j: neo4jVersion,
    loadAverage: Math.round(loadavg()[0]! * 100) / 100,
  };
}

const errorsOf = (r: LoadResult) => r.errors.non2xx + r.errors.failed + r.errors.graphql;
const throughputErrors = (x: OpResult) => x.throughput.reduce((n, t) => n + errorsOf(t.result), 0);
const fmt = (n: number | null | undefined, digits = 0) =>
  n === undefined || n === null || Number.isNaN(n) ? '—' : n === Infinity ? '∞' : n.toFixed(digits);
// Over a server that completed nothing, any progress is infinitely ahead; nothing over nothing is no ratio.
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a === undefined || a === null || b === undefined || b === null || (a === 0 && b === 0) ? undefined : a / b;

interface Spread {
  median: number;
  min: number;
  max: number;
}

/** Median (the mean of the middle two for an even count) and range; undefined for no values. */
function spreadOf(values: number[]): Spread | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)! };
}

/** A server's req/s over its rounds. */
const rpsSpread = (x?: OpResult) => spreadOf(x?.throughput.map((t) => t.result.rps) ?? []);

/** `of`'s req/s over `other`'s (`of` is ours unless named), within each round both ran, over the rounds. */
function ratioSpread(byServer: Partial<Record<ServerName, OpResult>>, other: ServerName, of: ServerName = 'ours'): Spread | undefined {
  const theirs = new Map(byServer[other]?.throughput.map((t) => [t.round, t.result.rps]));
  return spreadOf(
    (byServer[of]?.throughput ?? []).flatMap((t) => {
      const r = ratio(t.result.rps, theirs.get(t.round));
      return r === undefined ? [] : [r];
    }),
  );
}

/** A server's CPU ms per request answered, in its own process or in Neo4j, over the rounds that answered any. */
const cpuSpread = (x: OpResult | undefined, where: 'nodeCpuMs' | 'neo4jCpuMs') =>
  spreadOf(x?.throughput.flatMap((t) => (t[where] === null || !t.result.requests ? [] : [t[where] / t.result.requests])) ?? []);

/** "median (min–max)"; the range is left out when there is one value. */
const fmtSpread = (x: Spread | undefined, digits = 0, unit = '') =>
  x === undefined
    ? '—'
    : x.min === x.max
      ? `${fmt(x.median, digits)}${unit}`
      : `${fmt(x.median, digits)}${unit} (${fmt(x.min, digits)}–${fmt(x.max, digits)})`;

const counted = (r: LoadResult) => {
  const errors = errorsOf(r);
  return `(${r.requests} requests${errors ? `, ${errors} errors: ${r.errors.non2xx} non-2xx, ${r.errors.failed} failed, ${r.errors.graphql} GraphQL` : ''})`;
};

/** The line printed after each server's throughput round. */
export function throughputLine(size: string, op: OperationName, server: ServerName, rounds: number, t: ThroughputRound): string {
  const phase = `round ${t.round}/${rounds}`;
  const perRequest = (ms: number | null) => fmt(ms === null || !t.result.requests ? null : ms / t.result.requests, 2).padStart(6);
  return `  ${size.padEnd(7)} ${op.padEnd(16)} ${server.padEnd(5)} ${phase.padEnd(10)} ${fmt(t.result.rps, 0).padStart(7)} req/s  CPU ms/req Node ${perRequest(t.nodeCpuMs)}  Neo4j ${perRequest(t.neo4jCpuMs)}  ${counted(t.result)}`;
}

/** The median CPU per request of each server, printed after each operation's rounds. */
export function cpuLine(size: string, op: OperationName, byServer: Partial<Record<ServerName, OpResult>>): string {
  const of = (where: 'nodeCpuMs' | 'neo4jCpuMs') =>
    serverNames
      .filter((name) => byServer[name])
      .map((name) => `${name} ${fmt(cpuSpread(byServer[name], where)?.median, 2)}`)
      .join(', ');
  return `  ${size.padEnd(7)} ${op.padEnd(16)} median CPU ms/request: Node ${of('nodeCpuMs')}; Neo4j ${of('neo4jCpuMs')}`;
}

/** The line printed after each server's latency run. */
export function latencyLine(size: string, op: OperationName, server: ServerName, r: LoadResult): string {
  return `  ${size.padEnd(7)} ${op.padEnd(16)} ${server.padEnd(5)} ${'latency'.padEnd(10)} p50 ${fmt(r.p50, 1).padStart(7)} ms  p99 ${fmt(r.p99, 1).padStart(7)} ms  ${counted(r)}`;
}

/** The medians and ratios printed after each operation's rounds. */
export function summaryLine(size: string, op: OperationName, byServer: Partial<Record<ServerName, OpResult>>): string {
  const servers = serverNames.filter((name) => byServer[name]).map((name) => `${name} ${fmtSpread(rpsSpread(byServer[name]))}`);
  const rounds = Math.max(...Object.values(byServer).map((x) => x.throughput.length));
  const yoga = byServer.yoga
    ? `  ours/yoga ${fmtSpread(ratioSpread(byServer, 'yoga'), 2, '×')}  yoga/raw ${fmtSpread(ratioSpread(byServer, 'raw', 'yoga'), 2, '×')}`
    : '';
  return `  ${size.padEnd(7)} ${op.padEnd(16)} median of ${rounds} round${rounds === 1 ? '' : 's'} (min–max): ${servers.join(', ')} req/s; ours/raw ${fmtSpread(ratioSpread(byServer, 'raw'), 2, '×')}  ours/peer ${fmtSpread(ratioSpread(byServer, 'peer'), 2, '×')}${yoga}`;
}

type Verdict = { met: boolean; text: string } | null;

/** Judged on the median ratio at each size; a size whose rounds fall on both sides of the line is named as not settled. */
function throughputGoal(result: BenchResult, op: OperationName, other: ServerName, meets: (r: number) => boolean): Verdict {
  const seen = result.sizes.flatMap((s) => {
    const r = ratioSpread(s.results[op] ?? {}, other);
    return r === undefined ? [] : [{ size: s.size, r }];
  });
  if (!seen.length) return null;
  const missed = seen.filter((x) => !meets(x.r.median));
  const unsettled = seen.filter((x) => meets(x.r.min) !== meets(x.r.max));
  const range = seen.map((x) => `${x.size} ${fmtSpread(x.r, 2, '×')}`).join(', ');
  const text = `${missed.length ? `missed at ${missed.map((x) => x.size).join(', ')}` : 'met'}${unsettled.length ? `; rounds on both sides at ${unsettled.map((x) => x.size).join(', ')}` : ''} (${range})`;
  return { met: !missed.length, text };
}

/** p99 of a server at 1m over its p99 on the article, for one operation; the goal's verdict for this server, with raw's growth beside it. */
function p99Growth(result: BenchResult, op: OperationName, server: ServerName = 'ours'): { text: string; ratio?: number } {
  const at = (size: string) => result.sizes.find((s) => s.size === size);
  const article = at('article');
  const large = at('1m');
  if (!article || !large) return { text: 'needs article and 1m in one run' };
  const a = article.results[op]?.[server]?.latency.p99;
  const l = large.results[op]?.[server]?.latency.p99;
  if (a === undefined || a === null || l === undefined) return { text: 'not measured' };
  if (l === null) return { text: '❌ missed (no request completed within the run at 1m)' };
  const r = l / a;
  const raw = server === 'ours' ? p99Growth(result, op, 'raw').ratio : undefined;
  return {
    text: `${r <= 2 ? '✅ met' : '❌ missed'} (${r.toFixed(2)}×: ${a.toFixed(1)} → ${l.toFixed(1)} ms${raw !== undefined ? `; raw ${raw.toFixed(2)}×` : ''})`,
    ratio: r,
  };
}

function roundTripGoal(result: BenchResult, op: OperationName): Verdict {
  const seen = result.sizes.flatMap((s) => (s.roundTrips[op] ? [s.roundTrips[op]!] : []));
  if (!seen.length) return null;
  const trips = Math.max(...seen.map((x) => x.trips));
  const depth = seen[0]!.depth;
  return { met: trips <= depth, text: `${trips} round trip${trips === 1 ? '' : 's'}, depth ${depth}` };
}

/** The yoga baseline over raw at each size: how near 0.7× raw a server on this stack can come. */
function ceiling(result: BenchResult, op: OperationName): string {
  const seen = result.sizes.flatMap((s) => {
    const r = ratioSpread(s.results[op] ?? {}, 'raw', 'yoga');
    return r === undefined ? [] : [`${s.size} ${fmtSpread(r, 2, '×')}`];
  });
  return seen.length ? seen.join(', ') : 'not measured';
}

const verdict = (v: Verdict) => (v ? `${v.met ? '✅' : '❌'} ${v.text}` : 'not measured');

export function renderMarkdown(result: BenchResult): string {
  const { machine: m, settings: s } = result;
  const ops = s.ops;
  const lines: string[] = [];
  const table = (header: string[], rows: string[][]) => {
    lines.push(`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`), '');
  };

  lines.push(
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (bench/run.ts) on ${result.finishedAt ?? result.startedAt}, measuring this server at commit ${result.commit}; run it again to rewrite this page. The raw figures are in \`bench/results/latest.json\`.`,
    '',
    `To repeat this run: \`npm run bench -- --sizes ${s.sizes.join(',')} --ops ${s.ops.join(',')} --servers ${s.servers.join(',')} --duration ${s.durationSeconds} --rounds ${s.rounds} --warmup ${s.warmupSeconds} --connections ${s.connections} --rate ${s.rate} --seed ${s.seed}\` (\`--port\` and \`--neo4j-port\` choose the loopback ports; corpora are generated into \`.bench-data/\` on first use).`,
    '',
    '## Machine',
    '',
  );
  table(
    ['CPU', 'Cores', 'RAM', 'OS', 'Node', 'Neo4j', 'Load average at start'],
    [[m.cpu, String(m.cores), `${m.ramGiB} GiB`, m.os, m.node, m.neo4j, String(m.loadAverage)]],
  );
  lines.push(
    'The servers, Neo4j and autocannon share these cores, so the figures are for comparing the servers with each other and sizes with each other on this machine, not absolute capacity. A load average above the core count at the start means other work was running.',
    '',
    '## Method',
    '',
    '- **Servers**, each in its own Node process on loopback, over the same local Neo4j and the same data:',
    '  - *ours*: this server (`src/yoga.ts` on `src/server.ts`, GraphiQL off), from `bench/ours-server.ts`;',
    "  - *raw*: the practical limit, hand-written tuned Cypher (`bench/raw/*.cypher`, one query per operation, each returning the answer's JSON) behind a bare `node:http` handler, `bench/raw-server.ts`. Its Cypher is as good as this server's: pages of a hub are read in order from the same indexes, and `path` runs this server's own query (`cypher/read/path.cypher`), with its last clause returning only the answer's fields; so what differs is GraphQL and everything around it;",
    '  - *peer*: @neo4j/graphql 7 on graphql-yoga with its own type definitions (`bench/peer/type-defs.graphql`), `bench/peer-server.ts`;',
    "  - *yoga*: the ceiling of this stack, raw's one query per operation answered through this server's GraphQL app (graphql-yoga with all of `src/yoga.ts`'s plugins and defences) over a schema of just the fields asked, with graphql-js's default resolvers below the root, `bench/yoga-server.ts`. *yoga/raw* is what yoga costs; *ours/yoga*, what this server's resolvers and general Cypher cost.",
    '- **Operations** (`bench/operations.ts`), the same question to each server (the peer in its own dialect):',
    ...ops.map((op) => `  - \`${op}\`: ${operations[op].summary}.`),
    `- **Data**: the corpora of \`bench/corpus/\` (\`article\` is the real article; the others are synthetic with the same shape). Variables: about 50 sets per operation, picked with seed ${s.seed} by the Cypher in \`bench/sample/\` (the 10 hubs, then random ones; for \`path\`, pairs of people within 4 hops joined by at most 100 shortest chains); requests cycle through them.`,
    '- **Warm cache**: after Neo4j starts, every node and relationship is read once, so the store is in its page cache before anything is measured.',
    '- **Clean hand-over**: after each load phase, queries a server left running in Neo4j (requests the load generator gave up on) are ended with `TERMINATE TRANSACTIONS`, and again as they are retried until Neo4j has run nothing for 1.5 s (at most a minute), so they do not slow down the next server measured; the run log says how many.',
    '- **Check first**: before measuring, a few variable sets per operation are sent to every server and the answers compared after the normalisation documented in `bench/equivalence.ts`; a differing answer stops the run, a missing one (error or over 30 s) is reported below.',
    `- **Load** (\`bench/load.ts\`): ${s.warmupSeconds} s warm-up per server and operation first. Then, operation by operation:`,
    `  - *throughput* at saturation with autocannon, ${s.connections} connections, in ${s.rounds} interleaved round${s.rounds === 1 ? '' : 's'} of ${s.durationSeconds} s per server: each round runs every server once, and the order rotates from round to round and from operation to operation (${s.servers.join(', ')}; then ${[...s.servers.slice(1), s.servers[0]].join(', ')}; …), so that a slow spell on this shared machine falls on every server rather than on one. A server's req/s is the median over its rounds, with the lowest–highest in brackets${s.rounds === 2 ? ' (with two rounds the median is their mean)' : ''}. A ratio is taken within each round (two runs seconds apart) and summarised the same way; a goal is judged on the median ratio, and names the sizes where the rounds fall on both sides of its line. Requests still in flight when a round ends are not counted, so a server slower than the round is long shows few requests rather than errors;`,
    `  - *latency* at a fixed ${s.rate} requests/s for ${s.durationSeconds} s, once per server after the rounds, open loop: requests evenly spaced over up to ${s.connections} connections, each timed from when it was due, and every one waited for (not autocannon's fixed rate, which sends each second's requests in a burst; see \`bench/load.ts\`).`,
    '  Errors are non-2xx answers, failed connections and timeouts (10 s), and GraphQL `errors` in 2xx bodies (every body is checked).',
    "- **CPU per request** (`bench/cpu.ts`), beside each throughput round: the CPU time (user + system, `/proc/<pid>/stat` fields 14 and 15, in clock ticks of 10 ms, all threads) of the server's Node process and of the Neo4j JVM (found by its command line, which names the corpus's data folder and Bolt port), read just before and just after the round; each difference divided by the requests answered in that round gives *Node CPU ms/req* and *Neo4j CPU ms/req*, and the table shows the median over the rounds. Being time spent on a core, not waiting for one, it is less moved than req/s by other work on the machine, though not unmoved (that work still competes for caches). What it leaves out or takes in: autocannon runs in the benchmark's own process and is counted in neither; the other servers, idle during the round, are not counted; background work (the JVM's checkpoints and garbage collection, a server's timers) is counted in the round it falls in: each process's rate at rest, measured for 3 s after the warm-up, is given under each size, and a process using B ms per second at rest adds about B ÷ (req/s) to each request's figure; and requests still in flight when a round ends are not in the request count, while the CPU spent on them so far is.",
    '- **Round trips**: each operation is run once per checked variable set through `createApp` in-process, counting the queries `GraphDb` sends (`onQuery`); depth is the number of nested fields with selections on the longest branch.',
    '',
    '## Goals',
    '',
  );
  table(
    [
      'Operation',
      'Throughput ≥ 0.7× raw',
      'For scale: yoga/raw',
      'Throughput ahead of peer',
      'p99 at 1m ≤ 2× article',
      'Round trips ≤ depth',
    ],
    ops.map((op) => {
      return [
        `\`${op}\``,
        verdict(throughputGoal(result, op, 'raw', (r) => r >= 0.7)),
        ceiling(result, op),
        verdict(throughputGoal(result, op, 'peer', (r) => r > 1)),
        p99Growth(result, op).text,
        verdict(roundTripGoal(result, op)),
      ];
    }),
  );

  // A server whose saturated throughput is below the fixed rate cannot keep up with it: its requests queue.
  const behind = (x: OpResult) => (rpsSpread(x)?.median ?? 0) < s.rate;
  lines.push(
    '## Results',
    '',
    `† answers fewer than ${s.rate} requests/s even at saturation (the median of its rounds), so at the fixed rate its requests queue and its latency includes that wait.`,
    '',
  );
  for (const size of result.sizes) {
    lines.push(`### ${size.size}: ${size.nodes.toLocaleString('en')} nodes, ${size.relationships.toLocaleString('en')} relationships`, '');
    const e = size.equivalence;
    const failed = e.failures.map((f) => `${f.server} on \`${f.op}\` (${f.error.slice(0, 120)})`);
    lines.push(
      `Equivalence check: ${e.checked} variable sets, ${e.differences === 0 ? 'no differing answers' : `${e.differences} differing answers`}${failed.length ? `; no answer from ${failed.join('; ')}` : ''}.`,
      '',
    );
    const measured = ops.filter((op) => !size.skipped[op]);
    for (const op of ops) if (size.skipped[op]) lines.push(`\`${op}\` skipped: ${size.skipped[op]}.`, '');
    const rest = Object.entries(size.idleCpuMsPerSecond).map(([k, v]) => `${k === 'neo4j' ? 'Neo4j' : k} ${fmt(v, 1)}`);
    lines.push(
      `Throughput at saturation, median of ${s.rounds} round${s.rounds === 1 ? '' : 's'} (lowest–highest), and CPU per request answered in each server's Node process and in Neo4j (median over the rounds). At rest, in CPU ms per second: ${rest.join(', ')}.`,
      '',
    );
    const cpu = (r: Partial<Record<ServerName, OpResult>>, where: 'nodeCpuMs' | 'neo4jCpuMs') =>
      s.servers.map((name) => fmt(cpuSpread(r[name], where)?.median, 2)).join(' / ');
    const withYoga = s.servers.includes('yoga');
    table(
      [
        'Operation',
        ...s.servers.map((name) => `${name} req/s`),
        'ours/raw',
        'ours/peer',
        ...(withYoga ? ['ours/yoga', 'yoga/raw'] : []),
        `Node CPU ms/req (${s.servers.join(' / ')})`,
        `Neo4j CPU ms/req (${s.servers.join(' / ')})`,
      ],
      measured.map((op) => {
        const r = size.results[op] ?? {};
        return [
          `\`${op}\``,
          ...s.servers.map((name) => fmtSpread(rpsSpread(r[name]))),
          fmtSpread(ratioSpread(r, 'raw'), 2, '×'),
          fmtSpread(ratioSpread(r, 'peer'), 2, '×'),
          ...(withYoga ? [fmtSpread(ratioSpread(r, 'yoga'), 2, '×'), fmtSpread(ratioSpread(r, 'raw', 'yoga'), 2, '×')] : []),
          cpu(r, 'nodeCpuMs'),
          cpu(r, 'neo4jCpuMs'),
        ];
      }),
    );
    lines.push(`Latency at ${s.rate} requests/s, and errors in all phases:`, '');
    table(
      ['Operation', ...s.servers.map((name) => `${name} p50 / p99 ms`), `Errors (${s.servers.join('/')})`],
      measured.map((op) => {
        const r = size.results[op] ?? {};
        const lat = (x?: OpResult) => (x ? `${fmt(x.latency.p50, 1)} / ${fmt(x.latency.p99, 1)}${behind(x) ? ' †' : ''}` : '—');
        const errs = (x?: OpResult) => (x ? String(throughputErrors(x) + errorsOf(x.latency)) : '—');
        return [`\`${op}\``, ...s.servers.map((name) => lat(r[name])), s.servers.map((name) => errs(r[name])).join(' / ')];
      }),
    );
  }

  lines.push('## p99 of this server as the graph grows', '');
  const sizes = result.sizes.map((x) => x.size);
  lines.push(
    "The 1m samples include the corpus's 10 largest hubs (bench/sample/), so its p99 is the time of a hub. Raw's growth, beside it, is what the same questions cost with one hand-written query each, reading hubs from the same indexes.",
    '',
  );
  table(
    ['Operation', ...sizes.map((x) => `p99 ${x} (ms)`), 'p99 1m / p99 article', 'raw: p99 1m / p99 article'],
    ops.map((op) => [
      `\`${op}\``,
      ...result.sizes.map((x) => fmt(x.results[op]?.ours?.latency.p99, 1)),
      fmt(p99Growth(result, op).ratio, 2),
      fmt(p99Growth(result, op, 'raw').ratio, 2),
    ]),
  );

  lines.push('## Cypher round trips per request (this server)', '');
  table(
    ['Operation', 'Depth', ...sizes.map((x) => `Round trips, ${x}`)],
    ops.map((op) => [
      `\`${op}\``,
      String(result.sizes.find((x) => x.roundTrips[op])?.roundTrips[op]?.depth ?? '—'),
      ...result.sizes.map((x) => String(x.roundTrips[op]?.trips ?? '—')),
    ]),
  );
  return `${lines.join('\n').trimEnd()}\n`;
}
