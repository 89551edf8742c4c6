/**
 * The one Pothos SchemaBuilder, with its plugins. It defines no types: those live one file
 * per graph concept under src/schema/.
 *
 * Cost of a field (read by src/plugins/use-query-limits.ts): 1, and what it selects counts
 * once per item it may return, so the cost bounds the answer:
 * - a connection: `first` (or `last`, default 20) items;
 * - `nodes(ids:)`: one per id given (copies included: each is answered);
 * - a list with `first`: that many;
 * - any other list: the most it can hold: the field's `listCap` extension (relatedField,
 *   src/graph/lookahead.ts), else `listCaps`, else LIST_CAP (src/graph/loaders.ts); the read
 *   or the resolver cuts the list there.
 * And a field that carries a whole article's text (`Article.text`, reached from a sentence
 * too) costs `articleTextCost` on its own, about what 100 small fields weigh, not 1.
 */
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { getNamedType, getNullableType, isListType } from 'graphql';
import type { WriteScope } from './core/credentials.js';
import { typeOfKey } from './core/ids.js';
import { apiError } from './errors.js';
import type { Context } from './graph/context.js';
import { EVIDENCE_CAP, EVIDENCE_FOR_FACT, LIST_CAP } from './graph/loaders.js';

/** What a whole article's text costs: about what 100 small fields weigh (articles run to tens of KiB). */
export const articleTextCost = 100;

/**
 * What plain lists that are not relatedField lists (those carry their own `listCap`) are
 * priced at, by `Type.field` or field name; any other, LIST_CAP. Each is where its read or
 * resolver cuts the list, so the price bounds the answer (the byte cap,
 * src/plugins/use-response-limit.ts, holds whatever slips through).
 */
export const listCaps: Record<string, number> = {
  // Where an entity is mentioned (read at most EVIDENCE_CAP.spans).
  mentions: EVIDENCE_CAP.spans,
  // The spans of evidence for one fact or relationship (src/schema/fact.ts, relationship.ts cut them).
  evidence: EVIDENCE_FOR_FACT,
  // The sentences one span of evidence touches (read at most EVIDENCE_CAP.sentences).
  'Evidence.sentences': EVIDENCE_CAP.sentences,
  // A fact's quantities, and the facts it is linked to in cause and sequence (src/schema/fact.ts cuts them).
  quantities: 20,
  causes: 20,
  consequences: 20,
  follows: 20,
  followedBy: 20,
  // The grounds listed for one actor on a side (distinctSupporters; the rest are counted).
  'Side.grounds': 10,
  // A path of at most 6 hops (path's maxHops).
  'Path.nodes': 7,
  'Path.relationships': 6,
};

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Connection: { totalCount: number };
  Scalars: { ID: { Input: string; Output: string } };
  AuthScopes: Record<WriteScope, boolean>;
}>({
  // Scope checks first, as the plugin asks: a field's scopes are checked before its resolver
  // (and so before any database work) runs.
  plugins: [ScopeAuthPlugin, ComplexityPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    // Scopes are read from the request's credential (src/graph/context.ts), never from the database.
    authScopes: (ctx) => ({
      draft: ctx.credential?.scopes.includes('draft') ?? false,
      write: ctx.credential?.scopes.includes('write') ?? false,
      retract: ctx.credential?.scopes.includes('retract') ?? false,
    }),
    unauthorizedError: (_parent, ctx, _info, result) =>
      ctx.credential
        ? apiError('FORBIDDEN', `The credential "${ctx.credential.name}" lacks the scope this needs. ${result.message}`, {
            http: { status: 403 },
          })
        : apiError('UNAUTHENTICATED', 'Writes need a credential: send `Authorization: Bearer <API key>`.', { http: { status: 401 } }),
  },
  complexity: {
    fieldComplexity: (args, _ctx, field) => {
      const parent = (field.extensions as { pothosConfig?: { parentType?: string } } | undefined)?.pothosConfig?.parentType;
      const cost = parent === 'Article' && field.name === 'text' ? articleTextCost : 1;
      const asked = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : null;
      if (getNamedType(field.type).name.endsWith('Connection')) return { field: cost, multiplier: Math.max(1, asked ?? 20) };
      // A connection's edges were counted on the connection itself. (A bare number would
      // let the plugin apply its own list multiplier, so always say it.)
      if (!isListType(getNullableType(field.type)) || field.name === 'edges') return { field: cost, multiplier: 1 };
      if (field.name === 'nodes' && Array.isArray(args.ids)) return { field: cost, multiplier: Math.max(1, args.ids.length) };
      return {
        field: cost,
        multiplier: Math.max(
          1,
          asked ??
            (field.extensions?.listCap as number | undefined) ??
            listCaps[`${parent}.${field.name}`] ??
            listCaps[field.name] ??
            LIST_CAP,
        ),
      };
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
