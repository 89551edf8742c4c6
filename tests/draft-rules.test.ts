/**
 * The drafter's hand-written rules, one behaviour per test: what each rule finds, and what it
 * must leave alone. Texts are invented for the tests; none is a curated article.
 */
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/seed/locate.js';
import { resolveDate } from '../src/draft/dates.js';
import { draftArticle } from '../src/draft/draft.js';
import { findEntities, type DraftEntity } from '../src/draft/entities.js';
import { toEvidence } from '../src/draft/evidence.js';
import type { Gazetteer } from '../src/draft/gazetteer.js';
import { makeIds, slug } from '../src/draft/ids.js';
import { speechVerbs, stanceVerbs, titleHeads } from '../src/draft/lexicon.js';
import { nameChunks } from '../src/draft/names.js';
import { analyse } from '../src/draft/nlp.js';
import { findQuotes } from '../src/draft/quotes.js';
import { findRoles } from '../src/draft/roles.js';
import { typeChooser } from '../src/draft/types.js';
import { findSources } from '../src/draft/sources.js';
import { findStatements } from '../src/draft/statements.js';
import { findVotes } from '../src/draft/votes.js';

function entitiesOf(text: string, gazetteer: Gazetteer = []) {
  const a = analyse(text);
  const sentences = splitSentences(text, (i) => i);
  const found = findEntities(a, nameChunks(a, new Set(sentences.map((s) => s.start))), gazetteer);
  return { a, sentences, ...found, byName: (n: string) => found.entities.find((e) => e.name === n) };
}
function statementsOf(text: string) {
  const { a, sentences, entities } = entitiesOf(text);
  const all: DraftEntity[] = [...entities];
  for (const s of findSources(text, sentences, entities))
    all.push({
      key: `s${s.start}`,
      kind: 'AnonymousSource',
      name: s.name,
      aliases: new Set(),
      mentions: [{ start: s.start, end: s.end }],
      how: s.how,
      sure: 'medium',
    });
  const quotes = findQuotes(text);
  const { statements, unattributed } = findStatements({ analysis: a, sentences, quotes, entities: all });
  return {
    statements: statements.map((s) => ({
      speaker: s.speaker.name,
      mode: s.mode,
      text: text.slice(s.span.start, s.span.end),
      toldTo: s.toldTo?.name,
    })),
    unattributed,
  };
}

describe('the word lists', () => {
  it('know common speech verbs, stance verbs and title nouns', () => {
    for (const w of ['said', 'told', 'adding', 'claimed', 'warned']) expect(speechVerbs.has(w)).toBe(true);
    expect(stanceVerbs.hailed).toBe('SUPPORT');
    expect(stanceVerbs.condemned).toBe('OPPOSE');
    expect(speechVerbs.has('continuing')).toBe(false);
    for (const w of ['director', 'chairman', 'inspector', 'mp']) expect(titleHeads.has(w)).toBe(true);
  });
});

describe('name chunks', () => {
  it('join "of", "and" and "&" only into one organisation', () => {
    const { entities } = entitiesOf(
      'The Royal College of Nurses met the Food and Drugs Authority. Priya Shah and Tom Bell of Vane & Sons spoke.',
    );
    const names = entities.map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining(['Royal College of Nurses', 'Food and Drugs Authority', 'Vane & Sons', 'Priya Shah', 'Tom Bell']),
    );
    expect(names).not.toContain('Priya Shah and Tom Bell');
  });
  it('strip titles and honorifics from the name and keep the sentence-opening word out', () => {
    const { entities } = entitiesOf('Detective Sergeant Ana Ruiz said it was over. Officers left. Mr Ruiz was not there.');
    expect(entities.map((e) => e.name)).toContain('Ana Ruiz');
    expect(entities.map((e) => e.name)).not.toContain('Officers');
  });
  it('keep title words that open a name ("Health Access Now") and a capitalised "The" inside a sentence', () => {
    const { byName } = entitiesOf(
      'Critics, including the charity Health Access Now, agreed. It was published in The Lancet. Health Secretary Ann Lee spoke.',
    );
    expect(byName('Health Access Now')?.kind).toBe('Organisation');
    expect(byName('The Lancet')?.kind).toBe('Organisation');
    expect(byName('Ann Lee')?.kind).toBe('Person');
  });
  it('do not take the first word of a quotation for a name', () => {
    const { entities } = entitiesOf('Lena Park said: “Darkness falls early here.”');
    expect(entities.map((e) => e.name)).toEqual(['Lena Park']);
  });
  it('take the capitalised part of a hyphenated word only when it names something found elsewhere', () => {
    const { entities, byName } = entitiesOf('The Leeds-based firm grew. Staff in Leeds cheered. Anti-Rust paint sold out.');
    expect(byName('Leeds')?.mentions).toHaveLength(2);
    expect(entities.map((e) => e.name)).not.toContain('Rust');
  });
});

