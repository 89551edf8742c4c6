/** Full-text search over entity names and aliases, statement text, and events and motions (names, descriptions, what a motion seeks, an event's type). */
import { builder } from '../builder.js';
import { apiError } from '../errors.js';
import type { GNode } from '../core/model.js';
import { searchNodes } from '../graph/reads.js';
import { toLuceneQuery } from '../graph/search-query.js';
import { NodeRef } from './refs.js';

interface Hit {
  node: GNode;
  score: number;
}

const SearchHitRef = builder.objectRef<Hit>('SearchHit').implement({
  description: 'One search result: an entity, statement, event or motion, with its relevance.',
  fields: (t) => ({
    score: t.float({ description: 'Relevance; higher is better.', resolve: (h) => h.score }),
    node: t.field({ type: NodeRef, description: 'The entity, statement, event or motion found.', resolve: (h) => h.node }),
  }),
});

const SearchKindEnum = builder.enumType('SearchKind', {
  description: 'What `search` looks in.',
  values: {
    ENTITY: { description: 'Names and aliases of people, organisations, places, groups and sources.' },
    STATEMENT: { description: 'The words of statements.' },
    FACT: { description: 'Events and motions: names, titles, descriptions, what a motion seeks, an event type.' },
  } as const,
});

builder.queryField('search', (t) =>
  t.field({
    type: [SearchHitRef],
    description:
      'Entities whose name or alias, statements whose words, and events and motions whose name, description, aim or type match the text (every word must match; a word also matches as a prefix), optionally only some of those kinds. Best first.',
    args: {
      text: t.arg.string({ required: true, description: 'Words to look for.' }),
      first: t.arg.int({ required: false, defaultValue: 10, description: 'How many results (1–50).' }),
      kinds: t.arg({
        type: [SearchKindEnum],
        required: false,
        defaultValue: ['ENTITY', 'STATEMENT', 'FACT'],
        description: 'What to search (default: all three).',
      }),
    },
    resolve: async (_r, { text, first, kinds }, ctx) => {
      const limit = first ?? 10;
      if (limit < 1 || limit > 50) throw apiError('BAD_USER_INPUT', '`first` must be between 1 and 50.', { argument: 'first' });
      if (text.length > 500) throw apiError('BAD_USER_INPUT', '`text` must be at most 500 characters.', { argument: 'text' });
      const query = toLuceneQuery(text);
      if (!query) throw apiError('BAD_USER_INPUT', '`text` must contain at least one letter or digit.', { argument: 'text' });
      return searchNodes(ctx, query, limit, kinds ?? ['ENTITY', 'STATEMENT', 'FACT']);
    },
  }),
);
