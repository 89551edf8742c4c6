/**
 * A hard cap on the size of an answer, enforced while it is resolved.
 *
 * Contract: `useResponseLimit({ maxBytes = 4 MiB })` counts, as each field resolves, the
 * bytes it adds to the JSON answer (its response key, and a string's UTF-8 bytes or about
 * 8 bytes for any other leaf). Once the count passes `maxBytes` the request stops resolving
 * (no more fields, no more reads, from the end of the synchronous stretch it is in) and fails as a whole with RESPONSE_TOO_LARGE, HTTP 400,
 * `extensions.max`; nothing of its partial data is sent. So no answer is ever built,
 * serialised or held for a slow reader beyond about `maxBytes` (the count leaves out JSON
 * punctuation and escapes: a few per cent), whatever the cost estimate let through (a
 * list of whole articles, say).
 *
 * As it sees every field, it also looks at the request's deadline every 1024 fields
 * (`deadlinePassed`): resolving from reads already in hand never yields to the timer. Past
 * it, the request fails as a whole with REQUEST_TIMEOUT the same way.
 *
 * It stops the request through its one signal (`stopRequest`, src/plugins/use-request-deadline.ts),
 * which the executor and the reads listen to. It does not throw from the field: a field of a
 * non-null list item that throws makes the executor drop its siblings' promises, and each of
 * their rejections goes unhandled (see `stopRequest`). It wraps every field resolver of the schema
 * once; a request that is not executing (yoga's own endpoints, a refused query) costs nothing.
 */
import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { apiError } from '../errors.js';
import { deadlinePassed, stopRequest } from './use-request-deadline.js';

export interface ResponseLimitOptions {
  /** Largest answer in bytes (default 4 MiB: the README's examples answer 1 to 40 KiB). */
  maxBytes?: number;
}

interface Tally {
  bytes: number;
  max: number;
  /** The request's signal (src/plugins/use-request-deadline.ts), stopped once the count passes `max`. */
  signal: AbortSignal;
  /** Set once the count passed `max` or the deadline passed: the one error the request fails with. */
  over: Error | null;
  /** Fields counted, to look at the clock every `clockEvery` of them. */
  fields: number;
}

/** How often (in fields) the count also checks the request's deadline: a clock read costs about what 50 fields do. */
const clockEvery = 1024;

const wrapped = Symbol('newsgraph.responseLimit');
const leafBytes = 8;

/** Bytes a resolved value adds on its own; objects and lists of objects count through their fields. */
function sizeOf(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value) + 2;
  if (Array.isArray(value)) {
    let bytes = 2;
    for (const item of value) bytes += typeof item === 'string' ? Buffer.byteLength(item) + 3 : typeof item === 'object' ? 1 : leafBytes;
    return bytes;
  }
  return typeof value === 'object' && value !== null ? 2 : leafBytes;
}

/** The tally of each request being executed, by its context; shared by every app on the one schema. */
const tallies = new WeakMap<object, Tally>();

function count(tally: Tally, key: string | number, value: unknown): void {
  if (tally.over) return;
  let over: Error | null = ++tally.fields % clockEvery === 0 ? deadlinePassed(tally.signal) : null;
  tally.bytes += String(key).length + 4 + sizeOf(value);
  if (!over && tally.bytes > tally.max)
    over = apiError(
      'RESPONSE_TOO_LARGE',
      `The answer would be larger than ${tally.max} bytes; ask for smaller pages (\`first\`) or fewer fields.`,
      { max: tally.max, http: { status: 400 } },
    );
  if (!over) return;
  tally.over = over;
  // The executor and the reads listen on the request's one signal: both stop.
  stopRequest(tally.signal, over);
}

/** Wraps every field resolver of `schema`, once, to count what it adds to the answer. */
function wrap(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      if ((resolve as { [wrapped]?: true })[wrapped]) continue;
      const counted: GraphQLFieldResolver<unknown, unknown> = (source, args, ctx, info) => {
        const value = resolve(source, args, ctx, info);
        const tally = tallies.get(ctx as object);
        if (!tally) return value;
        // Resolvers here are mostly synchronous (props of a node already read): keep them so.
        if (value instanceof Promise)
          return value.then((v: unknown) => {
            count(tally, info.path.key, v);
            return v;
          });
        count(tally, info.path.key, value);
        return value;
      };
      (counted as { [wrapped]?: true })[wrapped] = true;
      field.resolve = counted;
    }
  }
}

export function useResponseLimit({ maxBytes = 4 * 1024 * 1024 }: ResponseLimitOptions = {}): Plugin {
  return {
    onSchemaChange({ schema }) {
      wrap(schema);
    },
    onExecute({ args }) {
      const { signal } = args.contextValue as unknown as { signal: AbortSignal };
      const tally: Tally = { bytes: 0, max: maxBytes, signal, over: null, fields: 0 };
      tallies.set(args.contextValue as object, tally);
      return {
        onExecuteDone({ result, setResult }) {
          // Whatever the executor made of the abort, the answer is the one error, without data:
          // also when the rest of the request resolved in one synchronous stretch and ended
          // before the deferred abort (stopRequest) could land, with data and no errors.
          if (tally.over && !(Symbol.asyncIterator in result)) setResult({ errors: [tally.over] });
        },
      };
    },
  };
}
