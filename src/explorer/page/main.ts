/**
 * The explorer page: search, the drawing of a node's neighbourhood, the side panel, the list
 * of the same facts, paths and timelines, all from the public GraphQL API (../queries.ts).
 *
 * Everything shown follows from the URL (state.ts): navigating pushes a history entry and
 * renders from it, so Back, reload and a shared link all show the same view. A node's lists
 * (sections) are drawn `limit` relationships at a time (25, then "show more"), so a hub never
 * freezes the tab.
 *
 * For tests and the curious, `window.explorer` holds the cytoscape instance (`cy`), whether
 * the page is idle, what the current view drew, and how long the first drawing took.
 */
import { ARTICLES, ENTITY_ID, MORE, NEIGHBOURHOOD, PAGE, PATH, SECTIONS, TIMELINE, VOCABULARY, type Section } from '../queries.js';
import { request, waiting } from './api.js';
import { byId, h } from './dom.js';
import { createGraph, SHAPES, TONE_COLOURS, type Graph } from './drawing.js';
import {
  Drawing,
  readType,
  shortLabel,
  typeInfo,
  typesTaking,
  useVocabulary,
  type Edge,
  type Head,
  type Rel,
  type RelationTypeInfo,
  type RelPage,
  type Tone,
} from './model.js';
import { edgePanel, nodePanel } from './panel.js';
import { readState, writeState, type ViewState } from './state.js';
import { attachSuggestions } from './suggest.js';

declare global {
  interface Window {
    explorer: {
      cy: Graph['cy'] | null;
      idle: boolean;
      /** What was last drawn: the view's key (view and ids), and how many nodes and edges. */
      drawn: { key: string; nodes: number; edges: number } | null;
      /** Milliseconds from navigation start to the end of the first layout. */
      firstDrawMs: number | null;
      errors: string[];
    };
  }
}

const SECTION_NAMES: Record<Section, string> = {
  supporters: 'Support for it',
  opponents: 'Opposition to it',
  supported: 'What it supported',
  opposed: 'What it opposed',
  relationships: 'All its relationships',
};
const TONE_NAMES: Record<Tone, string> = { support: 'Support', oppose: 'Opposition', other: 'Other relationships' };

window.explorer = { cy: null, idle: false, drawn: null, firstDrawMs: null, errors: [] };

let state: ViewState = readState(location.search);
let drawing = new Drawing();
let drawnKey = '';
let centreId: string | null = null;
let graph: Graph;
const trail: Head[] = [];
const base = document.querySelector<HTMLMetaElement>('meta[name="explorer-base"]')?.content || location.pathname;

const status = (text: string) => (byId('status').textContent = text);
const setTitle = (text: string) => (byId('view-title').textContent = text);

function go(change: Partial<ViewState>, { replace = false } = {}) {
  const next = { ...state, ...change };
  const url = `${base}${writeState(next)}`;
  const depth = ((history.state as { depth?: number } | null)?.depth ?? 0) + (replace ? 0 : 1);
  if (replace) history.replaceState({ depth }, '', url);
  else history.pushState({ depth }, '', url);
  void render();
}

const centre = (id: string) => go({ view: 'graph', focus: id, select: id, limit: PAGE });

/** Node ids in the URL may be an entity's key (`person:…`); the API's node(id:) takes global ids. */
async function globalId(id: string): Promise<string | null> {
  if (!/^[a-z][a-z-]*:/.test(id)) return id;
  const { entity } = await request<{ entity: { id: string } | null }>(ENTITY_ID, { id });
  return entity?.id ?? null;
}

type NodeAnswer = Head & { kind?: string } & Record<Section, RelPage>;

interface Loaded {
  head: Head & { kind?: string };
  sections: Record<Section, { rels: Rel[]; total: number; hasNext: boolean }>;
}

