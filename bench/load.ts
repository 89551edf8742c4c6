/**
 * One load test with autocannon against one server: POST /graphql with the given bodies in
 * turn (each request takes the next body, across all connections), either as fast as the
 * connections allow (throughput at saturation) or at a fixed overall rate (latency; autocannon
 * corrects for coordinated omission, so a server that falls behind the rate shows it in p99).
 *
 * Contract: `load(options)` resolves to requests per second (mean over the run), latency
 * percentiles in milliseconds (null when no request completed: requests still in flight when
 * the run ends are not counted), and errors: non-2xx answers, connection errors and timeouts,
 * and 2xx answers whose body carries GraphQL `errors` (every body is checked).
 */
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
}

// A top-level "errors" key: in the JSON of a string value the quote before `:` would be escaped.
const hasGraphqlErrors = (body: string) => body.includes('"errors":[');

export async function load({ url, bodies, connections, durationSeconds, overallRate }: LoadOptions): Promise<LoadResult> {
  if (!bodies.length) throw new Error(`load: no request bodies for ${url}`);
  let next = 0;
  let graphql = 0;
  const result = await autocannon({
    url: `${url}/graphql`,
    connections,
    duration: durationSeconds,
    ...(overallRate ? { overallRate } : {}),
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: bodies[next++ % bodies.length]! }),
        onResponse: (status, body) => {
          if (status >= 200 && status < 300 && hasGraphqlErrors(body)) graphql++;
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
  };
}
