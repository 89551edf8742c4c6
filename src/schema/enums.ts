/** Enumerations shared by several types. */
import { builder } from '../builder.js';

export const StanceEnum = builder.enumType('Stance', {
  description: "A statement's or act's position toward its target.",
  values: {
    SUPPORT: { description: 'For it.' },
    OPPOSE: { description: 'Against it.' },
    NEUTRAL: { description: 'Neither; about it without a side.' },
  } as const,
});

export const DirectionEnum = builder.enumType('Direction', {
  description: 'Which way a relationship points, seen from the node it was asked from.',
  values: {
    OUTGOING: { description: 'From this node to the other.' },
    INCOMING: { description: 'From the other node to this one.' },
    BOTH: { description: 'Either way (filters only).' },
  } as const,
});
