/**
 * From an article's text to a draft seed graph. Contract: `draftArticle(text, options)` returns
 * a GraphFile that `validateSeed` accepts as written (every id defined, every piece of evidence
 * found once, every sentence evidence for something or listed under noFacts with a reason), and,
 * for each drafted item, a note saying how it was found and how sure the drafter is. It reads
 * nothing but the text and the gazetteer it is given, and writes nothing.
 *
 * The steps, each in its own file: names.ts (name chunks) → entities.ts (people, organisations,
 * places, with the gazetteer; a byline's author left out) → sources.ts (anonymous sources) →
 * roles.ts (whose organisation may turn a "place" into an organisation) → quotes.ts and
 * statements.ts (quotes, speakers, reported speech) → votes.ts (votes, motions, proposers) →
 * stance.ts → dates.ts; this file assembles them and covers every sentence.
 */
import { createHash } from 'node:crypto';
import type { GraphFile } from '../seed/format.js';
import { splitSentences } from '../seed/locate.js';
import { resolveDate } from './dates.js';
import { findEntities, type DraftEntity, type Span, type Sure } from './entities.js';
import { occurrences, toEvidence } from './evidence.js';
import type { Gazetteer } from './gazetteer.js';
import { makeIds, slug } from './ids.js';
import { DraftInputError } from './input.js';
import { corporatePosts } from './lexicon.js';
import { nameChunks } from './names.js';
import { analyse } from './nlp.js';
import { findQuotes } from './quotes.js';
import { findRoles } from './roles.js';
import { findSources } from './sources.js';
import { objectAfter, stanceOf } from './stance.js';
import { documentSpeaker, findStatements } from './statements.js';
import { typeChooser } from './types.js';
import { makeSubjects } from './subjects.js';
import { findVotes } from './votes.js';

export interface DraftOptions {
  title?: string;
  publisher?: string;
  publishedAt?: string;
  url?: string;
  gazetteer?: Gazetteer;
  /** Ids the other seeds use, which new ids must avoid (see gazetteer.ts seedIds). */
  takenIds?: Set<string>;
  /** The types the format allows (default: from the format, else seeds/vocabulary.yaml). */
  types?: ReturnType<typeof typeChooser>;
}

export interface Draft {
  graph: GraphFile;
  /** How each item was found, by its path ("entities.3", "statements.0"). */
  notes: Map<string, string>;
  /** What the curator should look at first. */
  review: string[];
  counts: { sentences: number; noFacts: number; low: number };
}

