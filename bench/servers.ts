/**
 * Starts the benchmark servers as child processes (node with tsx), each on its own
 * loopback port over the same Neo4j, and stops them.
 *
 * Contract: `startServer(name, { uri, port })` resolves when the child prints `READY <url>`
 * (bench/serve.ts), and rejects with an error that names the server and quotes the end of
 * its stderr when it exits or stays silent for `readyTimeoutMs` (default 120 s). `stop()`
 * sends SIGTERM and resolves when the child has exited (SIGKILL after 10 s).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ServerName } from './equivalence.js';

export interface RunningServer {
  name: ServerName;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const entry = (name: ServerName) => fileURLToPath(new URL(`./${name}-server.ts`, import.meta.url));

export function startServer(
  name: ServerName,
  { uri, port, readyTimeoutMs = 120_000 }: { uri: string; port: number; readyTimeoutMs?: number },
): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry(name)], {
    env: { ...process.env, NEO4J_URI: uri, NEO4J_DATABASE: 'neo4j', PORT: String(port), HOST: '127.0.0.1', GRAPHIQL: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  return new Promise((done, fail) => {
    const failed = (why: string) => {
      clearTimeout(timer);
      void stop();
      fail(
        new Error(
          `The ${name} server on port ${port} ${why}.${stderr.trim() ? `\n${stderr.trim().split('\n').slice(-15).join('\n')}` : ''}`,
        ),
      );
    };
    const timer = setTimeout(() => failed(`did not report ready within ${readyTimeoutMs / 1000} s`), readyTimeoutMs);
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const ready = /^READY (\S+)$/m.exec(stdout);
      if (ready) {
        clearTimeout(timer);
        child.stdout!.removeAllListeners('data');
        child.stdout!.resume();
        done({ name, url: ready[1]!, pid: child.pid!, stop });
      }
    });
    child.once('exit', (code, signal) => failed(`exited (${signal ?? `code ${code}`}) before it was ready`));
    child.once('error', (error) => failed(`could not be started: ${error.message}`));
  });
}
