/**
 * The side panel: the facts behind a selected edge or node, and the words they come from,
 * shown inside the article's text with the exact words marked.
 *
 * Offsets from the API are code points into the article text (not UTF-16 units), end
 * exclusive; the article is split into code points once and kept.
 */
import { ARTICLE_TEXT, DETAILS } from '../queries.js';
import { request } from './api.js';
import { h } from './dom.js';
import { readType, typeInfo, type Edge, type Evidence, type Head } from './model.js';

interface Article {
  id: string;
  title: string;
  publisher: string;
  publishedAt: string | null;
  url: string | null;
  points: string[];
  sentences: { index: number; start: number; end: number }[];
}

const articles = new Map<string, Promise<Article>>();

/** An article's text and sentence bounds, every page of sentences, kept for the session. */
function article(id: string): Promise<Article> {
  let a = articles.get(id);
  if (!a) {
    a = (async () => {
      type Answer = {
        node:
          | (Omit<Article, 'points' | 'sentences'> & {
              text: string;
              sentences: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Article['sentences'][number] }[] };
            })
          | null;
      };
      const sentences: Article['sentences'] = [];
      let after: string | null = null;
      let first: NonNullable<Answer['node']> | null = null;
      do {
        const { node }: Answer = await request<Answer>(ARTICLE_TEXT, { id, first: 100, after });
        if (!node) throw new Error('The article is gone.');
        first ??= node;
        sentences.push(...node.sentences.edges.map((e) => e.node));
        after = node.sentences.pageInfo.hasNextPage ? node.sentences.pageInfo.endCursor : null;
      } while (after);
      return { ...first, points: Array.from(first.text), sentences };
    })();
    articles.set(id, a);
    a.catch(() => articles.delete(id));
  }
  return a;
}

/** The article's text with the evidence's sentence set apart and its exact words marked, scrolled to them. */
export async function evidenceInArticle(ev: Evidence): Promise<HTMLElement> {
  if (!ev.article) return h('blockquote', {}, h('mark', {}, ev.text));
  const a = await article(ev.article.id);
  const sentence = a.sentences.find((s) => s.start <= ev.start && ev.start < s.end) ?? { start: ev.start, end: ev.end };
  const from = Math.min(sentence.start, ev.start);
  const to = Math.max(sentence.end, ev.end);
  const cut = (s: number, e: number) => a.points.slice(s, e).join('');
  const words = h('mark', { class: 'words' }, cut(ev.start, ev.end));
  const text = h(
    'div',
    { class: 'article-text', tabindex: 0, role: 'region', 'aria-label': `Text of “${a.title}”, with the words marked` },
    cut(0, from),
    h('span', { class: 'sentence' }, cut(from, ev.start), words, cut(ev.end, to)),
    cut(to, a.points.length),
  );
  const box = h(
    'figure',
    { class: 'evidence' },
    h('figcaption', {}, a.title, ' — ', a.publisher, a.publishedAt ? `, ${a.publishedAt}` : ''),
    h('blockquote', { class: 'quote' }, '“', cut(ev.start, ev.end), '”'),
    text,
  );
  // Once in the document: scroll the text, not the page, to the marked words.
  requestAnimationFrame(() => {
    text.scrollTop = Math.max(0, words.offsetTop - text.clientHeight / 3);
  });
  return box;
}

type Details = Head & Record<string, any>;

const link = (head: Head | null | undefined, centre: (id: string) => void) =>
  head ? h('button', { type: 'button', class: 'link', onclick: () => centre(head.id), title: `Centre on ${head.label}` }, head.label) : '—';

const row = (term: string, ...value: (Node | string | null | undefined)[]) =>
  value.some((v) => v !== null && v !== undefined && v !== '') ? [h('dt', {}, term), h('dd', {}, ...value)] : [];

