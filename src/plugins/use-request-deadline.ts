/**
 * Stops a request's work once its deadline passes or its client goes away, with one abort
 * signal per request.
 *
 * Contract: `requestSignal(clientSignal, timeoutMs)` makes a request's signal (the context's
 * `signal`, see Context). It aborts `timeoutMs` after it is made, or when `clientSignal` aborts
 * (the client hung up), and its reason is then the API error the request fails with,
 * REQUEST_TIMEOUT. `stopRequest(signal, error)` aborts it early with another API error (the
 * response cap, src/plugins/use-response-limit.ts). `useRequestDeadline()` hands that signal
 * to the executor, which then resolves no further field once it aborts, so a request past its
 * deadline stops costing CPU and memory even between database reads (a client that hung up
 * after 1 s used to cost 14 s of CPU resolving an answer nobody would read); the request then
 * fails as a whole with the signal's reason, and partial data is dropped. Reads in flight stop
 * too (src/db/graph-db.ts). Once execution is done the timer and the listener go.
 *
 * Why one signal: the executor, every read and the response cap all listen to the same
 * signal, so a request makes one AbortController, one timer and one listener. Composing
 * `AbortSignal.any([request.signal, AbortSignal.timeout(ms)])` plus a controller per plugin
 * made five signals a request and a timer that outlived it by the whole deadline: a third of
 * the CPU of `{ __typename }` and a sixth of a small read's (docs/performance.md, round 3).
 */
import { setMaxListeners } from 'node:events';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { deadlineError } from '../db/errors.js';

interface Stop {
  controller: AbortController;
  timer: NodeJS.Timeout;
  client: AbortSignal;
  onClientGone: () => void;
  /** When the deadline passes (Date.now()), for `deadlinePassed`. */
  at: number;
}

const stops = new WeakMap<AbortSignal, Stop>();

// The API errors src/db/errors.ts makes for a deadline that passed and a client that left.
const timedOut = () => deadlineError(AbortSignal.abort(new DOMException('The deadline passed.', 'TimeoutError')));
const cancelled = () => deadlineError(AbortSignal.abort());

export function requestSignal(clientSignal: AbortSignal, timeoutMs: number): AbortSignal {
  const controller = new AbortController();
  const { signal } = controller;
  // Each read listens on it; a request with many root fields makes many reads, all bounded
  // by the query limits, so Node's warning past 10 listeners is noise.
  setMaxListeners(0, signal);
  if (clientSignal.aborted) {
    controller.abort(cancelled());
    return signal;
  }
  const onClientGone = () => finish(signal, cancelled());
  clientSignal.addEventListener('abort', onClientGone, { once: true });
  // unref: a request left unfinished (its handler threw) must not hold the process open.
  const timer = setTimeout(() => finish(signal, timedOut()), timeoutMs).unref();
  stops.set(signal, { controller, timer, client: clientSignal, onClientGone, at: Date.now() + timeoutMs });
  return signal;
}

/**
 * The REQUEST_TIMEOUT error when `signal`'s deadline has passed, else null. The timer cannot
 * fire while resolving never yields to the event loop (every read already in hand, as for a
 * page asked under 970 copies of one id), so the response cap, which sees every field, asks
 * too, and stops the request with it.
 */
export function deadlinePassed(signal: AbortSignal): Error | null {
  const stop = stops.get(signal);
  return stop && Date.now() >= stop.at ? timedOut() : null;
}

/**
 * Aborts `signal` (made by `requestSignal`) with `error` once the code running now is done
 * (a microtask later); once aborted, the first reason stays.
 *
 * Why not at once: it is called from inside a field resolver. An abort there, mid-way through
 * the executor's loop over an object's fields, makes the executor (@graphql-tools/executor
 * 2.1, `executeFields` and `promiseForObject`) drop the promises of the sibling fields it had
 * started, and each of their rejections went unhandled: 19 of them failed CI, and in Node they
 * would end the server. Deferred, the abort lands between two steps of the executor, which then
 * settles every promise it holds.
 */
export function stopRequest(signal: AbortSignal, error: Error): void {
  queueMicrotask(() => finish(signal, error));
}

/** Drops the timer and the listener; with a reason, aborts first. */
function finish(signal: AbortSignal, reason?: Error): void {
  const stop = stops.get(signal);
  if (!stop) return;
  stops.delete(signal);
  clearTimeout(stop.timer);
  stop.client.removeEventListener('abort', stop.onClientGone);
  if (reason) stop.controller.abort(located(reason));
}

/**
 * `error` with a path (an empty one) when it is a GraphQLError without one, so that it is
 * "located" for graphql's `locatedError`.
 *
 * Why: once the signal aborts, the executor fails every field still pending (each one waiting
 * on a read, or on a DataLoader promise shared by thousands of fields) with the signal's
 * reason, and `locatedError` wraps a reason without a path in a new GraphQLError for each of
 * them: 15–20 µs apiece, stack trace included. A page of sentences under 970 copies of one id
 * has 97 000 such fields; with the query limits lifted, four of them under aliases kept the
 * server busy 6 s past a 500 ms deadline (12 of them: 47 s past a 10 s one, 1.4 GB of RSS), and
 * a client that hung up after 1 s stalled the next request 8.8 s. Located, the reason is used
 * as it is, once. `maskError` (src/errors.ts) drops the empty path from what the client sees.
 */
function located(error: Error): Error {
  if (error instanceof GraphQLError && error.path === undefined) (error as { path?: readonly (string | number)[] }).path = [];
  return error;
}

export function useRequestDeadline(): Plugin {
  return {
    onExecute({ args }) {
      const { signal } = args.contextValue as unknown as { signal: AbortSignal };
      (args as { signal?: AbortSignal }).signal = signal;
      return {
        onExecuteDone() {
          finish(signal);
        },
      };
    },
  };
}
