/** Organisations: parties, unions, committees, commissions, outlets, governments. */
import { builder } from '../builder.js';
import { relatedField } from '../graph/lookahead.js';
import { nodeOptions } from './node.js';
import { EntityRef, OrganisationRef, RoleRef } from './refs.js';

builder.node(OrganisationRef, {
  ...nodeOptions('Organisation'),
  interfaces: [EntityRef],
  description: 'An organisation: a party, union, committee, commission, outlet, government or company.',
  fields: (t) => ({
    type: t.string({
      description: 'party, union, committee, commission, outlet, government, parliamentary-group, company or other.',
      resolve: (o) => String(o.props.type),
    }),
    partOf: t.field({
      type: OrganisationRef,
      nullable: true,
      description: 'The organisation this one is part of (the NEC is part of the Labour Party).',
      ...relatedField('PART_OF', 'OUTGOING', 'first'),
    }),
    parts: t.field({
      type: [OrganisationRef],
      description: 'Organisations that are part of this one: the first 50; `relationships(types: ["PART_OF"])` pages through all.',
      ...relatedField('PART_OF', 'INCOMING', 'nodes'),
    }),
    members: t.field({
      type: [EntityRef],
      description: 'People and groups that are members of it: the first 50; `relationships(types: ["MEMBER_OF"])` pages through all.',
      ...relatedField('MEMBER_OF', 'INCOMING', 'nodes'),
    }),
    rolesIn: t.field({
      type: [RoleRef],
      description: 'Roles held in it (leader, chief whip, …): the first 50; `relationships(types: ["IN"])` pages through all.',
      ...relatedField('IN', 'INCOMING', 'nodes'),
    }),
  }),
});
