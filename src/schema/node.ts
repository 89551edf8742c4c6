/**
 * The Node interface (Relay global ids) and lookups that take either a global id or a
 * stable key such as "person:jeremy-corbyn": users type keys, clients keep global ids.
 */
import { decodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../builder.js';
import { apiError } from '../errors.js';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../graph/context.js';
import { prefetchPages } from '../graph/lookahead.js';
import type { GNode } from '../core/model.js';
import { NodeRef } from './refs.js';

const typeNames = new Set([
  'Article',
  'Sentence',
  'Person',
  'Organisation',
  'Place',
  'Group',
  'AnonymousSource',
  'Role',
  'Event',
  'Motion',
  'Vote',
  'Statement',
]);

/** The stable key behind a global id, or the argument itself when it already is a key; `argument` names it in the error. */
export function toKey(idOrKey: string, argument = 'id'): string {
  if (/^[a-z]+:/.test(idOrKey)) return idOrKey;
  try {
    const { typename, id } = decodeGlobalID(idOrKey);
    if (typeNames.has(typename)) return id;
  } catch {
    // not a global id: fall through to the error below
  }
  throw apiError(
    'BAD_USER_INPUT',
    `\`${argument}\`: "${idOrKey.slice(0, 100)}" is neither a global id nor a key such as "person:jeremy-corbyn".`,
    { argument },
  );
}

/**
 * The node behind a key or global id, when it carries `label`; null otherwise. Given the
 * root field's `info`, the pages of relationships selected on the node are read with it
 * (src/graph/lookahead.ts).
 */
export async function loadByKey(ctx: Context, idOrKey: string, label: string, info?: GraphQLResolveInfo): Promise<GNode | null> {
  const key = toKey(idOrKey);
  if (info) await prefetchPages(ctx, info, key);
  const node = await ctx.loaders.node.load(key);
  return node?.labels.includes(label) ? node : null;
}

/** A vote as the news puts it: the winning side's count first ("rejected by 23 votes to 14"). */
function voteLabel(p: Record<string, unknown>): string {
  const { votesFor: yes, votesAgainst: no, outcome } = p as { votesFor: number | null; votesAgainst: number | null; outcome: string };
  if (yes === null || no === null || yes === undefined || no === undefined) return `vote: ${outcome}`;
  if (outcome === 'tied') return `tied at ${yes} votes each`;
  return `${outcome} by ${Math.max(yes, no)} votes to ${Math.min(yes, no)}`;
}

export function displayName(n: GNode): string {
  const p = n.props;
  if (n.labels.includes('Vote')) return voteLabel(p);
  return String(p.name ?? p.title ?? (p.text !== undefined && n.labels.includes('Statement') ? `“${p.text}”` : undefined) ?? n.id);
}

builder.interfaceFields(NodeRef, (t) => ({
  key: t.string({
    description: 'The stable key of this node, e.g. "person:jeremy-corbyn"; shared by every article that names it.',
    resolve: (n) => (n as GNode).id,
  }),
  label: t.string({
    description: 'A human-readable name for this node (name, title or quoted text).',
    resolve: (n) => displayName(n as GNode),
  }),
}));

/** Options shared by every node type: its key as id, loading through the node loader. */
export function nodeOptions(label: string) {
  return {
    id: { resolve: (n: GNode) => n.id },
    isTypeOf: (value: unknown) =>
      typeof value === 'object' && value !== null && Array.isArray((value as GNode).labels) && (value as GNode).labels.includes(label),
    loadMany: async (ids: string[], ctx: Context) =>
      (await ctx.loaders.node.loadMany(ids)).map((n) => (n && !(n instanceof Error) && n.labels.includes(label) ? n : null)),
  };
}
