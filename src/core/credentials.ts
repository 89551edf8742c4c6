/**
 * Who may write: API keys, each with a name and scopes, kept only as SHA-256 hashes, and a
 * per-credential limit on how often it may write.
 *
 * Terminology:
 * - key: the secret a client sends, as `Authorization: Bearer <key>`.
 * - credential: what a key is configured as: `{ name, sha256, scopes }`; `name` is what
 *   revisions record as who wrote.
 * - scope: what a credential may do, one of `writeScopes` (draft: draftArticle; write:
 *   addArticle and correctArticle; retract: retractArticle).
 *
 * Contract: `parseCredentials(text, source)` reads a JSON or YAML list of credentials (from
 * API_KEYS_FILE or API_KEYS) and throws CredentialsError, naming `source` and the entry, for
 * anything else. `credentialsFor(list)` answers, for a request's headers, the credential its
 * key belongs to, or null (no key, a malformed header, an unknown key). This module imports
 * nothing of the project.
 */
import { createHash } from 'node:crypto';
import { parse } from 'yaml';

export const writeScopes = ['draft', 'write', 'retract'] as const;
export type WriteScope = (typeof writeScopes)[number];

export interface Credential {
  name: string;
  sha256: string;
  scopes: WriteScope[];
}

export class CredentialsError extends Error {
  override name = 'CredentialsError';
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

export function parseCredentials(text: string, source: string): Credential[] {
  let list: unknown;
  try {
    list = parse(text);
  } catch (error) {
    throw new CredentialsError(`${source}: not JSON or YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
  if (!Array.isArray(list))
    throw new CredentialsError(
      `${source}: expected a list of { name, sha256, scopes }, e.g. [{"name":"newsroom","sha256":"<64 hex>","scopes":["write"]}]`,
    );
  const names = new Set<string>();
  const hashes = new Set<string>();
  return list.map((entry, i) => {
    const where = `${source}: entry ${i + 1}`;
    if (typeof entry !== 'object' || entry === null) throw new CredentialsError(`${where}: expected { name, sha256, scopes }`);
    const { name, sha256, scopes, ...rest } = entry as Record<string, unknown>;
    if (Object.keys(rest).length) throw new CredentialsError(`${where}: unknown field(s) ${Object.keys(rest).join(', ')}`);
    if (typeof name !== 'string' || !/^[\w.@-]{1,64}$/.test(name))
      throw new CredentialsError(`${where}: name must be 1 to 64 letters, digits, or . _ @ -`);
    if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256))
      throw new CredentialsError(
        `${where} (${name}): sha256 must be the key's SHA-256 as 64 lowercase hex digits (printf %s "$KEY" | sha256sum)`,
      );
    if (!Array.isArray(scopes) || !scopes.length || !scopes.every((s) => (writeScopes as readonly unknown[]).includes(s)))
      throw new CredentialsError(`${where} (${name}): scopes must be a non-empty list of ${writeScopes.join(', ')}`);
    if (names.has(name)) throw new CredentialsError(`${where}: the name "${name}" is used twice`);
    if (hashes.has(sha256)) throw new CredentialsError(`${where} (${name}): the same key hash is given twice`);
    names.add(name);
    hashes.add(sha256);
    return { name, sha256, scopes: [...new Set(scopes as WriteScope[])] };
  });
}

/** The credential a request's `Authorization: Bearer <key>` header belongs to, or null. */
export function credentialsFor(list: Credential[]): (headers: Headers) => Credential | null {
  const byHash = new Map(list.map((c) => [c.sha256, c]));
  return (headers) => {
    const header = headers.get('authorization');
    const key = header?.match(/^Bearer ([\x21-\x7e]{1,512})$/)?.[1];
    return key ? (byHash.get(sha256Hex(key)) ?? null) : null;
  };
}

/**
 * At most `perMinute` writes a minute for each credential (a token bucket that refills
 * continuously, holding at most `perMinute`), in this process. `take(name)` spends one and
 * answers 0, or, when none is left, the seconds until one is.
 */
export class WriteRateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(name: string): number {
    const now = this.now();
    const b = this.buckets.get(name) ?? { tokens: this.perMinute, at: now };
    b.tokens = Math.min(this.perMinute, b.tokens + ((now - b.at) / 60_000) * this.perMinute);
    b.at = now;
    this.buckets.set(name, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - b.tokens) * 60) / this.perMinute);
  }
}
