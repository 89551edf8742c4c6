/** Events with their participants and what each did, and the timeline of events. */
import { builder } from '../builder.js';
import { relatedField } from '../graph/lookahead.js';
import { pageFromDb } from '../graph/traverse.js';
import { nodeOptions, toKey } from './node.js';
import { EventRef, FactRef, RelationshipRef, StatementRef } from './refs.js';

const EventStatusEnum = builder.enumType('EventStatus', {
  description: 'Whether an event happened.',
  values: ['happened', 'ongoing', 'planned', 'possible', 'refused'] as const,
});

builder.node(EventRef, {
  ...nodeOptions('Event'),
  interfaces: [FactRef],
  description: 'Something that happened, is planned, or is speculated about: a meeting, vote, decision, report, post, process or election.',
  fields: (t) => ({
    name: t.string({ description: 'What the event is.', resolve: (e) => String(e.props.name) }),
    type: t.string({
      description: 'meeting, vote, decision, report, publication, process, request, election, speculation or other.',
      resolve: (e) => String(e.props.type),
    }),
    status: t.field({
      type: EventStatusEnum,
      description: 'happened, ongoing, planned, possible (speculated) or refused.',
      resolve: (e) => e.props.status as never,
    }),
    date: t.string({
      nullable: true,
      description: 'When (YYYY[-MM[-DD]]), when the article says.',
      resolve: (e) => (e.props.date as string | null) ?? null,
    }),
    description: t.string({
      nullable: true,
      description: 'More about it.',
      resolve: (e) => (e.props.description as string | null) ?? null,
    }),
    partOf: t.field({
      type: EventRef,
      nullable: true,
      description: 'The larger event this is part of.',
      ...relatedField('PART_OF', 'OUTGOING', 'first'),
    }),
    participants: t.field({
      type: [RelationshipRef],
      description: 'Who took part, each edge with what they did (`role`) and who (`other`).',
      ...relatedField('PARTICIPATED_IN', 'INCOMING', 'relationships'),
    }),
    statements: t.field({ type: [StatementRef], description: 'Statements made in it.', ...relatedField('MADE_IN', 'INCOMING', 'nodes') }),
  }),
});

builder.queryFields((t) => ({
  timeline: t.connection({
    type: EventRef,
    description: 'Events in order: by date where known, then in the order the article tells them.',
    args: {
      article: t.arg.id({ required: false, description: 'Only events of this article (key or global id).' }),
      status: t.arg({ type: EventStatusEnum, required: false }),
      type: t.arg.string({ required: false }),
    },
    resolve: (_r, args, ctx) => {
      const article = args.article ? toKey(String(args.article), 'article') : null;
      return pageFromDb(
        ctx,
        'read/facts-by-label',
        { label: 'Event', articleId: article, status: args.status ?? null, type: args.type ?? null },
        args,
        { article },
      );
    },
  }),
}));
