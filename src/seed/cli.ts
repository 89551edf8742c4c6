/**
 * `npm run seed [-- PATH] [-- --check]`: validates, then loads, every seed folder under
 * SEED_DIR (default seeds/), or just PATH. `--check` makes every check the load makes (each
 * folder, across folders, and against the database: ids an article there owns) and writes
 * nothing; `--force` reloads seeds that are unchanged since their load. Uses NEO4J_URI when
 * set, else starts the local Neo4j for the duration of the run (`--check` included).
 * Exit codes: 0 loaded (or valid), 1 invalid seed or conflict, 2 configuration or database.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { vocabulary, VocabularyError } from '../core/vocabulary.js';
import { connect } from '../db/connect.js';
import { SeedDiscoveryError } from './discover.js';
import { SeedConflictError } from './load.js';
import { checkAll, seedAll, validateAll } from './seed-all.js';
import { SeedValidationError } from './validate.js';

const { values, positionals } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
  allowPositionals: true,
});
if (values.help) {
  console.log(
    'Usage: npm run seed [-- [--check] [--force] [PATH]]\n  PATH     a seed folder, or a folder of them (default: SEED_DIR or seeds/)\n  --check  every check of a load (each folder, across folders, against the database); write nothing\n  --force  reload articles whose seed is unchanged since it was loaded (default: skip them)',
  );
  process.exit(0);
}

try {
  const config = loadConfig();
  vocabulary(); // checked first: a bad edit to the vocabulary stops here, with file:line
  const path = positionals[0] ?? config.seedDir;
  if (values.check) {
    validateAll(path); // the files first: a bad seed is reported without starting a database
    const conn = await connect(config, (l) => console.log(l));
    let plans;
    try {
      plans = await checkAll(conn.db, path, (l) => console.log(l));
    } finally {
      await conn.close();
    }
    for (const plan of plans) {
      const dir = plan.dir;
      const g = plan.graph;
      console.log(
        `${dir}: valid: ${plan.sentences.length} sentences, ${g.entities.length} entities, ${g.roles.length} roles, ${g.events.length} events, ${g.motions.length} motions, ${g.votes.length} votes, ${g.statements.length} statements, ${plan.relations.length} relationships (${g.relations.length} explicit), ${g.noFacts.length} sentences marked as giving no fact`,
      );
    }
  } else {
    const conn = await connect(config, (l) => console.log(l));
    try {
      await seedAll(conn.db, path, { log: (l) => console.log(l), force: values.force });
    } finally {
      await conn.close();
    }
  }
} catch (error) {
  if (
    error instanceof SeedValidationError ||
    error instanceof SeedConflictError ||
    error instanceof SeedDiscoveryError ||
    error instanceof VocabularyError
  ) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(2);
}
