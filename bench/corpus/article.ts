/**
 * One synthetic news article in the seed format: the article text and its graph.yaml object,
 * shaped like the real seed (a motion about a person decided by a party committee, the vote,
 * the people's roles, reactions as verbatim and reported statements, anonymous sources,
 * posts, investigations, and the explicit relationships between them).
 *
 * Contract: `buildArticle(n, pools, random)` is deterministic for a given PRNG state. Every
 * piece of evidence is cut from the generated text itself (with `{ quote, occurrence }` when
 * the words appear more than once), every statement's text appears exactly once, and every
 * sentence is evidence for something except the closing "Source:" line, listed under
 * `noFacts`; so the real validator (src/seed/validate.ts) accepts it. Fact, group and
 * anonymous-source ids carry the article number; people, organisations and places come from
 * the shared pools (./pools.ts) and keep their ids across articles.
 */
import type { Evidence, GraphFile } from '../../src/seed/format.js';
import { slug, type PoolEntity, type PoolPerson, type Pools } from './pools.js';
import type { Random } from './random.js';

export interface SyntheticArticle {
  text: string;
  graph: GraphFile;
}

type Stance = 'SUPPORT' | 'OPPOSE' | 'NEUTRAL';
type Entity = PoolEntity;

/** A piece of text with evidence marks: `key` (an entity, fact or part id) covers [start, end). */
interface Frag {
  text: string;
  marks: { key: string; start: number; end: number }[];
}
type Part = string | number | Frag;

function cat(...parts: Part[]): Frag {
  const out: Frag = { text: '', marks: [] };
  for (const p of parts) {
    if (typeof p !== 'object') {
      out.text += String(p);
      continue;
    }
    for (const m of p.marks) out.marks.push({ key: m.key, start: m.start + out.text.length, end: m.end + out.text.length });
    out.text += p.text;
  }
  return out;
}

/** The parts, marked as evidence for each of `keys`. */
function ev(keys: string | string[], ...parts: Part[]): Frag {
  const out = cat(...parts);
  for (const key of [keys].flat()) out.marks.push({ key, start: 0, end: out.text.length });
  return out;
}

const part = (factId: string, entityId: string) => `${factId}|${entityId}`;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const clauses: Record<Stance, ((x: string, n: number) => string)[]> = {
  SUPPORT: [
    (x, n) => `${x} has given ${n} days of hard work to this cause and deserves our backing`,
    (x, n) => `we stand with ${x}, as do ${n} members in this area`,
    (x, n) => `the case for ${x} is stronger than ever, with ${n} letters of support this week`,
    (x, n) => `${x} has done more for ${n} families here than anyone`,
  ],
  OPPOSE: [
    (x, n) => `${x} has ignored ${n} warnings and must face the consequences`,
    (x, n) => `there were ${n} complaints about ${x}, and none of them were answered`,
    (x, n) => `${x} has lost the trust of ${n} local members`,
    (x, n) => `the way ${x} behaved has cost us ${n} volunteers`,
  ],
  NEUTRAL: [
    (x, n) => `the party must read all ${n} submissions about ${x} before it decides`,
    (x, n) => `we will study the ${n} pages of evidence on ${x} with care`,
    (x, n) => `${x} will be discussed again when the ${n} branch reports arrive`,
  ],
};
const seeks = [
  { verb: 'restore the whip to', stance: 'SUPPORT' as const },
  { verb: 'readmit', stance: 'SUPPORT' as const },
  { verb: 'suspend', stance: 'OPPOSE' as const },
  { verb: 'censure', stance: 'OPPOSE' as const },
];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const portfolios = ['health', 'housing', 'transport', 'education', 'justice', 'energy', 'trade', 'culture', 'defence', 'work and pensions'];

/** The article being written: its text so far, the marks in it and the entities it mentions. */
class Story {
  text = '';
  private readonly marks: Frag['marks'] = [];
  readonly entities = new Map<string, Entity>();

  say(...parts: Part[]): void {
    const sentence = cat(...parts);
    const offset = this.text ? this.text.length + 1 : 0;
    this.text += (this.text ? '\n' : '') + sentence.text;
    for (const m of sentence.marks) this.marks.push({ key: m.key, start: m.start + offset, end: m.end + offset });
  }