describe('entities', () => {
  it('link a surname, an honorific and surname, and a given name to the full name', () => {
    const { byName, entities } = entitiesOf(
      'Manager Colm Byrne was sacked. Byrne left. Mr Byrne said nothing. “Colm was great,” one fan said.',
    );
    expect(entities.filter((e) => e.kind === 'Person')).toHaveLength(1);
    expect(byName('Colm Byrne')?.mentions).toHaveLength(4);
  });
  it('link an acronym and the first word of an organisation, but not after "in"', () => {
    const { byName } = entitiesOf(
      'The National Farmers Board met in Tarrow. The NFB said Tarrow Mills Ltd would pay. Tarrow Mills was fined. Staff in Tarrow were angry.',
    );
    expect(byName('National Farmers Board')?.aliases.has('NFB')).toBe(true);
    expect(byName('Tarrow')?.kind).toBe('Place');
    expect(byName('Tarrow')?.mentions).toHaveLength(2);
  });
  it('classify by the last word, the word before, and "told the"', () => {
    const { byName } = entitiesOf(
      'Workers at Grell Foods met near Bishop Road, the developer Stanmore said, and Jo Fenn told the Valley Courier.',
    );
    expect(byName('Grell Foods')).toMatchObject({ kind: 'Organisation', type: 'company' });
    expect(byName('Bishop Road')?.kind).toBe('Place');
    expect(byName('Stanmore')?.kind).toBe('Organisation');
    expect(byName('Valley Courier')).toMatchObject({ kind: 'Organisation', type: 'outlet' });
  });
  it('link "shares in X" to the company, though "in" usually leads to a place', () => {
    const { byName } = entitiesOf('Pellam Pharma recalled the inhalers. Shares in Pellam fell.');
    expect(byName('Pellam Pharma')?.mentions).toHaveLength(2);
  });
  it('keep a lone name that compromise calls an adjective when wink-nlp calls it a proper noun', () => {
    expect(entitiesOf('Police in Kelsby arrested two men.').byName('Kelsby')?.kind).toBe('Place');
    expect(entitiesOf('The Dutch group bought it.').entities).toHaveLength(0);
  });
  it('make a place of a name and a place noun after "the" ("the former Eastgate gasworks")', () => {
    const { byName } = entitiesOf('Homes will rise on the former Eastgate gasworks. Eastgate Voice objected.');
    expect(byName('Eastgate gasworks')?.kind).toBe('Place');
    expect(byName('Eastgate Voice')?.mentions).toHaveLength(1);
  });
  it('take a list of names before "counties" or "villages" for places', () => {
    const { byName } = entitiesOf('Residents of Pike, Ross and Scioto counties sued.');
    expect(['Pike', 'Ross', 'Scioto'].map((n) => byName(n)?.kind)).toEqual(['Place', 'Place', 'Place']);
  });
  it('make "the planning committee of X" a body that is part of X', () => {
    const { byName } = entitiesOf('The planning committee of Dell City Council met.');
    expect(byName('planning committee of Dell City Council')).toMatchObject({
      kind: 'Organisation',
      partOf: { name: 'Dell City Council' },
    });
  });
  it('take "Port …" for a place, and a name used as a modifier for no person', () => {
    const { byName } = entitiesOf('Jobs go at the Port Avel terminal. Staff said the Delmar Quay yard would stay.');
    expect(byName('Port Avel')?.kind).toBe('Place');
    expect(byName('Delmar Quay')?.kind).not.toBe('Person');
  });
  it('take "Port of …", "Isle of …" for places, and a name after a company noun for an organisation', () => {
    const { byName } = entitiesOf(
      'Cranes stood idle at the Port of Tessaly. Ferries to the Isle of Brannoch stopped. Cruise line Aster Voyages and carmaker Tovik Motors said little.',
    );
    expect(byName('Port of Tessaly')).toMatchObject({ kind: 'Place', type: 'venue' });
    expect(byName('Isle of Brannoch')?.kind).toBe('Place');
    expect(byName('Aster Voyages')).toMatchObject({ kind: 'Organisation', type: 'company' });
    expect(byName('Tovik Motors')?.kind).toBe('Organisation');
  });
  it('end a name at a title inside it: "Labour MP Ann Lee", "Bank of Tarn Governor Ed Roe"', () => {
    const { byName } = entitiesOf('Labour MP Ann Lee spoke. Then Bank of Tarn Governor Ed Roe and Health Secretary Jo Vale spoke.');
    expect(byName('Ann Lee')?.kind).toBe('Person');
    expect(byName('Labour MP Ann Lee')).toBeUndefined();
    expect(byName('Ed Roe')?.kind).toBe('Person');
    expect(byName('Bank of Tarn')?.kind).toBe('Organisation');
    expect(byName('Jo Vale')?.kind).toBe('Person');
    expect(byName('Health')).toBeUndefined();
  });
  it('take "Retailer Cobalt Home says …" for an organisation, not a title and a person', () => {
    expect(entitiesOf('Retailer Cobalt Home says it was hacked.').byName('Cobalt Home')).toMatchObject({
      kind: 'Organisation',
      type: 'company',
    });
  });
  it('take "the Black Sea" for a place', () => {
    expect(entitiesOf('Ships crossed the Black Sea.').byName('Black Sea')?.kind).toBe('Place');
  });
  it('make a city that acts a club or company ("Porto are preparing a bid", "joined City from X"), never a country', () => {
    const { byName } = entitiesOf(
      'Talks went on in Porto. Porto are understood to be preparing a bid. Reyes joined City from Valdivia in 2022. Russia are said to be angry.',
    );
    expect(byName('Porto')?.kind).toBe('Organisation');
    expect(byName('Valdivia')?.kind).toBe('Organisation');
    expect(byName('Russia')?.kind).toBe('Place');
  });
  it("leave the byline's author out of the story, and say why under noFacts", () => {
    const { graph } = draftArticle('Ferry fares to rise\n\nBy Jo Vance\n\nThe Kell Trust said fares would rise.');
    expect(graph.entities.map((e) => e.name)).toEqual(['Kell Trust']);
    expect(graph.noFacts).toMatchObject([
      { sentence: 'Ferry fares to rise' },
      { sentence: 'By Jo Vance', reason: expect.stringContaining('byline') },
    ]);
  });
  it('use the gazetteer: a known name and its aliases keep the known id', () => {
    const gazetteer: Gazetteer = [
      { id: 'person:mara-quill', kind: 'Person', name: 'Mara Quill', aliases: ['Quill'], names: ['Mara Quill', 'Quill'], seed: 'x' },
    ];
    const { byName } = entitiesOf('Quill spoke first. Later Quill left.', gazetteer);
    expect(byName('Mara Quill')).toMatchObject({ known: { id: 'person:mara-quill' } });
    expect(byName('Mara Quill')?.mentions).toHaveLength(2);
  });
});

