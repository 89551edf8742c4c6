/**
 * Per-request DataLoaders: every field at one depth of a query asks its loader, and the
 * loader sends one batched Cypher query for all of them, so a request costs one round trip
 * per depth level rather than one per object (no N+1). Loaders that read a node's
 * neighbours also prime the node loader with them, so resolving `other` costs nothing.
 */
import DataLoader from 'dataloader';
import type { GraphReader } from '../db/graph-db.js';
import type { EvidenceRef, GNode, GRel } from './model.js';

export interface Loaders {
  node: DataLoader<string, GNode | null>;
  relationships: DataLoader<string, GRel[]>;
  evidence: DataLoader<string, EvidenceRef[]>;
}

const groupBy = <T extends { id: string }>(ids: readonly string[], rows: T[]) => {
  const by = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) by.get(row.id)?.push(row);
  return ids.map((id) => by.get(id)!);
};

export function createLoaders(db: GraphReader): Loaders {
  const node: Loaders['node'] = new DataLoader(async (ids) => {
    const rows = await db.read<GNode>('read/nodes-by-id', { ids });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  const relationships: Loaders['relationships'] = new DataLoader(async (ids) => {
    const rows = await db.read<{ id: string; type: string; outgoing: boolean; props: Record<string, unknown>; otherId: string; otherLabels: string[]; otherProps: Record<string, unknown> }>('read/relationships-by-node', { ids });
    return groupBy(ids, rows).map((list) =>
      list.map((r) => {
        const other: GNode = { id: r.otherId, labels: r.otherLabels, props: r.otherProps };
        node.prime(other.id, other);
        return { type: r.type, outgoing: r.outgoing, self: r.id, other, props: r.props };
      }),
    );
  });

  const evidence: Loaders['evidence'] = new DataLoader(async (ids) => {
    const rows = await db.read<{ id: string; start: number; end: number; sentenceId: string; sentence: Record<string, unknown> }>('read/evidence-by-node', { ids });
    return groupBy(ids, rows).map((list) => {
      const spans = new Map<string, EvidenceRef>();
      for (const r of list) {
        node.prime(r.sentenceId, { id: r.sentenceId, labels: ['Node', 'Sentence'], props: r.sentence });
        const articleId = String(r.sentence.articleId);
        const key = `${articleId}|${r.start}|${r.end}`;
        const span = spans.get(key) ?? { articleId, start: r.start, end: r.end, sentenceIds: [] };
        span.sentenceIds.push(r.sentenceId);
        spans.set(key, span);
      }
      return [...spans.values()];
    });
  });

  return { node, relationships, evidence };
}
