/**
 * Three invented articles of other domains than the first (tests/fixtures/domains/: a labour
 * dispute settled by a ballot, a regulator's prosecution ending in a fine, a club changing its
 * coach), loaded beside the first with no change in src/. Each question a reader would ask is
 * one GraphQL request: who did what to whom, why, when (the timeline in true order), who
 * supported and who opposed with the grounds, what anonymous sources said, and the numbers.
 * Then: a seed with a relation type the vocabulary lacks is refused and writes nothing.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAll } from '../src/seed/seed-all.js';
import { SeedValidationError, validateSeed } from '../src/seed/validate.js';
import { appFor, counts, gql, openDb, resetDb } from './helpers.js';

const FIXTURES = 'tests/fixtures/domains';
const DOMAINS = ['labour-ballot', 'court-penalty', 'club-coach'] as const;

const db = openDb();
const app = appFor(db);

beforeAll(async () => {
  await resetDb(db);
  await seedAll(db, 'seeds');
  for (const name of DOMAINS) await seedAll(db, join(FIXTURES, name));
});
afterAll(() => db.close());

/** Sends one request and returns its data, failing on any error. */
async function ask(query: string): Promise<any> {
  const r = await gql(app, query);
  expect(r.errors).toBeUndefined();
  return r.data;
}

const nodes = (connection: { edges: { node: any }[] }) => connection.edges.map((e) => e.node);
const texts = (evidence: { text: string }[]) => evidence.map((e) => e.text);
/** A side (distinctSupporters / distinctOpponents) as actor key and its grounds as "TYPE via". */
const sides = (connection: { edges: { node: any }[] }) =>
  nodes(connection).map((s) => [s.actor.key, s.grounds.map((g: any) => `${g.type} ${g.via?.key ?? '-'}`)]);
const sideFields = 'edges { node { actor { key label } grounds { type via { key } evidence { text } } } }';
const timelineFields = 'edges { node { key date datePrecision when orderedBy status causes { other { key } } follows { other { key } } } }';

/** Every cause and every fact an event follows comes before it in the timeline. */
function expectCausesFirst(timeline: any[]) {
  const at = new Map(timeline.map((e, i) => [e.key, i]));
  let links = 0;
  for (const [i, e] of timeline.entries())
    for (const link of [...e.causes, ...e.follows]) {
      if (!at.has(link.other.key)) continue; // a motion, not an event: not in the timeline
      expect(at.get(link.other.key), `${link.other.key} before ${e.key}`).toBeLessThan(i);
      links++;
    }
  expect(links).toBeGreaterThan(0);
}

describe('the three articles load beside the first', () => {
  it('lists all four articles with their publication dates', async () => {
    const data = await ask(`{ articles { totalCount edges { node { key publishedAt } } } }`);
    expect(data.articles.totalCount).toBe(4);
    expect(nodes(data.articles).map((a: any) => [a.key, a.publishedAt])).toEqual(
      expect.arrayContaining([
        ['article:huffpost-nec-rejects-corbyn-whip', null],
        ['article:invented-calderline-bus-ballot', '2025-11-15'],
        ['article:invented-northvale-sewage-fine', '2026-03-06'],
        ['article:invented-brackenfield-coach-sacked', '2026-01-12'],
      ]),
    );
  });
});

