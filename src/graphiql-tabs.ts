/**
 * GraphiQL's opening tabs: the example queries under examples/, one tab each, in name
 * order. They are content (questions about the seeded articles), not code; the README shows
 * the same queries with their answers, and the tests check both agree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const examplesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../examples');

export interface Example {
  name: string;
  query: string;
}

export function loadExamples(): Example[] {
  return readdirSync(examplesDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => ({ name: f.replace(/^\d+-/, '').replace(/\.graphql$/, ''), query: readFileSync(join(examplesDir, f), 'utf8') }));
}

export function loadExampleTabs(): { query: string }[] {
  return loadExamples().map((e) => ({ query: e.query }));
}
