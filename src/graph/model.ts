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
