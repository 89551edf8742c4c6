/**
 * GraphiQL in a real browser: a headless Chromium (Debian's, at /usr/bin/chromium) loads
 * /graphql from a server on a real port, runs the first example tab ("who supported Corbyn")
 * with GraphiQL's own execute button, and the answer from the seeded article appears in the
 * result pane. Along the way the page must fetch nothing from any host but this server (its
 * assets are served inline, not from a CDN). Skipped, with a warning, where Chromium is not
 * installed.
 *
 * Leaves a screenshot of the answered page at /tmp/graphiql.png.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDb } from '../src/db/graph-db.js';
import { loadExamples } from '../src/graphiql-tabs.js';
import { listen, type RunningServer } from '../src/server.js';
import { hasChromium, launchChromium } from './chromium.js';
import { appFor, gql, openDb, resetDb, seedFirstArticle } from './helpers.js';

const chromiumFound = hasChromium('the GraphiQL browser test');

// GraphiQL's page is ~9 MB of inline script; on two slow cores the first load takes seconds.
const LOAD_MS = 90_000;

// GraphiQL's stable class names (its themes style them): the query editor, the result pane
// and the run button (aria-label "Execute query (Ctrl-Enter)"). GraphiQL 5 edits with
// Monaco, which puts the visible lines of text in `.view-lines`.
const QUERY_EDITOR = '.graphiql-query-editor .view-lines';
const RESULT_PANE = '.graphiql-response .view-lines';
const EXECUTE_BUTTON = 'button.graphiql-execute-button';

/** The host a request went to; `blob:` URLs (GraphiQL's Monaco workers) belong to the page that made them. */
function hostOf(url: string): string {
  const u = new URL(url);
  if (u.protocol === 'data:') return '127.0.0.1';
  if (u.protocol === 'blob:') return new URL(u.pathname).hostname;
  return u.hostname;
}

/** Text as compared: Monaco renders spaces as no-break spaces and wraps long lines into several. */
const squash = (text: string) => text.replace(/\s+/g, ' ');

/** Waits until `selector`'s rendered text holds every string in `texts`, whitespace squashed. */
async function waitForText(page: Page, selector: string, texts: string[], timeout: number): Promise<string> {
  await page.waitForFunction(
    ({ selector, texts }) => {
      const squash = (text: string) => text.replace(/\s+/g, ' ');
      const text = squash((document.querySelector(selector) as HTMLElement | null)?.innerText ?? '');
      return texts.every((t) => text.includes(squash(t)));
    },
    { selector, texts },
    { timeout },
  );
  return squash(await page.innerText(selector));
}

describe.skipIf(!chromiumFound)('GraphiQL in a real browser', () => {
  let db: GraphDb;
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  const requested: string[] = [];

  beforeAll(async () => {
    db = openDb();
    await resetDb(db);
    await seedFirstArticle(db);
    server = await listen(appFor(db), { port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // On the context, not the page, so requests from workers are seen too.
    context.on('request', (r) => requested.push(r.url()));
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  it('runs the first example tab and shows the answer from the seeded article', async () => {
    // What example 01 answers, asked in-process: the browser must show the same.
    const example = loadExamples()[0]!;
    expect(example.query).toContain('person:jeremy-corbyn');
    const expected = await gql(appFor(db), example.query);
    expect(expected.errors).toBeUndefined();
    const entity = expected.data.entity;
    expect(entity.name).toBe('Jeremy Corbyn');
    expect(entity.supporters.totalCount).toBeGreaterThan(0);
    // Relationships come back in store order, so take the first supporter from the answer
    // rather than naming one.
    const firstSupporter: string = entity.supporters.edges[0].node.other.label;
    expect(firstSupporter).toBeTruthy();

    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('websocket', (ws) => requested.push(ws.url()));
    try {
      await page.goto(`${server.url}/graphql`, { waitUntil: 'load', timeout: LOAD_MS });
      // The editor is up and shows the first example tab.
      await waitForText(page, QUERY_EDITOR, ['person:jeremy-corbyn', 'supporters'], LOAD_MS);

      const answered = page.waitForResponse(
        (r) =>
          r.url() === `${server.url}/graphql` &&
          r.request().method() === 'POST' &&
          (r.request().postData() ?? '').includes('person:jeremy-corbyn'),
        { timeout: LOAD_MS },
      );
      await page.click(EXECUTE_BUTTON, { timeout: LOAD_MS });
      const response = await answered;
      expect(response.status()).toBe(200);
      expect(await response.json()).toEqual(expected);

      const supporterLine = squash(`"label": ${JSON.stringify(firstSupporter)}`);
      const shown = await waitForText(
        page,
        RESULT_PANE,
        ['"name": "Jeremy Corbyn"', `"totalCount": ${entity.supporters.totalCount}`, supporterLine],
        LOAD_MS,
      );
      expect(shown).toContain('"name": "Jeremy Corbyn"');
      expect(shown).toContain(supporterLine);
    } finally {
      await page.screenshot({ path: '/tmp/graphiql.png' }).catch(() => {});
    }

    expect(pageErrors).toEqual([]);
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => hostOf(url) !== '127.0.0.1')).toEqual([]);
  }, 180_000);
});
