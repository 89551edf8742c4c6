/**
 * The shapes resolvers pass around. A GNode is any addressable node as read from Neo4j
 * (entity, fact, article, sentence); a GRel is one relationship seen from one of its ends.
 */
export interface GNode {
  id: string;
  labels: string[];
  props: Record<string, unknown>;
}

export interface GRel {
  type: string;
  /** true when the relationship points from `self` to `other`. */
  outgoing: boolean;
  self: string;
  other: GNode;
  props: Record<string, unknown>;
}

/** A span of an article's text that supports a fact, with the sentences it touches. */
export interface EvidenceRef {
  articleId: string;
  start: number;
  end: number;
  sentenceIds: string[];
}

export const entityLabels = ['Person', 'Organisation', 'Place', 'Group', 'AnonymousSource'] as const;

export const hasLabel = (label: string) => (value: unknown) => typeof value === 'object' && value !== null && 'labels' in value && (value as GNode).labels.includes(label);

export function str(node: GNode, key: string): string | null {
  const v = node.props[key];
  return typeof v === 'string' ? v : null;
}

export function num(node: GNode, key: string): number | null {
  const v = node.props[key];
  return typeof v === 'number' ? v : null;
}

/** Evidence kept as parallel arrays on a relationship (relationships cannot point at sentences). */
export function relEvidence(props: Record<string, unknown>): EvidenceRef[] {
  const starts = (props.evidenceStarts as number[] | undefined) ?? [];
  const ends = (props.evidenceEnds as number[] | undefined) ?? [];
  const sentences = (props.evidenceSentences as string[] | undefined) ?? [];
  return starts.map((start, i) => {
    const sentenceId = sentences[i]!;
    return { articleId: sentenceId.slice(0, sentenceId.lastIndexOf('#')), start, end: ends[i]!, sentenceIds: [sentenceId] };
  });
}
