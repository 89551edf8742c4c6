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
  for (const { graph } of seedGraphs(dir, options.exceptText)) {
    for (const section of ['entities', ...factSections])
      for (const item of (graph[section] as { id?: unknown }[] | undefined) ?? []) if (typeof item?.id === 'string') ids.add(item.id);
  }
  return ids;
}

const matchable = new Set<EntityKind>(['Person', 'Organisation', 'Place']);

export function loadGazetteer(dir: string, options: { exceptText?: string } = {}): Gazetteer {
  const out: Gazetteer = [];
  const seen = new Set<string>();
  for (const { folder, graph } of seedGraphs(dir, options.exceptText)) {
    const entities = graph.entities as { id?: string; kind?: EntityKind; name?: string; aliases?: string[]; type?: string }[] | undefined;
    for (const e of entities ?? []) {
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
        seed: folder,
      });
    }
  }
  return out;
}

/**
 * Each seed folder under `dir` with its parsed graph.yaml, in directory order, but the one
 * whose article.txt is `exceptText` (whitespace aside); a folder without a graph, or whose
 * graph does not parse, is passed over.
 */
function* seedGraphs(dir: string, exceptText: string | undefined): Generator<{ folder: string; graph: Record<string, unknown> }> {
  if (!existsSync(dir)) return;
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    const graphFile = join(dir, d.name, 'graph.yaml');
    const textFile = join(dir, d.name, 'article.txt');
    if (!existsSync(graphFile)) continue;
    if (exceptText !== undefined && existsSync(textFile) && sameText(readFileSync(textFile, 'utf8'), exceptText)) continue;
    let graph: Record<string, unknown>;
    try {
      graph = (parse(readFileSync(graphFile, 'utf8')) ?? {}) as Record<string, unknown>;
    } catch {
      continue;
    }
    yield { folder: d.name, graph };
  }
}

const norm = (t: string) => t.replace(/\s+/g, ' ').trim();
function sameText(a: string, b: string): boolean {
  return norm(a) === norm(b);
}
