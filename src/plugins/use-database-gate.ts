/**
 * Refuses GraphQL requests at once while Neo4j is known not to serve them.
 *
 * Contract: `useDatabaseGate({ db, endpoint = '/graphql' })` answers a GraphQL request (a POST,
 * or a GET with a `query`, to `endpoint`) with HTTP 503, `Retry-After: 1` and one error,
 * DATABASE_UNAVAILABLE, while `db.serving()` is false: Neo4j does not answer its health ping
 * (down, or frozen), or is back but its queries are being planned again (src/db/graph-db.ts).
 * Clients get a fast 503 to retry on instead of a request that waits for its deadline or
 * queues behind the planning. It answers before the request is parsed, so a storm of retries
 * costs little while Neo4j comes back. GraphiQL, /health and /ready are not gated.
 */
import type { Plugin } from 'graphql-yoga';
import { unavailableError } from '../db/errors.js';

export interface DatabaseGateOptions {
  db: { serving(): boolean };
  /** The GraphQL endpoint (default /graphql). */
  endpoint?: string;
}

export function useDatabaseGate({ db, endpoint = '/graphql' }: DatabaseGateOptions): Plugin {
  const { message, extensions } = unavailableError();
  const body = JSON.stringify({ errors: [{ message, extensions: { code: extensions.code } }] });
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (db.serving() || url.pathname !== endpoint) return;
      if (request.method !== 'POST' && !(request.method === 'GET' && url.searchParams.has('query'))) return;
      endResponse(
        new fetchAPI.Response(body, { status: 503, headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' } }),
      );
    },
  };
}
