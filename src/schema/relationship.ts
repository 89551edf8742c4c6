/**
 * Relationships as typed edges, and traversal from any node: its relationships (type,
 * direction, properties, evidence, the node at the other end), its neighbours, and the
 * stance questions "who supported / opposed this" with the fact behind each answer.
 */
import { builder } from '../builder.js';
import type { Context } from '../graph/context.js';
import { decodeRelEvidence, type EvidenceRef } from '../core/ids.js';
import type { GRel } from '../core/model.js';
import { linkedExtension, pageExtension, pageHints } from '../graph/lookahead.js';
import { vocabulary } from '../core/vocabulary.js';
import { EVIDENCE_FOR_FACT, type Direction } from '../graph/loaders.js';
import { pageOf, related, relationshipPage, typesPage } from '../graph/traverse.js';
import { DirectionEnum, StanceEnum } from './enums.js';
import { EvidenceType, NodeRef, RelationshipRef } from './refs.js';
import { checkRelationTypes } from './vocabulary.js';

/**
 * A relationship's evidence: its own spans when it has them (direct relationships, parts in
 * events and votes); else that of the fact it rests on (`via`); else that of the fact at
 * either end (SAID_BY, ABOUT and other parts of a fact share the fact's evidence).
 */
async function evidenceOf(r: GRel, ctx: Context): Promise<EvidenceRef[]> {
  const own = decodeRelEvidence(r.props);
  const spans = own.length
    ? own
    : await ctx.loaders.evidence.load(
        typeof r.props.via === 'string' ? r.props.via : r.other.labels.includes('Fact') ? r.other.id : r.self,
      );
  return spans.slice(0, EVIDENCE_FOR_FACT);
}

const asString = (v: unknown) => (typeof v === 'string' ? v : null);

RelationshipRef.implement({
  description: 'One relationship of the graph, seen from the node it was reached from.',
  fields: (t) => ({
    type: t.string({
      description: 'What kind of relationship it is: a type of `relationTypes` ("SUPPORTED", "HOLDS").',
      resolve: (r) => r.type,
    }),
    reads: t.string({
      description:
        'How it reads from the node you asked from: the type\'s `forward` reading when it points away from it, else its `reverse` ("was criticised by").',
      resolve: (r) => {
        const def = vocabulary().relationTypes.get(r.type);
        return def ? (r.outgoing ? def.forward : def.reverse) : r.type;
      },
    }),
    direction: t.field({
      type: DirectionEnum,
      description: 'OUTGOING when it points from the node you asked from to `other`.',
      resolve: (r) => (r.outgoing ? 'OUTGOING' : 'INCOMING'),
    }),
    from: t.field({
      type: NodeRef,
      nullable: true,
      description: 'Where it starts.',
      resolve: (r, _a, ctx) => ctx.loaders.node.load(r.outgoing ? r.self : r.other.id),
    }),
    to: t.field({
      type: NodeRef,
      nullable: true,
      description: 'Where it ends.',
      resolve: (r, _a, ctx) => ctx.loaders.node.load(r.outgoing ? r.other.id : r.self),
    }),
    other: t.field({ type: NodeRef, description: 'The node at the other end from the one you asked from.', resolve: (r) => r.other }),
    via: t.field({
      type: NodeRef,
      nullable: true,
      description: 'The fact this relationship rests on (a statement, vote, motion, event or role), if any.',
      ...linkedExtension,
      resolve: (r, _a, ctx) => (typeof r.props.via === 'string' ? ctx.loaders.node.load(r.props.via) : null),
    }),
    derived: t.boolean({
      description: 'True when the loader derived it from a fact (a stance, a vote, a proposer) rather than the seed stating it.',
      resolve: (r) => r.props.derived === true,
    }),
    role: t.string({
      nullable: true,
      description: 'For PARTICIPATED_IN: what the participant did.',
      resolve: (r) => asString(r.props.role),
    }),
    position: t.string({ nullable: true, description: 'For VOTED: FOR, AGAINST or ABSTAIN.', resolve: (r) => asString(r.props.position) }),
    stance: t.field({
      type: StanceEnum,
      nullable: true,
      description: "For ABOUT: the statement's stance toward its target.",
      resolve: (r) => asString(r.props.stance) as never,
    }),
    evidence: t.field({
      type: [EvidenceType],
      description: 'The words of the article this relationship comes from (at most 5 spans).',
      ...linkedExtension,
      resolve: (r, _a, ctx) => evidenceOf(r, ctx),
    }),
  }),
});

/** One actor on a side, with every relationship that puts it there. */
interface Side {
  actor: GRel['other'];
  grounds: GRel[];
}

/** The most grounds listed for one actor (priced so in src/builder.ts); `groundsCount` counts them all. */
const MAX_GROUNDS = 10;