describe('anonymous sources', () => {
  const sources = (text: string) => {
    const { sentences, entities } = entitiesOf(text);
    return findSources(text, sentences, entities).map((s) => ({ name: s.name, side: s.side, affiliation: s.affiliation?.name }));
  };
  it('find sources by the words that make them anonymous', () => {
    expect(sources('A person familiar with the deal said it was off.')).toEqual([
      { name: 'A person familiar with the deal', side: undefined, affiliation: undefined },
    ]);
    expect(sources('An engineer at Brill Motors, who declined to be identified, said so.')[0]?.name).toBe(
      'An engineer at Brill Motors, who declined to be identified',
    );
    expect(sources('Sources inside the club said he would go.')[0]?.name).toBe('Sources inside the club');
    expect(sources('An employee at the company’s Rexley plant, who spoke on condition of anonymity, said so.')[0]?.name).toBe(
      'An employee at the company’s Rexley plant, who spoke on condition of anonymity',
    );
  });
  it('find "a diplomat involved in the talks" and "officials from both countries", but no bare official', () => {
    expect(sources('A diplomat involved in the talks said it was hard.').map((x) => x.name)).toEqual(['A diplomat involved in the talks']);
    expect(sources('The deal was agreed, officials from both countries said.').map((x) => x.name)).toEqual([
      'officials from both countries',
    ]);
    expect(sources('Officials said the road would reopen.')).toHaveLength(0);
  });
  it('give the side, or the organisation named, from the words before "source"', () => {
    expect(sources('One pro-reform source said no.')[0]?.side).toBe('pro-reform');
    expect(sources('The Kell Party won. One Kell Party source said so.')[0]?.affiliation).toBe('Kell Party');
  });
  it('take "one" or "a" with a source noun only when the description speaks', () => {
    expect(sources('One council officer told us it was late.')).toHaveLength(1);
    expect(sources('A resident walked past the hall.')).toHaveLength(0);
    expect(sources('Source: The Daily Item')).toHaveLength(0);
  });
});

