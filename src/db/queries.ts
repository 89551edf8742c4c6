/**
 * The catalogue of reads: each cypher/read/*.cypher declared once, with the type of its
 * parameters, the type of its rows and the arguments it is planned with at start-up
 * (`warm`, which match nothing). Code reads through these declarations only
 * (`db.read(queries.entities, {...})`), so a misspelt query or parameter fails `tsc`, and a
 * test checks that each declaration's parameters are exactly the ones its file names.
 *
 * Words used here:
 * - page row: `{ total, page }`, a page of a list cut in Cypher at `$offset`/`$limit`.
 * - follows: relationships of a page item's fact, read ahead (cypher/fragments/follows.cypher).
 * - ints: parameters Neo4j must receive as integers (offsets, limits), converted by GraphDb.
 */
import type { GNode } from '../core/model.js';
import { vocabulary } from '../core/vocabulary.js';
import { cypher } from './cypher.js';

export type Params = object;

export interface Query<P extends Params, R> {
  /** The file's name under cypher/, with its template value after `#`. */
  readonly name: string;
  readonly text: string;
  readonly warm: P;
  readonly ints: readonly (keyof P & string)[];
  /** Carries the row type; never set. */
  readonly row?: R;
}

function query<P extends Params, R>(name: string, warm: P, ints: (keyof P & string)[] = []): Query<P, R> {
  return { name, text: cypher(name), warm, ints };
}

/** One relationship as read from a node: its type, direction, properties and the node at its other end. */
export interface FollowedRel {
  type: string;
  outgoing: boolean;
  props: Record<string, unknown>;
  otherId: string;
  otherLabels: string[];
  otherProps: Record<string, unknown>;
}
export type PageItem = GNode & { follows?: FollowedRel[] | null };
export interface PageRow<T = PageItem> {
  total: number;
  page: T[];
}
interface Paged {
  offset: number;
  limit: number;
}
const paged = { offset: 0, limit: 1 };
const pagedInts: ['offset', 'limit'] = ['offset', 'limit'];

export interface RelPageParams extends Paged {
  ids: string[];
  direction: 'OUTGOING' | 'INCOMING' | 'BOTH';
  stance: string | null;
  status: string | null;
  withNode: boolean;
  followTypes: string[];
  linked: boolean;
}
export interface RelPageRow {
  id: string;
  total: number;
  page: (FollowedRel & { follows?: FollowedRel[] | null; linked?: GNode[] })[];
  labels: string[] | null;
  props: Record<string, unknown> | null;
}
export interface EvidenceRow {
  id: string;
  articleId: string;
  start: number;
  end: number;
  sentences: { id: string; props: Record<string, unknown> }[];
}
export interface PathRow {
  nodes: GNode[];
  rels: { type: string; from: string; to: string; props: Record<string, unknown> }[];
}
export interface StatementFilter extends Paged {
  articleId: string | null;
  mode: string | null;
  stance: string | null;
  followTypes: string[];
}

const relPageWarm: RelPageParams = {
  ids: [],
  direction: 'BOTH',
  stance: null,
  status: null,
  withNode: false,
  followTypes: [],
  linked: false,
  ...paged,
};
const relationshipPageQueries = new Map<string, Query<RelPageParams, RelPageRow>>();
interface PathParams {
  from: string;
  to: string;
  candidates: number;
  structural: string[];
  first: number;
}
const pathQueries = new Map<number, Query<PathParams, PathRow>>();

export const queries = {
  nodesById: query<{ ids: string[] }, GNode>('read/nodes-by-id', { ids: [] }),
  degrees: query<{ ids: string[] }, { id: string; degrees: Record<string, [number, number]> }>('read/degrees', { ids: [] }),
  relationshipsByNode: query<{ ids: string[]; cap: number }, { id: string; degree: number; rels: FollowedRel[] }>(
    'read/relationships-by-node',
    { ids: [], cap: 1 },
    ['cap'],
  ),
  evidenceByNode: query<{ ids: string[]; spans: number; sentences: number }, EvidenceRow>(
    'read/evidence-by-node',
    { ids: [], spans: 1, sentences: 1 },
    ['spans', 'sentences'],
  ),
  entities: query<{ kind: string | null; name: string | null; desc: boolean } & Paged, PageRow>(
    'read/entities',
    { kind: null, name: null, desc: false, ...paged },
    pagedInts,
  ),
  factsByLabel: query<{ label: string; articleId: string | null; status: string | null; type: string | null } & Paged, PageRow>(
    'read/facts-by-label',
    { label: 'Event', articleId: null, status: null, type: null, ...paged },
    pagedInts,
  ),
  articles: query<Paged, PageRow>('read/articles', paged, pagedInts),
  articleHashes: query<{ ids: string[] }, { id: string; seedHash: string | null }>('read/article-hashes', { ids: [] }),
  articleCount: query<Record<string, never>, { articles: number }>('read/article-count', {}),
  revisions: query<{ articleId: string }, { props: Record<string, unknown> }>('read/revisions', { articleId: '' }),
  sentencesOfArticle: query<{ articleId: string } & Paged, PageRow>('read/sentences-of-article', { articleId: '', ...paged }, pagedInts),
  statements: query<StatementFilter, PageRow>(
    'read/statements',
    { articleId: null, mode: null, stance: null, followTypes: [], ...paged },
    pagedInts,
  ),
  statementsAbout: query<StatementFilter & { about: string; speaker: string | null }, PageRow>(
    'read/statements-about',
    { about: '', speaker: null, articleId: null, mode: null, stance: null, followTypes: [], ...paged },
    pagedInts,
  ),
  statementsBy: query<StatementFilter & { speaker: string }, PageRow>(
    'read/statements-by',
    { speaker: '', articleId: null, mode: null, stance: null, followTypes: [], ...paged },
    pagedInts,
  ),
  search: query<{ query: string; limit: number; kinds: string[] }, GNode & { score: number }>(
    'read/search',
    { query: 'warmup', limit: 1, kinds: ['ENTITY', 'STATEMENT', 'FACT'] },
    ['limit'],
  ),
  relationshipCounts: query<Record<string, never>, { type: string; count: number }>('read/relationship-counts', {}),
  /** A node's relationships of one type, a page at a time (`type` must be a vocabulary type). */
  relationshipPages(type: string): Query<RelPageParams, RelPageRow> {
    let q = relationshipPageQueries.get(type);
    if (!q) relationshipPageQueries.set(type, (q = query(`read/relationship-pages#${type}`, relPageWarm, pagedInts)));
    return q;
  },
  /** The shortest chains between two nodes, at most `bound` (1–6) long. */
  path(bound: number) {
    let q = pathQueries.get(bound);
    if (!q)
      pathQueries.set(
        bound,
        (q = query<PathParams, PathRow>(`read/path#${bound}`, { from: '', to: '', candidates: 1, structural: [], first: 1 }, [
          'candidates',
          'first',
        ])),
      );
    return q;
  },
};

/** Every read to plan at start-up: each query once, relationship pages once per type in `types`, paths of each length. */
export function warmUpQueries(types: string[]): Query<Params, unknown>[] {
  const fixed = Object.values(queries).filter((q) => typeof q === 'object') as Query<Params, unknown>[];
  const known = new Set(vocabulary().allTypes);
  return [
    ...fixed,
    ...types.filter((t) => known.has(t)).map((t) => queries.relationshipPages(t)),
    ...[1, 2, 3, 4, 5, 6].map((b) => queries.path(b)),
  ] as Query<Params, unknown>[];
}