export function draftArticle(text: string, options: DraftOptions = {}): Draft {
  const types = options.types ?? typeChooser();
  const sentences = splitSentences(text, (i) => i);
  if (!sentences.length) throw new DraftInputError('the text holds no sentence');
  const analysis = analyse(text);
  // A byline ("By Jane Smith", a line of its own among the first): the author, not someone in the story.
  const byline = sentences
    .slice(0, 3)
    .find(
      (s) =>
        /^By\s+\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}(?:,[^\n]{0,60})?$/u.test(s.text) &&
        /(?:^|\n)$/.test(text.slice(0, s.start)),
    );
  const chunks = nameChunks(analysis, new Set(sentences.map((s) => s.start))).filter(
    (c) => !byline || c.end <= byline.start || c.start >= byline.end,
  );
  const found = findEntities(analysis, chunks, options.gazetteer ?? []);
  const entities: DraftEntity[] = [...found.entities];
  for (const s of findSources(text, sentences, entities)) {
    entities.push({
      key: `source:${s.start}`,
      kind: 'AnonymousSource',
      name: s.name,
      aliases: new Set(),
      mentions: [{ start: s.start, end: s.end }],
      how: s.how,
      sure: 'medium',
      side: s.side,
      affiliation: s.affiliation,
    });
  }
  const roles = findRoles(text, entities);
  // "Westvale Water’s chief executive": what has a chief executive is an organisation, whatever
  // the taggers made of its name. Found before statements, so that such an organisation speaks.
  for (const r of roles)
    if (r.in?.kind === 'Place' && r.in.sure !== 'high' && !r.in.known && corporatePosts.test(r.title))
      Object.assign(r.in, {
        kind: 'Organisation',
        type: 'other',
        how: `it has a ${r.title.toLowerCase()} ("${r.title}" of it)`,
        sure: 'medium',
      });
  const quotes = findQuotes(text);
  const { statements, unattributed } = findStatements({ analysis, sentences, quotes, entities });
  const { votes, motions } = findVotes(text, sentences, entities);

  // Ids.
  const id = makeIds(options.takenIds);
  const used = new Set<DraftEntity>();
  for (const st of statements) {
    used.add(st.speaker);
    if (st.toldTo) used.add(st.toldTo);
  }
  const kept = entities.filter((e) => e.mentions.length);
  const prefixOf = { Person: 'person', Organisation: 'org', Place: 'place', Group: 'group', AnonymousSource: 'source' } as const;
  const idOf = new Map<DraftEntity, string>();
  for (const e of kept) idOf.set(e, id(prefixOf[e.kind], e.kind === 'AnonymousSource' ? e.name.split(',')[0]! : e.name, e.known?.id));
  const notes = new Map<string, string>();
  const note = (path: string, how: string, sure: Sure) => notes.set(path, ` ${how}; sure: ${sure}`);
  const ev = (spans: Span[]) => dedupe(spans).map((s) => toEvidence(text, s));

  const title = options.title ?? defaultTitle(sentences[0]!.text);
  const publisher =
    options.publisher ?? /(?:^|\n)Source:\s*([^\n]{2,60})\s*$/.exec(text)?.[1]?.trim() ?? 'Unknown publisher (set --publisher)';
  const graph: GraphFile = {
    article: {
      id: `article:${slug(title).slice(0, 50).replace(/-+$/, '')}-${createHash('sha256').update(text).digest('hex').slice(0, 8)}`,
      title,
      publisher,
      ...(options.url ? { url: options.url } : {}),
      ...(options.publishedAt ? { publishedAt: options.publishedAt } : {}),
    },
    entities: [],
    roles: [],
    events: [],
    motions: [],
    votes: [],
    statements: [],
    relations: [],
    noFacts: [],
  };

  kept.forEach((e) => {
    const aliases = [...new Set([...(e.known?.aliases ?? []), ...e.aliases])].filter((a) => a !== e.name && a.length >= 1);
    const base = { id: idOf.get(e)!, name: e.name, aliases, evidence: ev(e.mentions) };
    const path = `entities.${graph.entities.length}`;
    if (e.kind === 'Organisation') {
      const partOf = e.partOf && idOf.get(e.partOf);
      graph.entities.push({
        kind: 'Organisation',
        ...base,
        type: types.orgType(e.known?.type ?? e.type) as never,
        ...(partOf ? { partOf } : {}),
      });
    } else if (e.kind === 'Place') graph.entities.push({ kind: 'Place', ...base, type: types.placeType(e.known?.type ?? e.type) as never });
    else if (e.kind === 'AnonymousSource') {
      const aff = e.affiliation && idOf.get(e.affiliation);
      graph.entities.push({ kind: 'AnonymousSource', ...base, ...(e.side ? { side: e.side } : {}), ...(aff ? { affiliation: aff } : {}) });
    } else if (e.kind === 'Group') graph.entities.push({ kind: 'Group', ...base });
    else graph.entities.push({ kind: 'Person', ...base });
    note(path, `${e.kind}: ${e.how}`, e.sure);
  });
  if (!graph.entities.length)
    throw new DraftInputError(
      'the drafter found no person, organisation, place or source in the text; the seed format needs at least one entity (write the graph by hand)',
    );

  roles.forEach((r) => {
    const holder = idOf.get(r.holder);
    if (!holder) return;
    const inId = r.in && idOf.get(r.in);
    note(`roles.${graph.roles.length}`, r.how, r.sure);
    graph.roles.push({
      id: id('role', `${r.holder.name} ${r.title}`),
      holder,
      title: r.title,
      status: r.status,
      ...(inId ? { in: inId } : {}),
      ...(r.duration ? { duration: r.duration } : {}),
      evidence: ev(r.evidence),
    });
  });

  // Votes, their events and motions.
  const motionIds: string[] = [];
  motions.forEach((m, i) => {
    const vote = votes[i];
    const motionId = id('motion', m.title);
    motionIds.push(motionId);
    const evidence = m.evidence.length ? m.evidence : (vote?.evidence ?? []);
    if (!evidence.length) return;
    const proposer = m.proposer && idOf.get(m.proposer);
    const body = vote?.body && idOf.get(vote.body);
    note(
      `motions.${graph.motions.length}`,
      `motion named near the vote${m.proposerHow ? `; proposer: ${m.proposerHow}` : ''}; check title and seeks`,
      'medium',
    );
    graph.motions.push({
      id: motionId,
      title: m.title,
      seeks: m.seeks,
      ...(proposer ? { proposer } : {}),
      ...(body ? { decidedBy: body } : {}),
      outcome: vote ? (vote.outcome === 'passed' ? 'passed' : vote.outcome === 'rejected' ? 'rejected' : 'pending') : 'pending',
      evidence: ev(evidence),
    });
  });
  votes.forEach((v, i) => {
    const body = v.body && idOf.get(v.body);
    const motion = graph.motions.find((m) => m.id === motionIds[i]);
    if (!body || !motion) return;
    const s = sentences[v.sentence]!;
    const dateWords = analysis.values.filter((x) => x.type === 'DATE' && x.start >= s.start && x.end <= s.end);
    const date = dateWords.map((d) => resolveDate(d.text, options.publishedAt)).find(Boolean);
    const eventId = id('event', `vote ${motion.title}`);
    note(
      `events.${graph.events.length}`,
      `the vote's own event${dateWords.length ? `; date words: ${dateWords.map((d) => `"${d.text}"`).join(', ')}` : ''}`,
      'medium',
    );
    graph.events.push({
      id: eventId,
      name: `Vote on: ${motion.title}`,
      type: 'vote',
      status: 'happened',
      ...(date ? { date } : {}),
      ...(dateWords.length ? { when: dateWords[0]!.text } : {}),
      partOf: undefined,
      participants: [{ entity: body, role: 'voted', evidence: ev(v.evidence.slice(0, 1)) }],
      evidence: ev(v.evidence),
    });
    delete (graph.events.at(-1) as { partOf?: string }).partOf;
    motion.event = eventId;
    note(`votes.${graph.votes.length}`, v.how, v.sure);
    graph.votes.push({
      id: id('vote', v.share ? `${v.body!.name} ${v.share.value} percent` : `${v.body!.name} ${v.for}-${v.against}`),
      motion: motion.id,
      body,
      event: eventId,
      // A share ("62% … voted in favour") is a quantity; counts are given only when the article gives them.
      ...(v.share
        ? {
            quantities: [
              {
                of: v.share.side === 'for' ? 'votes in favour' : 'votes against',
                value: v.share.value,
                unit: 'percent',
                text: toEvidence(text, v.share.span),
              },
            ],
          }
        : { for: v.for, against: v.against }),
      outcome: v.outcome,
      positions: v.positions
        .filter((p) => idOf.has(p.voter))
        .map((p) => ({ voter: idOf.get(p.voter)!, position: p.position, evidence: ev([p.evidence]) })),
      evidence: ev(v.evidence),
    });
  });
  // A document that speaks is the article's motion, when there is exactly one.
  if (graph.motions.length === 1) idOf.set(documentSpeaker, graph.motions[0]!.id);
  const decision = graph.votes.length === 1 ? graph.votes[0]!.id : graph.motions.length === 1 ? graph.motions[0]!.id : undefined;

  // Statements, with a stance where the verb says it.
  const stated = new Set<string>();
  statements.forEach((st) => {
    const speaker = idOf.get(st.speaker);
    if (!speaker) return;
    if (st.speaker === documentSpeaker) st.how += '; the speaker is the motion (a document): check';
    const words = text.slice(st.span.start, st.span.end);
    if (words.length < 2 || occurrences(text, words) !== 1) return;
    const about: { target: string; stance: 'SUPPORT' | 'OPPOSE' }[] = [];
    let how = st.how;
    if (st.verb) {
      const stance = stanceOf(text, st.verb.start, st.verb.word);
      const object =
        stance &&
        objectAfter(text, st.verb.start + st.verb.word.length, kept, st.span.start > st.verb.start ? st.span.start : st.span.end + 40);
      const target = object && ('entity' in object.target ? idOf.get(object.target.entity) : decision);
      if (stance && target && target !== speaker) {
        about.push({ target, stance });
        stated.add(`${speaker}|${target}`);
        how += `; stance ${stance} from "${st.verb.word}"`;
      }
    }
    note(`statements.${graph.statements.length}`, how, st.sure);
    const toldTo = st.toldTo && idOf.get(st.toldTo);
    graph.statements.push({
      id: id('statement', `${st.speaker.name.split(',')[0]} ${words.split(/\s+/).slice(0, 6).join(' ')}`),
      speaker,
      mode: st.mode,
      text: words,
      ...(toldTo ? { toldTo } : {}),
      about,
      evidence: ev(st.evidence),
    });
  });

  // Plain praise or condemnation with no statement: a relation, its subject found as a speaker's is.
  const subjectOf = makeSubjects({
    analysis,
    sentences,
    quotes,
    entities: kept,
    lastSpeaker: (before) => {
      const st = statements.filter((x) => x.span.start < before).at(-1);
      return st && { entity: st.speaker, recent: st.span.start, end: st.span.end };
    },
  });
  for (const s of sentences) {
    for (const m of s.text.matchAll(/[\p{L}]+/gu)) {
      const at = s.start + m.index!;
      const stance = stanceOf(text, at, m[0]);
      if (!stance || quotes.some((q) => at >= q.open && at <= (q.close === -1 ? q.end : q.close))) continue;
      if (/^back(?:ed|s)?$/i.test(m[0])) continue; // "backed the scheme 7-4" is a vote
      const verbEnd = at + m[0].length;
      const found = statements.find((st) => st.verb?.start === at);
      const sub = found ? undefined : subjectOf(at);
      const subject = found?.speaker ?? sub?.entity;
      const object = objectAfter(text, verbEnd, kept, s.end);
      const from = subject && idOf.get(subject);
      const to = object && ('entity' in object.target ? idOf.get(object.target.entity) : decision);
      if (!from || !to || from === to || stated.has(`${from}|${to}`)) continue;
      const praise = /^(hail|prais|applaud|commend)/i.test(m[0]);
      const type =
        stance === 'SUPPORT'
          ? praise
            ? 'PRAISED'
            : 'SUPPORTED'
          : /^(brand|condemn|critic|slam|attack|denounc|blast|lambast|hit|lash)/i.test(m[0])
            ? 'CRITICISED'
            : 'OPPOSED';
      note(`relations.${graph.relations.length}`, `"${m[0]}" between the subject and what follows`, 'medium');
      graph.relations.push({
        id: id('rel', `${subject!.name} ${type} ${to.split(':')[1]}`),
        type,
        from,
        to,
        evidence: ev([{ start: sub && sub.span.end > sub.span.start ? sub.span.start : at, end: object!.span.end }]),
      });
      stated.add(`${from}|${to}`);
    }
  }

  // Every sentence covered.
  const covered = coveredSentences(text, sentences, graph);
  for (const s of sentences) {
    if (covered.has(s.index)) continue;
    const quote = unattributed.find((q) => q.open >= s.start && q.open < s.end);
    graph.noFacts.push({
      sentence: toEvidence(text, s),
      reason:
        s === byline
          ? 'DRAFT: the byline: its author is not drafted as someone in the story'
          : quote
            ? 'DRAFT: holds a quote whose speaker the drafter could not find; add the statement'
            : 'DRAFT: the drafter found no entity or fact here; add what it says, or keep it here with a reason',
    });
  }

  const low = [...notes.values()].filter((n) => n.endsWith('sure: low')).length;
  const review = [
    'Check first: items noted "sure: low", then the speakers of quotes, then every noFacts entry.',
    'Entity kinds and organisation/place types are guesses; merge duplicates and add aliases (the loader shares entities across articles by id).',
    "Motions: title and seeks are the article's words around the vote; rewrite them. A vote given as a share is drafted as a quantity (percent), with no counts.",
    'Stances are drafted only where a verb states one (hailed, praised, condemned, branded, hit out at); add the rest.',
    'Events other than votes, reported speech without a clear subject, groups and causes are not drafted.',
    ...(found.unplaced.length ? [`Capitalised words not placed: ${found.unplaced.join(', ')}.`] : []),
  ];
  return { graph, notes, review, counts: { sentences: sentences.length, noFacts: graph.noFacts.length, low } };
}

