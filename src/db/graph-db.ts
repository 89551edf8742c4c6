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
 * Neo4j is back. While pings find it down (below), reads fail at once too. `reader(signal)`
 * gives a request its own view whose reads stop when the request's deadline passes.
 *
 * Health: every `pingEveryMs` (and after a read finds Neo4j unreachable) `RETURN 1` is sent
 * with a client-side timeout of `pingTimeoutMs`, so a Neo4j that stops answering without
 * closing its connections (a frozen JVM, SIGSTOP) is found, after two pings without an
 * answer (4 to 6 s), as surely as one that is gone (at once). A Neo4j that is only busy still
 * answers reads: while one has come back within the last two ping timeouts, slow pings are
 * not an outage.
 * While pings fail, `serving()` is false (the app then refuses requests at once with
 * DATABASE_UNAVAILABLE: src/plugins/use-database-gate.ts); when one succeeds again the
 * queries are planned again (`warmUp`: a restarted Neo4j has lost its plans, and 50
 * connections at once timed out behind them) and only then is it serving, and ready, again.
 * Ready means reads are answered: never while they still fail at once.
 */
import neo4j, { type Driver, type ManagedTransaction, type RecordShape, type Session } from 'neo4j-driver';
import { cypher, type CypherName } from './cypher.js';
import { queries, warmUpQueries, type Params, type Query } from './queries.js';
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
  /** How long a health ping may take; two in a row without an answer and Neo4j counts as down (default 2 s). */
  pingTimeoutMs?: number;
  /** How often to ping Neo4j in the background (default 1 s; 0: only when asked, by `ping`). */
  pingEveryMs?: number;
}

/** `up`; `down` while pings fail; `replanning` from the first good ping until `warmUp` is done. */
type Health = 'up' | 'down' | 'replanning';

/** /ready's own timeout: it answers 503 rather than wait longer for a ping. */
const readyTimeoutMs = 1_000;

/** What a request may do with the graph: read, by Cypher file name. */
export interface GraphReader {
  read<P extends Params, R>(query: Query<P, R>, params: P): Promise<R[]>;
}

export type Row = RecordShape;
export type QueryListener = (name: CypherName, params: Record<string, unknown>) => void;

export class GraphDb {
  readonly driver: Driver;
  readonly database: string;
  private readonly timeout: number;
  private readonly listeners = new Set<QueryListener>();
  /**
   * Bookmarks of the last write this process committed: every later read waits, on the
   * server it reaches (a cluster follower, say), until that write is there, so a client
   * reads its own writes. Empty until the first write, so read-only servers send none.
   */
  private bookmarks: string[] = [];

  private readonly cooldown: number;
  private downUntil = 0;
  /** True while `warmUp` runs: /ready answers 503 until the queries are planned. */
  private warming = false;
  /** Set by `close`: `warmUp` stops after the query it is running. */
  private closed = false;
  private health: Health = 'up';
  private readonly pingTimeout: number;
  private pinging: Promise<boolean> | null = null;
  private slowPings = 0;
  /** When a read last came back from Neo4j (Date.now()): a busy Neo4j still answers, a frozen one does not. */
  private lastAnswerAt = 0;
  private readonly monitor: NodeJS.Timeout | null;
  /** Reads waiting on Neo4j: each fails with DATABASE_UNAVAILABLE when a ping finds it down. */
  private readonly waiting = new Set<(error: Error) => void>();

  constructor({
    uri,
    user = 'neo4j',
    password = '',
    database,
    transactionTimeoutMs = 5_000,
    connectionTimeoutMs = 1_000,
    retryTimeMs = 500,
    cooldownMs = 1_000,
    pingTimeoutMs = 2_000,
    pingEveryMs = 1_000,
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
    this.pingTimeout = pingTimeoutMs;
    this.monitor = pingEveryMs > 0 ? setInterval(() => void this.check(), pingEveryMs).unref() : null;
  }

  /** Called for every query sent; tests use it to count round trips. */
  onQuery(listener: QueryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  read<P extends Params, R>(query: Query<P, R>, params: P): Promise<R[]> {
    return this.run(query, params);
  }

  /** Reads bound to `signal`: once it aborts, reads in flight stop and new ones fail at once. */
  reader(signal: AbortSignal): GraphReader {
    return { read: (query, params) => this.run(query, params, signal) };
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
      const bookmarks = await session.lastBookmarks();
      if (bookmarks.length) this.bookmarks = bookmarks;
    }
  }

  /**
   * Whether this server is ready (/ready): Neo4j answered a ping just now, and no planning
   * (`warmUp`) is under way. Resolves within 1 s whatever Neo4j does (at once while it is
   * known to be down).
   */
  async ping(): Promise<boolean> {
    const answered = this.check();
    if (this.health !== 'up' || this.warming) return false;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((done) => (timer = setTimeout(() => done(false), readyTimeoutMs)));
    const ok = await Promise.race([answered, late]).finally(() => clearTimeout(timer));
    // Ready means requests are answered: not while reads still fail at once after a failure.
    return ok && this.health === 'up' && !this.warming && Date.now() >= this.downUntil;
  }

  /** Whether requests should be sent to Neo4j: false while it is down or being planned again after an outage. */
  serving(): boolean {
    return this.health === 'up';
  }

  close(): Promise<void> {
    this.closed = true;
    if (this.monitor) clearInterval(this.monitor);
    return this.driver.close();
  }

  /**
   * One health ping at a time (a frozen Neo4j must not collect a hung ping a second); updates
   * `health`. Refused connections count at once; a ping that only runs out of time counts
   * when the one before it did too, so one slow answer under load is not an outage. A ping
   * whose timer itself fired late proves nothing about Neo4j (this process was busy, with a
   * large answer say) and changes nothing.
   */
  private check(): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    this.pinging ??= this.answers().then((answer) => {
      this.pinging = null;
      if (answer === 'unsure') return this.health === 'up';
      const slow = answer === 'slow';
      // While Neo4j plans the queries again it is busy: only a refusal counts then.
      const answering = Date.now() - this.lastAnswerAt < 2 * this.pingTimeout;
      if (answer === 'failed' || (slow && this.slowPings > 0 && this.health === 'up' && !answering)) {
        this.health = 'down';
        // A frozen Neo4j answers no one: the reads already waiting would wait for their deadline.
        for (const fail of this.waiting) fail(unavailableError());
        this.waiting.clear();
      } else if (answer === 'ok' && this.health === 'down') {
        this.health = 'replanning';
        // Neo4j answers: a cooldown from before this would refuse the planning's own reads.
        this.downUntil = 0;
        const replan = () => (this.health === 'replanning' ? (this.health = 'up') : undefined);
        this.warmUp().then(replan, replan);
      }
      this.slowPings = slow ? this.slowPings + 1 : 0;
      return answer === 'ok';
    });
    return this.pinging;
  }

