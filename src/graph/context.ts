/**
 * What every resolver receives: the graph, read through this request's deadline, and the
 * DataLoaders made fresh for this request (so batching and caching never leak between
 * requests or users); and, for writes, who is asking.
 *
 * Contract: `createContext(db, signal, writes)`: every read stops when `signal` aborts (the
 * request's deadline passed or its client went away) and fails with REQUEST_TIMEOUT.
 * `credential` is the credential the request's key belongs to (null without a valid key);
 * the schema's scope checks (src/builder.ts) read it before any resolver runs. `writes` is
 * null when the server has no credentials configured (then the schema has no mutations).
 */
import type { Credential, WriteRateLimit } from '../core/credentials.js';
import type { GraphDb, GraphReader } from '../db/graph-db.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Writes {
  /** Where writes go (one write transaction each). */
  db: GraphDb;
  /** Writes a minute per credential. */
  limit: WriteRateLimit;
  /** The seed folders, whose entities the drafter knows by name (draftArticle). */
  seedDir: string;
}

export interface Context {
  db: GraphReader;
  loaders: Loaders;
  /** Aborts when the request's deadline passes or its client goes away (src/plugins/use-request-deadline.ts stops execution on it). */
  signal: AbortSignal;
  credential: Credential | null;
  writes: Writes | null;
}

export function createContext(
  db: GraphDb,
  signal: AbortSignal,
  {
    credential = null,
    writes = null,
    relationshipsCap,
  }: { credential?: Credential | null; writes?: Writes | null; relationshipsCap?: number } = {},
): Context {
  const reader = db.reader(signal);
  return { db: reader, loaders: createLoaders(reader, { relationshipsCap }), signal, credential, writes };
}
