/**
 * Answers people expect from the first article (each found asking it questions as a new
 * user, issue #11): sides gathered once per actor, proposers among supporters, search over
 * events, the vocabulary's checks, votes labelled as reported, every mention kept, facts by key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFor, gql, openDb, resetDb, seedFirstArticle } from './helpers.js';

describe('answers from the first article', () => {
  const db = openDb();
  const app = appFor(db);
  beforeAll(async () => {
    await resetDb(db);
    await seedFirstArticle(db);
  });
  afterAll(() => db.close());

  it('gives each supporter once with all its grounds, where supporters counts each relationship', async () => {
    const r = await gql(
      app,
      `{ entity(id: "person:jeremy-corbyn") { supporters { totalCount edges { node { other { key } } } } distinctSupporters { totalCount edges { node { actor { key } grounds { type via { key } } } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const { supporters, distinctSupporters } = r.data.entity;
    const actors = distinctSupporters.edges.map((e: any) => e.node.actor.key);
    expect(new Set(actors).size).toBe(actors.length);
    expect(actors.sort()).toEqual([...new Set(supporters.edges.map((e: any) => e.node.other.key))].sort());
    expect(distinctSupporters.totalCount).toBeLessThan(supporters.totalCount);
    const grounds = distinctSupporters.edges.reduce((n: number, e: any) => n + e.node.grounds.length, 0);
    expect(grounds).toBe(supporters.totalCount);
  });

  it("counts a motion's proposer among its supporters, and its opponents with the vote behind them", async () => {
    const r = await gql(
      app,
      `{ motion(id: "motion:restore-corbyn-whip") { proposers { key } distinctSupporters { edges { node { actor { key } grounds { type } } } } distinctOpponents { edges { node { actor { key } grounds { type via { key } } } } } } }`,
    );
    const m = r.data.motion;
    expect(m.proposers.map((p: any) => p.key)).toEqual(['person:ian-murray']);
    const murray = m.distinctSupporters.edges.find((e: any) => e.node.actor.key === 'person:ian-murray');
    expect(murray.node.grounds.map((g: any) => g.type)).toContain('PROPOSED');
    expect(m.distinctOpponents.edges.map((e: any) => e.node.actor.key)).toContain('group:nec-members-against');
    expect(m.distinctOpponents.edges[0].node.grounds[0].via.key).toMatch(/^vote:/);
  });

  it('finds events and motions by their words, not only names and statements', async () => {
    const breakaway = await gql(app, `{ search(text: "breakaway party") { node { __typename key } } }`);
    expect(breakaway.data.search.map((h: any) => h.node.key)).toContain('event:corbyn-breakaway-party');
    const unlawful = await gql(app, `{ search(text: "unlawful") { node { __typename key } } }`);
    expect(unlawful.data.search.map((h: any) => h.node.__typename)).toContain('Event');
  });

  it('refuses an event type the vocabulary lacks instead of answering nothing, naming the valid ones', async () => {
    const r = await gql(app, `{ timeline(type: "speculations") { totalCount } }`);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'type' });
    expect(r.errors?.[0]?.message).toContain('speculation,');
    const ok = await gql(app, `{ timeline(type: "speculation") { totalCount } }`);
    expect(ok.data.timeline.totalCount).toBeGreaterThan(0);
  });

  it('refuses a relation type the vocabulary lacks, naming the valid ones', async () => {
    const r = await gql(app, `{ entity(id: "person:jeremy-corbyn") { relationships(types: ["SUPPORTS"]) { totalCount } } }`);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'types' });
    expect(r.errors?.[0]?.message).toMatch(/"SUPPORTS" is not one of .*SUPPORTED/);
  });

  it('labels a vote as the article reports it, the winning count first', async () => {
    const r = await gql(app, `{ motion(id: "motion:restore-corbyn-whip") { votes { label votesFor votesAgainst } } }`);
    expect(r.data.motion.votes[0]).toEqual({ label: 'rejected by 23 votes to 14', votesFor: 14, votesAgainst: 23 });
  });

  it("keeps every mention of an entity's names, not only the curated ones", async () => {
    const r = await gql(app, `{ entity(id: "person:jeremy-corbyn") { mentions { text } } }`);
    const texts = r.data.entity.mentions.map((m: any) => m.text);
    // "Corbyn" appears 17 times in the article (some inside longer curated spans).
    expect(texts.filter((t: string) => t.includes('Corbyn')).length).toBeGreaterThanOrEqual(15);
    expect(texts.length).toBeGreaterThan(4);
  });

  it('reaches an event by its key through node(id:), and says why it happened', async () => {
    const r = await gql(
      app,
      `{ node(id: "event:whip-removal") { __typename ... on Event { causes { type other { key } evidence { text } } } } }`,
    );
    expect(r.data.node.__typename).toBe('Event');
    expect(r.data.node.causes).toEqual([
      {
        type: 'CAUSED_BY',
        other: { key: 'event:corbyn-facebook-post' },
        evidence: [{ text: 'following his reaction to the Equality and Human Rights Commission’s report' }],
      },
    ]);
  });

  it('lists the vocabulary with descriptions, readings and how many relationships of each type there are', async () => {
    const r = await gql(
      app,
      `{ relationTypes { name description forward reverse stance structural count } vocabulary { eventTypes { name } } }`,
    );
    const byName = new Map(r.data.relationTypes.map((t: any) => [t.name, t]));
    expect(byName.get('REMOVED_WHIP_FROM')).toMatchObject({
      stance: 'OPPOSE',
      structural: false,
      count: 1,
      reverse: 'had the whip removed by',
    });
    expect((byName.get('SUPPORTED') as any).count).toBeGreaterThan(10);
    expect((byName.get('HOLDS') as any).structural).toBe(true);
    expect(r.data.vocabulary.eventTypes.map((t: any) => t.name)).toContain('ruling');
  });

  it('orders the timeline by cause and sequence where the article gives no dates, and says so', async () => {
    const r = await gql(
      app,
      `{ timeline(article: "article:huffpost-nec-rejects-corbyn-whip", first: 5) { edges { node { key orderedBy } } } }`,
    );
    const keys = r.data.timeline.edges.map((e: any) => e.node.key);
    expect(keys.indexOf('event:ehrc-report')).toBeLessThan(keys.indexOf('event:corbyn-facebook-post'));
    expect(keys.indexOf('event:corbyn-facebook-post')).toBeLessThan(keys.indexOf('event:whip-removal'));
    expect(keys.indexOf('event:whip-removal')).toBeLessThan(keys.indexOf('event:nec-meeting'));
    expect(keys.indexOf('event:nec-meeting')).toBeLessThan(keys.indexOf('event:nec-vote'));
    expect(r.data.timeline.edges.find((e: any) => e.node.key === 'event:whip-removal').node.orderedBy).toBe('sequence');
  });
});