async function neighbourhood(id: string, limit: number): Promise<Loaded | null> {
  const sides = { support: typesTaking('SUPPORT'), oppose: typesTaking('OPPOSE') };
  const { node } = await request<{ node: NodeAnswer | null }>(NEIGHBOURHOOD, { id, first: PAGE, ...sides });
  if (!node) return null;
  const sections = {} as Loaded['sections'];
  await Promise.all(
    SECTIONS.map(async (s) => {
      let page = node[s];
      const rels = page.edges.map((e) => e.node);
      while (rels.length < limit && page.pageInfo.hasNextPage && page.pageInfo.endCursor) {
        const more = await request<{ node: Record<Section, RelPage> | null }>(MORE[s], {
          id,
          first: PAGE,
          after: page.pageInfo.endCursor,
          ...sides,
        });
        if (!more.node) break;
        page = more.node[s];
        rels.push(...page.edges.map((e) => e.node));
      }
      sections[s] = { rels, total: page.totalCount, hasNext: page.pageInfo.hasNextPage };
    }),
  );
  return { head: { __typename: node.__typename, id: node.id, key: node.key, label: node.label, kind: node.kind }, sections };
}

/** What each type of line drawn means, from the vocabulary. */
function meanings(types: Set<string>) {
  const known = [...types].map(typeInfo).filter((t): t is RelationTypeInfo => t !== undefined);
  if (!known.length) return '';
  return h(
    'details',
    { class: 'meanings' },
    h('summary', {}, `What the lines say (${known.length})`),
    h('dl', {}, ...known.flatMap((t) => [h('dt', {}, t.forward), h('dd', {}, t.description)])),
  );
}

function legend(kinds: Set<string>) {
  const line = (tone: keyof typeof TONE_COLOURS, text: string) =>
    h('li', {}, h('span', { class: `swatch ${tone}`, 'aria-hidden': 'true' }), text);
  byId('legend').replaceChildren(
    h('h3', {}, 'Legend'),
    h(
      'ul',
      {},
      line('support', 'supported, or spoke or voted for'),
      line('oppose', 'opposed, or spoke or voted against (dashed)'),
      line('other', 'any other relationship'),
      line('both', 'ring: both, toward the centre'),
    ),
    h('p', { class: 'shapes' }, 'Shapes: ', [...kinds].map((k) => `${k} ${SHAPE_SIGNS[SHAPES[k] ?? ''] ?? '•'}`).join(' · ')),
    meanings(new Set([...drawing.edges.values()].map((e) => e.type))),
  );
}
const SHAPE_SIGNS: Record<string, string> = {
  ellipse: '●',
  'round-rectangle': '■',
  hexagon: '⬢',
  diamond: '◆',
  star: '★',
  'round-tag': '◖',
  'round-triangle': '▲',
  'round-pentagon': '⬟',
};

/** The same facts as the drawing, as lists of buttons, grouped by tone. */
function listEdges(edges: Edge[], focus: string | null) {
  const groups = (['support', 'oppose', 'other'] as Tone[]).map((tone) => {
    const of = edges.filter((e) => e.tone === tone);
    if (!of.length) return null;
    return h(
      'section',
      { class: `group tone-${tone}` },
      h('h3', {}, `${TONE_NAMES[tone]} (${of.length})`),
      h(
        'ul',
        {},
        ...of.map((e) => {
          const other = e.from.id === focus ? e.to : e.from;
          return h(
            'li',
            {},
            h(
              'button',
              { type: 'button', class: 'edge', 'data-edge': e.id, onclick: () => go({ select: e.id }) },
              `${e.from.label} — ${readType(e.type)} — ${e.to.label}`,
              e.via ? h('span', { class: 'via' }, ` (${e.via.__typename.toLowerCase()})`) : '',
            ),
            other.id !== focus
              ? h(
                  'button',
                  { type: 'button', class: 'link small', onclick: () => centre(other.id) },
                  `Centre on ${shortLabel(other.label, 30)}`,
                )
              : '',
          );
        }),
      ),
    );
  });
  byId('list-body').replaceChildren(...(groups.filter(Boolean) as HTMLElement[]));
  if (!edges.length) byId('list-body').replaceChildren(h('p', {}, 'No relationships.'));
}

