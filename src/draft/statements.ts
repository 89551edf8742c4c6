/**
 * Statements: direct quotes with their speaker, and reported speech.
 *
 * Contract: `findStatements(ctx)` walks the text in order and returns drafted statements:
 *  - verbatim: each quote of four words or more, or any quote that opens a sentence or follows
 *    a colon; its speaker is found, first match wins, from
 *      1. a speech verb just before it ("X said: “…”", "X told the BBC: “…”", "adding: “…”",
 *         "hailed Reddy as “…”");
 *      2. a speech verb just after it ("“…,” he said", "“…,” said Mr Lloyd");
 *      3. the quote it continues (a quote that runs over several paragraphs);
 *      4. the speaker of the statement just before, when it is at most two sentences back (the
 *         attribution carried over: "They told HuffPost UK: …" then a new paragraph of quote);
 *    a quote with no speaker by these rules is not drafted (its sentence goes to noFacts).
 *  - reported: "X said (that) …", "X told Y (that) …", "…, X said." with no quote of its own
 *    that is drafted as verbatim; the clause is the statement's text.
 * `toldTo` is the outlet or person named right after "told"/"telling". Each statement carries the
 * rule that found its speaker and how sure that rule is.
 */
import type { SentenceSpan } from '../seed/locate.js';
import type { DraftEntity, Span, Sure } from './entities.js';
import { objectVerbs, reportingVerbs, speechVerbs } from './lexicon.js';
import type { Analysis } from './nlp.js';
import { FRAGMENT_MAX_WORDS, insideQuote, type Quote } from './quotes.js';
import { byStart, containing } from './ranges.js';
import { makeSubjects, type Subject } from './subjects.js';

export interface DraftStatement {
  speaker: DraftEntity;
  mode: 'verbatim' | 'reported';
  /** The statement's words in the text. */
  span: Span;
  evidence: Span[];
  toldTo?: DraftEntity;
  /** The speech verb that introduced it, when there is one. */
  verb?: { word: string; start: number };
  how: string;
  sure: Sure;
}

export interface StatementContext {
  analysis: Analysis;
  sentences: SentenceSpan[];
  quotes: Quote[];
  /** Entities found so far; groups that speak ("the leader’s opponents branded it …") are added. */
  entities: DraftEntity[];
}

/**
 * Stands for a document that speaks ("The wording of the motion said …", "It continued: …"):
 * draft.ts makes the article's motion the speaker when there is exactly one.
 */
export const documentSpeaker: DraftEntity = {
  key: 'document',
  kind: 'Group',
  name: 'the document quoted',
  aliases: new Set(),
  mentions: [],
  how: 'a document as speaker',
  sure: 'low',
};
const documentWords = /\b(?:motion|resolution|amendment|statement|letter|report|document|ruling|judgment|bill)\b/i;

const verbWord = /[\p{L}]+/gu;

