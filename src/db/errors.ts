/**
 * Driver errors become API errors here and nowhere else.
 *
 * Contract: `translateDriverError(e)` returns a GraphQLError with a stable
 * `extensions.code` for what a client can act on (DATABASE_UNAVAILABLE when Neo4j cannot be
 * reached or is shutting down, DATABASE_TIMEOUT when a transaction ran out of time) and
 * returns anything else unchanged, so yoga masks it.
 */
import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';

const unavailable = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

export function translateDriverError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (unavailable.has(error.code) || error.code.startsWith('Neo.ClientError.Cluster.')) {
    return new GraphQLError('The graph database is unavailable; try again shortly.', { extensions: { code: 'DATABASE_UNAVAILABLE', http: { status: 503 } }, originalError: error });
  }
  if (error.code === 'Neo.ClientError.Transaction.TransactionTimedOut' || error.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration') {
    return new GraphQLError('The query took too long and was stopped.', { extensions: { code: 'DATABASE_TIMEOUT' }, originalError: error });
  }
  return error;
}
