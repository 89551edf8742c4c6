/**
 * Per-request DataLoaders: every field at one depth of a query asks its loader, and the
 * loader sends one batched Cypher query for all of them, so a request costs one round trip
 * per depth level rather than one per object (no N+1). Loaders that read a node's
 * neighbours also prime the node loader with them, so resolving `other` costs nothing.
 * Page keys may carry hints from looking ahead (src/graph/lookahead.ts): read the node too,
 * and follow relationships from the page's items; what those read primes the loaders.
 */
import DataLoader from 'dataloader';
import type { GraphReader } from '../db/graph-db.js';
import { queries, type FollowedRel, type RelRow } from '../db/queries.js';
import type { EvidenceRef } from '../core/ids.js';
import type { GNode, GRel } from '../core/model.js';

export interface Loaders {
  node: DataLoader<string, GNode | null>;
  relationships: DataLoader<string, GRel[]>;
  relationshipPages: DataLoader<RelPageKey, { total: number; page: GRel[] }, string>;
  evidence: DataLoader<string, EvidenceRef[]>;
  /**
   * Primes the relationship loader with what a page query followed from the node `id`
   * (`follows` of a page row, cypher/fragments/follows.cypher: every relationship of the
   * types in `follow`, or null when the node was not followed), split by type and direction.
   */
  primeFollowed(id: string, follow: Follow[], follows: FollowedRel[] | null | undefined): void;
}

export type Direction = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** One type of relationship in one direction, read in full for each item of a page. */
export interface Follow {
  type: string;
  direction: Direction;
}

/** Which relationships a connection pages through, from its arguments; null when it pages through no single type. */
export interface PageOf {
  type: string;
  direction: Direction;
  stance?: string | null;
  status?: string | null;
}

/** What a page query reads ahead for its items (see RelPageKey). */
export interface PageHints {
  follow: Follow[];
  /** Read the nodes each relationship of the page names (`via`, evidence sentences). */
  linked: boolean;
}

/** Each type and direction once. */
export const uniqueFollows = (follows: Follow[]): Follow[] => [...new Map(follows.map((f) => [`${f.type}|${f.direction}`, f])).values()];

/** `$followTypes` for cypher/fragments/follows.cypher: the types to expand. */
export const followTypes = (follows: Follow[]): string[] => [...new Set(follows.map((f) => f.type))];

/** One page of a node's relationships of one type, in one direction, optionally with one stance (of the relationship) or status (of the other end). */
export interface RelPageKey {
  id: string;
  type: string;
  direction: 'OUTGOING' | 'INCOMING' | 'BOTH';
  stance: string | null;
  status: string | null;
  offset: number;
  limit: number;
  /** Read ahead (not part of the key): the node itself, relationships of each page item, the nodes each relationship names. */
  hints?: { withNode?: boolean; follow?: Follow[]; linked?: boolean };
}

/** The limit that asks for every relationship at once. */
export const ALL = 2 ** 31 - 1;

const pageQuery = (k: RelPageKey) => `${k.type}|${k.direction}|${k.stance ?? ''}|${k.status ?? ''}|${k.offset}|${k.limit}`;
/** The cache key of a page: everything but the hints. */
export const pageKey = (k: RelPageKey) => `${k.id}|${pageQuery(k)}`;

/** Nulls after values, as Cypher's ascending ORDER BY puts them. */
const compare = (a: unknown, b: unknown): number =>
  a === b
    ? 0
    : a === null || a === undefined
      ? 1
      : b === null || b === undefined
        ? -1
        : (a as string | number) < (b as string | number)
          ? -1
          : 1;
/**
 * The order relationship-pages.cypher gives: facts at the other end in article order (article,
 * position), then by the other end's key, then the relationship's.
 */
const inPageOrder = (a: FollowedRel, b: FollowedRel) =>
  compare(a.otherProps.articleId, b.otherProps.articleId) ||
  compare(a.otherProps.position, b.otherProps.position) ||
  compare(a.otherId, b.otherId) ||
  compare(String(a.props.id ?? ''), String(b.props.id ?? ''));

