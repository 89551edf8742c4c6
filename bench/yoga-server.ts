/**
 * The ceiling of this stack: raw's one hand-written query per operation (bench/raw-server.ts)
 * answered through this server's GraphQL app (src/yoga.ts: graphql-yoga on node:http, with
 * every plugin and defence it has), over a schema with just the fields the five operations
 * ask for. Each operation's root field runs raw's query and returns its JSON; graphql-js's
 * default resolvers read the rest from it. So it pays for HTTP, yoga, parsing, validation,
 * limits and execution as this server does, and for nothing of its own: no reads through
 * loaders (the app's context still makes them, unused), no look-ahead, no rows turned into
 * nodes. Between raw and it is what yoga costs; between it and this server, what this
 * server's resolvers and its general Cypher cost.
 *
 * Contract: as raw's, over GraphQL: POST /graphql with one of the five operations, named by
 * `operationName`, answers `{ "data": … }` equal to this server's; any other operation gets
 * a GraphQL error. Started by bench/run.ts as `node --import tsx bench/yoga-server.ts`.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { createSchema } from 'graphql-yoga';
import { GraphDb } from '../src/db/graph-db.js';
import { listen } from '../src/server.js';
import { createApp } from '../src/yoga.js';
import type { Variables } from './operations.js';
import { isOperationName, rawData } from './raw-server.js';
import { isMain, serve, type BenchNeo4j } from './serve.js';

const typeDefs = /* GraphQL */ `
  type Query {
    entity(id: ID!): Entity
    statements(about: ID!, first: Int): Statements
    path(from: ID!, to: ID!, maxHops: Int, first: Int): [Path!]
    search(text: String!, first: Int, kinds: [Kind!]): [Hit!]
  }
  enum Kind {
    ENTITY
    STATEMENT
    FACT
  }
  type Entity {
    name: String
    aliases: [String!]
    roles(first: Int): Roles
    supporters(first: Int): Supporters
  }
  type Roles {
    totalCount: Int
    edges: [RoleEdge!]
  }
  type RoleEdge {
    node: Role
  }
  type Role {
    title: String
    status: String
    in: Named
  }
  type Named {
    name: String
  }
  type Supporters {
    totalCount: Int
    edges: [SupporterEdge!]
  }
  type SupporterEdge {
    node: Support
  }
  type Support {
    other: Labelled
    via: Labelled
    evidence: [Span!]
  }
  type Span {
    text: String
    start: Int
    end: Int
  }
  type Labelled {
    label: String
  }
  type Statements {
    totalCount: Int
    edges: [StatementEdge!]
  }
  type StatementEdge {
    node: Statement
  }
  type Statement {
    text: String
    mode: String
    speaker: Labelled
  }
  type Path {
    length: Int
    nodes: [Labelled!]
  }
  type Hit {
    score: Float
    node: Labelled
  }
`;

/** This server's app, serving the baseline's schema. */
export function createYogaBaselineApp(db: GraphDb) {
  const root = async (_: unknown, _args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
    const name = info.operation.name?.value;
    if (!isOperationName(name))
      throw new Error(`The yoga baseline answers the benchmark's five operations by name, not ${JSON.stringify(name)}.`);
    const data = (await rawData(db.driver, db.database, name, info.variableValues as Variables)) as Record<string, unknown> | null;
    return data?.[info.fieldName] ?? null;
  };
  const schema = createSchema({ typeDefs, resolvers: { Query: { entity: root, statements: root, path: root, search: root } } });
  return createApp({ db, graphiql: false, explore: false, schema });
}

export async function startYogaBaselineServer({ uri, user, password, database, port, host }: BenchNeo4j & { port: number; host: string }) {
  const db = new GraphDb({ uri, user, password, database });
  const running = await listen(createYogaBaselineApp(db), { port, host });
  return {
    url: running.url,
    async close() {
      await running.close(0);
      await db.close();
    },
  };
}

if (isMain(import.meta.url))
  serve('yoga', ({ config, neo4j: n }) => startYogaBaselineServer({ ...n, port: config.port, host: config.host }));
