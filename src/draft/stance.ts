/**
 * Stance, only where the words say it plainly. Contract: `stanceAt(text, verbStart, word)`
 * tells whether a verb (or "hit out at") states support or opposition, and `objectAfter`
 * finds what it is aimed at: the first entity mentioned within five words after the verb, or,
 * for "it", "the decision", "the result", "the vote", "the outcome", "the ruling", the vote or
 * motion of the article (when it has exactly one). Nothing else gets a stance: the curator
 * decides.
 */
import type { DraftEntity, Span } from './entities.js';
import { stancePhrases, stanceVerbs } from './lexicon.js';

export type Stance = 'SUPPORT' | 'OPPOSE';

export function stanceOf(text: string, start: number, word: string): Stance | undefined {
  const direct = stanceVerbs[word.toLowerCase()];
  if (direct) return direct;
  const rest = text.slice(start, start + 20);
  return stancePhrases.find(([re]) => new RegExp(`^${re.source.replace(/^\\b/, '')}`, 'i').test(rest))?.[1];
}

export type Target = { entity: DraftEntity } | { deictic: 'decision' };

export function objectAfter(
  text: string,
  from: number,
  entities: DraftEntity[],
  until: number,
): { target: Target; span: Span } | undefined {
  const window = text.slice(from, Math.min(until, from + 60));
  const words = window.split(/\s+/).filter(Boolean).slice(0, 6).join(' ');
  const limit = from + window.indexOf(words.split(' ').at(-1) ?? '') + 30;
  const hit = entities
    .flatMap((e) => e.mentions.map((m) => ({ e, m })))
    .filter((x) => x.m.start >= from && x.m.start <= Math.min(limit, until) && x.e.kind !== 'AnonymousSource')
    .sort((a, b) => a.m.start - b.m.start)[0];
  const deictic = /^\s*(?:out at\s+|at\s+)?(it|the (?:decision|result|vote|outcome|ruling|verdict))\b/i.exec(window);
  if (deictic && (!hit || hit.m.start > from + deictic.index + deictic[0].length))
    return {
      target: { deictic: 'decision' },
      span: { start: from + deictic.index + deictic[0].indexOf(deictic[1]!), end: from + deictic.index + deictic[0].length },
    };
  return hit ? { target: { entity: hit.e }, span: hit.m } : undefined;
}
