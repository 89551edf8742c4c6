/** Motions: who proposed them, what they sought, whom they target, and how they fared. */
import { builder } from '../builder.js';
import { relatedField } from '../graph/lookahead.js';
import { pageFromDb } from '../graph/traverse.js';
import { loadByKey, nodeOptions, toKey } from './node.js';
import { EntityRef, EventRef, FactRef, MotionRef, NodeRef, OrganisationRef, StatementRef, VoteRef } from './refs.js';

builder.node(MotionRef, {
  ...nodeOptions('Motion'),
  interfaces: [FactRef],
  description: 'A motion put to a body, with its proposer, target, wording and outcome.',
  fields: (t) => ({
    title: t.string({ description: 'A short name for it.', resolve: (m) => String(m.props.title) }),
    seeks: t.string({ description: 'What it asked for.', resolve: (m) => String(m.props.seeks) }),
    outcome: t.string({ description: 'passed, rejected, withdrawn or pending.', resolve: (m) => String(m.props.outcome) }),
    proposer: t.field({
      type: EntityRef,
      nullable: true,
      description: 'Who proposed it.',
      ...relatedField('PROPOSED', 'INCOMING', 'first'),
    }),
    target: t.field({
      type: NodeRef,
      nullable: true,
      description: 'Whom or what it is about.',
      ...relatedField('TARGETS', 'OUTGOING', 'first'),
    }),
    decidedBy: t.field({
      type: OrganisationRef,
      nullable: true,
      description: 'The body that decided it.',
      ...relatedField('DECIDED_BY', 'OUTGOING', 'first'),
    }),
    event: t.field({
      type: EventRef,
      nullable: true,
      description: 'Where it was considered.',
      ...relatedField('CONSIDERED_AT', 'OUTGOING', 'first'),
    }),
    votes: t.field({ type: [VoteRef], description: 'Votes on it.', ...relatedField('ON', 'INCOMING', 'nodes') }),
    wording: t.field({
      type: [StatementRef],
      description: 'What its text says, as statements spoken by the motion itself.',
      ...relatedField('SAID_BY', 'INCOMING', 'nodes'),
    }),
  }),
});

builder.queryFields((t) => ({
  motion: t.field({
    type: MotionRef,
    nullable: true,
    description: 'A motion by key ("motion:…") or global id.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx, info) => loadByKey(ctx, String(id), 'Motion', info),
  }),
  motions: t.connection({
    type: MotionRef,
    description: 'Every motion, in the order the articles tell them.',
    args: { article: t.arg.id({ required: false, description: 'Only motions of this article (key).' }) },
    resolve: (_r, args, ctx) => {
      const article = args.article ? toKey(String(args.article), 'article') : null;
      return pageFromDb(ctx, 'read/facts-by-label', { label: 'Motion', articleId: article, status: null, type: null }, args, { article });
    },
  }),
}));