describe('a labour dispute settled by a ballot (labour-ballot)', () => {
  const article = 'article:invented-calderline-bus-ballot';

  it('gives the ballot as shares in percent, with no counts, and the offer put to it in pounds', async () => {
    const data = await ask(`{ fact(id: "vote:calderline-pay-ballot") { key ... on Vote {
      outcome votesFor votesAgainst quantities { of value unit text }
      motion { key title outcome proposers { key } quantities { of value unit text } } } } }`);
    const vote = data.fact;
    expect(vote).toMatchObject({ key: 'vote:calderline-pay-ballot', outcome: 'passed', votesFor: null, votesAgainst: null });
    expect(vote.quantities).toEqual([
      { of: 'votes in favour', value: 62, unit: 'percent', text: '62% voting in favour' },
      { of: 'turnout', value: 48, unit: 'percent', text: 'a 48% turnout' },
    ]);
    expect(vote.motion).toMatchObject({
      key: 'motion:calderline-revised-pay-offer',
      outcome: 'passed',
      proposers: [{ key: 'org:rrwu-regional-committee' }],
    });
    expect(vote.motion.quantities).toEqual([
      { of: 'pay rise for a full-time driver', value: 2150, unit: 'GBP', text: 'worth £2,150 a year' },
      { of: 'cost to the company over two years', value: 1800000, unit: 'GBP', text: 'about £1.8m over two years' },
    ]);
  });

  it('answers why the strike was called off: because of the ballot, in the words that say so', async () => {
    const data = await ask(`{ event(id: "event:calderline-strike-called-off") { name status
      causes { type reads other { key label } evidence { text } } } }`);
    expect(data.event.status).toBe('happened');
    expect(data.event.causes).toEqual([
      {
        type: 'CAUSED_BY',
        reads: 'was caused by',
        other: { key: 'event:calderline-revised-offer-ballot', label: 'Ballot of union members on Calderline’s revised pay offer' },
        evidence: [{ text: 'As a result of the ballot' }],
      },
    ]);
  });

  it('answers why the revised offer came, on the anonymous official’s word, and what it followed', async () => {
    const data = await ask(`{ motion(id: "motion:calderline-revised-pay-offer") {
      causes { type other { key } via { key } evidence { text } }
      follows { type other { key } evidence { text } } } }`);
    expect(data.motion.causes).toEqual([
      {
        type: 'CAUSED_BY',
        other: { key: 'event:calderline-strike-announced' },
        via: { key: 'statement:official-strike-threat' },
        evidence: [{ text: 'The strike threat is what moved them' }],
      },
    ]);
    expect(data.motion.follows).toEqual([
      {
        type: 'FOLLOWED',
        other: { key: 'event:calderline-first-offer-ballot' },
        evidence: [{ text: 'after drivers rejected a deal worth £1,400' }],
      },
    ]);
  });

  it('puts the dispute in true order, dates in words resolved against the publication date, each cause first', async () => {
    const data = await ask(`{ timeline(article: "${article}") { totalCount ${timelineFields} } }`);
    const events = nodes(data.timeline);
    expect(events.map((e: any) => [e.key, e.date, e.datePrecision, e.when, e.orderedBy])).toEqual([
      ['event:calderline-january-walkout', '2025-01', 'month', 'in January', 'date'],
      ['event:calderline-first-offer-ballot', '2025-10', 'month', 'last month', 'date'],
      ['event:calderline-strike-announced', '2025-11-03', 'day', 'on 3 November', 'date'],
      ['event:calderline-revised-offer-ballot', '2025-11-14', 'day', 'on Friday', 'date'],
      ['event:calderline-strike-called-off', null, null, null, 'sequence'],
      ['event:calderline-new-pay-rates', '2025-12-01', 'day', 'from 1 December', 'date'],
    ]);
    expect(events.at(-1).status).toBe('planned');
    expectCausesFirst(events);
  });

  it('answers who acted against Calderline and everyone against it, each once with the grounds', async () => {
    const data = await ask(`{ entity(id: "org:calderline") {
      relationships(types: ["STRUCK_AGAINST", "CRITICISED"], direction: INCOMING) { edges { node { type reads other { label } via { key } evidence { text } } } }
      distinctOpponents { totalCount ${sideFields} } } }`);
    expect(nodes(data.entity.relationships).map((r: any) => [r.type, r.reads, r.other.label, r.via.key, texts(r.evidence)])).toEqual([
      [
        'CRITICISED',
        'was criticised by',
        'Calder Valley Passengers’ Association',
        'statement:passengers-association-criticised',
        ['criticised Calderline for letting the dispute drag on'],
      ],
      ['CRITICISED', 'was criticised by', 'One union official', 'statement:official-strike-threat', ['not goodwill']],
      [
        'STRUCK_AGAINST',
        'faced a strike by',
        'Calderline bus drivers',
        'event:calderline-january-walkout',
        ['a 24-hour walkout in January'],
      ],
    ]);
    expect(data.entity.distinctOpponents.totalCount).toBe(4);
    expect(sides(data.entity.distinctOpponents)).toEqual([
      [
        'source:rrwu-union-official',
        [
          'CRITICISED statement:official-strike-threat',
          'OPPOSED statement:official-far-too-late',
          'OPPOSED statement:official-strike-threat',
        ],
      ],
      [
        'org:calder-valley-passengers-association',
        ['CRITICISED statement:passengers-association-criticised', 'OPPOSED statement:passengers-association-criticised'],
      ],
      ['group:calderline-drivers', ['STRUCK_AGAINST event:calderline-january-walkout']],
      ['person:denise-okafor', ['OPPOSED statement:okafor-clear-message']],
    ]);
  });

  it('answers who backed the deal and who did not think the result worth celebrating', async () => {
    const data = await ask(`{ offer: motion(id: "motion:calderline-revised-pay-offer") { distinctSupporters { ${sideFields} } }
      result: fact(id: "vote:calderline-pay-ballot") { distinctSupporters { ${sideFields} } distinctOpponents { ${sideFields} } } }`);
    expect(sides(data.offer.distinctSupporters)).toEqual([
      ['group:calderline-drivers', ['SUPPORTED vote:calderline-pay-ballot']],
      ['org:rrwu-regional-committee', ['PROPOSED motion:calderline-revised-pay-offer']],
      ['person:denise-okafor', ['SUPPORTED statement:okafor-stood-firm']],
    ]);
    expect(sides(data.result.distinctSupporters)).toEqual([
      ['org:calder-valley-passengers-association', ['SUPPORTED statement:passengers-association-welcomed']],
      ['person:richard-hale', ['SUPPORTED statement:hale-pleased']],
    ]);
    expect(sides(data.result.distinctOpponents)).toEqual([
      ['source:rrwu-union-official', ['OPPOSED statement:official-nothing-to-celebrate']],
    ]);
    expect(texts(nodes(data.result.distinctOpponents)[0].grounds[0].evidence)).toEqual(['the turnout was “nothing to celebrate”']);
  });

  it('tells what the anonymous union official said, in article order, to whom, and the post it holds', async () => {
    const data = await ask(`{ statements(speaker: "source:rrwu-union-official") { totalCount edges { node { text mode toldTo { key } } } }
      entity(id: "source:rrwu-union-official") { kind name ... on AnonymousSource { side affiliation { key } }
        roles { edges { node { title bodies { key } } } } } }`);
    expect(nodes(data.statements)).toEqual([
      { text: 'nothing to celebrate', mode: 'verbatim', toldTo: { key: 'org:calder-valley-courier' } },
      { text: 'come far too late', mode: 'verbatim', toldTo: { key: 'org:calder-valley-courier' } },
      { text: 'The strike threat is what moved them, not goodwill', mode: 'verbatim', toldTo: null },
    ]);
    expect(data.entity).toMatchObject({
      kind: 'AnonymousSource',
      name: 'One union official',
      side: 'dissatisfied with the deal',
      affiliation: { key: 'org:road-and-rail-workers-union' },
    });
    expect(nodes(data.entity.roles)).toEqual([{ title: 'union official', bodies: [{ key: 'org:road-and-rail-workers-union' }] }]);
  });
});

