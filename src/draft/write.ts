/**
 * Writing a draft as graph.yaml. Contract: `draftToYaml(draft)` returns the YAML text: a header
 * comment saying that the file is a draft and what to review, then the graph, each drafted
 * item preceded by a comment saying how it was found and how sure the drafter is. Comments are
 * the only place for this: the seed format admits no extra fields.
 */
import { Document, isNode } from 'yaml';
import type { Draft } from './draft.js';

export function draftToYaml(draft: Draft, generatedAt = new Date()): string {
  const doc = new Document(draft.graph);
  doc.commentBefore = [
    ` DRAFT graph.yaml, written by \`npm run draft\` on ${generatedAt.toISOString().slice(0, 10)}. Not curated: review it, then`,
    ' delete this header and the "found by" comments, and run `npm run seed -- --check`.',
    ` ${draft.counts.sentences} sentences; ${draft.counts.noFacts} under noFacts; ${draft.counts.low} items drafted with low certainty.`,
    ...draft.review.map((r) => ` - ${r}`),
  ].join('\n');
  for (const [path, how] of draft.notes) {
    const node = doc.getIn(
      path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      true,
    );
    if (isNode(node)) node.commentBefore = ` found by:${how}`;
  }
  return doc.toString({ lineWidth: 0 });
}
