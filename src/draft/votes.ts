/**
 * Votes and the motions they decide. Contract: `findVotes(ctx)` returns
 *  - votes: "by 23 votes to 14", "voted 9-3", "approved 7-4", "the 23-14 vote" (a count in a
 *    sentence with a voting verb, never a score after "lost", "won", "beat"), and "62% of members
 *    voted in favour" (a share: drafted as a quantity in percent, with no counts). The
 *    larger number is "against" when the sentence says rejected or defeated; otherwise the first
 *    number is "for". The same count twice is one vote with two pieces of evidence.
 *  - motions: the motion, proposal, plan, bid, offer or application the vote was on (from its
 *    sentence, else the article's first sentence that names one, else what was voted for: "voted
 *    9-2 to open a review"), never with the count in it, with its proposer when the text says
 *    "proposed by", "put forward by", "tabled by" … after a motion is named, "a motion by X", or
 *    "X, who proposed the motion".
 * A vote's body is the committee, council or board named in its sentence ("at a meeting of X",
 * "the board of X"); else one named there only by a common noun ("the city council": drafted as
 * an organisation of that name, marked low); else the organisation named nearest before it, never
 * a news outlet. A vote with no organisation anywhere before it is not drafted (the format needs
 * a body).
 */
import type { SentenceSpan } from '../seed/locate.js';
import { nounEntity, type DraftEntity, type Span, type Sure } from './entities.js';
import { motionNouns, proposerPhrases, rejectWords, scoreWords, voteVerbs } from './lexicon.js';

/** A vote given as a share ("62% of members voted in favour"): a quantity, not counts. */
export interface Share {
  value: number;
  side: 'for' | 'against';
  span: Span;
}
export interface DraftVote {
  /** Counts, or for a share the percentages (used to tell the outcome and to merge repeats). */
  for: number;
  against: number;
  share?: Share;
  outcome: 'passed' | 'rejected' | 'tied';
  body?: DraftEntity;
  evidence: Span[];
  sentence: number;
  positions: { voter: DraftEntity; position: 'FOR' | 'AGAINST'; evidence: Span }[];
  how: string;
  sure: Sure;
}
export interface DraftMotion {
  title: string;
  seeks: string;
  proposer?: DraftEntity;
  proposerHow?: string;
  evidence: Span[];
  sentence: number;
}

const bodyWords =
  /\b(committee|council|board|panel|cabinet|assembly|trust|executive|commission|authority|union|members|shareholders|parliament|senate|congress)\b/i;

/** A vote's numbers found in a sentence, before its body and outcome are decided. */
interface Found {
  a: number;
  b: number;
  start: number;
  end: number;
  how: string;
  forFirst?: boolean;
  share?: Share;
}

/** A share ("62% voted in favour") matched as `m` (group 1 the number, group 2 the side) in a sentence starting at `sentenceStart`. */
function share(m: RegExpMatchArray, sentenceStart: number, how: string): Found {
  const p = +m[1]!;
  const against = m[2] === 'against';
  const numberAt = sentenceStart + m.index! + m[0].indexOf(m[1]!);
  const unit = /%|per ?cent/.exec(m[0].slice(m[0].indexOf(m[1]!)))!;
  return {
    a: against ? 100 - p : p,
    b: against ? p : 100 - p,
    start: m.index!,
    end: m.index! + m[0].length,
    how,
    forFirst: true,
    share: { value: p, side: against ? 'against' : 'for', span: { start: numberAt, end: numberAt + unit.index + unit[0].length } },
  };
}