describe('quotes', () => {
  it('read curly and straight marks, mixed in one text', () => {
    const q = findQuotes('He said “first words here”. She said "second words here".');
    expect(q.map((x) => x.text)).toEqual(['first words here', 'second words here']);
  });
  it('continue a quote over paragraphs and end an unclosed one at its paragraph', () => {
    const q = findQuotes('“One line of the quote.\n“Another line of it.”\nThen “never closed here\nNext paragraph.');
    expect(q.map((x) => [x.text, x.chain, x.unclosed])).toEqual([
      ['One line of the quote.', 1, true],
      ['Another line of it.', 1, false],
      ['never closed here', 2, true],
    ]);
  });
  it('drop the comma before the closing mark and count words', () => {
    const [q] = findQuotes('“We will win this,” he said.');
    expect(q).toMatchObject({ text: 'We will win this', words: 4 });
  });
});

describe('speakers', () => {
  it('"X said: …" and "…, X said" and "…, he said"', () => {
    const { statements } = statementsOf(
      'Coach Ana Bell said: “We played well today.” “The referee was fair to both sides,” Ms Bell said.\n“It was a long season for us all,” she said.',
    );
    expect(statements.filter((s) => s.mode === 'verbatim').map((s) => s.speaker)).toEqual(['Ana Bell', 'Ana Bell', 'Ana Bell']);
  });
  it('carry the speaker over to a quote with no attribution, and over paragraphs', () => {
    const { statements } = statementsOf(
      'Ravi Patel told the Hill Times: “We are ready to go.\n“Nothing will stop the plan now.”\n“We start on Monday, and we finish in May.”',
    );
    expect(statements.map((s) => [s.speaker, s.toldTo ?? null])).toEqual([
      ['Ravi Patel', 'Hill Times'],
      ['Ravi Patel', null],
      ['Ravi Patel', null],
    ]);
  });
  it('resolve "They told …:" to the source speaking before', () => {
    const { statements } = statementsOf(
      'One Ferro Group source said the talks had failed.\nThey told the Daily Ledger: “Nobody wanted to sign anything at all.”',
    );
    expect(statements.map((s) => s.speaker)).toEqual(['One Ferro Group source', 'One Ferro Group source']);
  });
  it('skip an aside between the name and the verb, and prefer the subject of the first verb', () => {
    const { statements } = statementsOf(
      'Investor Jo Lamb, whose fund Oster Capital owns 5% of Venn Ltd, condemned it as “a very poor deal for us”. Venn chairman Ed Rook praised Venn Ltd staff and said no shops would close.',
    );
    expect(statements.map((s) => [s.speaker, s.mode])).toEqual([
      ['Jo Lamb', 'verbatim'],
      ['Ed Rook', 'reported'],
    ]);
  });
  it('"“…,” said chief executive X": the name after the verb', () => {
    const { statements } = statementsOf('The Orla Group made a loss. “This is a painful day for us,” said chief executive Mei Tanaka.');
    expect(statements[0]).toMatchObject({ speaker: 'Mei Tanaka', mode: 'verbatim' });
  });
  it('skip a lowercase aside, and resolve "the judge" to the person with that title', () => {
    const { statements } = statementsOf(
      'Nina Petrov, chief executive of the charity Brake Ahead, said: “Nobody is above the law here.” District Judge Martin Hale agreed. “You are a role model,” the judge told the player.',
    );
    expect(statements.map((s) => s.speaker)).toEqual(['Nina Petrov', 'Martin Hale']);
  });
  it('"said in an emailed statement." is no reported speech', () => {
    const { statements } = statementsOf('“We disagree with the ruling,” spokeswoman Lin Ortiz said in an emailed statement.');
    expect(statements.map((s) => s.mode)).toEqual(['verbatim']);
  });
  it('"said in a statement that …" drafts the clause after "that"', () => {
    const { statements } = statementsOf('Hollin City said in a statement that the club would deal with it.');
    expect(statements[0]?.text).toBe('the club would deal with it');
  });
  it('give "he" to a person named after the last quote rather than to its speaker', () => {
    const { statements } = statementsOf(
      'Ada Vell said: “We acted at once on the results.”\nBoss Lars Henning apologised. “We are sorry. We will put it right,” he said.',
    );
    expect(statements.map((s) => s.speaker)).toEqual(['Ada Vell', 'Lars Henning']);
  });
  it('let a document speak: "The text of the resolution, obtained by X, said …", then "It continued:"', () => {
    const { statements } = statementsOf(
      'The text of the Harbour Board resolution, obtained by the Tide News, said the dock was “no longer safe for any large ship”.\nIt continued: “The board must act before winter comes.”',
    );
    expect(statements.map((s) => s.speaker)).toEqual(['the document quoted', 'the document quoted']);
  });
  it('"According to X, …" is what X said', () => {
    const { statements } = statementsOf('According to a source close to the board, the sale was agreed in May.');
    expect(statements).toEqual([
      { speaker: 'a source close to the board', mode: 'reported', text: 'the sale was agreed in May', toldTo: undefined },
    ]);
  });
  it('keep short scare quotes inside reported speech', () => {
    const { statements } = statementsOf('Mina Cole said she was “very angry” about the delay.');
    expect(statements).toEqual([
      { speaker: 'Mina Cole', mode: 'reported', text: 'she was “very angry” about the delay', toldTo: undefined },
    ]);
  });
  it('draft ", the trust said" as reported speech of the trust', () => {
    const { statements } = statementsOf('The Marsh Health Trust met. The ward will close in June, the trust said.');
    expect(statements).toMatchObject([{ speaker: 'Marsh Health Trust', mode: 'reported', text: 'The ward will close in June' }]);
  });
  it('let a plural noun phrase speak as a group, and leave an orphan quote unattributed', () => {
    const a = statementsOf('But the mayor’s critics branded it “a waste of public money”.');
    expect(a.statements[0]).toMatchObject({ speaker: 'the mayor’s critics', mode: 'verbatim' });
    const b = statementsOf('The rain fell.\n\nLater there was a sign reading “keep off the grass please now”.\n\nMore rain.\n\nAnd more.');
    expect(b.statements).toHaveLength(0);
    expect(b.unattributed).toHaveLength(1);
  });
});

