/**
 * docker-compose.yml and the Dockerfile against the app they run. No Docker engine is
 * needed: the files are parsed and their wiring checked against src/config.ts, the
 * folders the app reads and the Neo4j version the local launcher embeds.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../src/config.js';

const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  version?: unknown;
};
interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: (string | number | { target: number; published?: string | number })[];
  volumes?: (string | { type?: string; source?: string; target: string })[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[] };
}

const neo4j = compose.services.neo4j!;
const api = compose.services.api!;

/** A compose `environment`, list or map form, as the strings the container sees. */
function environment(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env))
    return Object.fromEntries(env.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

/** `[published, container]` for each port mapping (short "host:container" or long form). */
function portMappings(service: Service): [number, number][] {
  return (service.ports ?? []).map((p) => {
    if (typeof p === 'object') return [Number(p.published ?? p.target), p.target];
    const parts = String(p).split('/')[0]!.split(':');
    return [Number(parts.at(-2) ?? parts.at(-1)), Number(parts.at(-1))];
  });
}

/** Dockerfile instructions as [KEYWORD, arguments], continuation lines joined. */
function dockerfileInstructions(text: string): [string, string][] {
  return text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return [keyword!.toUpperCase(), rest.join(' ')];
    });
}

const neo4jEnv = environment(neo4j);
const apiEnv = environment(api);
const [authUser, authPassword] = (neo4jEnv.NEO4J_AUTH ?? '').split('/');

const build = typeof api.build === 'string' ? { context: api.build } : (api.build ?? {});
const dockerfilePath = `${build.context ?? '.'}/${build.dockerfile ?? 'Dockerfile'}`;
const dockerfile = existsSync(dockerfilePath) ? dockerfileInstructions(readFileSync(dockerfilePath, 'utf8')) : [];
const args = (keyword: string) => dockerfile.filter(([k]) => k === keyword).map(([, a]) => a);

