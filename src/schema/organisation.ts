/** Organisations: parties, unions, committees, commissions, outlets, governments. */
import { builder } from '../builder.js';
import { firstRelated, related } from '../graph/traverse.js';
import { nodeOptions } from './node.js';
import { EntityRef, OrganisationRef, RoleRef } from './refs.js';

builder.node(OrganisationRef, {
  ...nodeOptions('Organisation'),
  interfaces: [EntityRef],
  description: 'An organisation: a party, union, committee, commission, outlet, government or company.',
  fields: (t) => ({
    type: t.string({ description: 'party, union, committee, commission, outlet, government, parliamentary-group, company or other.', resolve: (o) => String(o.props.type) }),
    partOf: t.field({ type: OrganisationRef, nullable: true, description: 'The organisation this one is part of (the NEC is part of the Labour Party).', resolve: (o, _a, ctx) => firstRelated(ctx, o.id, 'PART_OF', 'OUTGOING') }),
    parts: t.field({ type: [OrganisationRef], description: 'Organisations that are part of this one.', resolve: async (o, _a, ctx) => (await related(ctx, o.id, ['PART_OF'], 'INCOMING')).map((r) => r.other) }),
    members: t.field({ type: [EntityRef], description: 'People and groups that are members of it.', resolve: async (o, _a, ctx) => (await related(ctx, o.id, ['MEMBER_OF'], 'INCOMING')).map((r) => r.other) }),
    rolesIn: t.field({ type: [RoleRef], description: 'Roles held in it (leader, chief whip, …).', resolve: async (o, _a, ctx) => (await related(ctx, o.id, ['IN'], 'INCOMING')).map((r) => r.other) }),
  }),
});
