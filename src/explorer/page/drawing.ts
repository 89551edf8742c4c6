/**
 * The drawing: cytoscape.js, loaded by its own <script> from this server (the file the
 * package ships), on a canvas in #graph. Edges are coloured by tone (support green and solid,
 * oppose red and dashed, so colour is not the only cue; others grey and thin); node shapes
 * say the kind of node; the node in focus is larger and outlined.
 *
 * Contract: `draw(drawing, layout)` replaces what is drawn and resolves when it is laid out;
 * taps call the handlers given to `createGraph`. Positions are computed, never simulated
 * (`sides` around a centre, or given by the view), so a large neighbourhood never freezes the
 * tab. Edge labels show for small drawings and for the selected edge only.
 */
import type { Core, ElementDefinition, LayoutOptions, Position } from 'cytoscape';
import { shortLabel, readType, type Drawing } from './model.js';

declare global {
  interface Window {
    cytoscape: typeof import('cytoscape');
  }
}

export const TONE_COLOURS = { support: '#1a7f37', oppose: '#c62828', both: '#8e5bb5', other: '#8a8f98' } as const;

/** Node shapes by type name; anything else (facts, sentences, articles) is a small round tag. */
export const SHAPES: Record<string, string> = {
  Person: 'ellipse',
  Organisation: 'round-rectangle',
  Group: 'hexagon',
  Place: 'diamond',
  AnonymousSource: 'star',
  Statement: 'round-tag',
  Event: 'round-triangle',
  Motion: 'round-pentagon',
  Vote: 'round-pentagon',
  Role: 'round-tag',
};

/**
 * Positions around a centre that read as sides: supporters and what it supported on the
 * left, opponents and what it opposed on the right, both at the top, every other relationship
 * on an outer ring, the rings stretched to the drawing's width. Computed directly (no force
 * simulation), so any size draws at once.
 */
function sides(drawing: Drawing, centre: string, aspect: number): Map<string, Position> {
  const groups = { support: [] as string[], oppose: [] as string[], both: [] as string[], other: [] as string[] };
  for (const n of drawing.nodes.values()) if (n.id !== centre) groups[drawing.toneToward(n.id, centre)].push(n.id);
  const at = new Map<string, Position>([[centre, { x: 0, y: 0 }]]);
  // Every other node on an arc sits a little further out, so labels on a crowded arc do not
  // collide and the arc stays small enough for the drawing to fit at a readable size.
  const arc = (ids: string[], from: number, to: number, r: number, stagger = 1.3) =>
    ids.forEach((id, i) => {
      const a = Math.PI * (ids.length === 1 ? (from + to) / 2 : from + ((to - from) * i) / (ids.length - 1));
      const ri = i % 2 && ids.length > 6 ? r * stagger : r;
      at.set(id, { x: ri * Math.cos(a) * aspect, y: ri * Math.sin(a) });
    });
  // About 36 px between neighbours on an arc of 0.8π.
  const inner = Math.max(150, (Math.max(groups.support.length, groups.oppose.length) * 36) / (0.8 * Math.PI));
  arc(groups.support, 0.6, 1.4, inner);
  arc(groups.oppose, 0.4, -0.4, inner);
  arc(groups.both, -0.6, -0.4, inner * 0.7);
  const outer = Math.max(inner * 1.3 + 80, (groups.other.length * 44) / (2 * Math.PI));
  arc(groups.other, -0.5, 1.5 - 2 / Math.max(1, groups.other.length), outer, 1.15);
  return at;
}

export type Layout = { kind: 'around'; centre: string } | { kind: 'positions'; at: Map<string, { x: number; y: number }> };

export interface Graph {
  cy: Core;
  draw(drawing: Drawing, layout: Layout, selected: string | null): Promise<void>;
  select(id: string | null): void;
}

