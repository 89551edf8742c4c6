/**
 * A request stopped from inside a field resolver (the response cap, or the deadline seen by
 * the cap's field count) leaves no promise of the executor unhandled: before, the executor
 * dropped the reads of the sibling fields it had started, each rejection went unhandled, and
 * in Node an unhandled rejection ends the server. The schema here is a small one of its own, so
 * the two stops are reached at a known field; the plugins are the ones src/yoga.ts composes.
 */
import { createSchema, createYoga } from 'graphql-yoga';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestSignal, useRequestDeadline } from '../src/plugins/use-request-deadline.js';
import { useResponseLimit } from '../src/plugins/use-response-limit.js';

interface Ctx {
  signal: AbortSignal;
}

/** A read as src/db/graph-db.ts makes one: it ends with the request's signal, rejecting with its reason. */
function read(signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve('read'), 50);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}

function app({ items, maxBytes, timeoutMs, busyMs = 0 }: { items: number; maxBytes: number; timeoutMs: number; busyMs?: number }) {
  const schema = createSchema<Ctx>({
    typeDefs: `type Query { items: [Item!]! } type Item { slow: String fast: String }`,
    resolvers: {
      Query: {
        items: () => {
          // Time spent without yielding, so the deadline passes while no timer can fire.
          const until = Date.now() + busyMs;
          while (Date.now() < until);
          return Array.from({ length: items }, (_, i) => i);
        },
      },
      Item: { slow: (_s: unknown, _a: unknown, ctx: Ctx) => read(ctx.signal), fast: () => 'f'.repeat(40) },
    },
  });
  return createYoga<Ctx>({
    schema,
    context: ({ request }) => ({ signal: requestSignal(request.signal, timeoutMs) }),
    plugins: [useRequestDeadline(), useResponseLimit({ maxBytes })],
    logging: false,
  });
}

let unhandled: unknown[];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});

async function ask(yoga: ReturnType<typeof app>, query = '{ items { slow fast } }') {
  const res = await yoga.fetch('http://test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  // Rejections are reported once the microtasks have run; the reads would have ended by 50 ms.
  await new Promise((r) => setTimeout(r, 100));
  return { status: res.status, body };
}

describe('a request stopped inside a field resolver', () => {
  it('by the response cap: RESPONSE_TOO_LARGE, no data, and no unhandled rejection', async () => {
    const { status, body } = await ask(app({ items: 200, maxBytes: 2000, timeoutMs: 10_000 }));
    expect(status).toBe(400);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['RESPONSE_TOO_LARGE']);
    expect(unhandled).toEqual([]);
  });

  it('by the deadline seen while counting fields: REQUEST_TIMEOUT, no data, and no unhandled rejection', async () => {
    const { body } = await ask(app({ items: 3000, maxBytes: 1e12, timeoutMs: 20, busyMs: 40 }));
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['REQUEST_TIMEOUT']);
    expect(unhandled).toEqual([]);
  });

  it('by the response cap when the rest of the answer resolves without waiting once: still RESPONSE_TOO_LARGE and no data', async () => {
    // Every field is synchronous, so execution ends before the deferred abort could land.
    const { status, body } = await ask(app({ items: 200, maxBytes: 2000, timeoutMs: 10_000 }), '{ items { fast } }');
    expect(status).toBe(400);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['RESPONSE_TOO_LARGE']);
  });

  it('answers in full what neither stop reaches', async () => {
    const { body } = await ask(app({ items: 3, maxBytes: 1e6, timeoutMs: 10_000 }));
    expect(body).toEqual({ data: { items: Array.from({ length: 3 }, () => ({ slow: 'read', fast: 'f'.repeat(40) })) } });
    expect(unhandled).toEqual([]);
  });
});
