/**
 * How the explorer's files are served (src/plugins/use-explorer.ts), in-process through
 * `app.fetch`: the page and every file it names come from this server, scripts and styles
 * under content-hashed names kept for good, gzipped when asked, the page under a
 * Content-Security-Policy that lets it reach this server only; EXPLORE=false turns it off.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import type { GraphDb } from '../src/db/graph-db.js';
import { createApp, type App } from '../src/yoga.js';
import { openDb } from './helpers.js';

describe('the explorer route', () => {
  let db: GraphDb;
  let app: App;

  beforeAll(() => {
    db = openDb();
    app = createApp({ db });
  });

  afterAll(async () => {
    await db?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) => app.fetch(`http://test${path}`, { headers });

  it('serves the page with a policy that allows this server only, and names its files under /explore/assets/', async () => {
    const res = await get('/explore');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const html = await res.text();
    expect(html).toContain('<meta name="graphql-endpoint" content="/graphql" />');
    const files = [...html.matchAll(/(?:src|href)="([^"]+)"/g)]
      .map((m) => m[1]!)
      .filter((u) => !u.startsWith('data:') && !u.startsWith('#'));
    expect(files.filter((u) => u.startsWith('/explore/assets/'))).toHaveLength(3);
    // Nothing the page names is on another host.
    expect(files.filter((u) => !u.startsWith('/'))).toEqual([]);
    expect((await get('/explore/')).status).toBe(200);
  });

  it('serves cytoscape as its package ships it, and the bundled page script, both cacheable for good', async () => {
    const html = await (await get('/explore')).text();
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(2);
    const [cytoscape, page] = await Promise.all(scripts.map((s) => get(s)));
    expect(cytoscape!.status).toBe(200);
    expect(cytoscape!.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(cytoscape!.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const { readFileSync } = await import('node:fs');
    const { createRequire } = await import('node:module');
    const shipped = readFileSync(createRequire(import.meta.url).resolve('cytoscape/dist/cytoscape.min.js'), 'utf8');
    expect(await cytoscape!.text()).toBe(shipped);
    const js = await page!.text();
    expect(js).toContain('ExplorerNeighbourhood');
    expect(js).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('gzips when the browser accepts it, answers HEAD, and refuses other methods and unknown files', async () => {
    const html = await (await get('/explore')).text();
    const css = html.match(/href="(\/explore\/assets\/[^"]+\.css)"/)![1]!;
    const plain = await (await get(css)).text();
    const zipped = await get(css, { 'accept-encoding': 'gzip, br' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')).toBe(plain);
    const head = await app.fetch('http://test/explore', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await app.fetch('http://test/explore', { method: 'POST', body: 'x' })).status).toBe(405);
    expect((await get('/explore/assets/nothing.js')).status).toBe(404);
  });

  it('is not served with explore: false, and EXPLORE is read as true or false', async () => {
    const off = createApp({ db, explore: false });
    expect((await off.fetch('http://test/explore')).status).toBe(404);
    expect(loadConfig({}).explore).toBe(true);
    expect(loadConfig({ EXPLORE: 'false' }).explore).toBe(false);
    expect(() => loadConfig({ EXPLORE: 'no' })).toThrow(/EXPLORE="no": must be true or false/);
  });
});
