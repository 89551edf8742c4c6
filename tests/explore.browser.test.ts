/**
 * The explorer in a real browser: headless Chromium (Debian's, at /usr/bin/chromium) opens
 * /explore on a server on a real port, over the real Neo4j with the first article loaded.
 * It searches for Corbyn with the keyboard, and the drawing holds exactly the nodes and lines
 * the API's answer names, supporters in support's colour and opponents in opposition's; a click
 * on a line shows its evidence marked inside the article's text; a path between two people is
 * drawn; a deep link reloads to the same view; Back goes back; "show more" draws more; the
 * timeline lists the article's events in order. Throughout, the console shows no error and no
 * request goes to another host. Skipped, with a warning, where Chromium is not installed.
 *
 * Leaves screenshots and measurements (page size, time to first drawing) in test-artifacts/
 * (git-ignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDb } from '../src/db/graph-db.js';
import {
  ARTICLE_TEXT,
  ARTICLES,
  DETAILS,
  MORE,
  NEIGHBOURHOOD,
  PAGE,
  PATH,
  SECTIONS,
  SUGGEST,
  TIMELINE,
  VOCABULARY,
} from '../src/explorer/queries.js';
import { listen, type RunningServer } from '../src/server.js';
import { hasChromium, launchChromium } from './chromium.js';
import { appFor, gql, openDb, resetDb, seedFirstArticle } from './helpers.js';

const chromiumFound = hasChromium('the explorer browser test');

const ARTIFACTS = 'test-artifacts';
const WAIT_MS = 60_000;

interface Head {
  __typename: string;
  id: string;
  label: string;
}
interface Rel {
  type: string;
  direction: string;
  other: Head;
  via: Head | null;
  evidence: { start: number; end: number; text: string; article: { id: string } | null }[];
}

/** What the drawing must hold for a node's sections, worked out here from the API's answer. */
function expectedDrawing(centre: Head, rels: Rel[]) {
  const nodes = new Set([centre.id]);
  const edges = new Map<string, Rel[]>();
  for (const r of rels) {
    nodes.add(r.other.id);
    const [from, to] = r.direction === 'INCOMING' ? [r.other.id, centre.id] : [centre.id, r.other.id];
    const key = `${r.type}|${from}|${to}|${r.via?.id ?? ''}`;
    edges.set(key, [...(edges.get(key) ?? []), r]);
  }
  return { nodes, edges };
}

interface Sections {
  rels: Rel[];
  items: Record<string, Rel[]>;
  totals: Record<string, number>;
}

/** The types of the vocabulary that take each side, as the page sends them. */
async function sidesOf(app: Parameters<typeof gql>[0]) {
  const vocabulary = await gql(app, VOCABULARY);
  const named = (stance: string) =>
    vocabulary.data.relationTypes.filter((t: { stance: string }) => t.stance === stance).map((t: { name: string }) => t.name);
  return { support: named('SUPPORT'), oppose: named('OPPOSE') };
}

/** A node's sections as the page reads them: the first page of each, then more until `limit` items or the end. */
async function sectionsOf(app: Parameters<typeof gql>[0], head: Head, limit: number): Promise<Sections> {
  const sides = await sidesOf(app);
  const first = await gql(app, NEIGHBOURHOOD, { id: head.id, first: PAGE, ...sides });
  expect(first.errors).toBeUndefined();
  const out: Sections = { rels: [], items: {}, totals: {} };
  for (const s of SECTIONS) {
    let page = first.data.node[s];
    const items: Rel[] = page.edges.map((e: { node: Rel }) => e.node);
    while (items.length < limit && page.pageInfo.hasNextPage) {
      const more = await gql(app, MORE[s], { id: head.id, first: PAGE, after: page.pageInfo.endCursor, ...sides });
      expect(more.errors).toBeUndefined();
      page = more.data.node[s];
      items.push(...page.edges.map((e: { node: Rel }) => e.node));
    }
    out.items[s] = items;
    out.totals[s] = page.totalCount;
    out.rels.push(...items);
  }
  return out;
}

