/**
 * Refuses queries too big to answer before any of them runs.
 *
 * Contract: `useQueryLimits(options)` checks every operation against the limits below and
 * answers a refused one with HTTP 400, whatever the client accepts, and an error whose
 * `extensions.code` is QUERY_TOO_COMPLEX and whose `extensions.limit` names the limit
 * (`tokens`, `aliases`, `directives`, `depth`, `breadth`, `cost` or `list`), with `max` and `actual`.
 *
 * - tokens, aliases, directives: graphql-armor, counted on the document (tokens while
 *   parsing, so a huge document is refused before it is parsed in full).
 * - depth, breadth (fields selected in all) and cost: the Pothos complexity plugin, which
 *   knows the schema: a connection's selection costs `first` (or `last`, default 20) times
 *   over, a list with `first` that many times, `nodes(ids:)` once per id, any other list as
 *   many times as it may hold items (50 unless the field or `listCaps` in src/builder.ts says less), and a whole article's
 *   text 100 (`fieldComplexity` in src/builder.ts). Variables are taken into account.
 * - list: the longest list in the variables (`nodes(ids:)`'s ids, say), checked before the
 *   cost, whose pricing reads every item (970 copies of one id once cost 5 ms to refuse).
 *
 * A refusal is answered after `refusalDelayMs` (default 100 ms), a wait that costs no CPU:
 * a client that loops refused queries on a connection then sends at most 10 a second
 * instead of the hundreds a second (each parsed, validated and priced) that took the
 * event loop from everyone else in the soak (docs/soak.md). Many connections from one
 * client are for a proxy's per-client limit in front.
 */
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import {
  getOperationAST,
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationContext,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { apiError } from '../errors.js';

export interface QueryLimits {
  /** Lexical tokens in the document (default 2000). */
  maxTokens?: number;
  /** Aliased fields (default 15). */
  maxAliases?: number;
  /** Directives (default 10). */
  maxDirectives?: number;
  /** Nesting of selections (default 12). */
  maxDepth?: number;
  /** Fields selected in all (default 300). */
  maxBreadth?: number;
  /** Estimated cost (default 10000; the README examples cost 13 to 1549). */
  maxCost?: number;
  /** Items in any one list of the variables (default 100, the largest page). */
  maxListItems?: number;
  /** How long a refusal waits before it is answered, in ms (default 100). */
  refusalDelayMs?: number;
  /** Replace "Did you mean …" hints in validation errors (default false; true in production, with introspection off). */
  hideSuggestions?: boolean;
}

export const defaultQueryLimits: Required<QueryLimits> = {
  maxTokens: 2000,
  maxAliases: 15,
  maxDirectives: 10,
  maxDepth: 12,
  maxBreadth: 300,
  maxCost: 10_000,
  maxListItems: 100,
  refusalDelayMs: 100,
  hideSuggestions: false,
};

function tooComplex(message: string, limit: string, max?: number, actual?: number): GraphQLError {
  return apiError('QUERY_TOO_COMPLEX', message, {
    limit,
    ...(max !== undefined ? { max } : {}),
    ...(actual !== undefined ? { actual } : {}),
    http: { status: 400 },
  });
}

/** Lexical tokens in a document; counted only for a document already refused for having too many. */
function countTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) tokens++;
  } catch {
    // A syntax error ends the count: what came before it is what was counted.
  }
  return tokens;
}

/** armor reports "Syntax Error: Aliases limit of 15 exceeded, found 16."; keep the words, add the code and the count. */
function armorRejection(limit: string, max: number) {
  return (ctx: ValidationContext | null, error: GraphQLError) => {
    const found = /found (\d+)/.exec(error.message)?.[1];
    const coded = tooComplex(error.message.replace(/^Syntax Error: /, ''), limit, max, found === undefined ? undefined : Number(found));
    if (!ctx) throw coded; // token counting happens in the parser, outside validation
    ctx.reportError(coded);
  };
}

interface Measured {
  depth: number;
  breadth: number;
  complexity: number;
}

/** Variable sets remembered per document and operation; past it the oldest goes. */
const maxVariableSets = 256;
/** Variables longer than this (as JSON) are measured every time rather than kept as a key. */
const maxVariablesKey = 1024;

/** The length of the longest list in `value` (variables), at any depth. */
function longestList(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let longest = Array.isArray(value) ? value.length : 0;
  for (const item of Array.isArray(value) ? value : Object.values(value)) longest = Math.max(longest, longestList(item));
  return longest;
}

type ByOperation = Map<string, { operation: DocumentNode; byVariables: Map<string, Measured> } | null>;
/** Per schema and parsed document: its operations by name, each with its measures by variables. */
const measures = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, ByOperation>>();

/**
 * Depth, breadth and cost of `operationName` in `document` with `variables`, or null when the
 * document has no such operation. The cost is a function of those three and the schema
 * (`fieldComplexity` in src/builder.ts reads arguments, never the context), so it is
 * remembered for the parsed document, which yoga's parser cache hands back for the same text.
 */