describe('a prosecution ending in a fine (court-penalty)', () => {
  const article = 'article:invented-northvale-sewage-fine';

  it('answers who investigated, charged, ruled against and fined the company, with the words', async () => {
    const data = await ask(`{ entity(id: "org:northvale-water") {
      relationships(types: ["FINED", "RULED_AGAINST", "CHARGED", "INVESTIGATED"], direction: INCOMING) {
        totalCount edges { node { type reads other { key label } via { key } evidence { text } } } } } }`);
    expect(nodes(data.entity.relationships).map((r: any) => [r.type, r.reads, r.other.label, r.via.key, texts(r.evidence)])).toEqual([
      [
        'CHARGED',
        'was charged by',
        'Environment Standards Agency',
        'event:northvale-prosecution',
        ['The prosecution, brought by the Environment Standards Agency'],
      ],
      [
        'FINED',
        'was fined by',
        'Helen Marsh',
        'event:northvale-sentencing',
        ['has been fined £4.2m', 'ordered it to pay £350,000 in costs on top of the fine'],
      ],
      [
        'INVESTIGATED',
        'was investigated by',
        'Environment Standards Agency',
        'event:esa-investigation',
        ['The agency found that a pumping station had discharged sewage'],
      ],
      [
        'RULED_AGAINST',
        'was ruled against by',
        'Helen Marsh',
        'event:northvale-sentencing',
        ['ruled that Northvale Water had shown “a wholesale disregard for the law”'],
      ],
    ]);
  });

  it('gives the penalty in pounds, its date from "on Thursday", why it was imposed and what it drew', async () => {
    const data = await ask(`{ event(id: "event:northvale-sentencing") { type date datePrecision when
      quantities { of value unit text }
      causes { type other { key } evidence { text } }
      consequences { type other { key ... on Event { status when } } evidence { text } } } }`);
    expect(data.event).toMatchObject({ type: 'ruling', date: '2026-03-05', datePrecision: 'day', when: 'on Thursday' });
    expect(data.event.quantities).toEqual([
      { of: 'fine', value: 4200000, unit: 'GBP', text: 'fined £4.2m' },
      { of: 'costs', value: 350000, unit: 'GBP', text: '£350,000 in costs' },
    ]);
    expect(data.event.causes).toEqual([
      {
        type: 'CAUSED_BY',
        other: { key: 'event:wendle-sewage-spills' },
        evidence: [{ text: 'fined £4.2m for allowing raw sewage to pour into the River Wendle' }],
      },
    ]);
    expect(data.event.consequences).toEqual([
      {
        type: 'IN_RESPONSE_TO',
        other: { key: 'event:northvale-appeal', status: 'planned', when: 'in the autumn' },
        evidence: [{ text: 'disappointed by the size of the penalty” and would appeal' }],
      },
    ]);
  });

  it('answers what the case followed, and what the investigation answered', async () => {
    const data =
      await ask(`{ prosecution: event(id: "event:northvale-prosecution") { type follows { type other { key } evidence { text } } }
      investigation: event(id: "event:esa-investigation") { causes { type other { key label } evidence { text } } } }`);
    expect(data.prosecution).toEqual({
      type: 'case',
      follows: [
        {
          type: 'FOLLOWED',
          other: { key: 'event:esa-investigation' },
          evidence: [{ text: 'The prosecution, brought by the Environment Standards Agency, followed an investigation' }],
        },
      ],
    });
    expect(data.investigation.causes).toEqual([
      {
        type: 'IN_RESPONSE_TO',
        other: { key: 'event:anglers-report-dead-fish', label: 'Anglers report dead fish near Elmsby' },
        evidence: [{ text: 'opened in March 2023 after anglers reported dead fish' }],
      },
    ]);
  });

  it('puts the case in true order, from the spills to the appeal, each cause first', async () => {
    const data = await ask(`{ timeline(article: "${article}") { ${timelineFields} } }`);
    const events = nodes(data.timeline);
    expect(events.map((e: any) => [e.key, e.date, e.datePrecision, e.when, e.orderedBy])).toEqual([
      ['event:wendle-sewage-spills', '2021', 'year', 'between 2021 and 2024', 'date'],
      ['event:anglers-report-dead-fish', null, null, null, 'sequence'],
      ['event:esa-investigation', '2023-03', 'month', 'in March 2023', 'date'],
      ['event:northvale-prosecution', null, null, null, 'sequence'],
      ['event:northvale-guilty-plea', '2025', 'year', 'last year', 'date'],
      ['event:northvale-sentencing', '2026-03-05', 'day', 'on Thursday', 'date'],
      ['event:northvale-appeal', null, null, 'in the autumn', 'sequence'],
    ]);
    expectCausesFirst(events);
  });

  it('answers who welcomed and who opposed the ruling, and who stood against the company, most grounds first', async () => {
    const data =
      await ask(`{ ruling: event(id: "event:northvale-sentencing") { distinctSupporters { ${sideFields} } distinctOpponents { ${sideFields} } }
      company: entity(id: "org:northvale-water") { distinctOpponents { ${sideFields} } distinctSupporters { ${sideFields} } } }`);
    expect(sides(data.ruling.distinctSupporters)).toEqual([
      ['org:save-the-wendle', ['SUPPORTED statement:save-the-wendle-welcomed']],
      ['person:sarah-quinn', ['SUPPORTED statement:quinn-long-overdue']],
      ['source:esa-senior-official', ['SUPPORTED statement:official-warning']],
    ]);
    expect(sides(data.ruling.distinctOpponents)).toEqual([['org:northvale-water', ['OPPOSED statement:northvale-disappointed']]]);
    expect(sides(data.company.distinctOpponents)).toEqual([
      [
        'person:helen-marsh',
        [
          'FINED event:northvale-sentencing',
          'OPPOSED statement:marsh-profit-over-river',
          'OPPOSED statement:marsh-wholesale-disregard',
          'RULED_AGAINST event:northvale-sentencing',
        ],
      ],
      ['org:save-the-wendle', ['CONDEMNED statement:save-the-wendle-contempt', 'OPPOSED statement:save-the-wendle-contempt']],
      ['org:environment-standards-agency', ['CHARGED event:northvale-prosecution']],
    ]);
    const condemned = nodes(data.company.distinctOpponents)[1].grounds[0];
    expect(texts(condemned.evidence)).toEqual(['condemned the company']);
    expect(sides(data.company.distinctSupporters)).toEqual([
      ['person:paul-brennan', ['DEFENDED statement:brennan-spent-18m', 'SUPPORTED statement:brennan-spent-18m']],
    ]);
  });

  it('tells what the senior official at the regulator said, and that this unnamed source holds a post there', async () => {
    const data = await ask(`{ entity(id: "source:esa-senior-official") { kind label ... on AnonymousSource { side affiliation { key } }
      statementsBy { edges { node { text mode about { stance other { key } } } } }
      roles { edges { node { key title status holder { key kind } bodies { key label } } } } } }`);
    const source = data.entity;
    expect(source).toMatchObject({
      kind: 'AnonymousSource',
      label: 'A senior official at the agency',
      affiliation: { key: 'org:environment-standards-agency' },
    });
    expect(nodes(source.statementsBy).map((s: any) => [s.text, s.about.map((a: any) => `${a.stance} ${a.other.key}`)])).toEqual([
      ['a warning to every water company in the country', ['SUPPORT event:northvale-sentencing', 'OPPOSE group:water-companies']],
      ['We have been told for years that fines are just a cost of doing business', ['OPPOSE group:water-companies']],
    ]);
    expect(nodes(source.roles)).toEqual([
      {
        key: 'role:esa-senior-official',
        title: 'senior official',
        status: 'current',
        holder: { key: 'source:esa-senior-official', kind: 'AnonymousSource' },
        bodies: [{ key: 'org:environment-standards-agency', label: 'Environment Standards Agency' }],
      },
    ]);
  });
});

