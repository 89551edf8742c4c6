/**
 * The local Neo4j never outlives the process that started it, and a leftover one on the
 * same data folder is cleaned up when provably ours, or reported with its pid.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { alive, freePort, launcherArgs, startLocalNeo4j, type LocalNeo4j } from '../src/db/local-neo4j.js';

const dirs: string[] = [];
const pids: number[] = [];
const started: LocalNeo4j[] = [];

const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-local-'));
  dirs.push(dir);
  return dir;
};

afterAll(async () => {
  for (const neo4j of started) await neo4j.stop().catch(() => {});
  for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

it('stops, cleanly, when the process that started it is killed with SIGKILL', async () => {
  const dir = folder();
  const port = await freePort();
  // A parent of its own, as `npm start` or `npm run seed` would be, that starts the local Neo4j and then waits.
  const script = `import { startLocalNeo4j } from './src/db/local-neo4j.ts';
const neo4j = await startLocalNeo4j({ dir: ${JSON.stringify(dir)}, port: ${port} });
console.log('JVM ' + neo4j.pid);
setInterval(() => {}, 1000);`;
  const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  pids.push(parent.pid!);
  let output = '';
  parent.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  parent.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  await expect.poll(() => output, { timeout: 150_000, interval: 200 }).toMatch(/JVM \d+/);
  const jvm = Number(/JVM (\d+)/.exec(output)![1]);
  pids.push(jvm);
  expect(alive(jvm)).toBe(true);

  parent.kill('SIGKILL');
  // Before: the JVM went on holding the port and the store lock until someone killed java by hand.
  await expect.poll(() => alive(jvm), { timeout: 60_000, interval: 200 }).toBe(false);
  // It shut the database down rather than dying: the folder opens again at once.
  const again = await startLocalNeo4j({ dir, port });
  started.push(again);
  await again.stop();
}, 300_000);

it('stops a leftover local Neo4j on the same data folder whose server is gone, and starts', async () => {
  const dir = folder();
  const leftoverPort = await freePort();
  // As a server killed before this change left it: no parent (the shell that started it is gone) and not watching its stdin.
  const shell = spawn(
    'sh',
    [
      '-c',
      `java ${launcherArgs(dir, leftoverPort, 512)
        .map((a) => `'${a}'`)
        .join(' ')} </dev/null >/dev/null 2>&1 & echo $!`,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let echoed = '';
  shell.stdout!.on('data', (c: Buffer) => (echoed += c.toString()));
  await new Promise((r) => shell.once('exit', r));
  const leftover = Number(echoed.trim());
  pids.push(leftover);
  // Wait until it holds the folder (its Bolt port answers).
  const { createConnection } = await import('node:net');
  const answers = () =>
    new Promise<boolean>((done) => {
      const socket = createConnection({ host: '127.0.0.1', port: leftoverPort });
      socket.once('connect', () => (socket.destroy(), done(true)));
      socket.once('error', () => done(false));
    });
  await expect.poll(answers, { timeout: 150_000, interval: 500 }).toBe(true);

  const lines: string[] = [];
  const neo4j = await startLocalNeo4j({ dir, port: await freePort(), log: (l) => lines.push(l) });
  started.push(neo4j);
  expect(lines.join('\n')).toMatch(new RegExp(`left running on .* by a server that is gone \\(pid ${leftover}\\)`));
  expect(alive(leftover)).toBe(false);
}, 300_000);

it('refuses to start beside a local Neo4j on the same folder that is in use, naming its pid and what to do', async () => {
  const dir = folder();
  const first = await startLocalNeo4j({ dir, port: await freePort() });
  started.push(first);
  const refused = await startLocalNeo4j({ dir, port: await freePort() }).then(
    () => 'started',
    (e: Error) => e.message,
  );
  expect(refused).toContain(`pid ${first.pid}`);
  expect(refused).toContain(`kill ${first.pid}`);
  expect(refused).toContain('NEO4J_LOCAL_DIR');
}, 300_000);
