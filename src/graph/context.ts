/**
 * What every resolver receives: the graph, read through this request's deadline, and the
 * DataLoaders made fresh for this request (so batching and caching never leak between
 * requests or users).
 *
 * Contract: `createContext(db, signal)`: every read stops when `signal` aborts (the request's
 * deadline passed or its client went away) and fails with REQUEST_TIMEOUT.
 */
import type { GraphDb, GraphReader } from '../db/graph-db.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  db: GraphReader;
  loaders: Loaders;
  /** Aborts when the request's deadline passes or its client goes away (src/plugins/use-request-deadline.ts stops execution on it). */
  signal: AbortSignal;
}

export function createContext(db: GraphDb, signal: AbortSignal): Context {
  const reader = db.reader(signal);
  return { db: reader, loaders: createLoaders(reader), signal };
}
