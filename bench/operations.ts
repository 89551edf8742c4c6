/**
 * The benchmark's fixed mix of five operations, each asked of four servers:
 * - "ours": this server (src/yoga.ts), with the GraphQL document in `query`;
 * - "raw": bench/raw-server.ts, which takes the same body and answers from hand-written Cypher;
 * - "yoga": bench/yoga-server.ts, raw's queries through this server's GraphQL app, with `query`;
 * - "peer": @neo4j/graphql 7 (bench/peer-server.ts), with the same question in its dialect
 *   (`peerQuery`, `peerVariables`) and its answer mapped to our shape by `fromPeer`.
 *
 * Contract: `sampleVariables(driver, database, seed)` picks about 50 variable sets per
 * operation from the database under test with the parameterised Cypher in bench/sample/ —
 * the hubs (most relationships of the kind the operation reads) first, then a seeded random
 * choice of ordinary ones — so the same seed on the same data gives the same sample.
 * `normalise` makes two answers comparable where our schema leaves order unspecified
 * (bench/equivalence.ts). `depth` is the operation's nesting: the number of fields with a
 * selection set on its longest branch.
 */
import { readFileSync } from 'node:fs';
import { Kind, parse, type SelectionSetNode } from 'graphql';
import neo4j, { type Driver } from 'neo4j-driver';
import { toLuceneQuery } from '../src/graph/search-query.js';

export const operationNames = ['entityWithRoles', 'supporters', 'statementsAbout', 'path', 'search'] as const;
export type OperationName = (typeof operationNames)[number];
export type Variables = Record<string, string>;

/** Page size of every list the operations ask for. */
export const FIRST = 10;

export interface Operation {
  /** What it asks, in a few words, for tables. */
  summary: string;
  /** The GraphQL document for this server; its one operation is named `name`. */
  query: string;
  /** The same question for @neo4j/graphql, and its variables for ours. */
  peerQuery: string;
  peerVariables(variables: Variables): Record<string, unknown>;
  /** The peer's `data` in the shape of ours. */
  fromPeer(data: any): unknown;
  /** Our `data` with lists whose order the schema does not fix put in a canonical order. */
  normalise(data: any): unknown;
}

// The fields each peer type makes this server's `label` from (displayName in src/schema/node.ts).
const labelFields = {
  Entity: 'name',
  Role: 'title',
  Event: 'name',
  Motion: 'title',
  Vote: 'votesFor votesAgainst',
  Statement: 'text',
} as const;
type PeerType = keyof typeof labelFields;
/** The selection that gives a node's label, for a field whose type is implemented by `types`. */
const label = (types: PeerType[]) => `__typename id ${types.map((t) => `... on ${t} { ${labelFields[t]} }`).join(' ')}`;
const FACT = label(['Role', 'Event', 'Motion', 'Vote', 'Statement']);
const ACTOR = label(['Entity', 'Motion']);
const THING = label(['Entity', 'Role', 'Event', 'Motion', 'Vote', 'Statement']);

interface PeerNode {
  __typename: string;
  id: string;
  name?: string | null;
  title?: string | null;
  text?: string | null;
  votesFor?: number | null;
  votesAgainst?: number | null;
}

function peerLabel(n: PeerNode): string {
  return String(
    n.name ??
      n.title ??
      (n.text != null && n.__typename === 'Statement' ? `“${n.text}”` : undefined) ??
      (n.__typename === 'Vote' ? `vote ${n.votesFor}–${n.votesAgainst}` : undefined) ??
      n.id,
  );
}

/** The first of a relationship list by key: our loaders order relationships by the key at the other end. */
const firstByKey = <T extends { id: string }>(list: T[]): T | null =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0] ?? null;
/** JSON with object keys sorted, so that equal values compare equal whatever their key order. */
const sortedJson = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
const canonical = <T>(list: T[]): T[] =>
  list
    .map((item) => [sortedJson(item), item] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, item]) => item);

/** The peer's full-text queries, one per type, with the field our label is made of. */
const peerSearches = [
  ['entitiesByName', 'name'],
  ['statementsByText', 'text'],
] as const;

