/**
 * One load test against one server: POST /graphql with the given bodies in turn (each request
 * takes the next body, across all connections), either
 * - as fast as the connections allow (throughput at saturation), with autocannon; or
 * - at a fixed overall rate (latency), open loop: request i is due at start + i / rate, sent
 *   then (or as soon as one of the connections is free), and its latency counts from when it
 *   was due, so time spent waiting behind a slow server is measured, not omitted.
 *
 * autocannon's own fixed rate is not used for latency: each connection sends its share of a
 * second's requests back to back when a one-second timer fires (lib/httpClient.js,
 * `reqsMadeThisSecond`), so the "fixed rate" arrives as a burst every second, and its
 * correction for coordinated omission assumes a request every ceil(1 / rate) = 1 ms
 * (lib/run.js, `recordValueWithExpectedInterval`), which adds made-up samples to every slow
 * answer. Both made p99 at a fixed rate track how fast a burst drains, not how long a
 * request takes.
 *
 * Contract: `load(options)` resolves to requests per second, latency percentiles in
 * milliseconds (null when no request completed; at saturation, requests still in flight when
 * the run ends are not counted; at a fixed rate, every request sent is waited for, up to the
 * timeout from when it was due, and only good answers are timed and counted), and errors:
 * non-2xx answers, connection errors and timeouts (10 s), and 2xx answers whose body carries
 * GraphQL `errors` (every body is checked); and every answer counted by HTTP status and by
 * the `extensions.code` of its errors, so a soak can tell a refusal from a failure.
 */
import { Agent, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  bodies: string[];
  connections: number;
  durationSeconds: number;
  /** Requests per second across all connections; unset means as fast as possible. */
  overallRate?: number;
}

export interface LoadResult {
  rps: number;
  /** null when no request completed within the run. */
  p50: number | null;
  p99: number | null;
  requests: number;
  errors: { non2xx: number; failed: number; graphql: number };
  /** Answers by HTTP status ("200", "400", "503", …); failed requests have none. */
  statuses: Record<string, number>;
  /** Answers by the `extensions.code` of their errors, each code once per answer ("none": an error without one). */
  codes: Record<string, number>;
}

// A top-level "errors" key: in the JSON of a string value the quote before `:` would be escaped.
const hasGraphqlErrors = (body: string) => body.includes('"errors":[');

const TIMEOUT_MS = 10_000;

const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** Counts one answer by status and, when it carries errors (or is not 2xx), by their codes. */
function countAnswer(result: Pick<LoadResult, 'statuses' | 'codes'>, status: number, body: string): void {
  bump(result.statuses, String(status));
  if (status >= 200 && status < 300 && !hasGraphqlErrors(body)) return;
  for (const code of errorCodes(body)) bump(result.codes, code);
}

/** The distinct `extensions.code`s of a GraphQL answer's errors; "unreadable" when the body is not one. */
export function errorCodes(body: string): string[] {
  try {
    const errors = (JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] }).errors ?? [];
    return [...new Set(errors.map((e) => (typeof e.extensions?.code === 'string' ? e.extensions.code : 'none')))];
  } catch {
    return ['unreadable'];
  }
}

export async function load({ url, bodies, connections, durationSeconds, overallRate }: LoadOptions): Promise<LoadResult> {
  if (!bodies.length) throw new Error(`load: no request bodies for ${url}`);
  if (overallRate) return atFixedRate({ url, bodies, connections, durationSeconds, rate: overallRate });
  let next = 0;
  let graphql = 0;
  const answers: Pick<LoadResult, 'statuses' | 'codes'> = { statuses: {}, codes: {} };
  const result = await autocannon({
    url: `${url}/graphql`,
    connections,
    duration: durationSeconds,
    timeout: TIMEOUT_MS / 1000,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length]! }),
        onResponse: (status, body) => {
          if (status >= 200 && status < 300 && hasGraphqlErrors(body)) graphql++;
          countAnswer(answers, status, body);
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.requests.total ? result.latency.p50 : null,
    p99: result.requests.total ? result.latency.p99 : null,
    requests: result.requests.total,
    errors: { non2xx: result.non2xx, failed: result.errors, graphql },
    ...answers,
  };
}

/** The value at quantile q of sorted numbers (nearest rank). */
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;

async function atFixedRate({
  url,
  bodies,
  connections,
  durationSeconds,
  rate,
}: {
  url: string;
  bodies: string[];
  connections: number;
  durationSeconds: number;
  rate: number;
}): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL('/graphql', url);
  const latencies: number[] = [];
  const errors = { non2xx: 0, failed: 0, graphql: 0 };
  const answers: Pick<LoadResult, 'statuses' | 'codes'> = { statuses: {}, codes: {} };
  // Each request ends once: answered, failed, or out of time (counted from when it was due).
  const send = (body: string, due: number) =>
    new Promise<void>((done) => {
      let settled = false;
      const finish = (outcome: 'ok' | 'graphql' | 'non2xx' | 'failed') => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (outcome === 'ok') latencies.push(performance.now() - due);
        else errors[outcome]++;
        done();
      };
      const req = request(
        target,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            const text = Buffer.concat(chunks).toString('utf8');
            if (!settled) countAnswer(answers, status, text);
            finish(status < 200 || status >= 300 ? 'non2xx' : hasGraphqlErrors(text) ? 'graphql' : 'ok');
          });
          res.on('error', () => finish('failed'));
        },
      );
      const timer = setTimeout(
        () => {
          finish('failed');
          req.destroy();
        },
        Math.max(0, due + TIMEOUT_MS - performance.now()),
      );
      req.on('error', () => finish('failed'));
      req.end(body);
    });
  const started = performance.now();
  const total = Math.round(rate * durationSeconds);
  const sent: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    sent.push(send(bodies[i % bodies.length]!, due));
  }
  await Promise.all(sent);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / seconds,
    p50: sorted.length ? Math.round(quantile(sorted, 0.5) * 10) / 10 : null,
    p99: sorted.length ? Math.round(quantile(sorted, 0.99) * 10) / 10 : null,
    requests: latencies.length,
    errors,
    ...answers,
  };
}
