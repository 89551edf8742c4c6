/**
 * The shared cast of the synthetic corpus: people, parties and their committees, unions,
 * commissions, outlets, platforms, constituencies and countries that articles draw on, so
 * that one entity (same id) appears in many articles, as in real news.
 *
 * Contract: `createPools(random, targetNodes)` is deterministic for a given PRNG state and
 * scales the pools with the corpus (about one person per 25 nodes), so a bigger corpus has
 * both bigger hubs and a longer tail. Every pool entity is a seed-format entity without
 * evidence (the article that mentions it supplies that). All names are invented.
 */
import type { GraphFile } from '../../src/seed/format.js';
import { Zipf, type Random } from './random.js';

export type SeedEntity = GraphFile['entities'][number];
export type PoolEntity<K extends SeedEntity['kind'] = SeedEntity['kind']> = Omit<Extract<SeedEntity, { kind: K }>, 'evidence'>;

export interface PoolPerson {
  entity: PoolEntity<'Person'>;
  surname: string;
  /** Index into `parties`. */
  party: number;
  /** Index into `constituencies`. */
  constituency: number;
}

export interface PoolParty {
  entity: PoolEntity<'Organisation'>;
  committees: PoolEntity<'Organisation'>[];
  parliamentaryGroup: PoolEntity<'Organisation'>;
}

export interface Pools {
  /** By popularity rank: people[i] is the leader of parties[i] for the first few i. */
  people: PoolPerson[];
  personRank: Zipf;
  parties: PoolParty[];
  partyRank: Zipf;
  unions: PoolEntity<'Organisation'>[];
  unionRank: Zipf;
  outlets: PoolEntity<'Organisation'>[];
  outletRank: Zipf;
  commissions: PoolEntity<'Organisation'>[];
  platforms: PoolEntity<'Organisation'>[];
  government: PoolEntity<'Organisation'>;
  constituencies: PoolEntity<'Place'>[];
  constituencyRank: Zipf;
  countries: PoolEntity<'Place'>[];
}

