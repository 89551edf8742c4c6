/**
 * Articles in through the API: the Mutation type. Each field needs a credential with its
 * scope (checked by @pothos/plugin-scope-auth before the resolver runs, so before any
 * database work: UNAUTHENTICATED, HTTP 401, without one; FORBIDDEN, 403, with the wrong one),
 * then passes the credential's write rate limit (RATE_LIMITED, 429), and only then checks
 * its input's size (BAD_USER_INPUT), validates and writes.
 *
 * - draftArticle (scope draft): the drafter's graph for a text (src/draft/), for review; writes nothing.
 * - addArticle, correctArticle (scope write): validated by the one validator and written by the
 *   one loader, one transaction each, recorded as a revision (src/write/articles.ts).
 * - retractArticle (scope retract).
 *
 * These fields exist only in the schema with writes (src/schema/index.ts), served when
 * credentials are configured.
 */
import { builder } from '../builder.js';
import type { Credential } from '../core/credentials.js';
import { queries } from '../db/queries.js';
import { draftArticle, type Draft } from '../draft/draft.js';
import { loadGazetteer, type Gazetteer } from '../draft/gazetteer.js';
import { DraftInputError, checkText } from '../draft/input.js';
import { draftToYaml } from '../draft/write.js';
import { apiError } from '../errors.js';
import type { Context } from '../graph/context.js';
import { addArticle, capBytes, capChars, correctArticle, retractArticle, writeLimits, type WriteOutcome } from '../write/articles.js';
import { ArticleRef } from './refs.js';
import { RevisionRef } from './revision.js';

builder.mutationType({
  description: 'Writes: articles in, corrected and retracted. Each needs `Authorization: Bearer <API key>` with the scope it names.',
});

const WriteResultRef = builder.objectRef<WriteOutcome>('ArticleWriteResult').implement({
  description: 'What a write did: whether it changed anything, the article as it now stands, and its current revision.',
  fields: (t) => ({
    changed: t.boolean({
      description: 'False when nothing was written: the same input sent again (or an article already retracted).',
      resolve: (r) => r.changed,
    }),
    message: t.string({ description: 'What happened, in words.', resolve: (r) => r.message }),
    article: t.field({
      type: ArticleRef,
      nullable: true,
      description: 'The article as it now stands (read after the write, so it shows it).',
      resolve: async (r, _a, ctx) => (await ctx.db.read(queries.nodesById, { ids: [r.articleId] }))[0] ?? null,
    }),
    revision: t.field({
      type: RevisionRef,
      nullable: true,
      description: "The article's current revision: the one this write recorded, or, when it changed nothing, the one already there.",
      resolve: async (r, _a, ctx) =>
        r.revisionId
          ? ((await ctx.db.read(queries.revisions, { articleId: r.articleId })).map((x) => x.props).find((p) => p.id === r.revisionId) ??
            null)
          : null,
    }),
  }),
});

interface DraftItem {
  path: string;
  section: string;
  id: string | null;
  label: string;
  note: string | null;
}

const DraftItemRef = builder.objectRef<DraftItem>('DraftItem').implement({
  description: 'One drafted item: where it is in the graph, what it is, and how the drafter found it.',
  fields: (t) => ({
    path: t.string({ description: 'Where it is in `graph` ("entities[3]").', resolve: (i) => i.path }),
    section: t.string({
      description: 'Its section of the seed format (entities, roles, events, motions, votes, statements, relations, noFacts).',
      resolve: (i) => i.section,
    }),
    id: t.string({ nullable: true, description: 'Its id, when it has one.', resolve: (i) => i.id }),
    label: t.string({ description: 'A name, title or the words, to show.', resolve: (i) => i.label }),
    note: t.string({ nullable: true, description: 'How it was found and how sure the drafter is.', resolve: (i) => i.note }),
  }),
});

const DraftRef = builder.objectRef<{ draft: Draft; yaml: string }>('ArticleDraft').implement({
  description: 'A drafted graph for review: in the seed format, and as a list of items.',
  fields: (t) => ({
    graph: t.string({
      description: 'The draft in the seed format (YAML, with comments saying how each item was found).',
      resolve: (d) => d.yaml,
    }),
    items: t.field({ type: [DraftItemRef], description: 'Every drafted item, in graph order.', resolve: (d) => draftItems(d.draft) }),
    review: t.stringList({ description: 'What a curator should look at first.', resolve: (d) => d.draft.review }),
    sentences: t.int({ description: 'Sentences in the text.', resolve: (d) => d.draft.counts.sentences }),
    lowCertainty: t.int({ description: 'Items drafted with low certainty.', resolve: (d) => d.draft.counts.low }),
  }),
});

const AddArticleInput = builder.inputType('AddArticleInput', {
  description: 'An article: its text and its graph in the seed format (YAML or JSON), as `npm run seed` reads article.txt and graph.yaml.',
  fields: (t) => ({
    text: t.string({ required: true, description: `The article text, verbatim (at most ${writeLimits.textBytes} bytes of UTF-8).` }),
    graph: t.string({
      required: true,
      description: `Its graph in the seed format, YAML or JSON (at most ${writeLimits.graphBytes} bytes).`,
    }),
    reason: t.string({ description: 'Why it is added (kept in its revision).' }),
  }),
});