export const operations: Record<OperationName, Operation> = {
  entityWithRoles: {
    summary: 'an entity by key with a page of its roles',
    query: `query entityWithRoles($id: ID!) { entity(id: $id) { name aliases roles(first: ${FIRST}) { totalCount edges { node { title status in { name } } } } } }`,
    peerQuery: `query entityWithRoles($id: ID!) { entities(where: { id: { eq: $id } }) { name aliases rolesConnection(first: ${FIRST}, sort: [{ node: { articleId: ASC } }, { node: { position: ASC } }, { node: { id: ASC } }]) { totalCount edges { node { title status in { name } } } } } }`,
    peerVariables: (v) => ({ id: v.id }),
    fromPeer: (data) => {
      const e = data.entities[0];
      if (!e) return { entity: null };
      const c = e.rolesConnection;
      return {
        entity: {
          name: e.name,
          aliases: e.aliases ?? [],
          roles: {
            totalCount: c.totalCount,
            edges: c.edges.map(({ node: r }: any) => ({ node: { title: r.title, status: r.status, in: r.in[0] ?? null } })),
          },
        },
      };
    },
    // A page of roles comes in article order (article, position, key) from every server (yoga's are raw's).
    normalise: (data) => data,
  },

  supporters: {
    summary: 'who supported an entity, with the fact and words behind each',
    query: `query supporters($id: ID!) { entity(id: $id) { name supporters(first: ${FIRST}) { totalCount edges { node { other { label } via { label } evidence { text start end } } } } } }`,
    peerQuery: `query supporters($id: ID!) { entities(where: { id: { eq: $id } }) { name supportersConnection(first: ${FIRST}, sort: [{ node: { articleId: ASC } }, { node: { position: ASC } }, { node: { id: ASC } }, { edge: { id: ASC } }]) { totalCount edges { properties { ... on Supported { viaNode { ${FACT} } evidence { text start end } } } node { ${ACTOR} } } } } }`,
    peerVariables: (v) => ({ id: v.id }),
    fromPeer: (data) => {
      const e = data.entities[0];
      if (!e) return { entity: null };
      const c = e.supportersConnection;
      return {
        entity: {
          name: e.name,
          supporters: {
            totalCount: c.totalCount,
            edges: c.edges.map((edge: any) => ({
              node: {
                other: { label: peerLabel(edge.node) },
                via: edge.properties.viaNode ? { label: peerLabel(edge.properties.viaNode) } : null,
                evidence: edge.properties.evidence,
              },
            })),
          },
        },
      };
    },
    // Supporters come in article order (the fact's article and position, then keys) from every server (yoga's are raw's).
    normalise: (data) => data,
  },

  statementsAbout: {
    summary: 'statements about an entity, with speakers',
    query: `query statementsAbout($id: ID!) { statements(about: $id, first: ${FIRST}) { totalCount edges { node { text mode speaker { label } } } } }`,
    peerQuery: `query statementsAbout($id: ID!) { statementsConnection(where: { about: { some: { id: { eq: $id } } } }, first: ${FIRST}, sort: [{ articleId: ASC }, { position: ASC }, { id: ASC }]) { totalCount edges { node { text mode speaker { ${ACTOR} } } } } }`,
    peerVariables: (v) => ({ id: v.id }),
    fromPeer: (data) => ({
      statements: {
        totalCount: data.statementsConnection.totalCount,
        edges: data.statementsConnection.edges.map(({ node }: any) => {
          const speaker = firstByKey<PeerNode>(node.speaker);
          return { node: { text: node.text, mode: node.mode, speaker: speaker ? { label: peerLabel(speaker) } : null } };
        }),
      },
    }),
    // Article order is part of the schema's contract: compared as is.
    normalise: (data) => data,
  },

  path: {
    summary: 'a shortest path between two people',
    query: `query path($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 4, first: 1) { length nodes { label } } }`,
    peerQuery: `query path($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to, maxHops: 4) { ${THING} } }`,
    peerVariables: (v) => ({ from: v.from, to: v.to }),
    fromPeer: (data) => ({
      path: data.shortestPath.length
        ? [{ length: data.shortestPath.length - 1, nodes: data.shortestPath.map((n: PeerNode) => ({ label: peerLabel(n) })) }]
        : [],
    }),
    normalise: (data) => data,
  },

  search: {
    summary: 'full-text search over names and statements',
    // Names and statements only: what the raw server's and the peer's indexes cover.
    query: `query search($text: String!) { search(text: $text, first: ${FIRST}, kinds: [ENTITY, STATEMENT]) { score node { label } } }`,
    // The library searches one type at a time: one root field per index, merged by score.
    peerQuery: `query search($phrase: String!) { ${peerSearches.map(([field, label]) => `${field}(phrase: $phrase, first: ${FIRST}, sort: [{ score: DESC }]) { edges { score node { __typename id ${label} } } }`).join(' ')} }`,
    peerVariables: (v) => ({ phrase: toLuceneQuery(v.text!) }),
    fromPeer: (data) => {
      const hits: { score: number; node: PeerNode }[] = peerSearches.flatMap(([field]) => data[field].edges);
      hits.sort((a, b) => b.score - a.score || (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0));
      return { search: hits.slice(0, FIRST).map((h) => ({ score: h.score, node: { label: peerLabel(h.node) } })) };
    },
    // Each full-text index returns its best hits in its own order among equal scores, so on a
    // full page the hits that tie with the last score may be other, equally good ones: those
    // are compared by number, everything above by score and label.
    normalise: (data) => {
      const hits = (data.search as { score: number; node: { label: string } }[]).map((h) => ({
        score: Math.round(h.score * 1e6) / 1e6,
        label: h.node.label,
      }));
      const last = hits.length === FIRST ? hits[hits.length - 1]!.score : -Infinity;
      return { above: canonical(hits.filter((h) => h.score > last)), tiedAtEnd: hits.filter((h) => h.score === last).length };
    },
  },
};

