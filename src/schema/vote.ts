/** Votes on motions: the counts, the outcome, and how named voters or groups voted. */
import { builder } from '../builder.js';
import { relatedField } from '../graph/lookahead.js';
import { nodeOptions } from './node.js';
import { EventRef, FactRef, MotionRef, OrganisationRef, RelationshipRef, VoteRef } from './refs.js';

builder.node(VoteRef, {
  ...nodeOptions('Vote'),
  interfaces: [FactRef],
  description: 'A vote of a body on a motion.',
  fields: (t) => ({
    votesFor: t.int({
      nullable: true,
      description: 'Votes for the motion, when the article gives counts (shares such as "62% in favour" are in `quantities`).',
      resolve: (v) => (v.props.votesFor as number | null) ?? null,
    }),
    votesAgainst: t.int({
      nullable: true,
      description: 'Votes against it, when the article gives counts.',
      resolve: (v) => (v.props.votesAgainst as number | null) ?? null,
    }),
    abstentions: t.int({
      nullable: true,
      description: 'Abstentions, when the article says.',
      resolve: (v) => (v.props.abstentions as number | null) ?? null,
    }),
    outcome: t.string({ description: 'passed, rejected or tied.', resolve: (v) => String(v.props.outcome) }),
    motion: t.field({ type: MotionRef, nullable: true, description: 'What was voted on.', ...relatedField('ON', 'OUTGOING', 'first') }),
    body: t.field({ type: OrganisationRef, nullable: true, description: 'Who voted.', ...relatedField('BY', 'OUTGOING', 'first') }),
    event: t.field({
      type: EventRef,
      nullable: true,
      description: 'The meeting it was held at.',
      ...relatedField('HELD_AT', 'OUTGOING', 'first'),
    }),
    positions: t.field({
      type: [RelationshipRef],
      description:
        'How named voters or groups voted: each edge has `position` and the voter (`other`); the first 50; `relationships(types: ["VOTED"])` pages through all.',
      ...relatedField('VOTED', 'INCOMING', 'relationships'),
    }),
  }),
});
