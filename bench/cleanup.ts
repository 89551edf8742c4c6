/**
 * What a benchmark script started, stopped in reverse order on the way out, also on Ctrl-C.
 *
 * Contract: `stopsOnExit(what)` returns `{ push, run }`: `push(step)` registers a stop;
 * `run()` runs those registered so far, last first, logging (not throwing) a failed one, and
 * leaves the stack empty for what comes next. On SIGINT or SIGTERM it says it is stopping
 * `what`, runs them and exits 130 or 143 (before, a SIGTERM left the servers running).
 */
export interface Stops {
  push(step: () => Promise<void>): void;
  run(): Promise<void>;
}

export function stopsOnExit(what: string): Stops {
  const steps: (() => Promise<void>)[] = [];
  const run = async () => {
    for (let step = steps.pop(); step; step = steps.pop())
      await step().catch((e: unknown) => console.error(`While stopping: ${e instanceof Error ? e.message : String(e)}`));
  };
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)
    process.once(signal, () => {
      console.error(`\nInterrupted (${signal}); stopping ${what}…`);
      void run().then(() => process.exit(code));
    });
  return { push: (step) => void steps.push(step), run };
}
