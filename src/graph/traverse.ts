/**
 * Small helpers over the relationship loader: the neighbours of a node by relationship type
 * and direction, and paging of lists held in memory or read a page at a time.
 */
import { resolveArrayConnection, resolveOffsetConnection } from '@pothos/plugin-relay';
import neo4j from 'neo4j-driver';
import type { Context } from '../context.js';
import type { CypherName } from '../db/cypher.js';
import type { GNode, GRel } from './model.js';

export type Direction = 'OUTGOING' | 'INCOMING' | 'BOTH';

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  before?: string | null;
  after?: string | null;
}

/** Page sizes: 20 when unasked, never more than 100. */
export const PAGE = { defaultSize: 20, maxSize: 100 } as const;

export async function related(ctx: Context, id: string, types: string[] | null, direction: Direction): Promise<GRel[]> {
  const rels = await ctx.loaders.relationships.load(id);
  return rels.filter((r) => (!types || types.includes(r.type)) && (direction === 'BOTH' || r.outgoing === (direction === 'OUTGOING')));
}

export async function firstRelated(ctx: Context, id: string, type: string, direction: Direction): Promise<GNode | null> {
  return (await related(ctx, id, [type], direction))[0]?.other ?? null;
}

export function pageOf<T>(args: ConnectionArgs, list: readonly T[]) {
  return { ...resolveArrayConnection({ args, ...PAGE }, list), totalCount: list.length };
}

/** Runs a paged Cypher query (one that returns `total` and `page` for $offset/$limit). */
export async function pageFromDb(ctx: Context, name: CypherName, params: Record<string, unknown>, args: ConnectionArgs) {
  let totalCount = 0;
  const connection = await resolveOffsetConnection({ args, ...PAGE }, async ({ offset, limit }) => {
    const [row] = await ctx.db.read<{ total: number; page: GNode[] }>(name, { ...params, offset: neo4j.int(offset), limit: neo4j.int(limit) });
    totalCount = row?.total ?? 0;
    return row?.page ?? [];
  });
  return { ...connection, totalCount };
}
