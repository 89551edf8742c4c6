/**
 * Applies cypher/schema.cypher (constraints and indexes). Every statement is IF NOT EXISTS,
 * so this is safe on every start; it waits until the indexes are online so the first
 * queries and full-text searches see them.
 */
import { cypherStatements } from './cypher.js';
import type { GraphDb } from './graph-db.js';

export async function applySchema(db: GraphDb): Promise<void> {
  for (const statement of cypherStatements('schema')) {
    await db.driver.executeQuery(statement, {}, { database: db.database });
  }
  await db.driver.executeQuery('CALL db.awaitIndexes(60)', {}, { database: db.database });
}
