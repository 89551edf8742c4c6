/**
 * The GraphQL app: schema, per-request context, and plugins, composed once. Tests call
 * `app.fetch(...)` directly and need no port; src/server.ts puts it on one.
 *
 * Endpoints: /graphql (GraphQL over HTTP, GraphiQL in a browser when enabled, its assets
 * served from this server, not a CDN), /explore (the explorer, when enabled:
 * src/plugins/use-explorer.ts), /health (the process is up), /ready (Neo4j answers; 503
 * otherwise).
 *
 * Defences, in the order a request meets them: a body size limit, CSRF prevention (a GET or
 * a form-encoded POST must carry the `x-graphql-yoga-csrf` header; JSON POSTs are preflighted
 * by browsers anyway), persisted operations only (when a manifest is given), query limits
 * (src/plugins/use-query-limits.ts), a per-request deadline that also stops execution when the
 * client goes away (use-request-deadline.ts), a fast 503 while Neo4j is down or being planned
 * again (use-database-gate.ts), a cap on the answer's bytes
 * (use-response-limit.ts), and error masking
 * (src/errors.ts). With credentials configured the schema has mutations (src/schema/article-writes.ts),
 * each checked against the request's API key; without, it has none.
 */
import { readFileSync } from 'node:fs';
import type { GraphQLSchema } from 'graphql';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, useReadinessCheck, type GraphQLParams, type Plugin } from 'graphql-yoga';
import { credentialsFor, WriteRateLimit, type Credential } from './core/credentials.js';
import { createContext } from './graph/context.js';
import type { GraphDb } from './db/graph-db.js';
import { maskError } from './errors.js';
import { loadExampleTabs } from './graphiql-tabs.js';
import { useBodyLimit } from './plugins/use-body-limit.js';
import { useDatabaseGate } from './plugins/use-database-gate.js';
import { useExplorer } from './plugins/use-explorer.js';
import { useQueryLimits, type QueryLimits } from './plugins/use-query-limits.js';
import { requestSignal, useRequestDeadline } from './plugins/use-request-deadline.js';
import { useResponseLimit } from './plugins/use-response-limit.js';
import { schema, schemaWithWrites } from './schema/index.js';

export interface AppOptions {
  db: GraphDb;
  /** Serve GraphiQL at /graphql to browsers (default true). */
  graphiql?: boolean;
  /** Serve the explorer at /explore (default true). */
  explore?: boolean;
  /** Answer introspection queries and give "Did you mean" hints (default true). */
  introspection?: boolean;
  /** Origins allowed by CORS (default '*': any origin, without credentials). */
  corsOrigins?: '*' | string[];
  /** Deadline for a whole request, in milliseconds (default 10 s). */
  requestTimeoutMs?: number;
  /** Largest answer, in bytes (default 4 MiB); past it, RESPONSE_TOO_LARGE. */
  maxResponseBytes?: number;
  /** Path to a JSON object of persisted operations, `{ "<id>": "query { … }" }`; when set, only those run. */
  persistedOperations?: string | null;
  /** Overrides of the default query limits. */
  limits?: QueryLimits;
  /** Credentials that may write (src/core/credentials.ts); none (the default): the schema has no mutations. */
  credentials?: Credential[];
  /** Writes a minute per credential (default 30). */
  writesPerMinute?: number;
  /** Largest body of a request with a valid credential (default 4 MiB: an article and its graph); others keep 64 KiB. */
  maxWriteBodyBytes?: number;
  /** Seed folders, whose entities draftArticle knows (default seeds). */
  seedDir?: string;
  /** Deadline of a request with a valid credential, when longer than `requestTimeoutMs` (default 60 s: a first write plans its queries). */
  writeTimeoutMs?: number;
  /** Serve this schema instead of src/schema's, behind the same plugins (the benchmark's yoga baseline, bench/yoga-server.ts). */
  schema?: GraphQLSchema;
}

