/**
 * The seed format: one folder per article under seeds/, holding `article.txt` (the text,
 * verbatim) and `graph.yaml` (its entities and facts, written by a person). This module is
 * the format's single definition: the TypeScript types, the validator and the published
 * JSON Schema (schema/seed.schema.json, printed by `npm run schema:print`) all come from it.
 *
 * Words used here:
 * - evidence: the exact words of the article that support a fact, as a string, or as
 *   `{ quote, occurrence }` when the words appear more than once (occurrence counts from 1).
 *   The loader finds them and stores character offsets; missing or ambiguous words are refused.
 * - entity: a Person, Organisation, Place, Group (a collective with no name of its own) or
 *   AnonymousSource (an unnamed source with the side the article gives it).
 * - fact: a Role, Event, Motion, Vote, Statement or Relation; every fact has evidence.
 * - vocabulary word: a relation type, organisation, place or event type, or unit; checked
 *   against seeds/vocabulary.yaml by the validator, so this format names none of them.
 */
import { z } from 'zod';
import { idPrefix, slugPattern } from '../core/ids.js';

const idWith = (prefixes: readonly string[], what: string) =>
  z.string().regex(new RegExp(`^(${prefixes.join('|')}):${slugPattern}$`), {
    error: `must be ${what} id such as "${prefixes[0]}:some-name" (lowercase, digits and dashes)`,
  });

const entityId = idWith([idPrefix.Person, idPrefix.Organisation, idPrefix.Place, idPrefix.Group, idPrefix.AnonymousSource], 'an entity');
const anyId = idWith(Object.values(idPrefix), 'a known');

export const evidenceSchema = z.union([
  z.string().min(2, { error: 'evidence words must be at least 2 characters' }),
  z.strictObject({
    quote: z.string().min(2),
    occurrence: z.number().int().min(1).describe('Which appearance of the words, counting from 1, when they appear more than once.'),
  }),
]);
const evidence = z
  .array(evidenceSchema)
  .min(1, { error: 'needs at least one piece of evidence' })
  .describe('Exact words of the article that support this.');

const stance = z.enum(['SUPPORT', 'OPPOSE', 'NEUTRAL']);
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD' });
const word = (what: string) => z.string().min(1).max(60).describe(`${what} (a word of seeds/vocabulary.yaml).`);
const oneOrMore = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]);

/** A number the article gives, with its unit and its words ("48% turnout", "a £300,000 fine"). */
export const quantitySchema = z.strictObject({
  of: z.string().min(1).describe('What is measured ("turnout", "fine", "votes in favour", "contract length").'),
  value: z.number().describe('The number, as a plain number (48 for 48%, 300000 for £300,000).'),
  unit: word('The unit: count, percent, GBP, years, …'),
  text: evidenceSchema.describe('The exact words of the article that give it.'),
});
const quantities = z.array(quantitySchema).optional().describe('Numbers the article gives about it.');

const entityBase = {
  id: entityId,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]).describe('Other ways the articles name it ("Corbyn", "the former party leader").'),
  description: z.string().optional(),
  evidence: evidence.describe('Where the article mentions it.'),
};

export const entitySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('Person'), ...entityBase }),
  z.strictObject({
    kind: z.literal('Organisation'),
    ...entityBase,
    type: word('What sort of organisation'),
    partOf: entityId.optional(),
  }),
  z.strictObject({ kind: z.literal('Place'), ...entityBase, type: word('What sort of place') }),
  z.strictObject({
    kind: z.literal('Group'),
    ...entityBase,
    size: z.number().int().min(0).optional(),
    memberOf: entityId.optional().describe('The organisation the group belongs to, if any.'),
    side: z.string().optional().describe('Whose side the article puts it on ("pro-Corbyn", "Starmer loyalist").'),
  }),
  z.strictObject({
    kind: z.literal('AnonymousSource'),
    ...entityBase,
    side: z.string().optional().describe('The side or leaning the article gives the source.'),
    affiliation: entityId.optional().describe('The organisation the article ties the source to.'),
  }),
]);

export const roleSchema = z.strictObject({
  id: idWith([idPrefix.Role], 'a role'),
  holder: entityId,
  title: z.string().min(1),
  status: z.enum(['current', 'former']),
  in: oneOrMore(entityId).optional().describe('The organisations or places the role is in (a councillor: a council, a ward, a party).'),
  since: isoDate.optional(),
  until: isoDate.optional(),
  duration: z.string().optional().describe('How long, in the article\'s words ("nearly 40 years").'),
  quantities,
  evidence,
});

