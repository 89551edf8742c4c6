/**
 * Dates in an article's words ("on Friday", "next month", "3 May 2024", "last year"),
 * resolved against the article's publication date, with the precision the words give.
 *
 * Contract: `resolveWhen(words, publishedAt)` returns `{ date, precision }`: `date` is
 * YYYY, YYYY-MM or YYYY-MM-DD (a week is given by its Monday, with precision "week"), or
 * null when the words cannot be resolved (no publication date, or words such as "soon").
 * Bare weekdays ("on Tuesday") are taken as the latest such day on or before publication,
 * as news reports tell what happened; "next Tuesday" is the first after it. Dates without
 * a year take the publication's year.
 */

export type Precision = 'year' | 'month' | 'week' | 'day';
export interface ResolvedDate {
  date: string | null;
  precision: Precision | null;
}

const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const monthPattern = `(${months.map((m) => `${m}|${m.slice(0, 3)}`).join('|')})\\.?`;
const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const numberWords: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const dayOf = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const monthOf = (y: number, m: number) => {
  const d = utc(y, m, 1);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
};
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const mondayOf = (d: Date) => addDays(d, -((d.getUTCDay() + 6) % 7));
const monthIndex = (word: string) => months.findIndex((m) => word.toLowerCase().startsWith(m.slice(0, 3))) + 1;
const none: ResolvedDate = { date: null, precision: null };

/** The publication date as parts, with what it allows: day-relative words need a day. */
function parsePublished(publishedAt: string | undefined) {
  const m = publishedAt?.match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null];
  return { y, mo, d, day: mo && d ? utc(y, mo, d) : null };
}

export function resolveWhen(words: string, publishedAt?: string): ResolvedDate {
  const w = words.toLowerCase().replace(/\s+/g, ' ').trim();
  const pub = parsePublished(publishedAt);

  // Absolute dates first: they need at most the publication's year.
  let m = w.match(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?${monthPattern}(?:,? (\\d{4}))?\\b`));
  if (m) return day(m[3] ? Number(m[3]) : pub?.y, monthIndex(m[2]!), Number(m[1]));
  m = w.match(new RegExp(`\\b${monthPattern} (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b`));
  if (m) return day(m[3] ? Number(m[3]) : pub?.y, monthIndex(m[1]!), Number(m[2]));
  m = w.match(new RegExp(`\\b(last|next)? ?${monthPattern}(?: (\\d{4}))?\\b`));
  // "may" and "march" are also words of their own: alone, without a year or a preposition, not dates.
  const notAMonth =
    m && /^(may|march|mar)$/.test(m[2]!) && !m[1] && !m[3] && !/\b(in|by|since|until|from|of|during|early|late|mid)\b/.test(w);
  if (m && !notAMonth) {
    const mo = monthIndex(m[2]!);
    if (m[3]) return { date: monthOf(Number(m[3]), mo), precision: 'month' };
    if (!pub) return none;
    const shift = m[1] === 'last' ? (pub.mo && mo >= pub.mo ? -1 : 0) : m[1] === 'next' ? (pub.mo && mo <= pub.mo ? 1 : 0) : 0;
    return { date: monthOf(pub.y + shift, mo), precision: 'month' };
  }
  m = w.match(/\b(1[89]\d\d|20\d\d)\b/);
  if (m) return { date: m[1]!, precision: 'year' };

  if (!pub) return none;
  // Relative to the year or month of publication.
  if (/\b(this|earlier this|later this) year\b/.test(w)) return { date: String(pub.y), precision: 'year' };
  if (/\blast year\b/.test(w)) return { date: String(pub.y - 1), precision: 'year' };
  if (/\bnext year\b/.test(w)) return { date: String(pub.y + 1), precision: 'year' };
  m = w.match(/\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve) years? ago\b/);
  if (m) return { date: String(pub.y - count(m[1]!)), precision: 'year' };
  if (pub.mo) {
    if (/\b(this|earlier this|later this) month\b/.test(w)) return { date: monthOf(pub.y, pub.mo), precision: 'month' };
    if (/\blast month\b/.test(w)) return { date: monthOf(pub.y, pub.mo - 1), precision: 'month' };
    if (/\bnext month\b/.test(w)) return { date: monthOf(pub.y, pub.mo + 1), precision: 'month' };
    m = w.match(/\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve) months? ago\b/);
    if (m) return { date: monthOf(pub.y, pub.mo - count(m[1]!)), precision: 'month' };
  }
  if (!pub.day) return none;
  // Relative to the day of publication.
  const p = pub.day;
  if (/\b(today|this morning|this afternoon|this evening|tonight)\b/.test(w)) return { date: dayOf(p), precision: 'day' };
  if (/\b(yesterday|last night)\b/.test(w)) return { date: dayOf(addDays(p, -1)), precision: 'day' };
  if (/\btomorrow\b/.test(w)) return { date: dayOf(addDays(p, 1)), precision: 'day' };
  if (/\bthis week\b/.test(w)) return { date: dayOf(mondayOf(p)), precision: 'week' };
  if (/\blast week\b/.test(w)) return { date: dayOf(addDays(mondayOf(p), -7)), precision: 'week' };
  if (/\bnext week\b/.test(w)) return { date: dayOf(addDays(mondayOf(p), 7)), precision: 'week' };
  m = w.match(/\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve) (day|week)s? ago\b/);
  if (m)
    return m[2] === 'day'
      ? { date: dayOf(addDays(p, -count(m[1]!))), precision: 'day' }
      : { date: dayOf(mondayOf(addDays(p, -7 * count(m[1]!)))), precision: 'week' };
  m = w.match(
    /\bin (\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve) (day|week)s?(?:'|’)? time\b|\bin (\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve) (day|week)s\b/,
  );
  if (m) {
    const n = count((m[1] ?? m[3])!);
    return (m[2] ?? m[4]) === 'day'
      ? { date: dayOf(addDays(p, n)), precision: 'day' }
      : { date: dayOf(mondayOf(addDays(p, 7 * n))), precision: 'week' };
  }
  m = w.match(new RegExp(`\\b(last|next|this)? ?(${weekdays.join('|')})\\b`));
  if (m) {
    const target = weekdays.indexOf(m[2]!);
    const back = (p.getUTCDay() - target + 7) % 7;
    if (m[1] === 'next') return { date: dayOf(addDays(p, (target - p.getUTCDay() + 7) % 7 || 7)), precision: 'day' };
    if (m[1] === 'last') return { date: dayOf(addDays(p, -(back || 7))), precision: 'day' };
    return { date: dayOf(addDays(p, -back)), precision: 'day' };
  }
  return none;
}

function count(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (numberWords[word] ?? 1);
}

function day(year: number | undefined, month: number, date: number): ResolvedDate {
  if (year === undefined || month < 1 || date < 1 || date > 31) return none;
  const d = utc(year, month, date);
  if (d.getUTCMonth() !== month - 1) return none;
  return { date: dayOf(d), precision: 'day' };
}

/** The precision an ISO date (YYYY, YYYY-MM, YYYY-MM-DD) has by its length. */
export const precisionOf = (date: string): Precision => (date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day');
