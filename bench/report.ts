/**
 * What a benchmark run records and how it is shown: the result JSON (bench/results/), the
 * lines printed while it runs, and docs/benchmarks.md, rewritten from the result.
 *
 * Goals (docs/DESIGN targets), judged per operation for this server ("ours"):
 * - throughput at least 0.7× the raw driver's, at every size measured;
 * - throughput ahead of @neo4j/graphql's, at every size measured;
 * - p99 at the 1m corpus within 2× p99 on the article (needs both sizes in one run);
 * - Cypher round trips per request no more than the operation's depth.
 */
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import type { ServerName } from './equivalence.js';
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
  warmupSeconds: number;
  connections: number;
  rate: number;
  seed: number;
}

export interface OpResult {
  throughput: LoadResult;
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
const fmt = (n: number | null | undefined, digits = 0) =>
  n === undefined || n === null || Number.isNaN(n) ? '—' : n === Infinity ? '∞' : n.toFixed(digits);
// Over a server that completed nothing, any progress is infinitely ahead; nothing over nothing is no ratio.
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a === undefined || a === null || b === undefined || b === null || (a === 0 && b === 0) ? undefined : a / b;

/** One printed line per measurement, as the run goes. */
export function progressLine(size: string, op: OperationName, server: ServerName, phase: 'throughput' | 'latency', r: LoadResult): string {
  const what =
    phase === 'throughput'
      ? `${fmt(r.rps, 0).padStart(7)} req/s`
      : `p50 ${fmt(r.p50, 1).padStart(7)} ms  p99 ${fmt(r.p99, 1).padStart(7)} ms`;
  const errors = errorsOf(r);
  return `  ${size.padEnd(7)} ${op.padEnd(16)} ${server.padEnd(5)} ${phase.padEnd(10)} ${what}  (${r.requests} requests${errors ? `, ${errors} errors: ${r.errors.non2xx} non-2xx, ${r.errors.failed} failed, ${r.errors.graphql} GraphQL` : ''})`;
}

/** The ratios printed after each operation. */
export function ratioLine(size: string, op: OperationName, byServer: Partial<Record<ServerName, OpResult>>): string {
  const ours = byServer.ours?.throughput.rps;
  return `  ${size.padEnd(7)} ${op.padEnd(16)} ours/raw ${fmt(ratio(ours, byServer.raw?.throughput.rps), 2)}×  ours/peer ${fmt(ratio(ours, byServer.peer?.throughput.rps), 2)}×`;
}

type Verdict = { met: boolean; text: string } | null;

function throughputGoal(result: BenchResult, op: OperationName, other: ServerName, meets: (r: number) => boolean): Verdict {
  const seen = result.sizes.flatMap((s) => {
    const r = ratio(s.results[op]?.ours?.throughput.rps, s.results[op]?.[other]?.throughput.rps);
    return r === undefined ? [] : [{ size: s.size, r }];
  });
  if (!seen.length) return null;
  const missed = seen.filter((x) => !meets(x.r));
  const range = seen.map((x) => `${x.size} ${fmt(x.r, 2)}×`).join(', ');
  return { met: !missed.length, text: missed.length ? `missed at ${missed.map((x) => x.size).join(', ')} (${range})` : `met (${range})` };
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
    `To repeat this run: \`npm run bench -- --sizes ${s.sizes.join(',')} --ops ${s.ops.join(',')} --servers ${s.servers.join(',')} --duration ${s.durationSeconds} --warmup ${s.warmupSeconds} --connections ${s.connections} --rate ${s.rate} --seed ${s.seed}\` (\`--port\` and \`--neo4j-port\` choose the loopback ports; corpora are generated into \`.bench-data/\` on first use).`,
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
    '  - *raw*: the practical limit, hand-written tuned Cypher (`bench/raw/*.cypher`, one query per operation) behind a bare `node:http` handler, `bench/raw-server.ts`;',
    '  - *peer*: @neo4j/graphql 7 on graphql-yoga with its own type definitions (`bench/peer/type-defs.graphql`), `bench/peer-server.ts`.',
    '- **Operations** (`bench/operations.ts`), the same question to each server (the peer in its own dialect):',
    ...ops.map((op) => `  - \`${op}\`: ${operations[op].summary}.`),
    `- **Data**: the corpora of \`bench/corpus/\` (\`article\` is the real article; the others are synthetic with the same shape). Variables: about 50 sets per operation, picked with seed ${s.seed} by the Cypher in \`bench/sample/\` (the 10 hubs, then random ones; for \`path\`, pairs of people within 4 hops joined by at most 100 shortest chains); requests cycle through them.`,
    '- **Warm cache**: after Neo4j starts, every node and relationship is read once, so the store is in its page cache before anything is measured.',
    '- **Clean hand-over**: after each load phase, queries a server left running in Neo4j (requests the load generator gave up on) are ended with `TERMINATE TRANSACTIONS`, and again as they are retried until Neo4j has run nothing for 1.5 s (at most a minute), so they do not slow down the next server measured; the run log says how many.',
    '- **Check first**: before measuring, a few variable sets per operation are sent to every server and the answers compared after the normalisation documented in `bench/equivalence.ts`; a differing answer stops the run, a missing one (error or over 30 s) is reported below.',
    `- **Load** (\`bench/load.ts\`): throughput at saturation with autocannon, ${s.connections} connections for ${s.durationSeconds} s; requests still in flight when the run ends are not counted, so a server slower than the run is long shows few requests rather than errors. Latency at a fixed ${s.rate} requests/s for ${s.durationSeconds} s, open loop: requests evenly spaced over up to ${s.connections} connections, each timed from when it was due, and every one waited for (not autocannon's fixed rate, which sends each second's requests in a burst; see \`bench/load.ts\`). ${s.warmupSeconds} s warm-up per server and operation first. Servers take turns in rotating order, operation by operation. Errors are non-2xx answers, failed connections and timeouts (10 s), and GraphQL \`errors\` in 2xx bodies (every body is checked).`,
    '- **Round trips**: each operation is run once per checked variable set through `createApp` in-process, counting the queries `GraphDb` sends (`onQuery`); depth is the number of nested fields with selections on the longest branch.',
    '',
    '## Goals',
    '',
  );
  table(
    ['Operation', 'Throughput ≥ 0.7× raw', 'Throughput ahead of peer', 'p99 at 1m ≤ 2× article', 'Round trips ≤ depth'],
    ops.map((op) => {
      return [
        `\`${op}\``,
        verdict(throughputGoal(result, op, 'raw', (r) => r >= 0.7)),
        verdict(throughputGoal(result, op, 'peer', (r) => r > 1)),
        p99Growth(result, op).text,
        verdict(roundTripGoal(result, op)),
      ];
    }),
  );

