/**
 * A run of many seeds: every check the load makes is made by `--check` too (across folders),
 * nothing loads when any seed is invalid or clashes, a run cut short says what loaded and a
 * rerun finishes it, and seed files are regular files in valid UTF-8.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { GraphDb } from '../src/db/graph-db.js';
import { SeedDiscoveryError } from '../src/seed/discover.js';
import { checkAll, seedAll, validateAll } from '../src/seed/seed-all.js';
import { SeedValidationError, validateSeed } from '../src/seed/validate.js';
import { counts, openDb, resetDb } from './helpers.js';

const FIRST = 'seeds/000_a6a1374e8d96988f';
const SECOND = 'tests/fixtures/seeds/001_invented-council-vote';

/** A folder of seed folders, copied from `sources`, each optionally edited. */
function seedDir(sources: [string, string, ((yaml: string) => string)?][]): string {
  const root = mkdtempSync(join(tmpdir(), 'seed-run-'));
  for (const [name, from, edit] of sources) {
    cpSync(from, join(root, name), { recursive: true });
    if (edit) writeFileSync(join(root, name, 'graph.yaml'), edit(readFileSync(join(root, name, 'graph.yaml'), 'utf8')));
  }
  return root;
}

const problems = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof SeedValidationError || error instanceof SeedDiscoveryError) return error.message;
    throw error;
  }
  throw new Error('expected the seeds to be refused');
};

describe('checking many seed folders', () => {
  it('refuses two folders with one article id, naming both', () => {
    const root = seedDir([
      ['a', SECOND],
      ['b', SECOND],
    ]);
    expect(problems(() => validateAll(root))).toMatch(
      /b\/graph\.yaml article\.id: "article:[^"]+" is also the article of .*\/a; each article has one folder/,
    );
  });

  it('refuses a fact id used by two articles, before anything is loaded', () => {
    const root = seedDir([
      ['a', SECOND],
      ['b', SECOND, (y) => y.replace(/^(article:\n  id: article:)[\w-]+/m, '$1another')],
    ]);
    const vote = readFileSync(join(SECOND, 'graph.yaml'), 'utf8').match(/id: (vote:[\w-]+)/)![1];
    expect(problems(() => validateAll(root))).toContain(`fact id "${vote}" is also used in`);
  });

  it('refuses a symbolically linked seed folder instead of skipping it', () => {
    const root = seedDir([['a', SECOND]]);
    symlinkSync(join(process.cwd(), FIRST), join(root, 'b'));
    expect(problems(() => validateAll(root))).toMatch(/b: a symbolic link to a seed folder; seed folders must be real folders/);
  });

  it('refuses a symbolically linked article.txt without reading it, and a FIFO without waiting on it', () => {
    const root = seedDir([['a', SECOND]]);
    const secret = join(mkdtempSync(join(tmpdir(), 'outside-')), 'secret.txt');
    writeFileSync(secret, 'TOP SECRET WORDS');
    execFileSync('rm', [join(root, 'a', 'article.txt')]);
    symlinkSync(secret, join(root, 'a', 'article.txt'));
    const message = problems(() => validateSeed(join(root, 'a')));
    expect(message).toMatch(/article\.txt: is a symbolic link/);
    expect(message).not.toContain('TOP SECRET');
    execFileSync('rm', [join(root, 'a', 'article.txt')]);
    execFileSync('mkfifo', [join(root, 'a', 'article.txt')]);
    expect(problems(() => validateSeed(join(root, 'a')))).toMatch(/article\.txt: is not a regular file/);
  });

  it('takes valid UTF-8 that holds U+FFFD, and refuses bytes that are not UTF-8', () => {
    const root = seedDir([['a', SECOND]]);
    const text = readFileSync(join(root, 'a', 'article.txt'), 'utf8');
    writeFileSync(join(root, 'a', 'article.txt'), `${text}\n`.replace(/\.\n$/, '. \uFFFD\n'));
    expect(() => validateSeed(join(root, 'a'))).not.toThrow(/UTF-8/);
    writeFileSync(join(root, 'a', 'article.txt'), Buffer.concat([Buffer.from(text), Buffer.from([0xc3, 0x28])]));
    expect(problems(() => validateSeed(join(root, 'a')))).toMatch(/article\.txt: file is not valid UTF-8/);
  });
});

