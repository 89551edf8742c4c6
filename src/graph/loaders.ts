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
import { queries, type FollowedRel, type Params, type Query } from '../db/queries.js';
import { apiError } from '../errors.js';
import type { EvidenceRef } from '../core/ids.js';
import type { GNode, GRel } from '../core/model.js';

export interface Loaders {
  node: DataLoader<string, GNode | null>;
  /** Every relationship of a node, outside the text layer; fails for a node with more than RELATIONSHIPS_CAP. */
  relationships: DataLoader<string, GRel[]>;
  relationshipPages: DataLoader<RelPageKey, { total: number; page: GRel[] }, string>;
  evidence: DataLoader<string, EvidenceRef[]>;
  /** A node's relationships counted by type: [outgoing, incoming], from the counts Neo4j keeps. */
  degrees: DataLoader<string, Record<string, [number, number]>>;
  /**
   * Primes the relationship loader with what a page query followed from the node `id`
   * (`follows` of a page row, cypher/fragments/follows.cypher: every relationship of the
   * types in `follow`, or null when the node was not followed), split by type and direction.
   */
  primeFollowed(id: string, follow: Follow[], follows: FollowedRel[] | null | undefined): void;
  /**
   * Runs a read once per request for the same query and parameters: a page asked under each
   * item of a list (970 copies of one id in `nodes(ids:)`) costs one query, not one per item.
   */
  readOnce<P extends Params, R>(query: Query<P, R>, params: P): Promise<R[]>;
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

/**
 * The most relationships of one type a plain list (a field without `first`, such as an
 * organisation's `members`) reads and returns; src/builder.ts prices such a list at this many
 * items, so the cost limit bounds the answer. Connections page through the rest.
 */
export const LIST_CAP = 50;

/**
 * The most relationships a question about all or several types of a node's relationships
 * reads (`relationships` without one type, `neighbours`, `distinctSupporters`, …): past it,
 * such a question is refused with QUERY_TOO_COMPLEX (`limit: 'relationships'`) before any is
 * read, and one type at a time pages through any number from an index. The first article's
 * most connected entity has 74.
 */
export const RELATIONSHIPS_CAP = 1000;

/**
 * The most spans of evidence read for one node (an entity's `mentions`; a fact's own
 * `evidence` is priced and cut lower, src/builder.ts) and sentences read for one span.
 */
export const EVIDENCE_CAP = { spans: 50, sentences: 10 };

/** The most spans of evidence a fact's or a relationship's `evidence` gives (a fact is told in a few). */
export const EVIDENCE_FOR_FACT = 5;

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

export function createLoaders(db: GraphReader, { relationshipsCap = RELATIONSHIPS_CAP }: { relationshipsCap?: number } = {}): Loaders {
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
      const page = rels
        .sort(inPageOrder)
        .slice(0, LIST_CAP)
        .map((r) => toRel(id, r));
      relationshipPages.prime(
        { id, type: f.type, direction: f.direction, stance: null, status: null, offset: 0, limit: LIST_CAP },
        { total: rels.length, page },
      );
    }
  };

  // Every relationship of a node, for questions about all of them (neighbours, untyped
  // relationships). Questions about one type go through relationshipPages.
  const relationships: Loaders['relationships'] = new DataLoader(async (ids): Promise<(GRel[] | Error)[]> => {
    const rows = await db.read(queries.relationshipsByNode, { ids: [...ids], cap: relationshipsCap });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => {
      const row = byId.get(id);
      if (!row) return [];
      if (row.degree > relationshipsCap)
        return apiError(
          'QUERY_TOO_COMPLEX',
          `${id} has about ${row.degree} relationships, more than the ${relationshipsCap} read to answer a question about all of them at once (neighbours, distinctSupporters, distinctOpponents); page through them with relationships(first:), or ask about one type (supporters, roles, relationships(types: ["SUPPORTED"]), …).`,
          { limit: 'relationships', max: relationshipsCap, actual: row.degree },
        );
      return row.rels.map((r) => toRel(id, r));
    });
  });

  // A node's relationships of one type, a page at a time (connections: a hub's first ten
  // supporters cost ten rows, not all of them; plain lists: the first LIST_CAP). One query
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
    const rows = await db.read(queries.evidenceByNode, { ids: [...ids], spans: EVIDENCE_CAP.spans, sentences: EVIDENCE_CAP.sentences });
    return groupBy(ids, rows).map((list) =>
      list.map((r) => {
        for (const s of r.sentences) node.prime(s.id, { id: s.id, labels: ['Node', 'Sentence'], props: s.props });
        return { articleId: r.articleId, start: r.start, end: r.end, sentenceIds: r.sentences.map((s) => s.id) };
      }),
    );
  });

  const degrees: Loaders['degrees'] = new DataLoader(async (ids) => {
    const byId = new Map((await db.read(queries.degrees, { ids: [...ids] })).map((r) => [r.id, r.degrees]));
    return ids.map((id) => byId.get(id) ?? {});
  });

  const reads = new Map<string, Promise<unknown[]>>();
  const readOnce: Loaders['readOnce'] = (query, params) => {
    const key = `${query.name}\u0000${JSON.stringify(params)}`;
    if (!reads.has(key)) reads.set(key, db.read(query, params));
    return reads.get(key)! as Promise<never[]>;
  };

  return { node, relationships, relationshipPages, evidence, degrees, primeFollowed, readOnce };
}
