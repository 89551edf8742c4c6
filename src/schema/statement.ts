/**
 * Statements: quotes and reported speech, with speaker (named, anonymous or a document such
 * as a motion), the outlet told, whom they quote, and their stance toward each target.
 */
import { builder } from '../builder.js';
import { firstRelated, pageFromDb, related } from '../graph/traverse.js';
import { StanceEnum } from './enums.js';
import { toKey, nodeOptions } from './node.js';
import { EntityRef, EventRef, FactRef, NodeRef, RelationshipRef, StatementRef } from './refs.js';

const StatementModeEnum = builder.enumType('StatementMode', {
  description: 'How the article gives a statement.',
  values: { verbatim: { description: 'The speaker\'s own words, in quotation marks.' }, reported: { description: 'The article\'s paraphrase.' } } as const,
});

builder.node(StatementRef, {
  ...nodeOptions('Statement'),
  interfaces: [FactRef],
  description: 'Something said: a quote or reported speech.',
  fields: (t) => ({
    text: t.string({ description: 'The words, as the article gives them.', resolve: (s) => String(s.props.text) }),
    mode: t.field({ type: StatementModeEnum, description: 'verbatim or reported.', resolve: (s) => s.props.mode as never }),
    speaker: t.field({ type: NodeRef, nullable: true, description: 'Who or what said it: a person, an anonymous source, a group, or a document such as a motion.', resolve: (s, _a, ctx) => firstRelated(ctx, s.id, 'SAID_BY', 'OUTGOING') }),
    toldTo: t.field({ type: EntityRef, nullable: true, description: 'The outlet or person it was told to.', resolve: (s, _a, ctx) => firstRelated(ctx, s.id, 'TOLD_TO', 'OUTGOING') }),
    madeIn: t.field({ type: EventRef, nullable: true, description: 'The event it was made in (a post, a meeting).', resolve: (s, _a, ctx) => firstRelated(ctx, s.id, 'MADE_IN', 'OUTGOING') }),
    quotes: t.field({ type: EntityRef, nullable: true, description: 'Whom the statement itself quotes.', resolve: (s, _a, ctx) => firstRelated(ctx, s.id, 'QUOTES', 'OUTGOING') }),
    about: t.field({
      type: [RelationshipRef],
      description: 'Whom or what it is about: each edge has the `stance` and the target (`other`).',
      resolve: (s, _a, ctx) => related(ctx, s.id, ['ABOUT'], 'OUTGOING'),
    }),
  }),
});

builder.queryFields((t) => ({
  statements: t.connection({
    type: StatementRef,
    description: 'Statements in article order, filtered by speaker, by target and stance, by mode or by article. "What did X say about Y": speaker X, about Y.',
    args: {
      speaker: t.arg.id({ required: false, description: 'Said by this node (key or global id).' }),
      about: t.arg.id({ required: false, description: 'About this node (key or global id).' }),
      stance: t.arg({ type: StanceEnum, required: false, description: 'With this stance (toward `about` when given).' }),
      mode: t.arg({ type: StatementModeEnum, required: false }),
      article: t.arg.id({ required: false, description: 'From this article (key or global id).' }),
    },
    resolve: (_r, args, ctx) => {
      const speaker = args.speaker ? toKey(String(args.speaker), 'speaker') : null;
      const about = args.about ? toKey(String(args.about), 'about') : null;
      const article = args.article ? toKey(String(args.article), 'article') : null;
      // Start from the most selective node given, so the cost follows that node's statements.
      const query = about ? 'read/statements-about' : speaker ? 'read/statements-by' : 'read/statements';
      return pageFromDb(ctx, query, { speaker, about, stance: args.stance ?? null, mode: args.mode ?? null, articleId: article }, args, { speaker, about, article });
    },
  }),
}));