const firstNames = [
  'Anna',
  'Ben',
  'Clara',
  'Daniel',
  'Eleanor',
  'Farid',
  'Grace',
  'Harun',
  'Imogen',
  'James',
  'Kavita',
  'Liam',
  'Maya',
  'Nadia',
  'Owen',
  'Priya',
  'Quentin',
  'Rosa',
  'Samir',
  'Tessa',
  'Umar',
  'Vera',
  'William',
  'Yasmin',
  'Zoe',
  'Aled',
  'Bronwen',
  'Callum',
  'Deborah',
  'Emeka',
  'Fiona',
  'Gareth',
  'Hannah',
  'Ifeoma',
  'Joanna',
  'Kieran',
  'Lucy',
  'Marcus',
  'Niamh',
  'Oliver',
  'Patrick',
  'Rhiannon',
  'Stephen',
  'Tariq',
  'Ursula',
  'Victor',
  'Wendy',
  'Xavier',
  'Yusuf',
  'Zara',
  'Amira',
  'Bethan',
  'Conor',
  'Dilys',
  'Ewan',
  'Freya',
  'George',
  'Helen',
  'Isaac',
  'Jasmine',
];
const surnames = [
  'Abbott',
  'Barker',
  'Chowdhury',
  'Davies',
  'Ellison',
  'Fairweather',
  'Gallagher',
  'Hussain',
  'Ingram',
  'Jenkins',
  'Kaur',
  'Lawson',
  'Mensah',
  'Norris',
  'Patel',
  'Quinn',
  'Rahman',
  'Sutherland',
  'Thornton',
  'Underwood',
  'Varga',
  'Whitfield',
  'Yates',
  'Zielinski',
  'Ahmed',
  'Brennan',
  'Carver',
  'Dunmore',
  'Evans',
  'Fletcher',
  'Griffiths',
  'Hartley',
  'Iqbal',
  'Jarvis',
  'Kowalski',
  'Lindqvist',
  'McAllister',
  'Nwosu',
  'Okafor',
  'Pemberton',
  'Radcliffe',
  'Shah',
  'Tennant',
  'Uddin',
  'Vaughan',
  'Walsh',
  'Xu',
  'Young',
  'Zaman',
  'Ashworth',
  'Blackwood',
  'Cole',
  'Doyle',
  'Eastwood',
  'Finch',
  'Goddard',
  'Holloway',
  'Irving',
  'Jameson',
  'Kingsley',
  'Lockwood',
  'Morrow',
  'Nash',
  'Osborne',
  'Pryce',
  'Redmond',
  'Sinclair',
  'Talbot',
  'Upton',
  'Vickers',
  'Wakefield',
  'Yardley',
  'Adeyemi',
  'Barnes',
  'Cartwright',
  'Devlin',
  'Egan',
  'Forsyth',
  'Grant',
  'Mbeki',
];
const towns = [
  'Ashford',
  'Bramley',
  'Castleton',
  'Dunford',
  'Eastwick',
  'Fernhill',
  'Glenmore',
  'Harrowgate',
  'Ivybridge',
  'Kelbrook',
  'Longmead',
  'Marston',
  'Northam',
  'Oakridge',
  'Pendle',
  'Queensbury',
  'Redhill',
  'Stanmore',
  'Thornbury',
  'Upminster',
  'Valemount',
  'Westbury',
  'Yarmouth',
  'Aldergrove',
  'Beckton',
  'Coldstream',
  'Denholme',
  'Elmswell',
  'Foxton',
  'Greystoke',
  'Hollins',
  'Kirkby',
  'Lindale',
  'Moorside',
  'Newbold',
  'Ormskirk',
  'Pickering',
  'Rothley',
  'Sedgefield',
  'Tadley',
  'Uffington',
  'Wetherby',
  'Ashby',
  'Burnside',
  'Carrow',
  'Dalton',
  'Eccleston',
  'Fordham',
  'Gosforth',
  'Hessle',
  'Kendal Vale',
  'Lytham',
  'Millbrook',
  'Nettleham',
  'Overton',
  'Penrith Moor',
  'Radstock',
  'Selby Cross',
];
const constituencySuffixes = ['North', 'South', 'East', 'West', 'Central', 'and District', 'Rural', 'Town', 'Valley', 'Borough'];
const paperNames = ['Gazette', 'Courier', 'Herald', 'Chronicle', 'Echo', 'Post', 'Advertiser', 'Mercury', 'Observer', 'Dispatch'];
const partyNames = [
  'Progressive Alliance',
  'Common Ground Party',
  'Liberal Reform Party',
  'National Unity Party',
  'Green Future Party',
  'Workers Front',
  'Democratic Renewal',
  'Civic Party',
  'Independent Federation',
  'Coastal League',
];
const committeeNames = ['National Executive', 'Disputes Panel', 'Policy Forum'];
const trades = [
  'Fire and Rescue Workers',
  'Rail and Maritime',
  'Teachers',
  'Nurses',
  'Postal Workers',
  'Civil Service',
  'Bakers and Millers',
  'Transport Salaried Staff',
  'Musicians',
  'Journalists',
  'Care Workers',
  'Steel and Metal',
  'Dock Workers',
  'University Staff',
  'Shop and Retail',
  'Energy Workers',
  'Midwives',
  'Prison Officers',
  'Broadcast Technicians',
  'Builders and Joiners',
];
const commissionNames = [
  'Equality Commission',
  'Standards Commission',
  'Electoral Commission',
  'Ethics and Integrity Commission',
  'Public Accounts Commission',
  'Data Protection Commission',
];
const platformNames = ['Chirper', 'FaceSpace', 'PostBoard', 'Streamline', 'Townhall'];
const countryNames = ['Britain', 'Ireland', 'France', 'Germany', 'Spain', 'Canada', 'Norway', 'Portugal'];

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const org = (
  name: string,
  type: PoolEntity<'Organisation'>['type'],
  extra: Partial<PoolEntity<'Organisation'>> = {},
): PoolEntity<'Organisation'> => ({
  kind: 'Organisation',
  id: `org:${slug(name)}`,
  name,
  aliases: [],
  type,
  ...extra,
});

