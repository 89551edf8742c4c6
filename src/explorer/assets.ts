/**
 * The explorer's files, made once per process and held in memory: the HTML page, its
 * stylesheet, its script (src/explorer/page/, bundled by esbuild) and cytoscape.js, served
 * as the package ships it (node_modules/cytoscape/dist/cytoscape.min.js). Nothing comes from
 * another host.
 *
 * Contract: `explorerAssets(options)` resolves to a map from path (under `basePath`) to an
 * asset with its body, gzipped body, content type and caching rule. Scripts and styles are
 * named by a hash of their content, so browsers may keep them for good; the page itself is
 * always revalidated. It rejects when esbuild cannot be loaded and no bundle was built ahead
 * (`npm run build:explorer` writes dist/explorer/app.js, for installs without dev
 * dependencies, such as the Docker image).
 *
 * esbuild, because it is already in the tree, needs no configuration file, and bundles
 * these few files in well under a second at first request.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const entryPoint = join(here, 'page', 'main.ts');
/** Where `npm run build:explorer` leaves the bundle. */
export const prebuiltBundle = resolve(here, '../../dist/explorer/app.js');

export interface Asset {
  body: Uint8Array;
  gzipped: Uint8Array;
  contentType: string;
  cacheControl: string;
}

export interface ExplorerAssetOptions {
  /** Where the explorer is served (default '/explore'). */
  basePath?: string;
  /** The GraphQL endpoint the page sends its queries to (default '/graphql'). */
  graphqlEndpoint?: string;
}

/** Bundles the page's TypeScript with esbuild into one minified script. */
export async function bundlePage(): Promise<string> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entryPoint],
    bundle: true,
    format: 'iife',
    minify: true,
    target: ['es2020'],
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

async function pageScript(): Promise<string> {
  try {
    return await bundlePage();
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND';
    if (missing && existsSync(prebuiltBundle)) return readFileSync(prebuiltBundle, 'utf8');
    if (missing) throw new Error('The explorer needs esbuild (a dev dependency) or a bundle built ahead with `npm run build:explorer`.');
    throw error;
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function asset(body: string | Uint8Array, contentType: string, immutable: boolean): Asset {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return {
    body: bytes,
    gzipped: gzipSync(bytes, { level: 9 }),
    contentType,
    cacheControl: immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
}

const hashOf = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 12);

async function build(basePath: string, graphqlEndpoint: string): Promise<Map<string, Asset>> {
  const require = createRequire(import.meta.url);
  const cytoscape = readFileSync(require.resolve('cytoscape/dist/cytoscape.min.js'));
  const css = readFileSync(join(here, 'page', 'explorer.css'), 'utf8');
  const js = await pageScript();
  const files = new Map<string, Asset>();
  const named = (name: string, ext: string, body: string | Uint8Array, type: string) => {
    const path = `${basePath}/assets/${name}.${hashOf(body)}.${ext}`;
    files.set(path, asset(body, type, true));
    return path;
  };
  const urls = {
    cytoscape: named('cytoscape', 'js', cytoscape, 'text/javascript; charset=utf-8'),
    css: named('explorer', 'css', css, 'text/css; charset=utf-8'),
    js: named('explorer', 'js', js, 'text/javascript; charset=utf-8'),
  };
  const html = readFileSync(join(here, 'page', 'index.html'), 'utf8')
    .replaceAll('{{css}}', escapeHtml(urls.css))
    .replaceAll('{{cytoscape}}', escapeHtml(urls.cytoscape))
    .replaceAll('{{js}}', escapeHtml(urls.js))
    .replaceAll('{{graphql}}', escapeHtml(graphqlEndpoint))
    .replaceAll('{{base}}', escapeHtml(basePath));
  files.set(basePath, asset(html, 'text/html; charset=utf-8', false));
  return files;
}

const built = new Map<string, Promise<Map<string, Asset>>>();

/** Made on first use, once per process and base path; a failed build is tried again next time. */
export function explorerAssets({ basePath = '/explore', graphqlEndpoint = '/graphql' }: ExplorerAssetOptions = {}) {
  const key = `${basePath} ${graphqlEndpoint}`;
  let files = built.get(key);
  if (!files) {
    files = build(basePath, graphqlEndpoint);
    built.set(key, files);
    files.catch(() => built.delete(key));
  }
  return files;
}
