/**
 * The one door to Neo4j. Every query the app runs goes through `read` or `write`, by the
 * name of a file under cypher/ and with `$parameters` only: no query text is ever built from
 * input.
 *
 * Contract: reads run as auto-commit transactions in read sessions (routable to followers
 * and read replicas; a read needs no BEGIN/COMMIT, which halves the driver's CPU per query
 * and cuts Neo4j's by a third: see docs/performance.md), writes as managed write
 * transactions; both use the configured database (which saves the driver a round trip) and a
 * transaction timeout. Integers come back as JS numbers
 * (the graph holds none above 2^53). Driver failures are translated by src/db/errors.ts.
 *
 * Failing fast: connections time out after `connectionTimeoutMs`; a failed read is not
 * retried and a failed write is retried for at most `retryTimeMs`, so with Neo4j down a read
 * fails in about the connection timeout with DATABASE_UNAVAILABLE. After such a failure,
 * queries fail at once for `cooldownMs` (a circuit breaker: no request waits on a database
 * known to be down), then the next one tries again; the driver reconnects by itself once
 * Neo4j is back. `reader(signal)` gives a request its own view whose reads stop when the
 * request's deadline passes.
 */
import neo4j, { type Driver, type ManagedTransaction, type RecordShape, type Session } from 'neo4j-driver';
import { cypher, parametersOf, readQueryNames, type CypherName } from './cypher.js';
import { deadlineError, isUnavailable, translateDriverError, unavailableError } from './errors.js';

export interface GraphDbOptions {
  uri: string;
  user?: string;
  password?: string;
  database: string;
  /** Server-side transaction timeout for reads and single writes (default 5 s). */
  transactionTimeoutMs?: number;
  /** How long to wait for a connection before failing (default 1 s). */
  connectionTimeoutMs?: number;
  /** How long the driver goes on retrying a write that failed for a transient reason (default 0.5 s: one retry, about 1 s later). Reads are not retried. */
  retryTimeMs?: number;
  /** After Neo4j is found unreachable, how long to fail at once before trying again (default 1 s). */
  cooldownMs?: number;
}

/** What a request may do with the graph: read, by Cypher file name. */
export interface GraphReader {
  read<T extends Row = Row>(name: CypherName, params?: Record<string, unknown>): Promise<T[]>;
}

export type Row = RecordShape;
export type QueryListener = (name: CypherName, params: Record<string, unknown>) => void;

export class GraphDb {
  readonly driver: Driver;
  readonly database: string;
  private readonly timeout: number;
  private readonly listeners = new Set<QueryListener>();

  private readonly cooldown: number;
  private downUntil = 0;
  /** True while `warmUp` runs: /ready answers 503 until the queries are planned. */
  private warming = false;
  /** Set by `close`: `warmUp` stops after the query it is running. */
  private closed = false;

  constructor({
    uri,
    user = 'neo4j',
    password = '',
    database,
    transactionTimeoutMs = 5_000,
    connectionTimeoutMs = 1_000,
    retryTimeMs = 500,
    cooldownMs = 1_000,
  }: GraphDbOptions) {
    this.database = database;
    this.cooldown = cooldownMs;
    this.timeout = transactionTimeoutMs;
    this.driver = neo4j.driver(uri, password ? neo4j.auth.basic(user, password) : undefined, {
      disableLosslessIntegers: true,
      connectionTimeout: connectionTimeoutMs,
      // Waiting for a pooled connection under load is not an outage: give it longer.
      connectionAcquisitionTimeout: Math.max(connectionTimeoutMs, 10_000),
      maxConnectionPoolSize: 100,
      maxTransactionRetryTime: retryTimeMs,
      userAgent: 'newsgraph/0.1',
    });
  }

