/**
 * The organisation and place types a draft may write. Contract: `typeChooser(seedDir)` returns
 * `orgType(word)` and `placeType(word)`, which give the word itself when the seed format allows
 * it, else a broader word it allows (council → government, venue → other, county → region …),
 * else "other". What is allowed comes from the one place that lists it: the seed format's enum
 * when it has one, else the vocabulary file beside the seeds (seeds/vocabulary.yaml, its
 * organisationTypes and placeTypes), so the drafter follows the vocabulary without a copy of it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { entitySchema } from '../seed/format.js';

const broader: Record<string, string> = {
  council: 'government',
  ministry: 'government',
  agency: 'government',
  regulator: 'government',
  court: 'other',
  police: 'other',
  club: 'other',
  league: 'other',
  school: 'other',
  university: 'other',
  hospital: 'other',
  charity: 'other',
  military: 'other',
  international: 'other',
  venue: 'other',
  county: 'region',
  district: 'region',
  ward: 'constituency',
  town: 'city',
};

function enumOf(kind: 'Organisation' | 'Place'): string[] | undefined {
  const options = (entitySchema as unknown as { options: { shape: Record<string, unknown> }[] }).options;
  for (const o of options) {
    const k = o.shape.kind as { value?: string; def?: { values?: string[] } } | undefined;
    const value = k?.value ?? k?.def?.values?.[0];
    if (value !== kind) continue;
    const t = o.shape.type as { options?: string[] } | undefined;
    return Array.isArray(t?.options) ? t.options : undefined;
  }
  return undefined;
}

function vocabulary(seedDir: string, key: string): string[] | undefined {
  const file = join(seedDir, 'vocabulary.yaml');
  if (!existsSync(file)) return undefined;
  try {
    const list = (parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null)?.[key];
    return list && typeof list === 'object' ? Object.keys(list) : undefined;
  } catch {
    return undefined;
  }
}

export function typeChooser(seedDir = 'seeds') {
  const org = new Set(enumOf('Organisation') ?? vocabulary(seedDir, 'organisationTypes') ?? ['other']);
  const place = new Set(enumOf('Place') ?? vocabulary(seedDir, 'placeTypes') ?? ['other']);
  const choose = (allowed: Set<string>) => (word: string | undefined) => {
    for (let w = word; w; w = broader[w]) if (allowed.has(w)) return w;
    return allowed.has('other') ? 'other' : [...allowed][0]!;
  };
  return { orgType: choose(org), placeType: choose(place) };
}
