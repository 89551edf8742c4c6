/**
 * The order of an article's events: by known time, then by cause and sequence, then by the
 * order the article mentions them.
 *
 * Contract: `orderEvents(events, after)` sorts `events` so that an event whose date lies
 * wholly before another's comes first, an event that another `after` (caused it, was
 * responded to, was followed) comes before it, and otherwise the first mentioned comes
 * first (the validator also counts a part of an event as coming after the whole's start).
 * Each event gets its place (`index`), how its place is known (`basis`: "date" when
 * it has a date, "sequence" when a cause or sequence link ties it to another event (at
 * either end of the link), else "mention"), and `sortDate`, a date that never decreases along the order, so that
 * events of several articles can be merged by date without breaking any article's order.
 * Constraints that contradict each other (a cause dated after its effect, a loop of causes)
 * are reported as a `cycle` of the event ids involved.
 */
import type { Precision } from './when.js';

export interface TimelineEvent {
  id: string;
  date: string | null;
  precision: Precision | null;
  firstMention: number;
}

/** `later` happened after `earlier`, as a cause or sequence link says. */
export interface After {
  later: string;
  earlier: string;
}

export type Basis = 'date' | 'sequence' | 'mention';
export interface Placed {
  index: number;
  basis: Basis;
  sortDate: string | null;
}

export type TimelineResult = { ok: true; placed: Map<string, Placed> } | { ok: false; cycle: string[] };

const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last day a date covers, as YYYY-MM-DD strings (which compare as dates). */
function interval(date: string, precision: Precision | null): [string, string] {
  if (date.length === 4) return [`${date}-01-01`, `${date}-12-31`];
  if (date.length === 7) return [`${date}-01`, `${date}-31`];
  if (precision !== 'week') return [date, date];
  const end = new Date(new Date(`${date}T00:00:00Z`).getTime() + 6 * 86_400_000);
  return [date, `${end.getUTCFullYear()}-${pad(end.getUTCMonth() + 1)}-${pad(end.getUTCDate())}`];
}

export function orderEvents(events: TimelineEvent[], after: After[]): TimelineResult {
  const byId = new Map(events.map((e) => [e.id, e]));
  const before = new Map<string, Set<string>>(events.map((e) => [e.id, new Set()])); // id -> ids that must come first
  const linked = new Map<string, Set<string>>(events.map((e) => [e.id, new Set()]));
  for (const { later, earlier } of after) {
    if (!byId.has(later) || !byId.has(earlier) || later === earlier) continue;
    before.get(later)!.add(earlier);
    linked.get(later)!.add(earlier);
  }
  const dated = events.filter((e) => e.date);
  for (const a of dated) {
    const [, aEnd] = interval(a.date!, a.precision);
    for (const b of dated) if (aEnd < interval(b.date!, b.precision)[0]) before.get(b.id)!.add(a.id);
  }

  const order: TimelineEvent[] = [];
  const done = new Set<string>();
  const byMention = [...events].sort((a, b) => a.firstMention - b.firstMention || (a.id < b.id ? -1 : 1));
  while (order.length < events.length) {
    const next = byMention.find((e) => !done.has(e.id) && [...before.get(e.id)!].every((id) => done.has(id)));
    if (!next) return { ok: false, cycle: byMention.filter((e) => !done.has(e.id)).map((e) => e.id) };
    order.push(next);
    done.add(next.id);
  }

  // Events a cause or sequence link ties to another event of the article, either way.
  const tied = new Set([...linked].flatMap(([id, earlier]) => (earlier.size ? [id, ...earlier] : [])));
  const placed = new Map<string, Placed>();
  const firstDated = order.find((e) => e.date);
  let running = firstDated ? interval(firstDated.date!, firstDated.precision)[0] : null;
  order.forEach((e, index) => {
    if (e.date) {
      const start = interval(e.date, e.precision)[0];
      if (running === null || start > running) running = start;
    }
    const basis: Basis = e.date ? 'date' : tied.has(e.id) ? 'sequence' : 'mention';
    placed.set(e.id, { index, basis, sortDate: running });
  });
  return { ok: true, placed };
}