function measure(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: unknown,
  schema: GraphQLSchema,
): Measured | null {
  let byDocument = measures.get(schema);
  if (!byDocument) measures.set(schema, (byDocument = new WeakMap()));
  let byOperation = byDocument.get(document);
  if (!byOperation) byDocument.set(document, (byOperation = new Map()));
  let entry = byOperation.get(operationName ?? '');
  if (entry === undefined) {
    const operation = getOperationAST(document, operationName);
    entry = operation
      ? {
          operation: {
            ...document,
            definitions: document.definitions.filter((d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION),
          },
          byVariables: new Map(),
        }
      : null;
    byOperation.set(operationName ?? '', entry);
  }
  if (!entry) return null;
  const key = JSON.stringify(variables ?? {});
  const known = entry.byVariables.get(key);
  if (known) return known;
  const { depth, breadth, complexity } = complexityFromQuery(entry.operation, {
    schema,
    ctx: {},
    variables: (variables ?? {}) as Record<string, unknown>,
  });
  const measured = { depth, breadth, complexity };
  if (key.length <= maxVariablesKey) {
    if (entry.byVariables.size >= maxVariableSets) entry.byVariables.delete(entry.byVariables.keys().next().value!);
    entry.byVariables.set(key, measured);
  }
  return measured;
}

export function useQueryLimits(options: QueryLimits = {}): Plugin {
  const limits = { ...defaultQueryLimits, ...options };
  const armor = new EnvelopArmor({
    maxTokens: { n: limits.maxTokens, onReject: [armorRejection('tokens', limits.maxTokens)], propagateOnRejection: false },
    maxAliases: { n: limits.maxAliases, onReject: [armorRejection('aliases', limits.maxAliases)], propagateOnRejection: false },
    maxDirectives: { n: limits.maxDirectives, onReject: [armorRejection('directives', limits.maxDirectives)], propagateOnRejection: false },
    blockFieldSuggestion: { enabled: limits.hideSuggestions },
    // Depth and cost come from the schema-aware Pothos rule below.
    maxDepth: { enabled: false },
    costLimit: { enabled: false },
  }).protect();

  return {
    onPluginInit({ addPlugin }) {
      for (const plugin of armor.plugins) addPlugin(plugin as Plugin);
    },
    // yoga marks parse and validation errors as the GraphQL over HTTP spec's, which it answers
    // with 200 to clients that accept application/json; a refusal is 400 whatever they accept.
    // A field refused as it ran (a hub's `neighbours`, src/graph/loaders.ts; its error has a
    // path) is not a refused request: that request is answered at once, with 200.
    onResultProcess({ result }) {
      let refused = false;
      for (const single of Array.isArray(result) ? result : [result]) {
        for (const error of ('errors' in single && single.errors) || []) {
          if (error.extensions?.code !== 'QUERY_TOO_COMPLEX' || error.path) continue;
          (error.extensions as Record<string, unknown>).http = { status: 400 };
          refused = true;
        }
      }
      if (refused && limits.refusalDelayMs > 0) return new Promise<void>((done) => setTimeout(done, limits.refusalDelayMs));
    },
    // armor stops counting tokens at the limit; count them all for `actual`.
    onParse({ params }) {
      return ({ result, replaceParseResult }) => {
        if (result instanceof GraphQLError && result.extensions.limit === 'tokens' && result.extensions.actual === undefined) {
          replaceParseResult(tooComplex(result.message, 'tokens', limits.maxTokens, countTokens(String(params.source))));
        }
      };
    },
    onValidate({ addValidationRule, params: { schema, documentAST } }) {
      // graphql 16 has no rule for an operation type the schema lacks (this one is read-only).
      const missing = (documentAST as DocumentNode).definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && !(schema as GraphQLSchema).getRootType(d.operation),
      );
      if (missing) {
        addValidationRule((ctx: ValidationContext) => {
          ctx.reportError(
            new GraphQLError(`This API has no ${missing.operation} operations: it only answers queries.`, { nodes: missing }),
          );
          return {};
        });
      }
    },
    // Cost depends on the variables, and yoga caches validation by document text alone, so
    // depth, breadth and cost are measured here, once the document is valid: once per
    // document (the parsed one yoga's cache hands back), operation and variables.
    onExecute({ args, setResultAndStopExecution }) {
      const items = longestList(args.variableValues);
      if (items > limits.maxListItems) {
        setResultAndStopExecution({
          errors: [
            tooComplex(
              `A list in the variables holds ${items} items; the limit is ${limits.maxListItems}.`,
              'list',
              limits.maxListItems,
              items,
            ),
          ],
        });
        return;
      }
      const measured = measure(args.document as DocumentNode, args.operationName, args.variableValues, args.schema as GraphQLSchema);
      if (!measured) return;
      const { depth, breadth, complexity } = measured;
      const refusal =
        depth > limits.maxDepth
          ? tooComplex(`Query depth of ${depth} exceeds the limit of ${limits.maxDepth}.`, 'depth', limits.maxDepth, depth)
          : breadth > limits.maxBreadth
            ? tooComplex(`Query selects ${breadth} fields; the limit is ${limits.maxBreadth}.`, 'breadth', limits.maxBreadth, breadth)
            : complexity > limits.maxCost
              ? tooComplex(
                  `Query cost of ${complexity} exceeds the limit of ${limits.maxCost}; ask for smaller pages (\`first\`) or fewer nested lists.`,
                  'cost',
                  limits.maxCost,
                  complexity,
                )
              : null;
      if (refusal) setResultAndStopExecution({ errors: [refusal] });
    },
  };
}
