/**
 * Validates every seed first, across folders too, then loads them one transaction per
 * article, printing progress.
 *
 * Contract: `validateAll(path)` runs every check a load runs that needs no database: each
 * folder on its own, and across folders (two folders with one article id, a fact id in two
 * articles, one entity id given two kinds). `checkAll(db, path)` adds the checks against the
 * database (ids another article there owns) and writes nothing: `npm run seed -- --check` is
 * exactly this, so a seed that passes it loads. `seedAll(db, path)` writes nothing unless
 * every seed is valid and none clashes with the database; then it loads each article in its
 * own transaction, skipping an article whose stored seed (text and graph) is byte for byte
 * the same (`force` reloads it). If a load fails or the run is killed, each article is either
 * loaded whole or not at all, the error says which loaded and which did not, and running it
 * again loads the rest.
 */
import type { GraphDb } from '../db/graph-db.js';
import { queries } from '../db/queries.js';
import { discoverSeeds } from './discover.js';
import { findConflicts, loadSeed, SeedConflictError, type LoadSummary } from './load.js';
import { SeedValidationError, validateSeed, type SeedPlan, type SeedProblem } from './validate.js';

export function validateAll(path: string): SeedPlan[] {
  const plans: SeedPlan[] = [];
  const problems: SeedProblem[] = [];
  for (const dir of discoverSeeds(path)) {
    try {
      plans.push(validateSeed(dir));
    } catch (error) {
      if (!(error instanceof SeedValidationError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length) throw new SeedValidationError(problems);
  problems.push(...acrossFolders(plans));
  if (problems.length) throw new SeedValidationError(problems);
  return plans;
}

/** What no single folder can see: ids that two folders both claim. */
function acrossFolders(plans: SeedPlan[]): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const file = (p: SeedPlan) => `${p.dir}/graph.yaml`;
  const articles = new Map<string, SeedPlan>();
  const facts = new Map<string, SeedPlan>();
  const kinds = new Map<string, { kind: string; plan: SeedPlan }>();
  for (const plan of plans) {
    const other = articles.get(plan.article.id);
    if (other)
      problems.push({
        file: file(plan),
        path: 'article.id',
        message: `"${plan.article.id}" is also the article of ${other.dir}; each article has one folder`,
      });
    else articles.set(plan.article.id, plan);
    const g = plan.graph;
    for (const f of [...g.roles, ...g.events, ...g.motions, ...g.votes, ...g.statements, ...g.relations]) {
      const owner = facts.get(f.id);
      if (owner && owner !== plan)
        problems.push({
          file: file(plan),
          path: f.id,
          message: `fact id "${f.id}" is also used in ${owner.dir}; a fact belongs to one article`,
        });
      else facts.set(f.id, plan);
    }
    for (const e of g.entities) {
      const seen = kinds.get(e.id);
      if (seen && seen.kind !== e.kind)
        problems.push({ file: file(plan), path: e.id, message: `"${e.id}" is a ${e.kind} here but a ${seen.kind} in ${seen.plan.dir}` });
      else if (!seen) kinds.set(e.id, { kind: e.kind, plan });
    }
  }
  return problems;
}

export interface SeedOptions {
  log?: (line: string) => void;
  /** Reload articles whose seed is unchanged (default: skip them). */
  force?: boolean;
}

/** Every check a load makes, the database's included; writes nothing. Throws as `seedAll` would before writing. */
export async function checkAll(db: GraphDb, path: string, log: (line: string) => void = () => {}): Promise<SeedPlan[]> {
  const plans = validateAll(path);
  log(`Validated ${plans.length} seed(s); checking them against the database…`);
  const conflicts = (await Promise.all(plans.map(async (p) => ({ plan: p, found: await findConflicts(db, p) })))).filter(
    (c) => c.found.length,
  );
  if (conflicts.length)
    throw new SeedConflictError(
      `Nothing was loaded: ${conflicts.length} seed(s) clash with the database:\n${conflicts.map((c) => c.found.map((x) => `  ${c.plan.dir}: ${x.id} ${x.problem}`).join('\n')).join('\n')}`,
    );
  return plans;
}

export async function seedAll(db: GraphDb, path: string, options: SeedOptions | ((line: string) => void) = {}): Promise<LoadSummary[]> {
  const { log = () => {}, force = false } = typeof options === 'function' ? { log: options } : options;
  const plans = await checkAll(db, path, log);
  const stored = new Map((await db.read(queries.articleHashes, { ids: plans.map((p) => p.article.id) })).map((r) => [r.id, r.seedHash]));
  const summaries: LoadSummary[] = [];
  const loaded: string[] = [];
  for (const [i, plan] of plans.entries()) {
    if (!force && stored.get(plan.article.id) === plan.article.seedHash) {
      log(`  [${i + 1}/${plans.length}] ${plan.dir}: unchanged since it was loaded; skipped`);
      loaded.push(plan.dir);
      continue;
    }
    try {
      const s = await loadSeed(db, plan);
      summaries.push(s);
      loaded.push(plan.dir);
      log(
        `  [${i + 1}/${plans.length}] ${plan.dir}: ${s.sentences} sentences, ${s.entities} entities, ${s.facts} facts, ${s.links} relationships, ${s.evidence} evidence links`,
      );
    } catch (error) {
      const rest = plans.slice(i).map((p) => p.dir);
      const message = error instanceof Error ? error.message : String(error);
      const account = `Loaded ${loaded.length} of ${plans.length}${loaded.length ? ` (${loaded.join(', ')})` : ''}; not loaded: ${rest.join(', ')}. Fix the cause and run again: what loaded is skipped, the rest is loaded.`;
      if (error instanceof SeedConflictError) throw new SeedConflictError(`${message}\n${account}`);
      throw new Error(`${plan.dir}: ${message}\n${account}`, { cause: error });
    }
  }
  return summaries;
}
