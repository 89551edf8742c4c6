/**
 * Looking ahead at what a request selects, so that one Cypher query answers more than one
 * level of it. The DataLoaders cost one query per level; two levels are common enough to
 * fold into the level above:
 * - an entity's pages of relationships (`entity(id:) { roles(first: 10) … }`): the root
 *   field reads each page together with the entity (`prefetchPages`);
 * - a field that reads one type of relationship of each item of a page (a role's `in`, a
 *   statement's `speaker`): the page query also reads those relationships; and the nodes a
 *   page's relationships name (`via`, the sentences of their evidence) when those are asked
 *   for (`pageHints`).
 * What is read ahead primes the loaders with the very keys the resolvers below will ask
 * for, so an answer is the same with or without it; a selection this module does not
 * understand is simply not read ahead.
 *
 * Fields say how they read through GraphQL field extensions, set where they are defined:
 * `relatedField(type, direction, gives)` for a field that reads all of one type of
 * relationship, `linkedExtension` for a Relationship field that reads the nodes it names, and
 * `pageExtension(of, nodesAt)` for a connection over one type.
 *
 * A failed read ahead is not an error: the resolvers below then ask for themselves, and
 * report their own failure at their own path.
 */
import { offsetForArgs } from '@pothos/plugin-relay';
import {
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isInterfaceType,
  isObjectType,
  Kind,
  type DirectiveNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import type { Context } from './context.js';
import type { GNode, GRel } from '../core/model.js';
import { LIST_CAP, pageKey, uniqueFollows, type Direction, type Follow, type PageHints, type PageOf, type RelPageKey } from './loaders.js';
import { checkPage, PAGE, related } from './traverse.js';

interface LookaheadExtensions {
  follow?: Follow;
  linked?: true;
  /** `nodesAt`: where the page's items are: the edge's node, or the `other` of the edge's Relationship. */
  page?: { of: (args: Record<string, unknown>) => PageOf | null; nodesAt: 'node' | 'other' };
}

const gives = {
  first: (rels: GRel[]) => rels[0]?.other ?? null,
  nodes: (rels: GRel[]) => rels.map((r) => r.other),
  relationships: (rels: GRel[]) => rels,
};

/**
 * Options for a field that reads a node's relationships of one type and direction: the
 * first node at the other end (`first`), every node (`nodes`) or every relationship
 * (`relationships`), at most `cap` of them (LIST_CAP or fewer; the cost model prices the
 * list at `cap`, src/builder.ts). They also tell looking ahead what the field reads, so that a
 * page of such nodes can read it for all of them at once.
 */
export function relatedField<G extends keyof typeof gives>(type: string, direction: Direction, give: G, cap = LIST_CAP) {
  return {
    extensions: { lookahead: { follow: { type, direction } } satisfies LookaheadExtensions, listCap: cap },
    resolve: async (n: GNode, _a: unknown, ctx: Context) =>
      gives[give]((await related(ctx, n.id, [type], direction)).slice(0, cap)) as ReturnType<(typeof gives)[G]>,
  };
}

/** Field extensions for a Relationship field that reads the nodes the relationship names. */
export const linkedExtension = { extensions: { lookahead: { linked: true } satisfies LookaheadExtensions } };

/** Field extensions for a connection over a node's relationships of one type. */
export const pageExtension = (of: (args: Record<string, unknown>) => PageOf | null, nodesAt: 'node' | 'other') => ({
  extensions: { lookahead: { page: { of, nodesAt } } satisfies LookaheadExtensions },
});

interface Selected {
  node: FieldNode;
  def: GraphQLField<unknown, unknown>;
}

const lookaheadOf = (def: GraphQLField<unknown, unknown>) => def.extensions?.lookahead as LookaheadExtensions | undefined;

/**
 * The fields selected in `nodes`' selection sets on type `typeName`, through fragments and
 * type conditions, minus what @skip/@include leave out. A type condition is followed whatever
 * the node's type turns out to be: at worst, something is read ahead that is not used.
 */
function selected(info: GraphQLResolveInfo, nodes: readonly FieldNode[], typeName: string): Selected[] {
  const found: Selected[] = [];
  const included = (node: { readonly directives?: readonly DirectiveNode[] }) =>
    getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
  const visit = (set: SelectionSetNode | undefined, type: string) => {
    for (const s of set?.selections ?? []) {
      if (!included(s)) continue;
      if (s.kind === Kind.FIELD) {
        const t = info.schema.getType(type);
        const def = isObjectType(t) || isInterfaceType(t) ? t.getFields()[s.name.value] : undefined;
        if (def) found.push({ node: s, def });
      } else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet, s.typeCondition?.name.value ?? type);
      else {
        const fragment = info.fragments[s.name.value];
        if (fragment) visit(fragment.selectionSet, fragment.typeCondition.name.value);
      }
    }
  };
  for (const node of nodes) visit(node.selectionSet, typeName);
  return found;
}

