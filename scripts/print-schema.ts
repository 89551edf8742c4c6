/** Prints the SDL to schema/schema.graphql and the seed format to schema/seed.schema.json. */
import { writeFileSync } from 'node:fs';
import { printSchemaFile, seedJsonSchema } from '../src/schema/print.js';

writeFileSync(new URL('../schema/schema.graphql', import.meta.url), printSchemaFile());
writeFileSync(new URL('../schema/seed.schema.json', import.meta.url), seedJsonSchema());
console.log('Wrote schema/schema.graphql and schema/seed.schema.json');
