/**
 * Writes a validated SeedPlan to Neo4j in one write transaction: all of the article lands,
 * or none of it does.
 *
 * Contract: a reload of the same article replaces what its earlier load wrote (facts,
 * sentences, relationships it added), so loading twice leaves node and relationship counts
 * unchanged. Entities are shared between articles by id: their aliases are unioned. A fact id
 * already owned by another article, or an entity id stored with another kind, refuses the
 * load with SeedConflictError before anything is written. Each load is recorded as a revision
 * in the same transaction (src/seed/revisions.ts).
 */
import { encodeRelEvidence, sentenceId } from '../core/ids.js';
import { vocabulary } from '../core/vocabulary.js';
import type { GraphDb } from '../db/graph-db.js';
import { asList, type Quantity } from './format.js';
import { closeRevision, openRevision, seedChange, type Change, type Revision } from './revisions.js';
import type { EvidenceSpan, SeedPlan } from './validate.js';

export class SeedConflictError extends Error {
  override name = 'SeedConflictError';
}

export interface LoadSummary {
  articleId: string;
  sentences: number;
  entities: number;
  facts: number;
  evidence: number;
  links: number;
}

interface Link {
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}
interface FactRow {
  id: string;
  label: string;
  props: Record<string, unknown>;
}

/** Evidence spans as properties, for relationships (which cannot point at sentences). */
function evidenceProps(articleId: string, spans: EvidenceSpan[]): Record<string, unknown> {
  return encodeRelEvidence(spans.map((s) => ({ start: s.start, end: s.end, sentenceId: sentenceId(articleId, s.sentences[0] ?? 0) })));
}

/** A fact's quantities as parallel lists (Neo4j properties hold no maps). */
function quantityProps(plan: SeedPlan, factId: string, quantities: Quantity[] | undefined): Record<string, unknown> {
  const list = quantities ?? [];
  const spans = list.map((_q, i) => plan.quantitySpans.get(`${factId}|${i}`));
  return {
    quantityOf: list.map((q) => q.of),
    quantityValues: list.map((q) => q.value),
    quantityUnits: list.map((q) => q.unit),
    quantityTexts: list.map((q) => (typeof q.text === 'string' ? q.text : q.text.quote)),
    quantityStarts: spans.map((s) => s?.start ?? -1),
    quantityEnds: spans.map((s) => s?.end ?? -1),
  };
}

