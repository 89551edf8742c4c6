/**
 * The errors a client may see, and the masking of everything else.
 *
 * Contract: an expected error is a GraphQLError whose `extensions.code` is one of `ErrorCode`
 * (clients branch on the code, never on the message), made with `apiError`. Anything else
 * (a bug, a driver error nobody translated) reaches the client as "Unexpected error." with
 * code INTERNAL_SERVER_ERROR and no message, Cypher or stack of its own; yoga logs it.
 * Neo4j driver errors are translated in src/db/errors.ts. yoga and its plugins add their own
 * codes for requests refused before execution (GRAPHQL_PARSE_FAILED,
 * GRAPHQL_VALIDATION_FAILED, PERSISTED_QUERY_NOT_IN_LIST, …); those pass through unchanged.
 */
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError } from 'graphql-yoga';

export type ErrorCode =
  /** An argument is malformed or out of range; `extensions.argument` names it. */
  | 'BAD_USER_INPUT'
  /** A key or id given as a filter or endpoint names nothing in the graph. */
  | 'NOT_FOUND'
  /**
   * The query is refused before it runs: too deep, too costly, too many aliases or tokens. Or
   * one field is, before it reads anything: one that needs every relationship of a node with
   * more than the cap (`extensions.limit` 'relationships', `max`, `actual`); the rest answers.
   */
  | 'QUERY_TOO_COMPLEX'
  /** Neo4j cannot be reached; retry later (HTTP 503). */
  | 'DATABASE_UNAVAILABLE'
  /** A Neo4j transaction ran past its timeout. */
  | 'DATABASE_TIMEOUT'
  /** The request ran past its deadline. */
  | 'REQUEST_TIMEOUT'
  /** The answer grew past the cap on response bytes (HTTP 400); `extensions.max` says it. */
  | 'RESPONSE_TOO_LARGE'
  /** A write without a valid credential (HTTP 401). */
  | 'UNAUTHENTICATED'
  /** A write whose credential lacks the scope it needs (HTTP 403); `extensions.scope` names it. */
  | 'FORBIDDEN'
  /** A write that contradicts the graph: a stale `baseRevision`, an article that exists, ids another article owns (HTTP 409). */
  | 'CONFLICT'
  /** Too many writes from one credential (HTTP 429); `extensions.retryAfterSeconds` says when to try again. */
  | 'RATE_LIMITED';

const codes = new Set<string>([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'QUERY_TOO_COMPLEX',
  'DATABASE_UNAVAILABLE',
  'DATABASE_TIMEOUT',
  'REQUEST_TIMEOUT',
  'RESPONSE_TOO_LARGE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'RATE_LIMITED',
]);

export function apiError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** yoga's `maskedErrors.maskError`: lets expected errors through, masks the rest. */
export function maskError(error: unknown, message: string, isDev?: boolean): Error {
  if (error instanceof GraphQLError) {
    const code = error.extensions?.code;
    // A request stopped as a whole (deadline, client gone, response cap) fails with its
    // signal's reason, given an empty path so the executor does not copy it for every field
    // still pending (src/plugins/use-request-deadline.ts); the client sees it without one.
    // The path is dropped from the error itself, as execution is over: yoga logs, as
    // unexpected and with its stack, any error that masking replaces, and a client that
    // hangs up is no fault of the server's (the end of a load run logged each request in flight).
    if (error.path?.length === 0) {
      (error as { path?: readonly (string | number)[] }).path = undefined;
      return error;
    }
    if (typeof code === 'string' && codes.has(code)) return error;
    // Pothos checks paging arguments ("first must be a non-negative integer") and global ids.
    // The code is set on the error itself: yoga logs, as unexpected and with its stack, any
    // error that masking replaces.
    if (error.originalError instanceof PothosValidationError || error instanceof PothosValidationError) {
      (error as { extensions: Record<string, unknown> }).extensions = { ...error.extensions, code: 'BAD_USER_INPUT' };
      return error;
    }
  }
  // yoga logs the original error (with its stack) on the server before masking it.
  return yogaMaskError(error, message, isDev);
}
