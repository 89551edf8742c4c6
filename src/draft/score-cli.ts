/**
 * `npm run draft:score [-- --set tuned|held-out|all] [--no-write]`: drafts afresh the article of
 * every curated seed below, compares each draft with its curated graph.yaml (src/draft/score.ts),
 * prints a table and writes docs/drafting.md. Tuned articles (the drafter's rules were adjusted
 * while looking at them) and held-out ones (tests/fixtures/drafting/heldout-*, never drafted
 * while tuning) are reported apart: the held-out figures are the honest ones. It also times
 * drafting: each article, and a 40-sentence article made of the tuned articles' paragraphs.
 * The gazetteer is seeds/, less the article being scored.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { splitSentences } from '../seed/locate.js';
import { validateSeed } from '../seed/validate.js';
import { draftArticle } from './draft.js';
import { loadGazetteer } from './gazetteer.js';
import { readArticle } from './input.js';
import { add, empty, normQuote, precision, recall, scoreDraft, alignEntities, voteKey, type Scores } from './score.js';
import { draftToYaml } from './write.js';

// Static imports above are loaded by now: the time to start, models included.
const startup = performance.now();
const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'all' },
    only: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
const FIX = 'tests/fixtures/drafting';
const tunedDirs = [
  'seeds/000_a6a1374e8d96988f',
  'tests/fixtures/seeds/001_invented-council-vote',
  ...readdirSync(FIX)
    .filter((n) => !n.startsWith('heldout-') && existsSync(join(FIX, n, 'graph.yaml')))
    .map((n) => join(FIX, n)),
];
const heldOutDirs = readdirSync(FIX)
  .filter((n) => n.startsWith('heldout-') && existsSync(join(FIX, n, 'graph.yaml')))
  .map((n) => join(FIX, n));
const only = (dirs: string[]) => (values.only ? dirs.filter((d) => d.includes(values.only!)) : dirs);
const sets = [
  ...(values.set === 'held-out' ? [] : [{ name: 'tuned', dirs: only(tunedDirs) }]),
  ...(values.set === 'tuned' ? [] : [{ name: 'held-out', dirs: only(heldOutDirs) }]),
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f2 = (x: number) => x.toFixed(2);
/** "met", or by how much a figure misses its target ("≥ 0.90"), in three places when two would show 0.00. */
const verdict = (target: string | undefined, v: number) => {
  if (!target) return '';
  const gap = Number(target.replace(/[^\d.]/g, '')) - v;
  return gap <= 0 ? 'met' : `missed by ${gap < 0.005 ? `${gap.toFixed(3)} (${v.toFixed(3)})` : f2(gap)}`;
};
interface Row {
  dir: string;
  sentences: number;
  ms: number;
  valid: string;
  scores: Scores;
  misses: string[];
}
const results: { name: string; rows: Row[]; total: Scores }[] = [];
for (const set of sets) {
  const rows: Row[] = [];
  let total = empty();
  for (const dir of set.dirs) {
    const text = readArticle(join(dir, 'article.txt'));
    const curated = validateSeed(dir).graph;
    const gazetteer = loadGazetteer('seeds', { exceptText: text });
    const draft = draftArticle(text, { gazetteer, title: curated.article.title, publisher: curated.article.publisher });
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      draftArticle(text, { gazetteer });
      times.push(performance.now() - t0);
    }
    const scratch = mkdtempSync(join(tmpdir(), 'newsgraph-score-'));
    let valid = 'yes';
    try {
      writeFileSync(join(scratch, 'article.txt'), readFileSync(join(dir, 'article.txt')));
      writeFileSync(join(scratch, 'graph.yaml'), draftToYaml(draft));
      validateSeed(scratch);
    } catch (error) {
      valid = `NO: ${(error as Error).message.split('\n')[1]?.trim() ?? (error as Error).message}`;
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    const scores = scoreDraft(text, curated, draft.graph);
    total = add(total, scores);
    rows.push({
      dir,
      sentences: splitSentences(text, (i) => i).length,
      ms: median(times),
      valid,
      scores,
      misses: misses(text, curated, draft.graph),
    });
  }
  results.push({ name: set.name, rows, total });
}

