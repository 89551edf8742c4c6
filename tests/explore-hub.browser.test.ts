/**
 * The explorer on a hub: a synthetic corpus of many articles (the benchmark's generator,
 * written through the real validator and loader) where a few people appear in most of them.
 * Opening the busiest one draws at most a page of each list, says how much more there is,
 * and "show more" draws the next page, in real Chromium. How long the first drawing took is
 * recorded in test-artifacts/ (measured, not asserted). Skipped without Chromium.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../bench/corpus/generate.js';
import type { GraphDb } from '../src/db/graph-db.js';
import { PAGE, SECTIONS } from '../src/explorer/queries.js';
import { listen, type RunningServer } from '../src/server.js';
import { hasChromium, launchChromium } from './chromium.js';
import { appFor, openDb, resetDb } from './helpers.js';

const chromiumFound = hasChromium('the explorer hub browser test');
const ARTIFACTS = 'test-artifacts';
const WAIT_MS = 90_000;

describe.skipIf(!chromiumFound)('the explorer on a hub entity', () => {
  let db: GraphDb;
  let server: RunningServer;
  let browser: Browser;
  let hub: { id: string; key: string; relationships: number };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    db = openDb();
    await resetDb(db);
    await generateCorpus(db, { targetNodes: 10_000, seed: 14 });
    const { records } = await db.driver.executeQuery(
      'MATCH (e:Entity)-[r]-() WITH e, count(r) AS n ORDER BY n DESC LIMIT 1 RETURN e.id AS key, n',
      {},
      { database: db.database },
    );
    const key = records[0]!.get('key') as string;
    const found = await appFor(db).fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'query($id: ID!) { entity(id: $id) { id relationships(first: 1) { totalCount } } }',
        variables: { id: key },
      }),
    });
    const entity = ((await found.json()) as { data: { entity: { id: string; relationships: { totalCount: number } } } }).data.entity;
    hub = { id: entity.id, key, relationships: entity.relationships.totalCount };
    server = await listen(appFor(db), { port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  it('draws a page of each list around the busiest entity, says how many more, and draws more on "show more"', async () => {
    expect(hub.relationships).toBeGreaterThan(4 * PAGE);
    const context = await browser.newContext({ viewport: { width: 1400, height: 950 } });
    const errors: string[] = [];
    try {
      const page = await context.newPage();
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url}/explore?focus=${encodeURIComponent(hub.key)}`, { waitUntil: 'load', timeout: WAIT_MS });
      await page.waitForFunction(() => window.explorer?.idle && (window.explorer.drawn?.nodes ?? 0) > 1, null, { timeout: WAIT_MS });
      const first = await page.evaluate(() => ({ ...window.explorer.drawn!, firstDrawMs: window.explorer.firstDrawMs }));
      // At most a page of each list: the cap, not the hub's size, bounds the drawing.
      expect(first.edges).toBeLessThanOrEqual(SECTIONS.length * PAGE);
      expect(await page.innerText('#caps')).toContain(`All its relationships: ${PAGE} of ${hub.relationships}`);
      await page.screenshot({ path: `${ARTIFACTS}/explore-hub.png` });

      await page.click('#show-more');
      await page.waitForFunction((n) => new URLSearchParams(location.search).get('limit') === String(n), 2 * PAGE, { timeout: WAIT_MS });
      await page.waitForFunction(() => window.explorer.idle, null, { timeout: WAIT_MS });
      const more = await page.evaluate(() => window.explorer.drawn!);
      expect(more.edges).toBeGreaterThan(first.edges);
      expect(more.edges).toBeLessThanOrEqual(SECTIONS.length * 2 * PAGE);
      expect(await page.innerText('#caps')).toContain(`All its relationships: ${2 * PAGE} of ${hub.relationships}`);
      expect(errors).toEqual([]);
      writeFileSync(
        `${ARTIFACTS}/explore-hub.json`,
        JSON.stringify(
          { hub: hub.key, relationships: hub.relationships, firstDrawMs: first.firstDrawMs, drawn: first, afterShowMore: more },
          null,
          2,
        ),
      );
      console.log(
        `Explorer on ${hub.key} (${hub.relationships} relationships): first drawing ${first.firstDrawMs} ms, ${first.edges} lines`,
      );
    } finally {
      await context.close();
    }
  }, 240_000);
});