/** `count` distinct strings from `make`, which draws from the PRNG. */
function distinct(count: number, make: () => string): string[] {
  const seen = new Set<string>();
  for (let tries = 0; seen.size < count; tries++) {
    if (tries > count * 50) throw new Error(`internal: could not make ${count} distinct names`);
    seen.add(make());
  }
  return [...seen];
}

export function createPools(random: Random, targetNodes: number): Pools {
  const partyCount = targetNodes < 20_000 ? 6 : partyNames.length;
  const parties: PoolParty[] = partyNames.slice(0, partyCount).map((name) => {
    const party = org(name, 'party', { description: `A political party (invented for the benchmark corpus).` });
    return {
      entity: party,
      committees: committeeNames.map((c) => org(`${name} ${c}`, 'committee', { partOf: party.id, aliases: [c] })),
      parliamentaryGroup: org(`Parliamentary ${name}`, 'parliamentary-group', { partOf: party.id }),
    };
  });

  const constituencyNames = distinct(
    Math.min(Math.max(30, Math.round(targetNodes / 150)), towns.length * constituencySuffixes.length),
    () => `${random.pick(towns)} ${random.pick(constituencySuffixes)}`,
  );
  const constituencies = constituencyNames.map((name): PoolEntity<'Place'> => ({
    kind: 'Place',
    id: `place:${slug(name)}`,
    name,
    aliases: [],
    type: 'constituency',
  }));

  const personCount = Math.max(60, Math.round(targetNodes / 25));
  const names = distinct(personCount, () => {
    const first = random.pick(firstNames);
    const last = random.pick(surnames);
    // Past the first few thousand people, a middle initial keeps names distinct.
    return personCount > 2_000 && random.chance(0.6)
      ? `${first} ${String.fromCharCode(65 + random.int(0, 25))} ${last}`
      : `${first} ${last}`;
  });
  const partyRank = new Zipf(parties.length, 1);
  const constituencyRank = new Zipf(constituencies.length, 0.6);
  const people = names.map((name, rank): PoolPerson => {
    const surname = name.slice(name.lastIndexOf(' ') + 1);
    const party = rank < parties.length ? rank : partyRank.draw(random);
    return {
      entity: {
        kind: 'Person',
        id: `person:${slug(name)}`,
        name,
        aliases: [surname],
        ...(rank < 200 ? { description: `${name}, a politician of the ${parties[party]!.entity.name} (invented).` } : {}),
      },
      surname,
      party,
      constituency: constituencyRank.draw(random),
    };
  });

  const outletNames = distinct(
    Math.min(Math.max(10, Math.round(targetNodes / 2_000)), towns.length * paperNames.length),
    () => `${random.pick(towns)} ${random.pick(paperNames)}`,
  );
  const unions = trades.map((t) => org(`${t} Union`, 'union'));
  const outlets = outletNames.map((n) => org(`The ${n}`, 'outlet', { aliases: [n] }));
  return {
    people,
    personRank: new Zipf(people.length, 1.05),
    parties,
    partyRank,
    unions,
    unionRank: new Zipf(unions.length, 1),
    outlets,
    outletRank: new Zipf(outlets.length, 1),
    commissions: commissionNames.map((n) => org(n, 'commission')),
    platforms: platformNames.map((n) => org(n, 'company', { description: 'A social media platform (invented).' })),
    government: org('National Government', 'government', { aliases: ['the Government'] }),
    constituencies,
    constituencyRank,
    countries: countryNames.map((name) => ({ kind: 'Place', id: `place:${slug(name)}`, name, aliases: [], type: 'country' })),
  };
}