// The 40-sentence benchmark.
const paragraphs = tunedDirs.flatMap((d) => readFileSync(join(d, 'article.txt'), 'utf8').split('\n'));
let bench = '';
for (const p of paragraphs) {
  bench += `${p}\n`;
  if (splitSentences(bench, (i) => i).length >= 40) break;
}
const forty = splitSentences(bench, (i) => i)[39]!;
bench = bench.slice(0, forty.end);
const benchGazetteer = loadGazetteer('seeds');
const cold0 = performance.now();
draftArticle(bench, { gazetteer: benchGazetteer });
const cold = performance.now() - cold0;
const warm: number[] = [];
for (let i = 0; i < 20; i++) {
  const t0 = performance.now();
  draftArticle(bench, { gazetteer: benchGazetteer });
  warm.push(performance.now() - t0);
}

// A long article: the 40-sentence one repeated to about 100 KB (its quotes repeat, so none is drafted).
let long = '';
while (long.length < 100_000) long += `${bench}\n`;
const long0 = performance.now();
const longDraft = draftArticle(long, { gazetteer: benchGazetteer });
const longMs = performance.now() - long0;

// Report.
const targets: Partial<Record<string, string>> = {
  'quotes R': '≥ 0.95',
  'quotes P': '≥ 0.95',
  'right speaker': '≥ 0.90',
  'entities R': '≥ 0.90',
  'entities P': '≥ 0.85',
  'roles R': '≥ 0.80',
  'roles P': '≥ 0.80',
  votes: 'exact',
};
const figures = (s: Scores) => ({
  'entities P': precision(s.entities),
  'entities R': recall(s.entities),
  'entities (any kind) P': precision(s.entitiesAnyKind),
  'entities (any kind) R': recall(s.entitiesAnyKind),
  'sources P': precision(s.sources),
  'sources R': recall(s.sources),
  'quotes P': precision(s.quotes),
  'quotes R': recall(s.quotes),
  'right speaker': recall(s.speakers),
  'roles P': precision(s.roles),
  'roles R': recall(s.roles),
});
const voteText = (s: Scores) => `${s.votes.tp}/${s.votes.tp + s.votes.fn} found, ${s.votes.fp} extra`;
const name = (dir: string) => dir.split('/').pop()!;
const out: string[] = [];
const p = (line = '') => out.push(line);
p('# Drafting: scores and speed');
p();
p('Written by `npm run draft:score` (src/draft/score-cli.ts); do not edit by hand. Each curated article is');
p('drafted afresh from its text alone (the gazetteer is `seeds/` less the article itself) and the draft is');
p('compared with the curated `graph.yaml`. What each measure counts is in `src/draft/score.ts`.');
p();
p('How to read them:');
p();
p('- The curated files follow one convention for quotes: a quoted stretch of four words or more, or one that opens a');
p('  sentence or follows a colon, is a verbatim statement (one per stretch between quotation marks, one per paragraph');
p('  when a quote runs over paragraphs); shorter "scare quotes" stay inside reported speech. The drafter drafts the');
p('  same way, so a quote counts as found when its text is the same once marks and outer punctuation are set aside.');
p('- Entities are people, organisations and places, matched by name, alias or overlapping mentions, and of the same');
p('  kind; "any kind" forgives the kind. Groups are not scored. A role counts when the holder matches and one title');
p('  contains the other. Votes count when the numbers for and against are the same.');
p('- All the curated articles except the first (a real HuffPost UK report) were invented, and by the same person who');
p('  wrote the rules: even the held-out ones share a style with the tuned ones. Expect lower figures on articles from');
p("  other writers; the published anchors (BBC R&D's Citron, F1 0.82 on quote sources; the Guardian and AFP's model,");
p('  84% exactly right) were measured on real news at scale.');
p();
p('**Tuned** articles are those the rules were adjusted on. **Held-out** articles');
p('(`tests/fixtures/drafting/heldout-*`) were never drafted before the rules were frozen: the crime and planning ones');
p('were written and curated before any drafting rule existed and first drafted at commit aab27bd, with the US wire one,');
p('written after that freeze; the feature one was written after a second freeze (132779f), the data-breach one,');
p('curated before it was drafted, after a third (8ca63df), the space-mission one after a fourth (3612a5c) and the');
p('transfer-row one after a fifth (a4ed198) and the grain-deal one after a sixth (29419bf). Each first run is recorded');
p('below; fixes they prompted came after, so the held-out table shows these articles as they are now, no longer untouched.');
p();
for (const r of results) {
  p(`## ${r.name === 'tuned' ? 'Tuned articles' : 'Held-out articles, now (after the fixes their first run prompted)'}`);
  p();
  p('| Article | Sentences | Draft valid | Entities P / R | Sources P / R | Quotes P / R | Right speaker | Roles P / R | Votes | ms |');
  p('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of r.rows) {
    const s = row.scores;
    p(
      `| ${name(row.dir)} | ${row.sentences} | ${row.valid} | ${f2(precision(s.entities))} / ${f2(recall(s.entities))} | ${f2(precision(s.sources))} / ${f2(recall(s.sources))} | ${f2(precision(s.quotes))} / ${f2(recall(s.quotes))} | ${s.speakers.tp}/${s.speakers.tp + s.speakers.fn} | ${f2(precision(s.roles))} / ${f2(recall(s.roles))} | ${voteText(s)} | ${row.ms.toFixed(0)} |`,
    );
  }
  p();
  p('| Measure (all articles of the set together) | Figure | Target | |');
  p('| --- | --- | --- | --- |');
  for (const [k, v] of Object.entries(figures(r.total))) {
    const t = targets[k];
    const ok = verdict(t, v);
    p(`| ${k} | ${f2(v)} | ${t ?? ''} | ${ok} |`);
  }
  const vt = r.total.votes;
  p(`| votes | ${voteText(r.total)} | exact | ${vt.fn === 0 && vt.fp === 0 ? 'met' : 'missed'} |`);
  p();
}
// The held-out articles' first runs, each recorded when it happened (rules frozen at the commit
// named): the figures above may include fixes made after a run, prompted by what it showed.
const firstRuns = [
  { file: 'heldout-first-run.json', commit: 'aab27bd' },
  { file: 'heldout-first-run-2.json', commit: '132779f' },
  { file: 'heldout-first-run-3.json', commit: '8ca63df' },
  { file: 'heldout-first-run-4.json', commit: '3612a5c' },
  { file: 'heldout-first-run-5.json', commit: 'a4ed198' },
  { file: 'heldout-first-run-6.json', commit: '29419bf' },
];
for (const run of firstRuns) {
  const path = join(FIX, run.file);
  if (!existsSync(path)) continue;
  const first = JSON.parse(readFileSync(path, 'utf8')) as {
    set: string;
    total: Scores;
    rows: { article: string; scores: Scores; misses: string[] }[];
  }[];
  const held = first.find((r) => r.set === 'held-out');
  if (!held) continue;
  p(`## Held-out articles: first run with the rules frozen at ${run.commit}`);
  p();
  p(
    `Recorded by \`npm run draft:score -- --set held-out${held.rows.length === 1 ? ` --only ${held.rows[0]!.article}` : ''} --json tests/fixtures/drafting/${run.file}\` with the`,
  );
  p(`rules frozen at commit ${run.commit}, the first time the drafter saw ${held.rows.map((r) => r.article).join(', ')}: honest figures.`);
  p('The held-out table above, where it differs, includes fixes made after this run.');
  p();
  p('| Measure | Figure | Target | |');
  p('| --- | --- | --- | --- |');
  for (const [k, v] of Object.entries(figures(held.total))) {
    const t = targets[k];
    const ok = verdict(t, v);
    p(`| ${k} | ${f2(v)} | ${t ?? ''} | ${ok} |`);
  }
  p(`| votes | ${voteText(held.total)} | exact | ${held.total.votes.fn === 0 && held.total.votes.fp === 0 ? 'met' : 'missed'} |`);
  p();
  for (const row of held.rows) p(`- ${row.article}: ${row.misses.join('; ') || 'nothing missed'}`);
  p();
}
p('## Speed');
p();
p(`A 40-sentence article (the tuned articles' paragraphs, ${bench.length} characters), on this machine (2 cores, shared; load`);
p(
  `average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(', ')} during the run):`,
);
p(`its first draft ${cold.toFixed(0)} ms (the packages already warm from the articles above), then a median of`);
p(
  `${median(warm).toFixed(0)} ms over 20 drafts (min ${Math.min(...warm).toFixed(0)}, max ${Math.max(...warm).toFixed(0)}). Loading the two packages and their models`,
);
p(`when the process starts is not included: this process was ready to draft ${startup.toFixed(0)} ms after it started`);
p('(Node, tsx, the two packages and their models).');
p();
p(
  `A long article (that one repeated, ${(long.length / 1000).toFixed(0)} KB, ${longDraft.counts.sentences} sentences): ${(longMs / 1000).toFixed(1)} s, most of it`,
);
p('compromise tagging the text (about linear in its length); the loader accepts articles up to 1 MB.');
p();
p('## What a curator still has to fix');
p();
p('Beyond what the score measures, on every article the curator still writes what the drafter leaves out: events other');
p('than votes (meetings, decisions, reports, arrests) with their participants, causes and sequence; groups (the sides of');
p('a vote, campaigners, residents); the targets and stances of statements where no verb states one; motion titles and');
p('what they seek; roles given by a verb ("while X was leader"); and merges of duplicates the draft lists apart. Then,');
p('per article, from the comparison: what the draft missed, got wrong, or added.');
p();
for (const r of results)
  for (const row of r.rows) {
    p(`### ${name(row.dir)} (${r.name})`);
    p();
    for (const m of row.misses.length ? row.misses : ['nothing the score measures']) p(`- ${m}`);
    p();
  }