  /** Called for every query sent; tests use it to count round trips. */
  onQuery(listener: QueryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  read<T extends Row = Row>(name: CypherName, params: Record<string, unknown> = {}): Promise<T[]> {
    return this.run<T>('READ', name, params);
  }

  /** Reads bound to `signal`: once it aborts, reads in flight stop and new ones fail at once. */
  reader(signal: AbortSignal): GraphReader {
    return {
      read: <T extends Row = Row>(name: CypherName, params: Record<string, unknown> = {}) => this.run<T>('READ', name, params, signal),
    };
  }

  write<T extends Row = Row>(name: CypherName, params: Record<string, unknown> = {}): Promise<T[]> {
    return this.run<T>('WRITE', name, params);
  }

  /** Runs `work` in one write transaction: all of it lands or none of it does. */
  async writeTransaction<T>(
    work: (tx: { run: (name: CypherName, params?: Record<string, unknown>) => Promise<Row[]> }) => Promise<T>,
  ): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(
        (tx: ManagedTransaction) =>
          work({
            run: async (name, params = {}) => {
              this.emit(name, params);
              const result = await tx.run(cypher(name), params);
              return result.records.map((r) => r.toObject());
            },
          }),
        { timeout: 120_000 },
      );
    } catch (error) {
      throw translateDriverError(error);
    } finally {
      await session.close();
    }
  }

  /** Whether this server is ready: not planning its queries (`warmUp`), and Neo4j answers. */
  async ping(): Promise<boolean> {
    if (this.warming) return false;
    try {
      await this.driver.executeQuery(
        'RETURN 1',
        {},
        { database: this.database, routing: neo4j.routing.READ, transactionConfig: { timeout: 2_000 } },
      );
      return true;
    } catch {
      return false;
    }
  }

  close(): Promise<void> {
    this.closed = true;
    return this.driver.close();
  }

  /**
   * Runs every read query once, with parameters that match nothing, so that Neo4j has
   * planned them all before requests come: planning one takes 0.3–0.5 s on this project's
   * 2-core machine, and on a fresh Neo4j, 50 connections at once queued behind the same
   * plans past the transaction timeout. Two at a time; resolves to how many ran.
   * Until it has, `ping` (and so /ready) says not ready; requests are answered meanwhile.
   * `close` stops it after the query in hand, so that shutting down does not wait for it.
   */
  async warmUp(): Promise<number> {
    this.warming = true;
    const names = readQueryNames();
    const fixed: Record<string, unknown> = {
      ids: [],
      followTypes: [],
      query: 'warmup',
      offset: neo4j.int(0),
      limit: neo4j.int(1),
      first: neo4j.int(1),
      candidates: neo4j.int(1),
    };
    const queue = [...names];
    let planned = 0;
    await Promise.all(
      [0, 1].map(async () => {
        const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
        try {
          for (let name = queue.shift(); name && !this.closed; name = queue.shift()) {
            const params = Object.fromEntries(parametersOf(name).map((p) => [p, p in fixed ? fixed[p] : null]));
            // Best effort: a query that fails here (an index not made yet, say) plans on first use.
            await session.run(cypher(name), params, { timeout: this.timeout }).then(
              () => planned++,
              () => {},
            );
          }
        } finally {
          await session.close();
        }
      }),
    ).finally(() => (this.warming = false));
    return planned;
  }

  private emit(name: CypherName, params: Record<string, unknown>): void {
    for (const listener of this.listeners) listener(name, params);
  }

  private async run<T extends Row>(
    routing: 'READ' | 'WRITE',
    name: CypherName,
    params: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<T[]> {
    if (signal?.aborted) throw deadlineError(signal);
    if (Date.now() < this.downUntil) throw unavailableError();
    this.emit(name, params);
    // A session per read, as executeQuery makes, but no BEGIN/COMMIT and no bookmarks (reads
    // need no causal chaining to earlier writes).
    const session = routing === 'READ' ? this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ }) : null;
    try {
      const query = session
        ? runWithoutStack(session, cypher(name), params, { timeout: this.timeout })
        : this.driver.executeQuery(cypher(name), params, {
            database: this.database,
            routing: neo4j.routing.WRITE,
            transactionConfig: { timeout: this.timeout },
          });
      // On abort, answer the caller at once; closing the session below stops the query.
      const result = await (signal ? raceAbort(query, signal) : query);
      return result.records.map((r) => r.toObject() as T);
    } catch (error) {
      const translated = translateDriverError(error, signal);
      if (isUnavailable(translated)) this.downUntil = Date.now() + this.cooldown;
      throw translated;
    } finally {
      // Not awaited: the answer need not wait for the connection to go back to the pool.
      session?.close().catch(() => {});
    }
  }
}

/**
 * `session.run` without the stack trace the driver captures for every query, to put on an
 * error should the query fail. Capturing it cost about 6% of the server's CPU under load
 * (docs/performance.md); failures are translated (src/db/errors.ts) and keep their code and
 * message, only the driver's call stack is lost. The driver captures it synchronously, in
 * `run`, so the limit is back before any other code runs.
 */
export function runWithoutStack(session: Session, text: string, params: Record<string, unknown>, config?: Parameters<Session['run']>[2]) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return session.run(text, params, config);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** `work`, or the deadline error as soon as `signal` aborts, whichever comes first. */
function raceAbort<T>(work: PromiseLike<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((done, fail) => {
    const onAbort = () => fail(deadlineError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(work)
      .then(done, fail)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}
