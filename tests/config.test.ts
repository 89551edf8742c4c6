import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('starts the local Neo4j on port 7687 when NEO4J_URI is unset', () => {
    expect(loadConfig({})).toMatchObject({ port: 4000, neo4j: { kind: 'local', port: 7687, dir: '.neo4j-data' } });
  });

  it('uses the server at NEO4J_URI with its credentials and database', () => {
    const c = loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_USER: 'u', NEO4J_PASSWORD: 'p', NEO4J_DATABASE: 'news' });
    expect(c.neo4j).toEqual({ kind: 'remote', uri: 'neo4j+s://abc.databases.neo4j.io', user: 'u', password: 'p', database: 'news' });
  });

  it('names every bad value in one error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474', NEO4J_LOCAL_PORT: '99999' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT="eighty": must be a whole number');
    expect(message).toContain('NEO4J_URI="http://localhost:7474"');
    expect(message).toContain('NEO4J_LOCAL_PORT="99999": must be between 1 and 65535');
  });

  it('bounds requests by default (10 s deadline, 5 s for headers, 4 MiB answers) and takes other bounds', () => {
    expect(loadConfig({})).toMatchObject({ requestTimeoutMs: 10_000, headersTimeoutMs: 5_000, maxResponseBytes: 4 * 1024 * 1024 });
    expect(loadConfig({ HEADERS_TIMEOUT_MS: '2000', MAX_RESPONSE_BYTES: '1048576' })).toMatchObject({
      headersTimeoutMs: 2000,
      maxResponseBytes: 1048576,
    });
    expect(() => loadConfig({ MAX_RESPONSE_BYTES: '10' })).toThrow(/MAX_RESPONSE_BYTES="10": must be at least 1024/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ NEO4J_URI: '', PORT: '' }).neo4j.kind).toBe('local');
  });
});
