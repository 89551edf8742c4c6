/**
 * Puts the app on a port and takes it off again.
 *
 * Contract: `listen(app, { port, host })` resolves once the port is bound (a busy port
 * rejects with a message that names it). `close()` stops taking new connections, waits for
 * requests in flight to finish (up to `graceMs`, default 10 s), then resolves.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from './yoga.js';

export interface RunningServer {
  server: Server;
  url: string;
  close(graceMs?: number): Promise<void>;
}

export function listen(app: App, { port, host }: { port: number; host: string }): Promise<RunningServer> {
  const server = createServer(app);
  return new Promise((done, fail) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      fail(err.code === 'EADDRINUSE' ? new Error(`Port ${port} on ${host} is already in use; set PORT to another port.`) : err);
    });
    server.listen(port, host, () => {
      const { port: bound } = server.address() as AddressInfo;
      done({
        server,
        url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
        close: (graceMs = 10_000) =>
          new Promise<void>((closed) => {
            const timer = setTimeout(() => server.closeAllConnections(), graceMs);
            server.close(() => {
              clearTimeout(timer);
              closed();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
