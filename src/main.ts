/**
 * `npm start`: configuration → Neo4j (the local one unless NEO4J_URI is set) → constraints
 * and indexes → the seeds, when the database holds no article → GraphQL on PORT → every
 * query planned in Neo4j, in the background (/ready answers 503 until then).
 * Ctrl-C or SIGTERM stops taking requests, lets those in flight finish, closes the driver and
 * stops the local Neo4j.
 */
import { ConfigError, loadConfig } from './config.js';
import { credentialsFor, CredentialsError, parseCredentials } from './core/credentials.js';
import { vocabulary } from './core/vocabulary.js';
import { connect } from './db/connect.js';
import { articleCount } from './graph/reads.js';
import { seedAll } from './seed/seed-all.js';
import { listen } from './server.js';
import { createApp } from './yoga.js';

// tsx turns on source-mapped stack traces, and the driver takes a stack trace for every
// query: mapping it costs this server about 15% of its CPU per request (docs/performance.md).
// Logged stacks name the transpiled lines instead.
process.setSourceMapsEnabled(false);

const log = (line: string) => console.log(line);

/** How long a write's answer may take (it is one transaction, never stopped half-way). */
const WRITE_TIMEOUT_MS = 60_000;

async function main() {
  const config = loadConfig();
  // The vocabulary is checked before anything starts: a bad edit stops here, with file:line.
  const vocab = vocabulary();
  const stated = [...vocab.relationTypes.values()].filter((d) => !d.structural).length;
  log(
    `Vocabulary: ${stated} relation types (and ${vocab.relationTypes.size - stated} structural), ${vocab.eventTypes.size} event types (${vocab.file}).`,
  );
  // Credentials too: a bad API_KEYS_FILE stops here, naming the entry.
  const credentials = config.apiKeys ? parseCredentials(config.apiKeys.text, config.apiKeys.source) : [];
  log(
    credentials.length
      ? `Writes: ${credentials.length} credential(s) (${credentials.map((c) => `${c.name}: ${c.scopes.join('+')}`).join(', ')}), ${config.writesPerMinute} writes a minute each.`
      : 'Writes: none (no API_KEYS_FILE or API_KEYS); the schema has no mutations.',
  );
  // Signals are handled from the start: a SIGTERM while Neo4j starts or the seeds load also
  // ends with "Stopped." and exit 0, and stops the local Neo4j once it is up.
  let stopping = false;
  let running: Awaited<ReturnType<typeof listen>> | undefined;
  const connecting = connect(config, log);
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const inFlight = running?.inFlight() ?? 0;
    // Close the port first, so the line below is true by the time anyone reads it.
    const closed = running?.close();
    log(`Stopping: no new requests; finishing ${inFlight} in flight…`);
    // However the steps below go, the process ends, and says so.
    const forced = setTimeout(() => {
      log('Stopped (forced: shutting down took over 30 s).');
      process.exit(code);
    }, 30_000);
    try {
      await closed;
      await (await connecting.catch(() => null))?.close();
    } catch (error) {
      console.error(`While stopping: ${error instanceof Error ? error.message : String(error)}`);
    }
    clearTimeout(forced);
    log('Stopped.');
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
  const conn = await connecting;
  try {
    const articles = await articleCount(conn);
    if (!articles) {
      log(`The database holds no article; loading the seeds in ${config.seedDir}/…`);
      await seedAll(conn.db, config.seedDir, log);
    } else {
      log(`The database holds ${articles} article(s); not seeding (run \`npm run seed\` to reload).`);
    }
    const app = createApp({
      db: conn.db,
      graphiql: config.graphiql,
      explore: config.explore,
      introspection: config.introspection,
      corsOrigins: config.corsOrigins,
      requestTimeoutMs: config.requestTimeoutMs,
      maxResponseBytes: config.maxResponseBytes,
      persistedOperations: config.persistedOperations,
      credentials,
      writesPerMinute: config.writesPerMinute,
      seedDir: config.seedDir,
      writeTimeoutMs: WRITE_TIMEOUT_MS,
    });
    const credentialOf = credentialsFor(credentials);
    running = await listen(app, {
      port: config.port,
      host: config.host,
      requestTimeoutMs: config.requestTimeoutMs,
      headersTimeoutMs: config.headersTimeoutMs,
      // A write with a valid key may take up to the app's write deadline (src/yoga.ts).
      longerFor: (req) => (credentialOf(new Headers({ authorization: req.headers.authorization ?? '' })) ? WRITE_TIMEOUT_MS : null),
    });
    log(`GraphQL ready at ${running.url}/graphql${config.graphiql ? ' (open it in a browser for GraphiQL)' : ''}`);
    if (config.explore) log(`Explorer at ${running.url}/explore`);
    // Plan every query in Neo4j now rather than under the first burst of requests; /ready
    // answers 503 until this is done. A failure here is not fatal: queries plan on first use.
    const warming = Date.now();
    conn.db.warmUp().then(
      (planned) =>
        stopping || log(`Planned ${planned} queries in Neo4j in ${((Date.now() - warming) / 1000).toFixed(1)} s; /ready now answers 200.`),
      (error: unknown) =>
        stopping ||
        log(
          `Could not plan the queries ahead (${error instanceof Error ? error.message : String(error)}); they will be planned on first use.`,
        ),
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(error instanceof ConfigError || error instanceof CredentialsError ? 2 : 1);
});
