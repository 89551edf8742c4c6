/**
 * The Entity interface (people, organisations, places, groups, anonymous sources) with what
 * a user asks of any of them, and the root fields that find entities.
 */
import { builder } from '../builder.js';
import { apiError } from '../errors.js';
import { pageExtension, pageHints, relatedField } from '../graph/lookahead.js';
import { entitiesPage } from '../graph/reads.js';
import { relatedNodesPage, relationshipPage } from '../graph/traverse.js';
import { StanceEnum } from './enums.js';
import { loadByKey } from './node.js';
import { EntityRef, EventRef, EvidenceType, NodeRef, RelationshipRef, RoleRef, StatementRef } from './refs.js';

export const EntityKindEnum = builder.enumType('EntityKind', {
  description: 'The kinds of entity.',
  values: ['Person', 'Organisation', 'Place', 'Group', 'AnonymousSource'] as const,
});

const RoleStatusEnum = builder.enumType('RoleStatus', {
  description: 'Whether a role is held now.',
  values: ['current', 'former'] as const,
});
// What each connection of an entity pages through, from its arguments.
const rolesOf = (args: { status?: unknown }) => ({
  type: 'HOLDS',
  direction: 'OUTGOING' as const,
  status: (args.status as string | null | undefined) ?? null,
});
const statementsByOf = () => ({ type: 'SAID_BY', direction: 'INCOMING' as const });
const statementsAboutOf = (args: { stance?: unknown }) => ({
  type: 'ABOUT',
  direction: 'INCOMING' as const,
  stance: (args.stance as string | null | undefined) ?? null,
});

const EntityOrderEnum = builder.enumType('EntityOrder', {
  description: 'How to sort entities.',
  values: ['NAME_ASC', 'NAME_DESC'] as const,
});

EntityRef.implement({
  description: 'An actor or place the news is about: a person, organisation, place, group or anonymous source.',
  interfaces: [NodeRef],
  resolveType: (e) => String(e.props.kind),
  fields: (t) => ({
    name: t.string({ description: 'The name the articles give it.', resolve: (e) => String(e.props.name) }),
    aliases: t.stringList({
      description: 'Other names the articles use ("Corbyn", "the former party leader").',
      resolve: (e) => (e.props.aliases as string[] | undefined) ?? [],
    }),
    description: t.string({
      nullable: true,
      description: 'A short description.',
      resolve: (e) => (e.props.description as string | null) ?? null,
    }),
    kind: t.field({ type: EntityKindEnum, description: 'Which kind of entity it is.', resolve: (e) => e.props.kind as never }),
    mentions: t.field({
      type: [EvidenceType],
      description: 'Where the articles mention it: the first 50 mentions, in article order.',
      resolve: (e, _a, ctx) => ctx.loaders.evidence.load(e.id),
    }),
    // A connection: an entity named in thousands of articles holds a role node per article.
    roles: t.connection({
      type: RoleRef,
      description: 'Roles it holds or held, a page at a time.',
      args: { status: t.arg({ type: RoleStatusEnum, required: false, description: 'Only current or only former roles.' }) },
      ...pageExtension(rolesOf, 'node'),
      resolve: (e, args, ctx, info) => relatedNodesPage(ctx, e.id, args, rolesOf(args), pageHints(info)),
    }),
    participations: t.field({
      type: [RelationshipRef],
      description:
        'The events it took part in, each with what it did there (`role`) and the event (`other`): the first 50; `relationships(types: ["PARTICIPATED_IN"])` pages through all.',
      ...relatedField('PARTICIPATED_IN', 'OUTGOING', 'relationships'),
    }),
    events: t.field({
      type: [EventRef],
      description: 'The events it took part in: the first 50; `relationships(types: ["PARTICIPATED_IN"])` pages through all.',
      ...relatedField('PARTICIPATED_IN', 'OUTGOING', 'nodes'),
    }),
    statementsBy: t.connection({
      type: StatementRef,
      description: 'What it said.',
      ...pageExtension(statementsByOf, 'node'),
      resolve: (e, args, ctx, info) => relatedNodesPage(ctx, e.id, args, statementsByOf(), pageHints(info)),
    }),
    statementsAbout: t.connection({
      type: RelationshipRef,
      description: 'Statements about it, each edge with its stance (`stance`) and the statement (`other`).',
      args: { stance: t.arg({ type: StanceEnum, required: false, description: 'Only statements with this stance toward it.' }) },
      ...pageExtension(statementsAboutOf, 'other'),
      resolve: (e, args, ctx, info) => relationshipPage(ctx, e.id, args, statementsAboutOf(args), pageHints(info)),
    }),
  }),
});

builder.queryFields((t) => ({
  entity: t.field({
    type: EntityRef,
    nullable: true,
    description: 'An entity by key ("person:jeremy-corbyn") or global id; null when there is none.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, { id }, ctx, info) => loadByKey(ctx, String(id), 'Entity', info),
  }),
  entities: t.connection({
    type: EntityRef,
    description: 'Entities, optionally of one kind or whose name or alias contains some words.',
    args: {
      kind: t.arg({ type: EntityKindEnum, required: false }),
      name: t.arg.string({ required: false, description: 'Case-insensitive part of a name or alias.' }),
      orderBy: t.arg({ type: EntityOrderEnum, required: false, defaultValue: 'NAME_ASC' }),
    },
    resolve: (_r, args, ctx) => {
      if (args.name && args.name.length > 200)
        throw apiError('BAD_USER_INPUT', '`name` must be at most 200 characters.', { argument: 'name' });
      return entitiesPage(ctx, { kind: args.kind ?? null, name: args.name ?? null, desc: args.orderBy === 'NAME_DESC' }, args);
    },
  }),
}));
