/**
 * Validation of one seed folder, all of it before anything is written.
 *
 * Contract: `validateSeed(dir)` reads `article.txt` and `graph.yaml`, checks the YAML, the
 * format (src/seed/format.ts), every reference between ids, every piece of evidence and that
 * each sentence is evidence for something or listed in `noFacts`, and every vocabulary word
 * (relation, organisation, place and event types, units) against the vocabulary in force
 * (src/core/vocabulary.ts). It returns a SeedPlan (the article with offsets resolved, every
 * mention of each entity's names, event dates and timeline places, and the relationships the
 * loader derives) or throws SeedValidationError listing every problem as
 * `file:line:column path: what is wrong`.
 */
import { createHash } from 'node:crypto';
import { closeSync, lstatSync, openSync, readSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { entityKinds, idPrefix } from '../core/ids.js';
import { vocabulary as vocabularyInForce, type NodeKind, type Vocabulary } from '../core/vocabulary.js';
import { asList, graphFileSchema, type Evidence, type GraphFile } from './format.js';
import { codePointOffsets, locate, splitSentences, type SentenceSpan, type Span } from './locate.js';
import { findMentions } from './mentions.js';
import { orderEvents, type Placed } from './timeline.js';
import { precisionOf, resolveWhen, type Precision } from './when.js';

export const MAX_ARTICLE_BYTES = 1_000_000;
export const MAX_GRAPH_BYTES = 2_000_000;

export interface SeedProblem {
  file: string;
  line?: number;
  column?: number;
  path: string;
  message: string;
}

export class SeedValidationError extends Error {
  override name = 'SeedValidationError';
  constructor(readonly problems: SeedProblem[]) {
    super(`${problems.length} problem(s) in the seed:\n${problems.map(formatProblem).join('\n')}`);
  }
}

export function formatProblem(p: SeedProblem): string {
  const where = p.line ? `${p.file}:${p.line}:${p.column}` : p.file;
  return `  ${where}${p.path ? ` ${p.path}` : ''}: ${p.message}`;
}

/** A resolved piece of evidence: offsets into the article and the sentences it touches. */
export interface EvidenceSpan extends Span {
  sentences: number[];
}

export interface DerivedRelation {
  id: string;
  type: string;
  from: string;
  to: string;
  via: string | null;
  derived: boolean;
  evidence: EvidenceSpan[];
}

/** When an event happened, as precisely as the article says, and its place in the article's timeline. */
export interface EventTime extends Placed {
  date: string | null;
  precision: Precision | null;
  words: string | null;
}

export interface SeedPlan {
  dir: string;
  article: GraphFile['article'] & { text: string; sha256: string; seedHash: string };
  sentences: SentenceSpan[];
  graph: GraphFile;
  /** evidence of each id'd item (entity mentions, fact evidence), by id. */
  evidence: Map<string, EvidenceSpan[]>;
  /** Statement text located in the article, by statement id. */
  statementSpans: Map<string, Span>;
  /** Participant and vote-position evidence, by `${factId}|${entityId}`. */
  partEvidence: Map<string, EvidenceSpan[]>;
  relations: DerivedRelation[];
  /** Every place the article names each entity by its name or an alias, curated evidence included. */
  mentions: Map<string, EvidenceSpan[]>;
  /** The words of each quantity, by `${factId}|${index}`. */
  quantitySpans: Map<string, EvidenceSpan>;
  /** Date and timeline place of each event, by event id. */
  eventTimes: Map<string, EventTime>;
  /** Where each fact is first evidenced (a code-point offset), for article order. */
  positions: Map<string, number>;
}

type Path = (string | number)[];

export function validateSeed(dir: string, vocab: Vocabulary = vocabularyInForce()): SeedPlan {
  const shown = (f: string) => relative(process.cwd(), f) || f;
  const fail = (file: string, message: string): never => {
    throw new SeedValidationError([{ file: shown(file), path: '', message }]);
  };
  const text = readBounded(join(dir, 'article.txt'), MAX_ARTICLE_BYTES, fail);
  const source = readBounded(join(dir, 'graph.yaml'), MAX_GRAPH_BYTES, fail);
  return validateSeedSource(
    { dir, text, source, textName: shown(join(dir, 'article.txt')), graphName: shown(join(dir, 'graph.yaml')) },
    vocab,
  );
}

/** A seed held in memory: the article's text and its graph (YAML or JSON), with the names that problems cite. */
export interface SeedSource {
  /** Where it came from (a folder, or a label such as "input"); kept on the plan. */
  dir: string;
  text: string;
  source: string;
  textName: string;
  graphName: string;
}

/** As validateSeed, for a seed held in memory: the one validator both `npm run seed` and the API use. */
export function validateSeedSource(
  { dir, text, source, textName, graphName }: SeedSource,
  vocab: Vocabulary = vocabularyInForce(),
): SeedPlan {
  const problems: SeedProblem[] = [];
  const fail = (file: string, message: string): never => {
    throw new SeedValidationError([{ file, path: '', message }]);
  };
  if (!text.trim()) fail(textName, 'the article text is empty');
  if (text.includes('\u0000')) fail(textName, 'the article text holds a NUL character; is it a text file?');

  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const at = (path: Path): { line?: number; column?: number } => {
    for (let p = path; ; p = p.slice(0, -1)) {
      const node = p.length ? doc.getIn(p, true) : doc.contents;
      if (isNode(node) && node.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        return { line, column: col };
      }
      if (!p.length) return {};
    }
  };
  const problem = (path: Path, message: string) => problems.push({ file: graphName, ...at(path), path: formatPath(path), message });

  if (doc.errors.length) {
    // One syntax slip cascades into hundreds of errors; the first few say where it is.
    const first = doc.errors.slice(0, 3).map((e) => ({
      file: graphName,
      line: e.linePos?.[0].line,
      column: e.linePos?.[0].col,
      path: '',
      message: `YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
    }));
    throw new SeedValidationError(first);
  }
  let plain: unknown;
  try {
    plain = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // The yaml library refuses alias "bombs" (aliases that expand exponentially) here.
    fail(graphName, `YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = graphFileSchema.safeParse(plain);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problem(issue.path as Path, describeIssue(issue));
    throw new SeedValidationError(problems);
  }
  const graph = parsed.data;

  // Vocabulary words: each one the vocabulary defines.
  const word = (value: string, known: Map<string, unknown>, what: string, section: string, path: Path) => {
    if (!known.has(value))
      problem(
        path,
        `${what} "${value}" is not in the vocabulary; add it under ${section} in ${vocab.file}, or use one of: ${[...known.keys()].join(', ')}`,
      );
  };
  graph.entities.forEach((e, i) => {
    if (e.kind === 'Organisation') word(e.type, vocab.organisationTypes, 'organisation type', 'organisationTypes', ['entities', i, 'type']);
    if (e.kind === 'Place') word(e.type, vocab.placeTypes, 'place type', 'placeTypes', ['entities', i, 'type']);
  });
  graph.events.forEach((e, i) => word(e.type, vocab.eventTypes, 'event type', 'eventTypes', ['events', i, 'type']));
  for (const section of ['roles', 'events', 'motions', 'votes', 'statements'] as const)
    graph[section].forEach((f, i) =>
      (f.quantities ?? []).forEach((q, j) => word(q.unit, vocab.units, 'unit', 'units', [section, i, 'quantities', j, 'unit'])),
    );
  graph.relations.forEach((r, i) => {
    const def = vocab.relationTypes.get(r.type);
    if (!def)
      problem(['relations', i, 'type'], `relation type "${r.type}" is not in the vocabulary; add it under relationTypes in ${vocab.file}`);
    else if (def.structural)
      problem(
        ['relations', i, 'type'],
        `relation type "${r.type}" is written by the loader from facts' own fields; state the fact instead`,
      );
  });

  // Ids: unique, and each reference points at something of a kind that fits.
  const kindOf = new Map<string, string>();
  const register = (id: string, kind: string, path: Path) => {
    if (kindOf.has(id)) problem(path, `id "${id}" is used twice`);
    kindOf.set(id, kind);
  };
  graph.entities.forEach((e, i) => {
    register(e.id, e.kind, ['entities', i, 'id']);
    const prefix = idPrefix[e.kind];
    if (!e.id.startsWith(`${prefix}:`)) problem(['entities', i, 'id'], `a ${e.kind} id starts with "${prefix}:"`);
  });
  const sections = ['roles', 'events', 'motions', 'votes', 'statements', 'relations'] as const;
  const factKind = {
    roles: 'Role',
    events: 'Event',
    motions: 'Motion',
    votes: 'Vote',
    statements: 'Statement',
    relations: 'Relation',
  } as const;
  for (const section of sections) graph[section].forEach((f, i) => register(f.id, factKind[section], [section, i, 'id']));
  const ref = (id: string | undefined, kinds: string[] | null, path: Path) => {
    if (id === undefined) return;
    const kind = kindOf.get(id);
    if (!kind) problem(path, `"${id}" is not defined in this file`);
    else if (kinds && !kinds.includes(kind)) problem(path, `"${id}" is a ${kind}, but this needs ${kinds.join(' or ')}`);
  };
  const org = ['Organisation'];
  const entities = [...entityKinds] as string[];
  graph.entities.forEach((e, i) => {
    if (e.kind === 'Organisation') ref(e.partOf, org, ['entities', i, 'partOf']);
    if (e.kind === 'Group') ref(e.memberOf, org, ['entities', i, 'memberOf']);
    if (e.kind === 'AnonymousSource') ref(e.affiliation, org, ['entities', i, 'affiliation']);
  });
  graph.roles.forEach((r, i) => {
    ref(r.holder, ['Person', 'Group', 'AnonymousSource'], ['roles', i, 'holder']);
    asList(r.in).forEach((b, j) => ref(b, ['Organisation', 'Place', 'Group'], ['roles', i, 'in', ...(Array.isArray(r.in) ? [j] : [])]));
  });
  graph.events.forEach((e, i) => {
    ref(e.partOf, ['Event'], ['events', i, 'partOf']);
    e.participants.forEach((p, j) => ref(p.entity, entities, ['events', i, 'participants', j, 'entity']));
  });
  graph.motions.forEach((m, i) => {
    asList(m.proposer).forEach((p, j) => ref(p, entities, ['motions', i, 'proposer', ...(Array.isArray(m.proposer) ? [j] : [])]));
    ref(m.onBehalfOf, entities, ['motions', i, 'onBehalfOf']);
    ref(m.target, null, ['motions', i, 'target']);
    ref(m.decidedBy, org, ['motions', i, 'decidedBy']);
    ref(m.event, ['Event'], ['motions', i, 'event']);
  });
  graph.votes.forEach((v, i) => {
    ref(v.motion, ['Motion'], ['votes', i, 'motion']);
    ref(v.body, org, ['votes', i, 'body']);
    ref(v.event, ['Event'], ['votes', i, 'event']);
    v.positions.forEach((p, j) => ref(p.voter, entities, ['votes', i, 'positions', j, 'voter']));
    if ((v.for === undefined) !== (v.against === undefined))
      problem(['votes', i], 'give both `for` and `against`, or neither (and the shares as quantities)');
    if (v.for !== undefined && v.against !== undefined) {
      const passed = v.for > v.against ? 'passed' : v.for < v.against ? 'rejected' : 'tied';
      if (v.outcome !== passed)
        problem(['votes', i, 'outcome'], `${v.for} for and ${v.against} against means "${passed}", not "${v.outcome}"`);
    }
  });
  graph.statements.forEach((s, i) => {
    ref(s.speaker, [...entities, 'Motion'], ['statements', i, 'speaker']);
    ref(s.toldTo, entities, ['statements', i, 'toldTo']);
    ref(s.via, ['Event'], ['statements', i, 'via']);
    ref(s.quotes, entities, ['statements', i, 'quotes']);
    s.about.forEach((a, j) => {
      ref(a.target, null, ['statements', i, 'about', j, 'target']);
      // One stance toward each target: a page of what is said about a node counts its ABOUT links as statements.
      if (s.about.findIndex((b) => b.target === a.target) < j)
        problem(['statements', i, 'about', j, 'target'], `names ${a.target} a second time; give one stance toward each target`);
    });
  });
  graph.relations.forEach((r, i) => {
    ref(r.from, null, ['relations', i, 'from']);
    ref(r.to, null, ['relations', i, 'to']);
    ref(r.via, null, ['relations', i, 'via']);
    const def = vocab.relationTypes.get(r.type);
    for (const end of ['from', 'to'] as const) {
      const kind = kindOf.get(r[end]) as NodeKind | 'Relation' | undefined;
      if (!def || !kind) continue;
      if (kind === 'Relation' || !vocab.allows(r.type, end, kind))
        problem(
          ['relations', i, end],
          `${r.type} may ${end === 'from' ? 'start from' : 'end at'} ${def[end].join(' or ')}, not a ${kind} ("${r[end]}"); see ${vocab.file}`,
        );
    }
  });

  // Evidence: every quote found once, its sentences known; every sentence covered.
  const toCodePoint = codePointOffsets(text);
  const sentences = splitSentences(text, toCodePoint);
  const covered = new Set<number>();
  const resolve = (list: Evidence[] | undefined, path: Path): EvidenceSpan[] => {
    const spans: EvidenceSpan[] = [];
    (list ?? []).forEach((ev, k) => {
      const found = locate(text, ev, toCodePoint);
      if (!found.ok) return problem([...path, k], found.reason);
      const touched = sentences.filter((s) => s.start < found.span.end && found.span.start < s.end).map((s) => s.index);
      touched.forEach((t) => covered.add(t));
      spans.push({ ...found.span, sentences: touched });
    });
    return spans;
  };
  const evidence = new Map<string, EvidenceSpan[]>();
  const partEvidence = new Map<string, EvidenceSpan[]>();
  graph.entities.forEach((e, i) => evidence.set(e.id, resolve(e.evidence, ['entities', i, 'evidence'])));
  for (const section of sections) graph[section].forEach((f, i) => evidence.set(f.id, resolve(f.evidence, [section, i, 'evidence'])));
  graph.events.forEach((e, i) =>
    e.participants.forEach((p, j) =>
      partEvidence.set(`${e.id}|${p.entity}`, resolve(p.evidence, ['events', i, 'participants', j, 'evidence'])),
    ),
  );
  graph.votes.forEach((v, i) =>
    v.positions.forEach((p, j) => partEvidence.set(`${v.id}|${p.voter}`, resolve(p.evidence, ['votes', i, 'positions', j, 'evidence']))),
  );
  const statementSpans = new Map<string, Span>();
  graph.statements.forEach((s, i) => {
    const [span] = resolve([s.text], ['statements', i, 'text']);
    if (span) statementSpans.set(s.id, span);
  });
  graph.noFacts.forEach((n, i) => resolve([n.sentence], ['noFacts', i, 'sentence']));
  const quantitySpans = new Map<string, EvidenceSpan>();
  for (const section of ['roles', 'events', 'motions', 'votes', 'statements'] as const)
    graph[section].forEach((f, i) =>
      (f.quantities ?? []).forEach((q, j) => {
        const [span] = resolve([q.text], [section, i, 'quantities', j, 'text']);
        if (span) quantitySpans.set(`${f.id}|${j}`, span);
      }),
    );

  // Where each fact is first evidenced: the article's order.
  const positions = new Map<string, number>();
  for (const section of ['roles', 'events', 'motions', 'votes', 'statements'] as const)
    for (const f of graph[section])
      positions.set(f.id, Math.min(...(evidence.get(f.id) ?? []).map((s) => s.start), Number.MAX_SAFE_INTEGER));

  // Dates and the timeline: known time, then cause and sequence, then mention.
  const dates = new Map<string, { date: string | null; precision: Precision | null; words: string | null }>();
  for (const e of graph.events) {
    const resolved = e.date
      ? { date: e.date, precision: precisionOf(e.date) }
      : e.when
        ? resolveWhen(e.when, graph.article.publishedAt)
        : { date: null, precision: null };
    dates.set(e.id, { ...resolved, words: e.when ?? null });
  }
  const after = graph.relations
    .filter((r) => vocab.linkTypes.cause.includes(r.type) || vocab.linkTypes.sequence.includes(r.type))
    .map((r) => ({ later: r.from, earlier: r.to }))
    // A part of an event (a vote at a meeting) is placed after the start of the whole.
    .concat(graph.events.filter((e) => e.partOf).map((e) => ({ later: e.id, earlier: e.partOf! })));
  const timeline = orderEvents(
    graph.events.map((e) => ({ id: e.id, ...dates.get(e.id)!, firstMention: positions.get(e.id)! })),
    after,
  );
  const eventTimes = new Map<string, EventTime>();
  if (!timeline.ok)
    problem(
      ['events'],
      `events ${timeline.cycle.join(', ')} cannot be put in order: their dates and their cause or sequence links contradict each other`,
    );
  else for (const [id, placed] of timeline.placed) eventTimes.set(id, { ...dates.get(id)!, ...placed });

  const uncovered = sentences.filter((s) => !covered.has(s.index));
  for (const s of uncovered) {
    problems.push({
      file: graphName,
      path: '',
      message: `sentence ${s.index + 1} of article.txt is not evidence for any fact; add a fact or list it under noFacts: ${JSON.stringify(s.text.slice(0, 100))}`,
    });
  }

  if (problems.length) throw new SeedValidationError(problems);

  return {
    dir,
    article: {
      ...graph.article,
      text,
      sha256: createHash('sha256').update(text).digest('hex'),
      // What was loaded: the text and the graph as written, so an unchanged seed can be skipped.
      seedHash: createHash('sha256').update(text).update('\u0000').update(source).digest('hex'),
    },
    sentences,
    graph,
    evidence,
    statementSpans,
    partEvidence,
    relations: deriveRelations(graph, evidence, partEvidence),
    mentions: findMentions(text, graph.entities, evidence, sentences, toCodePoint),
    quantitySpans,
    eventTimes,
    positions,
  };
}

/**
 * The direct relationships a user traverses: the explicit `relations`, plus those that
 * follow from facts (a statement's stance, a vote position, a motion's proposer, whom a
 * statement quotes), each pointing back at the fact behind it through `via`.
 */
function deriveRelations(
  graph: GraphFile,
  evidence: Map<string, EvidenceSpan[]>,
  partEvidence: Map<string, EvidenceSpan[]>,
): DerivedRelation[] {
  const out: DerivedRelation[] = graph.relations.map((r) => ({
    id: r.id,
    type: r.type,
    from: r.from,
    to: r.to,
    via: r.via ?? null,
    derived: false,
    evidence: evidence.get(r.id) ?? [],
  }));
  for (const s of graph.statements) {
    for (const a of s.about) {
      if (a.stance === 'NEUTRAL' || a.target === s.speaker) continue;
      out.push({
        id: `${s.id}>${a.stance === 'SUPPORT' ? 'supported' : 'opposed'}>${a.target}`,
        type: a.stance === 'SUPPORT' ? 'SUPPORTED' : 'OPPOSED',
        from: s.speaker,
        to: a.target,
        via: s.id,
        derived: true,
        evidence: evidence.get(s.id) ?? [],
      });
    }
    if (s.quotes)
      out.push({
        id: `${s.id}>quoted>${s.quotes}`,
        type: 'QUOTED',
        from: s.speaker,
        to: s.quotes,
        via: s.id,
        derived: true,
        evidence: evidence.get(s.id) ?? [],
      });
  }
  for (const v of graph.votes) {
    for (const p of v.positions) {
      if (p.position === 'ABSTAIN') continue;
      const own = partEvidence.get(`${v.id}|${p.voter}`) ?? [];
      out.push({
        id: `${v.id}>${p.position.toLowerCase()}>${p.voter}`,
        type: p.position === 'FOR' ? 'SUPPORTED' : 'OPPOSED',
        from: p.voter,
        to: v.motion,
        via: v.id,
        derived: true,
        evidence: own.length ? own : (evidence.get(v.id) ?? []),
      });
    }
  }
  for (const m of graph.motions) {
    // Numbered in the seed's order (who put it forward, then whom for): `proposers` keeps it.
    for (const [i, proposer] of [...new Set([...asList(m.proposer), ...asList(m.onBehalfOf)])].entries())
      out.push({
        id: `${m.id}>proposed>${i}>${proposer}`,
        type: 'PROPOSED',
        from: proposer,
        to: m.id,
        via: m.id,
        derived: true,
        evidence: evidence.get(m.id) ?? [],
      });
  }
  return out;
}

/**
 * A seed file's text: a regular file (not a symbolic link, FIFO or device: those could lead
 * outside the seed folder or never end), at most `maxBytes`, in valid UTF-8.
 */
function readBounded(file: string, maxBytes: number, fail: (file: string, message: string) => never): string {
  let stat;
  try {
    stat = lstatSync(file);
  } catch {
    return fail(file, 'file not found (a seed folder holds article.txt and graph.yaml)');
  }
  if (stat.isSymbolicLink()) fail(file, 'is a symbolic link; a seed file must be a regular file in its seed folder (copy it in)');
  if (!stat.isFile()) fail(file, 'is not a regular file (a folder, FIFO or device?); a seed file must be a regular file');
  if (stat.size > maxBytes) fail(file, `file is ${stat.size} bytes; the limit is ${maxBytes}`);
  // Read at most one byte past the limit, in case the file grows while it is read.
  const fd = openSync(file, 'r');
  let bytes: Buffer;
  try {
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (let n = 1; n > 0 && length <= maxBytes; length += n) n = readSync(fd, buffer, length, maxBytes + 1 - length, null);
    bytes = buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
  if (bytes.length > maxBytes) fail(file, `file is over ${maxBytes} bytes; the limit is ${maxBytes}`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(file, 'file is not valid UTF-8');
  }
  return text.replace(/^\uFEFF/, '');
}

function formatPath(path: Path): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_union' && 'discriminator' in issue) return issue.message;
  if (issue.code === 'invalid_type' && issue.input === undefined) return `is required (${issue.expected})`;
  return issue.message;
}
