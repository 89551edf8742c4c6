import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed, SeedConflictError } from '../src/seed/load.js';
import { seedAll } from '../src/seed/seed-all.js';
import { SeedValidationError, validateSeed } from '../src/seed/validate.js';
import { counts, openDb, resetDb } from './helpers.js';

const FIRST = 'seeds/000_a6a1374e8d96988f';
const SECOND = 'tests/fixtures/seeds/001_invented-council-vote';

/** A copy of the first seed in a temp folder, with graph.yaml changed by `edit`. */
function brokenCopy(edit: (yaml: string) => string, editText: (text: string) => string = (t) => t): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'seed-')), '000_broken');
  cpSync(FIRST, dir, { recursive: true });
  writeFileSync(join(dir, 'graph.yaml'), edit(readFileSync(join(dir, 'graph.yaml'), 'utf8')));
  writeFileSync(join(dir, 'article.txt'), editText(readFileSync(join(dir, 'article.txt'), 'utf8')));
  return dir;
}

function problemsOf(dir: string): string {
  try {
    validateSeed(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(SeedValidationError);
    return (error as Error).message;
  }
  throw new Error(`${dir} validated, but a problem was expected`);
}

describe('loading the first article', () => {
  const db = openDb();
  beforeAll(() => resetDb(db));
  afterAll(() => db.close());

  it('writes one node per sentence, entity and fact', async () => {
    const plan = validateSeed(FIRST);
    await loadSeed(db, plan);
    const { records } = await db.driver.executeQuery(
      `MATCH (n) RETURN sum(CASE WHEN n:Sentence THEN 1 ELSE 0 END) AS sentences, sum(CASE WHEN n:Entity THEN 1 ELSE 0 END) AS entities,
              sum(CASE WHEN n:Fact THEN 1 ELSE 0 END) AS facts, sum(CASE WHEN n:Statement THEN 1 ELSE 0 END) AS statements, sum(CASE WHEN n:Article THEN 1 ELSE 0 END) AS articles`,
    );
    const g = plan.graph;
    expect(records[0]!.toObject()).toEqual({
      sentences: 38, // the article's 39 segments less one stray quotation mark
      entities: g.entities.length,
      facts: g.roles.length + g.events.length + g.motions.length + g.votes.length + g.statements.length,
      statements: g.statements.length,
      articles: 1,
    });
  });

  it('ties every sentence to a fact or entity, the one marked as giving no fact by a mention only', async () => {
    const untied = await db.driver.executeQuery(
      'MATCH (s:Sentence) WHERE NOT EXISTS { (s)<-[:EVIDENCED_BY|MENTIONED_IN]-() } RETURN s.text AS text',
    );
    expect(untied.records).toEqual([]);
    const { records } = await db.driver.executeQuery(
      'MATCH (s:Sentence) WHERE NOT EXISTS { (s)<-[:EVIDENCED_BY]-(:Fact) } OPTIONAL MATCH (s)<-[:MENTIONED_IN]-(e) RETURN s.text AS text, collect(e.id) AS mentioned',
    );
    expect(records.map((r) => [r.get('text'), r.get('mentioned')])).toEqual([['Source: Huff Post', ['org:huffpost-uk']]]);
  });

  it('stores the vote numbers and outcome', async () => {
    const { records } = await db.driver.executeQuery(
      'MATCH (v:Vote)-[:ON]->(m:Motion)<-[:PROPOSED]-(p:Person) RETURN v.votesFor AS f, v.votesAgainst AS a, m.outcome AS outcome, p.name AS proposer',
    );
    expect(records.map((r) => r.toObject())).toEqual([{ f: 14, a: 23, outcome: 'rejected', proposer: 'Ian Murray' }]);
  });

  it('stores evidence offsets that point at the quoted words', async () => {
    const text = readFileSync(join(FIRST, 'article.txt'), 'utf8');
    const chars = Array.from(text);
    const { records } = await db.driver.executeQuery('MATCH (s:Statement) RETURN s.text AS words, s.start AS start, s.end AS end');
    expect(records.length).toBeGreaterThan(20);
    for (const r of records) expect(chars.slice(r.get('start'), r.get('end')).join('')).toBe(r.get('words'));
  });

  it('leaves node and relationship counts unchanged when loaded again', async () => {
    const before = await counts(db);
    await seedAll(db, FIRST);
    await seedAll(db, FIRST);
    expect(await counts(db)).toEqual(before);
    expect(before.nodes).toBeGreaterThan(100);
  });

  it('writes nothing from a seed that fails validation', async () => {
    const before = await counts(db);
    const bad = brokenCopy((y) => y.replace('proposer: person:ian-murray', 'proposer: person:nobody'));
    await expect(seedAll(db, bad)).rejects.toThrow(/"person:nobody" is not defined in this file/);
    expect(await counts(db)).toEqual(before);
  });

  it('writes nothing when a fact id already belongs to another article', async () => {
    const before = await counts(db);
    const clash = brokenCopy((y) => y.replace(/^(\s+)id: article:[^\n]+/m, '$1id: article:another-article'));
    await expect(loadSeed(db, validateSeed(clash))).rejects.toThrow(SeedConflictError);
    expect(await counts(db)).toEqual(before);
  });

  it('loads a second article beside the first, sharing the entity they both name', async () => {
    await seedAll(db, SECOND);
    const { records } = await db.driver.executeQuery(
      `MATCH (p:Person {id: 'person:keir-starmer'})-[m:MENTIONED_IN]->(s:Sentence)
       RETURN count(DISTINCT p) AS people, collect(DISTINCT s.articleId) AS articles`,
    );
    expect(records[0]!.get('people')).toBe(1);
    expect([...records[0]!.get('articles')].sort()).toEqual([
      'article:huffpost-nec-rejects-corbyn-whip',
      'article:invented-wrenford-library-vote',
    ]);
    const articles = await db.driver.executeQuery('MATCH (a:Article) RETURN count(a) AS n');
    expect(articles.records[0]!.get('n')).toBe(2);
  });
});

describe('seed validation errors', () => {
  it('name the file, line and column of a YAML syntax error', () => {
    const msg = problemsOf(brokenCopy((y) => y.replace('entities:', 'entities: [')));
    expect(msg).toMatch(/graph\.yaml:\d+:\d+ *: YAML: /);
  });

  it('name the path and line of a value of the wrong kind', () => {
    const msg = problemsOf(brokenCopy((y) => y.replace('outcome: rejected', 'outcome: lost')));
    expect(msg).toMatch(
      /graph\.yaml:\d+:\d+ motions\[0\]\.outcome: Invalid option: expected one of "passed"\|"rejected"\|"withdrawn"\|"pending"/,
    );
  });

  it('name an unknown field', () => {
    const msg = problemsOf(brokenCopy((y) => y.replace('outcome: rejected', 'outcome: rejected\n    colour: red')));
    expect(msg).toMatch(/motions\[0\]: unknown field\(s\) "colour"/);
  });

  it('name a reference to an id of the wrong kind', () => {
    const msg = problemsOf(brokenCopy((y) => y.replace('decidedBy: org:labour-nec', 'decidedBy: person:ian-murray')));
    expect(msg).toMatch(/graph\.yaml:\d+:\d+ motions\[0\]\.decidedBy: "person:ian-murray" is a Person, but this needs Organisation/);
  });

  it('name evidence words that are not in the article', () => {
    const msg = problemsOf(brokenCopy((y) => y.replace('Fire Brigades Union chief Ian Murray', 'Fire Brigade chief Ian Murray')));
    expect(msg).toMatch(/evidence\[\d+\]: the words "Fire Brigade chief Ian Murray" are not in the article/);
  });

  it('name a statement that gives a second stance toward the same target', () => {
    const msg = problemsOf(
      brokenCopy((y) =>
        y.replace(
          '      - { target: motion:restore-corbyn-whip, stance: SUPPORT }\n    evidence:',
          '      - { target: motion:restore-corbyn-whip, stance: SUPPORT }\n      - { target: motion:restore-corbyn-whip, stance: OPPOSE }\n    evidence:',
        ),
      ),
    );
    expect(msg).toMatch(/statements\[\d+\]\.about\[\d+\]\.target: names motion:restore-corbyn-whip a second time/);
  });

  it('name evidence words that appear more than once', () => {
    const msg = problemsOf(brokenCopy((y) => y.replace(/(evidence:\n\s+- )[^\n]+/, '$1Corbyn')));
    expect(msg).toMatch(/the words "Corbyn" appear \d+ times; write \{ quote, occurrence \}/);
  });

  it('name a sentence that no fact covers', () => {
    const msg = problemsOf(
      brokenCopy(
        (y) => y,
        (t) => `${t}\nThe weather was mild that week.`,
      ),
    );
    expect(msg).toMatch(
      /sentence 39 of article\.txt is not evidence for any fact; add a fact or list it under noFacts: "The weather was mild that week\."/,
    );
  });

  it('name an id used twice', () => {
    const msg = problemsOf(brokenCopy((y) => y.replace('id: person:ian-murray', 'id: person:jeremy-corbyn')));
    expect(msg).toMatch(/id "person:jeremy-corbyn" is used twice/);
  });

  it('name a missing article file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-empty-'));
    writeFileSync(join(dir, 'graph.yaml'), 'article: {}\n');
    expect(problemsOf(dir)).toMatch(/article\.txt: file not found/);
  });

  it('make `npm run seed -- --check` exit 1 with the problems and write nothing', () => {
    const bad = brokenCopy((y) => y.replace('outcome: rejected', 'outcome: lost'));
    const r = spawnSync('npx', ['tsx', 'src/seed/cli.ts', '--check', bad], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/motions\[0\]\.outcome/);
  });
});
