/**
 * Looking things up by position in a long text without scanning everything each time.
 * Contract: `byStart(items)` sorts items by `start` once and returns `within(from, to)`, the items
 * whose start lies in [from, to), by binary search; `containing(items)` returns `at(pos)`, the
 * item whose [start, end) holds pos (items must not overlap, as sentences do not).
 */
export function byStart<T extends { start: number }>(items: T[]) {
  const sorted = [...items].sort((a, b) => a.start - b.start);
  const first = (pos: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return (from: number, to: number): T[] => sorted.slice(first(from), first(to));
}

export function containing<T extends { start: number; end: number }>(items: T[]) {
  const sorted = [...items].sort((a, b) => a.start - b.start);
  return (pos: number): { item: T; index: number } | undefined => {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = sorted[mid]!;
      if (pos < s.start) hi = mid - 1;
      else if (pos >= s.end) lo = mid + 1;
      else return { item: s, index: mid };
    }
    return undefined;
  };
}
