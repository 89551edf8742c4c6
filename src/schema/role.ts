/** Roles held over time: (Person)-[:HOLDS]->(Role)-[:IN]->(Organisation | Place). */
import { builder } from '../builder.js';
import { relatedField } from '../graph/lookahead.js';
import { nodeOptions } from './node.js';
import { EntityRef, FactRef, RoleRef } from './refs.js';

builder.node(RoleRef, {
  ...nodeOptions('Role'),
  interfaces: [FactRef],
  description: 'A role someone holds or held ("Labour leader", "MP for Islington North"), with when and how long.',
  fields: (t) => ({
    title: t.string({ description: 'The role as the article names it.', resolve: (r) => String(r.props.title) }),
    status: t.string({ description: 'current or former.', resolve: (r) => String(r.props.status) }),
    since: t.string({
      nullable: true,
      description: 'When it began (YYYY[-MM[-DD]]), when known.',
      resolve: (r) => (r.props.since as string | null) ?? null,
    }),
    until: t.string({
      nullable: true,
      description: 'When it ended, when known.',
      resolve: (r) => (r.props.until as string | null) ?? null,
    }),
    duration: t.string({
      nullable: true,
      description: 'How long, in the article\'s words ("nearly 40 years").',
      resolve: (r) => (r.props.duration as string | null) ?? null,
    }),
    holder: t.field({ type: EntityRef, nullable: true, description: 'Who holds it.', ...relatedField('HOLDS', 'INCOMING', 'first') }),
    in: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The organisation or place it is in (the first of `bodies`).',
      ...relatedField('IN', 'OUTGOING', 'first'),
    }),
    bodies: t.field({
      type: [EntityRef],
      description: 'Every body and place it is in (a councillor: the council, the ward, the party).',
      ...relatedField('IN', 'OUTGOING', 'nodes'),
    }),
  }),
});
