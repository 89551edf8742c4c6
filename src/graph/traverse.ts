/**
 * Small helpers over the relationship loader: the neighbours of a node by relationship type
 * and direction, and paging of lists held in memory or read a page at a time.
 */
import { PothosValidationError } from '@pothos/core';
import { resolveArrayConnection, resolveOffsetConnection } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import type { GNode, GRel } from '../core/model.js';
import { vocabulary } from '../core/vocabulary.js';
import type { PageRow, Params, Query } from '../db/queries.js';
import { apiError } from '../errors.js';
import type { Context } from './context.js';
import { followTypes, LIST_CAP, type Direction, type Follow, type PageHints, type PageOf, type RelPageKey } from './loaders.js';

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  before?: string | null;
  after?: string | null;
}

/** Page sizes: 20 when unasked, never more than 100. */
export const PAGE = { defaultSize: 20, maxSize: 100 } as const;

/** Refuses a page size out of range (BAD_USER_INPUT naming the argument) rather than clamping it. */
export function checkPage(args: ConnectionArgs): void {
  for (const name of ['first', 'last'] as const) {
    const n = args[name];
    if (n != null && (n < 0 || n > PAGE.maxSize))
      throw apiError('BAD_USER_INPUT', `\`${name}\` must be between 0 and ${PAGE.maxSize}.`, { argument: name });
  }
}

/**
 * A node's relationships of `types` (null: all) in `direction`: of one type, the first
 * LIST_CAP in page order; of several, all of them (callers page or cut them), ordered by type
 * and then as a page of one type is. Of several, a node with more than RELATIONSHIPS_CAP
 * relationships fails with QUERY_TOO_COMPLEX (`limit: 'relationships'`); `typesPage` pages it.
 */
export async function related(ctx: Context, id: string, types: string[] | null, direction: Direction): Promise<GRel[]> {
  // One type (nearly every question): read the first LIST_CAP of just that type. Several: read all and filter.
  if (types?.length === 1)
    return (
      await ctx.loaders.relationshipPages.load({ id, type: types[0]!, direction, stance: null, status: null, offset: 0, limit: LIST_CAP })
    ).page;
  // As a page of one type gives them: a self-loop counts as outgoing, in either direction, and
  // twice when both are asked for (once each way).
  const out: GRel[] = [];
  for (const r of await ctx.loaders.relationships.load(id)) {
    if (types?.length && !types.includes(r.type)) continue;
    const loop = r.other.id === id;
    if (direction !== 'INCOMING' && r.outgoing) out.push(r);
    if (direction !== 'OUTGOING' && (!r.outgoing || loop)) out.push(r);
  }
  return out;
}

/**
 * A connection over a node's relationships of several `types` (null or none: all), in
 * `related`'s order. A node with up to RELATIONSHIPS_CAP relationships (all of them, the text
 * layer left out) is read whole and paged here; a hub is paged from the index of each type
 * (see relationshipPage): each type's total is the degree Neo4j keeps (one query for all
 * types), then only the types the asked page falls in are read, one query each. So its cost
 * follows the page, not the hub's size. Those totals also count links to sentences, articles
 * and nodes outside the graph's kinds, which a whole read leaves out; no such link is of a
 * vocabulary type except an article's and its sentences' PART_OF, and neither is a hub.
 */
export async function typesPage(ctx: Context, id: string, args: ConnectionArgs, types: string[] | null, direction: Direction) {
  checkPage(args);
  try {
    return pageOf(args, await related(ctx, id, types, direction));
  } catch (error) {
    if (!(error instanceof GraphQLError && error.extensions.limit === 'relationships')) throw error;
  }
  const candidates = [...new Set(types?.length ? types : vocabulary().allTypes)].sort();
  const degrees = await ctx.loaders.degrees.load(id);
  const totals = candidates.map((t) => {
    const [outgoing, incoming] = degrees[t] ?? [0, 0];
    return (direction !== 'INCOMING' ? outgoing : 0) + (direction !== 'OUTGOING' ? incoming : 0);
  });
  const totalCount = totals.reduce((a, b) => a + b, 0);
  const key = (type: string, offset: number, limit: number): RelPageKey => ({
    id,
    type,
    direction,
    stance: null,
    status: null,
    offset,
    limit,
  });
  const connection = await resolveOffsetConnection({ args, ...PAGE, totalCount }, async ({ offset, limit }) => {
    const reads: Promise<{ page: GRel[] }>[] = [];
    let start = 0;
    candidates.forEach((type, i) => {
      const end = start + totals[i]!;
      const from = Math.max(offset, start);
      const to = Math.min(offset + limit, end);
      if (from < to) reads.push(ctx.loaders.relationshipPages.load(key(type, from - start, to - from)));
      start = end;
    });
    return (await Promise.all(reads)).flatMap((r) => r.page);
  }).catch((error: unknown) => badCursor(error, args));
  return { ...connection, totalCount };
}

