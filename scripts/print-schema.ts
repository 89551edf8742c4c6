/** Prints the SDL to schema/schema.graphql, and the seed format and the vocabulary file format as JSON Schemas. */
import { writeFileSync } from 'node:fs';
import { printSchemaFile, seedJsonSchema, vocabularyJsonSchema } from '../src/print.js';

writeFileSync(new URL('../schema/schema.graphql', import.meta.url), printSchemaFile());
writeFileSync(new URL('../schema/seed.schema.json', import.meta.url), seedJsonSchema());
writeFileSync(new URL('../schema/vocabulary.schema.json', import.meta.url), vocabularyJsonSchema());
console.log('Wrote schema/schema.graphql, schema/seed.schema.json and schema/vocabulary.schema.json');
