/**
 * Scoring a draft against a curated graph of the same article. Contract:
 * `scoreDraft(text, curated, drafted)` returns true positives, false positives and false
 * negatives for each measure:
 *  - entities: named people, organisations and places; a drafted entity matches a curated one
 *    of the same kind when they share a name or alias, or a mention (their evidence overlaps in
 *    the text); one to one, best overlap first; `entitiesAnyKind` forgives the kind;
 *  - sources: anonymous sources, matched by overlapping evidence;
 *  - quotes: verbatim statements whose text is the same once quotation marks, surrounding
 *    punctuation and spacing are set aside;
 *  - speakers: curated verbatim quotes found with the speaker the curator gave (through the
 *    entity matching; a speaker the drafter cannot produce, such as a motion, counts as wrong);
 *  - roles: same holder (matched) and the same title, ignoring case and a leading "the", or one
 *    title containing the other ("leader" within "Labour leader");
 *  - votes: the same numbers for and against, or, for a vote given as shares, the same
 *    percentages of the same thing ("62% votes in favour").
 */
import type { GraphFile } from '../seed/format.js';

export interface Count {
  tp: number;
  fp: number;
  fn: number;
}
export type Measure = 'entities' | 'entitiesAnyKind' | 'sources' | 'quotes' | 'speakers' | 'roles' | 'votes';
export type Scores = Record<Measure, Count>;
export const measures: Measure[] = ['entities', 'entitiesAnyKind', 'sources', 'quotes', 'speakers', 'roles', 'votes'];