/** Pothos refuses a malformed cursor; say which argument, with the code clients expect. */
function badCursor(error: unknown, args: ConnectionArgs): never {
  if (!(error instanceof PothosValidationError)) throw error;
  const argument = args.after != null ? 'after' : args.before != null ? 'before' : 'first';
  throw apiError('BAD_USER_INPUT', `\`${argument}\`: ${error.message.replace(/ OffsetConnection:$/, '')}.`, { argument });
}

export function pageOf<T>(args: ConnectionArgs, list: readonly T[]) {
  checkPage(args);
  try {
    return { ...resolveArrayConnection({ args, ...PAGE }, list), totalCount: list.length };
  } catch (error) {
    return badCursor(error, args);
  }
}

/**
 * A connection over a node's relationships of one type, paged in Cypher (see the
 * relationshipPages loader): the cost follows the page size, not the node's degree.
 */
export async function relationshipPage(
  ctx: Context,
  id: string,
  args: ConnectionArgs,
  { type, direction, stance = null, status = null }: PageOf,
  hints?: PageHints,
) {
  checkPage(args);
  let totalCount = 0;
  const connection = await resolveOffsetConnection({ args, ...PAGE }, async ({ offset, limit }) => {
    const { total, page } = await ctx.loaders.relationshipPages.load({
      id,
      type,
      direction,
      stance,
      status,
      offset,
      limit,
      ...(hints ? { hints } : {}),
    });
    totalCount = total;
    return page;
  }).catch((error: unknown) => badCursor(error, args));
  return { ...connection, totalCount };
}

/** As relationshipPage, with each edge's node the node at the other end. */
export async function relatedNodesPage(ctx: Context, id: string, args: ConnectionArgs, of: PageOf, hints?: PageHints) {
  const page = await relationshipPage(ctx, id, args, of, hints);
  return { ...page, edges: page.edges.map((edge) => ({ ...edge, node: edge.node.other })) };
}

/**
 * Runs a paged Cypher query (one that returns `total` and `page` for $offset/$limit).
 * `filters` are the keys the query filters by, by argument name: when nothing matches and one
 * of them names no node, that is NOT_FOUND rather than an empty page (checked only then, so
 * a page that has items costs no extra round trip). A query that includes
 * fragments/follows.cypher also reads the relationships in `follow` of each item.
 */
export async function pageFromDb<P extends Params & { offset: number; limit: number }>(
  ctx: Context,
  query: Query<P, PageRow>,
  params: Omit<P, 'offset' | 'limit'>,
  args: ConnectionArgs,
  filters: Record<string, string | null> = {},
  follow: Follow[] = [],
) {
  checkPage(args);
  let totalCount = 0;
  const connection = await resolveOffsetConnection({ args, ...PAGE }, async ({ offset, limit }) => {
    const [row] = await ctx.loaders.readOnce(query, { ...params, offset, limit } as P);
    totalCount = row?.total ?? 0;
    return (row?.page ?? []).map(({ follows, ...node }): GNode => {
      ctx.loaders.primeFollowed(node.id, follow, follows);
      return node;
    });
  }).catch((error: unknown) => badCursor(error, args));
  if (totalCount === 0) await requireNodes(ctx, filters);
  return { ...connection, totalCount };
}

/** Throws NOT_FOUND for the first of `keys` (by argument name) that names no node. */
export async function requireNodes(ctx: Context, keys: Record<string, string | null>): Promise<void> {
  const given = Object.entries(keys).filter((e): e is [string, string] => e[1] !== null);
  const nodes = await ctx.loaders.node.loadMany(given.map(([, key]) => key));
  given.forEach(([argument, key], i) => {
    const node = nodes[i];
    if (node instanceof Error) throw node;
    if (node === null)
      throw apiError('NOT_FOUND', `Nothing in the graph has the key "${key.slice(0, 100)}" (argument \`${argument}\`).`, { argument });
  });
}
