/**
 * `npm run build:explorer`: bundles the explorer's page (src/explorer/page/) into
 * dist/explorer/app.js, for installs without esbuild (dev dependencies left out, as in the
 * Docker image). Where esbuild is installed the server bundles the sources itself and does
 * not read this file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { bundlePage, prebuiltBundle } from '../src/explorer/assets.js';

const js = await bundlePage();
mkdirSync(dirname(prebuiltBundle), { recursive: true });
writeFileSync(prebuiltBundle, js);
console.log(`Wrote ${prebuiltBundle} (${(js.length / 1024).toFixed(1)} KiB).`);
