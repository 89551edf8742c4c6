/**
 * What the page draws, built from the API's answers: nodes (by global id) and edges, where an
 * edge is every relationship of one type between the same two nodes resting on the same fact
 * (`via`). An edge's *tone* says how it is coloured: support, oppose, or other (muted).
 *
 * Tone comes from the vocabulary (`relationTypes`: the side each type takes), a statement's
 * stance (ABOUT's SUPPORT or OPPOSE) and a vote's position (FOR or AGAINST); until the
 * vocabulary has loaded, SUPPORTED and OPPOSED are the only types known to take a side.
 */
export interface Head {
  __typename: string;
  id: string;
  key: string;
  label: string;
}

export interface Evidence {
  start: number;
  end: number;
  text: string;
  article: { id: string } | null;
}

export interface Rel {
  type: string;
  direction: string;
  stance: string | null;
  position: string | null;
  role: string | null;
  derived: boolean;
  other: Head;
  via: Head | null;
  evidence: Evidence[];
}

export interface RelPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: Rel }[];
}

export type Tone = 'support' | 'oppose' | 'other';

export interface RelationTypeInfo {
  name: string;
  description: string;
  forward: string;
  reverse: string;
  stance: string | null;
}

const vocabulary = new Map<string, RelationTypeInfo>();

/** Learns the vocabulary, once, before anything is drawn. */
export function useVocabulary(types: RelationTypeInfo[]): void {
  for (const t of types) vocabulary.set(t.name, t);
}

export const typeInfo = (type: string): RelationTypeInfo | undefined => vocabulary.get(type);

/** The names of the types that take this side (SUPPORT or OPPOSE); never empty, which would mean every type. */
export function typesTaking(stance: 'SUPPORT' | 'OPPOSE'): string[] {
  const names = [...vocabulary.values()].filter((t) => t.stance === stance).map((t) => t.name);
  return names.length ? names : [stance === 'SUPPORT' ? 'SUPPORTED' : 'OPPOSED'];
}

const sideOf = (type: string) => vocabulary.get(type)?.stance ?? (type === 'SUPPORTED' ? 'SUPPORT' : type === 'OPPOSED' ? 'OPPOSE' : null);

export interface Edge {
  id: string;
  from: Head;
  to: Head;
  type: string;
  tone: Tone;
  via: Head | null;
  rels: Rel[];
}

export function toneOf(rel: Pick<Rel, 'type' | 'stance' | 'position'>): Tone {
  const side = sideOf(rel.type);
  if (side === 'SUPPORT' || rel.stance === 'SUPPORT' || rel.position === 'FOR') return 'support';
  if (side === 'OPPOSE' || rel.stance === 'OPPOSE' || rel.position === 'AGAINST') return 'oppose';
  return 'other';
}

/** How a type reads from its start to its end, as the vocabulary words it ("removed the whip from"). */
export const readType = (type: string) => vocabulary.get(type)?.forward ?? type.toLowerCase().replace(/_/g, ' ');

export const edgeId = (type: string, from: string, to: string, via: string | null) => `${type}|${from}|${to}|${via ?? ''}`;

/** A set of nodes and edges being drawn; adding the same relationship twice keeps one. */
export class Drawing {
  readonly nodes = new Map<string, Head>();
  readonly edges = new Map<string, Edge>();

  addNode(head: Head): void {
    if (!this.nodes.has(head.id)) this.nodes.set(head.id, head);
  }

  /** A relationship seen from `self`, as the API gives it (`other` at the far end). */
  addRel(self: Head, rel: Rel): Edge {
    this.addNode(self);
    this.addNode(rel.other);
    const [from, to] = rel.direction === 'INCOMING' ? [rel.other, self] : [self, rel.other];
    const id = edgeId(rel.type, from.id, to.id, rel.via?.id ?? null);
    let edge = this.edges.get(id);
    if (!edge) {
      edge = { id, from, to, type: rel.type, tone: toneOf(rel), via: rel.via, rels: [] };
      this.edges.set(id, edge);
    }
    const same = (a: Rel) => a.direction === rel.direction && a.stance === rel.stance && a.position === rel.position && a.role === rel.role;
    if (!edge.rels.some(same)) edge.rels.push(rel);
    return edge;
  }

  /** A line the page draws that is no relationship of the graph (a timeline's "then"). */
  addLine(from: Head, to: Head, type: string): void {
    const id = edgeId(type, from.id, to.id, null);
    this.edges.set(id, { id, from, to, type, tone: 'other', via: null, rels: [] });
  }

  /** The tone of a node toward `centre`: how the edges between them are coloured. */
  toneToward(nodeId: string, centre: string): Tone | 'both' {
    const tones = new Set<Tone>();
    for (const e of this.edges.values()) {
      if ((e.from.id === nodeId && e.to.id === centre) || (e.to.id === nodeId && e.from.id === centre)) tones.add(e.tone);
    }
    if (tones.has('support') && tones.has('oppose')) return 'both';
    return tones.has('support') ? 'support' : tones.has('oppose') ? 'oppose' : 'other';
  }
}

/** A label short enough for a drawing: statements are whole quotes. */
export const shortLabel = (label: string, max = 42) =>
  Array.from(label).length > max
    ? `${Array.from(label)
        .slice(0, max - 1)
        .join('')}…`
    : label;