describe('a club changing its coach (club-coach)', () => {
  const article = 'article:invented-brackenfield-coach-sacked';

  it('answers who dismissed the coach, who replaced him and who appointed her', async () => {
    const data = await ask(`{ lyle: entity(id: "person:gareth-lyle") {
        relationships(types: ["DISMISSED", "REPLACED"], direction: INCOMING) { edges { node { type reads other { key label } via { key } evidence { text } } } } }
      keane: entity(id: "person:marta-keane") {
        relationships(types: ["APPOINTED", "REPLACED"]) { edges { node { type direction reads other { key } evidence { text } } } } } }`);
    expect(nodes(data.lyle.relationships).map((r: any) => [r.type, r.reads, r.other.label, r.via.key, texts(r.evidence)])).toEqual([
      [
        'DISMISSED',
        'was dismissed by',
        'Brackenfield Rovers',
        'event:lyle-dismissal',
        ['Brackenfield Rovers have sacked head coach Gareth Lyle'],
      ],
      ['REPLACED', 'was replaced by', 'Marta Keane', 'event:keane-appointment', ['as Lyle’s replacement']],
    ]);
    expect(nodes(data.keane.relationships).map((r: any) => [r.type, r.direction, r.reads, r.other.key, texts(r.evidence)])).toEqual([
      ['APPOINTED', 'INCOMING', 'was appointed by', 'org:brackenfield-rovers', ['the club appointed Marta Keane']],
      ['REPLACED', 'OUTGOING', 'replaced', 'person:gareth-lyle', ['as Lyle’s replacement']],
    ]);
  });

  it('answers why he was dismissed (a run of seven defeats, counted) and what came after', async () => {
    const data = await ask(`{ event(id: "event:lyle-dismissal") { type date when
      causes { type other { key label ... on Event { quantities { of value unit text } } } evidence { text } }
      followedBy { type other { key ... on Event { type } } evidence { text } } } }`);
    expect(data.event).toMatchObject({ type: 'dismissal', date: '2026-01-11', when: 'on Sunday' });
    expect(data.event.causes).toEqual([
      {
        type: 'CAUSED_BY',
        other: {
          key: 'event:brackenfield-losing-run',
          label: 'Brackenfield Rovers’ run of seven straight defeats',
          quantities: [
            { of: 'defeats in a row', value: 7, unit: 'count', text: 'seven straight defeats' },
            { of: 'points adrift of safety', value: 4, unit: 'count', text: 'four points adrift of safety' },
          ],
        },
        evidence: [{ text: 'have sacked head coach Gareth Lyle after a run of seven straight defeats' }],
      },
    ]);
    expect(data.event.followedBy).toEqual([
      {
        type: 'FOLLOWED',
        other: { key: 'event:keane-appointment', type: 'appointment' },
        evidence: [{ text: 'Hours later the club appointed' }],
      },
    ]);
  });

  it('puts the week in true order, from the losing run to the board meeting next month, each cause first', async () => {
    const data = await ask(`{ timeline(article: "${article}") { ${timelineFields} } }`);
    const events = nodes(data.timeline);
    expect(events.map((e: any) => [e.key, e.date, e.datePrecision, e.when, e.orderedBy])).toEqual([
      ['event:brackenfield-losing-run', null, null, null, 'sequence'],
      ['event:dunmore-defeat', '2026-01-09', 'day', 'Friday’s defeat', 'date'],
      ['event:lyle-dismissal', '2026-01-11', 'day', 'on Sunday', 'date'],
      ['event:keane-appointment', null, null, null, 'sequence'],
      ['event:keane-first-match', '2026-01-17', 'day', 'next Saturday', 'date'],
      ['event:brackenfield-board-meeting', '2026-02', 'month', 'next month', 'date'],
    ]);
    expectCausesFirst(events);
  });

  it('answers who stood against the old coach and who thanked him, with the grounds', async () => {
    const data = await ask(
      `{ entity(id: "person:gareth-lyle") { distinctOpponents { ${sideFields} } distinctSupporters { ${sideFields} } } }`,
    );
    expect(sides(data.entity.distinctOpponents)).toEqual([
      ['org:brackenfield-rovers', ['DISMISSED event:lyle-dismissal']],
      ['person:alan-reid', ['OPPOSED statement:reid-not-good-enough']],
      ['source:brackenfield-club-insiders', ['OPPOSED statement:insiders-lost-faith']],
    ]);
    expect(sides(data.entity.distinctSupporters)).toEqual([
      ['org:brackenfield-supporters-trust', ['PRAISED statement:trust-thanked-lyle', 'SUPPORTED statement:trust-thanked-lyle']],
    ]);
    expect(texts(nodes(data.entity.distinctSupporters)[0].grounds[0].evidence)).toEqual(['thanked Lyle for his work']);
  });

  it('answers who criticised the board, in the supporters’ trust’s words', async () => {
    const data = await ask(`{ entity(id: "org:brackenfield-rovers-board") { distinctOpponents { totalCount ${sideFields} } } }`);
    expect(data.entity.distinctOpponents.totalCount).toBe(1);
    const [trust] = nodes(data.entity.distinctOpponents);
    expect(trust.actor).toEqual({ key: 'org:brackenfield-supporters-trust', label: 'Brackenfield Supporters’ Trust' });
    expect(trust.grounds.map((g: any) => [g.type, texts(g.evidence)])).toEqual([
      ['CRITICISED', ['criticised the board for “years of short-term thinking”']],
      ['OPPOSED', ['but criticised the board for “years of short-term thinking”']],
    ]);
  });

  it('gives a role in several bodies: the chairman of the club and of its owner, the coach of a club in a league', async () => {
    const data =
      await ask(`{ chairman: fact(id: "role:reid-chairman") { ... on Role { title holder { key } in { key } bodies { key label } } }
      coach: fact(id: "role:keane-head-coach") { ... on Role { title status duration bodies { key } } } }`);
    expect(data.chairman).toEqual({
      title: 'chairman',
      holder: { key: 'person:alan-reid' },
      in: { key: 'org:brackenfield-rovers' },
      bodies: [
        { key: 'org:brackenfield-rovers', label: 'Brackenfield Rovers' },
        { key: 'org:brackenfield-sport', label: 'Brackenfield Sport Ltd' },
      ],
    });
    expect(data.coach).toEqual({
      title: 'head coach',
      status: 'current',
      duration: '18 months',
      bodies: [{ key: 'org:brackenfield-rovers' }, { key: 'org:northern-premiership' }],
    });
  });

  it('answers who put the fans’ plan forward and for whom, how many members, and who backs it', async () => {
    const data = await ask(`{ motion(id: "motion:fans-seat-on-brackenfield-board") { title outcome
      proposers { key } onBehalfOf { key label ... on Group { size } }
      quantities { of value unit text }
      distinctSupporters { totalCount ${sideFields} } } }`);
    const motion = data.motion;
    expect(motion.outcome).toBe('pending');
    expect(motion.proposers.map((p: any) => p.key).sort()).toEqual([
      'group:trust-members',
      'org:brackenfield-supporters-trust',
      'person:nia-roberts',
      'person:owen-pryce',
    ]);
    expect(motion.onBehalfOf).toEqual({ key: 'group:trust-members', label: 'the trust’s 2,400 members', size: 2400 });
    expect(motion.quantities).toEqual([{ of: 'trust members', value: 2400, unit: 'count', text: 'its 2,400 members' }]);
    expect(motion.distinctSupporters.totalCount).toBe(4);
    expect(sides(motion.distinctSupporters)[0]).toEqual([
      'person:owen-pryce',
      ['PROPOSED motion:fans-seat-on-brackenfield-board', 'SUPPORTED statement:pryce-fans-for-ever'],
    ]);
  });

  it('tells what sources inside the club said, in article order', async () => {
    const data = await ask(
      `{ statements(speaker: "source:brackenfield-club-insiders") { totalCount edges { node { text mode about { stance other { key } } } } } }`,
    );
    expect(nodes(data.statements).map((s: any) => [s.text, s.mode])).toEqual([
      ['several senior players had lost faith in Lyle’s methods well before Friday’s defeat', 'reported'],
      ['the board had lined up Keane before the Dunmore match', 'reported'],
    ]);
    expect(nodes(data.statements)[0].about).toContainEqual({ stance: 'OPPOSE', other: { key: 'person:gareth-lyle' } });
  });
});

describe('a seed with a relation type the vocabulary lacks', () => {
  it('is refused with the type, the file and line, and the vocabulary file to add it to, and writes nothing', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'domains-')), 'labour-ballot');
    cpSync(join(FIXTURES, 'labour-ballot'), dir, { recursive: true });
    const file = join(dir, 'graph.yaml');
    const yaml = readFileSync(file, 'utf8');
    expect(yaml.split('type: STRUCK_AGAINST')).toHaveLength(2);
    writeFileSync(file, yaml.replace('type: STRUCK_AGAINST', 'type: TOTALLY_UNKNOWN'));
    const line = yaml.slice(0, yaml.indexOf('type: STRUCK_AGAINST')).split('\n').length;

    let error: unknown;
    try {
      validateSeed(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SeedValidationError);
    const message = (error as Error).message;
    expect(message).toContain('"TOTALLY_UNKNOWN"');
    expect(message).toContain(`${relative(process.cwd(), file)}:${line}:`);
    expect(message).toContain('seeds/vocabulary.yaml');

    const before = await counts(db);
    await expect(seedAll(db, dir)).rejects.toThrow(SeedValidationError);
    expect(await counts(db)).toEqual(before);
  });
});
