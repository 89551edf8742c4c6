/**
 * The local Neo4j: a real Neo4j Community 5.26 server embedded in the small Java launcher
 * under neo4j-local/, for laptops, tests and CI without Docker.
 *
 * Contract: `startLocalNeo4j({ dir, port })` builds the launcher once (Maven; later starts
 * reuse target/, and rebuild it when LocalNeo4j.java is newer), starts it in its own JVM,
 * resolves when Bolt answers, and returns `{ uri, pid, stop() }`. `stop()` sends SIGTERM and
 * resolves when the JVM has shut the database down. A missing Java or Maven, a failed build
 * or a busy port rejects with LocalNeo4jError, whose message says what to do.
 *
 * Never outliving its parent: the JVM watches its stdin, a pipe from this process, and shuts
 * down cleanly when it closes, which the system does however this process ends (kill -9
 * too). At start, a launcher JVM already running on the same data folder is found by its
 * command line: when it is provably a leftover of ours (same launcher, same folder, and its
 * parent gone, so nothing can be using it) it is stopped; otherwise start-up stops with its
 * pid and what to do.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

export interface LocalNeo4j {
  uri: string;
  pid: number;
  stop(): Promise<void>;
}

export interface LocalNeo4jOptions {
  /** Data folder; created when missing and kept across restarts. */
  dir: string;
  /** Bolt port on 127.0.0.1. */
  port: number;
  /** Page cache size in bytes (default 256 MiB). */
  pageCacheBytes?: number;
  /** Maximum JVM heap in MiB (default 1024, i.e. -Xmx1g); large datasets need more. */
  heapMb?: number;
  /** Gives up when Bolt has not answered after this long (default 120 s). */
  startTimeoutMs?: number;
  /** Progress lines ("building the local Neo4j…"); silent by default. */
  log?: (line: string) => void;
}

const launcherDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../neo4j-local');
const classesDir = join(launcherDir, 'target/classes');
const libDir = join(launcherDir, 'target/lib');
const launcherSource = join(launcherDir, 'src/main/java/local/neo4j/LocalNeo4j.java');
const launcherClass = join(classesDir, 'local/neo4j/LocalNeo4j.class');

// Neo4j's own start scripts pass these; without them embedded Neo4j on Java 17 cannot reach
// DirectByteBuffer internals.
const jvmFlags = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '-XX:+UseG1GC',
  '-Xms256m',
];

function hasCommand(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return r.status === 0;
}

function isBuilt(): boolean {
  return (
    existsSync(launcherClass) &&
    statSync(launcherClass).mtimeMs >= statSync(launcherSource).mtimeMs &&
    existsSync(libDir) &&
    readdirSync(libDir).some((f) => f.startsWith('neo4j-kernel'))
  );
}

interface Launcher {
  pid: number;
  ppid: number;
  dir: string;
  port: string;
  ours: boolean;
}

/** Launcher JVMs running on this machine, from their command lines (`ps`, so Linux and macOS). */
function runningLaunchers(): Launcher[] {
  const r = spawnSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  if (r.status !== 0) return [];
  const found: Launcher[] = [];
  for (const line of r.stdout.split('\n')) {
    const m = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (!m || !/\bjava\b/.test(m[3]!)) continue;
    const args = m[3]!.split(' ');
    const at = args.indexOf('local.neo4j.LocalNeo4j');
    if (at < 0 || at + 2 >= args.length) continue;
    found.push({
      pid: Number(m[1]),
      ppid: Number(m[2]),
      dir: args[at + 1]!,
      port: args[at + 2]!,
      ours: args.includes(`${classesDir}:${libDir}/*`),
    });
  }
  return found;
}

