/**
 * Seed folders: each direct subfolder of the seed directory that holds a graph.yaml, in
 * name order (so "000_…" loads before "001_…"). A path that is itself a seed folder is
 * returned alone.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function discoverSeeds(path: string): string[] {
  if (!existsSync(path) || !statSync(path).isDirectory()) throw new Error(`${path}: no such folder`);
  if (existsSync(join(path, 'graph.yaml'))) return [path];
  const found = readdirSync(path, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(path, d.name, 'graph.yaml')))
    .map((d) => join(path, d.name))
    .sort();
  if (!found.length) throw new Error(`${path}: holds no seed folder (a folder with article.txt and graph.yaml)`);
  return found;
}
