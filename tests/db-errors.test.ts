/**
 * Driver errors become API errors with codes a client can act on (src/db/errors.ts): a lost
 * connection is DATABASE_UNAVAILABLE however it arrives, never an internal error.
 */
import { GraphQLError } from 'graphql';
import { Neo4jError, error as driverErrors } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { translateDriverError } from '../src/db/errors.js';

const codeOf = (e: unknown) => (e instanceof GraphQLError ? e.extensions.code : 'UNTRANSLATED');
const driverError = (message: string, code: string, cause?: Error) =>
  new Neo4jError(
    message,
    code,
    '50N42',
    'error: general processing exception',
    { OPERATION: '', OPERATION_CODE: '0', CURRENT_SCHEMA: '/' },
    cause,
  );

describe('translateDriverError', () => {
  it('makes a connection Neo4j closed mid-answer DATABASE_UNAVAILABLE, also when it is the cause of another error', () => {
    const closed = driverError('Connection was closed by server', driverErrors.SERVICE_UNAVAILABLE);
    expect(codeOf(translateDriverError(closed))).toBe('DATABASE_UNAVAILABLE');
    expect(codeOf(translateDriverError(driverError('Failed to fetch', 'N/A', closed)))).toBe('DATABASE_UNAVAILABLE');
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(codeOf(translateDriverError(driverError('Connection lost', 'N/A', reset)))).toBe('DATABASE_UNAVAILABLE');
    expect(codeOf(translateDriverError(driverError('expired', driverErrors.SESSION_EXPIRED)))).toBe('DATABASE_UNAVAILABLE');
  });

  it('keeps timeouts apart, and leaves other errors for the mask', () => {
    expect(codeOf(translateDriverError(driverError('slow', 'Neo.ClientError.Transaction.TransactionTimedOut')))).toBe('DATABASE_TIMEOUT');
    const syntax = driverError('Invalid input', 'Neo.ClientError.Statement.SyntaxError');
    expect(translateDriverError(syntax)).toBe(syntax);
    const plain = new Error('boom');
    expect(translateDriverError(plain)).toBe(plain);
  });

  it('says REQUEST_TIMEOUT when the request itself was stopped, whatever the driver said', () => {
    const controller = new AbortController();
    controller.abort(new DOMException('late', 'TimeoutError'));
    expect(codeOf(translateDriverError(driverError('closed', driverErrors.SERVICE_UNAVAILABLE), controller.signal))).toBe(
      'REQUEST_TIMEOUT',
    );
  });
});
