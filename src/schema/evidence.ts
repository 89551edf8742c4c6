/**
 * Evidence: the words of an article that support a fact, as character offsets (code points,
 * end exclusive) into the article text, with the sentences they fall in.
 */
import { builder } from '../builder.js';
import type { Context } from '../graph/context.js';
import type { EvidenceRef } from '../core/ids.js';
import type { GNode } from '../core/model.js';
import { ArticleRef, EvidenceType, SentenceRef } from './refs.js';

async function sentencesOf(e: EvidenceRef, ctx: Context): Promise<GNode[]> {
  const nodes = await ctx.loaders.node.loadMany(e.sentenceIds);
  return nodes.filter((n): n is GNode => !!n && !(n instanceof Error));
}

/** The exact words, cut from the sentences the span touches (offsets are code points). */
async function evidenceText(e: EvidenceRef, ctx: Context): Promise<string> {
  const parts = (await sentencesOf(e, ctx)).map((s) => {
    const chars = Array.from(String(s.props.text));
    const from = Math.max(e.start, Number(s.props.start)) - Number(s.props.start);
    const to = Math.min(e.end, Number(s.props.end)) - Number(s.props.start);
    return chars.slice(from, to).join('');
  });
  return parts.join(' ');
}

EvidenceType.implement({
  description: "Where a fact comes from: a span of an article's text and the sentences it touches.",
  fields: (t) => ({
    text: t.string({
      description: 'The exact words of the article (from its first 10 sentences).',
      resolve: (e, _a, ctx) => evidenceText(e, ctx),
    }),
    start: t.exposeInt('start', { description: 'Offset of the first character in the article text (code points, from 0).' }),
    end: t.exposeInt('end', { description: 'Offset just past the last character (exclusive).' }),
    sentences: t.field({
      type: [SentenceRef],
      description: 'The sentences the words fall in (at most 10).',
      resolve: (e, _a, ctx) => sentencesOf(e, ctx),
    }),
    article: t.field({
      type: ArticleRef,
      nullable: true,
      description: 'The article the words are from.',
      resolve: (e, _a, ctx) => ctx.loaders.node.load(e.articleId),
    }),
  }),
});