  /**
   * `RETURN 1`: answered, failed, no answer within `pingTimeoutMs` (`slow`), or the timer
   * ran more than half a second late (`unsure`). A hung query ends when Neo4j answers or the
   * driver closes.
   */
  private answers(): Promise<'ok' | 'failed' | 'slow' | 'unsure'> {
    let timer: NodeJS.Timeout | undefined;
    const sent = Date.now();
    const timedOut = new Promise<'slow' | 'unsure'>(
      (done) => (timer = setTimeout(() => done(Date.now() - sent > this.pingTimeout + 500 ? 'unsure' : 'slow'), this.pingTimeout)),
    );
    const query = this.driver
      .executeQuery(
        'RETURN 1',
        {},
        { database: this.database, routing: neo4j.routing.READ, transactionConfig: { timeout: this.pingTimeout } },
      )
      .then(
        () => 'ok' as const,
        () => 'failed' as const,
      );
    return Promise.race([query, timedOut]).finally(() => clearTimeout(timer));
  }

  /** After a read found Neo4j unreachable: fail at once for `cooldownMs`, and find out now whether it is down. */
  private cooldownAfterFailure(): void {
    this.downUntil = Date.now() + this.cooldown;
    void this.check();
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
    // Relationship pages of the types the graph holds (a type it lacks plans on first use).
    const types = await this.run(queries.relationshipCounts, {}).then(
      (rows) => rows.filter((r) => r.count > 0).map((r) => r.type),
      () => [] as string[],
    );
    const queue = warmUpQueries(types);
    let planned = 0;
    await Promise.all(
      [0, 1].map(async () => {
        const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
        try {
          for (let query = queue.shift(); query && !this.closed; query = queue.shift()) {
            // Best effort: a query that fails here (an index not made yet, say) plans on first use.
            await session.run(query.text, withInts(query, query.warm), { timeout: this.timeout }).then(
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

  /** `work`, or DATABASE_UNAVAILABLE as soon as a ping finds Neo4j down, whichever comes first. */
  private untilOutage<T>(work: Promise<T>): Promise<T> {
    return new Promise<T>((done, fail) => {
      this.waiting.add(fail);
      work.then(done, fail).finally(() => this.waiting.delete(fail));
    });
  }

  private emit(name: CypherName, params: Record<string, unknown>): void {
    for (const listener of this.listeners) listener(name, params);
  }

  private async run<P extends Params, R>(query: Query<P, R>, params: P, signal?: AbortSignal): Promise<R[]> {
    if (signal?.aborted) throw deadlineError(signal);
    if (Date.now() < this.downUntil) throw unavailableError();
    // A read would wait for its deadline on a frozen Neo4j (an in-flight request goes on to
    // its other fields after one read failed); this one asks whether it is back (pings are
    // one at a time) and fails at once.
    if (this.health === 'down') {
      void this.check();
      throw unavailableError();
    }
    this.emit(query.name, params as Record<string, unknown>);
    // A session per read, as executeQuery makes, but no BEGIN/COMMIT; bookmarks only once this
    // process has written (read your writes).
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ, bookmarks: this.bookmarks });
    try {
      const running = runWithoutStack(session, query.text, withInts(query, params), { timeout: this.timeout });
      // On abort or an outage, answer the caller at once; closing the session below stops the query.
      const result = await this.untilOutage(signal ? raceAbort(running, signal) : running);
      this.lastAnswerAt = Date.now();
      return result.records.map((r) => r.toObject() as R);
    } catch (error) {
      const translated = translateDriverError(error, signal);
      // Failed by a ping that found Neo4j down while this read waited (so the cast: `health`
      // changed since the check above): reads are refused until a ping finds it back, so no
      // cooldown, which could outlast the outage and refuse reads after /ready said 200.
      if (isUnavailable(translated) && (this.health as Health) !== 'down') this.cooldownAfterFailure();
      throw translated;
    } finally {
      // Not awaited: the answer need not wait for the connection to go back to the pool.
      session.close().catch(() => {});
    }
  }
}

/** `params` with the query's integer parameters as Neo4j integers (JS numbers go as floats). */
function withInts<P extends Params>(query: Query<P, unknown>, params: P): Record<string, unknown> {
  if (!query.ints.length) return params as Record<string, unknown>;
  const out: Record<string, unknown> = { ...(params as Record<string, unknown>) };
  for (const key of query.ints) out[key] = neo4j.int((params as Record<string, unknown>)[key] as number);
  return out;
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
