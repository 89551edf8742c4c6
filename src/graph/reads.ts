/**
 * The reads that root fields and lists make, as typed functions: resolvers call these (or the
 * loaders, through src/graph/traverse.ts) and never name a query. Each returns a Relay
 * connection (paged in Cypher) or plain rows, with the nodes it read primed in the loaders.
 */
import type { GNode, GRel } from '../core/model.js';
import { vocabulary } from '../core/vocabulary.js';
import { queries } from '../db/queries.js';
import type { Context } from './context.js';
import { followTypes, type Follow } from './loaders.js';
import { pageFromDb, requireNodes, type ConnectionArgs } from './traverse.js';

export function entitiesPage(ctx: Context, filter: { kind: string | null; name: string | null; desc: boolean }, args: ConnectionArgs) {
  return pageFromDb(ctx, queries.entities, filter, args);
}

/** Facts of one label (Event, Motion), optionally of one article, status and type, in timeline order. */
export function factsPage(
  ctx: Context,
  filter: { label: 'Event' | 'Motion'; articleId: string | null; status: string | null; type: string | null },
  args: ConnectionArgs,
) {
  return pageFromDb(ctx, queries.factsByLabel, filter, args, { article: filter.articleId });
}

export function articlesPage(ctx: Context, args: ConnectionArgs) {
  return pageFromDb(ctx, queries.articles, {}, args);
}

export function sentencesPage(ctx: Context, articleId: string, args: ConnectionArgs) {
  return pageFromDb(ctx, queries.sentencesOfArticle, { articleId }, args);
}

/** Statements filtered by speaker, target and stance, mode and article, starting from the most selective node given. */
export function statementsPage(
  ctx: Context,
  filter: { speaker: string | null; about: string | null; stance: string | null; mode: string | null; articleId: string | null },
  args: ConnectionArgs,
  follow: Follow[],
) {
  const { speaker, about, ...rest } = filter;
  const common = { ...rest, followTypes: followTypes(follow) };
  const keys = { speaker, about, article: filter.articleId };
  if (about) return pageFromDb(ctx, queries.statementsAbout, { ...common, about, speaker }, args, keys, follow);
  if (speaker) return pageFromDb(ctx, queries.statementsBy, { ...common, speaker }, args, keys, follow);
  return pageFromDb(ctx, queries.statements, common, args, keys, follow);
}

export async function articleCount(ctx: Pick<Context, 'db'>): Promise<number> {
  const [row] = await ctx.db.read(queries.articleCount, {});
  return row?.articles ?? 0;
}

/** Full-text hits, best first, each node primed in the node loader. */
export async function searchNodes(
  ctx: Context,
  luceneQuery: string,
  limit: number,
  kinds: ('ENTITY' | 'STATEMENT' | 'FACT')[],
): Promise<{ node: GNode; score: number }[]> {
  const rows = await ctx.db.read(queries.search, { query: luceneQuery, limit, kinds });
  return rows.map(({ score, ...node }) => {
    ctx.loaders.node.prime(node.id, node);
    return { node, score };
  });
}

/** How many relationships of each type the graph holds. */
export async function relationshipCounts(ctx: Context): Promise<Map<string, number>> {
  const rows = await ctx.db.read(queries.relationshipCounts, {});
  return new Map(rows.map((r) => [r.type, r.count]));
}

export interface Chain {
  nodes: GNode[];
  relationships: GRel[];
}

/** How many equally short chains cypher/read/path.cypher ranks at most; past it, which ones is up to Neo4j. */
export const PATH_CANDIDATES = 100;

/**
 * "How is A connected to B": the shortest chains between two nodes, clearest first. A chain
 * is clearer the more of its steps are direct relationships (SUPPORTED, LEADS, …) rather than
 * the structure of a fact (SAID_BY, ABOUT, HOLDS …); chains that differ only in which fact of
 * the same kind they pass through (two statements of one speaker about the same person) are
 * near-duplicates, and only the clearest of them is kept. Ties are broken by the keys along
 * the chain, so answers are stable.
 */
export async function shortestChains(ctx: Context, from: string, to: string, maxHops: number, first: number): Promise<Chain[]> {
  if (from === to) {
    await requireNodes(ctx, { from });
    return [];
  }
  const rows = await ctx.db.read(queries.path(maxHops), {
    from,
    to,
    candidates: PATH_CANDIDATES,
    structural: vocabulary().structuralTypes,
    first,
  });
  if (!rows.length) await requireNodes(ctx, { from, to });
  return rows.map((row) => {
    row.nodes.forEach((n) => ctx.loaders.node.prime(n.id, n));
    return {
      nodes: row.nodes,
      relationships: row.rels.map((r, i) => {
        const self = row.nodes[i]!;
        return { type: r.type, outgoing: r.from === self.id, self: self.id, other: row.nodes[i + 1]!, props: r.props };
      }),
    };
  });
}
