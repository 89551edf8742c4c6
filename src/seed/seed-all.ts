/**
 * Validates every seed first, then loads them one transaction per article, printing
 * progress. Nothing is written unless every seed validated.
 */
import type { GraphDb } from '../db/graph-db.js';
import { discoverSeeds } from './discover.js';
import { loadSeed, type LoadSummary } from './load.js';
import { SeedValidationError, validateSeed, type SeedPlan } from './validate.js';

export async function seedAll(db: GraphDb, path: string, log: (line: string) => void = () => {}): Promise<LoadSummary[]> {
  const dirs = discoverSeeds(path);
  const plans: SeedPlan[] = [];
  const problems: SeedValidationError['problems'] = [];
  for (const dir of dirs) {
    try {
      plans.push(validateSeed(dir));
    } catch (error) {
      if (!(error instanceof SeedValidationError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length) throw new SeedValidationError(problems);
  log(`Validated ${plans.length} seed(s); loading…`);
  const summaries: LoadSummary[] = [];
  for (const [i, plan] of plans.entries()) {
    const s = await loadSeed(db, plan);
    summaries.push(s);
    log(
      `  [${i + 1}/${plans.length}] ${plan.dir}: ${s.sentences} sentences, ${s.entities} entities, ${s.facts} facts, ${s.links} relationships, ${s.evidence} evidence links`,
    );
  }
  return summaries;
}
