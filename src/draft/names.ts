/**
 * Proper-name chunks: the candidate mentions of people, organisations and places.
 *
 * Contract: `nameChunks(analysis)` returns, in text order, each maximal run of capitalised
 * words (wink-nlp tokens), with what stands just before it (an honorific or a title) kept apart
 * from the name. Words inside wink's DATE/TIME entities are never names; a capitalised first word
 * of a sentence is a name only when wink tags it PROPN. "of", "and" and "&" join two runs only
 * when the result reads as one organisation ("Royal College of Midwives", "Harlan & Sons"); a
 * possessive joins only before a capitalised word ("St Brigid’s Hospital"); the capitalised part
 * of a hyphenated word is a name ("Norwich-based", "pro-Corbyn").
 */
import {
  honorifics,
  notNames,
  orgHeadsBeforeOf,
  orgSuffixes,
  placeHeadsBeforeOf,
  placeSuffixes,
  titleHeads,
  titleWordsBeforeNames,
} from './lexicon.js';
import { wordTags, type Analysis, type Token } from './nlp.js';

export interface NameChunk {
  start: number;
  end: number;
  text: string;
  words: string[];
  /** "Mr", "Dr", … right before the name (inside the chunk's span when capitalised). */
  honorific?: string;
  /** Capitalised title words stripped from the front ("Detective Inspector"). */
  title?: string;
  /** Index of the first token of the name. */
  token: number;
  /** The token before the chunk (lower-cased), for context rules. */
  before?: string;
  /** A few words before the chunk, for context rules ("shares in …"). */
  context?: string;
  /** The token after the chunk. */
  after?: string;
  /** The name starts with a capitalised "The" inside a sentence ("The Lancet"). */
  keptThe?: boolean;
  /** The capitalised piece of a hyphenated word: it may name an entity found elsewhere, never a new one. */
  linkOnly?: boolean;
}

// A descriptor opening a sentence before a full name ("Investor Jo Lamb"): a noun for a person.
const agentNoun = /^\p{Lu}\p{Ll}+(?:or|er|ist|ian|ant|ent|man|woman|person)$/u;
const isTitle = (w: string) => titleHeads.has(w.toLowerCase()) || titleHeads.has(w.toLowerCase().replace(/s$/, ''));
const capitalised = (w: string) => /^\p{Lu}/u.test(w) && /\p{L}/u.test(w);
const isPossessive = (w: string) => w === '’s' || w === "'s" || w === '’' || w === "'";

