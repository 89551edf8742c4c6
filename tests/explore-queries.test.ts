/**
 * The explorer's operations (src/explorer/queries.ts) against the API they are written for:
 * each one validates against the printed schema, schema/schema.graphql, and runs on the
 * seeded article within the query limits, without errors. When the schema changes under the
 * page, this test names the operation to adapt.
 */
import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate, type OperationDefinitionNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphDb } from '../src/db/graph-db.js';
import { OPERATIONS, PAGE, SECTIONS, VOCABULARY } from '../src/explorer/queries.js';
import { appFor, gql, openDb, resetDb, seedFirstArticle } from './helpers.js';

const printed = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));

describe('the explorer queries', () => {
  it.each(Object.entries(OPERATIONS))('%s is valid against schema/schema.graphql', (name, document) => {
    const ast = parse(document);
    const operations = ast.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    expect(operations.map((o) => o.name?.value)).toEqual([name]);
    expect(validate(printed, ast).map((e) => e.message)).toEqual([]);
  });

  it('names no relation type or stance, so a vocabulary kept as data leaves them valid', () => {
    for (const document of Object.values(OPERATIONS)) {
      expect(document).not.toMatch(/\b(SUPPORTED|OPPOSED|RelationType|Stance|SUPPORT|OPPOSE|LinkKind)\b/);
    }
  });
});

describe('the explorer queries on the seeded article', () => {
  let db: GraphDb;
  const ids: Record<string, string> = {};
  const sides: { support: string[]; oppose: string[] } = { support: [], oppose: [] };

  beforeAll(async () => {
    db = openDb();
    await resetDb(db);
    await seedFirstArticle(db);
    const app = appFor(db);
    const found = await gql(
      app,
      `{ corbyn: entity(id: "person:jeremy-corbyn") { id } murray: entity(id: "person:ian-murray") { id }
         articles(first: 1) { edges { node { id } } } }`,
    );
    ids.corbyn = found.data.corbyn.id;
    ids.murray = found.data.murray.id;
    ids.article = found.data.articles.edges[0].node.id;
    const vocabulary = await gql(app, VOCABULARY);
    for (const t of vocabulary.data.relationTypes as { name: string; stance: string | null }[]) {
      if (t.stance === 'SUPPORT') sides.support.push(t.name);
      if (t.stance === 'OPPOSE') sides.oppose.push(t.name);
    }
    const first = await gql(app, OPERATIONS.ExplorerNeighbourhood!, { id: ids.corbyn, first: 2, ...sides });
    for (const s of SECTIONS) ids[`after_${s}`] = first.data.node[s].pageInfo.endCursor;
  });

  afterAll(async () => {
    await db?.close();
  });

  const variables = (name: string): Record<string, unknown> => {
    const section = name.match(/^ExplorerMore_(\w+)$/)?.[1];
    if (section) return { id: ids.corbyn, first: PAGE, after: ids[`after_${section}`], ...sides };
    switch (name) {
      case 'ExplorerVocabulary':
        return {};
      case 'ExplorerSuggest':
        return { text: 'Corbyn', first: 8 };
      case 'ExplorerNeighbourhood':
        return { id: ids.corbyn, first: PAGE, ...sides };
      case 'ExplorerEntityId':
        return { id: 'person:jeremy-corbyn' };
      case 'ExplorerDetails':
        return { id: ids.corbyn };
      case 'ExplorerArticleText':
        return { id: ids.article, first: 100 };
      case 'ExplorerArticles':
        return { first: 20 };
      case 'ExplorerTimeline':
        return { article: ids.article, first: PAGE };
      case 'ExplorerPath':
        return { from: ids.corbyn, to: ids.murray, maxHops: 4, first: 3 };
      default:
        throw new Error(`no variables for ${name}`);
    }
  };

  it.each(Object.keys(OPERATIONS))('%s runs at its largest page size within the query limits', async (name) => {
    const answer = await gql(appFor(db), OPERATIONS[name]!, variables(name));
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toBeTruthy();
  });
});