export function findStatements(ctx: StatementContext): { statements: DraftStatement[]; unattributed: Quote[] } {
  const { analysis: a, sentences, quotes } = ctx;
  const text = a.text;
  const statements: DraftStatement[] = [];
  const unattributed: Quote[] = [];
  const sentenceAt = containing(sentences);
  const tokensIn = byStart(a.tokens);
  // Statements are pushed in text order (reported ones sorted at the end), so the last one before
  // a position is found from the end.
  const lastStatement = (before: number) => {
    for (let i = statements.length - 1; i >= 0; i--) if (statements[i]!.span.start < before) return statements[i];
    return undefined;
  };
  const lastSpeaker = (before: number) => lastStatement(before)?.speaker;
  const plainSubjectOf = makeSubjects({
    ...ctx,
    lastSpeaker: (before) => {
      const st = lastStatement(before);
      return st && { entity: st.speaker, recent: st.span.start, end: Math.max(st.span.end, ...st.evidence.map((e) => e.end)) };
    },
  });
  // A document, or a plural noun phrase, when no name is the subject.
  const subjectOf = (verbStart: number): Subject | undefined => {
    const s = sentences[sentenceIndex(verbStart)]!;
    const clause = text.slice(s.start, verbStart);
    const last = lastSpeaker(verbStart);
    if (/^It$/.test(clause.trim().split(/[,:]/).at(-1)?.trim() ?? '') && last === documentSpeaker)
      return { entity: documentSpeaker, span: { start: verbStart, end: verbStart }, how: '"it": the document quoted before' };
    const lead = /(?:^|[,;]\s+|\bbut\s+|\bBut\s+)((?:the\s+|The\s+)?[^,;:“”"]{3,60}?)\s*(?:,\s+\p{Ll}[^,]*,\s*)?$/u
      .exec(clause)?.[1]
      ?.trim()
      .replace(/^(?:but|and|yet|so|however)\s+/i, '');
    if (lead && documentWords.test(lead) && /^(?:the|The|a|A|an|An|its|Its)\s/.test(lead))
      return { entity: documentSpeaker, span: { start: s.start + clause.lastIndexOf(lead), end: verbStart }, how: `"${lead}": a document` };
    const found = plainSubjectOf(verbStart);
    if (found) return found;
    if (
      lead &&
      /^(?:the\s+|The\s+)?[\p{L}’'-]+(?:\s+[\p{L}’'-]+){0,4}$/u.test(lead) &&
      /\p{L}{2,}s$/u.test(lead) &&
      !/^(?:they|these|those|this|he|she|it|we)$/i.test(lead)
    ) {
      const start = s.start + clause.lastIndexOf(lead);
      const group: DraftEntity = {
        key: `group:${start}`,
        kind: 'Group',
        name: lead,
        aliases: new Set(),
        mentions: [{ start, end: start + lead.length }],
        how: 'a plural noun phrase that speaks',
        sure: 'low',
      };
      ctx.entities.push(group);
      return { entity: group, span: group.mentions[0]!, how: `the group "${lead}"` };
    }
    return undefined;
  };
  const sentenceIndex = (pos: number) => {
    return sentenceAt(pos)?.index ?? sentences.length - 1;
  };
  const mentionAt = (pos: number) =>
    ctx.entities.find((e) => e.kind !== 'Place' && e.mentions.some((m) => m.start >= pos && m.start <= pos + 5));
  const nameAfter = (from: number) => {
    const window = text.slice(from, from + 50);
    const hit = ctx.entities
      .filter((e) => e.kind !== 'Place')
      .flatMap((e) => e.mentions.map((m) => ({ e, m })))
      .filter((x) => x.m.start >= from && x.m.start <= from + 50)
      .sort((a, b) => a.m.start - b.m.start)[0];
    if (!hit) return undefined;
    const gap = window.slice(0, hit.m.start - from).trim();
    return /^(?:(?:the|a|an|its|[\p{Ll}-]+|\p{Lu}[\p{Ll}]+)\s+){0,4}$/u.test(gap ? `${gap} ` : '') ? hit.e : undefined;
  };
  const speechVerbsIn = (from: number, to: number) => {
    const found: { word: string; start: number }[] = [];
    for (const m of text.slice(from, to).matchAll(verbWord)) {
      const at = from + m.index!;
      if (speechVerbs.has(m[0].toLowerCase()) && !insideQuote(quotes, at)) found.push({ word: m[0].toLowerCase(), start: at });
    }
    return found;
  };
  const toldToAfter = (verb: { word: string; start: number }) => {
    if (!/^(told|tell|tells|telling)$/.test(verb.word)) return undefined;
    const after = verb.start + verb.word.length;
    const rest = text.slice(after, after + 6);
    const skip = /^\s+the\s/.test(rest) ? rest.indexOf('the') + 4 : 1;
    return mentionAt(after + skip - 1);
  };

  const isStatementQuote = (q: Quote) => {
    if (q.words > FRAGMENT_MAX_WORDS) return true;
    const before = text.slice(Math.max(0, q.open - 3), q.open);
    const s = sentences[sentenceIndex(q.open)]!;
    return /:\s*$/.test(before) || q.open <= s.start + 1 || /\n\s*$/.test(text.slice(Math.max(0, q.open - 2), q.open));
  };
  const chainSpeaker = new Map<number, DraftEntity>();

  // Everything that may become a statement, in text order.
  type Item = { at: number; quote?: Quote; sentence?: SentenceSpan };
  const items: Item[] = [
    ...quotes.filter(isStatementQuote).map((q): Item => ({ at: q.open, quote: q })),
    ...sentences.map((s): Item => ({ at: s.start, sentence: s })),
  ].sort((x, y) => x.at - y.at || (x.sentence ? -1 : 1));

  // Reported speech needs to know which quotes become verbatim statements; decide those first.
  const verbatimQuotes = new Set(quotes.filter(isStatementQuote));

  for (const item of items) {
    if (item.quote) {
      const q = item.quote;
      const si = sentenceIndex(q.open);
      const s = sentences[si]!;
      const closeAt = q.close === -1 ? q.end : q.close + 1;
      let speaker: DraftEntity | undefined;
      let how = '';
      let sure: Sure = 'medium';
      let verb: { word: string; start: number } | undefined;
      let attribution: Span | undefined;
      // 1. A speech verb before it in its sentence.
      const beforeVerbs = speechVerbsIn(s.start, q.open);
      const pre = beforeVerbs.at(-1);
      // 2. A speech verb after it, within a few words.
      const postEnd = Math.min(
        text.length,
        closeAt + 60,
        ...[text.indexOf('\n', closeAt)].filter((x) => x >= 0),
        ...quotes
          .filter((o) => o.open > q.open)
          .map((o) => o.open)
          .slice(0, 1),
      );
      const post = speechVerbsIn(closeAt, postEnd).find((v) => text.slice(closeAt, v.start).split(/\s+/).filter(Boolean).length <= 4);
      const preIsClose =
        pre &&
        text
          .slice(pre.start + pre.word.length, q.open)
          .split(/\s+/)
          .filter((w) => /\p{L}/u.test(w)).length <= 6;
      if (pre && (preIsClose || !post)) {
        const sub =
          subjectOf(pre.start) ??
          (/^add/.test(pre.word)
            ? lastSpeaker(q.open) && {
                entity: lastSpeaker(q.open)!,
                span: { start: pre.start, end: pre.start },
                how: 'the speaker before "adding"',
              }
            : undefined);
        if (sub) {
          speaker = sub.entity;
          how = `speech verb "${pre.word}" before the quote; speaker: ${sub.how}`;
          sure = sub.how.startsWith('the name') ? 'high' : 'medium';
          verb = pre;
          attribution = { start: Math.min(sub.span.start, pre.start), end: pre.start + pre.word.length };
        }
      }
      if (!speaker && post) {
        const between = text.slice(closeAt, post.start);
        const sub = subjectOf(post.start);
        // "“…,” said chief executive Mei Tanaka": the name after the verb, past any title words.
        const afterVerb = /^[\s,]*$/.test(between) ? nameAfter(post.start + post.word.length) : undefined;
        const entity = afterVerb ?? (sub && sub.span.start >= closeAt - 1 ? sub.entity : sub?.entity);
        if (entity) {
          speaker = entity;
          how = `speech verb "${post.word}" after the quote${sub ? `; speaker: ${sub.how}` : ''}`;
          sure = 'high';
          verb = post;
          attribution = { start: closeAt, end: post.start + post.word.length };
        }
      }
      if (!speaker && chainSpeaker.has(q.chain)) {
        speaker = chainSpeaker.get(q.chain);
        how = 'continues the quote of the paragraph before';
        sure = 'high';
      }
      if (!speaker) {
        const prev = statements.at(-1);
        if (prev && si - sentenceIndex(prev.span.start) <= 2) {
          speaker = prev.speaker;
          how = 'no attribution of its own: the speaker of the statement before (check)';
          sure = 'low';
        }
      }
      if (!speaker) {
        unattributed.push(q);
        verbatimQuotes.delete(q);
        continue;
      }
      chainSpeaker.set(q.chain, speaker);
      const toldTo = verb ? toldToAfter(verb) : undefined;
      statements.push({
        speaker,
        mode: 'verbatim',
        span: { start: q.start, end: q.end },
        evidence: [attribution && attribution.end - attribution.start >= 2 ? attribution : { start: q.start, end: q.end }],
        toldTo,
        verb,
        how: `${how}${q.unclosed && !quotes.some((o) => o.chain === q.chain && o !== q) ? '; the quote is never closed' : ''}`,
        sure,
      });
      continue;
    }
    // Reported speech in this sentence.
    const s = item.sentence!;
    const body = text.slice(s.start, s.end);
    for (const v of speechVerbsIn(s.start, s.end)) {
      if (!reportingVerbs.has(v.word)) continue;
      let from = v.start + v.word.length;
      if (/^(told|tell|tells)$/.test(v.word)) {
        const obj =
          /^\s+(?:the\s+)?(?:(?:\p{Lu}[\p{L}’'&-]*\s*)+|her|him|them|me|us|reporters|journalists|the court|the meeting|the inquiry|the hearing)\s*/u.exec(
            text.slice(from, s.end),
          );
        if (!obj) continue;
        from += obj[0].length;
      }
      const rest = text.slice(from, s.end);
      // "said on Monday that …", "said in a statement that …", "said outside court that …".
      // An adverbial with no "that" after it ("said in an emailed statement.") says nothing more.
      const lead =
        /^\s*(?:(?:on|in|at|outside|after|before|during|last|this|yesterday|today)\b(?:\s+[\p{L}’'-]+){0,3}?\s+(?=that\s))?(?:that\s+)?/u.exec(
          rest,
        )![0];
      if (/^\s*(?:on|in|at|outside|after|before|during)\s/.test(rest.slice(lead.length - (lead.length ? 0 : 0))) && !/that\s+$/.test(lead))
        continue;
      const start = from + lead.length;
      let end = s.end;
      while (end > start && /[.\s]/.test(text[end - 1]!)) end--;
      const clause = text.slice(start, end);
      if (!clause || !/^\p{Ll}/u.test(clause) || /^[:“"]/.test(clause)) continue;
      // A clause says something only if it has a verb ("announced on Monday" does not).
      if (!tokensIn(start, end).some((t) => t.end <= end && (t.pos === 'VERB' || t.pos === 'AUX'))) continue;
      if (objectVerbs.has(v.word) && !/that\s+$/.test(lead)) {
        const first = tokensIn(start, end)
          .filter((t) => t.start >= start && /\p{L}/u.test(t.text))
          .slice(0, 6);
        if (!(first[0]?.pos === 'PRON' || first.some((t) => t.pos === 'AUX'))) continue;
      }
      const cut = clause.search(/,\s+(?:adding|saying|and added)\b|;\s/);
      const finalEnd = cut === -1 ? end : start + cut;
      if ([...verbatimQuotes].some((q) => q.open >= start && q.open < finalEnd)) break;
      const sub = subjectOf(v.start);
      if (!sub) break;
      if (finalEnd - start < 8) break;
      statements.push({
        speaker: sub.entity,
        mode: 'reported',
        span: { start, end: finalEnd },
        evidence: [{ start: Math.min(sub.span.start, v.start), end: v.start + v.word.length }],
        toldTo: toldToAfter(v),
        verb: v,
        how: `reported speech after "${v.word}"; speaker: ${sub.how}`,
        sure: sub.how.startsWith('the name') ? 'medium' : 'low',
      });
      break;
    }
    // "According to X, …": X said it.
    const according = /^According to\s+/u.exec(body);
    if (according && !statements.some((st) => st.span.start >= s.start && st.span.start < s.end)) {
      const comma = body.indexOf(', ', according[0].length);
      const speaker = comma > 0 ? nameAfter(s.start + according[0].length - 1) : undefined;
      const holder = speaker && speaker.mentions.find((m) => m.start >= s.start && m.end <= s.start + comma);
      if (speaker && holder) {
        let end = s.end;
        while (end > s.start && /[.\s]/.test(text[end - 1]!)) end--;
        statements.push({
          speaker,
          mode: 'reported',
          span: { start: s.start + comma + 2, end },
          evidence: [{ start: s.start, end: s.start + comma }],
          how: `"According to …"; speaker: the name after it`,
          sure: 'medium',
        });
        continue;
      }
    }
    // "…, the trust said." closing a sentence with no quote.
    const tail =
      /,\s+([^,]{2,60}?)\s+(said|says|added|warned|confirmed|announced|stated)(?:\s+(?:on|last|this)\s+\p{L}+|\s+yesterday|\s+today)?\.?$/u.exec(
        body,
      );
    if (
      tail &&
      !quotes.some((q) => q.open >= s.start && q.open < s.end) &&
      !statements.some((st) => st.span.start >= s.start && st.span.start < s.end)
    ) {
      const vStart = s.start + tail.index! + tail[0].indexOf(tail[2]!, tail[0].length - tail[2]!.length - 2);
      const sub = subjectOf(vStart);
      if (sub) {
        const end = s.start + tail.index!;
        statements.push({
          speaker: sub.entity,
          mode: 'reported',
          span: { start: s.start, end },
          evidence: [{ start: end + 1, end: vStart + tail[2]!.length }].map((sp) => ({
            start: sp.start + (text[sp.start] === ' ' ? 1 : 0),
            end: sp.end,
          })),
          verb: { word: tail[2]!, start: vStart },
          how: `reported speech before ", … ${tail[2]}"; speaker: ${sub.how}`,
          sure: 'medium',
        });
      }
    }
  }
  statements.sort((x, y) => x.span.start - y.span.start);
  return { statements, unattributed };
}
