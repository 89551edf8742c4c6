/**
 * This server as the benchmark runs it: src/yoga.ts `createApp` on src/server.ts `listen`,
 * GraphiQL off, over the Neo4j at NEO4J_URI (constraints and indexes applied as at start-up),
 * on PORT. Run by bench/run.ts as `node --import tsx bench/ours-server.ts`; see bench/serve.ts.
 */
import { connect } from '../src/db/connect.js';
import { listen } from '../src/server.js';
import { createApp } from '../src/yoga.js';
import { serve } from './serve.js';

serve('ours', async ({ config }) => {
  const conn = await connect(config);
  // As src/main.ts does before it takes requests.
  await conn.db.warmUp();
  const running = await listen(createApp({ db: conn.db, graphiql: false }), { port: config.port, host: config.host });
  return {
    url: running.url,
    async close() {
      await running.close();
      await conn.close();
    },
  };
});