export const eventSchema = z.strictObject({
  id: idWith([idPrefix.Event], 'an event'),
  name: z.string().min(1),
  type: word('What sort of event'),
  status: z.enum(['happened', 'ongoing', 'planned', 'possible', 'refused', 'cancelled']),
  date: isoDate.optional().describe('When, as precisely as the article says (YYYY, YYYY-MM or YYYY-MM-DD).'),
  when: z
    .string()
    .min(1)
    .optional()
    .describe(
      'When, in the article\'s words ("on Friday", "next month"); resolved against the article\'s publishedAt when `date` is not given.',
    ),
  quantities,
  description: z.string().optional(),
  partOf: idWith([idPrefix.Event], 'an event').optional(),
  participants: z
    .array(
      z.strictObject({
        entity: entityId,
        role: z.string().min(1).describe('What the participant did in the event ("proposed the motion", "voted against").'),
        evidence: evidence.optional(),
      }),
    )
    .default([]),
  evidence,
});

export const motionSchema = z.strictObject({
  id: idWith([idPrefix.Motion], 'a motion'),
  title: z.string().min(1),
  seeks: z.string().min(1).describe('What the motion asked for.'),
  proposer: oneOrMore(entityId).optional().describe('Who put it forward.'),
  onBehalfOf: entityId.optional().describe('The group or body it was put forward for ("a plan by backbench MPs, put forward by X").'),
  target: entityId.optional().describe('Whom the motion is about.'),
  decidedBy: entityId.optional().describe('The body that decided it.'),
  event: idWith([idPrefix.Event], 'an event').optional().describe('The meeting or vote where it was decided.'),
  outcome: z.enum(['passed', 'rejected', 'withdrawn', 'pending']),
  quantities,
  evidence,
});

export const voteSchema = z.strictObject({
  id: idWith([idPrefix.Vote], 'a vote'),
  motion: idWith([idPrefix.Motion], 'a motion'),
  body: entityId.describe('The body that voted.'),
  event: idWith([idPrefix.Event], 'an event').optional(),
  for: z.number().int().min(0).optional().describe('Votes for (give both counts, or neither and the shares as quantities).'),
  against: z.number().int().min(0).optional(),
  abstentions: z.number().int().min(0).optional(),
  outcome: z.enum(['passed', 'rejected', 'tied']),
  positions: z
    .array(z.strictObject({ voter: entityId, position: z.enum(['FOR', 'AGAINST', 'ABSTAIN']), evidence: evidence.optional() }))
    .default([])
    .describe('How named voters or groups voted.'),
  quantities,
  evidence,
});

export const statementSchema = z.strictObject({
  id: idWith([idPrefix.Statement], 'a statement'),
  speaker: z
    .union([entityId, idWith([idPrefix.Motion], 'a motion')])
    .describe('Who or what said it: an entity, or a document such as a motion.'),
  mode: z
    .enum(['verbatim', 'reported'])
    .describe("verbatim: the speaker's own words in quotation marks; reported: the article's paraphrase."),
  text: z.string().min(2).describe('The words said, exactly as the article gives them (also located as evidence).'),
  toldTo: entityId.optional().describe('The outlet or person it was told to.'),
  via: idWith([idPrefix.Event], 'an event').optional().describe('The event it was made in (a post, a meeting).'),
  quotes: entityId.optional().describe('Whom the statement itself quotes.'),
  about: z
    .array(z.strictObject({ target: anyId, stance }))
    .default([])
    .describe('Whom or what it is about, with its stance toward each.'),
  quantities,
  evidence,
});

export const relationSchema = z.strictObject({
  id: idWith([idPrefix.Relation], 'a relation'),
  type: z.string().min(1).describe('A relation type of seeds/vocabulary.yaml (SUPPORTED, CRITICISED, CAUSED_BY, …).'),
  from: anyId,
  to: anyId,
  via: anyId.optional().describe('The fact (statement, event, role, motion, vote) this relationship rests on.'),
  evidence,
});

export const graphFileSchema = z.strictObject({
  article: z.strictObject({
    id: idWith([idPrefix.Article], 'an article'),
    title: z.string().min(1),
    publisher: z.string().min(1),
    url: z.url().optional(),
    publishedAt: isoDate.optional().describe('When it was published; dates in words ("on Friday") are resolved against it.'),
  }),
  entities: z.array(entitySchema).min(1),
  roles: z.array(roleSchema).default([]),
  events: z.array(eventSchema).default([]),
  motions: z.array(motionSchema).default([]),
  votes: z.array(voteSchema).default([]),
  statements: z.array(statementSchema).default([]),
  relations: z.array(relationSchema).default([]),
  noFacts: z
    .array(z.strictObject({ sentence: evidenceSchema, reason: z.string().min(1) }))
    .default([])
    .describe('Sentences that give no fact, each with why (every other sentence must be evidence for something).'),
});

export type GraphFile = z.infer<typeof graphFileSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type Quantity = z.infer<typeof quantitySchema>;

/** A field that takes one value or a list, as a list. */
export const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
