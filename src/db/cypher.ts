/**
 * The Cypher the app runs, read once from cypher/*.cypher. A query is named by its path
 * under cypher/ without the extension ("read/entities"); reads are declared once, with their
 * parameter and row types, in src/db/queries.ts. Keeping the text in files puts every query
 * in one place to read, PROFILE and review; values only ever travel as `$parameters`.
 *
 * Four exceptions, where Cypher takes no parameter or plans badly with one: the upper bound
 * of a variable-length pattern, a relationship type to expand, the list of every
 * relationship type, and a map of every type to the degrees of node `n` in it (`{{degrees}}`:
 * `{TYPE: [COUNT { (n)-[:TYPE]->() }, COUNT { (n)<-[:TYPE]-() }], …}`, which Neo4j answers
 * from its counts). A file writes the first three as `{{bound}}`, `{{type}}` or `{{types}}`; the name
 * carries the first two after `#`: "read/path#4" (a single digit 1–9),
 * "read/relationship-pages#SUPPORTED" (a type of the vocabulary, src/core/vocabulary.ts,
 * whose names are checked there to be UPPER_SNAKE_CASE words). `{{types}}` becomes every
 * type of the vocabulary, joined by `|`. All are checked here against those closed sets, so
 * only one of a fixed number of texts can ever result; callers validate first. `{{type}}`
 * also names the per-type indexes of cypher/schema-by-type.cypher ("schema-by-type#ABOUT")
 * and the `USING INDEX` hints that read them.
 *
 * A file may include a fragment (cypher/fragments/, not a query of its own) as
 * `{{name variable}}`: the fragment's text, with its `{{node}}` replaced by `variable`, is put
 * in place once, when the files are read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vocabulary } from '../core/vocabulary.js';

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
export function withoutComments(text: string): string {
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
  const types = vocabulary().allTypes;
  const all = text
    .replaceAll('{{types}}', types.join('|'))
    .replaceAll('{{degrees}}', `{${types.map((t) => `${t}: [COUNT { (n)-[:${t}]->() }, COUNT { (n)<-[:${t}]-() }]`).join(', ')}}`);
  if (value === undefined) return all;
  if (all.includes('{{bound}}') && /^[1-9]$/.test(value)) return all.replaceAll('{{bound}}', value);
  if (all.includes('{{type}}') && vocabulary().allTypes.includes(value)) return all.replaceAll('{{type}}', value);
  throw new Error(`cypher/${file}.cypher: "${value}" is not a value it takes`);
}

/** Statements of a multi-statement file (schema.cypher, schema-by-type#TYPE), split on `;` at line ends. */
export function cypherStatements(name: CypherName): string[] {
  return cypher(name)
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The `$parameters` a query's text names. */
export function parametersOf(name: CypherName): string[] {
  return [...new Set([...cypher(name).matchAll(/\$([A-Za-z_]\w*)/g)].map((m) => m[1]!))];
}
