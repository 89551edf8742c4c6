/**
 * Stops executing a request once its signal aborts: its deadline passed or its client went
 * away.
 *
 * Contract: `useRequestDeadline()` hands the context's `signal` (see Context) to the
 * executor, which then resolves no further field once it aborts, so a request past its
 * deadline stops costing CPU and memory even between database reads (a client that hung up
 * after 1 s used to cost 14 s of CPU resolving an answer nobody would read). The request
 * then fails as a whole with REQUEST_TIMEOUT; partial data is dropped. Reads in flight stop
 * too (src/db/graph-db.ts). Later plugins may narrow the signal further (useResponseLimit).
 */
import type { Plugin } from 'graphql-yoga';
import { deadlineError } from '../db/errors.js';

export function useRequestDeadline(): Plugin {
  return {
    onExecute({ args }) {
      const { signal } = args.contextValue as unknown as { signal: AbortSignal };
      // The executor throws the signal's reason: make it the API error, not a DOMException
      // that masking would turn into INTERNAL_SERVER_ERROR.
      const controller = new AbortController();
      const relay = () => controller.abort(deadlineError(signal));
      if (signal.aborted) relay();
      else signal.addEventListener('abort', relay, { once: true });
      (args as { signal?: AbortSignal }).signal = controller.signal;
      return {
        onExecuteDone() {
          signal.removeEventListener('abort', relay);
        },
      };
    },
  };
}