/** The facts of one node (a statement's speaker and words, a vote's count, an event's participants…). */
function facts(d: Details, centre: (id: string) => void): HTMLElement {
  const items: HTMLElement[] = [
    ...row('Kind', d.kind ?? d.__typename),
    ...row('Also called', d.aliases?.length ? d.aliases.join(', ') : null),
    ...row('About', d.description),
  ];
  switch (d.__typename) {
    case 'Statement':
      items.push(
        ...row('Said by', link(d.speaker, centre)),
        ...row(d.mode === 'verbatim' ? 'Words (verbatim)' : 'Words (reported)', h('q', {}, d.text)),
        ...row('Told to', d.toldTo ? link(d.toldTo, centre) : null),
        ...row('Quotes', d.quotes ? link(d.quotes, centre) : null),
        ...row('Made in', d.madeIn ? link(d.madeIn, centre) : null),
        ...row(
          'Toward',
          d.about?.length
            ? h(
                'ul',
                {},
                ...d.about.map((a: any) =>
                  h(
                    'li',
                    { class: `tone-${(a.stance ?? 'neutral').toLowerCase()}` },
                    `${a.stance ?? 'no stance'}: `,
                    link(a.other, centre),
                  ),
                ),
              )
            : null,
        ),
      );
      break;
    case 'Vote':
      items.push(
        ...row(
          'Result',
          `${d.votesFor} for, ${d.votesAgainst} against${d.abstentions != null ? `, ${d.abstentions} abstaining` : ''}: ${d.outcome}`,
        ),
        ...row('Body', d.body ? link(d.body, centre) : null),
        ...row('On', d.motion ? link(d.motion, centre) : null),
        ...row(
          'Positions',
          d.positions?.length ? h('ul', {}, ...d.positions.map((p: any) => h('li', {}, `${p.position}: `, link(p.other, centre)))) : null,
        ),
      );
      break;
    case 'Event':
      items.push(
        ...row('What', `${d.type}, ${d.eventStatus}${d.date ? `, ${d.date}` : ''}`),
        ...row('Part of', d.partOf ? link(d.partOf, centre) : null),
        ...row(
          'Who took part',
          d.participants?.length
            ? h('ul', {}, ...d.participants.map((p: any) => h('li', {}, link(p.other, centre), p.role ? `: ${p.role}` : '')))
            : null,
        ),
      );
      break;
    case 'Role':
      items.push(
        ...row('Held by', link(d.holder, centre)),
        ...row('In', d.in ? link(d.in, centre) : null),
        ...row('Status', [d.status, d.duration, d.since && `since ${d.since}`, d.until && `until ${d.until}`].filter(Boolean).join(', ')),
      );
      break;
    case 'Motion':
      items.push(
        ...row('Seeks', d.seeks),
        ...row('Outcome', d.outcome),
        ...row('Proposed by', d.proposer ? link(d.proposer, centre) : null),
        ...row('Decided by', d.decidedBy ? link(d.decidedBy, centre) : null),
        ...row('Target', d.target ? link(d.target, centre) : null),
      );
      break;
    case 'Article':
      items.push(...row('Publisher', d.publisher), ...row('Published', d.publishedAt), ...row('Address', d.url));
      break;
  }
  if (d.roles?.totalCount) {
    items.push(
      ...row(
        'Roles',
        h(
          'ul',
          {},
          ...d.roles.edges.map((e: any) =>
            h('li', {}, link(e.node, centre), ` (${e.node.status}${e.node.duration ? `, ${e.node.duration}` : ''})`),
          ),
        ),
      ),
    );
  }
  return h('dl', {}, ...items);
}

async function evidenceList(evidence: Evidence[]): Promise<HTMLElement> {
  if (!evidence.length) return h('p', {}, 'No words of an article are given for this.');
  const boxes = await Promise.all(evidence.slice(0, 5).map(evidenceInArticle));
  return h(
    'section',
    { class: 'words-behind' },
    h('h4', {}, evidence.length === 1 ? 'The words it comes from' : `The words it comes from (${evidence.length})`),
    ...boxes,
    evidence.length > 5 ? h('p', {}, `and ${evidence.length - 5} more passages.`) : null,
  );
}

const loadDetails = (id: string) => request<{ node: Details | null }>(DETAILS, { id }).then((a) => a.node);

export async function nodePanel(id: string, centre: (id: string) => void, isCentre: boolean): Promise<HTMLElement[]> {
  const d = await loadDetails(id);
  if (!d) return [h('p', {}, 'Nothing has this id any more.')];
  return [
    h('h3', {}, d.label),
    isCentre ? null : h('button', { type: 'button', class: 'centre-on', onclick: () => centre(d.id) }, 'Centre the drawing on this'),
    facts(d, centre),
    d.evidence ? await evidenceList(d.evidence) : null,
  ].filter((x): x is HTMLElement => x !== null);
}

export async function edgePanel(edge: Edge, centre: (id: string) => void): Promise<HTMLElement[]> {
  const out: HTMLElement[] = [
    h(
      'h3',
      { class: `tone-${edge.tone}` },
      link(edge.from, centre),
      h('span', { class: 'reads' }, ` ${readType(edge.type)} `),
      link(edge.to, centre),
    ),
  ];
  const meaning = typeInfo(edge.type)?.description;
  if (meaning) out.push(h('p', { class: 'notes' }, meaning));
  const rel = edge.rels[0];
  // A line the page draws itself (the order of a timeline) rests on no relationship.
  if (!rel) return [...out, h('p', { class: 'notes' }, 'The order the story puts them in.')];
  const notes = [
    rel.role && `Role: ${rel.role}`,
    rel.position && `Position: ${rel.position}`,
    rel.stance && `Stance: ${rel.stance}`,
    rel.derived ? 'Derived from the fact below, not stated directly.' : null,
  ].filter(Boolean) as string[];
  if (notes.length) out.push(h('p', { class: 'notes' }, notes.join(' · ')));
  if (edge.via) {
    const via = await loadDetails(edge.via.id);
    if (via)
      out.push(
        h(
          'section',
          { class: 'via' },
          h('h4', {}, `Because of this ${via.__typename.toLowerCase()}`),
          link(via, centre),
          facts(via, centre),
        ),
      );
  }
  const seen = new Set<string>();
  const evidence = edge.rels.flatMap((r) => r.evidence).filter((e) => !seen.has(`${e.start}:${e.end}`) && seen.add(`${e.start}:${e.end}`));
  out.push(await evidenceList(evidence));
  return out;
}
