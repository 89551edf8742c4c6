/**
 * The practical limit: the five benchmark operations (bench/operations.ts) answered by
 * hand-written, tuned Cypher (bench/raw/*.cypher), one query each, behind a bare node:http
 * handler. No GraphQL: the request body is read only for `operationName` and `variables`.
 * Its Cypher is as good as this server's: pages are read in order from the same indexes
 * (cypher/schema-by-type.cypher), and path runs this server's own query (`pathQuery`
 * below). What it leaves out is GraphQL and everything around it, which is what the
 * benchmark compares. Whole-line comments are not sent, as src/db/cypher.ts does.
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
import neo4j, { type Driver, type Record as Neo4jRecord } from 'neo4j-driver';
import { vocabulary } from '../src/core/vocabulary.js';
import { cypher, withoutComments } from '../src/db/cypher.js';
import { runWithoutStack } from '../src/db/graph-db.js';
import { PATH_CANDIDATES } from '../src/graph/reads.js';
import { toLuceneQuery } from '../src/graph/search-query.js';
import { FIRST, type OperationName, type Variables } from './operations.js';
import { listen } from '../src/server.js';
import { isMain, serve } from './serve.js';

const rawCypher = (file: string) => withoutComments(readFileSync(new URL(`./raw/${file}.cypher`, import.meta.url), 'utf8'));
const first = neo4j.int(FIRST);

/** The `data` of the answer: the one row's `data` column, unless a route shapes the rows itself. */
const dataColumn = (records: Neo4jRecord[]) => records[0]?.get('data') ?? null;

/**
 * path: this server's query (cypher/read/path.cypher), which finds and ranks the chains,
 * with its last clause, which reads each node of the chains kept whole for GraphQL, cut to
 * the answer: each chain's length and its nodes' labels (displayName in src/schema/node.ts,
 * but for a vote, which none of the benchmark's chains passes). Like the server
 * (src/graph/reads.ts), no chain is asked for from a node to itself: the sampler never
 * pairs one with itself (bench/sample/).
 */
function pathQuery(): string {
  const text = cypher('read/path#4');
  const last = text.lastIndexOf('RETURN [n IN best.ns');
  if (last < 0)
    throw new Error("cypher/read/path.cypher no longer ends with 'RETURN [n IN best.ns', the clause bench/raw-server.ts replaces");
  return `${text.slice(0, last)}RETURN {length: size(best.rs), nodes: [n IN best.ns | {label: coalesce(n.name, n.title, CASE WHEN n:Statement THEN '“' + n.text + '”' END, CASE WHEN n:Vote THEN 'vote ' + toString(n.votesFor) + '–' + toString(n.votesAgainst) END, n.id)}]} AS chain`;
}

/** Each operation's query, its parameters from the request's variables, and the answer's `data` from its rows. */
const routes: Record<
  OperationName,
  { query: string; params(v: Variables): Record<string, unknown>; data?(records: Neo4jRecord[]): unknown }
> = {
  entityWithRoles: { query: rawCypher('entity-with-roles'), params: (v) => ({ id: v.id, first }) },
  supporters: { query: rawCypher('supporters'), params: (v) => ({ id: v.id, first }) },
  statementsAbout: { query: rawCypher('statements-about'), params: (v) => ({ about: v.id, first }) },
  path: {
    query: pathQuery(),
    params: (v) => ({
      from: v.from,
      to: v.to,
      candidates: neo4j.int(PATH_CANDIDATES),
      structural: vocabulary().structuralTypes,
      first: neo4j.int(1),
    }),
    data: (records) => ({ path: records.map((r) => r.get('chain')) }),
  },
  search: { query: rawCypher('search'), params: (v) => ({ query: toLuceneQuery(String(v.text ?? '')), first }) },
};

/** An operation's `data`: its one query, run as raw runs it. Also the resolver of the yoga baseline (bench/yoga-server.ts). */
export async function rawData(driver: Driver, database: string, name: OperationName, variables: Variables): Promise<unknown> {
  const route = routes[name];
  const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
  try {
    const { records } = await runWithoutStack(session, route.query, route.params(variables));
    return (route.data ?? dataColumn)(records);
  } finally {
    void session.close();
  }
}

export const isOperationName = (name: unknown): name is OperationName => typeof name === 'string' && Object.hasOwn(routes, name);

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
    const name = request.operationName;
    if (!isOperationName(name))
      return failure(
        400,
        `Unknown operation ${JSON.stringify(request.operationName)}; this server answers ${Object.keys(routes).join(', ')}.`,
      );
    try {
      return { status: 200, body: JSON.stringify({ data: await rawData(driver, database, name, (request.variables ?? {}) as Variables) }) };
    } catch (error) {
      return failure(500, error instanceof Error ? error.message : String(error));
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