export function createGraph(container: HTMLElement, on: { node(id: string): void; edge(id: string): void; background(): void }): Graph {
  const cy = window.cytoscape({
    container,
    minZoom: 0.2,
    maxZoom: 3,
    boxSelectionEnabled: false,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(short)',
          'font-size': 12,
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-wrap': 'wrap',
          'text-max-width': '140px',
          color: '#1f2328',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.8,
          'text-background-padding': '1px',
          'background-color': '#d0d7de',
          'border-width': 3,
          'border-color': 'data(colour)',
          shape: 'data(shape)' as never,
          width: 26,
          height: 26,
        },
      },
      { selector: 'node.fact', style: { width: 16, height: 16, 'background-color': '#eaeef2', 'font-size': 9, color: '#57606a' } },
      {
        selector: 'node.centre',
        style: { width: 44, height: 44, 'background-color': '#0969da', 'border-color': '#0a3069', 'font-size': 14, 'font-weight': 'bold' },
      },
      {
        selector: 'edge',
        style: {
          width: 1,
          'line-color': TONE_COLOURS.other,
          'target-arrow-color': TONE_COLOURS.other,
          'target-arrow-shape': 'triangle',
          'arrow-scale': 0.7,
          'curve-style': 'bezier',
          opacity: 0.45,
        },
      },
      {
        selector: 'edge.support',
        style: { width: 3, 'line-color': TONE_COLOURS.support, 'target-arrow-color': TONE_COLOURS.support, opacity: 0.95 },
      },
      {
        selector: 'edge.oppose',
        style: {
          width: 3,
          'line-color': TONE_COLOURS.oppose,
          'target-arrow-color': TONE_COLOURS.oppose,
          'line-style': 'dashed',
          opacity: 0.95,
        },
      },
      {
        selector: 'edge.labelled',
        style: {
          label: 'data(reads)',
          'font-size': 9,
          color: '#424a53',
          'text-rotation': 'autorotate',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.8,
        },
      },
      {
        selector: 'edge:selected',
        style: {
          label: 'data(reads)',
          'font-size': 10,
          'text-rotation': 'autorotate',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.9,
        },
      },
      { selector: ':selected', style: { 'overlay-color': '#0969da', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    ],
  });

  cy.on('tap', 'node', (e) => on.node(e.target.id()));
  cy.on('tap', 'edge', (e) => on.edge(e.target.id()));
  cy.on('tap', (e) => e.target === cy && on.background());

  const select = (id: string | null) => {
    cy.elements(':selected').unselect();
    if (id) cy.getElementById(id).select();
  };

  return {
    cy,
    select,
    draw(drawing, layout, selected) {
      const centre = layout.kind === 'around' ? layout.centre : null;
      const elements: ElementDefinition[] = [];
      for (const n of drawing.nodes.values()) {
        const tone = centre ? drawing.toneToward(n.id, centre) : 'other';
        const isEntity = n.__typename in SHAPES && !['Statement', 'Event', 'Motion', 'Vote', 'Role'].includes(n.__typename);
        elements.push({
          group: 'nodes',
          data: { id: n.id, short: shortLabel(n.label), shape: SHAPES[n.__typename] ?? 'round-tag', colour: TONE_COLOURS[tone], tone },
          classes: [n.id === centre ? 'centre' : '', isEntity ? 'entity' : 'fact'].join(' '),
        });
      }
      for (const e of drawing.edges.values()) {
        elements.push({
          group: 'edges',
          data: { id: e.id, source: e.from.id, target: e.to.id, reads: readType(e.type), tone: e.tone, type: e.type },
          classes: `${e.tone}${drawing.edges.size <= 12 ? ' labelled' : ''}`,
        });
      }
      // Text above the drawing may have changed height since the last one: cytoscape keeps
      // its container's offset, and taps would land on the wrong element.
      cy.resize();
      cy.elements().remove();
      cy.add(elements);
      const aspect = Math.min(1.6, Math.max(1, container.clientWidth / Math.max(1, container.clientHeight)));
      const at = layout.kind === 'around' ? sides(drawing, layout.centre, aspect) : layout.at;
      const options: LayoutOptions = { name: 'preset', positions: Object.fromEntries(at), fit: true, padding: 30, animate: false };
      return new Promise((done) => {
        const run = cy.layout(options);
        run.one('layoutstop', () => {
          select(selected);
          done();
        });
        run.run();
      });
    },
  };
}