describe('roles', () => {
  const roles = (text: string) => {
    const { entities } = entitiesOf(text);
    return findRoles(text, entities).map((r) => [r.holder.name, r.title, r.status, r.in?.name ?? null, r.duration ?? null]);
  };
  it('from a title before the name, with the organisation named in it', () => {
    expect(roles('Greenway Party leader Dana Moss spoke.')).toEqual([
      ['Dana Moss', 'Greenway Party leader', 'current', 'Greenway Party', null],
    ]);
    expect(roles('The club sacked former manager Ian Voss.')[0]?.[2]).toBe('former');
  });
  it('from a possessive appositive: "the company’s finance director, Ana Ruiz"', () => {
    expect(roles('Tolla Foods grew. The company’s finance director, Ana Ruiz, left.')).toEqual([
      ['Ana Ruiz', 'finance director', 'current', 'Tolla Foods', null],
    ]);
  });
  it('from a relative clause with a duration', () => {
    expect(roles('Mo Reid, who has been the MP for Wexley East for nearly 20 years, spoke.')).toEqual([
      ['Mo Reid', 'MP for Wexley East', 'current', 'Wexley East', 'nearly 20 years'],
    ]);
  });
  it('from "The port authority\'s chief executive, X": an organisation named only so is made, marked low', () => {
    const text = 'The port authority’s chief executive, Ingrid Berg, said the port would reopen. The port authority met.';
    const { entities } = entitiesOf(text);
    const [role] = findRoles(text, entities);
    expect([role?.holder.name, role?.title, role?.in?.name, role?.in?.sure, role?.in?.mentions.length]).toEqual([
      'Ingrid Berg',
      'chief executive',
      'Port authority',
      'low',
      2,
    ]);
  });
  it('from "Its director of policy, Owen Marchetti": a title hanging on the word before "of"', () => {
    const text = 'The Kell Trust met. Its director of policy, Owen Marchetti, spoke.';
    const { entities } = entitiesOf(text);
    expect(findRoles(text, entities).map((r) => [r.holder.name, r.title, r.in?.name])).toEqual([
      ['Owen Marchetti', 'director of policy', 'Kell Trust'],
    ]);
  });
  it('from "his agent, Luis Ortega": an agent is a title', () => {
    const text = 'Ole Lund stayed away. His agent, Luis Ortega, spoke.';
    const { entities } = entitiesOf(text);
    expect(findRoles(text, entities).map((r) => [r.holder.name, r.title])).toEqual([['Luis Ortega', 'agent']]);
  });
  it('from a hyphenated title: "UN Secretary-General Ana Ruiz"', () => {
    const text = 'UN Secretary-General Ana Ruiz welcomed the deal.';
    const { entities } = entitiesOf(text);
    expect(findRoles(text, entities).map((r) => [r.holder.name, r.title])).toEqual([['Ana Ruiz', 'Secretary-General']]);
  });
  it('from a profession in an appositive: "Dr Ana Ruiz, a planetary scientist at the University of Tarn who …"', () => {
    const text = 'Dr Ana Ruiz, a planetary scientist at the University of Tarn who leads the team, was pleased.';
    const { entities } = entitiesOf(text);
    expect(findRoles(text, entities).map((r) => [r.holder.name, r.title, r.in?.name])).toEqual([
      ['Ana Ruiz', 'planetary scientist', 'University of Tarn'],
    ]);
  });
  it('once per holder for "Striker X" and "Tarn City striker X", and "City’s head coach, Y" is the one City', () => {
    const text = 'Striker Ole Lund left. Tarn City striker Ole Lund was fined. City’s head coach, Ava Moss, said little.';
    const { entities } = entitiesOf(text);
    expect(findRoles(text, entities).map((r) => [r.holder.name, r.title, r.in?.name])).toEqual([
      ['Ole Lund', 'Tarn City striker', 'Tarn City'],
      ['Ava Moss', 'head coach', 'Tarn City'],
    ]);
  });
  it('from an appositive after the name: "X, a spokesman for the Y union,"', () => {
    expect(roles('Jonas Berg, a spokesman for the Dock Workers Union, said no.')).toEqual([
      ['Jonas Berg', 'spokesman', 'current', 'Dock Workers Union', null],
    ]);
  });
  it('from "said X, the plaintiffs\' lead attorney"', () => {
    expect(roles("“We won,” said Mike Brandt, the plaintiffs' lead attorney.").map((r) => r[1])).toEqual(['lead attorney']);
  });
  it('from an editor’s brackets and from "who chairs"', () => {
    expect(roles('The chief whip [Lu Hart] spoke.')[0]?.slice(0, 2)).toEqual(['Lu Hart', 'chief whip']);
    expect(roles('Councillor Bo Lind, who chairs the town’s parks panel, agreed.').map((r) => r[1])).toEqual([
      'Councillor',
      'chair of the parks panel',
    ]);
  });
});