export function planWrites(plan: SeedPlan) {
  const { graph } = plan;
  const articleId = plan.article.id;
  const links: Link[] = [];
  const known = new Set(vocabulary().allTypes);
  const position = (id: string) => plan.positions.get(id) ?? null;
  const link = (type: string, from: string | undefined, to: string | undefined, props: Record<string, unknown> = {}) => {
    if (!from || !to) return;
    if (!known.has(type)) throw new Error(`internal: relationship type ${type} is not in the vocabulary`);
    links.push({ type, from, to, props });
  };
  const part = (factId: string, entityId: string) => evidenceProps(articleId, plan.partEvidence.get(`${factId}|${entityId}`) ?? []);

  const entities = graph.entities.map((e) => {
    const props: Record<string, unknown> = { description: e.description ?? null };
    if (e.kind === 'Organisation' || e.kind === 'Place') props.type = e.type;
    if (e.kind === 'Group') Object.assign(props, { size: e.size ?? null, side: e.side ?? null });
    if (e.kind === 'AnonymousSource') props.side = e.side ?? null;
    if (e.kind === 'Organisation') link('PART_OF', e.id, e.partOf);
    if (e.kind === 'Group') link('MEMBER_OF', e.id, e.memberOf);
    if (e.kind === 'AnonymousSource') link('AFFILIATED_WITH', e.id, e.affiliation);
    return { id: e.id, kind: e.kind, name: e.name, aliases: e.aliases, props };
  });

  const facts: FactRow[] = [];
  for (const r of graph.roles) {
    facts.push({
      id: r.id,
      label: 'Role',
      props: {
        title: r.title,
        status: r.status,
        since: r.since ?? null,
        until: r.until ?? null,
        duration: r.duration ?? null,
        position: position(r.id),
        ...quantityProps(plan, r.id, r.quantities),
      },
    });
    link('HOLDS', r.holder, r.id);
    for (const body of asList(r.in)) link('IN', r.id, body);
  }
  for (const e of graph.events) {
    const time = plan.eventTimes.get(e.id);
    facts.push({
      id: e.id,
      label: 'Event',
      props: {
        name: e.name,
        type: e.type,
        status: e.status,
        description: e.description ?? null,
        date: time?.date ?? null,
        datePrecision: time?.precision ?? null,
        dateText: time?.words ?? null,
        timelineIndex: time?.index ?? null,
        timelineBasis: time?.basis ?? null,
        sortDate: time?.sortDate ?? null,
        position: position(e.id),
        ...quantityProps(plan, e.id, e.quantities),
      },
    });
    link('PART_OF', e.id, e.partOf);
    for (const p of e.participants) link('PARTICIPATED_IN', p.entity, e.id, { role: p.role, ...part(e.id, p.entity) });
  }
  for (const m of graph.motions) {
    facts.push({
      id: m.id,
      label: 'Motion',
      props: { title: m.title, seeks: m.seeks, outcome: m.outcome, position: position(m.id), ...quantityProps(plan, m.id, m.quantities) },
    });
    link('TARGETS', m.id, m.target);
    link('ON_BEHALF_OF', m.id, m.onBehalfOf);
    link('DECIDED_BY', m.id, m.decidedBy);
    link('CONSIDERED_AT', m.id, m.event);
  }
  for (const v of graph.votes) {
    facts.push({
      id: v.id,
      label: 'Vote',
      props: {
        votesFor: v.for ?? null,
        votesAgainst: v.against ?? null,
        abstentions: v.abstentions ?? null,
        outcome: v.outcome,
        position: position(v.id),
        ...quantityProps(plan, v.id, v.quantities),
      },
    });
    link('ON', v.id, v.motion);
    link('BY', v.id, v.body);
    link('HELD_AT', v.id, v.event);
    for (const p of v.positions) link('VOTED', p.voter, v.id, { position: p.position, ...part(v.id, p.voter) });
  }
  for (const s of graph.statements) {
    const span = plan.statementSpans.get(s.id)!;
    facts.push({
      id: s.id,
      label: 'Statement',
      props: {
        mode: s.mode,
        text: s.text,
        start: span.start,
        end: span.end,
        position: position(s.id),
        ...quantityProps(plan, s.id, s.quantities),
      },
    });
    link('SAID_BY', s.id, s.speaker);
    link('TOLD_TO', s.id, s.toldTo);
    link('MADE_IN', s.id, s.via);
    link('QUOTES', s.id, s.quotes);
    for (const a of s.about) link('ABOUT', s.id, a.target, { stance: a.stance });
  }
  for (const r of plan.relations) {
    link(r.type, r.from, r.to, { id: r.id, via: r.via, derived: r.derived, ...evidenceProps(articleId, r.evidence) });
  }

  const evidence: { node: string; sentence: string; type: string; start: number; end: number; span: string[] | null }[] = [];
  const factIds = new Set(facts.map((f) => f.id));
  for (const [node, spans] of [...plan.evidence].filter(([id]) => factIds.has(id)).concat([...plan.mentions])) {
    // Facts are evidenced by sentences; entities are mentioned in them (every mention of
    // their names, not only the curated ones); relations keep their evidence as properties.
    const type = factIds.has(node) ? 'EVIDENCED_BY' : 'MENTIONED_IN';
    // The link to a span's first sentence also carries the span: its sentences, and its place
    // in article order (cypher/seed/evidence.cypher); once per span of the node.
    const seen = new Set<string>();
    for (const span of spans) {
      const ids = span.sentences.map((s) => sentenceId(articleId, s));
      const head = !seen.has(`${span.start}|${span.end}`);
      seen.add(`${span.start}|${span.end}`);
      ids.forEach((sentence, i) =>
        evidence.push({ node, sentence, type, start: span.start, end: span.end, span: head && i === 0 ? ids : null }),
      );
    }
  }

  return {
    articleId,
    article: {
      id: articleId,
      title: plan.article.title,
      publisher: plan.article.publisher,
      url: plan.article.url ?? null,
      publishedAt: plan.article.publishedAt ?? null,
      text: plan.article.text,
      sha256: plan.article.sha256,
      seedHash: plan.article.seedHash,
    },
    sentences: plan.sentences.map((s) => ({
      id: sentenceId(articleId, s.index),
      index: s.index,
      start: s.start,
      end: s.end,
      text: s.text,
    })),
    entities,
    facts,
    evidence,
    links,
  };
}

