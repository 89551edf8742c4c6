/**
 * Revisions of an article: each write that changed it (a seed load, an add, a correction, a
 * retraction), who made it, when, why, and the input it was made from (src/seed/revisions.ts).
 * The graph holds only what the current revision asserts; earlier ones keep their input here,
 * for audit.
 */
import { builder } from '../builder.js';
import { queries } from '../db/queries.js';
import { pageOf } from '../graph/traverse.js';
import { ArticleRef } from './refs.js';

export type RevisionShape = Record<string, unknown>;
export const RevisionRef = builder.objectRef<RevisionShape>('Revision');

export const RevisionActionEnum = builder.enumType('RevisionAction', {
  description: 'What a revision did to its article.',
  values: {
    SEED: { value: 'seed', description: 'Loaded by `npm run seed` from a seed folder.' },
    ADD: { value: 'add', description: 'Added through `addArticle`.' },
    CORRECT: { value: 'correct', description: 'Corrected through `correctArticle`: what the article asserts was replaced.' },
    RETRACT: { value: 'retract', description: 'Retracted through `retractArticle`: its facts left the graph.' },
  } as const,
});

const str = (r: RevisionShape, key: string) => (r[key] === null || r[key] === undefined ? null : String(r[key]));

builder.objectType(RevisionRef, {
  description: 'One write of an article: who, when, what and why, and the input it was made from.',
  fields: (t) => ({
    id: t.string({
      description: 'The revision\'s id ("article:…@2"): give it as `baseRevision` to correct the article.',
      resolve: (r) => String(r.id),
    }),
    number: t.int({ description: "Its place in the article's history, from 1.", resolve: (r) => Number(r.number) }),
    action: t.field({ type: RevisionActionEnum, description: 'What it did.', resolve: (r) => r.action as 'seed' }),
    by: t.string({ description: 'Who made it: the name of the credential, or "npm run seed".', resolve: (r) => String(r.by) }),
    at: t.string({ description: 'When, as an ISO 8601 instant (UTC).', resolve: (r) => String(r.at) }),
    reason: t.string({ nullable: true, description: "Why, in the writer's words.", resolve: (r) => str(r, 'reason') }),
    sha256: t.string({
      description: 'SHA-256 of its input: the text, a NUL, and the graph as normalised JSON (for a retraction, of the reason).',
      resolve: (r) => String(r.sha256),
    }),
    current: t.boolean({ description: "Whether it is the article's current revision.", resolve: (r) => r.supersededBy == null }),
    supersededBy: t.string({ nullable: true, description: 'The revision that replaced it.', resolve: (r) => str(r, 'supersededBy') }),
    text: t.string({
      nullable: true,
      description: 'The article text it was made from (none for a retraction).',
      resolve: (r) => str(r, 'text'),
    }),
    graph: t.string({
      nullable: true,
      description: 'What it asserted: the graph in the seed format, as normalised JSON (none for a retraction).',
      resolve: (r) => str(r, 'graph'),
    }),
  }),
});

builder.objectFields(ArticleRef, (t) => ({
  revisions: t.connection({
    type: RevisionRef,
    description: 'Its history, newest first: every write that changed it.',
    resolve: async (a, args, ctx) =>
      pageOf(
        args,
        (await ctx.loaders.readOnce(queries.revisions, { articleId: a.id })).map((r) => r.props),
      ),
  }),
  revision: t.string({
    nullable: true,
    description: 'The id of its current revision (the `baseRevision` a correction must give).',
    resolve: (a) => (a.props.revision as string | undefined) ?? null,
  }),
  retractedAt: t.string({
    nullable: true,
    description: 'When it was retracted (its facts then leave the graph); null while it stands.',
    resolve: (a) => (a.props.retractedAt as string | undefined) ?? null,
  }),
}));
