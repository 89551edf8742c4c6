/**
 * Debian's Chromium for the browser tests, with playwright-core (`npx playwright install`
 * cannot work on this network).
 *
 * Contract: `hasChromium(what)` says whether /usr/bin/chromium exists, warning that `what`
 * is skipped when not; `launchChromium()` starts it headless.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

// Without the background-networking flags Chromium reaches out to Google's services, and
// this closed network refuses those connections.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export function hasChromium(what: string): boolean {
  const found = existsSync(CHROMIUM);
  if (!found) console.warn(`Chromium not found at ${CHROMIUM}: skipping ${what}; apt-get install chromium to run it`);
  return found;
}

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
