/**
 * The check that makes the benchmark fair: for every operation and a few of its sampled
 * variable sets, every server that answers gives the same answer.
 *
 * Normalisation, documented here once: the peer's `data` is mapped to our shape by the
 * operation's `fromPeer` (its lists of one for single relationships become the value, its
 * per-index search results are merged by score, labels are built from the type's name, title
 * or text as src/schema/node.ts builds them); then every answer goes through the
 * operation's `normalise` (lists the schema leaves unordered are sorted; search hits tied at
 * the last score of a full page are compared by number), and the results must be deeply
 * equal.
 *
 * Contract: `checkEquivalence({ ask, samples, ... })` returns how many variable sets it
 * compared, the differences (answers that disagree with the first server that answered:
 * ours, else raw, else peer, else yoga) and the failures (no answer: an error or a timeout, which the
 * load tests then count as errors). `ask(server, op, variables)` returns the `data` as that
 * server sent it, or throws.
 */
import { isDeepStrictEqual } from 'node:util';
import { operationNames, operations, type OperationName, type Samples, type Variables } from './operations.js';

export const serverNames = ['ours', 'raw', 'peer', 'yoga'] as const;
export type ServerName = (typeof serverNames)[number];

export type Ask = (server: ServerName, op: OperationName, variables: Variables) => Promise<unknown>;

/** Two servers answered and their answers differ after normalisation. */
export interface Difference {
  op: OperationName;
  variables: Variables;
  server: ServerName;
  /** The first server that answered, and both answers, normalised. */
  reference: ServerName;
  expected: unknown;
  actual: unknown;
}

/** A server gave no answer: an HTTP or GraphQL error, or a timeout. */
export interface Failure {
  op: OperationName;
  variables: Variables;
  server: ServerName;
  error: string;
}

/** The variable sets checked: the first (a hub), the last, and evenly spaced ones between. */
export function spread<T>(list: T[], count: number): T[] {
  if (list.length <= count) return list;
  if (count < 2) return list.slice(0, count);
  return Array.from({ length: count }, (_, i) => list[Math.round((i * (list.length - 1)) / (count - 1))]!);
}

/** A POST body per server for an operation: ours and raw take the same, the peer its own. */
export function requestBody(server: ServerName, op: OperationName, variables: Variables): string {
  const o = operations[op];
  return server === 'peer'
    ? JSON.stringify({ query: o.peerQuery, operationName: op, variables: o.peerVariables(variables) })
    : JSON.stringify({ query: o.query, operationName: op, variables });
}

/** The `data` of a GraphQL response, or an error naming the server when it failed. */
export function dataOf(server: ServerName, status: number, text: string): unknown {
  let body: { data?: unknown; errors?: { message: string }[] };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${server} answered ${status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  if (status !== 200 || body.errors?.length)
    throw new Error(`${server} answered ${status}: ${body.errors?.map((e) => e.message).join('; ') ?? text.slice(0, 200)}`);
  return body.data;
}

export async function checkEquivalence({
  ask,
  samples,
  servers = [...serverNames],
  ops = [...operationNames],
  perOp = 4,
}: {
  ask: Ask;
  samples: Samples;
  servers?: ServerName[];
  ops?: OperationName[];
  perOp?: number;
}): Promise<{ checked: number; differences: Difference[]; failures: Failure[] }> {
  const present = serverNames.filter((s) => servers.includes(s));
  const differences: Difference[] = [];
  const failures: Failure[] = [];
  let checked = 0;
  for (const op of ops) {
    for (const variables of spread(samples[op], perOp)) {
      checked++;
      let reference: { server: ServerName; value: unknown } | null = null;
      for (const server of present) {
        let value: unknown;
        try {
          const data = await ask(server, op, variables);
          value = operations[op].normalise(server === 'peer' ? operations[op].fromPeer(data) : data);
        } catch (error) {
          failures.push({ op, variables, server, error: error instanceof Error ? error.message : String(error) });
          continue;
        }
        if (!reference) reference = { server, value };
        else if (!isDeepStrictEqual(value, reference.value))
          differences.push({ op, variables, server, reference: reference.server, expected: reference.value, actual: value });
      }
    }
  }
  return { checked, differences, failures };
}