  // A server whose saturated throughput is below the fixed rate cannot keep up with it: its requests queue.
  const behind = (x: OpResult) => x.throughput.rps < s.rate;
  lines.push(
    '## Results',
    '',
    `† answers fewer than ${s.rate} requests/s even at saturation, so at the fixed rate its requests queue and its latency includes that wait.`,
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
    table(
      [
        'Operation',
        'ours req/s',
        'raw req/s',
        'peer req/s',
        'ours/raw',
        'ours/peer',
        'ours p50 / p99 ms',
        'raw p50 / p99 ms',
        'peer p50 / p99 ms',
        'Errors (ours/raw/peer)',
      ],
      ops.map((op) => {
        if (size.skipped[op]) return [`\`${op}\``, `skipped: ${size.skipped[op]}`, '', '', '', '', '', '', '', ''];
        const r = size.results[op] ?? {};
        const lat = (x?: OpResult) => (x ? `${fmt(x.latency.p50, 1)} / ${fmt(x.latency.p99, 1)}${behind(x) ? ' †' : ''}` : '—');
        const errs = (x?: OpResult) => (x ? String(errorsOf(x.throughput) + errorsOf(x.latency)) : '—');
        return [
          `\`${op}\``,
          fmt(r.ours?.throughput.rps),
          fmt(r.raw?.throughput.rps),
          fmt(r.peer?.throughput.rps),
          `${fmt(ratio(r.ours?.throughput.rps, r.raw?.throughput.rps), 2)}×`,
          `${fmt(ratio(r.ours?.throughput.rps, r.peer?.throughput.rps), 2)}×`,
          lat(r.ours),
          lat(r.raw),
          lat(r.peer),
          `${errs(r.ours)} / ${errs(r.raw)} / ${errs(r.peer)}`,
        ];
      }),
    );
  }

  lines.push('## p99 of this server as the graph grows', '');
  const sizes = result.sizes.map((x) => x.size);
  lines.push(
    "The 1m samples include the corpus's 10 largest hubs (bench/sample/), so its p99 is the time of a hub. Raw's growth, beside it, is what the same questions cost with one hand-written query each.",
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
