/**
 * Puts the app on a port and takes it off again.
 *
 * Contract: `listen(app, { port, host })` resolves once the port is bound (a busy port
 * rejects with a message that names it). `inFlight()` counts requests received and not yet
 * answered. `close()` stops taking new connections at once, lets requests in flight (and
 * requests already sent on open connections) finish, up to `graceMs` (default 10 s; then
 * their connections are cut), closes idle keep-alive connections, and resolves when no
 * connection is left.
 *
 * Slow clients: a request's headers must arrive within `headersTimeoutMs` (default 5 s) and
 * the whole request within `requestTimeoutMs` (default 10 s; Node's own defaults are 60 s and
 * 300 s, checked every 30 s); and a response not fully sent `sendGraceMs` (1 s) after
 * `requestTimeoutMs` has its connection closed, so a client that never reads cannot hold its
 * answer in memory. (The app stops resolving at the same deadline: src/plugins/use-request-deadline.ts.)
 * `longerFor(req)` may give some requests a longer answer deadline (writes with a valid key).
 */
import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import { Server as NetServer, type AddressInfo } from 'node:net';

export interface RunningServer {
  server: Server;
  url: string;
  inFlight(): number;
  close(graceMs?: number): Promise<void>;
}

export interface ListenOptions {
  port: number;
  host: string;
  /** Deadline for receiving a request and for sending its answer (default 10 s). */
  requestTimeoutMs?: number;
  /** Deadline for a request's headers (default 5 s). */
  headersTimeoutMs?: number;
  /** A longer deadline for sending some answers (a write's, with a valid key: src/yoga.ts), or null for `requestTimeoutMs`. */
  longerFor?: (req: IncomingMessage) => number | null;
}

/** Past the deadline, time for the app's own REQUEST_TIMEOUT answer to go out. */
const sendGraceMs = 1000;

/** `app`: the yoga app (src/yoga.ts), or any Node request handler (the benchmark servers use it too). */
export function listen(
  app: RequestListener,
  { port, host, requestTimeoutMs = 10_000, headersTimeoutMs = 5_000, longerFor = () => null }: ListenOptions,
): Promise<RunningServer> {
  const server = createServer(
    {
      headersTimeout: Math.min(headersTimeoutMs, requestTimeoutMs),
      requestTimeout: requestTimeoutMs,
      // How often Node checks the two timeouts above (default 30 s, which let a slow client
      // hold a connection 83 s past a 60 s headers timeout).
      connectionsCheckingInterval: Math.min(1000, headersTimeoutMs),
    },
    app,
  );
  let inFlight = 0;
  let closing = false;
  server.on('request', (req, res) => {
    inFlight++;
    const cut = setTimeout(() => res.writableFinished || res.destroy(), Math.max(requestTimeoutMs, longerFor(req) ?? 0) + sendGraceMs);
    res.once('close', () => {
      inFlight--;
      clearTimeout(cut);
    });
    // While closing, answer and hang up, so keep-alive clients move to another instance.
    if (closing) res.setHeader('connection', 'close');
  });
  return new Promise((done, fail) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      fail(err.code === 'EADDRINUSE' ? new Error(`Port ${port} on ${host} is already in use; set PORT to another port.`) : err);
    });
    server.listen(port, host, () => {
      const { port: bound } = server.address() as AddressInfo;
      done({
        server,
        url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
        inFlight: () => inFlight,
        close: (graceMs = 10_000) =>
          new Promise<void>((closed) => {
            closing = true;
            // A connection with no request in progress may still hold one that was sent but
            // not yet read (the event loop is busy while requests run): close idle
            // connections only once nothing is in flight, then as they appear.
            const sweep = setInterval(() => inFlight === 0 && server.closeIdleConnections(), 100);
            const cut = setTimeout(() => server.closeAllConnections(), graceMs);
            // net.Server's close, not http.Server's: the latter also drops every connection
            // without a request in progress at once, including one whose request has been
            // sent but not yet read, and that client would see its request fail.
            NetServer.prototype.close.call(server, () => {
              clearInterval(sweep);
              clearTimeout(cut);
              closed();
            });
          }),
      });
    });
  });
}
