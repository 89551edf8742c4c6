/**
 * Finds evidence words in an article's text, and splits the text into sentences.
 *
 * Offsets are code-point positions into the article text, end exclusive (what the design and
 * the API promise), not UTF-16 indexes: the two differ once a text holds emoji or other
 * characters outside the Basic Multilingual Plane.
 */
import type { Evidence } from './format.js';

export interface Span {
  start: number;
  end: number;
}

export interface SentenceSpan extends Span {
  index: number;
  text: string;
}

export type LocateResult = { ok: true; span: Span } | { ok: false; reason: string };

/** Converts UTF-16 indexes of `text` to code-point offsets. */
export function codePointOffsets(text: string): (utf16Index: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (i) => i;
  const table = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = cp;
    const code = text.charCodeAt(i);
    if (!(code >= 0xdc00 && code <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) cp++;
  }
  table[text.length] = cp;
  return (i) => table[i]!;
}

function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) found.push(i);
  return found;
}

export function locate(text: string, evidence: Evidence, toCodePoint: (i: number) => number): LocateResult {
  const quote = typeof evidence === 'string' ? evidence : evidence.quote;
  const at = occurrences(text, quote);
  const show = JSON.stringify(quote.length > 80 ? `${quote.slice(0, 77)}...` : quote);
  if (at.length === 0) return { ok: false, reason: `the words ${show} are not in the article (check quotes, dashes and spacing)` };
  if (typeof evidence === 'string') {
    if (at.length > 1)
      return {
        ok: false,
        reason: `the words ${show} appear ${at.length} times; write { quote, occurrence } to say which, or quote more words`,
      };
    return { ok: true, span: { start: toCodePoint(at[0]!), end: toCodePoint(at[0]! + quote.length) } };
  }
  const index = at[evidence.occurrence - 1];
  if (index === undefined)
    return { ok: false, reason: `occurrence ${evidence.occurrence} of ${show} asked for, but the words appear ${at.length} time(s)` };
  return { ok: true, span: { start: toCodePoint(index), end: toCodePoint(index + quote.length) } };
}

/**
 * Titles that end in a full stop but never end a sentence ("Mr. Lee", "Sen. Maria Delgado"), and
 * lone initials ("J. K. Rowling"): Node's ICU breaks after them, as it has no suppressions.
 */
const noBreakAfter =
  /(?:^|[\s(“"‘])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Rev|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Det|Supt|Insp|Cllr|St|Hon|Fr|\p{Lu})\.\s*$/u;

/** Sentences by Unicode sentence boundaries (Intl.Segmenter), trimmed; segments with no letter or digit dropped. */
export function splitSentences(text: string, toCodePoint: (i: number) => number): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  const segments: { segment: string; index: number }[] = [];
  for (const { segment, index } of new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text)) {
    const prev = segments.at(-1);
    // A break after a title or an initial, within a line, is none.
    if (prev && noBreakAfter.test(prev.segment) && !prev.segment.includes('\n')) prev.segment += segment;
    else segments.push({ segment, index });
  }
  for (const { segment, index } of segments) {
    const lead = segment.length - segment.trimStart().length;
    const body = segment.trim();
    // A stray quotation mark between paragraphs is a segment of its own; it says nothing.
    if (!/[\p{L}\p{N}]/u.test(body)) continue;
    const start = index + lead;
    sentences.push({ index: sentences.length, start: toCodePoint(start), end: toCodePoint(start + body.length), text: body });
  }
  return sentences;
}