describe('a run of many seeds', () => {
  const db = openDb();
  beforeEach(() => resetDb(db));
  afterAll(() => db.close());

  it('skips what an earlier run loaded, so a run cut short is finished by running it again', async () => {
    const root = seedDir([
      ['a', FIRST],
      ['b', SECOND],
    ]);
    await seedAll(db, join(root, 'a'));
    const lines: string[] = [];
    const loaded = await seedAll(db, root, { log: (l) => lines.push(l) });
    expect(loaded.map((s) => s.articleId)).toHaveLength(1);
    expect(lines.some((l) => /\[1\/2\] .*\/a: unchanged since it was loaded; skipped/.test(l))).toBe(true);
    expect(lines.some((l) => /\[2\/2\] .*\/b: \d+ sentences/.test(l))).toBe(true);
    const again = await seedAll(db, root, { force: true });
    expect(again).toHaveLength(2);
  });

  it('says which articles loaded and which did not when a load fails, and a rerun loads the rest', async () => {
    const root = seedDir([
      ['a', FIRST],
      ['b', SECOND],
    ]);
    const n = openDb();
    // A database that fails the second article's write transaction (the first loads).
    let writes = 0;
    const failing = Object.assign(Object.create(GraphDb.prototype) as GraphDb, n, {
      writeTransaction: (work: Parameters<GraphDb['writeTransaction']>[0]) => {
        writes++;
        // Two conflict checks run first, then one load per article.
        if (writes === 4) return Promise.reject(new Error('connection lost'));
        return n.writeTransaction(work);
      },
    });
    await expect(seedAll(failing, root)).rejects.toThrow(/Loaded 1 of 2 \(.*\/a\); not loaded: .*\/b\. Fix the cause and run again/);
    expect((await db.driver.executeQuery('MATCH (a:Article) RETURN count(a) AS n')).records[0]!.get('n')).toBe(1);
    const rest = await seedAll(db, root);
    expect(rest).toHaveLength(1);
    expect((await db.driver.executeQuery('MATCH (a:Article) RETURN count(a) AS n')).records[0]!.get('n')).toBe(2);
    await n.close();
  });

  it('writes nothing when one seed of the run clashes with the database', async () => {
    await seedAll(db, SECOND);
    const before = await counts(db);
    // The same facts under another article id: the database says they belong to the first.
    const clash = seedDir([
      ['a', FIRST],
      ['b', SECOND, (y) => y.replace(/^(article:\n  id: article:)[\w-]+/m, '$1another')],
    ]);
    await expect(seedAll(db, clash)).rejects.toThrow(
      /Nothing was loaded: 1 seed\(s\) clash with the database:\n.*\/b: \S+ is already a fact of article/,
    );
    expect(await counts(db)).toEqual(before);
  });

  it('finds the same clash with `--check`, which writes nothing and exits 1', async () => {
    await seedAll(db, SECOND);
    const before = await counts(db);
    const clash = seedDir([['b', SECOND, (y) => y.replace(/^(article:\n  id: article:)[\w-]+/m, '$1another')]]);
    // validateAll alone passes it: only the database knows the facts are another article's.
    expect(validateAll(clash)).toHaveLength(1);
    await expect(checkAll(db, clash)).rejects.toThrow(/clash with the database:\n.*\/b: \S+ is already a fact of article/);
    const n = inject('neo4j');
    const r = spawnSync('npx', ['tsx', 'src/seed/cli.ts', '--check', clash], {
      encoding: 'utf8',
      env: { ...process.env, NEO4J_URI: n.uri, NEO4J_USER: n.user, NEO4J_PASSWORD: n.password, NEO4J_DATABASE: n.database },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/is already a fact of article/);
    expect(await counts(db)).toEqual(before);
  });
});