describe('votes', () => {
  const votes = (text: string) => {
    const { sentences, entities } = entitiesOf(text);
    return findVotes(text, sentences, entities);
  };
  it('read "N votes to M", with rejected meaning the larger number is against, once per count', () => {
    const { votes: v } = votes(
      'A motion to close the pool was defeated by 12 votes to 9 at Brent Town Council. Critics hailed the 12-9 vote.',
    );
    expect(v.map((x) => [x.for, x.against, x.outcome, x.body?.name])).toEqual([[9, 12, 'rejected', 'Brent Town Council']]);
  });
  it('read "N-M" after a voting verb, but not a match score', () => {
    expect(votes('The Hale Board voted 9-3 in favour.').votes.map((x) => [x.for, x.against])).toEqual([[9, 3]]);
    expect(votes('Hale Rovers lost 3-0 before the Hale Board voted.').votes).toHaveLength(0);
  });
  it('take the direction from the count’s own clause ("approved 7-4, but X rejected it")', () => {
    expect(
      votes('The Tarn Council approved a rescue package 7-4, but the owners rejected it.').votes.map((x) => [x.for, x.against, x.outcome]),
    ).toEqual([[7, 4, 'passed']]);
  });
  it('read "members voted 64% in favour", and "the union said" as the union named with that word', () => {
    const text = 'The TMS union put the offer to members. Members voted 64% in favour of the deal, the union said.';
    expect(votes(text).votes.map((x) => [x.for, x.against])).toEqual([[64, 36]]);
    expect(statementsOf(text).statements).toMatchObject([
      { speaker: 'TMS', mode: 'reported', text: 'Members voted 64% in favour of the deal' },
    ]);
  });
  it('read a court panel\'s "ruled 2-1"', () => {
    expect(votes('The panel of the Ninth Circuit Court ruled 2-1 for the city.').votes.map((x) => [x.for, x.against])).toEqual([[2, 1]]);
  });
  it('read percentages as percentage points', () => {
    expect(votes('The Lark Union met. In all, 62% of members voted in favour of the offer.').votes.map((x) => [x.for, x.against])).toEqual([
      [62, 38],
    ]);
  });
  it('find the motion and its proposer', () => {
    const { motions } = votes(
      'A plan to build a bridge was approved 7-4 by Dell City Council. The plan was put forward by councillor Rae Tobin.',
    );
    expect(motions).toMatchObject([{ title: 'A plan to build a bridge', proposer: { name: 'Rae Tobin' } }]);
  });
  it('leave the count out of the motion, read past "called on", and take a proposer named before "who proposed"', () => {
    const text =
      'Hale Borough Council passed a resolution by 20 votes to 6 that called on ministers to fund the ferry. Councillor Ivo Marr, who tabled the resolution, was pleased.';
    const { votes: v, motions } = votes(text);
    expect(v.map((x) => [x.for, x.against, x.body?.name])).toEqual([[20, 6, 'Hale Borough Council']]);
    expect(motions).toMatchObject([
      {
        title: 'A resolution that called on ministers to fund the ferry',
        seeks: 'Called on ministers to fund the ferry',
        proposer: { name: 'Ivo Marr' },
      },
    ]);
    // Still stops at a date: "a motion to close the depot on Friday".
    expect(votes('Dell City Council backed a motion to close the depot on Friday by 8 votes to 2.').motions[0]?.title).toBe(
      'A motion to close the depot',
    );
  });
  it('never take a news outlet for the body; a body named by a common noun becomes one, members do not', () => {
    const courier = 'Fans of Harrow Tigers FC told the Kelby Courier they were angry. ';
    expect(votes(`${courier}On Sunday fans backed a motion of protest by 40 votes to 3.`).votes.map((x) => [x.body?.name, x.sure])).toEqual(
      [['Harrow Tigers FC', 'medium']],
    );
    expect(
      votes(`${courier}On Sunday the supporters’ trust backed a motion by 40 votes to 3.`).votes.map((x) => [x.body?.name, x.sure]),
    ).toEqual([['Supporters’ trust', 'low']]);
    const members = votes(`${courier}On Sunday its members backed a motion by 40 votes to 3.`).votes;
    expect(members.map((x) => [x.body?.name, x.sure])).toEqual([['Harrow Tigers FC', 'low']]);
    expect(members[0]?.how).toContain('its members');
  });
});

