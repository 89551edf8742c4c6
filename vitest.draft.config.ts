import { defineConfig } from 'vitest/config';

// The drafter's tests are pure text work: no Neo4j, so no global setup. Run them with
// `npx vitest run -c vitest.draft.config.ts`.
export default defineConfig({
  test: { include: ['tests/draft*.test.ts'], testTimeout: 30_000 },
});