type Tx = Parameters<Parameters<GraphDb['writeTransaction']>[0]>[0];

/** Ids of `plan` that the database already holds for another article, or with another kind. */
async function conflictsIn(tx: Tx, w: ReturnType<typeof planWrites>): Promise<{ id: string; problem: string }[]> {
  const rows = await tx.run('seed/conflicts', {
    articleId: w.articleId,
    facts: w.facts.map((f) => ({ id: f.id })),
    entities: w.entities.map((e) => ({ id: e.id, kind: e.kind })),
  });
  return rows as { id: string; problem: string }[];
}

/** The clashes a load of `plan` would refuse, without writing anything. */
export function findConflicts(db: GraphDb, plan: SeedPlan): Promise<{ id: string; problem: string }[]> {
  const w = planWrites(plan);
  return db.writeTransaction((tx) => conflictsIn(tx, w));
}

/** A load's summary, and the revision it recorded (none when the input was the current revision's). */
export interface WriteSummary extends LoadSummary {
  /** False when nothing was written: the input is the current revision's (an add or correction sent again). */
  changed: boolean;
  revision: Revision | null;
  /** The article's current revision after the write. */
  current: string | null;
}

/**
 * The one write path of articles: `npm run seed` (change: seedChange) and the API's
 * addArticle and correctArticle (src/schema/article-writes.ts) all come here; what `change`
 * allows and records is src/seed/revisions.ts.
 */
export async function loadSeed(db: GraphDb, plan: SeedPlan, change: Change = seedChange): Promise<WriteSummary> {
  const w = planWrites(plan);
  return db.writeTransaction(async (tx) => {
    const open = await openRevision(tx, plan, change);
    if (open.unchanged)
      return {
        articleId: w.articleId,
        sentences: 0,
        entities: 0,
        facts: 0,
        evidence: 0,
        links: 0,
        changed: false,
        revision: null,
        current: open.head.revision,
      };
    const conflicts = await conflictsIn(tx, w);
    if (conflicts.length) {
      throw new SeedConflictError(
        `${plan.dir}: cannot load, ${conflicts.length} id(s) clash with the database:\n${conflicts.map((c) => `  ${c.id} ${c.problem}`).join('\n')}`,
      );
    }
    await tx.run('seed/clear-article', { articleId: w.articleId });
    const [a] = await tx.run('seed/article', { article: w.article, sentences: w.sentences });
    const [e] = await tx.run('seed/entities', { entities: w.entities });
    const [f] = await tx.run('seed/facts', { articleId: w.articleId, facts: w.facts });
    const [ev] = await tx.run('seed/evidence', { articleId: w.articleId, evidence: w.evidence });
    const [l] = await tx.run('seed/links', { articleId: w.articleId, links: w.links });
    const revision = await closeRevision(tx, open, plan, change);
    return {
      articleId: w.articleId,
      sentences: a?.sentences ?? 0,
      entities: e?.entities ?? 0,
      facts: f?.facts ?? 0,
      evidence: ev?.evidence ?? 0,
      links: l?.links ?? 0,
      changed: true,
      revision,
      current: revision?.id ?? open.head.revision,
    };
  });
}
