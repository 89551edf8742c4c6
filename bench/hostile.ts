/**
 * Issue 15's hostile requests, for `npm run soak -- --hostile`: small anonymous requests that
 * once took the server over (one of them answered 345 MB in 8.7 s at 3.1 GB of server
 * memory), sent in a loop on a few connections of their own while the simple queries run.
 *
 * Terminology: a *kind* is one way of asking too much:
 * - `hub`: the hub person's events → their participants → each one's mentions → the
 *   sentences → the whole article's text;
 * - `aliases`: that block twice in one request, under two aliases (once an HTTP 500);
 * - `parallel`: five `hub` requests at once, on five connections;
 * - `nodes`: `nodes(ids:)` with 970 copies of one article's global id, each asking for 100
 *   sentences and, through each, the article's text again;
 * - `hang-up`: a `hub` request whose client hangs up after 1 s, answered or not;
 * - `no-read`: a `hub` request whose client never reads the answer: it keeps the connection
 *   open, unread, for 15 s, then drops it.
 * The *hub* is the person with the most relationships (bench/sample/hub-person.cypher).
 * An *outcome* is how one request ended: "<HTTP status> <error codes>" ("200 data" when the
 * answer carried no error), "unread <status>" (no-read: the status line came, the body was
 * never read), "hung up at 1 s", "failed: <why>", "no answer in 30 s", or "in flight at the
 * end" (the run ended first).
 *
 * Contract:
 * - `findHostileTargets(driver, url)` finds the hub in the database and the first article's
 *   global id through the API; `hostileBodies(targets)` makes the request bodies.
 * - `startHostile({ url, bodies, connections })` starts `connections` loops; loop i sends the
 *   kinds in turn from kind i on, each as soon as the one before has ended (a `no-read` is
 *   held in the background, one per loop at a time; its turn is skipped while one is held).
 *   `stop()` ends the loops, drops what is in flight, and resolves to each kind's tally.
 */
import { setMaxListeners } from 'node:events';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import neo4j, { type Driver } from 'neo4j-driver';
import { errorCodes } from './load.js';

export const hostileKinds = ['hub', 'aliases', 'parallel', 'nodes', 'hang-up', 'no-read'] as const;
export type HostileKind = (typeof hostileKinds)[number];

export interface HostileTargets {
  /** Key of the hub person, e.g. "person:patrick-holloway". */
  hub: string;
  /** Global id of the first article. */
  articleId: string;
}

export interface HostileBodies {
  hub: string;
  aliases: string;
  nodes: string;
}

export interface KindTally {
  /** Requests that ended within the run (a `parallel` turn is five). */
  requests: number;
  /** Requests by outcome (see Terminology). */
  outcomes: Record<string, number>;
  /** Longest time from sending to the outcome, in ms. */
  slowestMs: number;
  /** Largest answer read, in bytes. */
  largestBytes: number;
}

export type HostileTally = Record<HostileKind, KindTally>;

export interface RunningHostile {
  stop(): Promise<HostileTally>;
}

const HANG_UP_MS = 1000;
const NO_READ_HOLD_MS = 15_000;
const GIVE_UP_MS = 30_000;
/** Past this, an answer is not kept to read its error codes (the byte cap is 4 MiB). */
const KEEP_BYTES = 16 * 1024 * 1024;

const hubCypher = readFileSync(new URL('./sample/hub-person.cypher', import.meta.url), 'utf8');

export async function findHostileTargets(driver: Driver, url: string): Promise<HostileTargets> {
  const { records } = await driver.executeQuery(hubCypher, {}, { database: 'neo4j', routing: neo4j.routing.READ });
  const hub = records[0]?.get('id') as string | undefined;
  if (!hub) throw new Error('The database holds no person: no hub for the hostile requests.');
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ articles(first: 1) { edges { node { id } } } }' }),
  });
  const body = (await res.json()) as { data?: { articles?: { edges: { node: { id: string } }[] } } };
  const articleId = body.data?.articles?.edges[0]?.node.id;
  if (!articleId) throw new Error(`The server at ${url} named no article (HTTP ${res.status}): no target for the nodes(ids:) request.`);
  return { hub, articleId };
}

const hubBlock = (hub: string, alias = '') =>
  `${alias}entity(id: ${JSON.stringify(hub)}) { events { participants { other { ... on Entity { mentions { sentences { article { text } } } } } } } }`;

export function hostileBodies({ hub, articleId }: HostileTargets): HostileBodies {
  return {
    hub: JSON.stringify({ query: `{ ${hubBlock(hub)} }` }),
    aliases: JSON.stringify({ query: `{ ${hubBlock(hub, 'a: ')} ${hubBlock(hub, 'b: ')} }` }),
    nodes: JSON.stringify({
      query:
        'query ($ids: [ID!]!) { nodes(ids: $ids) { ... on Article { sentences(first: 100) { edges { node { article { text } } } } } } }',
      variables: { ids: Array.from({ length: 970 }, () => articleId) },
    }),
  };
}