const groupBy = <T extends { id: string }>(ids: readonly string[], rows: T[]) => {
  const by = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) by.get(row.id)?.push(row);
  return ids.map((id) => by.get(id)!);
};

export function createLoaders(db: GraphReader): Loaders {
  const node: Loaders['node'] = new DataLoader(async (ids) => {
    const rows = await db.read(queries.nodesById, { ids: [...ids] });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  /** A relationship row as seen from `self`; the node at its other end primes the node loader. */
  const toRel = (self: string, r: FollowedRel): GRel => {
    const other: GNode = { id: r.otherId, labels: r.otherLabels, props: r.otherProps };
    node.prime(other.id, other);
    return { type: r.type, outgoing: r.outgoing, self, other, props: r.props };
  };

  // As relationship-pages.cypher would give them: a self-loop counts as outgoing, and twice
  // when both directions are asked for (once each way).
  const primeFollowed: Loaders['primeFollowed'] = (id, follow, follows) => {
    if (!follows) return;
    for (const f of follow) {
      const ofType = follows.filter((r) => r.type === f.type);
      const rels =
        f.direction === 'OUTGOING'
          ? ofType.filter((r) => r.outgoing)
          : f.direction === 'INCOMING'
            ? ofType.filter((r) => !r.outgoing || r.otherId === id)
            : [...ofType, ...ofType.filter((r) => r.otherId === id)];
      const page = rels.sort(inPageOrder).map((r) => toRel(id, r));
      relationshipPages.prime(
        { id, type: f.type, direction: f.direction, stance: null, status: null, offset: 0, limit: ALL },
        { total: page.length, page },
      );
    }
  };

  // Every relationship of a node, for questions about all of them (neighbours, untyped
  // relationships). Questions about some types go through relationshipPages.
  const relationships: Loaders['relationships'] = new DataLoader(async (ids) => {
    const rows = await db.read(queries.relationshipsByNode, { ids: [...ids] });
    return groupBy(ids, rows).map((list) => list.map((r) => toRel(r.id, r)));
  });

  // A node's relationships of one type, a page at a time (connections: a hub's first ten
  // supporters cost ten rows, not all of them) or all at once (offset 0, limit ALL). One query
  // per distinct page shape.
  const relationshipPages: Loaders['relationshipPages'] = new DataLoader(
    async (keys) => {
      const byQuery = new Map<string, RelPageKey[]>();
      for (const key of keys) byQuery.set(pageQuery(key), [...(byQuery.get(pageQuery(key)) ?? []), key]);
      const found = new Map<string, { total: number; page: GRel[] }>();
      await Promise.all(
        [...byQuery.values()].map(async (members) => {
          const { type, direction, stance, status, offset, limit } = members[0]!;
          const ids = [...new Set(members.map((m) => m.id))];
          const withNode = members.some((m) => m.hints?.withNode);
          const linked = members.some((m) => m.hints?.linked);
          const follow = uniqueFollows(members.flatMap((m) => m.hints?.follow ?? []));
          const rows = await db.read(queries.relationshipPages(type), {
            ids,
            direction,
            stance,
            status,
            offset,
            limit,
            withNode,
            followTypes: followTypes(follow),
            linked,
          });
          for (const row of rows) {
            if (row.labels && row.props) node.prime(row.id, { id: row.id, labels: row.labels, props: row.props });
            for (const r of row.page) {
              primeFollowed(r.otherId, follow, r.follows);
              for (const n of r.linked ?? []) node.prime(n.id, n);
            }
            found.set(pageKey({ ...members[0]!, id: row.id }), { total: row.total, page: row.page.map((r) => toRel(row.id, r)) });
          }
        }),
      );
      return keys.map((key) => found.get(pageKey(key)) ?? { total: 0, page: [] });
    },
    { cacheKeyFn: pageKey },
  );

  const evidence: Loaders['evidence'] = new DataLoader(async (ids) => {
    const rows = await db.read(queries.evidenceByNode, { ids: [...ids] });
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

  return { node, relationships, relationshipPages, evidence, primeFollowed };
}