export function createApp({
  db,
  graphiql = true,
  explore = true,
  introspection = true,
  corsOrigins = '*',
  requestTimeoutMs = 10_000,
  maxResponseBytes = 4 * 1024 * 1024,
  persistedOperations = null,
  limits = {},
  credentials = [],
  writesPerMinute = 30,
  maxWriteBodyBytes = 4 * 1024 * 1024,
  seedDir = 'seeds',
  writeTimeoutMs = 60_000,
  schema: schemaOverride,
}: AppOptions) {
  const credentialOf = credentialsFor(credentials);
  const writes = credentials.length ? { db, limit: new WriteRateLimit(writesPerMinute), seedDir } : null;
  const plugins: Plugin[] = [
    useBodyLimit({ largerFor: (request) => (writes && credentialOf(request.headers) ? maxWriteBodyBytes : null) }),
    useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
    // Before the query limits: a refused query still drops its deadline's timer at once.
    useRequestDeadline(),
    useQueryLimits({ hideSuggestions: !introspection, ...limits }),
    useDatabaseGate({ db }),
    useResponseLimit({ maxBytes: maxResponseBytes }),
    useReadinessCheck({ endpoint: '/ready', check: () => db.ping() }),
  ];
  if (!introspection) plugins.push(useDisableIntrospection());
  if (explore) plugins.push(useExplorer({ graphqlEndpoint: '/graphql' }));
  if (persistedOperations) {
    plugins.push(
      usePersistedOperations({
        getPersistedOperation: loadManifest(persistedOperations),
        extractPersistedOperationId: operationId,
        customErrors: {
          persistedQueryOnly: {
            message: 'This server runs only persisted operations: send `documentId` instead of `query`.',
            extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } },
          },
          keyNotFound: {
            message: 'Send the id of a persisted operation as `documentId`.',
            extensions: { code: 'PERSISTED_QUERY_ID_REQUIRED', http: { status: 400 } },
          },
          notFound: {
            message: 'No persisted operation has this id.',
            extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST', http: { status: 400 } },
          },
        },
      }),
    );
  }

  return createYoga({
    schema: schemaOverride ?? (writes ? schemaWithWrites : schema),
    context: ({ request }) => {
      const credential = writes ? credentialOf(request.headers) : null;
      // A write is not stopped half-way (it is one transaction), so its answer may wait longer.
      const deadline = credential ? Math.max(requestTimeoutMs, writeTimeoutMs) : requestTimeoutMs;
      return createContext(db, requestSignal(request.signal, deadline), { credential, writes });
    },
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    // useBodyLimit already refuses a body over its limit by Content-Length, and any body
    // without one, and Node reads no more than Content-Length: yoga's own limit would pipe
    // every body through a stream that counts bytes again (about 2% of CPU under load).
    maxRequestBodySize: false,
    cors: { origin: corsOrigins, credentials: false, methods: ['GET', 'POST'] },
    maskedErrors: { maskError },
    graphiql: graphiql ? { title: 'newsgraph: news as a knowledge graph', defaultTabs: loadExampleTabs() } : false,
    renderGraphiQL,
    plugins,
  });
}

/** `documentId` (GraphQL over HTTP persisted documents) or Apollo's `extensions.persistedQuery.sha256Hash`. */
function operationId(params: GraphQLParams): string | null {
  const documentId = (params as { documentId?: unknown }).documentId;
  if (typeof documentId === 'string') return documentId;
  const pq = params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  return typeof pq?.sha256Hash === 'string' ? pq.sha256Hash : null;
}

/** Reads the manifest once, at start-up, so a bad file stops the server before it listens. */
function loadManifest(path: string): (id: string) => string | null {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`PERSISTED_OPERATIONS=${path}: cannot read it as JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (
    typeof manifest !== 'object' ||
    manifest === null ||
    Array.isArray(manifest) ||
    !Object.values(manifest).every((q) => typeof q === 'string')
  ) {
    throw new Error(`PERSISTED_OPERATIONS=${path}: expected a JSON object mapping ids to query strings.`);
  }
  const operations = new Map(Object.entries(manifest as Record<string, string>));
  return (id) => operations.get(id) ?? null;
}

export type App = ReturnType<typeof createApp>;
