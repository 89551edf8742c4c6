/**
 * Configuration, parsed once from the environment at start-up.
 *
 * Contract: `loadConfig(env)` returns a typed Config or throws ConfigError whose message
 * names every bad variable and what it expects. With NEO4J_URI unset the server starts its
 * own local Neo4j (see src/db/local-neo4j.ts); with it set, that server is used instead.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const port = z.coerce
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

const envSchema = z.object({
  PORT: port.default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|bolt\+s|bolt\+ssc|neo4j|neo4j\+s|neo4j\+ssc):\/\/[^\s]+$/, {
      error: 'must look like bolt://host:7687, neo4j://host or neo4j+s://host',
    })
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, { error: 'must be a Neo4j database name' })
    .default('neo4j'),
  NEO4J_LOCAL_PORT: port.default(7687),
  NEO4J_LOCAL_DIR: z.string().min(1).default('.neo4j-data'),
  SEED_DIR: z.string().min(1).default('seeds'),
  GRAPHIQL: z.enum(['true', 'false'], { error: 'must be true or false' }).default('true'),
  EXPLORE: z.enum(['true', 'false'], { error: 'must be true or false' }).default('true'),
  INTROSPECTION: z.enum(['true', 'false'], { error: 'must be true or false' }).default('true'),
  CORS_ORIGINS: z
    .string()
    .regex(/^(\*|https?:\/\/[^\s,]+(,https?:\/\/[^\s,]+)*)$/, {
      error: 'must be * or a comma-separated list of origins such as https://app.example.org',
    })
    .default('*'),
  REQUEST_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a whole number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(100, 'must be at least 100')
    .default(10_000),
  HEADERS_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a whole number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(100, 'must be at least 100')
    .default(5_000),
  MAX_RESPONSE_BYTES: z.coerce
    .number({ error: 'must be a whole number of bytes' })
    .int('must be a whole number of bytes')
    .min(1024, 'must be at least 1024')
    .default(4 * 1024 * 1024),
  NEO4J_TX_TIMEOUT_MS: z.coerce
    .number({ error: 'must be a whole number of milliseconds' })
    .int('must be a whole number of milliseconds')
    .min(100, 'must be at least 100')
    .default(5_000),
  PERSISTED_OPERATIONS: z.string().min(1).optional(),
  API_KEYS_FILE: z.string().min(1).optional(),
  API_KEYS: z.string().min(1).optional(),
  WRITES_PER_MINUTE: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100_000, 'must be at most 100000')
    .default(30),
});

export interface Config {
  port: number;
  host: string;
  /** Where the data lives; `local` means "start the embedded Neo4j ourselves". */
  neo4j:
    | { kind: 'remote'; uri: string; user: string; password: string; database: string }
    | { kind: 'local'; port: number; dir: string; database: string };
  seedDir: string;
  graphiql: boolean;
  /** The explorer page at /explore. */
  explore: boolean;
  /** Schema introspection (and "Did you mean" hints) for clients; off in production. */
  introspection: boolean;
  /** Origins allowed by CORS: '*' or a list. */
  corsOrigins: '*' | string[];
  /** Per-request deadline: resolving, and receiving and sending over HTTP. */
  requestTimeoutMs: number;
  /** How long a client may take to send a request's headers. */
  headersTimeoutMs: number;
  /** Largest answer in bytes (RESPONSE_TOO_LARGE past it). */
  maxResponseBytes: number;
  /** Neo4j transaction timeout for each query. */
  txTimeoutMs: number;
  /** A JSON file of persisted operations ({ "<id>": "query …" }); when set, only those run. */
  persistedOperations: string | null;
  /**
   * Credentials that may write, as text to parse (src/core/credentials.ts): API_KEYS_FILE's
   * contents, else API_KEYS itself; null when neither is set (then the API offers no mutations).
   */
  apiKeys: { text: string; source: string } | null;
  /** Writes a minute each credential may make. */
  writesPerMinute: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings are treated as unset, as shells and compose files often leave them so.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}=${JSON.stringify(env[String(i.path[0])] ?? '')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    neo4j: e.NEO4J_URI
      ? { kind: 'remote', uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE }
      : { kind: 'local', port: e.NEO4J_LOCAL_PORT, dir: e.NEO4J_LOCAL_DIR, database: 'neo4j' },
    seedDir: e.SEED_DIR,
    graphiql: e.GRAPHIQL === 'true',
    explore: e.EXPLORE === 'true',
    introspection: e.INTROSPECTION === 'true',
    corsOrigins: e.CORS_ORIGINS === '*' ? '*' : e.CORS_ORIGINS.split(','),
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    headersTimeoutMs: e.HEADERS_TIMEOUT_MS,
    maxResponseBytes: e.MAX_RESPONSE_BYTES,
    txTimeoutMs: e.NEO4J_TX_TIMEOUT_MS,
    persistedOperations: e.PERSISTED_OPERATIONS ?? null,
    apiKeys: e.API_KEYS_FILE
      ? { text: readKeysFile(e.API_KEYS_FILE), source: `API_KEYS_FILE=${e.API_KEYS_FILE}` }
      : e.API_KEYS
        ? { text: e.API_KEYS, source: 'API_KEYS' }
        : null,
    writesPerMinute: e.WRITES_PER_MINUTE,
  };
}

function readKeysFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `Invalid configuration:\n  API_KEYS_FILE=${JSON.stringify(path)}: cannot read it (${(error as NodeJS.ErrnoException).code ?? error})`,
    );
  }
}
