/**
 * What every resolver receives: the graph, and the DataLoaders made fresh for this request
 * (so batching and caching never leak between requests or users).
 */
import type { GraphDb } from './db/graph-db.js';
import { createLoaders, type Loaders } from './graph/loaders.js';

export interface Context {
  db: GraphDb;
  loaders: Loaders;
}

export function createContext(db: GraphDb): Context {
  return { db, loaders: createLoaders(db) };
}