interface Ended {
  outcome: string;
  ms: number;
  bytes: number;
}

type Manner = 'read' | 'hang-up' | 'no-read';

/** One request, ended per its manner, or by `stopped` (then "in flight at the end"). */
function send(target: URL, body: string, agent: Agent | false, manner: Manner, stopped: AbortSignal): Promise<Ended> {
  return new Promise((done) => {
    const started = performance.now();
    const timers: NodeJS.Timeout[] = [];
    let settled = false;
    let status: number | null = null;
    const finish = (outcome: string, bytes = 0) => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      stopped.removeEventListener('abort', onStop);
      done({ outcome, ms: performance.now() - started, bytes });
    };
    const drop = (outcome: string) => {
      finish(outcome);
      req.destroy();
    };
    const onStop = () => drop('in flight at the end');
    const req = request(
      target,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        status = res.statusCode ?? 0;
        if (manner === 'no-read') {
          res.pause();
          return;
        }
        const chunks: Buffer[] = [];
        let bytes = 0;
        res.on('data', (c: Buffer) => {
          bytes += c.length;
          if (bytes <= KEEP_BYTES) chunks.push(c);
        });
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const ok = status! >= 200 && status! < 300 && !text.includes('"errors":[');
          const codes = ok ? ['data'] : bytes > KEEP_BYTES ? ['(over 16 MiB, not parsed)'] : errorCodes(text);
          finish(`${status} ${codes.join('+')}`, bytes);
        });
        res.on('error', (e) => finish(`failed: ${e.message}`));
      },
    );
    if (manner === 'hang-up') timers.push(setTimeout(() => drop('hung up at 1 s'), HANG_UP_MS));
    if (manner === 'no-read')
      timers.push(setTimeout(() => drop(status === null ? 'no status line in 15 s (unread)' : `unread ${status}`), NO_READ_HOLD_MS));
    timers.push(setTimeout(() => drop(`no answer in ${GIVE_UP_MS / 1000} s`), GIVE_UP_MS));
    req.on('error', (e: NodeJS.ErrnoException) => finish(`failed: ${e.code ?? e.message}`));
    stopped.addEventListener('abort', onStop, { once: true });
    req.end(body);
  });
}

const emptyTally = (): HostileTally =>
  Object.fromEntries(hostileKinds.map((k) => [k, { requests: 0, outcomes: {}, slowestMs: 0, largestBytes: 0 }])) as HostileTally;

function record(tally: KindTally, { outcome, ms, bytes }: Ended): void {
  tally.requests++;
  tally.outcomes[outcome] = (tally.outcomes[outcome] ?? 0) + 1;
  tally.slowestMs = Math.max(tally.slowestMs, Math.round(ms));
  tally.largestBytes = Math.max(tally.largestBytes, bytes);
}

export function startHostile({ url, bodies, connections }: { url: string; bodies: HostileBodies; connections: number }): RunningHostile {
  const target = new URL('/graphql', url);
  const stopper = new AbortController();
  const stopped = stopper.signal;
  // Every request in flight listens for the stop: up to seven per loop.
  setMaxListeners(8 * connections, stopped);
  const tally = emptyTally();
  const loop = async (first: number) => {
    // Up to five sockets for a `parallel` turn; hang-ups and no-reads get a connection of their own.
    const agent = new Agent({ keepAlive: true, maxSockets: 5 });
    let held: Promise<void> | null = null;
    try {
      for (let turn = first; !stopped.aborted; turn++) {
        const kind = hostileKinds[turn % hostileKinds.length]!;
        const mark = (ended: Ended) => record(tally[kind], ended);
        if (kind === 'parallel')
          (await Promise.all(Array.from({ length: 5 }, () => send(target, bodies.hub, agent, 'read', stopped)))).forEach(mark);
        else if (kind === 'hang-up') mark(await send(target, bodies.hub, false, 'hang-up', stopped));
        else if (kind === 'no-read') {
          if (!held)
            held = send(target, bodies.hub, false, 'no-read', stopped).then((ended) => {
              mark(ended);
              held = null;
            });
        } else mark(await send(target, bodies[kind], agent, 'read', stopped));
      }
      await held;
    } finally {
      agent.destroy();
    }
  };
  const loops = Array.from({ length: connections }, (_, i) => loop(i));
  return {
    async stop() {
      stopper.abort();
      await Promise.all(loops);
      return tally;
    },
  };
}
