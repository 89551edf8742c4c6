/** The Fact interface: roles, events, motions, votes and statements, each with its evidence. */
import { builder } from '../builder.js';
import { ArticleRef, EvidenceType, FactRef, NodeRef } from './refs.js';

FactRef.implement({
  description: 'Something the article reports (a role, event, motion, vote or statement), tied to the words it comes from.',
  interfaces: [NodeRef],
  fields: (t) => ({
    evidence: t.field({
      type: [EvidenceType],
      description: 'The words of the article this fact comes from.',
      resolve: (f, _a, ctx) => ctx.loaders.evidence.load(f.id),
    }),
    article: t.field({
      type: ArticleRef,
      nullable: true,
      description: 'The article that reports it.',
      resolve: (f, _a, ctx) => ctx.loaders.node.load(String(f.props.articleId)),
    }),
  }),
});
