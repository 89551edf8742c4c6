/**
 * Statements: quotes and reported speech, with speaker (named, anonymous or a document such
 * as a motion), the outlet told, whom they quote, and their stance toward each target.
 */
import { builder } from '../builder.js';
import { pageExtension, pageHints, relatedField } from '../graph/lookahead.js';
import { statementsPage } from '../graph/reads.js';
import { StanceEnum } from './enums.js';
import { toKey, nodeOptions } from './node.js';
import { EntityRef, EventRef, FactRef, NodeRef, RelationshipRef, StatementRef } from './refs.js';

const StatementModeEnum = builder.enumType('StatementMode', {
  description: 'How the article gives a statement.',
  values: {
    verbatim: { description: "The speaker's own words, in quotation marks." },
    reported: { description: "The article's paraphrase." },
  } as const,
});

builder.node(StatementRef, {
  ...nodeOptions('Statement'),
  interfaces: [FactRef],
  description: 'Something said: a quote or reported speech.',
  fields: (t) => ({
    text: t.string({ description: 'The words, as the article gives them.', resolve: (s) => String(s.props.text) }),
    mode: t.field({ type: StatementModeEnum, description: 'verbatim or reported.', resolve: (s) => s.props.mode as never }),
    speaker: t.field({
      type: NodeRef,
      nullable: true,
      description: 'Who or what said it: a person, an anonymous source, a group, or a document such as a motion.',
      ...relatedField('SAID_BY', 'OUTGOING', 'first'),
    }),
    toldTo: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The outlet or person it was told to.',
      ...relatedField('TOLD_TO', 'OUTGOING', 'first'),
    }),
    madeIn: t.field({
      type: EventRef,
      nullable: true,
      description: 'The event it was made in (a post, a meeting).',
      ...relatedField('MADE_IN', 'OUTGOING', 'first'),
    }),
    quotes: t.field({
      type: EntityRef,
      nullable: true,
      description: 'Whom the statement itself quotes.',
      ...relatedField('QUOTES', 'OUTGOING', 'first'),
    }),
    about: t.field({
      type: [RelationshipRef],
      description: 'Whom or what it is about: each edge has the `stance` and the target (`other`).',
      ...relatedField('ABOUT', 'OUTGOING', 'relationships'),
    }),
  }),
});

builder.queryFields((t) => ({
  statements: t.connection({
    type: StatementRef,
    description:
      'Statements in article order (by article, then where each is first evidenced), filtered by speaker, by target and stance, by mode or by article. "What did X say about Y": speaker X, about Y.',
    args: {
      speaker: t.arg.id({ required: false, description: 'Said by this node (key or global id).' }),
      about: t.arg.id({ required: false, description: 'About this node (key or global id).' }),
      stance: t.arg({ type: StanceEnum, required: false, description: 'With this stance (toward `about` when given).' }),
      mode: t.arg({ type: StatementModeEnum, required: false }),
      article: t.arg.id({ required: false, description: 'From this article (key or global id).' }),
    },
    // Its items are statements (`node`): a selection such as `speaker` is read with the page.
    ...pageExtension(() => null, 'node'),
    resolve: (_r, args, ctx, info) => {
      const speaker = args.speaker ? toKey(String(args.speaker), 'speaker') : null;
      const about = args.about ? toKey(String(args.about), 'about') : null;
      const article = args.article ? toKey(String(args.article), 'article') : null;
      return statementsPage(
        ctx,
        { speaker, about, stance: args.stance ?? null, mode: args.mode ?? null, articleId: article },
        args,
        pageHints(info).follow,
      );
    },
  }),
}));
