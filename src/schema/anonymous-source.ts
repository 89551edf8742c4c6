/** Anonymous sources: unnamed people the article quotes; never merged with named people. */
import { builder } from '../builder.js';
import { relatedField } from '../graph/lookahead.js';
import { nodeOptions } from './node.js';
import { AnonymousSourceRef, EntityRef, OrganisationRef } from './refs.js';

builder.node(AnonymousSourceRef, {
  ...nodeOptions('AnonymousSource'),
  interfaces: [EntityRef],
  description: 'An unnamed source ("one Labour source"), with the side the article gives it.',
  fields: (t) => ({
    side: t.string({
      nullable: true,
      description: 'The side or leaning the article gives it ("pro-Corbyn").',
      resolve: (s) => (s.props.side as string | null) ?? null,
    }),
    affiliation: t.field({
      type: OrganisationRef,
      nullable: true,
      description: 'The organisation the article ties it to.',
      ...relatedField('AFFILIATED_WITH', 'OUTGOING', 'first'),
    }),
  }),
});
