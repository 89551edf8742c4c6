/**
 * Reading an article to draft. Contract: `readArticle(path)` returns the text (UTF-8, BOM and
 * trailing whitespace removed, line ends as `\n`) or throws DraftInputError with a message a
 * person can act on: missing file, empty text, a file that is not text (NUL bytes), not UTF-8,
 * or larger than the seed loader accepts. Nothing is written when it throws.
 */
import { readFileSync, statSync } from 'node:fs';
import { MAX_ARTICLE_BYTES } from '../seed/validate.js';

export class DraftInputError extends Error {
  override name = 'DraftInputError';
}

export function readArticle(path: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new DraftInputError(`${path}: not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof DraftInputError) throw error;
    throw new DraftInputError(`${path}: file not found`);
  }
  if (size > MAX_ARTICLE_BYTES)
    throw new DraftInputError(
      `${path}: file is ${size} bytes; an article may be at most ${MAX_ARTICLE_BYTES} bytes (split it, or check it is an article)`,
    );
  return checkText(readFileSync(path), path);
}

/** The same checks on bytes already in memory (tests, an API). */
export function checkText(bytes: Uint8Array, name = 'the article'): string {
  if (bytes.includes(0)) throw new DraftInputError(`${name}: holds NUL bytes; this is not a text file`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DraftInputError(`${name}: is not valid UTF-8 (re-save it as UTF-8)`);
  }
  text = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trimEnd();
  if (!/[\p{L}\p{N}]/u.test(text)) throw new DraftInputError(`${name}: the text is empty`);
  return text;
}
