/** Places, such as a parliamentary constituency. */
import { builder } from '../builder.js';
import { nodeOptions } from './node.js';
import { EntityRef, PlaceRef } from './refs.js';

builder.node(PlaceRef, {
  ...nodeOptions('Place'),
  interfaces: [EntityRef],
  description: 'A place, such as a parliamentary constituency.',
  fields: (t) => ({
    type: t.string({ description: 'constituency, city, region, country or other.', resolve: (p) => String(p.props.type) }),
  }),
});
