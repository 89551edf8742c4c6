/**
 * The Cypher the app runs, read once from cypher/*.cypher. A query is named by its path
 * under cypher/ without the extension ("read/entities-by-id"). Keeping the text in files
 * puts every query in one place to read, PROFILE and review; values only ever travel as
 * `$parameters`.
 *
 * Two exceptions, where Cypher takes no parameter or plans badly with one: the upper bound of
 * a variable-length pattern and a relationship type to expand. A file writes them as
 * `{{bound}}` or `{{type}}`, and the name carries the value after `#`: "read/path#4" (a
 * single digit 1–9), "read/relationship-pages#SUPPORTED" (one of `linkTypes`, the closed
 * list of types the seed loader writes). Both are checked here against those closed sets, so
 * only one of a fixed number of texts can ever result; callers validate first.
 *
 * A file may include a fragment (cypher/fragments/, not a query of its own) as
 * `{{name variable}}`: the fragment's text, with its `{{node}}` replaced by `variable`, is put
 * in place once, when the files are read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { linkTypes } from '../seed/load.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../cypher');

function collect(dir: string, into: Map<string, string>): Map<string, string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) collect(path, into);
    else if (entry.name.endsWith('.cypher'))
      into.set(relative(root, path).slice(0, -'.cypher'.length), withoutComments(readFileSync(path, 'utf8')));
  }
  return into;
}

/**
 * The text without whole-line comments and blank lines: the comments are for readers, and
 * every byte of a query is sent, and hashed for Neo4j's query cache, on every request.
 */
function withoutComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trim().startsWith('//'))
    .join('\n');
}

const files = collect(root, new Map());
const fragments = new Map(
  [...files].filter(([name]) => name.startsWith('fragments/')).map(([name, text]) => [name.slice('fragments/'.length), text]),
);
const queries = new Map(
  [...files]
    .filter(([name]) => !name.startsWith('fragments/'))
    .map(([name, text]) => [
      name,
      text.replace(/\{\{([a-z-]+) ([A-Za-z_]\w*)\}\}/g, (_all, fragment: string, variable: string) => {
        const body = fragments.get(fragment);
        if (body === undefined)
          throw new Error(`cypher/${name}.cypher includes {{${fragment}}}, but there is no cypher/fragments/${fragment}.cypher`);
        return body.replaceAll('{{node}}', variable);
      }),
    ]),
);

export type CypherName = string;

export function cypher(name: CypherName): string {
  const [file, value] = name.split('#') as [string, string | undefined];
  const text = queries.get(file);
  if (text === undefined) throw new Error(`No Cypher file cypher/${file}.cypher`);
  if (value === undefined) return text;
  if (text.includes('{{bound}}') && /^[1-9]$/.test(value)) return text.replaceAll('{{bound}}', value);
  if (text.includes('{{type}}') && linkTypes.has(value)) return text.replaceAll('{{type}}', value);
  throw new Error(`cypher/${file}.cypher: "${value}" is not a value it takes`);
}

/** Statements of a multi-statement file (schema.cypher), split on `;` at line ends. */
export function cypherStatements(name: CypherName): string[] {
  return cypher(name)
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Every read query the app can send: each file under read/, with each value it takes (the relationship types, path bounds 1–6). */
export function readQueryNames(): CypherName[] {
  return [...queries.keys()]
    .filter((name) => name.startsWith('read/'))
    .flatMap((name) => {
      const text = queries.get(name)!;
      if (text.includes('{{type}}')) return [...linkTypes].map((type) => `${name}#${type}`);
      if (text.includes('{{bound}}')) return [1, 2, 3, 4, 5, 6].map((bound) => `${name}#${bound}`);
      return [name];
    });
}

/** The `$parameters` a query's text names. */
export function parametersOf(name: CypherName): string[] {
  return [...new Set([...cypher(name).matchAll(/\$([A-Za-z_]\w*)/g)].map((m) => m[1]!))];
}