function caps(loaded: Loaded | null) {
  if (!loaded) return byId('caps').replaceChildren();
  const hidden = SECTIONS.some((s) => loaded.sections[s].hasNext);
  byId('caps').replaceChildren(
    h(
      'ul',
      { class: 'counts', 'aria-label': 'How much is drawn' },
      ...SECTIONS.map((s) => h('li', {}, `${SECTION_NAMES[s]}: ${loaded.sections[s].rels.length} of ${loaded.sections[s].total}`)),
    ),
    hidden
      ? h('button', { type: 'button', id: 'show-more', onclick: () => go({ limit: state.limit + PAGE }) }, `Show ${PAGE} more of each list`)
      : '',
  );
}

function showTrail() {
  byId('trail').replaceChildren(
    ...(trail.length > 1
      ? [
          h('span', {}, 'Visited: '),
          ...trail.map((t) => h('button', { type: 'button', class: 'link small', onclick: () => centre(t.id) }, shortLabel(t.label, 24))),
        ]
      : []),
  );
}

async function drawGraphView(): Promise<void> {
  const id = state.focus ? await globalId(state.focus) : null;
  const loaded = id ? await neighbourhood(id, state.limit) : null;
  if (!loaded) {
    setTitle('Not found');
    status(`Nothing has the id ${state.focus}.`);
    drawing = new Drawing();
    await graph.draw(drawing, { kind: 'positions', at: new Map() }, null);
    return;
  }
  centreId = loaded.head.id;
  drawing = new Drawing();
  drawing.addNode(loaded.head);
  for (const s of SECTIONS) for (const rel of loaded.sections[s].rels) drawing.addRel(loaded.head, rel);
  setTitle(`${loaded.head.label}${loaded.head.kind ? ` (${loaded.head.kind})` : ''}: who supported, opposed or is tied to it`);
  const actors = (s: Section) => new Set(loaded.sections[s].rels.map((r) => r.other.id)).size;
  status(
    `${actors('supporters')} supporting and ${actors('opponents')} opposing among those drawn; ${drawing.nodes.size} nodes and ${drawing.edges.size} lines.`,
  );
  if (!trail.some((t) => t.id === loaded.head.id)) trail.push(loaded.head);
  if (trail.length > 12) trail.shift();
  await graph.draw(drawing, { kind: 'around', centre: loaded.head.id }, state.select);
  legend(new Set([...drawing.nodes.values()].map((n) => n.__typename)));
  caps(loaded);
  listEdges([...drawing.edges.values()], loaded.head.id);
}

interface PathAnswer {
  path: { length: number; nodes: Head[]; relationships: Rel[] }[];
}

