/**
 * Puts the app on a port and takes it off again.
 *
 * Contract: `listen(app, { port, host })` resolves once the port is bound (a busy port
 * rejects with a message that names it). `inFlight()` counts requests received and not yet
 * answered. `close()` stops taking new connections at once, lets requests in flight (and
 * requests already sent on open connections) finish, up to `graceMs` (default 10 s; then
 * their connections are cut), closes idle keep-alive connections, and resolves when no
 * connection is left.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import { Server as NetServer, type AddressInfo } from 'node:net';

export interface RunningServer {
  server: Server;
  url: string;
  inFlight(): number;
  close(graceMs?: number): Promise<void>;
}

/** `app`: the yoga app (src/yoga.ts), or any Node request handler (the benchmark servers use it too). */
export function listen(app: RequestListener, { port, host }: { port: number; host: string }): Promise<RunningServer> {
  const server = createServer(app);
  let inFlight = 0;
  let closing = false;
  server.on('request', (_req, res) => {
    inFlight++;
    res.once('close', () => inFlight--);
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
