/**
 * The practical limit: the five benchmark operations (bench/operations.ts) answered by
 * hand-written, tuned Cypher (bench/raw/*.cypher), one query each, behind a bare node:http
 * handler. No GraphQL: the request body is read only for `operationName` and `variables`.
 *
 * Contract: POST /graphql with `{ operationName, variables }` answers 200 `{ "data": … }`, the
 * same JSON this server gives for that operation (map keys may come in another order); an
 * unknown operation or a malformed body answers 400, a database failure 500, both as
 * `{ "errors": [{ "message" }] }`. Queries run as auto-commit transactions in a read session
 * (the cheapest way the driver has; this server's reads use it too, src/db/graph-db.ts, and
 * without the stack trace the driver would capture for each, as there: `runWithoutStack`), with
 * the database named and plain JS numbers (`disableLosslessIntegers`).
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import neo4j, { type Driver } from 'neo4j-driver';
import { runWithoutStack } from '../src/db/graph-db.js';
import { toLuceneQuery } from '../src/graph/search-query.js';
import { FIRST, type OperationName, type Variables } from './operations.js';
import { listen } from '../src/server.js';
import { isMain, serve } from './serve.js';

const cypher = (file: string) => readFileSync(new URL(`./raw/${file}.cypher`, import.meta.url), 'utf8');
const first = neo4j.int(FIRST);

/** Each operation's query and its parameters from the request's variables. */
const routes: Record<OperationName, { query: string; params(v: Variables): Record<string, unknown> }> = {
  entityWithRoles: { query: cypher('entity-with-roles'), params: (v) => ({ id: v.id, first }) },
  supporters: { query: cypher('supporters'), params: (v) => ({ id: v.id, first }) },
  statementsAbout: { query: cypher('statements-about'), params: (v) => ({ about: v.id, first }) },
  path: { query: cypher('path'), params: (v) => ({ from: v.from, to: v.to }) },
  search: { query: cypher('search'), params: (v) => ({ query: toLuceneQuery(String(v.text ?? '')), first }) },
};

export interface RawAnswer {
  status: number;
  body: string;
}

const failure = (status: number, message: string): RawAnswer => ({ status, body: JSON.stringify({ errors: [{ message }] }) });

/** Answers one request body; used by the HTTP handler and, in-process, by tests. */
export function createRawAnswerer({ driver, database }: { driver: Driver; database: string }) {
  return async (text: string): Promise<RawAnswer> => {
    let request: { operationName?: unknown; variables?: unknown };
    try {
      request = JSON.parse(text);
    } catch {
      return failure(400, 'The body is not JSON.');
    }
    const name = String(request.operationName);
    const route = Object.hasOwn(routes, name) ? routes[name as OperationName] : undefined;
    if (!route)
      return failure(
        400,
        `Unknown operation ${JSON.stringify(request.operationName)}; this server answers ${Object.keys(routes).join(', ')}.`,
      );
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      const { records } = await runWithoutStack(session, route.query, route.params((request.variables ?? {}) as Variables));
      return { status: 200, body: JSON.stringify({ data: records[0]?.get('data') ?? null }) };
    } catch (error) {
      return failure(500, error instanceof Error ? error.message : String(error));
    } finally {
      void session.close();
    }
  };
}

export async function startRawServer({
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
  const driver = neo4j.driver(uri, password ? neo4j.auth.basic(user, password) : undefined, {
    disableLosslessIntegers: true,
    userAgent: 'newsgraph-bench-raw',
  });
  await driver.verifyConnectivity({ database });
  const answer = createRawAnswerer({ driver, database });
  const running = await listen(
    (req: IncomingMessage, res: ServerResponse) => {
      if (req.method !== 'POST' || req.url !== '/graphql') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(failure(404, 'POST /graphql only.').body);
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void answer(Buffer.concat(chunks).toString('utf8')).then(({ status, body }) => {
          res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(body);
        });
      });
    },
    { port, host },
  );
  return {
    url: running.url,
    async close() {
      await running.close(0);
      await driver.close();
    },
  };
}

if (isMain(import.meta.url)) serve('raw', ({ config, neo4j: n }) => startRawServer({ ...n, port: config.port, host: config.host }));