export function findVotes(
  text: string,
  sentences: SentenceSpan[],
  entities: DraftEntity[],
): { votes: DraftVote[]; motions: DraftMotion[] } {
  const votes: DraftVote[] = [];
  const orgs = entities.filter((e) => e.kind === 'Organisation');
  const orgMentions = orgs.flatMap((e) => e.mentions.map((m) => ({ ...m, e }))).sort((a, b) => a.start - b.start);

  sentences.forEach((s, si) => {
    const body = s.text;
    const found: Found[] = [];
    for (const m of body.matchAll(/\b(\d{1,4})\s+votes?\s+to\s+(\d{1,4})\b/g))
      found.push({ a: +m[1]!, b: +m[2]!, start: m.index!, end: m.index! + m[0].length, how: '"N votes to M"' });
    if (voteVerbs.test(body))
      for (const m of body.matchAll(/(?<![\d.,£$€])\b(\d{1,4})\s?[-–](\s?)(\d{1,4})\b(?![\d%]|[.,]\d)/g)) {
        const a = +m[1]!;
        const b = +m[3]!;
        if (a >= 1000 && b >= 1000) continue;
        const lead = body.slice(Math.max(0, m.index! - 30), m.index!);
        if (scoreWords.test(lead.split(/\s+/).slice(-4).join(' '))) continue;
        if (found.some((f) => m.index! >= f.start && m.index! < f.end)) continue;
        found.push({ a, b, start: m.index!, end: m.index! + m[0].length, how: '"N-M" with a voting verb' });
      }
    for (const m of body.matchAll(
      /\b(\d{1,3}(?:\.\d+)?)\s?(?:%|per ?cent)\s+of\s+(?:its\s+|the\s+|their\s+)?[\p{L}’' -]{2,40}?\s+vot(?:ed|ing)\s+(in favour|for|against|to)\b/gu,
    ))
      found.push(share(m, s.start, '"N% … voted …" (a share, as a quantity)'));
    // "Members voted 64% in favour".
    for (const m of body.matchAll(/\bvot(?:ed|ing)\s+(?:by\s+)?(\d{1,3}(?:\.\d+)?)\s?(?:%|per ?cent)\s+(in favour|for|against)\b/gu)) {
      if (found.some((f) => m.index! >= f.start && m.index! < f.end)) continue;
      found.push(share(m, s.start, '"voted N% in favour" (a share, as a quantity)'));
    }
    for (const f of found) {
      // "approved 7-4, but X rejected it": only the count's own clause says which way it went.
      const upTo = body.slice(0, f.end);
      const clauseStart = Math.max(0, ...[...upTo.matchAll(/,\s+but\s|;\s|\s—\s/g)].map((m) => m.index! + m[0].length));
      const rejected = rejectWords.test(body.slice(clauseStart, f.end + 40).split(/,\s+but\s|;\s/)[0]!);
      const [yes, no] = f.forFirst ? [f.a, f.b] : rejected ? [Math.min(f.a, f.b), Math.max(f.a, f.b)] : [f.a, f.b];
      const outcome = yes > no ? 'passed' : yes < no ? 'rejected' : 'tied';
      const span = { start: s.start + f.start, end: s.start + f.end };
      // "defeated by 23 votes to 14" and "the 23-14 vote" are one vote.
      const same = votes.find((v) => (v.for === yes && v.against === no) || (v.for === no && v.against === yes));
      if (same) {
        same.evidence.push(span);
        continue;
      }
      // The body: a committee-like organisation in the sentence, else the nearest before.
      const inSentence = orgMentions.filter((m) => m.start >= s.start && m.end <= s.end);
      const bodyLike = inSentence.find(
        (m) => bodyWords.test(m.e.name) || ['committee', 'government', 'commission'].includes(m.e.type ?? ''),
      );
      // "The city council backed …, passing a motion": a body named by a common noun only is
      // drafted as an organisation of that name (members and shareholders are not a body).
      const unnamed = !inSentence.length
        ? /\b(?:the|its)\s+((?:[\p{Ll}’'-]+\s+){0,2}?(committee|council|board|panel|cabinet|assembly|trust|commission|parliament|senate|congress|members|shareholders))\b/iu.exec(
            body,
          )
        : null;
      const byNoun =
        unnamed && !/^(?:members|shareholders)$/i.test(unnamed[2]!)
          ? nounEntity(text, entities, unnamed[1]!, unnamed[2]!.toLowerCase(), 'the body of a vote')
          : undefined;
      // Nearest before: never a news outlet (it reports votes, it does not hold them).
      const nearest = orgMentions.filter((m) => m.end <= span.start && m.e.type !== 'outlet').at(-1);
      const chosen = bodyLike?.e ?? inSentence[0]?.e ?? byNoun ?? nearest?.e;
      votes.push({
        for: yes,
        against: no,
        share: f.share,
        outcome,
        body: chosen,
        evidence: [span],
        sentence: si,
        positions: [],
        how: `${f.how}${rejected && !f.forFirst ? '; "rejected/defeated": the larger number is against' : ''}; body: ${bodyLike ? 'named in the sentence' : inSentence[0] ? 'the organisation in the sentence' : byNoun ? `"${unnamed![0]}", named only so (give it its proper name)` : unnamed ? `the organisation named nearest before, but the sentence says "${unnamed[0]}" (check)` : 'the organisation named nearest before (check)'}`,
        sure: bodyLike ? 'high' : unnamed ? 'low' : 'medium',
      });
    }
  });

  // Named voters: "X, who voted against the motion".
  for (const p of entities.filter((e) => e.kind === 'Person'))
    for (const m of p.mentions) {
      const w = /^,\s+who\s+voted\s+(for|against|in favour of)\b/.exec(text.slice(m.end, m.end + 40));
      const v = votes[0];
      if (w && v && votes.length === 1)
        v.positions.push({
          voter: p,
          position: w[1] === 'against' ? 'AGAINST' : 'FOR',
          evidence: { start: m.end + w[0].indexOf('who'), end: m.end + w[0].length },
        });
    }

  // Motions: one per vote, from the vote's sentence or the first sentence naming one. What was
  // voted on runs to a verb, a clause or a date ("… on Tuesday"), not to any "on" ("called on").
  const motions: DraftMotion[] = [];
  const dayOrDate = String.raw`(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\d|the\s+\d|(?:January|February|March|April|May|June|July|August|September|October|November|December)`;
  const phrase = new RegExp(
    String.raw`\b(?:(?:a|an|the|its|their)\s+(?:[\p{L}£$€\d.,-]+\s+){0,3}?(?:${motionNouns.source.replace(/^\\b\(\?:|\)\\b$/g, '')})|plans|proposals)\b(?:\s+(?:by\s+[^,.;]+?\s+)?(?:to|of|for|on|that|from)\s+[^,.;]+?)?(?=\s+(?:was|were|has|had|is|at|by|which|from|after|despite|in|on\s+(?:${dayOrDate}))\b|[,.;]|$)`,
    'iu',
  );
  const motionIn = (si: number) => {
    const s = sentences[si]!;
    // "a motion by 31 votes to 12 that called on …": the count is not what was voted on.
    const m = phrase.exec(s.text.replace(/\s+by\s+\d{1,4}\s+votes?\s+to\s+\d{1,4}\b/g, (x) => ' '.repeat(x.length)));
    return m ? { text: m[0].replace(/\s{2,}/g, ' '), start: s.start + m.index!, end: s.start + m.index! + m[0].length, si } : undefined;
  };
  // "MPs voted 9-2 to back an inquiry into …": with no motion named, what they voted to do.
  const votedTo = (si: number) => {
    const s = sentences[si]!;
    const m =
      /\bvot(?:ed|es|e|ing)\b(?:\s+(?:by\s+)?\d[\d.%–-]*(?:\s*(?:votes?\s+to|to|[-–])\s*\d+)?)?\s+(to\s+(?!\d)\p{Ll}[^,.;]*|in favour of\s+[^,.;]+)/u.exec(
        s.text,
      );
    if (!m) return undefined;
    const start = s.start + m.index! + m[0].length - m[1]!.length;
    const what = m[1]!.replace(/^to\s+/, '');
    return { text: what, start, end: start + m[1]!.length, si, plain: true };
  };
  for (const v of votes) {
    // The vote's own sentence when it says what was voted on; else the first sentence that does.
    const own = motionIn(v.sentence);
    const full = (x?: { text: string }) => !!x && /\s(?:to|of|for|on|that|from)\s/.test(x.text);
    const m = full(own)
      ? own
      : (sentences.map((_, i) => motionIn(i)).find(full) ??
        votedTo(v.sentence) ??
        own ??
        sentences.map((_, i) => motionIn(i)).find(Boolean));
    const title = m
      ? m.text.replace(/^(?:the|its|their)\s+/i, (x) => (/^the/i.test(x) ? '' : '')).replace(/^\p{Ll}/u, (c) => c.toUpperCase())
      : 'The question voted on (name it)';
    const seeks = m
      ? 'plain' in m
        ? m.text
        : (/\b(?:to|of|for|on|that)\s+(.+)$/.exec(m.text)?.[1] ?? m.text)
      : 'What the vote decided (write it)';
    motions.push({
      title,
      seeks: seeks.replace(/^\p{Ll}/u, (c) => c.toUpperCase()),
      evidence: m ? [{ start: m.start, end: m.end }] : [],
      sentence: m?.si ?? v.sentence,
    });
  }
  // Proposers.
  sentences.forEach((s) => {
    const p = proposerPhrases.exec(s.text) ?? /\b(?:motion|proposal|amendment|resolution)\s+by\s+/i.exec(s.text);
    if (!p) return proposedBefore(s);
    // "charges brought by the agency" proposes nothing: a motion is named before the phrase.
    if (!motionNouns.test(s.text.slice(0, p.index! + p[0].length))) return;
    const at = s.start + p.index! + p[0].length;
    const near = entities
      .filter((e) => e.kind !== 'Place')
      .flatMap((e) => e.mentions.map((m) => ({ m, e })))
      .filter((x) => x.m.start >= at && x.m.start - at <= 50 && x.m.end <= s.end)
      .sort((a, b) => a.m.start - b.m.start);
    // "proposed by Fire Brigades Union chief Ian Murray": the person, not the union in the title.
    const who = near.find((x) => x.e.kind === 'Person' && x.m.start - at <= 45) ?? near[0];
    if (!who) return;
    let motion = motions.find((mo) => mo.sentence === sentences.indexOf(s)) ?? (motions.length === 1 ? motions[0] : undefined);
    if (!motion) {
      const m = phrase.exec(s.text);
      if (!m || !motionNouns.test(s.text)) return;
      motion = {
        title: m[0].replace(/^\p{Ll}/u, (c) => c.toUpperCase()),
        seeks: m[0],
        evidence: [{ start: s.start + m.index!, end: s.start + m.index! + m[0].length }],
        sentence: sentences.indexOf(s),
      };
      motions.push(motion);
    }
    if (motion.proposer) return;
    motion.proposer = who.e;
    motion.proposerHow = `"${p[0].trim()}" before the name`;
    motion.evidence.push({ start: s.start + p.index!, end: who.m.end });
  });
  return { votes, motions };

  /** "Councillor Jo Bloggs, who proposed the motion, said …", "The trust tabled a motion": the name before the verb. */
  function proposedBefore(s: SentenceSpan): void {
    const p = new RegExp(
      String.raw`(?:,\s+who\s+|\s+)(?:proposed|tabled|put forward|moved|submitted|sponsored|drew up|lodged)\s+(?:the|a|an|this|its|their)\s+(?:[\p{Ll}-]+\s+){0,2}?${motionNouns.source}`,
      'iu',
    ).exec(s.text);
    if (!p) return;
    const at = s.start + p.index!;
    const near = entities
      .filter((e) => e.kind === 'Person' || e.kind === 'Organisation')
      .flatMap((e) => e.mentions.map((m) => ({ m, e })))
      .filter((x) => x.m.end <= at && at - x.m.end <= 3 && x.m.start >= s.start);
    const who = near.at(-1);
    const motion = motions.find((mo) => mo.sentence === sentences.indexOf(s)) ?? (motions.length === 1 ? motions[0] : undefined);
    if (!who || !motion || motion.proposer) return;
    motion.proposer = who.e;
    motion.proposerHow = `the name just before "${p[0].replace(/^,?\s+/, '').trim()}"`;
    motion.evidence.push({ start: who.m.start, end: at + p[0].length });
  }
}
