/**
 * Seed folders: each direct subfolder of the seed directory that holds a graph.yaml, in
 * name order (so "000_…" loads before "001_…"). A path that is itself a seed folder is
 * returned alone. A symbolically linked seed folder is refused, not skipped: it could lead
 * outside the seed directory, and a folder left out without a word is a load that looks done.
 */
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export class SeedDiscoveryError extends Error {
  override name = 'SeedDiscoveryError';
}

export function discoverSeeds(path: string): string[] {
  if (!existsSync(path) || !statSync(path).isDirectory()) throw new SeedDiscoveryError(`${path}: no such folder`);
  if (lstatSync(path).isSymbolicLink()) throw new SeedDiscoveryError(`${path}: is a symbolic link; give the folder itself`);
  if (existsSync(join(path, 'graph.yaml'))) return [path];
  const entries = readdirSync(path, { withFileTypes: true });
  const linked = entries.filter((d) => d.isSymbolicLink() && existsSync(join(path, d.name, 'graph.yaml')));
  if (linked.length)
    throw new SeedDiscoveryError(
      `${linked.map((d) => join(path, d.name)).join(', ')}: a symbolic link to a seed folder; seed folders must be real folders in ${path} (copy them in)`,
    );
  const found = entries
    .filter((d) => d.isDirectory() && existsSync(join(path, d.name, 'graph.yaml')))
    .map((d) => join(path, d.name))
    .sort();
  if (!found.length) throw new SeedDiscoveryError(`${path}: holds no seed folder (a folder with article.txt and graph.yaml)`);
  return found;
}
