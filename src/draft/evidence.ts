/**
 * Spans to evidence. Contract: `toEvidence(text, span)` gives the seed evidence for a UTF-16
 * span of the article: its words as a plain string when they appear once, else
 * `{ quote, occurrence }` counting appearances as the loader does (overlapping ones included),
 * so every drafted piece of evidence is found exactly where the drafter found it.
 */
import type { Evidence } from '../seed/format.js';
import type { Span } from './entities.js';

export function toEvidence(text: string, span: Span): Evidence {
  let { start, end } = span;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  while (start < end && /\s/.test(text[start]!)) start++;
  if (end - start < 2) end = Math.min(text.length, start + 2);
  const quote = text.slice(start, end);
  const at: number[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) at.push(i);
  if (at.length <= 1) return quote;
  return { quote, occurrence: at.indexOf(start) + 1 };
}

/** How many times the words appear (the loader refuses a statement text that appears twice). */
export function occurrences(text: string, words: string): number {
  let n = 0;
  for (let i = text.indexOf(words); i !== -1; i = text.indexOf(words, i + 1)) n++;
  return n;
}
