/**
 * People, organisations and places, with every mention.
 *
 * Contract: `findEntities(analysis, chunks, gazetteer)` turns name chunks into entities, in
 * four passes over the whole text so that a later full name can claim an earlier short one:
 *  1. a chunk that is the name or a capitalised alias of an entity in the gazetteer is that
 *     entity (its id kept);
 *  2. a chunk that its own words or its context classify (an honorific or title before it, a
 *     given name, an organisation or place word at its end, "in"/"at" before a lone name,
 *     "told the" before an outlet, compromise's people/organisations/places) is a new entity,
 *     merged with others of the same name;
 *  3. a chunk left over names an entity already found if it is its surname or given name, its
 *     acronym, the first or last word of its name, or the start of its name ("Okafor",
 *     "EHRC", "Rovers", "St Brigid’s"); a lone word that links to nothing and that nothing
 *     classifies is left out and listed for the curator;
 *  4. a place that acts as a club or company ("Porto are preparing a bid", "an offer from Porto")
 *     becomes an organisation, unless it is a country.
 * Each entity says how it was found (`how`) and how sure the drafter is (`sure`).
 */
import type { EntityKind } from '../core/ids.js';
import type { Gazetteer, KnownEntity } from './gazetteer.js';
import {
  honorifics,
  orgHeadsBeforeOf,
  orgNouns,
  orgNounTypes,
  orgSuffixes,
  placeHeadsBeforeOf,
  placePrefixes,
  placePrepositions,
  placeSuffixes,
  titleHeads,
  titleModifiers,
} from './lexicon.js';
import type { NameChunk } from './names.js';
import { wordTags, type Analysis } from './nlp.js';

export type Sure = 'high' | 'medium' | 'low';
export interface Span {
  start: number;
  end: number;
}
export interface DraftEntity {
  key: string;
  kind: EntityKind;
  name: string;
  aliases: Set<string>;
  mentions: Span[];
  type?: string;
  how: string;
  sure: Sure;
  known?: KnownEntity;
  side?: string;
  affiliation?: DraftEntity;
  /** The organisation this one is part of ("the planning committee of X"). */
  partOf?: DraftEntity;
  description?: string;
}
export interface EntityResult {
  entities: DraftEntity[];
  /** Which entity each mention span belongs to, by `${start}:${end}`. */
  byMention: Map<string, DraftEntity>;
  /** Lone capitalised words the drafter could not place. */
  unplaced: string[];
}

