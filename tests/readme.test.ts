import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExamples } from '../src/graphiql-tabs.js';
import { appFor, gql, openDb, resetDb, seedFirstArticle } from './helpers.js';

const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('## Example questions'));
const pairs = [...section.matchAll(/### (.+)\n\n```graphql\n([\s\S]*?)\n```\n\n```json\n([\s\S]*?)\n```/g)].map((m) => ({
  name: m[1]!,
  query: m[2]!,
  answer: JSON.parse(m[3]!),
}));

describe('the README examples', () => {
  const db = openDb();
  const app = appFor(db);
  beforeAll(async () => {
    await resetDb(db);
    await seedFirstArticle(db);
  });
  afterAll(() => db.close());

  it('shows every GraphiQL example tab, and only those', () => {
    expect(pairs.map((p) => p.query)).toEqual(loadExamples().map((e) => e.query.trim()));
    expect(pairs.length).toBeGreaterThanOrEqual(7);
  });

  it.each(pairs.map((p) => [p.name, p] as const))('%s returns the answer the README shows', async (_name, p) => {
    expect(await gql(app, p.query)).toEqual(p.answer);
  });
});