async function drawPathView(): Promise<void> {
  const form = byId<HTMLFormElement>('path-form');
  form.hidden = false;
  centreId = null;
  drawing = new Drawing();
  if (!state.from || !state.to) {
    setTitle('How are two of them connected?');
    status('Choose where the path starts and ends.');
    await graph.draw(drawing, { kind: 'positions', at: new Map() }, null);
    listEdges([], null);
    return;
  }
  const { path } = await request<PathAnswer>(PATH, { from: state.from, to: state.to, maxHops: 4, first: 3 });
  const at = new Map<string, { x: number; y: number }>();
  path.forEach((p, row) => {
    p.nodes.forEach((n, i) => {
      drawing.addNode(n);
      if (!at.has(n.id)) at.set(n.id, { x: i * 190, y: row * 110 + (i % 2) * 24 });
      const rel = p.relationships[i];
      if (rel) drawing.addRel(n, rel);
    });
  });
  const ends = path[0] ? ([path[0].nodes[0]!, path[0].nodes.at(-1)!] as const) : null;
  if (ends) {
    byId<HTMLInputElement>('path-from').value = ends[0].label;
    byId<HTMLInputElement>('path-to').value = ends[1].label;
  }
  setTitle(ends ? `How ${ends[0].label} is connected to ${ends[1].label}` : 'No path');
  const steps = path[0]?.length ?? 0;
  status(
    path.length
      ? `${path.length} shortest chain${path.length > 1 ? 's' : ''} of ${steps} step${steps > 1 ? 's' : ''}; ${drawing.nodes.size} nodes drawn.`
      : 'No chain of up to 4 relationships joins them.',
  );
  await graph.draw(drawing, { kind: 'positions', at }, state.select);
  legend(new Set([...drawing.nodes.values()].map((n) => n.__typename)));
  byId('list-body').replaceChildren(
    ...path.map((p, i) =>
      h(
        'section',
        { class: 'group' },
        h('h3', {}, `Path ${i + 1} (${p.length} steps)`),
        h(
          'ol',
          { class: 'path' },
          ...p.relationships.map((r, j) => {
            const self = p.nodes[j]!;
            const [from, to] = r.direction === 'INCOMING' ? [r.other, self] : [self, r.other];
            const id = [...drawing.edges.values()].find((e) => e.from.id === from.id && e.to.id === to.id && e.type === r.type)?.id;
            return h(
              'li',
              {},
              h(
                'button',
                { type: 'button', class: 'edge', onclick: () => id && go({ select: id }) },
                `${from.label} — ${readType(r.type)} — ${to.label}`,
              ),
            );
          }),
        ),
      ),
    ),
  );
}

interface TimelineEvent extends Head {
  name: string;
  type: string;
  status: string;
  date: string | null;
  participants: { role: string | null; other: Head }[];
}

async function drawTimelineView(): Promise<void> {
  const form = byId<HTMLFormElement>('timeline-form');
  form.hidden = false;
  centreId = null;
  const { articles } = await request<{ articles: { edges: { node: { id: string; title: string; publisher: string } }[] } }>(ARTICLES, {
    first: 50,
  });
  const select = byId<HTMLSelectElement>('timeline-article');
  select.replaceChildren(...articles.edges.map((e) => h('option', { value: e.node.id }, `${e.node.title} (${e.node.publisher})`)));
  const article = state.article ?? articles.edges[0]?.node.id ?? null;
  drawing = new Drawing();
  if (!article) {
    setTitle('No articles yet');
    return;
  }
  select.value = article;
  const events: TimelineEvent[] = [];
  let after: string | null = null;
  let total = 0;
  let hasNext = false;
  do {
    type Answer = {
      timeline: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: TimelineEvent }[] };
    };
    const { timeline }: Answer = await request<Answer>(TIMELINE, { article, first: PAGE, after });
    events.push(...timeline.edges.map((e) => e.node));
    total = timeline.totalCount;
    hasNext = timeline.pageInfo.hasNextPage;
    after = hasNext ? timeline.pageInfo.endCursor : null;
  } while (after && events.length < state.limit);
  const at = new Map<string, { x: number; y: number }>();
  // Three to a row, the rows read alternately left to right and back, joined in order.
  events.forEach((e, i) => {
    const row = Math.floor(i / 3);
    const col = row % 2 ? 2 - (i % 3) : i % 3;
    drawing.addNode({ ...e, label: `${i + 1}. ${e.name}` });
    at.set(e.id, { x: col * 260, y: row * 120 });
    const before = events[i - 1];
    if (before) drawing.addLine(before, e, 'THEN');
  });
  const title = articles.edges.find((e) => e.node.id === article)?.node.title ?? 'the article';
  setTitle(`Timeline: ${title}`);
  status(`${events.length} of ${total} events, in story order.`);
  await graph.draw(drawing, { kind: 'positions', at }, state.select);
  byId('legend').replaceChildren(
    h('h3', {}, 'Legend'),
    h('p', {}, 'Events in the order the story puts them: by date where known, then as the article tells them.'),
  );
  byId('caps').replaceChildren(
    hasNext
      ? h('button', { type: 'button', id: 'show-more', onclick: () => go({ limit: state.limit + PAGE }) }, `Show ${PAGE} more events`)
      : '',
  );
  byId('list-body').replaceChildren(
    h(
      'ol',
      { class: 'timeline' },
      ...events.map((e) =>
        h(
          'li',
          {},
          h('button', { type: 'button', class: 'edge', onclick: () => go({ select: e.id }) }, e.name),
          h('span', { class: 'when' }, ` ${[e.date, e.status, e.type].filter(Boolean).join(' · ')}`),
          e.participants.length
            ? h(
                'ul',
                {},
                ...e.participants.map((p) =>
                  h(
                    'li',
                    {},
                    h('button', { type: 'button', class: 'link small', onclick: () => centre(p.other.id) }, p.other.label),
                    p.role ? `: ${p.role}` : '',
                  ),
                ),
              )
            : '',
        ),
      ),
    ),
  );
}

