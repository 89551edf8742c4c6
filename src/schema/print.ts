/**
 * The printed forms of the two schemas, checked in under schema/: the GraphQL SDL, and the
 * JSON Schema of the seed format (for editors and other tools). A test fails when either
 * drifts from the code; `npm run schema:print` rewrites them.
 */
import { lexicographicSortSchema, printSchema } from 'graphql';
import { z } from 'zod';
import { graphFileSchema } from '../seed/format.js';
import { schema } from './index.js';

export function printSchemaFile(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export function seedJsonSchema(): string {
  const json = z.toJSONSchema(graphFileSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...json, title: 'newsgraph seed: graph.yaml', description: 'Entities and facts of one article, with evidence as exact words of article.txt.' }, null, 2)}\n`;
}
