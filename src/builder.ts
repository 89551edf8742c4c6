/**
 * The one Pothos SchemaBuilder, with its plugins. It defines no types: those live one file
 * per graph concept under src/schema/.
 *
 * Cost of a field (read by src/plugins/use-query-limits.ts): 1, and what it selects counts
 * once per item it may return: `first` (or `last`, default 20) items for a connection or a
 * list with `first`, 5 for any other list.
 */
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import { getNamedType, getNullableType, isListType } from 'graphql';
import { typeOfKey } from './core/ids.js';
import type { Context } from './graph/context.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Connection: { totalCount: number };
  Scalars: { ID: { Input: string; Output: string } };
}>({
  plugins: [ComplexityPlugin, RelayPlugin],
  defaultFieldNullability: false,
  complexity: {
    fieldComplexity: (args, _ctx, field) => {
      const asked = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : null;
      if (getNamedType(field.type).name.endsWith('Connection')) return { field: 1, multiplier: Math.max(1, asked ?? 20) };
      // A connection's edges were counted on the connection itself. (A bare number would
      // let the plugin apply its own list multiplier, so always say it.)
      if (!isListType(getNullableType(field.type)) || field.name === 'edges') return { field: 1, multiplier: 1 };
      return { field: 1, multiplier: Math.max(1, asked ?? 5) };
    },
  },
  relay: {
    clientMutationId: 'omit',
    // `node(id:)` and `nodes(ids:)` take keys ("event:…") as well as global ids.
    decodeGlobalID: (globalID) => {
      const typename = typeOfKey(globalID);
      return typename ? { typename, id: globalID } : decodeGlobalID(globalID);
    },
    cursorType: 'String',
    pageInfoTypeOptions: { description: 'Where a page sits in its list (Relay cursor connections).' },
    nodeTypeOptions: {
      description: 'Anything with a global id: articles, sentences, entities and facts. Refetch any of them with `node(id:)`.',
    },
  },
});

builder.queryType({ description: 'Questions about news articles as a knowledge graph.' });

builder.globalConnectionField('totalCount', (t) =>
  t.int({ description: 'How many items the whole list holds, across all pages.', resolve: (parent) => parent.totalCount }),
);
