/**
 * Anonymous sources: people the article describes but does not name ("one Labour source",
 * "a person familiar with the talks", "an official who declined to be identified", "sources
 * inside the club"). Contract: `findSources(text, sentences, entities)` returns each such
 * description once per sentence, as an entity of kind AnonymousSource, never merged with a named
 * person. A description counts when it is (a) a determiner and a source noun followed by words
 * that make it anonymous ("who asked not to be named", "familiar with the talks", "inside the
 * club"), or (b) the word "source(s)" or "insider(s)" with what qualifies it, or (c) "one"/"a"
 * and a source noun that is the subject of a speech verb ("One council officer told …"), or (d)
 * a bare plural ("officials from both countries") that words after it make anonymous.
 * The words between the determiner and the noun give the side ("pro-Corbyn", "left wing"),
 * unless they name an organisation already found, which becomes the affiliation.
 */
import type { SentenceSpan } from '../seed/locate.js';
import type { DraftEntity, Span } from './entities.js';
import { anonymityPhrases, sourceNouns, speechVerbs } from './lexicon.js';

export interface SourceMention extends Span {
  name: string;
  side?: string;
  affiliation?: DraftEntity;
  how: string;
}

const DET = String.raw`(?:one|a|an|another|two|three|several|some|the|other)`;
const MOD = String.raw`(?:[\p{L}’'-]+\s+){0,3}?`;
const generic = new Set(['senior', 'junior', 'former', 'current', 'other', 'local', 'close']);

export function findSources(text: string, sentences: SentenceSpan[], entities: DraftEntity[]): SourceMention[] {
  const found: SourceMention[] = [];
  const nouns = [...sourceNouns].sort((a, b) => b.length - a.length).join('|');
  const re = new RegExp(String.raw`\b(${DET})\s+(${MOD})(${nouns})\b`, 'giu');
  const bare = /\b(sources?|insiders?)\b/giu;
  for (const s of sentences) {
    const sentence = text.slice(s.start, s.end);
    const taken: Span[] = [];
    const consider = (start: number, nounEnd: number, det: string, mods: string, noun: string) => {
      if (taken.some((t) => start < t.end && t.start < nounEnd)) return;
      const rest = sentence.slice(nounEnd);
      let qualifier = '';
      // "a senior midwife at St Brigid’s, who declined to be identified": where they are, then why unnamed.
      const where =
        /^\s+(?:at|in|from|of|with|for) (?:the )?\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*/u.exec(rest)?.[0] ??
        /^\s+(?:at|in|from|of|with|for)\s+[^,]{1,40}?(?=,\s*who\b)/u.exec(rest)?.[0] ??
        '';
      for (const lead of where ? ['', where] : ['']) {
        for (const p of anonymityPhrases) {
          const m = new RegExp(`^(?:${p.source})`, p.flags.replace('g', '')).exec(rest.slice(lead.length));
          if (m && lead.length + m[0].length > qualifier.length) qualifier = lead + m[0];
        }
      }
      const isSourceWord = /^(sources?|insiders?)$/i.test(noun);
      const speaks = new RegExp(String.raw`^(?:,[^,]{0,60},)?\s+(?:has |have |had )?(${[...speechVerbs].join('|')})\b`, 'i').test(
        rest.slice(qualifier.length),
      );
      const plainDet = /^(one|a|an|another)$/i.test(det);
      if (!qualifier && !isSourceWord && !(speaks && plainDet)) return;
      if (/^the$/i.test(det) && !qualifier) return;
      const end = nounEnd + qualifier.length;
      const abs = { start: s.start + start, end: s.start + end };
      taken.push({ start, end });
      const modWords = mods.trim() ? mods.trim().split(/\s+/) : [];
      // An organisation named among the words ("One Labour source"), or the last word of one
      // ("one council officer" and "Wrenford Town Council").
      const named = entities.find(
        (e) => e.kind === 'Organisation' && e.mentions.some((m) => m.start >= abs.start && m.end <= s.start + nounEnd),
      );
      const byWord = modWords.length
        ? entities.filter(
            (e) =>
              e.kind === 'Organisation' &&
              modWords.some((w) => /^\p{Ll}/u.test(w) && e.name.toLowerCase().split(' ').at(-1) === w.toLowerCase()),
          )
        : [];
      const affiliation = named ?? (byWord.length === 1 ? byWord[0] : undefined);
      const affWords = affiliation
        ? new Set([...affiliation.mentions.map((m) => text.slice(m.start, m.end)), affiliation.name.split(' ').at(-1)!.toLowerCase()])
        : new Set<string>();
      const sideWords = modWords.filter((w) => !generic.has(w.toLowerCase()) && !affWords.has(w) && !affWords.has(w.toLowerCase()));
      found.push({
        ...abs,
        name: text.slice(abs.start, abs.end).replace(/^,\s*/, ''),
        side: !affiliation && sideWords.length ? sideWords.join(' ') : undefined,
        affiliation,
        how: qualifier
          ? `described as anonymous ("${qualifier.replace(/^,\s*/, '').trim()}")`
          : isSourceWord
            ? `"${noun}" with no name`
            : `unnamed "${noun}" who speaks`,
      });
    };
    for (const m of sentence.matchAll(re)) {
      const [all, det, mods, noun] = m as unknown as [string, string, string, string];
      // A capitalised word right after the determiner that is a person's name is not anonymous.
      consider(m.index!, m.index! + all.length, det, mods, noun);
    }
    // Whoever the words make anonymous, whatever the noun: "An engineer at X, who declined to be identified".
    const anonymous = anonymityPhrases[0]!;
    for (const m of sentence.matchAll(new RegExp(anonymous.source, 'giu'))) {
      const before = sentence.slice(0, m.index);
      const np = new RegExp(
        String.raw`\b(${DET})\s+((?:[\p{L}’'&-]+\s+){0,6}?)([\p{L}’'-]+)((?:\s+(?:at|in|from|of|with|for)\s+(?:the\s+)?\p{Lu}[\p{L}’'&-]*(?:\s+\p{Lu}[\p{L}’'&-]*)*)?)$`,
        'iu',
      ).exec(before);
      if (np) consider(np.index!, np.index! + np[0].length, np[1]!, np[2]!, np[3]!);
    }
    for (const m of sentence.matchAll(bare)) {
      // "Source: …" closing an article names where it came from, not who spoke.
      if (/^\p{Lu}/u.test(m[0]) && sentence[m.index! + m[0].length] === ':') continue;
      const before = sentence.slice(0, m.index).match(/(?:^|\s)([\p{L}’'-]+\s+)?$/u);
      consider(m.index! - (before?.[1]?.length ?? 0), m.index! + m[0].length, '', before?.[1] ?? '', m[1]!);
    }
    // "officials from both countries said": a bare plural, when the words after it make it anonymous.
    for (const m of sentence.matchAll(/\b(officials|diplomats|aides|negotiators)\b/giu))
      consider(m.index!, m.index! + m[0].length, '', '', m[1]!);
  }
  return found.sort((a, b) => a.start - b.start);
}
