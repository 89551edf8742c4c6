/**
 * The Cypher the app runs, read once from cypher/*.cypher. A query is named by its path
 * under cypher/ without the extension ("read/entities-by-id"). Keeping the text in files
 * puts every query in one place to read, PROFILE and review; values only ever travel as
 * `$parameters`.
 *
 * One exception, because Cypher takes no parameter there: the upper bound of a
 * variable-length pattern. A file may write it as `{{bound}}`, and the name then carries it
 * as a single digit, "read/path#4" (1–9, checked here); the caller validates the number
 * first, so only one of nine fixed texts can ever result.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../cypher');

function collect(dir: string, into: Map<string, string>): Map<string, string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path, into);
    else if (entry.name.endsWith('.cypher')) into.set(relative(root, path).slice(0, -'.cypher'.length), readFileSync(path, 'utf8'));
  }
  return into;
}

const queries = collect(root, new Map());

export type CypherName = string;

export function cypher(name: CypherName): string {
  const [file, bound] = name.split('#') as [string, string | undefined];
  const text = queries.get(file);
  if (text === undefined) throw new Error(`No Cypher file cypher/${file}.cypher`);
  if (bound === undefined) return text;
  if (!/^[1-9]$/.test(bound) || !text.includes('{{bound}}')) throw new Error(`cypher/${file}.cypher: bad bound "${bound}"`);
  return text.replaceAll('{{bound}}', bound);
}

/** Statements of a multi-statement file (schema.cypher), split on `;` at line ends. */
export function cypherStatements(name: CypherName): string[] {
  return cypher(name)
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*\/\/.*$/gm, '').trim())
    .filter(Boolean);
}