/** The fields selected at the end of `path` (field names) below `nodes` of type `typeName`. */
function selectedAt(info: GraphQLResolveInfo, nodes: readonly FieldNode[], typeName: string, path: string[]): Selected[] {
  let level = [{ nodes, typeName }];
  for (const name of path) {
    level = level.flatMap(({ nodes: n, typeName: t }) =>
      selected(info, n, t)
        .filter((s) => s.def.name === name)
        .map((s) => ({ nodes: [s.node], typeName: getNamedType(s.def.type).name })),
    );
  }
  return level.flatMap(({ nodes: n, typeName: t }) => selected(info, n, t));
}

/** What to read ahead for each item of a connection page, from what is selected of its items. */
function hintsBelow(info: GraphQLResolveInfo, nodes: readonly FieldNode[], connectionType: string, nodesAt: 'node' | 'other'): PageHints {
  const items = selectedAt(info, nodes, connectionType, nodesAt === 'node' ? ['edges', 'node'] : ['edges', 'node', 'other']);
  const follow = uniqueFollows(items.flatMap(({ def }) => lookaheadOf(def)?.follow ?? []));
  const linked =
    nodesAt === 'other' && selectedAt(info, nodes, connectionType, ['edges', 'node']).some(({ def }) => lookaheadOf(def)?.linked);
  return { follow, linked };
}

/** For a connection resolver: what to read ahead for the items of its page, from `info`. */
export function pageHints(info: GraphQLResolveInfo): PageHints {
  const nodesAt = lookaheadOf(info.parentType.getFields()[info.fieldName]!)?.page?.nodesAt;
  return nodesAt ? hintsBelow(info, info.fieldNodes, getNamedType(info.returnType).name, nodesAt) : { follow: [], linked: false };
}

/**
 * For a root field that returns the node `id`: reads the pages of relationships selected on
 * it (with what to read ahead for their items) and the node itself, a query per page, and
 * primes the loaders with them; the node loader then has the node, when it exists.
 */
export async function prefetchPages(ctx: Context, info: GraphQLResolveInfo, id: string): Promise<void> {
  // One key per page: a page selected twice (say, directly and in a fragment) reads ahead
  // what either selection needs.
  const keys = new Map<string, RelPageKey & { hints: PageHints }>();
  for (const { node, def } of selected(info, info.fieldNodes, getNamedType(info.returnType).name)) {
    const page = lookaheadOf(def)?.page;
    if (!page) continue;
    try {
      const args = getArgumentValues(def, node, info.variableValues);
      const of = page.of(args);
      if (!of) continue;
      checkPage(args);
      const { offset, limit } = offsetForArgs({ args, ...PAGE });
      const hints = hintsBelow(info, [node], getNamedType(def.type).name, page.nodesAt);
      const key = {
        id,
        type: of.type,
        direction: of.direction,
        stance: of.stance ?? null,
        status: of.status ?? null,
        offset,
        limit,
        hints,
      };
      const same = keys.get(pageKey(key));
      if (same) same.hints = { follow: uniqueFollows([...same.hints.follow, ...hints.follow]), linked: same.hints.linked || hints.linked };
      else keys.set(pageKey(key), key);
    } catch {
      // Arguments the resolver will refuse with a clear error: nothing to read ahead.
    }
  }
  // The node once, with the first page.
  const loads = [...keys.values()].map((key, i) =>
    ctx.loaders.relationshipPages.load({ ...key, hints: { ...key.hints, withNode: i === 0 } }),
  );
  await Promise.allSettled(loads);
}
