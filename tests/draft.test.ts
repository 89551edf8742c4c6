/**
 * Drafting end to end: every draft validates as written, bad input gets a clear message or a
 * smaller valid draft, and the command never overwrites a graph.yaml unless told to. No Neo4j:
 * nothing here touches a database (`npx vitest run -c vitest.draft.config.ts`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateSeed } from '../src/seed/validate.js';
import { draftArticle } from '../src/draft/draft.js';
import { loadGazetteer } from '../src/draft/gazetteer.js';
import { checkText, DraftInputError } from '../src/draft/input.js';
import { draftToYaml } from '../src/draft/write.js';

const scratch = mkdtempSync(join(tmpdir(), 'newsgraph-draft-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let n = 0;
function draftValidates(text: string, publishedAt?: string) {
  const dir = join(scratch, `d${n++}`);
  mkdirSync(dir);
  const draft = draftArticle(text, { gazetteer: loadGazetteer('seeds', { exceptText: text }), publishedAt });
  writeFileSync(join(dir, 'article.txt'), text);
  writeFileSync(join(dir, 'graph.yaml'), draftToYaml(draft));
  return { plan: validateSeed(dir), draft, yaml: readFileSync(join(dir, 'graph.yaml'), 'utf8') };
}

describe('a draft', () => {
  it.each([
    'seeds/000_a6a1374e8d96988f',
    'tests/fixtures/seeds/001_invented-council-vote',
    'tests/fixtures/drafting/business-takeover-vote',
  ])('of %s passes validateSeed as written', (dir) => {
    expect(() => draftValidates(readFileSync(join(dir, 'article.txt'), 'utf8'))).not.toThrow();
  });
  it('says at the top that it is a draft, and before each item how it was found', () => {
    const { yaml } = draftValidates('Mayor Lin Ocho said: “The bridge opens on Friday.”');
    expect(yaml.startsWith('# DRAFT graph.yaml')).toBe(true);
    expect(yaml).toMatch(/# found by: speech verb "said" before the quote.*; sure: high/);
  });
  it('links an entity already in the seeds by name, keeping its id', () => {
    const { plan } = draftValidates('Corbyn met Dana Vey in the morning. Keir Starmer did not.');
    expect(plan.graph.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['person:jeremy-corbyn', 'person:keir-starmer']));
  });
  it('of an article with no quotes at all is valid, and lists what it could not use', () => {
    const { plan } = draftValidates('The Helm Trust opened a new ward in Tarsby.\nIt rained all day.\nVisitors came from far away.');
    expect(plan.graph.statements).toHaveLength(0);
    expect(plan.graph.noFacts.map((f) => f.reason)).toEqual([
      expect.stringMatching(/^DRAFT: the drafter found no entity/),
      expect.stringMatching(/^DRAFT/),
    ]);
  });
  it('with curly and straight quotes mixed, and a quote never closed, is valid', () => {
    const { plan } = draftValidates(
      'Ana Ruiz said: "We are on track for June." Tom Hale said: “We are not ready at all.\nThe works began in March.',
    );
    expect(plan.graph.statements.map((s) => [s.text, s.speaker])).toEqual([
      ['We are on track for June.', 'person:ana-ruiz'],
      ['We are not ready at all.', 'person:tom-hale'],
    ]);
  });
  it('puts a quote with no speaker it can find under noFacts, saying so', () => {
    const { plan } = draftValidates(
      'The Velt Council met.\n\nIt was cold.\n\nNobody came.\n\nA banner read: “Save our park from the bulldozers.”',
    );
    expect(plan.graph.noFacts.find((f) => JSON.stringify(f.sentence).includes('banner'))?.reason).toMatch(
      /speaker the drafter could not find/,
    );
  });
  it('resolves dates against the publication date, with their words kept', () => {
    const { plan } = draftValidates('The board of the Orrin Health Trust voted 8-2 on Thursday to close the ward.', '2026-05-22');
    expect(plan.graph.votes[0]).toMatchObject({ for: 8, against: 2, outcome: 'passed' });
    expect(plan.graph.events[0]).toMatchObject({ date: '2026-05-21', when: 'Thursday' });
  });
});

describe('a vote given as a share', () => {
  it('is a quantity in percent, with no counts', () => {
    const { plan } = draftValidates(
      'The Lark Union balloted its members on the pay offer.\nIn all, 62% of members voted in favour of the offer.',
    );
    expect(plan.graph.votes[0]).toMatchObject({
      outcome: 'passed',
      quantities: [{ of: 'votes in favour', value: 62, unit: 'percent', text: '62%' }],
    });
    expect(plan.graph.votes[0]).not.toHaveProperty('for');
  });
});

describe('bad input', () => {
  it('refuses empty text, NUL bytes and text that is not UTF-8 with a clear message', () => {
    expect(() => checkText(new TextEncoder().encode('   \n '))).toThrow(/empty/);
    expect(() => checkText(new Uint8Array([65, 0, 66]))).toThrow(/not a text file/);
    expect(() => checkText(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20]))).toThrow(/not valid UTF-8/);
    expect(checkText(new TextEncoder().encode('\uFEFFOne line.\r\nTwo lines.\r\n'))).toBe('One line.\nTwo lines.');
  });
  it('refuses a text in which it finds nothing to draft', () => {
    expect(() => draftArticle('it rained. then it stopped.')).toThrow(DraftInputError);
  });
});

describe('npm run draft', () => {
  const run = (...args: string[]) => spawnSync('npx', ['tsx', 'src/draft/cli.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  it('writes graph.yaml beside article.txt, and will not overwrite it without --force', () => {
    const dir = join(scratch, 'cli');
    mkdirSync(dir);
    writeFileSync(join(dir, 'article.txt'), 'Coach Pia Lund said: “We will be back next year.”\n');
    const first = run(join(dir, 'article.txt'), '--publisher', 'Lund Post');
    expect(first.status, first.stderr).toBe(0);
    expect(validateSeed(dir).graph.article.publisher).toBe('Lund Post');
    writeFileSync(join(dir, 'graph.yaml'), '# curated\n');
    const second = run(join(dir, 'article.txt'));
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/exists .*--force/);
    expect(readFileSync(join(dir, 'graph.yaml'), 'utf8')).toBe('# curated\n');
    expect(run(join(dir, 'article.txt'), '--force').status).toBe(0);
  });
  it('refuses a file too large for the loader and writes nothing', () => {
    const big = join(scratch, 'big.txt');
    writeFileSync(big, 'Word and word. '.repeat(400_000));
    const out = join(scratch, 'out-big');
    const r = run(big, '--out', out);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/at most 1000000 bytes/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('ids', () => {
  it('of new facts avoid those of the other seeds, so a run of seeds loads together', () => {
    const text = 'Labour leader Keir Starmer said: “We will win the next election.”';
    const taken = new Set(['role:keir-starmer-labour-leader', 'statement:keir-starmer-we-will-win-the-next-election']);
    const { graph } = draftArticle(text, { gazetteer: loadGazetteer('seeds', { exceptText: text }), takenIds: taken });
    expect(graph.roles[0]!.id).toBe('role:keir-starmer-labour-leader-2');
    expect(graph.statements[0]!.id).toBe('statement:keir-starmer-we-will-win-the-next-election-2');
    expect(graph.entities.find((e) => e.name === 'Keir Starmer')?.id).toBe('person:keir-starmer');
  });
});

describe('stance', () => {
  it('is drafted where a verb states it, on the statement or as a relation, and nowhere else', () => {
    const text =
      'Captain Ola Berg hailed coach Tim Rowe as “the best coach I have ever had”. Mayor Ann Lee praised the Tarn Police for their work. Tim Rowe said the season was long.';
    const { graph } = draftArticle(text);
    const hailed = graph.statements.find((s) => s.text.startsWith('the best coach'));
    expect(hailed?.about).toEqual([{ target: 'person:tim-rowe', stance: 'SUPPORT' }]);
    expect(graph.relations.map((r) => [r.type, r.from, r.to])).toEqual([['PRAISED', 'person:ann-lee', 'org:tarn-police']]);
    expect(graph.statements.find((s) => s.text === 'the season was long')?.about).toEqual([]);
  });
});
