/**
 * The Cypher the app runs, read once from cypher/*.cypher. A query is named by its path
 * under cypher/ without the extension ("read/entities-by-id"). Keeping the text in files
 * puts every query in one place to read, PROFILE and review; values only ever travel as
 * `$parameters`.
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
  const text = queries.get(name);
  if (text === undefined) throw new Error(`No Cypher file cypher/${name}.cypher`);
  return text;
}

/** Statements of a multi-statement file (schema.cypher), split on `;` at line ends. */
export function cypherStatements(name: CypherName): string[] {
  return cypher(name)
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*\/\/.*$/gm, '').trim())
    .filter(Boolean);
}