  /** A mention of `e` made of `parts`, also evidence for `keys`. */
  mention(e: Entity, parts: Part[], keys: string[] = []): Frag {
    this.entities.set(e.id, e);
    return ev([e.id, ...keys], ...parts);
  }

  /** A mention of `e` by its name, or by `words`. */
  name(e: Entity, words: string = e.name, keys: string[] = []): Frag {
    return this.mention(e, [words], keys);
  }

  /** Evidence of each key as the seed format writes it, in order of appearance. */
  evidence(): Map<string, Evidence[]> {
    const positions = new Map<string, number[]>();
    const occurrences = (quote: string) => {
      let at = positions.get(quote);
      if (!at) {
        // The validator's own rule (src/seed/locate.ts): every indexOf hit, overlapping ones included.
        at = [];
        for (let i = this.text.indexOf(quote); i !== -1; i = this.text.indexOf(quote, i + 1)) at.push(i);
        positions.set(quote, at);
      }
      return at;
    };
    const out = new Map<string, Evidence[]>();
    const seen = new Set<string>();
    for (const m of [...this.marks].sort((a, b) => a.start - b.start || a.end - b.end)) {
      if (seen.has(`${m.key}@${m.start}:${m.end}`)) continue;
      seen.add(`${m.key}@${m.start}:${m.end}`);
      const quote = this.text.slice(m.start, m.end);
      const at = occurrences(quote);
      const list = out.get(m.key) ?? [];
      list.push(at.length === 1 ? quote : { quote, occurrence: at.indexOf(m.start) + 1 });
      out.set(m.key, list);
    }
    return out;
  }
}