/** Waits until the page has finished showing what its URL asks for. */
async function settled(page: Page) {
  await page.waitForFunction(() => window.explorer?.idle === true && window.explorer.drawn !== null, null, { timeout: WAIT_MS });
  return page.evaluate(() => ({ ...window.explorer.drawn!, errors: window.explorer.errors }));
}

const drawnIds = (page: Page) =>
  page.evaluate(() => ({
    nodes: window.explorer.cy!.nodes().map((n) => n.id()),
    edges: window.explorer.cy!.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id(), tone: e.data('tone') })),
  }));

describe.skipIf(!chromiumFound)('the explorer in a real browser', () => {
  let db: GraphDb;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const requested: string[] = [];
  const consoleErrors: string[] = [];
  const ids: Record<string, Head> = {};
  const measured: Record<string, number> = {};

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    db = openDb();
    await resetDb(db);
    await seedFirstArticle(db);
    // Each of the page's operations once, as the server plans its queries before /ready: a
    // fresh Neo4j plans each query on first use, and the page's first view sends several at once.
    const app = appFor(db);
    // On a busy machine a cold query may pass the transaction timeout while Neo4j plans it: ask again.
    const warm = async (query: string, variables: Record<string, unknown>) => {
      for (let attempt = 1; ; attempt++) {
        const answer = await gql(app, query, variables);
        if (!answer.errors || attempt === 5) return answer;
      }
    };
    await warm(SUGGEST, { text: 'Corbyn', first: 8 });
    const found = await warm(
      `{ corbyn: entity(id: "person:jeremy-corbyn") { __typename id label }
         starmer: entity(id: "person:keir-starmer") { __typename id label }
         murray: entity(id: "person:ian-murray") { __typename id label } }`,
      {},
    );
    Object.assign(ids, found.data);
    const { corbyn, starmer, murray } = found.data;
    await warm(VOCABULARY, {});
    const sides = await sidesOf(app);
    const near = await warm(NEIGHBOURHOOD, { id: corbyn.id, first: PAGE, ...sides });
    await warm(MORE.relationships, { id: corbyn.id, first: PAGE, after: near.data.node.relationships.pageInfo.endCursor });
    const articles = await warm(ARTICLES, { first: 20 });
    const article = articles.data.articles.edges[0].node.id;
    await warm(DETAILS, { id: corbyn.id });
    await warm(ARTICLE_TEXT, { id: article, first: 100 });
    await warm(TIMELINE, { article, first: PAGE });
    await warm(PATH, { from: starmer.id, to: murray.id, maxHops: 4, first: 3 });
    server = await listen(appFor(db), { port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1400, height: 950 } });
    context.on('request', (r) => requested.push(r.url()));
    page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(e.message));
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  it('finds Corbyn from the search box by keyboard and draws exactly his relationships as the API answers them', async () => {
    const started = Date.now();
    await page.goto(`${server.url}/explore`, { waitUntil: 'load', timeout: WAIT_MS });
    await settled(page);
    await page.focus('#search');
    await page.keyboard.type('Corbyn', { delay: 30 });
    const suggestion = page.locator('#search-suggestions [role="option"]', { hasText: 'Jeremy Corbyn' }).first();
    await suggestion.waitFor({ timeout: WAIT_MS });
    expect(await page.getAttribute('#search', 'aria-expanded')).toBe('true');
    // The first suggestion is the person, and is already active: Enter picks it.
    expect(await page.locator('#search-suggestions [aria-selected="true"]').innerText()).toContain('Jeremy Corbyn');
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => new URLSearchParams(location.search).get('focus') === id, ids.corbyn!.id, { timeout: WAIT_MS });
    const drawn = await settled(page);
    const firstDrawing = Date.now() - started;

    const sections = await sectionsOf(appFor(db), ids.corbyn!, PAGE);
    const expected = expectedDrawing(ids.corbyn!, sections.rels);
    expect(drawn.errors).toEqual([]);
    expect(drawn.nodes).toBe(expected.nodes.size);
    expect(drawn.edges).toBe(expected.edges.size);
    const { nodes, edges } = await drawnIds(page);
    expect(new Set(nodes)).toEqual(expected.nodes);
    expect(new Set(edges.map((e) => e.id))).toEqual(new Set(expected.edges.keys()));

    // Whoever stands toward Corbyn in a relationship of a SUPPORT type of the vocabulary has a
    // line in support's colour into him; the same for OPPOSE.
    const into = (tone: string) => new Set(edges.filter((e) => e.target === ids.corbyn!.id && e.tone === tone).map((e) => e.source));
    const supporters = sections.items.supporters!.map((r) => r.other.id);
    const opponents = sections.items.opponents!.map((r) => r.other.id);
    expect(supporters.length).toBeGreaterThan(0);
    expect(opponents.length).toBeGreaterThan(0);
    for (const id of supporters) expect(into('support')).toContain(id);
    for (const id of opponents) expect(into('oppose')).toContain(id);

    // The same facts as a list: one button per line drawn; the legend names the colours and,
    // from the vocabulary, what each type of line says.
    expect(await page.locator('#list-body button.edge').count()).toBe(expected.edges.size);
    expect(await page.innerText('#legend')).toMatch(/supported[\s\S]*opposed/);
    const vocabulary = await gql(appFor(db), VOCABULARY);
    const forward = vocabulary.data.relationTypes.find((t: { name: string }) => t.name === 'SUPPORTED').forward;
    expect(await page.locator('#legend details.meanings dt').allTextContents()).toContain(forward);
    expect(await page.innerText('#caps')).toContain(`Support for it: ${supporters.length} of ${sections.totals.supporters}`);

    await page.screenshot({ path: `${ARTIFACTS}/explore-corbyn.png` });
    measured.searchToDrawingMs = firstDrawing;
  }, 180_000);

  it('shows the words behind a clicked line marked inside the article text', async () => {
    const sections = await sectionsOf(appFor(db), ids.corbyn!, PAGE);
    const candidates: Rel[] = sections.items.supporters!.filter((r) => r.via && r.evidence.length);
    const idOf = (r: Rel) => `${r.type}|${r.other.id}|${ids.corbyn!.id}|${r.via!.id}`;
    // Click a line that is alone between its two nodes, just clear of the supporter, where
    // lines fanning out of the centre are furthest apart.
    const at = await page.evaluate((edgeIds) => {
      const cy = window.explorer.cy!;
      const edge = edgeIds.map((id) => cy.getElementById(id)).find((e) => e.nonempty() && e.parallelEdges().length === 1)!;
      const box = cy.container()!.getBoundingClientRect();
      const [s, t] = [edge.source().renderedPosition(), edge.target().renderedPosition()];
      const along = (edge.source().renderedWidth() / 2 + 8) / Math.hypot(t.x - s.x, t.y - s.y);
      const x = box.left + 1 + s.x + (t.x - s.x) * along;
      const y = box.top + 1 + s.y + (t.y - s.y) * along;
      return { id: edge.id(), x, y, onCanvas: document.elementFromPoint(x, y)?.closest('#graph') !== null };
    }, candidates.map(idOf));
    const supporter = candidates.find((r) => idOf(r) === at.id)!;
    const edgeId = at.id;
    expect(at.onCanvas).toBe(true);
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(() => new URLSearchParams(location.search).get('select')?.includes('|'), null, { timeout: WAIT_MS });
    expect(new URLSearchParams(new URL(page.url()).search).get('select')).toBe(edgeId);
    await page.waitForFunction(
      () => window.explorer.idle && (document.querySelector('#panel .article-text mark.words') || window.explorer.errors.length),
      null,
      { timeout: WAIT_MS },
    );
    expect(await page.evaluate(() => window.explorer.errors)).toEqual([]);

    const marked = await page.locator('#panel .article-text mark.words').allInnerTexts();
    expect(marked).toContain(supporter.evidence[0]!.text);
    const article = await gql(appFor(db), `query($id: ID!) { node(id: $id) { ... on Article { text } } }`, {
      id: supporter.evidence[0]!.article!.id,
    });
    // The marked words sit inside the whole article text, at their offsets.
    const shown = await page
      .locator('#panel .article-text')
      .first()
      .evaluate((el) => el.textContent);
    expect(shown).toBe(article.data.node.text);
    expect(await page.innerText('#panel')).toContain(supporter.via!.label.replace(/^“|”$/g, '').slice(0, 30));
    await page.screenshot({ path: `${ARTIFACTS}/explore-evidence.png` });
  }, 120_000);

  it('reloads a deep link to the same view, line and words', async () => {
    const url = page.url();
    const before = await drawnIds(page);
    const marked = await page.locator('#panel .article-text mark.words').allInnerTexts();
    await page.reload({ waitUntil: 'load' });
    await page.locator('#panel .article-text mark.words').first().waitFor({ timeout: WAIT_MS });
    await settled(page);
    expect(page.url()).toBe(url);
    const after = await drawnIds(page);
    expect(new Set(after.nodes)).toEqual(new Set(before.nodes));
    expect(new Set(after.edges.map((e) => e.id))).toEqual(new Set(before.edges.map((e) => e.id)));
    expect(await page.locator('#panel .article-text mark.words').allInnerTexts()).toEqual(marked);
    const selected = await page.evaluate(() => window.explorer.cy!.edges(':selected').map((e) => e.id()));
    expect(selected).toEqual([new URLSearchParams(new URL(url).search).get('select')]);
  }, 120_000);

  it('draws the path between two people chosen from suggestions, and Back returns to the last view', async () => {
    const graphUrl = page.url();
    await page.click('#show-path');
    await page.locator('#path-form').waitFor({ state: 'visible', timeout: WAIT_MS });
    await page.fill('#path-from', '');
    await page.locator('#path-from').pressSequentially('Starmer', { delay: 30 });
    await page.locator('#path-from-suggestions [role="option"]', { hasText: 'Keir Starmer' }).first().click({ timeout: WAIT_MS });
    await page.locator('#path-to').pressSequentially('Murray', { delay: 30 });
    await page.locator('#path-to-suggestions [role="option"]', { hasText: 'Ian Murray' }).first().click({ timeout: WAIT_MS });
    await page.click('#path-form button[type="submit"]');
    await page.waitForFunction(
      () => new URLSearchParams(location.search).get('view') === 'path' && new URLSearchParams(location.search).get('to'),
      null,
      {
        timeout: WAIT_MS,
      },
    );
    const drawn = await settled(page);

    const answer = await gql(appFor(db), PATH, { from: ids.starmer!.id, to: ids.murray!.id, maxHops: 4, first: 3 });
    expect(answer.errors).toBeUndefined();
    const paths: { nodes: Head[] }[] = answer.data.path;
    expect(paths.length).toBeGreaterThan(0);
    const nodes = new Set(paths.flatMap((p) => p.nodes.map((n) => n.id)));
    expect(new Set((await drawnIds(page)).nodes)).toEqual(nodes);
    expect(drawn.nodes).toBe(nodes.size);
    expect(await page.innerText('#view-title')).toContain('Keir Starmer');
    expect(await page.innerText('#view-title')).toContain('Ian Murray');
    await page.screenshot({ path: `${ARTIFACTS}/explore-path.png` });

    await page.goBack();
    await page.waitForFunction((u) => location.href === u, graphUrl, { timeout: WAIT_MS });
    const back = await settled(page);
    expect(back.key).toContain(ids.corbyn!.id);
  }, 120_000);

  it('draws more of each list with "show more", up to what the API holds', async () => {
    await page.goto(`${server.url}/explore?focus=${encodeURIComponent(ids.corbyn!.id)}`, { waitUntil: 'load' });
    await settled(page);
    const total = (await sectionsOf(appFor(db), ids.corbyn!, PAGE)).totals.relationships!;
    expect(total).toBeGreaterThan(PAGE);
    await page.click('#show-more');
    await page.waitForFunction((n) => new URLSearchParams(location.search).get('limit') === String(n), PAGE * 2, { timeout: WAIT_MS });
    const drawn = await settled(page);
    expect(await page.innerText('#caps')).toContain(`All its relationships: ${Math.min(total, PAGE * 2)} of ${total}`);
    const expected = expectedDrawing(ids.corbyn!, (await sectionsOf(appFor(db), ids.corbyn!, PAGE * 2)).rels);
    expect(drawn.edges).toBe(expected.edges.size);
    expect(drawn.nodes).toBe(expected.nodes.size);
  }, 120_000);

  it('works from the keyboard: a fact chosen in the list opens the panel and takes the focus there', async () => {
    await settled(page);
    const first = page.locator('#list-body button.edge').first();
    const edgeId = await first.getAttribute('data-edge');
    expect(edgeId).toBeTruthy();
    await first.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => new URLSearchParams(location.search).get('select') === id, edgeId, { timeout: WAIT_MS });
    await settled(page);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('panel');
    expect(await page.innerText('#panel-title')).toBe('Why this line');
    // Every control is named for assistive technology.
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, button')]
        .filter((el) => !(el as HTMLElement).hidden && !el.closest('[hidden]'))
        .filter((el) => {
          const id = el.getAttribute('id');
          const label = id ? document.querySelector(`label[for="${id}"]`) : null;
          return !label && !el.getAttribute('aria-label') && !(el.textContent ?? '').trim();
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
  }, 120_000);

  it("lists an article's events in story order", async () => {
    await page.click('#show-timeline');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('view') === 'timeline', null, { timeout: WAIT_MS });
    await settled(page);
    const article = await page.inputValue('#timeline-article');
    const answer = await gql(appFor(db), TIMELINE, { article, first: PAGE });
    const names = answer.data.timeline.edges.map((e: { node: { name: string } }) => e.node.name);
    expect(names.length).toBeGreaterThan(0);
    expect(await page.locator('#list-body ol.timeline > li > button.edge').allInnerTexts()).toEqual(names);
    await page.screenshot({ path: `${ARTIFACTS}/explore-timeline.png` });
  }, 120_000);

  it('opens a deep link in a fresh browser, and measures the page and its time to first drawing', async () => {
    const fresh = await browser.newContext({ viewport: { width: 1400, height: 950 } });
    const sizes: Record<string, number> = {};
    fresh.on('request', (r) => requested.push(r.url()));
    fresh.on('response', (r) => {
      // Bytes as sent (gzipped: Chromium asks for it), from the length the server gives.
      if (new URL(r.url()).pathname.startsWith('/explore')) sizes[new URL(r.url()).pathname] = Number(r.headers()['content-length'] ?? 0);
    });
    try {
      const tab = await fresh.newPage();
      tab.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
      tab.on('pageerror', (e) => consoleErrors.push(e.message));
      await tab.goto(`${server.url}/explore?focus=person:jeremy-corbyn`, { waitUntil: 'load', timeout: WAIT_MS });
      const drawn = await settled(tab);
      expect(drawn.nodes).toBeGreaterThan(1);
      const firstDrawMs = await tab.evaluate(() => window.explorer.firstDrawMs);
      expect(firstDrawMs).toBeGreaterThan(0);
      const pageBytes = Object.values(sizes).reduce((a, b) => a + b, 0);
      writeFileSync(`${ARTIFACTS}/explore-measurements.json`, JSON.stringify({ ...measured, firstDrawMs, pageBytes, sizes }, null, 2));
      console.log(`Explorer: ${(pageBytes / 1024).toFixed(1)} KiB sent (gzipped), first drawing ${firstDrawMs} ms after navigation`);
    } finally {
      await fresh.close();
    }
  }, 120_000);

  it('logged no console error and asked no other host for anything', () => {
    expect(consoleErrors).toEqual([]);
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !url.startsWith('data:') && new URL(url).hostname !== '127.0.0.1')).toEqual([]);
  });
});
