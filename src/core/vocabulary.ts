/**
 * The vocabulary of the graph: which relation types a seed may state (with how each reads in
 * both directions, which kinds it may join, and whether it puts its ends on a side or ties
 * facts in cause or sequence), the types of organisations, places and events, and the units
 * of quantities. It is data, in seeds/vocabulary.yaml (or VOCABULARY_FILE), edited by people
 * and validated here when it is first asked for: a new domain is an edit to that file.
 *
 * Terminology:
 * - relation type: a relationship between two nodes that a seed states in `relations` or the
 *   loader derives from a fact (SUPPORTED from a stance); defined by the vocabulary.
 * - structural type: a relationship the loader writes from a fact's own fields (a role's
 *   HOLDS and IN, a statement's SAID_BY); defined here, in code, because code writes them.
 * - kind: what a node is (Person, Event, …); `Entity`, `Fact` and `Any` stand for groups.
 *
 * Contract: `vocabulary()` returns the validated vocabulary or throws VocabularyError, whose
 * message lists every problem as `file:line:column path: what is wrong`. This module imports
 * nothing of the project.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { entityKinds, factKinds } from './ids.js';

export const nodeKinds = [...entityKinds, ...factKinds] as const;
export type NodeKind = (typeof nodeKinds)[number];
const kindWords = [...nodeKinds, 'Entity', 'Fact', 'Any'] as const;

const typeName = z
  .string()
  .regex(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/, { error: 'must be UPPER_SNAKE_CASE, e.g. "RULED_AGAINST"' })
  .max(60);
const subtypeName = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, { error: 'must be lowercase words joined by dashes, e.g. "parliamentary-group"' })
  .max(60);
const text = z.string().min(1).max(300);

export const relationTypeSchema = z.strictObject({
  description: text.describe('What it means, one sentence.'),
  forward: text.describe('How it reads from `from` to `to` ("criticised").'),
  reverse: text.describe('How it reads from `to` back to `from` ("was criticised by").'),
  from: z.array(z.enum(kindWords)).min(1).describe('The kinds it may start from.'),
  to: z.array(z.enum(kindWords)).min(1).describe('The kinds it may end at.'),
  stance: z.enum(['SUPPORT', 'OPPOSE']).optional().describe('Puts `from` on a side for or against `to`.'),
  link: z.enum(['cause', 'sequence']).optional().describe('Ties one fact to another in cause or sequence.'),
  derived: z.boolean().optional().describe('Also made by the loader from facts (stances, vote positions, proposers, quotes).'),
});

export const vocabularyFileSchema = z.strictObject({
  relationTypes: z.record(typeName, relationTypeSchema),
  organisationTypes: z.record(subtypeName, text),
  placeTypes: z.record(subtypeName, text),
  eventTypes: z.record(subtypeName, text),
  units: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/, { error: 'must be a word such as "percent" or "GBP"' }), text),
});

export type RelationTypeDef = z.infer<typeof relationTypeSchema> & { name: string; structural: boolean };

/**
 * Relationships the loader writes from facts' own fields. Not in the vocabulary file: code
 * writes them, so code defines them. Each reads from `from` to `to`.
 */
