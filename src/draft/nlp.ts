/**
 * The two NLP packages, loaded once, and one analysis of a text. Both ship their models inside
 * the npm package; nothing is fetched at run time.
 *
 * Contract: `analyse(text)` returns wink-nlp's tokens with UTF-16 offsets into `text` and parts
 * of speech (Universal POS tags), wink's DATE/DURATION/CARDINAL/PERCENT/MONEY entities as spans,
 * and, on demand, compromise's people, organisations and places overlapping a span (hints for
 * classifying names the rules leave open).
 */
import nlpCompromise from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export interface Token {
  text: string;
  start: number;
  end: number;
  pos: string;
  index: number;
}
export interface TaggedSpan {
  start: number;
  end: number;
  text: string;
  type: string;
}
export interface Analysis {
  text: string;
  tokens: Token[];
  /** wink-nlp entities: DATE, TIME, DURATION, CARDINAL, ORDINAL, PERCENT, MONEY, … */
  values: TaggedSpan[];
  /** compromise's guesses overlapping a span (type Person, Organisation or Place), computed on demand. */
  hintsAt: (start: number, end: number) => TaggedSpan[];
}

const wink = winkNLP(model);
const its = wink.its;

export function analyse(text: string): Analysis {
  const doc = wink.readDoc(text);
  const words = doc.tokens().out() as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const tokens: Token[] = [];
  let at = 0;
  words.forEach((w, i) => {
    // wink keeps the spaces before each token; when its text differs from the source (it may
    // normalise a character), find the word from where we are instead.
    let start = at + (spaces[i] ?? '').length;
    if (text.slice(start, start + w.length) !== w) {
      const found = text.indexOf(w, at);
      start = found === -1 ? start : found;
    }
    tokens.push({ text: w, start, end: start + w.length, pos: pos[i] ?? 'X', index: i });
    at = start + w.length;
  });
  const values: TaggedSpan[] = [];
  doc.entities().each((e: any) => {
    const [first, last] = e.out(its.span) as [number, number];
    const a = tokens[first];
    const b = tokens[last];
    if (a && b) values.push({ start: a.start, end: b.end, text: text.slice(a.start, b.end), type: e.out(its.type) as string });
  });
  // compromise, one paragraph at a time and only where asked: its tagging is most of the cost
  // of a draft, and the rules classify most names without it.
  const paragraphHints = new Map<number, TaggedSpan[]>();
  const hintsAt = (start: number, end: number): TaggedSpan[] => {
    const base = text.lastIndexOf('\n', start - 1) + 1;
    let list = paragraphHints.get(base);
    if (!list) {
      const nl = text.indexOf('\n', base);
      const paragraph = text.slice(base, nl === -1 ? text.length : nl);
      list = [];
      const c = nlpCompromise(paragraph);
      const add = (found: any[], type: string) => {
        for (const item of found) {
          const o = item.offset as { start: number; length: number };
          const raw = paragraph.slice(o.start, o.start + o.length);
          const trimmed = raw.replace(/^[“"‘'(]+/, '').replace(/[”"’'.,;:!?)]+$/, '');
          const at = base + o.start + raw.indexOf(trimmed);
          if (trimmed) list!.push({ start: at, end: at + trimmed.length, text: trimmed, type });
        }
      };
      add(c.people().json({ offset: true }), 'Person');
      add(c.organizations().json({ offset: true }), 'Organisation');
      add(c.places().json({ offset: true }), 'Place');
      paragraphHints.set(base, list);
    }
    return list.filter((h) => h.start < end && start < h.end);
  };
  return { text, tokens, values, hintsAt };
}

const tagCache = new Map<string, string[]>();
/** compromise's tags for one word on its own ("Dutch": Demonym; "Norwich": Place). */
export function wordTags(word: string): string[] {
  let tags = tagCache.get(word);
  if (!tags) {
    tags = (nlpCompromise(word).json()[0]?.terms?.[0]?.tags as string[] | undefined) ?? [];
    tagCache.set(word, tags);
  }
  return tags;
}