const report = out.join('\n');
for (const r of results) {
  console.log(`\n${r.name}`);
  console.table(
    Object.fromEntries(
      r.rows.map((row) => [
        name(row.dir),
        Object.fromEntries([
          ['valid', row.valid.slice(0, 3)],
          ...Object.entries(figures(row.scores))
            .filter(([k]) => !k.includes('any kind'))
            .map(([k, v]) => [k, f2(v)]),
          ['votes', voteText(row.scores)],
          ['ms', row.ms.toFixed(0)],
        ]),
      ]),
    ),
  );
  console.table(Object.fromEntries(Object.entries(figures(r.total)).map(([k, v]) => [k, { figure: f2(v), target: targets[k] ?? '' }])));
  console.log(`votes: ${voteText(r.total)}`);
}
console.log(
  `\n40-sentence article: first ${cold.toFixed(0)} ms, then median ${median(warm).toFixed(0)} ms; ${(long.length / 1000).toFixed(0)} KB article: ${(longMs / 1000).toFixed(1)} s`,
);
if (values.json)
  writeFileSync(
    values.json,
    `${JSON.stringify(
      results.map((r) => ({
        set: r.name,
        total: r.total,
        rows: r.rows.map((row) => ({ article: name(row.dir), scores: row.scores, misses: row.misses })),
      })),
      null,
      1,
    )}\n`,
  );