async function homeView(): Promise<void> {
  centreId = null;
  drawing = new Drawing();
  setTitle('Who supported whom? Search for someone to begin');
  status('Type a name, such as Corbyn, in the search box; pick a suggestion to draw who supported and opposed them.');
  await graph.draw(drawing, { kind: 'positions', at: new Map() }, null);
  const { articles } = await request<{
    articles: { totalCount: number; edges: { node: { id: string; title: string; publisher: string } }[] };
  }>(ARTICLES, { first: 20 });
  byId('legend').replaceChildren();
  byId('list-body').replaceChildren(
    h('h3', {}, `Articles (${articles.totalCount})`),
    h(
      'ul',
      {},
      ...articles.edges.map((e) =>
        h(
          'li',
          {},
          `${e.node.title} (${e.node.publisher}) `,
          h(
            'button',
            { type: 'button', class: 'link small', onclick: () => go({ view: 'timeline', article: e.node.id, select: null, limit: PAGE }) },
            'its timeline',
          ),
        ),
      ),
    ),
  );
}

async function showPanel() {
  const body = byId('panel-body');
  graph.select(state.select);
  document.querySelectorAll('#list-body button.edge[aria-current]').forEach((b) => b.removeAttribute('aria-current'));
  if (!state.select) {
    body.replaceChildren(h('p', {}, 'Click a line or a name in the drawing or the list to see the facts and the words behind it.'));
    byId('panel-title').textContent = 'Details';
    return;
  }
  document.querySelector(`#list-body button.edge[data-edge="${CSS.escape(state.select)}"]`)?.setAttribute('aria-current', 'true');
  const edge = drawing.edges.get(state.select);
  byId('panel-title').textContent = edge ? 'Why this line' : 'Details';
  body.replaceChildren(h('p', {}, 'Loading…'));
  // Chosen from the list by keyboard or screen reader: take the reader to what was chosen.
  const fromList = document.activeElement?.closest('#list-body') !== null && document.activeElement !== document.body;
  const content = edge ? await edgePanel(edge, centre) : await nodePanel(state.select, centre, state.select === centreId);
  body.replaceChildren(...content);
  if (fromList) byId('panel').focus({ preventScroll: true });
}

let rendering = Promise.resolve();

function render(): Promise<void> {
  rendering = rendering.then(renderNow, renderNow);
  return rendering;
}

