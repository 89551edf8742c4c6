/**
 * CPU time of a process, from Linux's /proc, so that a throughput round can say what each
 * request cost in CPU, in the server's Node process and in the Neo4j JVM.
 *
 * Terminology: *CPU time* of a process is user plus system time (/proc/<pid>/stat fields 14
 * utime and 15 stime, in clock ticks of 1/`getconf CLK_TCK` s, 10 ms on Linux) summed over all
 * its threads (for Node: the main thread, libuv's pool and the garbage collector; for the JVM:
 * query threads, Bolt, GC and JIT), not including its children.
 *
 * Contract:
 * - `cpuMs(pid)` is that process's CPU time so far in milliseconds, or null when it cannot be
 *   read (no /proc, as on macOS, or the process is gone).
 * - `findNeo4jPid(dataDir, port)` is the pid of the local Neo4j launcher JVM
 *   (src/db/local-neo4j.ts) serving `dataDir` on Bolt `port`, found by its command line
 *   (`… local.neo4j.LocalNeo4j <dataDir> <port>`) in /proc/<pid>/cmdline, or null.
 * - `cpuMeter(pids)` reads every pid's CPU time now; the returned `stop()` reads them again
 *   and gives each one's CPU milliseconds in between (null where either read failed).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

let ticksPerSecond: number | undefined;
const clockTicks = () => {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
};

export function cpuMs(pid: number): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Field 2, the command name, is in parentheses and may hold spaces; fields 3… follow the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[14 - 3]);
  const stime = Number(fields[15 - 3]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return null;
  return ((utime + stime) * 1000) / clockTicks();
}

export function findNeo4jPid(dataDir: string, port: number): number | null {
  const dir = resolve(dataDir);
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return null;
  }
  for (const entry of entries) {
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone, or not ours to read
    }
    const at = args.indexOf('local.neo4j.LocalNeo4j');
    if (at > 0 && /(^|\/)java$/.test(args[0]!) && args[at + 1] === dir && args[at + 2] === String(port)) return Number(entry);
  }
  return null;
}

export function cpuMeter<K extends string>(pids: Record<K, number | null>): { stop(): Record<K, number | null> } {
  const keys = Object.keys(pids) as K[];
  const read = () => Object.fromEntries(keys.map((k) => [k, pids[k] === null ? null : cpuMs(pids[k])])) as Record<K, number | null>;
  const before = read();
  return {
    stop() {
      const after = read();
      return Object.fromEntries(
        keys.map((k) => {
          const [b, a] = [before[k], after[k]];
          return [k, a === null || b === null ? null : a - b];
        }),
      ) as Record<K, number | null>;
    },
  };
}