describe('a whole draft', () => {
  const { graph, notes } = draftArticle(
    [
      'Kingsvale Power was fined on Monday. Kingsvale Power’s chief executive, Ann Roe, said the firm was sorry.',
      'Kingsvale Power admitted two charges brought by the Marsh Agency. Its lawyer admitted it had failed.',
      'The campaign group Clean Brook welcomed the fine but said it was “far too small for a firm that size”.',
      'The energy secretary, Tom Vail, said he would act.',
      'Last week, councillors on the scrutiny committee voted 7-1 to open a review of the spill.',
    ].join('\n'),
  );
  const entity = (name: string) => graph.entities.find((e) => e.name === name);
  it('makes an organisation of what has a chief executive, whatever the taggers said', () => {
    expect(entity('Kingsvale Power')?.kind).toBe('Organisation');
    expect(graph.roles).toContainEqual(
      expect.objectContaining({ holder: 'person:ann-roe', title: 'chief executive', in: 'org:kingsvale-power' }),
    );
  });
  it('drafts no speech from "admitted two charges", and "the campaign group X" is a charity', () => {
    expect(graph.statements.map((s) => s.text)).not.toContain('two charges brought by the Marsh Agency');
    expect(entity('Clean Brook')).toMatchObject({ kind: 'Organisation', type: 'charity' });
  });
  it('gives "X welcomed the fine but said “…”" to X', () => {
    expect(graph.statements).toContainEqual(
      expect.objectContaining({ speaker: 'org:clean-brook', text: 'far too small for a firm that size' }),
    );
  });
  it('takes a role from "The energy secretary, Tom Vail,"', () => {
    expect(graph.roles).toContainEqual(expect.objectContaining({ holder: 'person:tom-vail', title: 'energy secretary' }));
  });
  it('names the motion by what was voted for, with no proposer from "charges brought by", and a body named by a common noun', () => {
    expect(graph.motions).toMatchObject([{ title: 'Open a review of the spill', decidedBy: 'org:scrutiny-committee' }]);
    expect(graph.motions[0]).not.toHaveProperty('proposer');
    expect(entity('Scrutiny committee')).toMatchObject({ kind: 'Organisation', type: 'committee' });
    expect(graph.votes.map((v) => [v.body, v.for, v.against])).toEqual([['org:scrutiny-committee', 7, 1]]);
    expect([...notes.values()].some((n) => n.includes('named only "the scrutiny committee"') && n.endsWith('sure: low'))).toBe(true);
  });
});

