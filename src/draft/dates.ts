/**
 * Dates with the precision the words give. Contract: `resolveDate(words, publishedAt?)` turns
 * the words of a wink-nlp DATE entity into a seed date: "2022" → "2022" (year), "March 2024" or
 * "March" → "2024-03" (month; the year from publishedAt), "14 May" → "2026-05-14" (day),
 * "on Thursday", "yesterday", "today" → the day, counted back from publishedAt. Without
 * publishedAt only words that carry their own year resolve. Anything else (a duration, "last
 * month", "next spring") gives undefined: the words are kept for the curator instead.
 */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const pad = (n: number) => String(n).padStart(2, '0');

export function resolveDate(words: string, publishedAt?: string): string | undefined {
  const w = words.toLowerCase().replace(/[,.]/g, ' ').replace(/\s+/g, ' ').trim();
  const pub = publishedAt && /^\d{4}-\d{2}-\d{2}$/.test(publishedAt) ? new Date(`${publishedAt}T12:00:00Z`) : undefined;
  const pubYear = publishedAt ? Number(publishedAt.slice(0, 4)) : undefined;
  const year = /\b(1[89]\d{2}|20\d{2})\b/.exec(w)?.[1];
  const month = MONTHS.findIndex((m) => new RegExp(`\\b${m}\\b`).test(w));
  const day = /\b(\d{1,2})(?:st|nd|rd|th)?\b/.exec(w.replace(/\b(1[89]\d{2}|20\d{2})\b/, ''))?.[1];
  if (month !== -1) {
    const y = year ?? pubYear;
    if (!y) return undefined;
    if (day && Number(day) >= 1 && Number(day) <= 31) return `${y}-${pad(month + 1)}-${pad(Number(day))}`;
    return `${y}-${pad(month + 1)}`;
  }
  if (year && /^(?:in |by |since |until )?\d{4}$/.test(w)) return year;
  if (!pub) return undefined;
  const back = (n: number) => {
    const d = new Date(pub.getTime() - n * 86_400_000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  };
  if (/\btoday\b|\btonight\b|\bthis morning\b/.test(w)) return back(0);
  if (/\byesterday\b|\blast night\b/.test(w)) return back(1);
  const weekday = DAYS.findIndex((d) => new RegExp(`\\b${d}\\b`).test(w));
  if (weekday !== -1 && !/\bnext\b/.test(w)) return back((pub.getUTCDay() - weekday + 7) % 7 || (/\blast\b/.test(w) ? 7 : 0));
  return undefined;
}
