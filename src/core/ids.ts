/**
 * Keys and their formats, shared by the loader and the API: the kinds of node, the prefix of
 * each kind's key ("person:jeremy-corbyn"), sentence keys, and how a relationship keeps its
 * evidence (relationships cannot point at sentences, so spans ride along as parallel arrays).
 * This module imports nothing of the project.
 */

export const entityKinds = ['Person', 'Organisation', 'Place', 'Group', 'AnonymousSource'] as const;
export type EntityKind = (typeof entityKinds)[number];
export const factKinds = ['Role', 'Event', 'Motion', 'Vote', 'Statement'] as const;
export type FactKind = (typeof factKinds)[number];

/** The prefix of each kind's key. */
export const idPrefix = {
  Person: 'person',
  Organisation: 'org',
  Place: 'place',
  Group: 'group',
  AnonymousSource: 'source',
  Role: 'role',
  Event: 'event',
  Motion: 'motion',
  Vote: 'vote',
  Statement: 'statement',
  Relation: 'rel',
  Article: 'article',
} as const;

/** What follows a key's prefix: lowercase letters, digits and dashes. */
export const slugPattern = '[a-z0-9][a-z0-9-]*';

/** The GraphQL type a key names, from its prefix ("event:x" is an Event); null for none. */
export function typeOfKey(key: string): string | null {
  const prefix = key.slice(0, key.indexOf(':'));
  const found = Object.entries(idPrefix).find(([, p]) => p === prefix);
  if (found && found[0] !== 'Relation') return found[0];
  return /^article:[^#]+#\d+$/.test(key) ? 'Sentence' : null;
}

/** The key of sentence `index` (from 0) of an article: "article:x#3". */
export const sentenceId = (articleId: string, index: number): string => `${articleId}#${index}`;
export const articleOfSentence = (sentenceKey: string): string => sentenceKey.slice(0, sentenceKey.lastIndexOf('#'));

/** A span of an article's text that supports a fact, with the sentences it touches. */
export interface EvidenceRef {
  articleId: string;
  start: number;
  end: number;
  sentenceIds: string[];
}

/** Evidence spans as relationship properties. */
export function encodeRelEvidence(spans: { start: number; end: number; sentenceId: string }[]): Record<string, unknown> {
  return {
    evidenceStarts: spans.map((s) => s.start),
    evidenceEnds: spans.map((s) => s.end),
    evidenceSentences: spans.map((s) => s.sentenceId),
  };
}

/** The spans `encodeRelEvidence` stored on a relationship. */
export function decodeRelEvidence(props: Record<string, unknown>): EvidenceRef[] {
  const starts = (props.evidenceStarts as number[] | undefined) ?? [];
  const ends = (props.evidenceEnds as number[] | undefined) ?? [];
  const sentences = (props.evidenceSentences as string[] | undefined) ?? [];
  return starts.map((start, i) => {
    const sentenceKey = sentences[i]!;
    return { articleId: articleOfSentence(sentenceKey), start, end: ends[i]!, sentenceIds: [sentenceKey] };
  });
}
