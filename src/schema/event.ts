/** Events with their participants and what each did, and the timeline of events. */
import { builder } from '../builder.js';
import { relatedField } from '../graph/lookahead.js';
import { vocabulary } from '../core/vocabulary.js';
import { factsPage } from '../graph/reads.js';
import { loadByKey, nodeOptions, toKey } from './node.js';
import { checkWord } from './vocabulary.js';
import { EventRef, FactRef, RelationshipRef, StatementRef } from './refs.js';

const DatePrecisionEnum = builder.enumType('DatePrecision', {
  description: 'How precisely the article dates something.',
  values: ['year', 'month', 'week', 'day'] as const,
});

const TimelineBasisEnum = builder.enumType('TimelineBasis', {
  description: "What places an event in its article's timeline.",
  values: {
    date: { description: 'Its date.' },
    sequence: {
      description: 'A cause or sequence link (CAUSED_BY, IN_RESPONSE_TO, FOLLOWED, or being part of another event) to another event.',
    },
    mention: { description: 'Neither: where the article first mentions it.' },
  } as const,
});

const EventStatusEnum = builder.enumType('EventStatus', {
  description: 'Whether an event happened.',
  values: ['happened', 'ongoing', 'planned', 'possible', 'refused', 'cancelled'] as const,
});

builder.node(EventRef, {
  ...nodeOptions('Event'),
  interfaces: [FactRef],
  description:
    'Something that happened, is planned, or is speculated about: a meeting, ballot, court case, ruling, strike, appointment, deal, match… (`type`).',
  fields: (t) => ({
    name: t.string({ description: 'What the event is.', resolve: (e) => String(e.props.name) }),
    type: t.string({
      description:
        'What sort of event: a word of `vocabulary.eventTypes` (meeting, vote, ballot, case, ruling, strike, appointment, deal, …).',
      resolve: (e) => String(e.props.type),
    }),
    status: t.field({
      type: EventStatusEnum,
      description: 'happened, ongoing, planned, possible (speculated), refused or cancelled (called off).',
      resolve: (e) => e.props.status as never,
    }),
    date: t.string({
      nullable: true,
      description:
        'When, as precisely as the article says (YYYY, YYYY-MM or YYYY-MM-DD; a week by its Monday); null when it does not say or its words could not be resolved.',
      resolve: (e) => (e.props.date as string | null) ?? null,
    }),
    datePrecision: t.field({
      type: DatePrecisionEnum,
      nullable: true,
      description: 'How precise `date` is.',
      resolve: (e) => (e.props.datePrecision as 'year' | 'month' | 'week' | 'day' | null) ?? null,
    }),
    when: t.string({
      nullable: true,
      description: 'When, in the article\'s own words ("on Friday", "next month"), resolved into `date` against the publication date.',
      resolve: (e) => (e.props.dateText as string | null) ?? null,
    }),
    orderedBy: t.field({
      type: TimelineBasisEnum,
      nullable: true,
      description: "What places it in its article's timeline: its date, a cause or sequence link, or where it is mentioned.",
      resolve: (e) => (e.props.timelineBasis as 'date' | 'sequence' | 'mention' | null) ?? null,
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
      description:
        'Who took part, each edge with what they did (`role`) and who (`other`): the first 50; `relationships(types: ["PARTICIPATED_IN"])` pages through all.',
      ...relatedField('PARTICIPATED_IN', 'INCOMING', 'relationships'),
    }),
    statements: t.field({
      type: [StatementRef],
      description: 'Statements made in it: the first 50; `relationships(types: ["MADE_IN"])` pages through all.',
      ...relatedField('MADE_IN', 'INCOMING', 'nodes'),
    }),
  }),
});

builder.queryFields((t) => ({
  timeline: t.connection({
    type: EventRef,
    description:
      "Events in order: by known time, then by cause and sequence (CAUSED_BY, IN_RESPONSE_TO, FOLLOWED), then in the order the article tells them; each event's `orderedBy` says which placed it. Events of several articles are merged by date, each article's own order kept.",
    args: {
      article: t.arg.id({ required: false, description: 'Only events of this article (key or global id).' }),
      status: t.arg({ type: EventStatusEnum, required: false }),
      type: t.arg.string({
        required: false,
        description: 'Only events of this type, a word of `vocabulary.eventTypes` ("strike", "ruling").',
      }),
    },
    resolve: (_r, args, ctx) => {
      const article = args.article ? toKey(String(args.article), 'article') : null;
      const type = args.type ? checkWord(args.type, vocabulary().eventTypes.keys(), 'type') : null;
      return factsPage(ctx, { label: 'Event', articleId: article, status: args.status ?? null, type }, args);
    },
  }),
  event: t.field({
    type: EventRef,
    nullable: true,
    description: 'An event by key ("event:…") or global id; null when there is none.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx, info) => loadByKey(ctx, String(id), 'Event', info),
  }),
  fact: t.field({
    type: FactRef,
    nullable: true,
    description: 'Any fact (role, event, motion, vote, statement) by key ("vote:…") or global id; null when there is none.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx, info) => loadByKey(ctx, String(id), 'Fact', info),
  }),
}));
