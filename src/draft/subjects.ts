/**
 * Who does a verb: the speaker of "X said", the holder of "X, who …". Contract:
 * `makeSubjects(ctx)` returns `subjectOf(verbStart)`, which gives the entity that is the subject
 * of the verb at that offset, or undefined. It tries, in order:
 *  (a) a mention just before the verb (at most two words between, once asides such as
 *      ", who voted against the motion," or ", of Northshire Police," are set aside);
 *  (b) a pronoun there (he, she, they, it), resolved to the last speaker or the nearest
 *      earlier mention of a kind that fits;
 *  (c) "the trust", "the company", "police" there, resolved to an organisation found whose
 *      name ends with that word, or whose type it names;
 *  (d) the same for the sentence's earlier verbs ("Pieter Vos, praised … and said …", "X
 *      welcomed the fine but said …").
 * Mentions inside quotation marks are never subjects.
 */
import type { SentenceSpan } from '../seed/locate.js';
import type { DraftEntity, Span } from './entities.js';
import type { Analysis } from './nlp.js';
import { titleHeads } from './lexicon.js';
import { insideQuote, type Quote } from './quotes.js';
import { byStart, containing } from './ranges.js';

export interface SubjectContext {
  analysis: Analysis;
  sentences: SentenceSpan[];
  quotes: Quote[];
  entities: DraftEntity[];
  /** The speaker of the latest statement before an offset, and where that statement is (for pronouns). */
  lastSpeaker: (before: number) => { entity: DraftEntity; recent: number; end: number } | undefined;
}

export interface Subject {
  entity: DraftEntity;
  span: Span;
  how: string;
}