describe('American style', () => {
  it('breaks no sentence after "Sen.", "Mr." or an initial, but does at a line\'s end', () => {
    const text = 'Sen. Maria Delgado spoke. Mr. Lee and J. K. Rowling came. It rained.\nHe backed Plan B.\nDr.\nNext.';
    expect(splitSentences(text, (i) => i).map((s) => s.text)).toEqual([
      'Sen. Maria Delgado spoke.',
      'Mr. Lee and J. K. Rowling came.',
      'It rained.',
      'He backed Plan B.',
      'Dr.',
      'Next.',
    ]);
  });
  it('sets aside ", D-N.M.," like any aside, and leaves a fragment\'s full stop out of the quote', () => {
    const { graph } = draftArticle(
      'Sen. Maria Delgado, D-N.M., who introduced the bill, called the vote "a long overdue step for families." Three senators agreed.',
    );
    expect(graph.entities.map((e) => e.name)).toEqual(['Maria Delgado']);
    expect(graph.statements).toMatchObject([
      { speaker: 'person:maria-delgado', mode: 'verbatim', text: 'a long overdue step for families' },
    ]);
  });
});

describe('dates, evidence and ids', () => {
  it('keep the precision the words give', () => {
    expect(resolveDate('2022')).toBe('2022');
    expect(resolveDate('March', '2026-05-20')).toBe('2026-03');
    expect(resolveDate('14 May', '2026-05-20')).toBe('2026-05-14');
    expect(resolveDate('on Thursday', '2026-05-22')).toBe('2026-05-21');
    expect(resolveDate('Thursday')).toBeUndefined();
    expect(resolveDate('next spring', '2026-05-20')).toBeUndefined();
  });
  it('write repeated words as { quote, occurrence }', () => {
    const text = 'Ann met Ann.';
    expect(toEvidence(text, { start: 0, end: 3 })).toEqual({ quote: 'Ann', occurrence: 1 });
    expect(toEvidence(text, { start: 8, end: 11 })).toEqual({ quote: 'Ann', occurrence: 2 });
    expect(toEvidence(text, { start: 4, end: 7 })).toBe('met');
  });
  it('choose types the format allows: the vocabulary word, else a broader one, else "other"', () => {
    const { orgType, placeType } = typeChooser('seeds');
    expect(['council', 'government']).toContain(orgType('council'));
    expect(['police', 'other']).toContain(orgType('police'));
    expect(orgType('no-such-type')).toBe('other');
    expect(['county', 'region']).toContain(placeType('county'));
  });
  it('make stable, unique slugs', () => {
    const id = makeIds();
    expect(id('person', 'Zoë Ó Briain')).toBe('person:zoe-o-briain');
    expect(id('person', 'Zoë Ó Briain')).toBe('person:zoe-o-briain-2');
    expect(slug('Harlan & Sons')).toBe('harlan-and-sons');
    const other = makeIds(['role:ann-lee-mayor']);
    expect(other('role', 'Ann Lee mayor')).toBe('role:ann-lee-mayor-2');
    expect(other('person', 'x', 'person:known-one')).toBe('person:known-one');
  });
});
