/** People: named individuals. Their roles, statements and stances come from Entity. */
import { builder } from '../builder.js';
import { nodeOptions } from './node.js';
import { EntityRef, PersonRef } from './refs.js';

builder.node(PersonRef, {
  ...nodeOptions('Person'),
  interfaces: [EntityRef],
  description: 'A named person.',
  fields: () => ({}),
});
