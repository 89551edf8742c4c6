/**
 * Serves the explorer (src/explorer/): a page at `path` that draws the graph from the public
 * GraphQL API, and its scripts and styles under `path`/assets/.
 *
 * Contract: `useExplorer(options)` answers GET and HEAD for the page and its assets, gzipped
 * when the browser accepts it, and leaves every other request to the rest of the app. The page
 * carries a Content-Security-Policy that lets it load and fetch from this server only. The
 * files are made on the first request (src/explorer/assets.ts); if they cannot be made, the
 * page answers 503 with the reason, and the server logs it.
 */
import type { Plugin } from 'graphql-yoga';
import { explorerAssets, type Asset } from '../explorer/assets.js';

export interface ExplorerOptions {
  /** Where the page is served (default '/explore'). */
  path?: string;
  /** The GraphQL endpoint the page queries (default '/graphql'). */
  graphqlEndpoint?: string;
}

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function respond(asset: Asset, request: Request): Response {
  const gzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
  const body = gzip ? asset.gzipped : asset.body;
  const headers: Record<string, string> = {
    'content-type': asset.contentType,
    'content-length': String(body.byteLength),
    'cache-control': asset.cacheControl,
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
  };
  if (gzip) headers['content-encoding'] = 'gzip';
  if (asset.contentType.startsWith('text/html')) {
    headers['content-security-policy'] = CSP;
    headers['referrer-policy'] = 'no-referrer';
  }
  return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers });
}

export function useExplorer({ path = '/explore', graphqlEndpoint = '/graphql' }: ExplorerOptions = {}): Plugin {
  const page = path.replace(/\/+$/, '');
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== page && url.pathname !== `${page}/` && !url.pathname.startsWith(`${page}/assets/`)) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new Response('Method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      let files: Map<string, Asset>;
      try {
        files = await explorerAssets({ basePath: page, graphqlEndpoint });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        console.error(`The explorer is unavailable: ${reason}`);
        endResponse(new Response(`The explorer is unavailable: ${reason}\n`, { status: 503, headers: { 'content-type': 'text/plain' } }));
        return;
      }
      const asset = files.get(url.pathname === `${page}/` ? page : url.pathname);
      endResponse(asset ? respond(asset, request) : new Response('Not found', { status: 404 }));
    },
  };
}