export function buildArticle(n: number, pools: Pools, random: Random): SyntheticArticle {
  const story = new Story();
  const id = (prefix: string, suffix: string | number) => `${prefix}:synth-${n}-${suffix}`;
  // Statement texts must each appear once: every one carries a distinct three-digit number.
  let counter = random.int(100, 150);
  const number = () => (counter += random.int(1, 12));

  const person = () => pools.people[pools.personRank.draw(random)]!;
  const partyIndex = pools.partyRank.draw(random);
  const party = pools.parties[partyIndex]!;
  const body = random.chance(0.6) ? party.committees[0]! : random.pick(party.committees);
  const outlet = pools.outlets[pools.outletRank.draw(random)]!;
  const target = person();
  const leader = pools.people[partyIndex]!;
  let proposer = person();
  for (let i = 0; i < 20 && (proposer === target || proposer === leader); i++) proposer = person();
  const union = pools.unions[pools.unionRank.draw(random)]!;
  const place = pools.constituencies[target.constituency]!;
  const seek = random.pick(seeks);
  const month = random.pick(months);
  const surname = (p: PoolPerson) => story.name(p.entity, p.surname);
  const group = (gid: string, name: string, side: string): PoolEntity<'Group'> => ({ kind: 'Group', id: gid, name, aliases: [], side });
  const supporters = group(
    `group:supporters-of-${slug(target.entity.name)}`,
    `supporters of ${target.entity.name}`,
    `pro-${target.surname}`,
  );
  const opponents = group(`group:opponents-of-${slug(target.entity.name)}`, `opponents of ${target.entity.name}`, `anti-${target.surname}`);

  const graph: GraphFile = {
    article: {
      id: `article:synth-${n}`,
      title: '',
      publisher: outlet.name,
      publishedAt: `20${random.int(18, 24)}-${String(months.indexOf(month) + 1).padStart(2, '0')}`,
    },
    entities: [],
    roles: [],
    events: [],
    motions: [],
    votes: [],
    statements: [],
    relations: [],
    noFacts: [],
  };
  type Participant = { entity: Entity; role: string };
  const events: { fact: Omit<GraphFile['events'][number], 'participants' | 'evidence'>; participants: Participant[] }[] = [];
  const event = (fact: Omit<GraphFile['events'][number], 'participants' | 'evidence'>, participants: Participant[] = []) => {
    events.push({ fact, participants });
    return fact.id;
  };
  const role = (holder: Entity, title: string, status: 'current' | 'former', extra: { in?: Entity; duration?: string } = {}) => {
    const rid = id('role', graph.roles.length + 1);
    graph.roles.push({
      id: rid,
      holder: holder.id,
      title,
      status,
      ...(extra.in ? { in: extra.in.id } : {}),
      ...(extra.duration ? { duration: extra.duration } : {}),
      evidence: [],
    });
    return rid;
  };
  const relation = (type: GraphFile['relations'][number]['type'], from: string, to: string, via?: string) => {
    const rid = id('rel', graph.relations.length + 1);
    graph.relations.push({ id: rid, type, from, to, ...(via ? { via } : {}), evidence: [] });
    return rid;
  };

  // The motion, the meeting and (usually) the vote.
  const motionId = id('motion', 1);
  const meetingId = id('event', 'meeting');
  const voted = random.chance(0.85);
  const forCount = random.int(5, 30);
  let againstCount = random.int(5, 30);
  if (againstCount === forCount) againstCount++;
  const passed = forCount > againstCount;
  // The committee is named after its party ("Civic Party Disputes Panel"), so it mentions both.
  const bodyName = () =>
    story.mention(body, [story.name(party.entity), body.name.slice(party.entity.name.length)], [part(meetingId, body.id)]);
  graph.article.title = `Motion to ${seek.verb} ${target.entity.name} ${voted ? (passed ? 'passed' : 'rejected') : 'to be considered'} by the ${body.name}`;
  graph.motions.push({
    id: motionId,
    title: `Motion to ${seek.verb} ${target.entity.name}`,
    seeks: `${capitalise(seek.verb)} ${target.entity.name}.`,
    proposer: proposer.entity.id,
    target: target.entity.id,
    decidedBy: body.id,
    outcome: voted ? (passed ? 'passed' : 'rejected') : 'pending',
    evidence: [],
  });
  const voteId = id('vote', 1);
  const voteEventId = id('event', 'vote');
  if (voted) {
    story.say(
      ev(motionId, 'A motion to ', seek.verb, ' ', story.name(target.entity)),
      ' was ',
      passed ? 'carried' : 'defeated',
      ' ',
      ev([voteId, voteEventId], 'by ', passed ? forCount : againstCount, ' votes to ', passed ? againstCount : forCount),
      ' at ',
      ev(meetingId, 'a meeting of the ', bodyName()),
      '.',
    );
  } else {
    story.say(
      ev(motionId, 'A motion to ', seek.verb, ' ', story.name(target.entity)),
      ' will be considered at ',
      ev(meetingId, 'a meeting of the ', bodyName()),
      ' next month.',
    );
  }
  graph.motions[0]!.event = voted ? voteEventId : meetingId;
  event(
    {
      id: meetingId,
      name: `${body.name} meeting on the motion to ${seek.verb} ${target.entity.name}`,
      type: 'meeting',
      status: voted ? 'happened' : 'planned',
    },
    [
      { entity: body, role: 'held the meeting and decided the motion' },
      { entity: proposer.entity, role: 'proposed the motion' },
    ],
  );
  const proposerRole = role(proposer.entity, `${union.name} general secretary`, 'current', { in: union });
  story.say(
    'The motion was proposed by ',
    ev([proposerRole, part(meetingId, proposer.entity.id)], story.name(union), ' general secretary ', story.name(proposer.entity)),
    '.',
  );

  const forGroup = group(id('group', 'for'), `${forCount} members of the ${body.name} who backed the motion`, `pro-${target.surname}`);
  const againstGroup = group(
    id('group', 'against'),
    `${againstCount} members of the ${body.name} who voted against`,
    `anti-${target.surname}`,
  );
  if (voted) {
    Object.assign(forGroup, { size: forCount, memberOf: body.id });
    Object.assign(againstGroup, { size: againstCount, memberOf: body.id });
    graph.votes.push({
      id: voteId,
      motion: motionId,
      body: body.id,
      event: voteEventId,
      for: forCount,
      against: againstCount,
      outcome: passed ? 'passed' : 'rejected',
      positions: [
        { voter: forGroup.id, position: 'FOR' },
        { voter: againstGroup.id, position: 'AGAINST' },
      ],
      evidence: [],
    });
    event(
      {
        id: voteEventId,
        name: `${body.name} vote on the motion to ${seek.verb} ${target.entity.name}`,
        type: 'vote',
        status: 'happened',
        partOf: meetingId,
      },
      [
        { entity: forGroup, role: 'voted for the motion' },
        { entity: againstGroup, role: 'voted against the motion' },
      ],
    );
    story.say(
      story.name(forGroup, `${forCount} members backed it`, [part(voteId, forGroup.id), part(voteEventId, forGroup.id)]),
      ' and ',
      story.name(againstGroup, `${againstCount} voted against`, [part(voteId, againstGroup.id), part(voteEventId, againstGroup.id)]),
      '.',
    );
  }

  // The target's background, and the leader who took the whip away.
  const years = random.int(2, 40);
  const mpRole = role(target.entity, `MP for ${place.name}`, 'current', { in: place, duration: `${years} years` });
  const represents = relation('REPRESENTS', target.entity.id, place.id, mpRole);
  const independent = random.chance(0.5);
  const outside = independent && random.chance(0.5);
  const independentRole = independent ? role(target.entity, 'independent MP', 'current') : null;
  story.say(
    surname(target),
    ' has been ',
    ev([mpRole, represents], 'the MP for ', story.name(place), ` for ${years} years`),
    independentRole
      ? cat(
          ' and ',
          ev(independentRole, 'now sits as an independent'),
          outside ? cat(' outside the ', story.name(party.parliamentaryGroup, `Parliamentary ${party.entity.name}`)) : '',
        )
      : '',
    random.chance(0.3)
      ? cat(
          ', and is a ',
          ev(role(target.entity, `${party.entity.name} chair`, 'former', { in: party.entity }), `former ${party.entity.name} chair`),
        )
      : '',
    '.',
  );
  const leaderSpeaks = leader !== target;
  let whipEventId: string | null = null;
  if (leaderSpeaks && random.chance(0.6)) {
    const leaderRole = role(leader.entity, `${party.entity.name} leader`, 'current', { in: party.entity });
    const leads = relation('LEADS', leader.entity.id, party.entity.id, leaderRole);
    whipEventId = event(
      {
        id: id('event', 'whip'),
        name: `${leader.entity.name} removes the whip from ${target.entity.name}`,
        type: 'decision',
        status: 'happened',
      },
      [
        { entity: leader.entity, role: 'removed the whip' },
        { entity: target.entity, role: 'had the whip removed' },
      ],
    );
    const removed = relation('REMOVED_WHIP_FROM', leader.entity.id, target.entity.id, whipEventId);
    story.say(
      ev(
        [leaderRole, leads],
        story.name(party.entity),
        ' leader ',
        story.name(leader.entity, leader.entity.name, [part(whipEventId, leader.entity.id)]),
      ),
      ' ',
      ev(
        [whipEventId, removed],
        'removed the party whip from ',
        story.name(target.entity, target.surname, [part(whipEventId, target.entity.id)]),
      ),
      ` in ${month}.`,
    );
  }

  // Reactions: statements, with what they are about and the stance they take.
  const cast: PoolPerson[] = [target, proposer, ...(leaderSpeaks ? [leader] : [])];
  for (let i = random.int(2, 6); i > 0; i--) {
    const p = person();
    if (!cast.includes(p)) cast.push(p);
  }
  const anonymous: PoolEntity<'AnonymousSource'>[] = [];
  /** A target of a statement, and how the statement's words name it (called only when used). */
  type About = { target: string; stance: Stance; words: () => Frag | string };
  const aboutChoices = (speaker: string): (() => About | null)[] => [
    () =>
      speaker === target.entity.id
        ? null
        : {
            target: target.entity.id,
            stance: random.pick(['SUPPORT', 'OPPOSE', 'OPPOSE', 'NEUTRAL'] as const),
            words: () => story.name(target.entity),
          },
    () =>
      speaker === target.entity.id
        ? null
        : { target: target.entity.id, stance: random.pick(['SUPPORT', 'OPPOSE'] as const), words: () => surname(target) },
    () => ({ target: motionId, stance: random.pick(['SUPPORT', 'OPPOSE'] as const), words: () => 'the motion' }),
    () => (voted ? { target: voteId, stance: random.pick(['SUPPORT', 'OPPOSE'] as const), words: () => 'the vote' } : null),
    () =>
      leaderSpeaks && speaker !== leader.entity.id
        ? { target: leader.entity.id, stance: random.pick(['SUPPORT', 'OPPOSE', 'NEUTRAL'] as const), words: () => surname(leader) }
        : null,
    () => {
      const other = person();
      return other.entity.id === speaker
        ? null
        : {
            target: other.entity.id,
            stance: random.pick(['SUPPORT', 'OPPOSE', 'NEUTRAL'] as const),
            words: () => story.name(other.entity),
          };
    },
    () => ({
      target: body.id,
      stance: random.pick(['SUPPORT', 'OPPOSE'] as const),
      words: () => cat('the ', story.name(body, body.name.slice(party.entity.name.length + 1))),
    }),
    () => (whipEventId ? { target: whipEventId, stance: 'OPPOSE', words: () => 'the decision to remove the whip' } : null),
    () => ({ target: pools.government.id, stance: 'OPPOSE', words: () => story.name(pools.government, 'the Government') }),
    () => {
      const country = random.pick(pools.countries);
      return { target: country.id, stance: 'NEUTRAL', words: () => cat('the people of ', story.name(country)) };
    },
  ];
  const aboutWeights = [30, 12, 10, 8, 8, 14, 5, 4, 3, 2];
  const aboutTotal = aboutWeights.reduce((a, b) => a + b);
  /** One or two targets; the second is one the article already names (or a fact), as the text only names the first. */
  const chooseAbout = (speaker: string): About[] => {
    const choices = aboutChoices(speaker);
    const draw = (): About => {
      for (;;) {
        let u = random.next() * aboutTotal;
        let i = 0;
        while (u >= aboutWeights[i]!) u -= aboutWeights[i++]!;
        const about = choices[i]!();
        if (about) return about;
      }
    };
    const about = [draw()];
    if (random.chance(0.3)) {
      const second = draw();
      const isFact = !/^(person|org|place|group|source):/.test(second.target);
      if (second.target !== about[0]!.target && (isFact || story.entities.has(second.target))) about.push(second);
    }
    return about;
  };
  /** The statement's words: a clause about its first target, with a number of its own. */
  const words = (about: About[], verbatim: boolean): Frag => {
    const first = about[0]!;
    const named = first.words();
    const marker = '\u0000';
    const [before, after] = random.pick(clauses[first.stance])(marker, number()).split(marker) as [string, string];
    const text = cat(before, named, verbatim ? `${after}.` : after);
    // Capitalising the first letter keeps every offset (and so every mark) where it was.
    if (verbatim) text.text = capitalise(text.text);
    return text;
  };
  const statement = (
    speaker: string,
    mode: 'verbatim' | 'reported',
    about: About[],
    extra: { toldTo?: Entity; via?: string; quotes?: Entity } = {},
  ) => {
    const sid = id('statement', graph.statements.length + 1);
    const text = words(about, mode === 'verbatim');
    graph.statements.push({
      id: sid,
      speaker,
      mode,
      text: text.text,
      ...(extra.toldTo ? { toldTo: extra.toldTo.id } : {}),
      ...(extra.via ? { via: extra.via } : {}),
      ...(extra.quotes ? { quotes: extra.quotes.id } : {}),
      about: about.map((a) => ({ target: a.target, stance: a.stance })),
      evidence: [],
    });
    return { sid, text: ev(sid, text) };
  };
  /** Sometimes a statement's praise or criticism is restated as a direct relationship. */
  const followUp = (speaker: PoolPerson, sid: string, about: About[]) => {
    const first = about[0]!;
    const entity = story.entities.get(first.target);
    if (first.stance === 'NEUTRAL' || !entity || entity === speaker.entity || random.chance(0.6)) return;
    const type = first.stance === 'SUPPORT' ? 'PRAISED' : 'CRITICISED';
    const rid = relation(type, speaker.entity.id, entity.id, sid);
    const named = entity.kind === 'Person' || entity.kind === 'Place' ? story.name(entity) : cat('the ', story.name(entity));
    story.say(
      ev(rid, surname(speaker), ` ${type === 'PRAISED' ? 'praised' : 'criticised'} `, named),
      ` again on ${random.pick(months)} ${random.int(1, 28)}.`,
    );
  };

  const statementCount = random.int(6, 16) + (random.chance(0.35) ? random.int(8, 30) : 0);
  for (let k = 0; k < statementCount; k++) {
    const form = random.next();
    const speaker = random.chance(0.3) ? target : random.pick(cast);
    if (form < 0.3) {
      // "[At the meeting, ][role] Name said: “…”"
      const about = chooseAbout(speaker.entity.id);
      const atMeeting = voted && random.chance(0.25);
      const spokesperson = speaker !== target && random.chance(0.35);
      const s = statement(speaker.entity.id, 'verbatim', about, atMeeting ? { via: meetingId } : {});
      let who = story.name(speaker.entity);
      if (spokesperson) {
        const portfolio = random.pick(portfolios);
        const speakerParty = pools.parties[speaker.party]!.entity;
        const rid = role(speaker.entity, `${speakerParty.name} spokesperson for ${portfolio}`, random.chance(0.8) ? 'current' : 'former', {
          in: speakerParty,
        });
        who = ev(rid, story.name(speakerParty), ` spokesperson for ${portfolio} `, story.name(speaker.entity));
      }
      story.say(atMeeting ? 'At the meeting, ' : '', who, ' said: “', s.text, '”');
      followUp(speaker, s.sid, about);
    } else if (form < 0.5) {
      const about = chooseAbout(speaker.entity.id);
      const s = statement(speaker.entity.id, 'reported', about, { toldTo: outlet });
      story.say(story.name(speaker.entity), ' told ', story.name(outlet), ' that ', s.text, '.');
      followUp(speaker, s.sid, about);
    } else if (form < 0.65) {
      // An anonymous source, new or one already quoted in this article.
      let source = anonymous.length && random.chance(0.4) ? random.pick(anonymous) : null;
      if (!source) {
        const side = random.pick([`pro-${target.surname}`, `anti-${target.surname}`, 'loyalist', 'left wing']);
        source = {
          kind: 'AnonymousSource',
          id: id('source', anonymous.length + 1),
          name: `one ${party.entity.name} source`,
          aliases: [`a ${side} ${party.entity.name} source`],
          side,
          affiliation: party.entity.id,
        };
        anonymous.push(source);
      }
      const about = chooseAbout(source.id);
      const s = statement(source.id, 'verbatim', about, { toldTo: outlet });
      story.say(story.name(source, `One ${party.entity.name} source`), ' told ', story.name(outlet), ': “', s.text, '”');
      if (source.side === `pro-${target.surname}` && random.chance(0.5)) {
        const rid = relation('MEMBER_OF', source.id, supporters.id);
        story.say(ev(rid, 'The source is one of the ', story.name(supporters, `supporters of ${target.entity.name}`)), '.');
      }
    } else if (form < 0.72) {
      const about: About[] = [{ target: target.entity.id, stance: seek.stance, words: () => surname(target) }];
      if (random.chance(0.5)) about.push({ target: body.id, stance: 'NEUTRAL', words: () => '' });
      const s = statement(motionId, 'verbatim', about);
      story.say(ev(motionId, 'The wording of the motion'), ' read: “', s.text, '”');
      if (random.chance(0.4)) {
        const critic = relation('CRITICISED', motionId, leaderSpeaks ? leader.entity.id : body.id, s.sid);
        story.say(ev(critic, 'The motion also criticised ', leaderSpeaks ? story.name(leader.entity) : story.name(body)), '.');
      }
    } else if (form < 0.8) {
      const quoted = person();
      if (quoted === speaker) continue;
      const about = chooseAbout(speaker.entity.id);
      const s = statement(speaker.entity.id, 'verbatim', about, { quotes: quoted.entity });
      story.say(story.name(speaker.entity), ' quoted ', story.name(quoted.entity), ', saying: “', s.text, '”');
    } else if (form < 0.9) {
      const platform = random.pick(pools.platforms);
      const postId = event(
        {
          id: id('event', `post-${graph.statements.length + 1}`),
          name: `${speaker.entity.name}'s post on ${platform.name}`,
          type: 'publication',
          status: 'happened',
        },
        [
          { entity: speaker.entity, role: 'wrote the post' },
          { entity: platform, role: 'platform the post was published on' },
        ],
      );
      const about = chooseAbout(speaker.entity.id);
      const s = statement(speaker.entity.id, 'verbatim', about, { via: postId });
      story.say(
        ev(postId, 'In a post on ', story.name(platform, platform.name, [part(postId, platform.id)])),
        ', ',
        story.name(speaker.entity, speaker.entity.name, [part(postId, speaker.entity.id)]),
        ' wrote: “',
        s.text,
        '”',
      );
      followUp(speaker, s.sid, about);
    } else {
      // The target's supporters back a motion in their favour and oppose one against them.
      const backers = random.chance(0.5);
      const who = backers ? supporters : opponents;
      const about: About[] = [
        { target: motionId, stance: backers === (seek.stance === 'SUPPORT') ? 'SUPPORT' : 'OPPOSE', words: () => 'the motion' },
      ];
      const s = statement(who.id, 'reported', about);
      story.say(story.name(who, `${backers ? 'Supporters' : 'Opponents'} of ${target.entity.name}`), ' said ', s.text, '.');
    }
  }

  // What groups did, investigations and speculation.
  // The side that wanted the motion pushed for it.
  const pushers = seek.stance === 'SUPPORT' ? supporters : opponents;
  if (random.chance(0.6)) {
    const backs = relation('SUPPORTED', supporters.id, target.entity.id);
    const pushed = pushers === supporters ? relation('SUPPORTED', supporters.id, motionId, motionId) : null;
    story.say(
      ev(backs, story.name(supporters, `Supporters of ${target.entity.name}`)),
      pushed ? cat(' ', ev(pushed, 'had pushed for the motion')) : ' wrote to the committee',
      '.',
    );
  }
  if (random.chance(0.4)) {
    const against = relation('OPPOSED', opponents.id, target.entity.id);
    const pushed = pushers === opponents ? relation('SUPPORTED', opponents.id, motionId, motionId) : null;
    story.say(
      ev(against, story.name(opponents, `Opponents of ${target.entity.name}`)),
      pushed ? cat(' ', ev(pushed, 'had pushed for the motion')) : ' have campaigned against the MP for years',
      '.',
    );
  }
  if (random.chance(0.35)) {
    const commission = random.pick(pools.commissions);
    const inquiry = event(
      {
        id: id('event', 'inquiry'),
        name: `${commission.name} investigation into the ${party.entity.name}`,
        type: 'report',
        status: 'ongoing',
      },
      [
        { entity: commission, role: 'is carrying out the investigation' },
        { entity: party.entity, role: 'is under investigation' },
      ],
    );
    const investigated = relation('INVESTIGATED', commission.id, party.entity.id, inquiry);
    story.say(
      'The ',
      ev(
        [inquiry, investigated],
        story.name(commission, commission.name, [part(inquiry, commission.id)]),
        ' is investigating the ',
        story.name(party.entity, party.entity.name, [part(inquiry, party.entity.id)]),
      ),
      ` over ${number()} complaints of misconduct.`,
    );
  }
  if (random.chance(0.3)) {
    const election = event({ id: id('event', 'election'), name: 'The next general election', type: 'election', status: 'planned' }, [
      { entity: target.entity, role: 'may stand as an independent' },
    ]);
    const speculation = event(
      { id: id('event', 'speculation'), name: `${target.entity.name} stands as an independent`, type: 'speculation', status: 'possible' },
      [{ entity: target.entity, role: 'may choose to stand as an independent' }],
    );
    story.say(
      ev(
        speculation,
        'There is speculation that ',
        story.name(target.entity, target.surname, [part(speculation, target.entity.id), part(election, target.entity.id)]),
        ' may stand as an independent',
      ),
      ' at ',
      ev(election, 'the next general election'),
      '.',
    );
  }
  const sourceLine = `Source: ${outlet.name}`;
  story.say(sourceLine);
  graph.noFacts.push({ sentence: sourceLine, reason: 'Attribution line, not part of the story.' });

  // Evidence, cut from the finished text.
  const evidence = story.evidence();
  const of = (key: string): Evidence[] => {
    const list = evidence.get(key);
    if (!list) throw new Error(`internal: synthetic article ${n} has no evidence for ${key}`);
    return list;
  };
  graph.entities = [...story.entities.values()].map((e) => ({ ...e, evidence: of(e.id) }) as GraphFile['entities'][number]);
  for (const list of [graph.roles, graph.motions, graph.votes, graph.statements, graph.relations])
    for (const f of list) f.evidence = of(f.id);
  for (const v of graph.votes) for (const p of v.positions) p.evidence = of(part(v.id, p.voter));
  graph.events = events.map(({ fact, participants }) => ({
    ...fact,
    participants: participants.map((p) => ({ entity: p.entity.id, role: p.role, evidence: of(part(fact.id, p.entity.id)) })),
    evidence: of(fact.id),
  }));
  return { text: story.text, graph };
}
