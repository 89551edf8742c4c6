/**
 * The Fact interface: roles, events, motions, votes and statements, each with its evidence,
 * its quantities, and the facts it is linked to in cause and sequence ("why did this happen":
 * `causes`; "what happened next": `followedBy` and `consequences`).
 */
import { builder } from '../builder.js';
import { vocabulary } from '../core/vocabulary.js';
import type { GNode } from '../core/model.js';
import { EVIDENCE_FOR_FACT } from '../graph/loaders.js';
import { related } from '../graph/traverse.js';
import { ArticleRef, EvidenceType, FactRef, NodeRef, RelationshipRef } from './refs.js';

interface Quantity {
  of: string;
  value: number;
  unit: string;
  text: string;
  articleId: string;
  start: number;
  end: number;
}

/** A fact's quantities, kept as parallel lists on its node (src/seed/load.ts). */
function quantitiesOf(f: GNode): Quantity[] {
  const p = f.props;
  const of = (p.quantityOf as string[] | undefined) ?? [];
  return of.map((name, i) => ({
    of: name,
    value: (p.quantityValues as number[])[i]!,
    unit: (p.quantityUnits as string[])[i]!,
    text: (p.quantityTexts as string[])[i]!,
    articleId: String(p.articleId),
    start: (p.quantityStarts as number[])[i]!,
    end: (p.quantityEnds as number[])[i]!,
  }));
}

const QuantityRef = builder.objectRef<Quantity>('Quantity').implement({
  description:
    'A number the article gives about a fact, with its unit and its words ("48% turnout": of "turnout", value 48, unit "percent").',
  fields: (t) => ({
    of: t.exposeString('of', { description: 'What is measured ("turnout", "fine", "votes in favour").' }),
    value: t.exposeFloat('value', { description: 'The number.' }),
    unit: t.exposeString('unit', { description: 'Its unit, a word of `vocabulary.units` ("percent", "GBP", "years").' }),
    text: t.exposeString('text', { description: "The article's words for it." }),
    evidence: t.field({
      type: EvidenceType,
      nullable: true,
      description: 'Where the words are in the article.',
      resolve: (q) => (q.start >= 0 ? { articleId: q.articleId, start: q.start, end: q.end, sentenceIds: [] } : null),
    }),
  }),
});

/** The most quantities and linked facts listed for one fact (priced so in src/builder.ts). */
const MAX_LISTED = 20;

const linked =
  (kind: 'cause' | 'sequence', direction: 'OUTGOING' | 'INCOMING') => async (f: GNode, _a: unknown, ctx: Parameters<typeof related>[0]) => {
    const types = vocabulary().linkTypes[kind];
    return types.length ? (await related(ctx, f.id, types, direction)).slice(0, MAX_LISTED) : [];
  };

FactRef.implement({
  description: 'Something the article reports (a role, event, motion, vote or statement), tied to the words it comes from.',
  interfaces: [NodeRef],
  fields: (t) => ({
    evidence: t.field({
      type: [EvidenceType],
      description: 'The words of the article this fact comes from (at most 5 spans).',
      resolve: async (f, _a, ctx) => (await ctx.loaders.evidence.load(f.id)).slice(0, EVIDENCE_FOR_FACT),
    }),
    article: t.field({
      type: ArticleRef,
      nullable: true,
      description: 'The article that reports it.',
      resolve: (f, _a, ctx) => ctx.loaders.node.load(String(f.props.articleId)),
    }),
    quantities: t.field({
      type: [QuantityRef],
      description: 'Numbers the article gives about it, with their units.',
      resolve: (f) => quantitiesOf(f).slice(0, MAX_LISTED),
    }),
    causes: t.field({
      type: [RelationshipRef],
      description:
        'Why it happened: the facts it was caused by or a response to (`other`), each with the words that say so. Relation types with link CAUSE.',
      resolve: linked('cause', 'OUTGOING'),
    }),
    consequences: t.field({
      type: [RelationshipRef],
      description: 'What it caused or drew in response (`other`), each with the words that say so.',
      resolve: linked('cause', 'INCOMING'),
    }),
    follows: t.field({
      type: [RelationshipRef],
      description: 'The facts the article says it came after, without saying one caused the other.',
      resolve: linked('sequence', 'OUTGOING'),
    }),
    followedBy: t.field({
      type: [RelationshipRef],
      description: 'The facts the article says came after it.',
      resolve: linked('sequence', 'INCOMING'),
    }),
  }),
});
