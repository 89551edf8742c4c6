/**
 * What the article mutations do, below GraphQL: check the input's size, validate it with the
 * one validator (validateSeedSource: the messages `npm run seed` gives, naming the input's
 * parts as `input.text`, `input.graph`, … with line, column and the path into the input) and
 * write it with the one loader (loadSeed, one transaction, recorded as a revision), turning
 * every refusal into its API error: BAD_USER_INPUT (with `extensions.problems`), CONFLICT
 * (HTTP 409, with `extensions.currentRevision`), NOT_FOUND. src/schema/article-writes.ts
 * calls these after the scope checks and the rate limit, so that src/schema never imports
 * src/seed.
 */
import type { GraphDb } from '../db/graph-db.js';
import { queries } from '../db/queries.js';
import { apiError } from '../errors.js';
import { SeedConflictError, loadSeed } from '../seed/load.js';
import { ArticleWriteError, retractArticle as retract } from '../seed/revisions.js';
import { MAX_ARTICLE_BYTES, MAX_GRAPH_BYTES, SeedValidationError, validateSeedSource, type SeedPlan } from '../seed/validate.js';

/** The caps on a write's input: the seed loader's own limits for text and graph. */
export const writeLimits = { textBytes: MAX_ARTICLE_BYTES, graphBytes: MAX_GRAPH_BYTES, reasonChars: 2_000 } as const;

export interface WriteOutcome {
  changed: boolean;
  message: string;
  articleId: string;
  /** The article's current revision after the write. */
  revisionId: string | null;
}

export async function addArticle(
  db: GraphDb,
  input: { text: string; graph: string; reason?: string | null },
  by: string,
): Promise<WriteOutcome> {
  capBytes(input.text, writeLimits.textBytes, 'input.text');
  capBytes(input.graph, writeLimits.graphBytes, 'input.graph');
  const reason = input.reason == null ? null : checkReason(input.reason, 'input.reason');
  const plan = validate(input.text, input.graph, 'input.');
  const done = await refusals(() => loadSeed(db, plan, { action: 'add', by, reason }));
  return {
    changed: done.changed,
    articleId: plan.article.id,
    revisionId: done.current,
    message: done.changed
      ? `Added ${plan.article.id} as revision ${done.current}.`
      : `Unchanged: this input is already ${done.current}; nothing was written.`,
  };
}

export async function correctArticle(
  db: GraphDb,
  args: { id: string; graph: string; baseRevision: string; reason: string },
  by: string,
): Promise<WriteOutcome> {
  const id = checkArticleId(args.id);
  capBytes(args.graph, writeLimits.graphBytes, 'graph');
  capChars(args.baseRevision, 200, 'baseRevision');
  const reason = checkReason(args.reason, 'reason');
  const [article] = await db.read(queries.nodesById, { ids: [id] });
  if (!article?.labels.includes('Article'))
    throw apiError('NOT_FOUND', `${id} is not in the graph; add it with addArticle.`, { argument: 'id' });
  // The text stays: a correction replaces what the article asserts.
  const plan = validate(String(article.props.text), args.graph, '');
  if (plan.article.id !== id)
    throw apiError('BAD_USER_INPUT', `graph article.id is "${plan.article.id}", not the article corrected (${id}).`, {
      argument: 'graph',
      problems: [{ file: 'graph', line: null, column: null, path: 'article.id', message: `must be "${id}"` }],
    });
  const done = await refusals(() => loadSeed(db, plan, { action: 'correct', by, reason, baseRevision: args.baseRevision }));
  return {
    changed: done.changed,
    articleId: id,
    revisionId: done.current,
    message: done.changed
      ? `Corrected ${id}: revision ${done.current} replaces ${args.baseRevision}.`
      : `Unchanged: this graph is already ${done.current}'s; nothing was written.`,
  };
}

export async function retractArticle(db: GraphDb, args: { id: string; reason: string }, by: string): Promise<WriteOutcome> {
  const id = checkArticleId(args.id);
  const reason = checkReason(args.reason, 'reason');
  const done = await refusals(() => retract(db, id, { action: 'retract', by, reason }));
  return {
    changed: done.changed,
    articleId: id,
    revisionId: done.current,
    message: done.changed ? `Retracted ${id} as revision ${done.current}.` : `Unchanged: ${id} is already retracted.`,
  };
}

export function capBytes(value: string, max: number, argument: string): void {
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > max)
    throw apiError('BAD_USER_INPUT', `${argument} is ${bytes} bytes; the limit is ${max}.`, { argument, max, actual: bytes });
}

export function capChars(value: string, max: number, argument: string): void {
  if (value.length > max)
    throw apiError('BAD_USER_INPUT', `${argument} is longer than ${max} characters.`, { argument, max, actual: value.length });
}

function checkReason(value: string, argument: string): string {
  capChars(value, writeLimits.reasonChars, argument);
  if (!value.trim()) throw apiError('BAD_USER_INPUT', `${argument} must say why.`, { argument });
  return value.trim();
}

function checkArticleId(id: string): string {
  if (!/^article:[a-z0-9][a-z0-9-]{0,199}$/.test(id))
    throw apiError('BAD_USER_INPUT', 'id must be an article key such as "article:some-name".', { argument: 'id' });
  return id;
}

/** The one validator, naming the input's parts as the seed's files are named. */
function validate(text: string, graph: string, prefix: string): SeedPlan {
  try {
    return validateSeedSource({ dir: 'input', text, source: graph, textName: `${prefix}text`, graphName: `${prefix}graph` });
  } catch (error) {
    if (!(error instanceof SeedValidationError)) throw error;
    throw apiError('BAD_USER_INPUT', error.message, {
      argument: error.problems[0]?.file ?? `${prefix}graph`,
      problems: error.problems.map((p) => ({
        file: p.file,
        line: p.line ?? null,
        column: p.column ?? null,
        path: p.path,
        message: p.message,
      })),
    });
  }
}

/** Runs a write, turning a refusal into its API error. */
async function refusals<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ArticleWriteError)
      throw error.kind === 'CONFLICT'
        ? apiError('CONFLICT', error.message, { currentRevision: error.currentRevision, http: { status: 409 } })
        : apiError('NOT_FOUND', error.message, { argument: 'id' });
    if (error instanceof SeedConflictError) throw apiError('CONFLICT', error.message, { currentRevision: null, http: { status: 409 } });
    throw error;
  }
}