async function renderNow(): Promise<void> {
  window.explorer.idle = false;
  state = readState(location.search);
  const key = JSON.stringify([state.view, state.focus, state.limit, state.from, state.to, state.article]);
  try {
    if (key !== drawnKey) {
      byId<HTMLFormElement>('path-form').hidden = state.view !== 'path';
      byId<HTMLFormElement>('timeline-form').hidden = state.view !== 'timeline';
      byId('caps').replaceChildren();
      if (state.view === 'graph') await drawGraphView();
      else if (state.view === 'path') await drawPathView();
      else if (state.view === 'timeline') await drawTimelineView();
      else await homeView();
      drawnKey = key;
      window.explorer.drawn = { key, nodes: graph.cy.nodes().length, edges: graph.cy.edges().length };
      if (window.explorer.firstDrawMs === null && graph.cy.nodes().length) window.explorer.firstDrawMs = Math.round(performance.now());
      showTrail();
    }
    graph.cy.resize();
    byId<HTMLButtonElement>('back').disabled = !((history.state as { depth?: number } | null)?.depth ?? 0);
    await showPanel();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    window.explorer.errors.push(message);
    status(`Could not show this: ${message}`);
    byId('status').append(' ', h('button', { type: 'button', onclick: () => ((drawnKey = ''), void render()) }, 'Try again'));
  } finally {
    window.explorer.idle = true;
  }
}

function start() {
  graph = createGraph(byId('graph'), {
    node: (id) => (state.view === 'graph' && id === centreId ? go({ select: id }) : centre(id)),
    edge: (id) => go({ select: id }),
    background: () => state.select && go({ select: null }),
  });
  window.explorer.cy = graph.cy;
  waiting.addEventListener('waiting', () => status('The server is getting ready (or its database is busy); trying again…'));
  // Lines are coloured and worded by the vocabulary; without it they still draw, worded by type.
  const vocabulary = request<{ relationTypes: RelationTypeInfo[] }>(VOCABULARY)
    .then((v) => useVocabulary(v.relationTypes))
    .catch((e: Error) => console.warn(`No vocabulary: ${e.message}`));

  const search = byId<HTMLInputElement>('search');
  const searchBox = attachSuggestions({ input: search, list: byId<HTMLUListElement>('search-suggestions'), pick: (s) => centre(s.id) });
  byId<HTMLFormElement>('search-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const best = search.dataset.id ? { id: search.dataset.id } : await searchBox.best();
    searchBox.close();
    if (best) centre(best.id);
    else status(`Nothing matches “${search.value}”.`);
  });

  const from = byId<HTMLInputElement>('path-from');
  const to = byId<HTMLInputElement>('path-to');
  const fromBox = attachSuggestions({
    input: from,
    list: byId<HTMLUListElement>('path-from-suggestions'),
    entitiesOnly: true,
    pick: () => to.focus(),
  });
  const toBox = attachSuggestions({ input: to, list: byId<HTMLUListElement>('path-to-suggestions'), entitiesOnly: true, pick: () => {} });
  byId<HTMLFormElement>('path-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const a = from.dataset.id ?? (await fromBox.best())?.id;
    const b = to.dataset.id ?? (await toBox.best())?.id;
    // From the empty form, the answer takes the form's place in history: Back leaves the path.
    if (a && b) go({ view: 'path', from: a, to: b, select: null }, { replace: state.view === 'path' && !state.to });
    else status('Choose both ends from the suggestions.');
  });
  byId('show-path').addEventListener('click', () => {
    const here = state.view === 'graph' && centreId ? drawing.nodes.get(centreId) : null;
    if (here) {
      from.value = here.label;
      from.dataset.id = here.id;
    }
    go({ view: 'path', from: state.view === 'graph' ? centreId : state.from, to: null, select: null });
    requestAnimationFrame(() => (state.from ? to : from).focus());
  });
  byId('show-timeline').addEventListener('click', () => go({ view: 'timeline', select: null, limit: PAGE }));
  byId<HTMLFormElement>('timeline-form').addEventListener('submit', (e) => {
    e.preventDefault();
    go({ view: 'timeline', article: byId<HTMLSelectElement>('timeline-article').value, select: null, limit: PAGE });
  });
  byId('back').addEventListener('click', () => history.back());
  window.addEventListener('popstate', () => void render());
  void vocabulary.then(render);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