/** Whether process `pid` is running. */
export const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Stops a leftover launcher on `dataDir` when it is provably ours and orphaned; refuses to start beside any other. */
async function clearStaleLauncher(dataDir: string, log: (line: string) => void): Promise<void> {
  for (const stale of runningLaunchers().filter((l) => l.dir === dataDir)) {
    if (stale.ours && stale.ppid === 1) {
      log(`Stopping a local Neo4j left running on ${dataDir} by a server that is gone (pid ${stale.pid})…`);
      process.kill(stale.pid, 'SIGCONT'); // a frozen one could not shut down
      process.kill(stale.pid, 'SIGTERM');
      const deadline = Date.now() + 30_000;
      while (alive(stale.pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      if (alive(stale.pid)) process.kill(stale.pid, 'SIGKILL');
      while (alive(stale.pid)) await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    throw new LocalNeo4jError(
      `A local Neo4j is already running on ${dataDir} (pid ${stale.pid}, Bolt port ${stale.port}, started by pid ${stale.ppid}) and holds its store lock. ` +
        `Stop it if it is yours to stop (kill ${stale.pid}), use it instead (NEO4J_URI=bolt://127.0.0.1:${stale.port}), or set NEO4J_LOCAL_DIR to another folder.`,
    );
  }
}

/** Builds the launcher with Maven unless target/ already holds it. */
export function buildLocalNeo4j(log: (line: string) => void = () => {}): void {
  if (!hasCommand('java', ['-version'])) {
    throw new LocalNeo4jError(
      'Java 17 or newer is needed to run the local Neo4j, and `java` was not found on PATH. Install a JDK (e.g. `apt-get install openjdk-17-jdk-headless`), or set NEO4J_URI to use a Neo4j server you already have.',
    );
  }
  if (isBuilt()) return;
  if (!hasCommand('mvn', ['-v'])) {
    throw new LocalNeo4jError(
      'Maven is needed once to fetch Neo4j for the local database, and `mvn` was not found on PATH. Install it (e.g. `apt-get install maven`), or set NEO4J_URI to use a Neo4j server you already have.',
    );
  }
  log(
    existsSync(launcherClass)
      ? 'Rebuilding the local Neo4j launcher (LocalNeo4j.java changed)…'
      : 'Building the local Neo4j launcher (first run only; Maven downloads about 125 MB)…',
  );
  const r = spawnSync('mvn', ['-q', '-B', 'package', 'dependency:copy-dependencies', '-DskipTests'], {
    cwd: launcherDir,
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    const tail = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new LocalNeo4jError(`Building the local Neo4j launcher failed (mvn exited ${r.status}). Last lines:\n${tail}`);
  }
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const { dir, port, pageCacheBytes = 256 * 1024 * 1024, heapMb = 1024, startTimeoutMs = 120_000, log = () => {} } = options;
  buildLocalNeo4j(log);
  const dataDir = resolve(dir);
  await clearStaleLauncher(dataDir, log);
  if (await portAnswers(port)) {
    const holder = runningLaunchers().find((l) => l.port === String(port));
    throw new LocalNeo4jError(
      `Port ${port} on 127.0.0.1 is already in use${holder ? ` by a local Neo4j (pid ${holder.pid}, data in ${holder.dir})` : ''}, so the local Neo4j cannot listen there. Stop what uses it, set NEO4J_LOCAL_PORT to a free port, or set NEO4J_URI to use that server.`,
    );
  }
  mkdirSync(dataDir, { recursive: true });
  log(`Starting the local Neo4j on bolt://127.0.0.1:${port} (data in ${dataDir})…`);
  const child = spawn('java', launcherArgs(dataDir, port, heapMb), {
    env: { ...process.env, NEO4J_LOCAL_PAGECACHE_BYTES: String(pageCacheBytes), NEO4J_LOCAL_WATCH_STDIN: '1' },
    // stdin: a pipe this process never writes to; the JVM exits when it closes (see above).
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const uri = `bolt://127.0.0.1:${port}`;
  await waitForReady(child, startTimeoutMs);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    uri,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The JVM's arguments for the launcher on `dataDir` and `port` (tests start one by hand with them, as an older server would have left it). */
export function launcherArgs(dataDir: string, port: number, heapMb = 1024): string[] {
  return [...jvmFlags, `-Xmx${heapMb}m`, '-cp', `${classesDir}:${libDir}/*`, 'local.neo4j.LocalNeo4j', dataDir, String(port)];
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((done, fail) => {
    let stderr = '';
    let stdout = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new LocalNeo4jError(`The local Neo4j did not answer within ${timeoutMs / 1000} s. Last output:\n${stderr.slice(-2000)}`));
    }, timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('READY ')) {
        clearTimeout(timer);
        done();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.length > 20_000) stderr = stderr.slice(-10_000);
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      fail(new LocalNeo4jError(`Could not run java for the local Neo4j: ${err.message}`));
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const reason = stderr
        .split('\n')
        .find((l) => l.startsWith('ERROR '))
        ?.slice(6);
      fail(
        new LocalNeo4jError(
          reason
            ? `The local Neo4j did not start: ${reason}`
            : `The local Neo4j exited (${signal ?? `code ${code}`}) before it was ready. Last output:\n${stderr.slice(-2000)}`,
        ),
      );
    });
  });
}

/** A port the OS says is free on 127.0.0.1 (for a local Neo4j or a server that must not clash). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}