if (!values['no-write']) {
  writeFileSync('docs/drafting.md', `${report}\n`);
  console.log('wrote docs/drafting.md');
}

function misses(text: string, curated: ReturnType<typeof validateSeed>['graph'], drafted: typeof curated): string[] {
  const list: string[] = [];
  const namedKinds = new Set(['Person', 'Organisation', 'Place']);
  const cN = curated.entities.filter((e) => namedKinds.has(e.kind));
  const dN = drafted.entities.filter((e) => namedKinds.has(e.kind));
  const strict = alignEntities(text, cN, dN, true);
  const loose = alignEntities(text, cN, dN, false);
  const matchedC = new Set(strict.values());
  for (const c of cN)
    if (!matchedC.has(c.id)) {
      const d = [...loose].find(([, cid]) => cid === c.id)?.[0];
      const de = d && dN.find((e) => e.id === d);
      list.push(de ? `entity "${c.name}" drafted as a ${de.kind}, not a ${c.kind}` : `entity missed: ${c.kind} "${c.name}"`);
    }
  for (const d of dN) if (!strict.has(d.id) && !loose.has(d.id)) list.push(`entity not in the curated graph: ${d.kind} "${d.name}"`);
  const cS = curated.entities.filter((e) => e.kind === 'AnonymousSource');
  const dS = drafted.entities.filter((e) => e.kind === 'AnonymousSource');
  const src = alignEntities(text, cS, dS, true);
  const srcC = new Set(src.values());
  for (const c of cS) if (!srcC.has(c.id)) list.push(`anonymous source missed: "${c.name}"`);
  for (const d of dS) if (!src.has(d.id)) list.push(`anonymous source not in the curated graph: "${d.name}"`);
  const all = alignEntities(text, curated.entities, drafted.entities, false);
  if (curated.motions.length === 1 && drafted.motions.length === 1) all.set(drafted.motions[0]!.id, curated.motions[0]!.id);
  const dQ = new Map(drafted.statements.filter((s) => s.mode === 'verbatim').map((s) => [normQuote(s.text), s]));
  const cQ = new Set(curated.statements.filter((s) => s.mode === 'verbatim').map((s) => normQuote(s.text)));
  for (const c of curated.statements.filter((s) => s.mode === 'verbatim')) {
    const d = dQ.get(normQuote(c.text));
    const short = JSON.stringify(c.text.length > 60 ? `${c.text.slice(0, 57)}…` : c.text);
    if (!d) list.push(`quote missed or cut differently: ${short}`);
    else if (all.get(d.speaker) !== c.speaker) list.push(`quote ${short}: speaker drafted as ${d.speaker}, curated ${c.speaker}`);
  }
  for (const [k, d] of dQ)
    if (!cQ.has(k))
      list.push(
        `quote not in the curated graph (or cut differently): ${JSON.stringify(d.text.length > 60 ? `${d.text.slice(0, 57)}…` : d.text)}`,
      );
  const title = (t: string) => t.toLowerCase().replace(/^the\s+/, '');
  for (const c of curated.roles) {
    const ok = drafted.roles.some(
      (d) => all.get(d.holder) === c.holder && (title(d.title).includes(title(c.title)) || title(c.title).includes(title(d.title))),
    );
    if (!ok) list.push(`role missed: ${c.holder} "${c.title}"`);
  }
  for (const d of drafted.roles) {
    const ok = curated.roles.some(
      (c) => all.get(d.holder) === c.holder && (title(d.title).includes(title(c.title)) || title(c.title).includes(title(d.title))),
    );
    if (!ok) list.push(`role not in the curated graph: ${d.holder} "${d.title}"`);
  }
  const dv = drafted.votes.map(voteKey);
  const cv = curated.votes.map(voteKey);
  for (const v of cv) if (!dv.includes(v)) list.push(`vote missed: ${v}`);
  for (const v of dv) if (!cv.includes(v)) list.push(`vote not in the curated graph: ${v}`);
  if (drafted.noFacts.length) list.push(`${drafted.noFacts.length} sentence(s) left under noFacts for the curator`);
  return list;
}
