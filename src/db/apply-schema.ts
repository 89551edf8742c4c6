/**
 * Applies cypher/schema.cypher (constraints and indexes) and cypher/schema-by-type.cypher
 * (the order-key indexes of each relationship type of the vocabulary), then gives any
 * relationship written before order keys existed its keys (cypher/write/relationship-keys.cypher)
 * and any evidence written before span keys its span heads (cypher/write/span-keys.cypher).
 * Every statement is IF NOT EXISTS and the keys are only written where missing, so this is
 * safe on every start; it waits until the indexes are online so the first queries and
 * full-text searches see them.
 */
import neo4j from 'neo4j-driver';
import { vocabulary } from '../core/vocabulary.js';
import { cypher, cypherStatements } from './cypher.js';
import type { GraphDb } from './graph-db.js';

export async function applySchema(db: GraphDb, log: (line: string) => void = () => {}): Promise<void> {
  // Each statement is a schema transaction of its own (tens of ms), and there are two per
  // relationship type: only those whose index or constraint is missing are sent.
  const present = new Set<string>();
  for (const show of ['SHOW INDEXES YIELD name', 'SHOW CONSTRAINTS YIELD name']) {
    const { records } = await db.driver.executeQuery(`${show} RETURN collect(name) AS names`, {}, { database: db.database });
    for (const name of (records[0]?.get('names') ?? []) as string[]) present.add(name);
  }
  const statements = [
    ...cypherStatements('schema'),
    ...vocabulary().allTypes.flatMap((type) => cypherStatements(`schema-by-type#${type}`)),
  ];
  for (const statement of statements) {
    const name = /^CREATE (?:\w+ )*?(?:INDEX|CONSTRAINT) (\w+) IF NOT EXISTS/.exec(statement)?.[1];
    if (name && present.has(name)) continue;
    await db.driver.executeQuery(statement, {}, { database: db.database });
  }
  await db.driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database: db.database });
  // CALL { } IN TRANSACTIONS runs only in an auto-commit transaction: a session's run.
  const session = db.driver.session({ database: db.database });
  try {
    const started = Date.now();
    const result = await session.run(cypher('write/relationship-keys'));
    const keyed = neo4j.integer.toNumber(result.records[0]?.get('keyed') ?? 0);
    if (keyed > 0)
      log(`Gave ${keyed} relationships their order keys (written before keys existed) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    const spansFrom = Date.now();
    const spans = await session.run(cypher('write/span-keys'));
    const nodes = neo4j.integer.toNumber(spans.records[0]?.get('nodes') ?? 0);
    if (nodes > 0)
      log(
        `Gave the evidence of ${nodes} nodes its span keys (written before span keys existed) in ${((Date.now() - spansFrom) / 1000).toFixed(1)} s.`,
      );
  } finally {
    await session.close();
  }
}
