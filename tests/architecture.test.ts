/**
 * The house's shape: every import in src/ points down its layers, and none closes a cycle
 * (type-only imports included). Imports are read with the TypeScript compiler's own
 * pre-processor, so what counts as an import is what tsc counts.
 *
 * Layers, bottom up: core (vocabulary, ids, shapes; imports nothing of the project), with
 * errors.ts and config.ts beside it; db (Neo4j access); graph (loaders, traversal, reads) and
 * seed (validation, loading), which know nothing of each other, and the explorer's page
 * assets; builder.ts and plugins/, draft/ (raw text to a seed) and write/ (what mutations do,
 * through the seed loader, so that schema/ never imports seed/); schema/ (GraphQL); and
 * the app (yoga.ts, server.ts, main.ts and the rest).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = resolve('src');
const files = (function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
})(src);

/** Each file's imports of other files of src/, as paths relative to src/. */
const imports = new Map(
  files.map((file) => {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles
      .map((f) => f.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => relative(src, resolve(dirname(file), name.replace(/\.js$/, '.ts'))));
    return [relative(src, file), targets];
  }),
);

const layers: [RegExp, number, string][] = [
  [/^core\//, 0, 'core'],
  [/^(errors|config)\.ts$/, 0, 'base'],
  [/^db\//, 1, 'db'],
  [/^graph\//, 2, 'graph'],
  [/^seed\//, 2, 'seed'],
  [/^explorer\//, 2, 'explorer'],
  [/^draft\//, 3, 'draft'],
  [/^write\//, 3, 'write'],
  [/^(builder\.ts|plugins\/)/, 3, 'builder'],
  [/^schema\//, 4, 'schema'],
];
const layerOf = (file: string): [number, string] => {
  const found = layers.find(([re]) => re.test(file));
  return found ? [found[1], found[2]] : [5, 'app'];
};

describe('the import graph of src/', () => {
  it('finds the files it checks', () => {
    expect(imports.get('schema/index.ts')).toContain('builder.ts');
    expect(imports.size).toBeGreaterThan(40);
  });

  it('has no import cycle, type-only imports included', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const next of imports.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of imports.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('points every import down its layers: core imports nothing of the project, db nothing above it, graph and seed not each other, schema not seed', () => {
    const wrong: string[] = [];
    for (const [file, targets] of imports) {
      const [level, name] = layerOf(file);
      for (const target of targets) {
        const [targetLevel, targetName] = layerOf(target);
        const sideways = level === targetLevel && name !== targetName;
        // The API reads the graph; it knows nothing of how seeds are loaded (`src/schema` never imports `src/seed`).
        const forbidden = name === 'schema' && targetName === 'seed';
        if (targetLevel > level || sideways || forbidden || (name === 'core' && targetName !== 'core'))
          wrong.push(`${file} (${name}) imports ${target} (${targetName})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
