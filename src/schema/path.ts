/** "How is A connected to B": the shortest chains of relationships between two nodes. */
import { builder } from '../builder.js';
import { apiError } from '../errors.js';
import { shortestChains, type Chain } from '../graph/reads.js';
import { toKey } from './node.js';
import { NodeRef, RelationshipRef } from './refs.js';

const PathRef = builder.objectRef<Chain>('Path').implement({
  description: 'A chain of relationships from one node to another.',
  fields: (t) => ({
    length: t.int({ description: 'How many relationships long it is.', resolve: (p) => p.relationships.length }),
    nodes: t.field({ type: [NodeRef], description: 'The nodes in order, from start to end.', resolve: (p) => p.nodes }),
    relationships: t.field({
      type: [RelationshipRef],
      description: 'The relationships in order; each is seen from the node before it (`other` is the next node).',
      resolve: (p) => p.relationships,
    }),
  }),
});

builder.queryField('path', (t) =>
  t.field({
    type: [PathRef],
    description:
      'The shortest chains of relationships between two nodes (keys or global ids), at most `maxHops` long, clearest first (most direct relationships such as SUPPORTED or LEADS, fewest steps through the parts of a fact), near-duplicates folded; empty when there is none.',
    args: {
      from: t.arg.id({ required: true }),
      to: t.arg.id({ required: true }),
      maxHops: t.arg.int({ required: false, defaultValue: 4, description: 'Longest chain to consider (1–6).' }),
      first: t.arg.int({ required: false, defaultValue: 5, description: 'How many of the shortest chains (1–20).' }),
    },
    resolve: async (_r, args, ctx) => {
      const maxHops = args.maxHops ?? 4;
      const first = args.first ?? 5;
      if (maxHops < 1 || maxHops > 6) throw apiError('BAD_USER_INPUT', '`maxHops` must be between 1 and 6.', { argument: 'maxHops' });
      if (first < 1 || first > 20) throw apiError('BAD_USER_INPUT', '`first` must be between 1 and 20.', { argument: 'first' });
      const from = toKey(String(args.from), 'from');
      const to = toKey(String(args.to), 'to');
      return shortestChains(ctx, from, to, maxHops, first);
    },
  }),
);
