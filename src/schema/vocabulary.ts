/**
 * The vocabulary in the API: the relation types with their readings, sides and counts, the
 * types of organisations, places and events, and the units of quantities; and the check
 * that an argument names a word of it.
 *
 * Relation and event types are checked strings, not enums: the vocabulary is data that a
 * deployment edits (seeds/vocabulary.yaml), and an enum would change the schema, and break
 * generated clients and persisted operations, with each edit. An unknown value is refused with
 * BAD_USER_INPUT naming the valid ones; `relationTypes` and `vocabulary` list them.
 */
import { builder } from '../builder.js';
import { vocabulary, type RelationTypeDef } from '../core/vocabulary.js';
import { apiError } from '../errors.js';
import { relationshipCounts } from '../graph/reads.js';
import { StanceEnum } from './enums.js';

/** Refuses a value the vocabulary's list `known` lacks, naming the argument and the valid values. */
export function checkWord(value: string, known: Iterable<string>, argument: string): string {
  const list = [...known];
  if (!list.includes(value))
    throw apiError(
      'BAD_USER_INPUT',
      `\`${argument}\`: "${value.slice(0, 100)}" is not one of the vocabulary's values: ${list.join(', ')}.`,
      {
        argument,
      },
    );
  return value;
}

/** Checks relation type names given as an argument. */
export const checkRelationTypes = (types: readonly string[], argument = 'types'): string[] =>
  types.map((t) => checkWord(t, vocabulary().allTypes, argument));

const LinkKindEnum = builder.enumType('LinkKind', {
  description: 'How a relation type ties one fact to another.',
  values: {
    CAUSE: { description: 'The first happened because of, or in answer to, the second.' },
    SEQUENCE: { description: 'The first came after the second.' },
  } as const,
});

const RelationTypeInfoRef = builder.objectRef<RelationTypeDef & { count: number }>('RelationTypeInfo').implement({
  description: 'One type of relationship of the vocabulary, with how it reads and how many the graph holds.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The type, as `Relationship.type` gives it ("CRITICISED").' }),
    description: t.exposeString('description', { description: 'What it means.' }),
    forward: t.exposeString('forward', { description: 'How it reads from its start to its end ("criticised").' }),
    reverse: t.exposeString('reverse', { description: 'How it reads from its end back to its start ("was criticised by").' }),
    from: t.stringList({
      description: 'The kinds of node it may start from (Entity and Fact stand for any of theirs; Any for all).',
      resolve: (d) => d.from,
    }),
    to: t.stringList({ description: 'The kinds of node it may end at.', resolve: (d) => d.to }),
    stance: t.field({
      type: StanceEnum,
      nullable: true,
      description: 'SUPPORT or OPPOSE when it puts its start on a side toward its end.',
      resolve: (d) => d.stance ?? null,
    }),
    link: t.field({
      type: LinkKindEnum,
      nullable: true,
      description: 'CAUSE or SEQUENCE when it ties one fact to another.',
      resolve: (d) => (d.link ? (d.link.toUpperCase() as 'CAUSE' | 'SEQUENCE') : null),
    }),
    derived: t.boolean({
      description: 'True when the loader also makes it from facts (stances, vote positions, proposers, quotes).',
      resolve: (d) => d.derived === true,
    }),
    structural: t.exposeBoolean('structural', {
      description: 'True for the relationships that tie a fact to its parts (HOLDS, SAID_BY, ABOUT, …), written from its fields.',
    }),
    count: t.exposeInt('count', { description: 'How many relationships of this type the graph holds.' }),
  }),
});

const WordRef = builder.objectRef<{ name: string; description: string }>('VocabularyWord').implement({
  description: 'A word of the vocabulary (an organisation, place or event type, or a unit) and what it means.',
  fields: (t) => ({ name: t.exposeString('name'), description: t.exposeString('description') }),
});

const VocabularyRef = builder.objectRef<Record<string, never>>('Vocabulary').implement({
  description: 'The words a seed may use besides relation types (see `relationTypes`), from seeds/vocabulary.yaml.',
  fields: (t) => {
    const words = (pick: (v: ReturnType<typeof vocabulary>) => Map<string, string>) => () =>
      [...pick(vocabulary())].map(([name, description]) => ({ name, description }));
    return {
      organisationTypes: t.field({ type: [WordRef], description: 'Types of organisation.', resolve: words((v) => v.organisationTypes) }),
      placeTypes: t.field({ type: [WordRef], description: 'Types of place.', resolve: words((v) => v.placeTypes) }),
      eventTypes: t.field({
        type: [WordRef],
        description: 'Types of event (`timeline(type:)` takes these).',
        resolve: words((v) => v.eventTypes),
      }),
      units: t.field({ type: [WordRef], description: 'Units of quantities.', resolve: words((v) => v.units) }),
    };
  },
});

builder.queryFields((t) => ({
  relationTypes: t.field({
    type: [RelationTypeInfoRef],
    description:
      'Every type of relationship the graph may hold, with its description, its readings and how many there are; optionally only those with a stance, or a link kind.',
    args: {
      stance: t.arg({ type: StanceEnum, required: false, description: 'Only types with this stance.' }),
      link: t.arg({ type: LinkKindEnum, required: false, description: 'Only types that tie facts this way.' }),
      structural: t.arg.boolean({ required: false, description: 'Only structural (true) or only vocabulary (false) types.' }),
    },
    resolve: async (_r, args, ctx) => {
      const counts = await relationshipCounts(ctx);
      return [...vocabulary().relationTypes.values()]
        .filter(
          (d) =>
            (!args.stance || d.stance === args.stance) &&
            (!args.link || d.link === args.link.toLowerCase()) &&
            (args.structural == null || d.structural === args.structural),
        )
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .map((d) => ({ ...d, count: counts.get(d.name) ?? 0 }));
    },
  }),
  vocabulary: t.field({
    type: VocabularyRef,
    description: 'The organisation, place and event types and the units the graph uses.',
    resolve: () => ({}),
  }),
}));
