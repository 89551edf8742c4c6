/**
 * Revisions: every write of an article (a seed load, addArticle, correctArticle,
 * retractArticle) is recorded, in the transaction that makes it, as a `(:Revision)` node:
 * who (the credential's name, or "npm run seed"), when, what (the article and the SHA-256 of
 * its input) and why, with the input itself (the text and the graph as normalised JSON), so
 * that what a correction replaced stays readable while the graph holds only the current
 * facts. The Article node points at its current revision (`revision`, `revisionCount`,
 * `inputSha256`); reads of the graph never touch revisions.
 *
 * Terminology:
 * - input: what a revision asserts: the article's text and its graph (seed format). Its
 *   SHA-256 is of the text, a NUL, and the graph as normalised JSON, so the same graph sent as
 *   YAML or as JSON is the same input.
 * - head: the article's current revision, read (under the article's lock) first in every write.
 *
 * Contract: `openRevision(tx, plan, change)` locks the article and decides: a seed load always
 * goes ahead (recording a revision only when its input differs from the head's); an add of an
 * article that exists is `unchanged` when the input is the head's, else ArticleWriteError
 * CONFLICT; a correction needs the article to exist (NOT_FOUND) and `baseRevision` to be the
 * head (CONFLICT otherwise), and is `unchanged` when its input is the head's. Nothing has been
 * written when it throws. `closeRevision` removes entities the write left unmentioned and
 * records the revision.
 */
import { createHash } from 'node:crypto';
import type { GraphDb } from '../db/graph-db.js';
import type { SeedPlan } from './validate.js';

type Tx = Parameters<Parameters<GraphDb['writeTransaction']>[0]>[0];

/** Why an article write was refused: the article exists or moved on (CONFLICT), or is not there (NOT_FOUND). */
export class ArticleWriteError extends Error {
  override name = 'ArticleWriteError';
  constructor(
    readonly kind: 'CONFLICT' | 'NOT_FOUND',
    message: string,
    readonly currentRevision: string | null = null,
  ) {
    super(message);
  }
}

/** What a write is, and who makes it. */
export type Change =
  | { action: 'seed' | 'add'; by: string; reason?: string | null; now?: Date }
  | { action: 'correct'; by: string; reason: string; baseRevision: string; now?: Date };

export const seedChange: Change = { action: 'seed', by: 'npm run seed', reason: 'loaded from the seed folder' };

export interface Revision {
  id: string;
  number: number;
  action: 'seed' | 'add' | 'correct' | 'retract';
  by: string;
  at: string;
  sha256: string;
  reason: string | null;
}

interface Head {
  exists: boolean;
  revision: string | null;
  revisionCount: number;
  inputSha256: string | null;
  retractedAt: string | null;
  text: string | null;
}

export interface OpenRevision {
  articleId: string;
  head: Head;
  /** The write changes nothing: the input is the head's. */
  unchanged: boolean;
  /** Record a revision when done (false for a seed reloaded unchanged). */
  record: boolean;
  sha256: string;
  previousEntities: string[];
}

export function inputSha256(plan: SeedPlan): string {
  return createHash('sha256').update(plan.article.text).update('\u0000').update(JSON.stringify(plan.graph)).digest('hex');
}

async function readHead(tx: Tx, articleId: string): Promise<Head> {
  const [row] = await tx.run('write/article-head', { articleId });
  return row as unknown as Head;
}

export async function openRevision(tx: Tx, plan: SeedPlan, change: Change): Promise<OpenRevision> {
  const articleId = plan.article.id;
  const head = await readHead(tx, articleId);
  const sha256 = inputSha256(plan);
  const same = head.inputSha256 === sha256 && !head.retractedAt;
  const open = (unchanged: boolean, record: boolean) => ({ articleId, head, unchanged, record, sha256, previousEntities: [] });
  if (change.action === 'add' && head.exists) {
    if (same) return open(true, false);
    throw new ArticleWriteError(
      'CONFLICT',
      `${articleId} exists (revision ${head.revision ?? 'none'}) with other content; change it with correctArticle and baseRevision "${head.revision ?? ''}"`,
      head.revision,
    );
  }
  if (change.action === 'correct') {
    if (!head.exists) throw new ArticleWriteError('NOT_FOUND', `${articleId} is not in the graph; add it with addArticle`);
    if (head.revision !== change.baseRevision)
      throw new ArticleWriteError(
        'CONFLICT',
        `baseRevision "${change.baseRevision}" is not the current revision of ${articleId} (it is "${head.revision ?? 'none'}"): read it again and correct that`,
        head.revision,
      );
    if (same) return open(true, false);
  }
  const [mentioned] = await tx.run('write/mentioned-entities', { articleId });
  return { ...open(false, !same), previousEntities: (mentioned?.ids as string[] | undefined) ?? [] };
}

export async function closeRevision(
  tx: Tx,
  open: OpenRevision,
  plan: SeedPlan | null,
  change: Change | RetractChange,
): Promise<Revision | null> {
  await tx.run('write/orphan-entities', { ids: open.previousEntities });
  if (!open.record) return null;
  const number = open.head.revisionCount + 1;
  const revision: Revision = {
    id: `${open.articleId}@${number}`,
    number,
    action: change.action,
    by: change.by,
    at: (change.now ?? new Date()).toISOString(),
    sha256: plan
      ? open.sha256
      : createHash('sha256')
          .update(`retract\u0000${change.reason ?? ''}`)
          .digest('hex'),
    reason: change.reason ?? null,
  };
  await tx.run('write/revision', {
    articleId: open.articleId,
    revision: { ...revision, text: plan?.article.text ?? null, graph: plan ? JSON.stringify(plan.graph) : null },
    retractedAt: plan ? null : revision.at,
  });
  return revision;
}

export interface RetractChange {
  action: 'retract';
  by: string;
  reason: string;
  now?: Date;
}

/**
 * Retracts an article: its facts, sentences and mentions leave the graph (entities no other
 * article mentions with them); the Article node stays, with its text, `retractedAt` and its
 * revisions, the last of which holds what it asserted. Retracting it again changes nothing.
 */
export async function retractArticle(
  db: GraphDb,
  articleId: string,
  change: RetractChange,
): Promise<{ changed: boolean; revision: Revision | null; current: string | null }> {
  return db.writeTransaction(async (tx) => {
    const head = await readHead(tx, articleId);
    if (!head.exists) throw new ArticleWriteError('NOT_FOUND', `${articleId} is not in the graph`);
    if (head.retractedAt) return { changed: false, revision: null, current: head.revision };
    const [mentioned] = await tx.run('write/mentioned-entities', { articleId });
    await tx.run('seed/clear-article', { articleId });
    const open: OpenRevision = {
      articleId,
      head,
      unchanged: false,
      record: true,
      sha256: '',
      previousEntities: (mentioned?.ids as string[] | undefined) ?? [],
    };
    const revision = await closeRevision(tx, open, null, change);
    return { changed: true, revision, current: revision?.id ?? null };
  });
}