export function nameChunks(a: Analysis, sentenceStarts: Set<number>): NameChunk[] {
  const { tokens, text } = a;
  const inDate = (t: Token) =>
    a.values.some(
      (v) =>
        (v.type === 'DATE' || v.type === 'TIME') &&
        t.start >= v.start &&
        t.end <= v.end &&
        !/^\d/.test(t.text) &&
        !/\d/.test(v.text) === false,
    );
  const dateWord = (t: Token) =>
    /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)$/.test(
      t.text,
    ) ||
    (t.text === 'May' && inDate(t));
  const nameLike = (t: Token) => {
    if (!capitalised(t.text) || dateWord(t)) return false;
    // The first word of a sentence, or of a quotation, is capitalised whatever it is.
    const first = sentenceStarts.has(t.start) || /^[“"‘(]$/.test(tokens[t.index - 1]?.text ?? '');
    if (first && t.pos !== 'PROPN') return false;
    return true;
  };
  const atSentenceStart = (t: Token) => sentenceStarts.has(t.start) || /^[“"‘(]$/.test(tokens[t.index - 1]?.text ?? '');
  const chunks: NameChunk[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    // The capitalised piece of a hyphenated word.
    const hy = /^(?:[\p{Ll}]+-)?(\p{Lu}[\p{L}]+)(?:-[\p{Ll}]+)?$/u.exec(t.text);
    if (t.text.includes('-') && hy && hy[1] && hy[1] !== t.text) {
      const start = t.start + t.text.indexOf(hy[1]);
      if (!dateWord({ ...t, text: hy[1] }))
        chunks.push({
          start,
          end: start + hy[1].length,
          text: hy[1],
          words: [hy[1]],
          token: i,
          before: tokens[i - 1]?.text.toLowerCase(),
          linkOnly: true,
        });
      i++;
      continue;
    }
    if (!nameLike(t) || t.text.includes('-')) {
      i++;
      continue;
    }
    let j = i;
    for (;;) {
      const next = tokens[j + 1];
      if (next && nameLike(next) && next.start === tokens[j]!.end + 1 && !next.text.includes('-')) {
        j++;
        continue;
      }
      // Joiners: "of", "and", "&", a possessive before a capitalised word.
      const joiner = next;
      const after = tokens[j + 2];
      if (joiner && after && nameLike(after)) {
        let k = j + 2;
        while (tokens[k + 1] && nameLike(tokens[k + 1]!) && tokens[k + 1]!.start === tokens[k]!.end + 1) k++;
        const lastWord = tokens[k]!.text.toLowerCase();
        const headBefore = tokens[j]!.text.toLowerCase();
        const ok =
          (joiner.text === 'of' &&
            (orgHeadsBeforeOf.has(headBefore) ||
              (headBefore in placeHeadsBeforeOf && (j === i || (j === i + 1 && tokens[i]!.text === 'The'))))) ||
          ((joiner.text === 'and' || joiner.text === '&') && (lastWord in orgSuffixes || lastWord in placeSuffixes)) ||
          (isPossessive(joiner.text) && joiner.start === tokens[j]!.end && (lastWord in placeSuffixes || lastWord in orgSuffixes));
        if (ok) {
          j = k;
          continue;
        }
      }
      break;
    }
    // "Labour MP Fiona Adeyemi", "Bank of England Governor Andrew Bailey": a title inside the run
    // ends the name before it; the title and the name after it are the next chunk.
    const titleish = (t: Token) => titleWordsBeforeNames.has(t.text.toLowerCase());
    for (let k = i + 1; k < j; k++) {
      if (!titleish(tokens[k]!) || titleish(tokens[k - 1]!) || !nameLike(tokens[k - 1]!) || notNames.has(tokens[k - 1]!.text)) continue;
      let e = k;
      while (e < j && titleish(tokens[e + 1]!)) e++;
      if (e < j && isTitle(tokens[e]!.text) && nameLike(tokens[e + 1]!)) {
        j = k - 1;
        break;
      }
    }
    let first = i;
    let honorific: string | undefined;
    const titleWords: string[] = [];
    let keptThe = false;
    // Strip "The", honorifics and capitalised title words off the front.
    while (first <= j) {
      const w = tokens[first]!.text;
      if (honorifics.has(w) && first < j) {
        honorific = w.replace(/\.$/, '');
        first++;
      } else if (first < j && w === 'The' && first === i && !atSentenceStart(tokens[first]!)) {
        // A capitalised "The" inside a sentence is part of the name ("in The Lancet").
        keptThe = true;
        break;
      } else if (first < j && notNames.has(w)) first++;
      else if (
        first < j &&
        (titleWordsBeforeNames.has(w.toLowerCase()) ||
          (first === i && j - first >= 2 && atSentenceStart(tokens[first]!) && agentNoun.test(w))) &&
        !(tokens[j]!.text.toLowerCase() in orgSuffixes)
      ) {
        titleWords.push(w);
        first++;
      } else break;
    }
    // Title words count only when they end with a title noun ("Health Secretary Ann Lee"), not
    // when they open a name ("Health Access Now").
    if (titleWords.length && !isTitle(titleWords.at(-1)!) && !agentNoun.test(titleWords.at(-1)!)) {
      first -= titleWords.length;
      titleWords.length = 0;
    }
    // A title at the end is not part of the name ("Labour MP" names Labour).
    let last = j;
    while (last > first && isTitle(tokens[last]!.text) && !/^(?:of|and|&)$/.test(tokens[last - 1]!.text)) last--;
    j = last;
    const start = tokens[first]!.start;
    const end = tokens[j]!.end;
    const words = tokens.slice(first, j + 1).map((x) => x.text);
    const text0 = text.slice(start, end);
    const lone = words.length === 1 ? words[0]! : undefined;
    const atStart = sentenceStarts.has(start) || /^[“"‘(]$/.test(tokens[first - 1]?.text ?? '');
    const dropped =
      lone !== undefined &&
      (notNames.has(lone) ||
        honorifics.has(lone) ||
        // An initial alone ("M." of "D-N.M.") names no one.
        /^\p{Lu}\.?$/u.test(lone) ||
        isTitle(lone) ||
        (atStart && titleWordsBeforeNames.has(lone.toLowerCase())) ||
        // compromise calls some unknown names adjectives ("Kelsby"): both taggers must agree.
        wordTags(lone).some((tag) => tag === 'Demonym' || tag === 'Pronoun' || (tag === 'Adjective' && tokens[first]!.pos === 'ADJ')));
    // A lone capitalised word opening a sentence or quotation that compromise does not know as a
    // name ("Darkness cannot…") may still be a name met elsewhere ("Reddy, who…").
    const unsure = lone !== undefined && atStart && !wordTags(lone).some((tag) => /ProperNoun|Person|Place|Organization/.test(tag));
    if (!dropped) {
      const prevHon = tokens[i - 1] && honorifics.has(tokens[i - 1]!.text) ? tokens[i - 1]!.text : undefined;
      chunks.push({
        start,
        end,
        text: text0,
        words,
        honorific: honorific ?? prevHon,
        title: titleWords.length ? titleWords.join(' ') : undefined,
        token: first,
        before: tokens[i - 1]?.text.toLowerCase(),
        context: text.slice(Math.max(0, tokens[i]!.start - 30), tokens[i]!.start),
        after: tokens[j + 1]?.text,
        linkOnly: unsure || undefined,
        ...(keptThe ? { keptThe } : {}),
      });
    }
    i = j + 1;
  }
  return chunks;
}