const norm = (s: string) =>
  s
    .replace(/[’']s$/, '')
    .replace(/[’']/g, "'")
    .replace(/^the\s+/i, '')
    .toLowerCase()
    .trim();

export function findEntities(a: Analysis, chunks: NameChunk[], gazetteer: Gazetteer): EntityResult {
  const entities: DraftEntity[] = [];
  const byName = new Map<string, DraftEntity>();
  const byMention = new Map<string, DraftEntity>();
  const assigned = new Set<NameChunk>();
  const text = a.text;

  const mention = (e: DraftEntity, c: NameChunk) => {
    // With an honorific, the mention includes it ("Mr Okafor"), as a reader names the person.
    let start = c.start;
    if (c.honorific) {
      const at = text.lastIndexOf(c.honorific, c.start);
      if (at !== -1 && c.start - at <= c.honorific.length + 2) start = at;
    }
    const span = { start, end: c.end };
    if (!e.mentions.some((m) => m.start === span.start && m.end === span.end)) e.mentions.push(span);
    byMention.set(`${c.start}:${c.end}`, e);
    const shown = text.slice(span.start, span.end);
    if (norm(shown) !== norm(e.name)) e.aliases.add(shown);
    assigned.add(c);
  };
  const add = (kind: EntityKind, name: string, how: string, sure: Sure, type?: string, known?: KnownEntity): DraftEntity => {
    const key = known ? known.id : `${kind}:${norm(name)}`;
    const found = byName.get(known ? key : norm(name));
    if (found) return found;
    const e: DraftEntity = { key, kind, name, aliases: new Set(), mentions: [], type, how, sure, known };
    entities.push(e);
    byName.set(known ? key : norm(name), e);
    if (known) for (const n of known.names) byName.set(norm(n), e);
    return e;
  };

  // 1. The gazetteer.
  const known = new Map<string, KnownEntity>();
  for (const k of gazetteer) for (const n of k.names) if (!known.has(norm(n))) known.set(norm(n), k);
  for (const c of chunks) {
    const k = known.get(norm(c.text));
    if (!k) continue;
    const e = add(k.kind, k.name, `gazetteer: ${k.id} from seeds/${k.seed}`, 'high', k.type, k);
    mention(e, c);
  }

  // 2. Classified by their own words or their context: names of several words first, so that
  // "Harwell" and "Mr Okafor" find "Harwell Foods" and "Daniel Okafor" wherever they come.
  const classifyInto = (c: NameChunk, leftover: boolean) => {
    // "the Eastgate gasworks", "the Mill Lane library": a name and a place noun make a place.
    const placeNoun = /^\s+(library|hospital|gasworks|station|airport|stadium|bridge|estate|prison|mine|dam|reservoir|quarry|pier)\b/.exec(
      text.slice(c.end, c.end + 20),
    );
    if (placeNoun && /\bthe\s+(?:former\s+|old\s+|new\s+)?$/i.test(text.slice(Math.max(0, c.start - 12), c.start))) {
      const end = c.end + placeNoun[0].length;
      const e = add('Place', `${c.text} ${placeNoun[1]}`, `a name and the place noun "${placeNoun[1]}"`, 'medium', 'other');
      e.mentions.push({ start: c.start, end });
      byMention.set(`${c.start}:${c.end}`, e);
      assigned.add(c);
      return;
    }
    const existing = byName.get(norm(c.text)) ?? shortFormOf(c, entities);
    if (existing) return mention(existing, c);
    if (c.linkOnly) return;
    const guess = classify(a, c, leftover);
    if (guess) mention(add(guess.kind, c.text.replace(/[’']s?$/, ''), guess.how, guess.sure, guess.type), c);
  };
  // A list of names before a plural place noun: "Pike, Ross and Scioto counties".
  const listed = new RegExp(
    String.raw`((?:\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*,\s+)+\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*\s+and\s+\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*)\s+(counties|states|provinces|regions|towns|villages|cities|districts|boroughs|wards|islands)\b`,
    'gu',
  );
  for (const m of text.matchAll(listed)) {
    const type = {
      counties: 'county',
      states: 'region',
      provinces: 'region',
      regions: 'region',
      towns: 'town',
      villages: 'town',
      cities: 'city',
      districts: 'district',
      boroughs: 'district',
      wards: 'ward',
      islands: 'other',
    }[m[2]!];
    for (const c of chunks)
      if (!assigned.has(c) && c.start >= m.index! && c.end <= m.index! + m[1]!.length)
        mention(add('Place', c.text, `one of a list of ${m[2]}`, 'medium', type), c);
  }
  for (const c of chunks) if (!assigned.has(c) && c.words.length > 1) classifyInto(c, false);
  for (const c of chunks) if (!assigned.has(c) && c.words.length === 1) classifyInto(c, false);
  // 3. What is left: short forms of entities found later, then a last guess.
  for (const c of chunks) if (!assigned.has(c)) classifyInto(c, true);
  // "the planning committee of Bramford City Council": a body of an organisation found. ("The
  // board of X" is X's own governing board, which articles treat as X acting: left to X.)
  for (const m of text.matchAll(/\b[Tt]he\s+((?:\p{Ll}+\s+){0,2}(committee|panel|cabinet|subcommittee|tribunal))\s+of\s+(?:the\s+)?/gu)) {
    const at = m.index! + m[0].length;
    const parent = entities.find((e) => e.kind === 'Organisation' && e.mentions.some((x) => x.start === at));
    if (!parent) continue;
    const parentEnd = parent.mentions.find((x) => x.start === at)!.end;
    const start = m.index! + m[0].indexOf(m[1]!);
    const body = add('Organisation', text.slice(start, parentEnd), `"the ${m[2]} of" an organisation found`, 'medium', 'committee');
    body.partOf = parent;
    body.mentions.push({ start, end: parentEnd });
  }
  // 4. A place that acts as a club or company: "Porto are preparing a bid" (a plural verb after a
  // city's name), "an offer from Porto", "joined City from Atlético Nacional". Never a country
  // ("Russia said" is its government, which the curated graphs keep as the place).
  for (const e of entities) {
    if (e.kind !== 'Place' || e.sure === 'high' || e.known || e.name.split(' ').some((w) => wordTags(w).includes('Country'))) continue;
    const acts = e.mentions.find(
      (m) =>
        /^\s+(?:are|were|have)\s+(?:understood|said|set|preparing|ready|interested|believed|thought|expected|poised|keen|close)\b/.test(
          text.slice(m.end, m.end + 40),
        ) ||
        /\b(?:offer|bid|approach|enquiry|inquiry|interest|proposal)\s+from\s+$|\bjoined\s+(?:\p{Lu}[\p{L}’'-]*\s+){1,3}from\s+$/u.test(
          text.slice(Math.max(0, m.start - 40), m.start),
        ),
    );
    if (!acts) continue;
    e.kind = 'Organisation';
    e.type = 'other';
    e.how = `a place's name that acts: "${text
      .slice(Math.max(0, acts.start - 20), acts.end + 20)
      .replace(/\s+/g, ' ')
      .trim()}"`;
  }
  const unplaced = [...new Set(chunks.filter((c) => !assigned.has(c) && !c.linkOnly).map((c) => c.text))];
  for (const e of entities) e.mentions.sort((x, y) => x.start - y.start);
  return { entities, byMention, unplaced };
}

interface Guess {
  kind: EntityKind;
  type?: string;
  how: string;
  sure: Sure;
}

/**
 * The organisation a common noun phrase names ("the city council", "the port authority"), for a
 * fact that needs one (a vote's body, a role's organisation) when no named entity fits: made
 * once per phrase, with every mention of it, and marked low for the curator to name properly.
 */
export function nounEntity(text: string, entities: DraftEntity[], phrase: string, head: string, why: string): DraftEntity {
  const key = `org:${phrase.toLowerCase()}`;
  const known = entities.find((e) => e.key === key);
  if (known) return known;
  const words = phrase.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const e: DraftEntity = {
    key,
    kind: 'Organisation',
    name: phrase.replace(/^\p{Ll}/u, (c) => c.toUpperCase()),
    aliases: new Set(),
    mentions: [...text.matchAll(new RegExp(String.raw`\b${words}\b`, 'giu'))].map((m) => ({
      start: m.index!,
      end: m.index! + m[0].length,
    })),
    type: orgSuffixes[head] ?? 'other',
    how: `${why}, named only "the ${phrase}"`,
    sure: 'low',
  };
  entities.push(e);
  return e;
}

const lower = (w: string) => w.toLowerCase().replace(/[’']s?$/, '');

function classify(a: Analysis, c: NameChunk, leftover = false): Guess | undefined {
  const words = c.words.map(lower);
  const last = words[words.length - 1]!;
  let hinted: { type: string } | undefined | null = null;
  const hint = () => (hinted === null ? (hinted = a.hintsAt(c.start, c.end)[0]) : hinted);
  const prevWords = a.text
    .slice(Math.max(0, c.start - 40), c.start)
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase().replace(/[,;:]$/, ''));
  const before = prevWords[prevWords.length - 1];
  const before2 = prevWords[prevWords.length - 2];
  const afterText = a.text.slice(c.end, c.end + 12);
  const tags = c.words.length === 1 ? wordTags(c.words[0]!) : [];
  // "the RMT union", "the GMB union": a lowercase word after the name says what it is.
  const nounAfter = /^\s+(\p{Ll}+)/u.exec(a.text.slice(c.end, c.end + 20))?.[1];
  const orgType = orgTypeOf(words) ?? (nounAfter && nounAfter in orgSuffixes && c.words.length <= 3 ? orgSuffixes[nounAfter] : undefined);
  const acronym = c.words.length === 1 && /^\p{Lu}{2,6}$/u.test(c.words[0]!);

  if (c.honorific && honorifics.has(c.honorific)) return { kind: 'Person', how: `name after the honorific "${c.honorific}"`, sure: 'high' };
  // "Retailer Cobalt Home says …": a sentence opened by what an organisation is, not a title.
  const opener = c.title?.toLowerCase();
  if (opener && orgNouns.has(opener))
    return { kind: 'Organisation', type: orgNounTypes[opener] ?? 'company', how: `name after "${c.title}"`, sure: 'medium' };
  if (c.title && !orgType) return { kind: 'Person', how: `name after the title "${c.title}"`, sure: 'high' };
  if (before && (titleHeads.has(before) || titleHeads.has(before.replace(/s$/, ''))) && !orgType && !(last in placeSuffixes))
    return { kind: 'Person', how: `name after the title word "${before}"`, sure: 'high' };
  const toldOrSeen =
    before === 'told' || before === 'telling' || before === 'tells' || (before === 'by' && (before2 === 'seen' || before2 === 'obtained'));
  if (toldOrSeen || (before === 'the' && (before2 === 'told' || before2 === 'telling')))
    return {
      kind: 'Organisation',
      type: 'outlet',
      how: `"${before2 === 'told' || before2 === 'telling' ? `${before2} ` : ''}${before} …": an outlet told or shown`,
      sure: 'medium',
    };
  if (words.includes('of') && orgHeadsBeforeOf.has(words[0]!))
    return { kind: 'Organisation', type: orgType ?? 'other', how: `"${c.words[0]} of …": an organisation`, sure: 'medium' };
  if (orgType)
    return {
      kind: 'Organisation',
      type: orgType,
      how: `organisation word "${words.find((w) => orgSuffixes[w]) ?? last}" in the name`,
      sure: 'high',
    };
  if (last in placeSuffixes)
    return { kind: 'Place', type: placeSuffixes[last], how: `place word "${last}" at the end of the name`, sure: 'high' };
  if (words[1] === 'of' && words[0]! in placeHeadsBeforeOf)
    return { kind: 'Place', type: placeHeadsBeforeOf[words[0]!], how: `"${c.words[0]} of …": a place`, sure: 'medium' };
  if (c.words.length > 1 && placePrefixes.has(words[0]!))
    return { kind: 'Place', type: 'other', how: `place word "${c.words[0]}" at the start of the name`, sure: 'medium' };
  if (acronym) return { kind: 'Organisation', type: 'other', how: 'an acronym', sure: 'medium' };
  if (c.keptThe)
    return {
      kind: 'Organisation',
      type: 'outlet',
      how: 'a name with a capitalised "The" (a title: a paper, journal, show …)',
      sure: 'low',
    };
  if (before && orgNouns.has(before)) {
    // "the campaign group X" is a charity, "the broadcaster X" an outlet; most such nouns a company.
    const campaign =
      before === 'group' &&
      /^(?:campaign|pressure|lobby|advocacy|action|environmental|protest|consumer|consumers|patients)$/.test(before2 ?? '');
    const type = campaign ? 'charity' : (orgNounTypes[before] ?? 'company');
    return { kind: 'Organisation', type, how: `name after "${campaign ? `${before2} ` : ''}${before}"`, sure: 'medium' };
  }
  if (before === 'line' && /^(?:shipping|ferry|cruise|container|bus|rail)$/.test(before2 ?? ''))
    return { kind: 'Organisation', type: 'company', how: `name after "${before2} line"`, sure: 'medium' };
  if (/^,\s+(?:\d{1,3},|who\b)/.test(afterText)) return { kind: 'Person', how: 'name followed by an age or "who"', sure: 'medium' };
  if (/^,\s+which\b/.test(afterText)) return { kind: 'Organisation', type: 'other', how: 'name followed by "which"', sure: 'low' };
  if (c.words.length > 1 && hint()?.type === 'Person') return { kind: 'Person', how: 'compromise: a person', sure: 'medium' };
  if (c.words.length > 1 && wordTags(c.words[0]!).includes('FirstName'))
    return { kind: 'Person', how: 'a given name compromise knows', sure: 'medium' };
  if (hint()?.type === 'Organisation') return { kind: 'Organisation', type: 'other', how: 'compromise: an organisation', sure: 'medium' };
  if (tags.includes('Organization')) return { kind: 'Organisation', type: 'company', how: 'compromise: an organisation', sure: 'medium' };
  if (before && placePrepositions.has(before) && c.words.length <= 2)
    return { kind: 'Place', type: placeType(c.words), how: `name after "${before}"`, sure: 'medium' };
  if (tags.includes('Place') || hint()?.type === 'Place')
    return { kind: 'Place', type: placeType(c.words), how: 'compromise: a place', sure: 'medium' };
  if (!leftover) return undefined;
  // A name used as a modifier ("the Port Avel terminal") is not a person's.
  const modifier =
    /^\s+\p{Ll}+/u.test(a.text.slice(c.end, c.end + 15)) &&
    !/^\s+(?:said|says|told|added|who|has|had|was|is|and|of|in|at|on)\b/.test(a.text.slice(c.end, c.end + 15));
  if (c.words.length === 2 && !modifier && c.words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w)))
    return { kind: 'Person', how: 'two capitalised words, taken for a person’s name', sure: 'low' };
  if (c.words.length >= 2) return { kind: 'Organisation', type: 'other', how: 'capitalised words, taken for an organisation', sure: 'low' };
  return undefined;
}

function orgTypeOf(words: string[]): string | undefined {
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    if (w in orgSuffixes && !(i === 0 && words.length > 1 && titleModifiers.has(w))) return orgSuffixes[w];
  }
  return undefined;
}

function placeType(words: string[]): string {
  const tags = words.length === 1 ? wordTags(words[0]!) : [];
  if (tags.includes('Country')) return 'country';
  if (tags.includes('City')) return 'city';
  return 'other';
}

/** The entity a short chunk names: a surname, a given name, an acronym, a first or last word, a start. */
function shortFormOf(c: NameChunk, entities: DraftEntity[]): DraftEntity | undefined {
  const words = c.words.map(lower);
  const pick = (list: DraftEntity[]) => list[0];
  if (c.words.length === 1) {
    const w = words[0]!;
    const people = entities.filter((e) => e.kind === 'Person');
    const surname = people.filter((e) => lower(e.name.split(' ').at(-1)!) === w);
    if (surname.length) return pick(surname);
    if (!c.honorific) {
      const given = people.filter((e) => lower(e.name.split(' ')[0]!) === w && e.name.includes(' '));
      if (given.length === 1) return given[0];
    }
    if (c.honorific) return undefined;
    if (/^\p{Lu}{2,6}$/u.test(c.words[0]!)) {
      const acr = entities.filter((e) => e.kind === 'Organisation' && acronymOf(e.name) === c.words[0]);
      if (acr.length) return pick(acr);
    }
    // "in Dunmore" is the place even when "Dunmore Health Trust" is also named.
    const shares = /\b(?:shares|stake|stakes|investment|investors?)\s+in\s+$/i.test(c.context ?? '');
    if (c.before && (placePrepositions.has(c.before) || c.before === 'of') && !shares) return undefined;
    const orgs = entities.filter((e) => e.kind !== 'Person' && e.name.includes(' '));
    const firstWord = orgs.filter((e) => lower(e.name.split(' ')[0]!) === w);
    if (firstWord.length) return pick(firstWord);
    const lastWord = orgs.filter(
      (e) =>
        lower(e.name.split(' ').at(-1)!) === w &&
        !(w in orgSuffixes && ['council', 'police', 'trust', 'committee', 'board', 'court'].includes(w)),
    );
    if (lastWord.length === 1) return lastWord[0];
    return undefined;
  }
  const bare = (x: string) => norm(x).replace(/'s\b/g, '');
  const prefix = entities.filter((e) => e.kind !== 'Person' && bare(e.name).startsWith(`${bare(c.text)} `));
  return prefix.length === 1 ? prefix[0] : undefined;
}

function acronymOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}
