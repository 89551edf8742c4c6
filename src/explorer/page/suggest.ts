/**
 * A search box with suggestions as one types (the ARIA combobox pattern): arrows move through
 * the suggestions, Enter picks, Escape closes; a click picks too. Asks the API's `search`
 * after a short pause in typing, and drops answers that arrive after newer ones.
 */
import { SUGGEST } from '../queries.js';
import { request } from './api.js';
import { h } from './dom.js';
import { shortLabel, type Head } from './model.js';

export interface Suggestion extends Head {
  kind?: string;
  aliases?: string[];
}

export interface SuggestOptions {
  input: HTMLInputElement;
  list: HTMLUListElement;
  /** Only entities (for the ends of a path). */
  entitiesOnly?: boolean;
  pick(s: Suggestion): void;
}

export function attachSuggestions({ input, list, entitiesOnly = false, pick }: SuggestOptions) {
  let shown: Suggestion[] = [];
  let active = -1;
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const mark = (i: number) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    if (i >= 0) input.setAttribute('aria-activedescendant', `${list.id}-${i}`);
  };
  const choose = (s: Suggestion) => {
    close();
    input.value = s.label;
    input.dataset.id = s.id;
    pick(s);
  };

  async function ask(text: string) {
    const mine = ++asked;
    const { search } = await request<{ search: { node: Suggestion }[] }>(SUGGEST, { text, first: entitiesOnly ? 12 : 8 });
    if (mine !== asked) return;
    shown = search.map((s) => s.node).filter((n) => !entitiesOnly || n.kind);
    // Entities first: they are what one usually looks for; statements after.
    shown.sort((a, b) => Number(!a.kind) - Number(!b.kind));
    list.replaceChildren(
      ...shown.map((s, i) =>
        h(
          'li',
          {
            id: `${list.id}-${i}`,
            role: 'option',
            'aria-selected': 'false',
            onmousedown: (e) => e.preventDefault(),
            onclick: () => choose(s),
          },
          h('span', { class: 'label' }, shortLabel(s.label, 80)),
          h('span', { class: 'kind' }, s.kind ?? s.__typename),
        ),
      ),
    );
    if (!shown.length) list.replaceChildren(h('li', { class: 'none', role: 'option', 'aria-disabled': 'true' }, 'Nothing matches'));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    mark(shown.length ? 0 : -1);
  }

  input.addEventListener('input', () => {
    delete input.dataset.id;
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) {
      asked++;
      close();
      return;
    }
    timer = setTimeout(() => ask(text).catch((e: Error) => console.warn(`Suggestions failed: ${e.message}`)), 150);
  });
  input.addEventListener('keydown', (e) => {
    if (list.hidden || !shown.length) return;
    if (e.key === 'ArrowDown') mark((active + 1) % shown.length);
    else if (e.key === 'ArrowUp') mark((active - 1 + shown.length) % shown.length);
    else if (e.key === 'Enter' && active >= 0) choose(shown[active]!);
    else if (e.key === 'Escape') close();
    else return;
    e.preventDefault();
  });
  input.addEventListener('blur', () => setTimeout(close, 100));

  /** The best suggestion for what is typed, when Enter is pressed before any was picked. */
  return {
    async best(): Promise<Suggestion | null> {
      const text = input.value.trim();
      if (!text) return null;
      const { search } = await request<{ search: { node: Suggestion }[] }>(SUGGEST, { text, first: entitiesOnly ? 12 : 8 });
      const nodes = search.map((s) => s.node).filter((n) => !entitiesOnly || n.kind);
      return nodes.find((n) => n.kind) ?? nodes[0] ?? null;
    },
    close,
  };
}