/** Nesting of an operation: fields with a selection set on its longest branch (fragments inlined). */
export function depth(document: string): number {
  const walk = (set: SelectionSetNode | undefined): number =>
    Math.max(
      0,
      ...(set?.selections ?? []).map((s) =>
        s.kind === Kind.FIELD
          ? s.selectionSet
            ? 1 + walk(s.selectionSet)
            : 0
          : s.kind === Kind.INLINE_FRAGMENT
            ? walk(s.selectionSet)
            : 0,
      ),
    );
  const op = parse(document).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!op || op.kind !== Kind.OPERATION_DEFINITION) throw new Error('depth: no operation in the document');
  return walk(op.selectionSet);
}

// ---- Sampling ----

/** Variable sets per operation, from `sampleVariables`. */
export type Samples = Record<OperationName, Variables[]>;

export interface SampleOptions {
  /** Variable sets per operation (default 50). */
  size?: number;
  /** Of those, how many are the hubs (default 10). */
  hubs?: number;
  /** Most candidates read per query (default 200 000). */
  maxCandidates?: number;
}

const sampleCypher = (name: string) => readFileSync(new URL(`./sample/${name}.cypher`, import.meta.url), 'utf8');

/** mulberry32: a small seeded PRNG, so that a seed fixes the sample. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `size` picks: the `hubs` highest by degree, then random ones (without repeats while the pool lasts). */
function pick<T extends { id: string; degree: number }>(pool: T[], size: number, hubs: number, rnd: () => number): T[] {
  if (!pool.length) return [];
  const byDegree = [...pool].sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1));
  const chosen = byDegree.slice(0, Math.min(hubs, size));
  const rest = byDegree.slice(chosen.length).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  const order = rest.length ? rest : byDegree;
  for (let i = 0; chosen.length < size; i++) chosen.push(order[i % order.length]!);
  return chosen;
}

export async function sampleVariables(
  driver: Driver,
  database: string,
  seed: number,
  { size = 50, hubs = 10, maxCandidates = 200_000 }: SampleOptions = {},
): Promise<Samples> {
  const read = async <T>(name: string, params: Record<string, unknown>): Promise<T[]> => {
    const { records } = await driver.executeQuery(sampleCypher(name), params, { database, routing: neo4j.routing.READ });
    return records.map((r) => r.toObject() as T);
  };
  const limit = neo4j.int(maxCandidates);
  const candidates = (name: string) => read<{ id: string; degree: number }>(name, { limit });
  const rnd = random(seed);

  const entityWithRoles = pick(await candidates('entities-with-roles'), size, hubs, rnd).map(({ id }) => ({ id }));
  const supporters = pick(await candidates('entities-with-supporters'), size, hubs, rnd).map(({ id }) => ({ id }));
  const statementsAbout = pick(await candidates('statement-targets'), size, hubs, rnd).map(({ id }) => ({ id }));

  // Paths: from hub and random people to a person known to be within 4 hops, keeping pairs
  // whose shortest chains number at most 100 (see bench/sample/shortest-path-count.cypher).
  const starts = pick(await candidates('people'), size * 3, hubs, rnd);
  const path: Variables[] = [];
  for (const { id: from } of starts) {
    if (path.length === size) break;
    const near = await read<{ id: string }>('people-near', { id: from, limit: neo4j.int(50) });
    const to = near[Math.floor(rnd() * near.length)]?.id;
    if (!to) continue;
    const [row] = await read<{ paths: number }>('shortest-path-count', { from, to });
    if (row && row.paths >= 1 && row.paths <= 100) path.push({ from, to });
  }

  // Search: one or two words of an entity's name.
  const names = await read<{ id: string; name: string }>('entity-names', { limit });
  const search: Variables[] = [];
  for (let tries = 0; names.length && search.length < size && tries < size * 20; tries++) {
    const words = String(names[Math.floor(rnd() * names.length)]!.name)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 3);
    if (!words.length) continue;
    const at = Math.floor(rnd() * words.length);
    search.push({ text: rnd() < 0.5 ? words[at]! : words.slice(at, at + 2).join(' ') });
  }

  return { entityWithRoles, supporters, statementsAbout, path, search };
}
