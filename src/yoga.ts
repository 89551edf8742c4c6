/**
 * The GraphQL app: schema, per-request context, and plugins, composed once. Tests call
 * `app.fetch(...)` directly and need no port; src/server.ts puts it on one.
 *
 * Endpoints: /graphql (GraphQL over HTTP, GraphiQL in a browser when enabled, its assets
 * served from this server, not a CDN), /health (the process is up), /ready (Neo4j answers;
 * 503 otherwise).
 */
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, useReadinessCheck } from 'graphql-yoga';
import { createContext } from './context.js';
import type { GraphDb } from './db/graph-db.js';
import { loadExampleTabs } from './graphiql-tabs.js';
import { schema } from './schema/index.js';

export interface AppOptions {
  db: GraphDb;
  /** Serve GraphiQL at /graphql to browsers (default true). */
  graphiql?: boolean;
}

export function createApp({ db, graphiql = true }: AppOptions) {
  return createYoga({
    schema,
    context: () => createContext(db),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: graphiql ? { title: 'newsgraph: news as a knowledge graph', defaultTabs: loadExampleTabs() } : false,
    renderGraphiQL,
    plugins: [useReadinessCheck({ endpoint: '/ready', check: () => db.ping() })],
  });
}

export type App = ReturnType<typeof createApp>;
