/**
 * Driver errors become API errors here and nowhere else.
 *
 * Contract: `translateDriverError(e, signal)` returns a GraphQLError with a stable
 * `extensions.code` for what a client can act on: REQUEST_TIMEOUT when the request's deadline
 * (`signal`) ran out, DATABASE_UNAVAILABLE (HTTP 503) when Neo4j cannot be reached, is
 * shutting down or closed the connection (also when that error is the cause of another), DATABASE_TIMEOUT when a transaction ran out of time. Anything else comes
 * back unchanged, for src/errors.ts to mask. The driver's own message is never passed on.
 */
import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { apiError } from '../errors.js';

const unavailable = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/** Socket errors that mean Neo4j went away mid-answer. */
const lostConnection = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENOTCONN']);

/** Whether `error`, or an error it was caused by, says Neo4j cannot be reached (a lost connection arrives wrapped, at times). */
function isConnectionLoss(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (unavailable.has(code) || code.startsWith('Neo.ClientError.Cluster.') || lostConnection.has(code)))
    return true;
  return isConnectionLoss(error.cause, depth + 1);
}

export function translateDriverError(error: unknown, signal?: AbortSignal): unknown {
  if (signal?.aborted) return deadlineError(signal);
  if (isConnectionLoss(error)) return unavailableError();
  if (!(error instanceof Neo4jError)) return error;
  if (
    error.code === 'Neo.ClientError.Transaction.TransactionTimedOut' ||
    error.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'
  ) {
    return apiError('DATABASE_TIMEOUT', 'The query took too long and was stopped.');
  }
  return error;
}

export function unavailableError(): GraphQLError {
  return apiError('DATABASE_UNAVAILABLE', 'The graph database is unavailable; try again shortly.', { http: { status: 503 } });
}

export const isUnavailable = (error: unknown) => error instanceof GraphQLError && error.extensions.code === 'DATABASE_UNAVAILABLE';

/** The error for a request whose deadline passed (or whose client went away). */
export function deadlineError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  // A request's signal (src/plugins/use-request-deadline.ts) aborts with its API error already.
  if (reason instanceof GraphQLError) return reason;
  return reason instanceof Error && reason.name === 'TimeoutError'
    ? apiError('REQUEST_TIMEOUT', 'The request ran past its deadline and was stopped.')
    : apiError('REQUEST_TIMEOUT', 'The request was cancelled.');
}
