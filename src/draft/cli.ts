/**
 * `npm run draft -- PATH [--title T] [--publisher P] [--published-at YYYY-MM-DD] [--url U]
 * [--out DIR] [--force]`: drafts a seed folder from raw article text.
 *  - PATH a text file named article.txt: writes graph.yaml beside it.
 *  - PATH another text file: makes a new seed folder (--out, else SEED_DIR or seeds/ and a name
 *    from the next number and the title) holding article.txt and graph.yaml.
 *  - PATH a folder: drafts the folder itself when it holds article.txt, else every subfolder
 *    that holds an article.txt and no graph.yaml yet.
 * A graph.yaml already there is never overwritten unless --force is given. Each draft is checked
 * with the seed validator before it is written; nothing touches the database.
 * Exit codes: 0 every draft written, 1 some article refused (the message says why), 2 usage.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { SeedValidationError, validateSeed } from '../seed/validate.js';
import { draftArticle, type DraftOptions } from './draft.js';
import { loadGazetteer, seedIds } from './gazetteer.js';
import { slug } from './ids.js';
import { typeChooser } from './types.js';
import { DraftInputError, readArticle } from './input.js';
import { draftToYaml } from './write.js';

const usage = `Usage: npm run draft -- PATH [--title T] [--publisher P] [--published-at YYYY-MM-DD] [--url U] [--out DIR] [--force]
  PATH            article.txt (graph.yaml is written beside it), another text file (a new seed folder is made),
                  or a folder (every subfolder with article.txt and no graph.yaml)
  --title, --publisher, --published-at, --url   the article's details (default: its first sentence; "Source: …" line)
  --out DIR       where a new seed folder goes (default: SEED_DIR or seeds/, named NNN_<title>)
  --force         overwrite a graph.yaml that is already there`;

let values: Record<string, string | boolean | undefined>;
let positionals: string[];
try {
  ({ values, positionals } = parseArgs({
    options: {
      title: { type: 'string' },
      publisher: { type: 'string' },
      'published-at': { type: 'string' },
      url: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (values.help || positionals.length !== 1) {
  console.log(usage);
  process.exit(values.help ? 0 : 2);
}
const publishedAt = values['published-at'] as string | undefined;
if (publishedAt && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(publishedAt)) {
  console.error(`--published-at must be YYYY, YYYY-MM or YYYY-MM-DD, not ${JSON.stringify(publishedAt)}`);
  process.exit(2);
}
const seedDir = process.env.SEED_DIR ?? 'seeds';
const options: Omit<DraftOptions, 'gazetteer'> = {
  title: values.title as string | undefined,
  publisher: values.publisher as string | undefined,
  publishedAt,
  url: values.url as string | undefined,
};

const path = positionals[0]!;
if (!existsSync(path)) {
  console.error(`${path}: no such file or folder`);
  process.exit(2);
}
const jobs: { text: string; folder: string; newFolder: boolean }[] = [];
if (statSync(path).isDirectory()) {
  const own = join(path, 'article.txt');
  const folders = existsSync(own)
    ? [path]
    : readdirSync(path, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(join(path, d.name, 'article.txt')))
        .map((d) => join(path, d.name))
        .filter((f) => values.force || !existsSync(join(f, 'graph.yaml')))
        .sort();
  if (!folders.length) console.log(`${path}: no article.txt without a graph.yaml to draft`);
  for (const f of folders) jobs.push({ text: join(f, 'article.txt'), folder: f, newFolder: false });
} else if (basename(path) === 'article.txt') jobs.push({ text: path, folder: dirname(path), newFolder: false });
else jobs.push({ text: path, folder: '', newFolder: true });

const types = typeChooser(seedDir);
let failed = 0;
for (const job of jobs) {
  try {
    const text = readArticle(job.text);
    const gazetteer = loadGazetteer(seedDir, { exceptText: text });
    const takenIds = seedIds(seedDir, { exceptText: text });
    const started = performance.now();
    const draft = draftArticle(text, { ...options, gazetteer, types, takenIds });
    const ms = performance.now() - started;
    let folder = job.folder;
    if (job.newFolder) {
      const base = (values.out as string | undefined) ?? seedDir;
      mkdirSync(base, { recursive: true });
      const next = readdirSync(base).filter((n) => /^\d{3}_/.test(n)).length;
      folder = join(base, `${String(next).padStart(3, '0')}_${slug(draft.graph.article.title).slice(0, 40).replace(/-+$/, '')}`);
    }
    const graphFile = join(folder, 'graph.yaml');
    if (existsSync(graphFile) && !values.force) throw new DraftInputError(`${graphFile} exists (a curated file?); --force overwrites it`);
    const yaml = draftToYaml(draft);
    // Check the draft as the loader will, in a scratch folder, before writing anything.
    const scratch = mkdtempSync(join(tmpdir(), 'newsgraph-draft-'));
    try {
      writeFileSync(join(scratch, 'article.txt'), text);
      writeFileSync(join(scratch, 'graph.yaml'), yaml);
      validateSeed(scratch);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    mkdirSync(folder, { recursive: true });
    if (job.newFolder) writeFileSync(join(folder, 'article.txt'), text);
    else if (readArticleRaw(job.text) !== text) {
      // Line ends or a byte-order mark changed while reading: keep the text the draft points into.
      copyFileSync(job.text, `${job.text}.orig`);
      writeFileSync(job.text, text);
      console.log(`${job.text}: normalised (line ends / BOM); the original is kept as article.txt.orig`);
    }
    writeFileSync(graphFile, yaml);
    const g = draft.graph;
    console.log(
      `${graphFile}: drafted in ${ms.toFixed(0)} ms: ${draft.counts.sentences} sentences, ${g.entities.length} entities, ${g.roles.length} roles, ${g.votes.length} votes, ${g.motions.length} motions, ${g.statements.length} statements, ${g.relations.length} relations, ${g.noFacts.length} sentences under noFacts, ${draft.counts.low} low-certainty items. Review it, then \`npm run seed -- --check ${folder}\`.`,
    );
  } catch (error) {
    failed++;
    if (error instanceof DraftInputError) console.error(`${job.text}: ${error.message.replace(`${job.text}: `, '')}`);
    else if (error instanceof SeedValidationError)
      console.error(`${job.text}: the draft did not validate (a drafter bug; please report it):\n${error.message}`);
    else throw error;
  }
}
process.exit(failed ? 1 : 0);

function readArticleRaw(file: string): string {
  return new TextDecoder().decode(readFileSync(file));
}
