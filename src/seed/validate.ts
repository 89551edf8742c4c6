/**
 * Validation of one seed folder, all of it before anything is written.
 *
 * Contract: `validateSeed(dir)` reads `article.txt` and `graph.yaml`, checks the YAML, the
 * format (src/seed/format.ts), every reference between ids, every piece of evidence and that
 * each sentence is evidence for something or listed in `noFacts`. It returns a SeedPlan (the
 * article with offsets resolved and the relationships the loader derives) or throws
 * SeedValidationError listing every problem as `file:line:column path: what is wrong`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { graphFileSchema, idPrefix, type Evidence, type GraphFile } from './format.js';
import { codePointOffsets, locate, splitSentences, type SentenceSpan, type Span } from './locate.js';

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

export interface SeedPlan {
  dir: string;
  article: GraphFile['article'] & { text: string; sha256: string };
  sentences: SentenceSpan[];
  graph: GraphFile;
  /** evidence of each id'd item (entity mentions, fact evidence), by id. */
  evidence: Map<string, EvidenceSpan[]>;
  /** Statement text located in the article, by statement id. */
  statementSpans: Map<string, Span>;
  /** Participant and vote-position evidence, by `${factId}|${entityId}`. */
  partEvidence: Map<string, EvidenceSpan[]>;
  relations: DerivedRelation[];
}

type Path = (string | number)[];

export function validateSeed(dir: string): SeedPlan {
  const textFile = join(dir, 'article.txt');
  const graphFile = join(dir, 'graph.yaml');
  const shown = (f: string) => relative(process.cwd(), f) || f;
  const problems: SeedProblem[] = [];
  const fail = (file: string, message: string): never => {
    throw new SeedValidationError([{ file: shown(file), path: '', message }]);
  };

  const text = readBounded(textFile, MAX_ARTICLE_BYTES, fail);
  const source = readBounded(graphFile, MAX_GRAPH_BYTES, fail);
  if (!text.trim()) fail(textFile, 'the article text is empty');
  if (text.includes('\u0000')) fail(textFile, 'the article text holds a NUL character; is it a text file?');

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
  const problem = (path: Path, message: string) => problems.push({ file: shown(graphFile), ...at(path), path: formatPath(path), message });

  if (doc.errors.length) {
    // One syntax slip cascades into hundreds of errors; the first few say where it is.
    const first = doc.errors
      .slice(0, 3)
      .map((e) => ({
        file: shown(graphFile),
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
    fail(graphFile, `YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = graphFileSchema.safeParse(plain);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problem(issue.path as Path, describeIssue(issue));
    throw new SeedValidationError(problems);
  }
  const graph = parsed.data;

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
  const orgOrPlace = ['Organisation', 'Place'];
  const entityKinds = ['Person', 'Organisation', 'Place', 'Group', 'AnonymousSource'];
  graph.entities.forEach((e, i) => {
    if (e.kind === 'Organisation') ref(e.partOf, org, ['entities', i, 'partOf']);
    if (e.kind === 'Group') ref(e.memberOf, org, ['entities', i, 'memberOf']);
    if (e.kind === 'AnonymousSource') ref(e.affiliation, org, ['entities', i, 'affiliation']);
  });
  graph.roles.forEach((r, i) => {
    ref(r.holder, ['Person', 'Group'], ['roles', i, 'holder']);
    ref(r.in, orgOrPlace, ['roles', i, 'in']);
  });
  graph.events.forEach((e, i) => {
    ref(e.partOf, ['Event'], ['events', i, 'partOf']);
    e.participants.forEach((p, j) => ref(p.entity, entityKinds, ['events', i, 'participants', j, 'entity']));
  });
  graph.motions.forEach((m, i) => {
    ref(m.proposer, entityKinds, ['motions', i, 'proposer']);
    ref(m.target, null, ['motions', i, 'target']);
    ref(m.decidedBy, org, ['motions', i, 'decidedBy']);
    ref(m.event, ['Event'], ['motions', i, 'event']);
  });
  graph.votes.forEach((v, i) => {
    ref(v.motion, ['Motion'], ['votes', i, 'motion']);
    ref(v.body, org, ['votes', i, 'body']);
    ref(v.event, ['Event'], ['votes', i, 'event']);
    v.positions.forEach((p, j) => ref(p.voter, entityKinds, ['votes', i, 'positions', j, 'voter']));
    const passed = v.for > v.against ? 'passed' : v.for < v.against ? 'rejected' : 'tied';
    if (v.outcome !== passed)
      problem(['votes', i, 'outcome'], `${v.for} for and ${v.against} against means "${passed}", not "${v.outcome}"`);
  });
  graph.statements.forEach((s, i) => {
    ref(s.speaker, [...entityKinds, 'Motion'], ['statements', i, 'speaker']);
    ref(s.toldTo, entityKinds, ['statements', i, 'toldTo']);
    ref(s.via, ['Event'], ['statements', i, 'via']);
    ref(s.quotes, entityKinds, ['statements', i, 'quotes']);
    s.about.forEach((a, j) => ref(a.target, null, ['statements', i, 'about', j, 'target']));
  });
  graph.relations.forEach((r, i) => {
    ref(r.from, null, ['relations', i, 'from']);
    ref(r.to, null, ['relations', i, 'to']);
    ref(r.via, null, ['relations', i, 'via']);
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
  const uncovered = sentences.filter((s) => !covered.has(s.index));
  for (const s of uncovered) {
    problems.push({
      file: shown(graphFile),
      path: '',
      message: `sentence ${s.index + 1} of article.txt is not evidence for any fact; add a fact or list it under noFacts: ${JSON.stringify(s.text.slice(0, 100))}`,
    });
  }

  if (problems.length) throw new SeedValidationError(problems);

  return {
    dir,
    article: { ...graph.article, text, sha256: createHash('sha256').update(text).digest('hex') },
    sentences,
    graph,
    evidence,
    statementSpans,
    partEvidence,
    relations: deriveRelations(graph, evidence, partEvidence),
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
    if (m.proposer)
      out.push({
        id: `${m.id}>proposed`,
        type: 'PROPOSED',
        from: m.proposer,
        to: m.id,
        via: m.id,
        derived: true,
        evidence: evidence.get(m.id) ?? [],
      });
  }
  return out;
}

function readBounded(file: string, maxBytes: number, fail: (file: string, message: string) => never): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return fail(file, 'file not found (a seed folder holds article.txt and graph.yaml)');
  }
  if (size > maxBytes) fail(file, `file is ${size} bytes; the limit is ${maxBytes}`);
  const bytes = readFileSync(file);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD') && !bytes.toString('latin1').includes('\uFFFD')) fail(file, 'file is not valid UTF-8');
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
