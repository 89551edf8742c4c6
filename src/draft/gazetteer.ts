/**
 * The graph's own entities as a gazetteer: every entity in the seed files (seeds/ by default),
 * read from the files (no database). Contract: `loadGazetteer(dir, { exceptText })` returns the
 * entities of every `*\/graph.yaml` under `dir` whose article is not `exceptText` (so scoring a
 * curated article never looks itself up), with the names by which a new article may mention them:
 * the name and each alias that starts with a capital letter ("Corbyn", "Mr Corbyn"; not "the
 * former party leader", which would match any leader). A file that does not parse is skipped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { EntityKind } from '../core/ids.js';

export interface KnownEntity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  type?: string;
  /** Names to match in a new article. */
  names: string[];
  seed: string;
}

export type Gazetteer = KnownEntity[];

const factSections = ['roles', 'events', 'motions', 'votes', 'statements', 'relations'];

/**
 * Every id the seed files under `dir` already use (entities and facts), but those of the article
 * `exceptText`: a fact belongs to one article and the loader refuses a fact id used twice, so a
 * draft's new ids must avoid them all.
 */
export function seedIds(dir: string, options: { exceptText?: string } = {}): Set<string> {
  const ids = new Set<string>();
  if (!existsSync(dir)) return ids;
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    const graphFile = join(dir, d.name, 'graph.yaml');
    const textFile = join(dir, d.name, 'article.txt');
    if (!existsSync(graphFile)) continue;
    if (options.exceptText !== undefined && existsSync(textFile) && sameText(readFileSync(textFile, 'utf8'), options.exceptText)) continue;
    try {
      const graph = (parse(readFileSync(graphFile, 'utf8')) ?? {}) as Record<string, { id?: unknown }[] | undefined>;
      for (const section of ['entities', ...factSections])
        for (const item of graph[section] ?? []) if (typeof item?.id === 'string') ids.add(item.id);
    } catch {
      continue;
    }
  }
  return ids;
}

const matchable = new Set<EntityKind>(['Person', 'Organisation', 'Place']);

export function loadGazetteer(dir: string, options: { exceptText?: string } = {}): Gazetteer {
  if (!existsSync(dir)) return [];
  const out: Gazetteer = [];
  const seen = new Set<string>();
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    const graphFile = join(dir, d.name, 'graph.yaml');
    const textFile = join(dir, d.name, 'article.txt');
    if (!existsSync(graphFile)) continue;
    if (options.exceptText !== undefined && existsSync(textFile) && sameText(readFileSync(textFile, 'utf8'), options.exceptText)) continue;
    let graph: { entities?: { id?: string; kind?: EntityKind; name?: string; aliases?: string[]; type?: string }[] };
    try {
      graph = parse(readFileSync(graphFile, 'utf8')) ?? {};
    } catch {
      continue;
    }
    for (const e of graph.entities ?? []) {
      if (!e.id || !e.kind || !e.name || !matchable.has(e.kind) || seen.has(e.id)) continue;
      seen.add(e.id);
      const aliases = (e.aliases ?? []).filter((a) => typeof a === 'string');
      out.push({
        id: e.id,
        kind: e.kind,
        name: e.name,
        aliases,
        type: e.type,
        names: [e.name, ...aliases].filter((n) => /^\p{Lu}/u.test(n) && !/^The\b/.test(n)),
        seed: d.name,
      });
    }
  }
  return out;
}

const norm = (t: string) => t.replace(/\s+/g, ' ').trim();
function sameText(a: string, b: string): boolean {
  return norm(a) === norm(b);
}
