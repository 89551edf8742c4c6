/** Articles and their sentences: the text layer every fact points back to. */
import { builder } from '../builder.js';
import { articlesPage, sentencesPage } from '../graph/reads.js';
import { pageOf, related } from '../graph/traverse.js';
import { loadByKey, nodeOptions } from './node.js';
import { ArticleRef, NodeRef, SentenceRef } from './refs.js';

builder.node(ArticleRef, {
  ...nodeOptions('Article'),
  description: 'A news article: its text is stored once, split into sentences that facts cite.',
  fields: (t) => ({
    title: t.string({ description: 'The headline.', resolve: (a) => String(a.props.title) }),
    publisher: t.string({ description: 'Who published it.', resolve: (a) => String(a.props.publisher) }),
    url: t.string({
      nullable: true,
      description: 'Where it was published, when known.',
      resolve: (a) => (a.props.url as string | null) ?? null,
    }),
    publishedAt: t.string({
      nullable: true,
      description: 'Publication date (YYYY-MM-DD), when known.',
      resolve: (a) => (a.props.publishedAt as string | null) ?? null,
    }),
    text: t.string({ description: 'The full text, verbatim.', resolve: (a) => String(a.props.text) }),
    sha256: t.string({ description: 'SHA-256 of the text, to tell versions apart.', resolve: (a) => String(a.props.sha256) }),
    sentences: t.connection({
      type: SentenceRef,
      description: 'Its sentences in order.',
      resolve: async (a, args, ctx) => sentencesPage(ctx, a.id, args),
    }),
  }),
});

builder.node(SentenceRef, {
  ...nodeOptions('Sentence'),
  description: 'One sentence of an article, with its place in the text.',
  fields: (t) => ({
    index: t.int({ description: 'Position in the article, from 0.', resolve: (s) => Number(s.props.index) }),
    start: t.int({
      description: 'Offset of its first character in the article text (code points).',
      resolve: (s) => Number(s.props.start),
    }),
    end: t.int({ description: 'Offset just past its last character.', resolve: (s) => Number(s.props.end) }),
    text: t.string({ description: 'The sentence.', resolve: (s) => String(s.props.text) }),
    article: t.field({
      type: ArticleRef,
      nullable: true,
      description: 'The article it is part of.',
      resolve: (s, _a, ctx) => ctx.loaders.node.load(String(s.props.articleId)),
    }),
    facts: t.connection({
      type: NodeRef,
      description: 'The facts this sentence is evidence for and the entities it mentions.',
      resolve: async (s, args, ctx) =>
        pageOf(
          args,
          (await related(ctx, s.id, null, 'INCOMING')).map((r) => r.other),
        ),
    }),
  }),
});

builder.queryFields((t) => ({
  article: t.field({
    type: ArticleRef,
    nullable: true,
    description: 'An article by key ("article:…") or global id.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx, info) => loadByKey(ctx, String(id), 'Article', info),
  }),
  articles: t.connection({
    type: ArticleRef,
    description: 'Every article loaded, newest first.',
    resolve: (_r, args, ctx) => articlesPage(ctx, args),
  }),
}));
