/**
 * A request stopped from inside a field resolver (the response cap, or the deadline seen by
 * the cap's field count) leaves no promise of the executor unhandled: before, the executor
 * dropped the reads of the sibling fields it had started, each rejection went unhandled, and
 * in Node an unhandled rejection ends the server. The schema here is a small one of its own, so
 * the two stops are reached at a known field; the plugins are the ones src/yoga.ts composes.
 */
import { GraphQLError } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maskError } from '../src/errors.js';
import { requestSignal, stopRequest, useRequestDeadline } from '../src/plugins/use-request-deadline.js';
import { useResponseLimit } from '../src/plugins/use-response-limit.js';

interface Ctx {
  signal: AbortSignal;
}

/** A read as src/db/graph-db.ts makes one: it ends with the request's signal, rejecting with its reason. */
function read(signal: AbortSignal, ms = 50): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve('read'), ms);
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

/**
 * `items` fields each waiting on one read that outlasts the deadline, as DataLoader shares one
 * promise among every copy of an id (a page of sentences under 970 copies of an article). With
 * `stopWith`, the request is stopped with that error 20 ms in, as the response cap stops it.
 */
function sharedReadApp({ items, timeoutMs, stopWith }: { items: number; timeoutMs: number; stopWith?: Error }) {
  const schema = createSchema<Ctx>({
    typeDefs: `type Query { items: [Item!]! } type Item { article: Article } type Article { text: String }`,
    resolvers: {
      Query: {
        items: (_s: unknown, _a: unknown, ctx: Ctx) => {
          const shared = read(ctx.signal, 10_000);
          if (stopWith) setTimeout(() => stopRequest(ctx.signal, stopWith), 20);
          return Array.from({ length: items }, () => ({ shared }));
        },
      },
      Item: { article: (item: { shared: Promise<string> }) => item.shared.then((text) => ({ text })) },
    },
  });
  return createYoga<Ctx>({
    schema,
    context: ({ request }) => ({ signal: requestSignal(request.signal, timeoutMs) }),
    plugins: [useRequestDeadline(), useResponseLimit({ maxBytes: 1e12 })],
    maskedErrors: { maskError },
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

describe('a request stopped while many fields wait', () => {
  it('fails them with its one error, not a copy of it for each', async () => {
    // graphql's locatedError copies an error without a path into a new GraphQLError (reading
    // its message) for every field it fails: 15-20 µs each, stack trace included. On the server,
    // with the query limits lifted, 12 aliases of a page under 970 copies of one id (1.2 million
    // fields waiting) answered 47 s past a 10 s deadline, at 1.4 GB.
    let copies = 0;
    const stop = new GraphQLError('Stopped here.', { extensions: { code: 'RESPONSE_TOO_LARGE' } });
    Object.defineProperty(stop, 'message', { get: () => (copies++, 'Stopped here.') });
    const { body } = await ask(sharedReadApp({ items: 20_000, timeoutMs: 10_000, stopWith: stop }), '{ items { article { text } } }');
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['RESPONSE_TOO_LARGE']);
    expect(unhandled).toEqual([]);
    expect(copies).toBeLessThan(10);
  });

  it('at its deadline: REQUEST_TIMEOUT as it always was, without the path it carries inside', async () => {
    const { body } = await ask(sharedReadApp({ items: 2000, timeoutMs: 50 }), '{ items { article { text } } }');
    expect(body).toEqual({
      errors: [{ message: 'The request ran past its deadline and was stopped.', extensions: { code: 'REQUEST_TIMEOUT' } }],
    });
    expect(unhandled).toEqual([]);
  });
});