export const structuralTypes: Record<string, Omit<RelationTypeDef, 'name' | 'structural'>> = {
  HOLDS: { description: 'An actor holds a role.', forward: 'holds', reverse: 'is held by', from: ['Entity'], to: ['Role'] },
  IN: { description: 'A role is in a body or place.', forward: 'is in', reverse: 'has the role', from: ['Role'], to: ['Entity'] },
  PART_OF: {
    description: 'An organisation is part of another, an event part of a larger one, a sentence part of its article.',
    forward: 'is part of',
    reverse: 'has as a part',
    from: ['Organisation', 'Event'],
    to: ['Organisation', 'Event'],
  },
  AFFILIATED_WITH: {
    description: 'An anonymous source is tied to an organisation.',
    forward: 'is affiliated with',
    reverse: 'has the source',
    from: ['AnonymousSource'],
    to: ['Organisation'],
  },
  PARTICIPATED_IN: {
    description: 'An actor took part in an event; `role` says what it did.',
    forward: 'took part in',
    reverse: 'had as a participant',
    from: ['Entity'],
    to: ['Event'],
  },
  TARGETS: {
    description: 'A motion is about someone or something.',
    forward: 'targets',
    reverse: 'is the target of',
    from: ['Motion'],
    to: ['Any'],
  },
  DECIDED_BY: {
    description: 'A motion was decided by a body.',
    forward: 'was decided by',
    reverse: 'decided',
    from: ['Motion'],
    to: ['Entity'],
  },
  ON_BEHALF_OF: {
    description: 'A motion was put forward for a group or body.',
    forward: 'was proposed on behalf of',
    reverse: 'had a motion proposed on its behalf',
    from: ['Motion'],
    to: ['Entity'],
  },
  CONSIDERED_AT: {
    description: 'A motion was considered at an event.',
    forward: 'was considered at',
    reverse: 'considered',
    from: ['Motion'],
    to: ['Event'],
  },
  ON: { description: 'A vote was on a motion.', forward: 'was on', reverse: 'was voted on in', from: ['Vote'], to: ['Motion'] },
  BY: { description: 'A vote was held by a body.', forward: 'was held by', reverse: 'held the vote', from: ['Vote'], to: ['Entity'] },
  HELD_AT: { description: 'A vote was held at an event.', forward: 'was held at', reverse: 'held the vote', from: ['Vote'], to: ['Event'] },
  VOTED: {
    description: 'A voter voted in a vote; `position` says how.',
    forward: 'voted in',
    reverse: 'had the voter',
    from: ['Entity'],
    to: ['Vote'],
  },
  SAID_BY: {
    description: 'A statement was made by a speaker.',
    forward: 'was said by',
    reverse: 'said',
    from: ['Statement'],
    to: ['Entity', 'Motion'],
  },
  TOLD_TO: {
    description: 'A statement was told to an outlet or person.',
    forward: 'was told to',
    reverse: 'was told',
    from: ['Statement'],
    to: ['Entity'],
  },
  MADE_IN: {
    description: 'A statement was made in an event.',
    forward: 'was made in',
    reverse: 'had the statement',
    from: ['Statement'],
    to: ['Event'],
  },
  QUOTES: { description: 'A statement quotes someone.', forward: 'quotes', reverse: 'is quoted in', from: ['Statement'], to: ['Entity'] },
  ABOUT: {
    description: 'A statement is about someone or something; `stance` says for or against.',
    forward: 'is about',
    reverse: 'is the subject of',
    from: ['Statement'],
    to: ['Any'],
  },
};

export interface Vocabulary {
  file: string;
  relationTypes: Map<string, RelationTypeDef>;
  organisationTypes: Map<string, string>;
  placeTypes: Map<string, string>;
  eventTypes: Map<string, string>;
  units: Map<string, string>;
  /** Every relationship type the graph may hold between its nodes: the vocabulary's and the structural ones. */
  allTypes: string[];
  /** Relation types with a stance, by stance. */
  stanceTypes: { SUPPORT: string[]; OPPOSE: string[] };
  /** Relation types that tie facts in cause, or in sequence. */
  linkTypes: { cause: string[]; sequence: string[] };
  /** The structural types (the parts of a fact: SAID_BY, ABOUT, HOLDS, …), sorted. */
  structuralTypes: string[];
  /** Whether a node of `kind` may be at the `end` of relation `type`. */
  allows(type: string, end: 'from' | 'to', kind: NodeKind): boolean;
}