// An aside between commas that starts with a small word: ", who voted against," ", of X Police,"
// ", chief executive of the charity Y,", or an American party and state (", D-N.M.,"). Another
// capitalised one (", Daniel Okafor,") is a name.
// (The closing comma is left to open the next aside: ", D-N.M., who introduced the bill,".)
const ASIDE = /,\s+(?:(?:\p{Ll}|\d)[^,“”"]*|[DRI]-\p{Lu}[\p{L}.]{0,6})(?=,)/gu;

export function makeSubjects(ctx: SubjectContext) {
  const { analysis: a, sentences, quotes } = ctx;
  const text = a.text;
  const all = ctx.entities
    .filter((e) => e.kind !== 'Place')
    .flatMap((e) => e.mentions.map((m) => ({ ...m, entity: e })))
    .filter((m) => !insideQuote(quotes, m.start));
  // "One Labour source" is the source, not Labour: a mention inside a longer one gives way.
  const mentions = all
    .filter((m) => !all.some((o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start))
    .sort((x, y) => x.start - y.start);
  const quoteRanges = quotes.map((q) => ({ start: q.open, end: q.close === -1 ? q.end : q.close + 1 }));
  const sentenceIndex = containing(sentences);
  const sentenceAt = (pos: number) => sentenceIndex(pos)?.item ?? sentences.at(-1)!;
  const tokensIn = byStart(a.tokens);
  const mentionsIn = byStart(mentions);

  const asides = (s: SentenceSpan): Span[] => {
    const body = text.slice(s.start, s.end);
    return [...body.matchAll(ASIDE)].map((m) => ({ start: s.start + m.index!, end: s.start + m.index! + m[0].length }));
  };
  const wordsBetween = (from: number, to: number, skip: Span[]) => {
    let gap = '';
    for (let i = from; i < to; i++) if (!skip.some((r) => i >= r.start && i < r.end)) gap += text[i];
    return gap.split(/[\s,]+/).filter((w) => /\p{L}/u.test(w));
  };
  // Between a subject and its verb only adverbs, auxiliaries and time words stand ("Corbyn also
  // said", "the trust has said", "X on Monday said"); "Harwell’s workforce and said" is no subject.
  const dates = a.values.filter((v) => v.type === 'DATE' || v.type === 'TIME');
  const plainGap = (from: number, to: number, skip: Span[]) =>
    tokensIn(from, to)
      .filter((t) => t.start >= from && t.end <= to && !skip.some((r) => t.start >= r.start && t.start < r.end) && /\p{L}/u.test(t.text))
      .every(
        (t) =>
          t.pos === 'ADV' ||
          t.pos === 'AUX' ||
          t.pos === 'PART' ||
          dates.some((d) => t.start >= d.start && t.end <= d.end) ||
          /^(?:on|in|at|last|this)$/i.test(t.text),
      );
  const pronounOrNoun = (gap: string[], at: number): Subject | undefined => {
    const w = gap.at(-1)?.toLowerCase();
    const w2 = gap.at(-2)?.toLowerCase();
    if (!w) return undefined;
    if (['he', 'she', 'they', 'it', 'we', 'i'].includes(w) && gap.length <= 2) {
      const e = resolvePronoun(w, at);
      return e ? { entity: e, span: { start: at, end: at }, how: `the pronoun "${w}"` } : undefined;
    }
    if (w2 === 'the' || gap.length === 1) {
      const org = resolveNoun(w, at);
      if (org) return { entity: org, span: { start: at, end: at }, how: `"the ${w}"` };
    }
    return undefined;
  };
  // A pronoun names the last speaker, unless a fitting name comes after that statement.
  const resolvePronoun = (p: string, at: number): DraftEntity | undefined => {
    const last = ctx.lastSpeaker(at);
    const here = sentenceIndex(at)?.index ?? sentences.length - 1;
    const from = sentences[Math.max(0, here - 2)]?.start ?? 0;
    const fits = (e: DraftEntity) =>
      p === 'he' || p === 'she' || p === 'i'
        ? e.kind === 'Person' || e.kind === 'AnonymousSource'
        : p === 'it'
          ? e.kind === 'Organisation'
          : e.kind !== 'Person';
    // Whoever came last: the last statement, or a fitting name after it ("Lars Henning apologised.
    // “We are sorry,” he said." after someone else's quote), within the last three sentences.
    const near = mentionsIn(from, at)
      .filter((m) => m.end <= at && fits(m.entity))
      .at(-1);
    if (near && (!last || near.start >= last.end)) return near.entity;
    if (last && fits(last.entity)) return last.entity;
    return (near ?? mentions.filter((m) => m.end <= at && fits(m.entity)).at(-1))?.entity;
  };
  const resolveNoun = (noun: string, at: number): DraftEntity | undefined => {
    const orgs = ctx.entities.filter((e) => e.kind === 'Organisation');
    const n = noun.replace(/s$/, '');
    const byName = orgs.filter((e) => e.name.toLowerCase().split(' ').at(-1)!.replace(/s$/, '') === n);
    const byType = orgs.filter((e) => e.type === n || (n === 'firm' && e.type === 'company'));
    // "the judge" is the person introduced with that title ("District Judge Martin Hale").
    const titled = titleHeads.has(n)
      ? ctx.entities.filter(
          (e) =>
            e.kind === 'Person' &&
            e.mentions.some(
              (m) => m.start < at && new RegExp(`\\b${n}\\s+(?:\\S+\\s+)?$`, 'i').test(text.slice(Math.max(0, m.start - 30), m.start)),
            ),
        )
      : [];
    const list = byName.length ? byName : byType.length ? byType : titled;
    if (!list.length) return undefined;
    // The one mentioned last before here.
    const before = (e: DraftEntity) => Math.max(-1, ...e.mentions.filter((m) => m.start < at).map((m) => m.start));
    return list.sort((x, y) => before(y) - before(x))[0];
  };

  const adjacent = (verbStart: number, s: SentenceSpan): Subject | undefined => {
    const skip = [...asides(s).filter((r) => r.end <= verbStart + 1), ...quoteRanges];
    const prior = mentionsIn(s.start, verbStart).filter(
      (m) => m.start >= s.start && m.end <= verbStart && !skip.some((r) => m.start > r.start && m.start < r.end),
    );
    const m = prior.at(-1);
    const gapFrom = m ? m.end : s.start;
    const gap = wordsBetween(gapFrom, verbStart, skip);
    if (m && gap.length <= 3 && plainGap(m.end, verbStart, skip) && !gap.some((w) => /^(he|she|they|it)$/i.test(w)))
      return { entity: m.entity, span: { start: m.start, end: m.end }, how: 'the name before the verb' };
    return pronounOrNoun(wordsBetween(Math.max(s.start, gapFrom), verbStart, skip), verbStart);
  };

  return function subjectOf(verbStart: number): Subject | undefined {
    const s = sentenceAt(verbStart);
    const direct = adjacent(verbStart, s);
    if (direct) return direct;
    // An earlier verb of the same clause whose subject is plain.
    const clause = text.slice(s.start, verbStart);
    // "…, but the council said" starts a clause with its own subject; "X welcomed the fine but
    // said" does not: a "but" right before the verb (adverbs aside) keeps the subject before it.
    const boundary = Math.max(
      ...[/\s—\s/g, /;\s/g, /,?\s+but\s/g].flatMap((re) =>
        [...clause.matchAll(re)]
          .map((m) => m.index! + m[0].length)
          .filter((end) => !/but\s$/.test(text.slice(s.start, s.start + end)) || !plainGap(s.start + end, verbStart, [])),
      ),
      0,
    );
    for (const t of tokensIn(s.start + boundary, verbStart)) {
      if (t.start < s.start + boundary || t.start >= verbStart) continue;
      if ((t.pos !== 'VERB' && t.pos !== 'AUX') || insideQuote(quotes, t.start)) continue;
      const sub = adjacent(t.start, s);
      if (sub) return { ...sub, how: `${sub.how} (subject of "${t.text}")` };
    }
    return undefined;
  };
}
