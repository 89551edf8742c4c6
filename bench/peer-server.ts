/**
 * The peer: @neo4j/graphql 7 serving the same graph through its own type definitions
 * (bench/peer/type-defs.graphql) on graphql-yoga, as a user of that library would deploy it
 * (no GraphiQL, yoga's defaults otherwise). Every request runs against the named database.
 *
 * Contract: `createPeerApp({ driver, database })` resolves to a yoga app serving /graphql;
 * `startPeerServer(...)` puts it on a port and `close()` takes it off and closes the driver.
 */
import { readFileSync } from 'node:fs';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import neo4j, { type Driver } from 'neo4j-driver';
import { listen } from '../src/server.js';
import { isMain, serve } from './serve.js';

const typeDefs = readFileSync(new URL('./peer/type-defs.graphql', import.meta.url), 'utf8');

export async function createPeerApp({ driver, database }: { driver: Driver; database: string }) {
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  return createYoga({ schema, context: { sessionConfig: { database } }, graphqlEndpoint: '/graphql', graphiql: false, landingPage: false });
}

export async function startPeerServer({
  uri,
  user,
  password,
  database,
  port,
  host,
}: {
  uri: string;
  user: string;
  password: string;
  database: string;
  port: number;
  host: string;
}) {
  const driver = neo4j.driver(uri, password ? neo4j.auth.basic(user, password) : undefined, { userAgent: 'newsgraph-bench-peer' });
  await driver.verifyConnectivity({ database });
  const running = await listen(await createPeerApp({ driver, database }), { port, host });
  return {
    url: running.url,
    async close() {
      await running.close(0);
      await driver.close();
    },
  };
}

if (isMain(import.meta.url)) serve('peer', ({ config, neo4j: n }) => startPeerServer({ ...n, port: config.port, host: config.host }));