export class VocabularyError extends Error {
  override name = 'VocabularyError';
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const defaultVocabularyFile = (): string => resolve(root, process.env.VOCABULARY_FILE ?? 'seeds/vocabulary.yaml');

function fits(kinds: readonly string[], kind: NodeKind): boolean {
  return (
    kinds.includes('Any') ||
    kinds.includes(kind) ||
    (kinds.includes('Entity') && (entityKinds as readonly string[]).includes(kind)) ||
    (kinds.includes('Fact') && (factKinds as readonly string[]).includes(kind))
  );
}

/** Reads and validates a vocabulary file. */
export function loadVocabulary(file: string): Vocabulary {
  const shown = relative(process.cwd(), file) || file;
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    throw new VocabularyError(`${shown}: vocabulary file not found (set VOCABULARY_FILE, or restore seeds/vocabulary.yaml)`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true });
  const where = (path: PropertyKey[]) => {
    for (let p = path; ; p = p.slice(0, -1)) {
      const node = p.length ? doc.getIn(p, true) : doc.contents;
      if (isNode(node) && node.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        return `${shown}:${line}:${col}`;
      }
      if (!p.length) return shown;
    }
  };
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    throw new VocabularyError(`${shown}:${e.linePos?.[0].line ?? 0}:${e.linePos?.[0].col ?? 0}: YAML: ${e.message.split('\n')[0]}`);
  }
  const parsed = vocabularyFileSchema.safeParse(doc.toJS());
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const message =
        issue.code === 'invalid_key'
          ? 'is not a valid name: relation types are UPPER_SNAKE_CASE ("RULED_AGAINST"), other words lowercase with dashes ("parliamentary-group")'
          : issue.message;
      problems.push(`  ${where(issue.path)} ${issue.path.join('.')}: ${message}`);
    }
    throw new VocabularyError(`${problems.length} problem(s) in the vocabulary:\n${problems.join('\n')}`);
  }
  const data = parsed.data;
  for (const [name, def] of Object.entries(data.relationTypes)) {
    if (name in structuralTypes)
      problems.push(`  ${where(['relationTypes', name])} relationTypes.${name}: is written by the loader itself; choose another name`);
    if (def.stance && def.link)
      problems.push(`  ${where(['relationTypes', name])} relationTypes.${name}: has both a stance and a link; a type is one or the other`);
  }
  if (!('other' in data.eventTypes)) problems.push(`  ${where(['eventTypes'])} eventTypes: needs "other" for events no type fits`);
  if (problems.length) throw new VocabularyError(`${problems.length} problem(s) in the vocabulary:\n${problems.join('\n')}`);

  const relationTypes = new Map<string, RelationTypeDef>();
  for (const [name, def] of Object.entries(structuralTypes)) relationTypes.set(name, { ...def, name, structural: true });
  for (const [name, def] of Object.entries(data.relationTypes)) relationTypes.set(name, { ...def, name, structural: false });
  const defs = [...relationTypes.values()];
  return {
    file: shown,
    relationTypes,
    organisationTypes: new Map(Object.entries(data.organisationTypes)),
    placeTypes: new Map(Object.entries(data.placeTypes)),
    eventTypes: new Map(Object.entries(data.eventTypes)),
    units: new Map(Object.entries(data.units)),
    allTypes: [...relationTypes.keys()].sort(),
    stanceTypes: {
      SUPPORT: defs.filter((d) => d.stance === 'SUPPORT').map((d) => d.name),
      OPPOSE: defs.filter((d) => d.stance === 'OPPOSE').map((d) => d.name),
    },
    linkTypes: {
      cause: defs.filter((d) => d.link === 'cause').map((d) => d.name),
      sequence: defs.filter((d) => d.link === 'sequence').map((d) => d.name),
    },
    structuralTypes: Object.keys(structuralTypes).sort(),
    allows(type, end, kind) {
      const def = relationTypes.get(type);
      return def !== undefined && fits(def[end], kind);
    },
  };
}

let loaded: Vocabulary | undefined;

/** The vocabulary in force (VOCABULARY_FILE or seeds/vocabulary.yaml), read once. */
export function vocabulary(): Vocabulary {
  loaded ??= loadVocabulary(defaultVocabularyFile());
  return loaded;
}
