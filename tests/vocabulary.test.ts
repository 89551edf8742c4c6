/**
 * The vocabulary file, dates in words and the timeline order: the rules under the graph that
 * need no database.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVocabulary, VocabularyError } from '../src/core/vocabulary.js';
import { orderEvents } from '../src/seed/timeline.js';
import { resolveWhen } from '../src/seed/when.js';

const shipped = readFileSync('seeds/vocabulary.yaml', 'utf8');
const edited = (edit: (yaml: string) => string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'vocab-')), 'vocabulary.yaml');
  writeFileSync(file, edit(shipped));
  return file;
};
const refusal = (file: string) => {
  try {
    loadVocabulary(file);
  } catch (error) {
    if (error instanceof VocabularyError) return error.message;
    throw error;
  }
  throw new Error('expected the vocabulary to be refused');
};

describe('the vocabulary file', () => {
  it('ships a core for news at large', () => {
    const v = loadVocabulary('seeds/vocabulary.yaml');
    for (const t of [
      'REMOVED_WHIP_FROM',
      'APPOINTED',
      'DISMISSED',
      'RESIGNED_FROM',
      'ELECTED',
      'SUED',
      'RULED_AGAINST',
      'FINED',
      'ACQUIRED',
      'EMPLOYS',
      'CAUSED_BY',
    ])
      expect(v.relationTypes.has(t), t).toBe(true);
    for (const t of ['council', 'court', 'club', 'school', 'regulator']) expect(v.organisationTypes.has(t), t).toBe(true);
    for (const t of ['ward', 'district']) expect(v.placeTypes.has(t), t).toBe(true);
    for (const t of ['case', 'ruling', 'strike', 'appeal', 'appointment', 'dismissal', 'deal']) expect(v.eventTypes.has(t), t).toBe(true);
    expect(v.stanceTypes.OPPOSE).toContain('FINED');
    expect(v.linkTypes.cause).toEqual(['CAUSED_BY', 'IN_RESPONSE_TO']);
    expect(v.allows('CAUSED_BY', 'from', 'Event')).toBe(true);
    expect(v.allows('CAUSED_BY', 'from', 'Person')).toBe(false);
  });

  it('refuses a bad edit with the file, line and what is wrong', () => {
    expect(refusal(edited((y) => y.replace('  SUPPORTED:\n', '  supported:\n')))).toMatch(
      /vocabulary\.yaml:\d+:\d+ relationTypes\.supported: is not a valid name: relation types are UPPER_SNAKE_CASE/,
    );
    expect(refusal(edited((y) => y.replace('    stance: SUPPORT\n    derived: true\n', '    stance: FOR\n    derived: true\n')))).toMatch(
      /vocabulary\.yaml:\d+:\d+ relationTypes\.SUPPORTED\.stance/,
    );
    expect(refusal(edited((y) => y.replace('  SUED:\n', '  HOLDS:\n')))).toMatch(/relationTypes\.HOLDS: is written by the loader itself/);
    expect(refusal(edited((y) => `${y}\nunknownSection: {}\n`))).toMatch(/unknownSection|Unrecognized key/i);
  });
});

describe('dates in words', () => {
  // Published on Friday 10 May 2024.
  const cases: [string, string | null, string | null][] = [
    ['on Friday', '2024-05-10', 'day'],
    ['on Tuesday', '2024-05-07', 'day'],
    ['last Friday', '2024-05-03', 'day'],
    ['next Monday', '2024-05-13', 'day'],
    ['yesterday', '2024-05-09', 'day'],
    ['last week', '2024-04-29', 'week'],
    ['next month', '2024-06', 'month'],
    ['in March', '2024-03', 'month'],
    ['in March 2023', '2023-03', 'month'],
    ['on 3 May', '2024-05-03', 'day'],
    ['May 3, 2022', '2022-05-03', 'day'],
    ['last year', '2023', 'year'],
    ['two years ago', '2022', 'year'],
    ['in 2019', '2019', 'year'],
    ['soon', null, null],
    ['they may go', null, null],
  ];
  it.each(cases)('resolves "%s" against the publication date to %s (%s)', (words, date, precision) => {
    expect(resolveWhen(words, '2024-05-10')).toEqual({ date, precision });
  });

  it('keeps words it cannot resolve without a publication date unresolved', () => {
    expect(resolveWhen('on Friday')).toEqual({ date: null, precision: null });
    expect(resolveWhen('in May', '2024')).toEqual({ date: '2024-05', precision: 'month' });
  });
});

describe('the timeline order', () => {
  const at = (id: string, firstMention: number, date: string | null = null) => ({
    id,
    firstMention,
    date,
    precision: date ? ('day' as const) : null,
  });

  it('puts known time first, then cause and sequence, then mention, and says which placed each', () => {
    const r = orderEvents(
      [at('effect', 0), at('cause', 50), at('later', 10, '2024-05-02'), at('earlier', 90, '2024-05-01')],
      [{ later: 'effect', earlier: 'cause' }],
    );
    if (!r.ok) throw new Error('cycle');
    const order = [...r.placed].sort((a, b) => a[1].index - b[1].index).map(([id]) => id);
    expect(order.indexOf('cause')).toBeLessThan(order.indexOf('effect'));
    expect(order.indexOf('earlier')).toBeLessThan(order.indexOf('later'));
    expect(r.placed.get('effect')!.basis).toBe('sequence');
    expect(r.placed.get('later')!.basis).toBe('date');
    expect(r.placed.get('cause')!.basis).toBe('sequence');
    expect(r.placed.get('earlier')!.basis).toBe('date');
    // sortDate never decreases along the order.
    const dates = order.map((id) => r.placed.get(id)!.sortDate ?? '');
    expect([...dates].sort()).toEqual(dates);
  });

  it('reports a cause dated after its effect as a contradiction', () => {
    const r = orderEvents([at('effect', 0, '2024-01-01'), at('cause', 5, '2024-02-01')], [{ later: 'effect', earlier: 'cause' }]);
    expect(r).toEqual({ ok: false, cycle: ['effect', 'cause'] });
  });
});
