/**
 * Reads a whole store once so that it sits in Neo4j's page cache before anything is measured.
 *
 * Contract: `warmPageCache(driver)` reads every node and every relationship with its
 * properties from database "neo4j" and logs how long it took. Without it, the first server
 * and operation measured on a freshly started Neo4j pay for reading the store from disk
 * (this machine gives unused file cache back to its host, so even a store read a minute ago
 * may be cold).
 */
import type { Driver } from 'neo4j-driver';

export async function warmPageCache(driver: Driver, log: (line: string) => void = console.log): Promise<void> {
  const started = Date.now();
  for (const query of ['MATCH (n) RETURN count(properties(n)) AS read', 'MATCH ()-[r]->() RETURN count(properties(r)) AS read']) {
    await driver.executeQuery(query, {}, { database: 'neo4j' });
  }
  log(`  Page cache warmed: every node and relationship read in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
