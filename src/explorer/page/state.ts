/**
 * What is shown, held in the URL so that a view can be shared, reloaded and gone back to.
 *
 * `?focus=<id>` centres the graph on a node (a global id, or an entity's key such as
 * `person:jeremy-corbyn`); `limit` is how many relationships of each list are drawn;
 * `select` opens the side panel on a node id or an edge id; `view=path&from=&to=` draws the
 * chains between two nodes; `view=timeline&article=<id>` lists an article's events.
 */
import { PAGE } from '../queries.js';

export type ViewName = 'home' | 'graph' | 'path' | 'timeline';

export interface ViewState {
  view: ViewName;
  focus: string | null;
  limit: number;
  select: string | null;
  from: string | null;
  to: string | null;
  article: string | null;
}

const views: ViewName[] = ['home', 'graph', 'path', 'timeline'];

export function readState(search: string): ViewState {
  const p = new URLSearchParams(search);
  const limit = Number(p.get('limit'));
  const focus = p.get('focus');
  const named = p.get('view') as ViewName | null;
  const view: ViewName = named && views.includes(named) ? named : focus ? 'graph' : 'home';
  return {
    view,
    focus,
    limit: Number.isInteger(limit) && limit >= PAGE ? Math.min(limit, 1000) : PAGE,
    select: p.get('select'),
    from: p.get('from'),
    to: p.get('to'),
    article: p.get('article'),
  };
}

export function writeState(s: ViewState): string {
  const p = new URLSearchParams();
  if (s.view !== 'home' && !(s.view === 'graph' && s.focus)) p.set('view', s.view);
  if (s.view === 'graph' && s.focus) p.set('focus', s.focus);
  if (s.view === 'graph' && s.limit !== PAGE) p.set('limit', String(s.limit));
  if (s.view === 'path') {
    if (s.from) p.set('from', s.from);
    if (s.to) p.set('to', s.to);
  }
  if (s.view === 'timeline' && s.article) p.set('article', s.article);
  if (s.select) p.set('select', s.select);
  const q = p.toString();
  return q ? `?${q}` : '';
}
