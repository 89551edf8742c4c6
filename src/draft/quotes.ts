/**
 * Quotation spans. Contract: `findQuotes(text)` returns every stretch between quotation marks,
 * in text order: curly (“…”) and straight ("…") double marks, mixed in one text as they come.
 * A straight mark opens when none is open and closes when one is. A quote still open at the end
 * of a paragraph ends there; when the next paragraph opens with a quotation mark it continues
 * the same quote (the convention for quotes that run over several paragraphs), and the pieces
 * share a `chain`. A quote never closed ends at its paragraph's end and says so (`unclosed`).
 * Single marks (‘…’) are left alone: they are also apostrophes.
 *
 * `words` counts the quote's words; a quote of three words or fewer inside a sentence is a
 * fragment (a "scare quote" such as “emotional” or “very disappointed”), kept inside reported
 * speech rather than drafted as a verbatim statement.
 */
import { containing } from './ranges.js';

export interface Quote {
  /** The quoted words, without the marks, trimmed, and without a trailing comma (or a fragment's full stop). */
  start: number;
  end: number;
  text: string;
  /** Index of the opening mark, and of the closing mark (-1 when the paragraph ended first). */
  open: number;
  close: number;
  chain: number;
  unclosed: boolean;
  words: number;
}

export const FRAGMENT_MAX_WORDS = 3;

export function findQuotes(text: string): Quote[] {
  const quotes: Quote[] = [];
  let chain = 0;
  let openAt = -1;
  let continuing = false;
  const push = (open: number, close: number, paragraphEnd: boolean) => {
    let start = open + 1;
    let end = close === -1 ? (paragraphEnd ? findParagraphEnd(text, open) : close) : close;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
    // A fragment's full stop inside the marks is the sentence's, American style ("called it “a step.”").
    if (/^\p{Ll}/u.test(text[start] ?? '') && text[end - 1] === '.' && text[end - 2] !== '.') end--;
    if (end - start < 2) return;
    const inner = text.slice(start, end);
    quotes.push({ start, end, text: inner, open, close, chain, unclosed: close === -1, words: inner.split(/\s+/).filter(Boolean).length });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      if (openAt !== -1) {
        push(openAt, -1, true);
        openAt = -1;
        // Does the next paragraph carry the quote on?
        let j = i + 1;
        while (j < text.length && /\s/.test(text[j]!)) j++;
        continuing = text[j] === '“' || text[j] === '"';
      } else continuing = false;
      continue;
    }
    if (ch === '“' || (ch === '"' && openAt === -1)) {
      if (openAt !== -1) push(openAt, i, false);
      if (!continuing) chain++;
      continuing = false;
      openAt = i;
    } else if ((ch === '”' || ch === '"') && openAt !== -1) {
      push(openAt, i, false);
      openAt = -1;
    }
  }
  if (openAt !== -1) push(openAt, -1, true);
  return quotes;
}

function findParagraphEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl === -1 ? text.length : nl;
}

/** Whether a position lies inside any quote (marks included). */
export function insideQuote(quotes: Quote[], at: number): boolean {
  let index = cache.get(quotes);
  if (!index) {
    index = containing(quotes.map((q) => ({ start: q.open, end: q.close === -1 ? q.end : q.close + 1 })));
    cache.set(quotes, index);
  }
  return index(at) !== undefined;
}
const cache = new WeakMap<Quote[], ReturnType<typeof containing>>();
