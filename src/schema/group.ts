/** Groups: collective actors with no name of their own ("14 members of the NEC"). */
import { builder } from '../builder.js';
import { relatedField } from '../graph/lookahead.js';
import { nodeOptions } from './node.js';
import { EntityRef, GroupRef, OrganisationRef } from './refs.js';

builder.node(GroupRef, {
  ...nodeOptions('Group'),
  interfaces: [EntityRef],
  description: 'A collective actor the article does not name one by one ("14 members of the NEC", "Starmer\'s supporters").',
  fields: (t) => ({
    size: t.int({
      nullable: true,
      description: 'How many, when the article says.',
      resolve: (g) => (g.props.size as number | null) ?? null,
    }),
    side: t.string({
      nullable: true,
      description: 'Whose side the article puts it on.',
      resolve: (g) => (g.props.side as string | null) ?? null,
    }),
    memberOf: t.field({
      type: OrganisationRef,
      nullable: true,
      description: 'The organisation it belongs to.',
      ...relatedField('MEMBER_OF', 'OUTGOING', 'first'),
    }),
  }),
});
