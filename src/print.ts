/**
 * The printed forms of the schemas, checked in under schema/: the GraphQL SDL, and the JSON
 * Schemas of the seed format and of the vocabulary file (for editors and other tools). A test
 * fails when any drifts from the code; `npm run schema:print` rewrites them.
 */
import { lexicographicSortSchema, printSchema } from 'graphql';
import { z } from 'zod';
import { vocabularyFileSchema } from './core/vocabulary.js';
import { schemaWithWrites } from './schema/index.js';
import { graphFileSchema } from './seed/format.js';

/**
 * The schema with writes (what a server with credentials serves); a server without them serves
 * the same less Mutation and the types only it uses (src/schema/index.ts).
 */
export function printSchemaFile(): string {
  return `${printSchema(lexicographicSortSchema(schemaWithWrites))}\n`;
}

export function seedJsonSchema(): string {
  const json = z.toJSONSchema(graphFileSchema, { io: 'input', target: 'draft-2020-12' });
  const title = {
    title: 'newsgraph seed: graph.yaml',
    description: 'Entities and facts of one article, with evidence as exact words of article.txt.',
  };
  return `${JSON.stringify({ ...json, ...title }, null, 2)}\n`;
}

export function vocabularyJsonSchema(): string {
  const json = z.toJSONSchema(vocabularyFileSchema, { io: 'input', target: 'draft-2020-12' });
  const title = {
    title: 'newsgraph vocabulary: seeds/vocabulary.yaml',
    description: 'Relation types (with readings, allowed kinds, stance or link), organisation, place and event types, and units.',
  };
  return `${JSON.stringify({ ...json, ...title }, null, 2)}\n`;
}
