/**
 * Turns what a user typed into a safe Lucene query for Neo4j's full-text indexes: words
 * are lower-cased and every Lucene operator character escaped, so input can never change
 * the query's structure. Each word matches itself or as a prefix ("corb" finds Corbyn),
 * and all words must match.
 */
const special = /[+\-&|!(){}[\]^"~*?:\\/]/g;
export const MAX_SEARCH_WORDS = 16;

export function toLuceneQuery(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s\p{P}]+/u)
    .map((w) => w.replace(special, '\\$&'))
    .filter(Boolean)
    .slice(0, MAX_SEARCH_WORDS);
  if (!words.length) return null;
  return words.map((w) => `(${w} OR ${w}*)`).join(' AND ');
}
