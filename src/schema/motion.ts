/** Motions: who proposed them, what they sought, whom they target, and how they fared. */
import { builder } from '../builder.js';
import { relatedField } from '../graph/lookahead.js';
import type { Context } from '../graph/context.js';
import { factsPage } from '../graph/reads.js';
import { related } from '../graph/traverse.js';
import { loadByKey, nodeOptions, toKey } from './node.js';
import { EntityRef, EventRef, FactRef, MotionRef, NodeRef, OrganisationRef, StatementRef, VoteRef } from './refs.js';

/** The PROPOSED relationships of a motion in the seed's order (their keys are numbered, src/seed/validate.ts). */
async function proposed(ctx: Context, id: string) {
  const rels = await related(ctx, id, ['PROPOSED'], 'INCOMING');
  const rank = (r: (typeof rels)[number]) => Number(/>proposed>(\d+)>/.exec(String(r.props.id))?.[1] ?? 0);
  return [...rels].sort((a, b) => rank(a) - rank(b));
}

builder.node(MotionRef, {
  ...nodeOptions('Motion'),
  interfaces: [FactRef],
  description: 'A motion put to a body, with its proposer, target, wording and outcome.',
  fields: (t) => ({
    title: t.string({ description: 'A short name for it.', resolve: (m) => String(m.props.title) }),
    seeks: t.string({ description: 'What it asked for.', resolve: (m) => String(m.props.seeks) }),
    outcome: t.string({ description: 'passed, rejected, withdrawn or pending.', resolve: (m) => String(m.props.outcome) }),
    proposers: t.field({
      type: [EntityRef],
      description: 'Everyone who proposed it, in the order the seed gives: who put it forward, then the group it was put forward for.',
      ...relatedField('PROPOSED', 'INCOMING', 'nodes'),
      resolve: async (m, _a, ctx) => (await proposed(ctx, m.id)).map((r) => r.other),
    }),
    onBehalfOf: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The group or body it was put forward for ("a plan by backbench MPs, put forward by X").',
      ...relatedField('ON_BEHALF_OF', 'OUTGOING', 'first'),
    }),
    proposer: t.field({
      type: EntityRef,
      nullable: true,
      description: 'Who put it forward (the first of `proposers`).',
      ...relatedField('PROPOSED', 'INCOMING', 'first'),
      resolve: async (m, _a, ctx) => (await proposed(ctx, m.id))[0]?.other ?? null,
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
    votes: t.field({
      type: [VoteRef],
      description: 'Votes on it (the first 10; `relationships(types: ["ON"])` pages through all).',
      ...relatedField('ON', 'INCOMING', 'nodes', 10),
    }),
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
      return factsPage(ctx, { label: 'Motion', articleId: article, status: null, type: null }, args);
    },
  }),
}));
