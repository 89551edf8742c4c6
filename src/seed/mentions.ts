/**
 * Every place an article names an entity: each appearance of its name or an alias as whole
 * words, beside the mentions the curator wrote as evidence. A name or alias that more than
 * one entity of the article uses names none of them (it is ambiguous); where two names
 * overlap ("Jeremy Corbyn", "Corbyn"), the longer one counts, and a curated span of the same
 * entity ("readmit Jeremy Corbyn as an MP") stands for the name inside it.
 *
 * Contract: `findMentions(text, entities, evidence, sentences, toCodePoint)` returns, by entity
 * id, its spans (code points, end exclusive) with the sentences each touches, curated ones
 * included, in text order and without duplicates.
 */
import type { SentenceSpan } from './locate.js';

interface Named {
  id: string;
  name: string;
  aliases: string[];
}
interface MentionSpan {
  start: number;
  end: number;
  sentences: number[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function findMentions(
  text: string,
  entities: Named[],
  evidence: Map<string, MentionSpan[]>,
  sentences: SentenceSpan[],
  toCodePoint: (i: number) => number,
): Map<string, MentionSpan[]> {
  const owners = new Map<string, Set<string>>();
  for (const e of entities)
    for (const n of [e.name, ...e.aliases]) if (n.trim().length >= 2) owners.set(n, (owners.get(n) ?? new Set()).add(e.id));
  // Longest names first, so that a shorter name inside a longer one's match is skipped.
  const names = [...owners].filter(([, ids]) => ids.size === 1).sort((a, b) => b[0].length - a[0].length);
  const taken: { start: number; end: number }[] = [];
  const found = new Map<string, MentionSpan[]>(entities.map((e) => [e.id, [...(evidence.get(e.id) ?? [])]]));
  for (const [name, ids] of names) {
    const id = [...ids][0]!;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, 'gu');
    for (const m of text.matchAll(pattern)) {
      const start = toCodePoint(m.index);
      const end = toCodePoint(m.index + name.length);
      if (taken.some((t) => t.start < end && start < t.end)) continue;
      if ((evidence.get(id) ?? []).some((c) => c.start < end && start < c.end)) continue; // the curator's own span says it
      taken.push({ start, end });
      const touched = sentences.filter((s) => s.start < end && start < s.end).map((s) => s.index);
      found.get(id)!.push({ start, end, sentences: touched });
    }
  }
  for (const [id, spans] of found) {
    const unique = new Map(spans.map((s) => [`${s.start}|${s.end}`, s]));
    found.set(
      id,
      [...unique.values()].sort((a, b) => a.start - b.start || a.end - b.end),
    );
  }
  return found;
}