type Ent = GraphFile['entities'][number];
const named = new Set(['Person', 'Organisation', 'Place']);
const normName = (s: string) =>
  s
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/^the\s+/, '')
    .replace(/'s$/, '')
    .trim();
export const normQuote = (s: string) =>
  s
    .replace(/[“”"]/g, '')
    .replace(/[‘’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s,.;:!?]+|[\s,.;:!?]+$/g, '');

function spans(text: string, evidence: (string | { quote: string; occurrence: number })[]): [number, number][] {
  return evidence.flatMap((ev) => {
    const quote = typeof ev === 'string' ? ev : ev.quote;
    const n = typeof ev === 'string' ? 1 : ev.occurrence;
    for (let k = 0, i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1))
      if (++k === n) return [[i, i + quote.length] as [number, number]];
    return [];
  });
}

/** Pairs drafted entities with curated ones, one to one, best first. */
export function alignEntities(text: string, curated: Ent[], drafted: Ent[], sameKind: boolean): Map<string, string> {
  const pairs: { c: string; d: string; score: number }[] = [];
  const cs = curated.map((e) => ({ e, s: spans(text, e.evidence), names: new Set([e.name, ...e.aliases].map(normName)) }));
  const ds = drafted.map((e) => ({ e, s: spans(text, e.evidence), names: new Set([e.name, ...e.aliases].map(normName)) }));
  for (const c of cs)
    for (const d of ds) {
      if (sameKind && c.e.kind !== d.e.kind) continue;
      let score = 0;
      if ([...d.names].some((n) => c.names.has(n))) score += 3;
      for (const [a, b] of c.s) for (const [x, y] of d.s) if (a < y && x < b) score += 1;
      if (score) pairs.push({ c: c.e.id, d: d.e.id, score });
    }
  pairs.sort((a, b) => b.score - a.score);
  const map = new Map<string, string>();
  const taken = new Set<string>();
  for (const p of pairs) {
    if (map.has(p.d) || taken.has(p.c)) continue;
    map.set(p.d, p.c);
    taken.add(p.c);
  }
  return map;
}

/** Motions by overlapping evidence, or the only one on each side. */
function alignFacts(text: string, curated: GraphFile['motions'], drafted: GraphFile['motions']): Map<string, string> {
  const map = new Map<string, string>();
  if (curated.length === 1 && drafted.length === 1) return map.set(drafted[0]!.id, curated[0]!.id);
  for (const d of drafted) {
    const ds = spans(text, d.evidence);
    const c = curated.find((c) => spans(text, c.evidence).some(([a, b]) => ds.some(([x, y]) => a < y && x < b)));
    if (c) map.set(d.id, c.id);
  }
  return map;
}

const count = (tp: number, drafted: number, curated: number): Count => ({ tp, fp: drafted - tp, fn: curated - tp });

export function scoreDraft(text: string, curated: GraphFile, drafted: GraphFile): Scores {
  const cNamed = curated.entities.filter((e) => named.has(e.kind));
  const dNamed = drafted.entities.filter((e) => named.has(e.kind));
  const strict = alignEntities(text, cNamed, dNamed, true);
  const loose = alignEntities(text, cNamed, dNamed, false);
  const cSources = curated.entities.filter((e) => e.kind === 'AnonymousSource');
  const dSources = drafted.entities.filter((e) => e.kind === 'AnonymousSource');
  const sources = alignEntities(text, cSources, dSources, true);
  // Speakers may be of any kind, or a motion (a document that speaks): align those too.
  const all = alignEntities(text, curated.entities, drafted.entities, false);
  for (const [d, c] of alignFacts(text, curated.motions, drafted.motions)) all.set(d, c);

  const cQuotes = curated.statements.filter((s) => s.mode === 'verbatim');
  const dQuotes = drafted.statements.filter((s) => s.mode === 'verbatim');
  const dByText = new Map(dQuotes.map((s) => [normQuote(s.text), s]));
  let quoteTp = 0;
  let speakerTp = 0;
  for (const c of cQuotes) {
    const d = dByText.get(normQuote(c.text));
    if (!d) continue;
    quoteTp++;
    if (all.get(d.speaker) === c.speaker) speakerTp++;
  }

  const title = (t: string) =>
    t
      .toLowerCase()
      .replace(/^the\s+/, '')
      .trim();
  let roleTp = 0;
  const usedRoles = new Set<string>();
  for (const c of curated.roles)
    for (const d of drafted.roles) {
      if (usedRoles.has(d.id) || all.get(d.holder) !== c.holder) continue;
      const a = title(c.title);
      const b = title(d.title);
      if (a === b || a.includes(b) || b.includes(a)) {
        roleTp++;
        usedRoles.add(d.id);
        break;
      }
    }
  const votes = (g: GraphFile) => g.votes.map(voteKey);
  const dv = votes(drafted);
  const voteTp = votes(curated).filter((v) => dv.includes(v)).length;

  return {
    entities: count(strict.size, dNamed.length, cNamed.length),
    entitiesAnyKind: count(loose.size, dNamed.length, cNamed.length),
    sources: count(sources.size, dSources.length, cSources.length),
    quotes: count(quoteTp, dQuotes.length, cQuotes.length),
    speakers: count(speakerTp, dQuotes.length, cQuotes.length),
    roles: count(roleTp, drafted.roles.length, curated.roles.length),
    votes: count(voteTp, drafted.votes.length, curated.votes.length),
  };
}

/** What must be the same for two votes to match: the counts, or the shares when only shares are given. */
export function voteKey(v: GraphFile['votes'][number]): string {
  if (v.for !== undefined && v.against !== undefined) return `${v.for}-${v.against}`;
  const shares = (v.quantities ?? []).filter((q) => q.unit === 'percent').map((q) => `${q.value}% ${q.of}`);
  return shares.length ? shares.sort().join(', ') : 'no numbers';
}

export function add(a: Scores, b: Scores): Scores {
  return Object.fromEntries(measures.map((m) => [m, { tp: a[m].tp + b[m].tp, fp: a[m].fp + b[m].fp, fn: a[m].fn + b[m].fn }])) as Scores;
}
export const empty = (): Scores => Object.fromEntries(measures.map((m) => [m, { tp: 0, fp: 0, fn: 0 }])) as Scores;
export const precision = (c: Count) => (c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1);
export const recall = (c: Count) => (c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1);
