/**
 * The shapes read from Neo4j and passed to resolvers. A GNode is any addressable node
 * (entity, fact, article, sentence); a GRel is one relationship seen from one of its ends.
 * This module imports nothing of the project.
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