describe('docker-compose.yml', () => {
  it('has no obsolete top-level version key', () => {
    expect(compose).not.toHaveProperty('version');
  });

  it('runs Neo4j Community at the same 5.x minor version as the local launcher', () => {
    const embedded = /<neo4j\.version>(\d+\.\d+)\.\d+<\/neo4j\.version>/.exec(readFileSync('neo4j-local/pom.xml', 'utf8'))?.[1];
    expect(embedded).toBe('5.26');
    expect(neo4j.image).toMatch(new RegExp(`^neo4j:${embedded!.replace('.', '\\.')}(\\.\\d+)?-community$`));
  });

  it('sets a Neo4j password the image accepts', () => {
    // The image's entrypoint requires neo4j/<password>, refuses "neo4j" and wants 8+ characters.
    expect(authUser).toBe('neo4j');
    expect(authPassword).not.toBe('neo4j');
    expect(authPassword!.length).toBeGreaterThanOrEqual(8);
  });

  it('keeps the Neo4j data in a named volume declared at the top level', () => {
    const data = (neo4j.volumes ?? [])
      .map((v) => (typeof v === 'string' ? { source: v.split(':')[0], target: v.split(':')[1] } : v))
      .find((v) => v.target === '/data');
    expect(data?.source).toMatch(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/); // a name, not a host path
    expect(Object.keys(compose.volumes ?? {})).toContain(data!.source);
  });

  it('checks Neo4j health with cypher-shell, logging in with the NEO4J_AUTH password', () => {
    const test = neo4j.healthcheck?.test;
    expect(Array.isArray(test)).toBe(true);
    const argv = test as string[];
    expect(argv.slice(0, 2)).toEqual(['CMD', 'cypher-shell']);
    expect(argv[argv.indexOf('-u') + 1]).toBe(authUser);
    expect(argv[argv.indexOf('-p') + 1]).toBe(authPassword);
  });

  it('builds the api from a Dockerfile that exists', () => {
    expect(api.image).toBeUndefined();
    expect(statSync(dockerfilePath).isFile()).toBe(true);
  });

  it('starts the api only once Neo4j reports healthy', () => {
    expect(api.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
  });

  it('gives the api a configuration that connects to the neo4j service with the NEO4J_AUTH credentials', () => {
    const config = loadConfig(apiEnv);
    expect(config.host).toBe('0.0.0.0');
    expect(config.neo4j).toMatchObject({ kind: 'remote', user: authUser, password: authPassword, database: 'neo4j' });
    if (config.neo4j.kind !== 'remote') throw new Error('unreachable');
    const uri = new URL(config.neo4j.uri);
    expect(Object.keys(compose.services)).toContain(uri.hostname);
    expect(uri.hostname).toBe('neo4j');
    expect(Number(uri.port || 7687)).toBe(7687);
  });

  it('sets only environment variables the app reads', () => {
    const source = readFileSync('src/config.ts', 'utf8');
    for (const name of Object.keys(apiEnv))
      expect(source, `${name} is not read by src/config.ts`).toMatch(new RegExp(`^\\s*${name}:`, 'm'));
  });

  it('publishes the api on the port it listens on', () => {
    const { port } = loadConfig(apiEnv);
    expect(portMappings(api)).toContainEqual([port, port]);
  });
});

describe('Dockerfile', () => {
  it('exposes the port the api listens on in compose', () => {
    const exposed = args('EXPOSE')
      .flatMap((a) => a.split(/\s+/))
      .map((p) => Number(p.split('/')[0]));
    expect(exposed).toContain(loadConfig(apiEnv).port);
  });

  it('copies every folder the app reads at run time, and .dockerignore keeps none of them out', () => {
    const copied = args('COPY')
      .filter((a) => !a.startsWith('--from'))
      .flatMap((a) => a.split(/\s+/).slice(0, -1))
      .map((p) => p.replace(/^\.\//, '').replace(/\/$/, ''));
    const ignored = readFileSync('.dockerignore', 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    // src/db/cypher.ts reads cypher/, src/graphiql-tabs.ts reads examples/, main.ts seeds from SEED_DIR.
    const runtime = ['src', 'cypher', 'examples', loadConfig(apiEnv).seedDir, 'package.json', 'tsconfig.json'];
    for (const path of runtime) {
      expect(existsSync(path), `${path} exists`).toBe(true);
      expect(copied, `${path} is copied`).toContain(path);
      expect(ignored, `${path} is not in .dockerignore`).not.toContain(path);
    }
    expect(copied).not.toContain('neo4j-local');
  });

  it('installs production dependencies only, with tsx among them', () => {
    const runs = args('RUN').join('\n');
    expect(runs).toMatch(/npm ci --omit=dev/);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).toContain('tsx');
    expect(readFileSync('.dockerignore', 'utf8')).toMatch(/^node_modules$/m);
  });

  it('starts node directly with the tsx loader on src/main.ts, so SIGTERM reaches the app', () => {
    const cmd = JSON.parse(args('CMD').at(-1)!) as string[];
    expect(cmd).toEqual(['node', '--import', 'tsx', 'src/main.ts']);
    expect(readFileSync('src/main.ts', 'utf8')).toContain("process.once('SIGTERM'");
  });

  it('runs as the non-root node user, listening on all interfaces', () => {
    expect(args('FROM').at(-1)).toMatch(/^node:20-bookworm-slim\b/);
    expect(args('USER').at(-1)).toBe('node');
    expect(args('ENV').join(' ')).toMatch(/\bHOST=0\.0\.0\.0\b/);
  });

  it('checks health by fetching /health with node', () => {
    const check = args('HEALTHCHECK').at(-1) ?? '';
    const cmd = JSON.parse(check.slice(check.indexOf('CMD ') + 4)) as string[];
    expect(cmd[0]).toBe('node');
    expect(cmd.join(' ')).toMatch(/fetch\(.*\/health'/);
  });
});
