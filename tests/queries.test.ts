/**
 * The typed catalogue of reads (src/db/queries.ts) against the Cypher files: each declaration
 * names exactly the parameters its file uses, and every read file is declared.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vocabulary } from '../src/core/vocabulary.js';
import { parametersOf } from '../src/db/cypher.js';
import { warmUpQueries } from '../src/db/queries.js';

describe('the catalogue of reads', () => {
  const all = warmUpQueries(vocabulary().allTypes);

  it('declares each query with exactly the parameters its Cypher file names', () => {
    for (const q of all) expect(Object.keys(q.warm).sort(), q.name).toEqual(parametersOf(q.name).sort());
  });

  it('declares every file under cypher/read/', () => {
    const files = readdirSync('cypher/read').map((f) => `read/${f.replace(/\.cypher$/, '')}`);
    const declared = new Set(all.map((q) => q.name.split('#')[0]));
    expect(files.filter((f) => !declared.has(f))).toEqual([]);
  });

  it('converts only parameters it declares to integers', () => {
    for (const q of all) for (const key of q.ints) expect(Object.keys(q.warm), q.name).toContain(key);
  });
});