const SideRef = builder.objectRef<Side>('Side').implement({
  description: 'One actor for or against a node, with every relationship that says so.',
  fields: (t) => ({
    actor: t.field({ type: NodeRef, description: 'Who (or what) is on this side.', resolve: (s) => s.actor }),
    groundsCount: t.int({
      description: 'How many relationships put it on this side (all of them, where `grounds` lists the first 10).',
      resolve: (s) => s.grounds.length,
    }),
    grounds: t.field({
      type: [RelationshipRef],
      description:
        'The relationships that put it there (`type`, `via` the fact, `evidence` the words): the first 10; `groundsCount` counts all.',
      resolve: (s) => s.grounds.slice(0, MAX_GROUNDS),
    }),
  }),
});

/** Everyone with a relationship of a `stance` type pointing at `id`, each once with its grounds; most grounds first. */
async function sidesOf(ctx: Context, id: string, stance: 'SUPPORT' | 'OPPOSE'): Promise<Side[]> {
  const types = new Set(vocabulary().stanceTypes[stance]);
  const by = new Map<string, Side>();
  for (const r of await related(ctx, id, null, 'INCOMING')) {
    if (!types.has(r.type) || r.other.id === id) continue;
    const side = by.get(r.other.id) ?? { actor: r.other, grounds: [] };
    side.grounds.push(r);
    by.set(r.other.id, side);
  }
  return [...by.values()].sort((a, b) => b.grounds.length - a.grounds.length || (a.actor.id < b.actor.id ? -1 : 1));
}

builder.interfaceFields(NodeRef, (t) => {
  const sides = (stance: 'SUPPORT' | 'OPPOSE', description: string) =>
    t.connection({
      type: SideRef,
      description,
      resolve: async (n, args, ctx) => pageOf(args, await sidesOf(ctx, (n as { id: string }).id, stance)),
    });
  const stance = (type: 'SUPPORTED' | 'OPPOSED', direction: Direction, description: string) => {
    const of = () => ({ type, direction });
    return t.connection({
      type: RelationshipRef,
      description,
      ...pageExtension(of, 'other'),
      resolve: (n, args, ctx, info) => relationshipPage(ctx, (n as { id: string }).id, args, of(), pageHints(info)),
    });
  };
  // One type is paged in Cypher; several (or all) are read whole and paged here, or on a hub paged type by type (typesPage).
  const relationshipsOf = (args: { types?: unknown; direction?: unknown }) => {
    const types = args.types as string[] | null | undefined;
    return types?.length === 1 && vocabulary().allTypes.includes(types[0]!)
      ? { type: types[0]!, direction: (args.direction as Direction | null | undefined) ?? 'BOTH' }
      : null;
  };
  return {
    relationships: t.connection({
      type: RelationshipRef,
      description: "This node's relationships, optionally of some types and one direction.",
      args: {
        types: t.arg.stringList({ required: false, description: 'Only these types (default: all), names of `relationTypes`.' }),
        direction: t.arg({
          type: DirectionEnum,
          required: false,
          defaultValue: 'BOTH',
          description: 'Only this direction (default: BOTH).',
        }),
      },
      ...pageExtension(relationshipsOf, 'other'),
      resolve: async (n, args, ctx, info) => {
        const id = (n as { id: string }).id;
        if (args.types) checkRelationTypes(args.types);
        const of = relationshipsOf(args);
        return of
          ? relationshipPage(ctx, id, args, of, pageHints(info))
          : typesPage(ctx, id, args, args.types ?? null, args.direction ?? 'BOTH');
      },
    }),
    neighbours: t.connection({
      type: NodeRef,
      description: 'The distinct nodes one relationship away.',
      resolve: async (n, args, ctx) => {
        const seen = new Map<string, GRel['other']>();
        for (const r of await related(ctx, (n as { id: string }).id, null, 'BOTH')) seen.set(r.other.id, r.other);
        return pageOf(args, [...seen.values()]);
      },
    }),
    supporters: stance(
      'SUPPORTED',
      'INCOMING',
      'Who supported this, each with the statement, vote or act behind it (`via`) and its evidence.',
    ),
    opponents: stance('OPPOSED', 'INCOMING', 'Who opposed this, each with the statement, vote or act behind it (`via`) and its evidence.'),
    supported: stance('SUPPORTED', 'OUTGOING', 'What this supported, each with the fact behind it.'),
    opposed: stance('OPPOSED', 'OUTGOING', 'What this opposed, each with the fact behind it.'),
    distinctSupporters: sides(
      'SUPPORT',
      "Everyone on this node's side, each once, with all the grounds: every relationship of a SUPPORT type of `relationTypes` (SUPPORTED, PROPOSED, PRAISED, …) that points at it, with the fact and words behind it. Most grounds first.",
    ),
    distinctOpponents: sides(
      'OPPOSE',
      'Everyone against this node, each once, with all the grounds: every relationship of an OPPOSE type (OPPOSED, CRITICISED, votes against, acts such as REMOVED_WHIP_FROM) that points at it. Most grounds first.',
    ),
  };
});
