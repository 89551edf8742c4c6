/**
 * The check that makes the benchmark fair: for every operation and a few of its sampled
 * variable sets, every server gives the same answer as the first one present (ours, else raw).
 *
 * Normalisation, documented here once: the peer's `data` is mapped to our shape by the
 * operation's `fromPeer` (its lists of one for single relationships become the value, its
 * per-type search results are merged by score, labels are built from the type's name, title
 * or text as src/schema/node.ts builds them); then every answer goes through the
 * operation's `normalise` (lists the schema leaves unordered are sorted; search hits tied at
 * the last score of a full page are compared by number), and the results must be deeply
 * equal. A GraphQL error or a failed request counts as a mismatch.
 *
 * Contract: `checkEquivalence({ ask, samples, ... })` returns how many variable sets it
 * compared and the mismatches (none when the servers agree); `ask(server, op, variables)`
 * returns the `data` as that server sent it.
 */
import { isDeepStrictEqual } from 'node:util';
import { operationNames, operations, type OperationName, type Samples, type Variables } from './operations.js';

export const serverNames = ['ours', 'raw', 'peer'] as const;
export type ServerName = (typeof serverNames)[number];

export type Ask = (server: ServerName, op: OperationName, variables: Variables) => Promise<unknown>;

export interface Mismatch {
  op: OperationName;
  variables: Variables;
  server: ServerName;
  /** What the reference server answered and what this one did, both normalised (an error as `{ error }`). */
  expected: unknown;
  actual: unknown;
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
  if (status !== 200 || body.errors?.length) throw new Error(`${server} answered ${status}: ${body.errors?.map((e) => e.message).join('; ') ?? text.slice(0, 200)}`);
  return body.data;
}

export async function checkEquivalence({ ask, samples, servers = [...serverNames], ops = [...operationNames], perOp = 4 }: { ask: Ask; samples: Samples; servers?: ServerName[]; ops?: OperationName[]; perOp?: number }): Promise<{ checked: number; mismatches: Mismatch[] }> {
  const [reference, ...others] = serverNames.filter((s) => servers.includes(s));
  const mismatches: Mismatch[] = [];
  let checked = 0;
  if (!reference || !others.length) return { checked, mismatches };
  const answer = async (server: ServerName, op: OperationName, variables: Variables) => {
    try {
      const data = await ask(server, op, variables);
      return { ok: true, value: operations[op].normalise(server === 'peer' ? operations[op].fromPeer(data) : data) };
    } catch (error) {
      return { ok: false, value: { error: error instanceof Error ? error.message : String(error) } };
    }
  };
  for (const op of ops) {
    for (const variables of spread(samples[op], perOp)) {
      checked++;
      const expected = await answer(reference, op, variables);
      if (!expected.ok) mismatches.push({ op, variables, server: reference, expected: null, actual: expected.value });
      for (const server of others) {
        const actual = await answer(server, op, variables);
        if (!actual.ok || !isDeepStrictEqual(actual.value, expected.value)) mismatches.push({ op, variables, server, expected: expected.value, actual: actual.value });
      }
    }
  }
  return { checked, mismatches };
}