function defaultTitle(first: string): string {
  const t = first.replace(/\s+/g, ' ').trim();
  return t.length <= 100 ? t.replace(/[.!?]$/, '') : `${t.slice(0, 97).replace(/\s+\S*$/, '')}…`;
}

function dedupe(spans: Span[]): Span[] {
  const seen = new Set<string>();
  return spans.filter((s) => {
    const k = `${s.start}:${s.end}`;
    if (seen.has(k) || s.end - s.start < 1) return false;
    seen.add(k);
    return true;
  });
}

function coveredSentences(text: string, sentences: { index: number; start: number; end: number }[], graph: GraphFile): Set<number> {
  const covered = new Set<number>();
  const mark = (ev: string | { quote: string; occurrence: number }) => {
    const quote = typeof ev === 'string' ? ev : ev.quote;
    const n = typeof ev === 'string' ? 1 : ev.occurrence;
    let at = -1;
    for (let k = 0, i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) if (++k === n) at = i;
    if (at === -1) return;
    for (const s of sentences) if (s.start < at + quote.length && at < s.end) covered.add(s.index);
  };
  const all = [
    ...graph.entities,
    ...graph.roles,
    ...graph.events,
    ...graph.motions,
    ...graph.votes,
    ...graph.statements,
    ...graph.relations,
  ];
  for (const item of all) item.evidence.forEach(mark);
  for (const s of graph.statements) mark(s.text);
  for (const e of graph.events) for (const p of e.participants) p.evidence?.forEach(mark);
  for (const v of graph.votes) for (const p of v.positions) p.evidence?.forEach(mark);
  return covered;
}