builder.mutationFields((t) => ({
  draftArticle: t.field({
    type: DraftRef,
    authScopes: { $any: { draft: true, write: true } },
    description:
      'Drafts a graph for a text with the drafter (npm run draft), for a person to review and send with addArticle. Writes nothing. Scope: draft or write.',
    args: {
      text: t.arg.string({ required: true, description: 'The article text.' }),
      title: t.arg.string({ description: 'Its headline.' }),
      publisher: t.arg.string({ description: 'Who published it.' }),
      publishedAt: t.arg.string({ description: 'When (YYYY-MM-DD); dates in words are resolved against it.' }),
      url: t.arg.string({ description: 'Where it was published.' }),
    },
    resolve: (_r, args, ctx) => {
      const writes = admit(ctx);
      capBytes(args.text, writeLimits.textBytes, 'text');
      for (const key of ['title', 'publisher', 'publishedAt', 'url'] as const) capChars(args[key] ?? '', 1_000, key);
      if (args.publishedAt && !/^\d{4}-\d{2}-\d{2}$/.test(args.publishedAt))
        throw apiError('BAD_USER_INPUT', 'publishedAt must be a date as YYYY-MM-DD.', { argument: 'publishedAt' });
      try {
        const text = checkText(new TextEncoder().encode(args.text), 'text');
        const draft = draftArticle(text, {
          title: args.title ?? undefined,
          publisher: args.publisher ?? undefined,
          publishedAt: args.publishedAt ?? undefined,
          url: args.url ?? undefined,
          gazetteer: gazetteerOf(writes.seedDir),
        });
        return { draft, yaml: draftToYaml(draft) };
      } catch (error) {
        if (error instanceof DraftInputError) throw apiError('BAD_USER_INPUT', error.message, { argument: 'text' });
        throw error;
      }
    },
  }),

  addArticle: t.field({
    type: WriteResultRef,
    authScopes: { write: true },
    description:
      'Adds an article, validated as `npm run seed` validates, in one transaction, recorded as its first revision. Sending the same article again changes nothing and says so; other content for an article that exists is a CONFLICT (correct it instead). Scope: write.',
    args: { input: t.arg({ type: AddArticleInput, required: true }) },
    resolve: (_r, { input }, ctx) => addArticle(admit(ctx).db, input, ctx.credential!.name),
  }),

  correctArticle: t.field({
    type: WriteResultRef,
    authScopes: { write: true },
    description:
      'Replaces what an article asserts with `graph` (its text stays), if `baseRevision` is still its current revision (else CONFLICT, and nothing is written). The revision it replaces keeps its input. Scope: write.',
    args: {
      id: t.arg.id({ required: true, description: 'The article ("article:…").' }),
      graph: t.arg.string({ required: true, description: 'Its whole graph, corrected, in the seed format (YAML or JSON).' }),
      baseRevision: t.arg.string({ required: true, description: 'The revision the correction was made from (Article.revision).' }),
      reason: t.arg.string({ required: true, description: 'Why (kept in the revision).' }),
    },
    resolve: (_r, args, ctx) => correctArticle(admit(ctx).db, args, ctx.credential!.name),
  }),

  retractArticle: t.field({
    type: WriteResultRef,
    authScopes: { retract: true },
    description:
      'Retracts an article: its facts, sentences and mentions leave the graph; the article keeps its text, `retractedAt` and its revisions (the one before holds what it asserted). Retracting it again changes nothing. Scope: retract.',
    args: {
      id: t.arg.id({ required: true, description: 'The article ("article:…").' }),
      reason: t.arg.string({ required: true, description: 'Why (kept in the revision).' }),
    },
    resolve: (_r, args, ctx) => retractArticle(admit(ctx).db, args, ctx.credential!.name),
  }),
}));

const gazetteers = new Map<string, Gazetteer>();
/** The entities of the seed folders, read once: the drafter links names it knows to their ids. */
function gazetteerOf(dir: string): Gazetteer {
  let found = gazetteers.get(dir);
  if (!found) gazetteers.set(dir, (found = loadGazetteer(dir)));
  return found;
}

/** The credential's write rate limit, spent before anything else is done. */
function admit(ctx: Context): NonNullable<Context['writes']> {
  const writes = ctx.writes;
  const credential = ctx.credential as Credential;
  if (!writes) throw apiError('FORBIDDEN', 'This server takes no writes.', { http: { status: 403 } });
  const wait = writes.limit.take(credential.name);
  if (wait > 0)
    throw apiError(
      'RATE_LIMITED',
      `Too many writes from "${credential.name}": at most ${writes.limit.perMinute} a minute; try again in ${wait} s.`,
      {
        retryAfterSeconds: wait,
        http: { status: 429, headers: { 'retry-after': String(wait) } },
      },
    );
  return writes;
}

function draftItems(draft: Draft): DraftItem[] {
  const g = draft.graph;
  const items: DraftItem[] = [];
  const add = (section: string, list: unknown[], label: (x: Record<string, unknown>) => unknown) =>
    list.forEach((x, i) => {
      const item = x as Record<string, unknown>;
      items.push({
        path: `${section}[${i}]`,
        section,
        id: typeof item.id === 'string' ? item.id : null,
        label: String(label(item) ?? ''),
        note: draft.notes.get(`${section}.${i}`)?.trim() ?? null,
      });
    });
  add('entities', g.entities, (x) => x.name);
  add('roles', g.roles, (x) => x.title);
  add('events', g.events, (x) => x.name);
  add('motions', g.motions, (x) => x.title);
  add('votes', g.votes, (x) => x.outcome);
  add('statements', g.statements, (x) => x.text);
  add('relations', g.relations, (x) => x.type);
  add('noFacts', g.noFacts, (x) => x.reason);
  return items;
}
