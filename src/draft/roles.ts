/**
 * Roles from the title next to a name. Contract: `findRoles(ctx)` returns a role for each
 * person mention that has one of:
 *  - a title just before the name: "Labour leader Keir Starmer", "Detective Sergeant Owen Price",
 *    "trust secretary Paul Hennessy" (the last title word must be a title noun, see lexicon.ts);
 *  - an appositive with a possessor before it: "the company’s finance director, Ana Ruiz",
 *    "the port authority’s chief executive, Ingrid Berg", "Kesteren’s chairman, Pieter Vos",
 *    "Its regional officer, Karen Doyle"; or with none: "The environment secretary, Gareth Lyle,";
 *  - a relative clause after it: "…, who has been the MP for Islington North for nearly 40
 *    years", "…, who chairs the town's community safety panel";
 *  - an appositive after it: "Ian Murray, the union's general secretary,".
 * `in` is the organisation or place named in the title or as possessor ("the company’s" is the
 * company found whose name or type fits; "the port authority’s", with none that fits, is a new
 * organisation added to `entities`, marked low); "former" or "sacked" before the title, or "was" in the
 * clause, makes the role former. One role per holder and title ("Striker …" and "Dunmore City
 * striker …" are one).
 */
import { nounEntity, type DraftEntity, type Span, type Sure } from './entities.js';
import { orgSuffixes, titleHeads, titleModifiers } from './lexicon.js';

export interface DraftRole {
  holder: DraftEntity;
  title: string;
  status: 'current' | 'former';
  in?: DraftEntity;
  duration?: string;
  evidence: Span[];
  how: string;
  sure: Sure;
}

const isHead = (w: string) => titleHeads.has(w.toLowerCase()) || titleHeads.has(w.toLowerCase().replace(/s$/, ''));
const isTitleWord = (w: string) => isHead(w) || titleModifiers.has(w.toLowerCase());
/** The word a title hangs on: its last, or the last before "of" ("director of policy"). */
const headWord = (title: string) =>
  title
    .split(/\s+of\s+/)[0]!
    .split(/\s+/)
    .at(-1)!;
const formerWords = /^(former|sacked|ousted|ex|late|axed|departing|outgoing-former)$/i;

export function findRoles(text: string, entities: DraftEntity[]): DraftRole[] {
  const roles: DraftRole[] = [];
  const orgs = entities.filter((e) => e.kind === 'Organisation' || e.kind === 'Place');
  const entityAt = (start: number, end: number) => orgs.find((e) => e.mentions.some((m) => m.start >= start && m.end <= end));
  const mentionEndingAt = (end: number) => {
    for (const e of orgs) for (const m of e.mentions) if (m.end === end || m.end + 2 === end || m.end + 1 === end) return { e, m };
    return undefined;
  };
  const byNoun = (noun: string, before: number) => {
    const n = noun.toLowerCase();
    const list = entities.filter(
      (e) =>
        e.kind === 'Organisation' &&
        (e.name.toLowerCase().split(' ').at(-1) === n ||
          e.type === n ||
          (n === 'firm' && e.type === 'company') ||
          (n === 'shop' && e.type === 'company')),
    );
    const last = (e: DraftEntity) => Math.max(-1, ...e.mentions.filter((m) => m.start < before).map((m) => m.start));
    return list.sort((x, y) => last(y) - last(x))[0];
  };
  const nearestOrgBefore = (before: number) =>
    entities
      .filter((e) => e.kind === 'Organisation')
      .map((e) => ({ e, at: Math.max(-1, ...e.mentions.filter((m) => m.end <= before).map((m) => m.start)) }))
      .filter((x) => x.at >= 0 && before - x.at < 400)
      .sort((x, y) => y.at - x.at)[0]?.e;
  const inFromTitle = (words: string[], start: number, end: number, before: number) => {
    const named = entityAt(start, end);
    if (named) return named;
    for (const w of [...words].reverse()) {
      const lw = w.toLowerCase();
      if (['club', 'council', 'trust', 'company', 'party', 'committee', 'board', 'union', 'court', 'police', 'firm'].includes(lw))
        return byNoun(lw, before);
    }
    return undefined;
  };
  const add = (r: DraftRole) => {
    // One role per holder and title; "Striker" and "Dunmore City striker" are one, the longer kept.
    const ends = (a: string, b: string) => a.toLowerCase() === b.toLowerCase() || a.toLowerCase().endsWith(` ${b.toLowerCase()}`);
    const same = roles.find((o) => o.holder === r.holder && (ends(o.title, r.title) || ends(r.title, o.title)));
    if (same) {
      if (r.title.length > same.title.length) same.title = r.title;
      same.evidence.push(...r.evidence.filter((e) => !same.evidence.some((x) => x.start === e.start)));
      same.in ??= r.in;
      same.duration ??= r.duration;
      return;
    }
    roles.push(r);
  };

  for (const person of entities.filter((e) => e.kind === 'Person')) {
    for (const m of person.mentions) {
      const lineStart = text.lastIndexOf('\n', m.start) + 1;
      const before = text.slice(Math.max(lineStart, m.start - 80), m.start);
      // A. Title words just before the name.
      const words = [...before.matchAll(/[\p{L}’'-]+/gu)].map((w) => ({
        w: w[0],
        start: before.length - (before.length - w.index!) + Math.max(lineStart, m.start - 80),
      }));
      const lastWord = words.at(-1);
      // "The chief whip [Alan Campbell]": an editor's brackets between title and name.
      const gapOk = lastWord && /^(?:\s+|\s*\[)$/.test(text.slice(lastWord.start + lastWord.w.length, m.start));
      if (lastWord && gapOk && isHead(lastWord.w)) {
        let k = words.length - 1;
        let status: 'current' | 'former' = 'current';
        while (k > 0) {
          const prev = words[k - 1]!;
          const joined =
            /^\s+$/.test(text.slice(prev.start + prev.w.length, words[k]!.start)) ||
            /^’s\s+$|^'s\s+$/.test(text.slice(prev.start + prev.w.length, words[k]!.start));
          if (!joined) break;
          const inOrg = orgs.some((e) => e.mentions.some((x) => prev.start >= x.start && prev.start < x.end));
          if (formerWords.test(prev.w)) {
            status = 'former';
            break;
          }
          if (!isTitleWord(prev.w) && !inOrg) break;
          k--;
        }
        const start = words[k]!.start;
        const titleText = text.slice(start, lastWord.start + lastWord.w.length);
        add({
          holder: person,
          title: titleText,
          status,
          in:
            inFromTitle(
              words.slice(k).map((x) => x.w),
              start,
              m.start,
              m.start,
            ) ?? ofAfter(text, m.end, orgs),
          evidence: [{ start, end: text[m.end] === ']' ? m.end + 1 : m.end }],
          how: `title "${titleText}" before the name`,
          sure: 'high',
        });
      }
      // B. "the company’s chief executive, Daniel Okafor" / "Its regional officer, Karen Doyle".
      const appo =
        /(?:(\b[Tt]he\s+(?:[\p{Ll}-]+\s+)?[\p{L}-]+|\p{Lu}[\p{L}&’'-]*(?:\s+\p{Lu}[\p{L}&’'-]*)*)(?:’s|'s|’|')|\b(Its|its|His|his|Her|her|Their|their))\s+((?:[\p{L}-]+\s+){0,3}[\p{L}-]+),\s*(?:(?:Mr|Mrs|Ms|Dr|Sir|Dame)\.?\s+)?$/u.exec(
          before,
        );
      if (appo && isHead(headWord(appo[3]!))) {
        const possessorStart = Math.max(lineStart, m.start - 80) + appo.index!;
        const titleText = appo[3]!;
        let inside: DraftEntity | undefined;
        if (appo[1] && /^[Tt]he\s/.test(appo[1])) {
          const phrase = appo[1].replace(/^[Tt]he\s+/, '');
          const head = phrase.split(/\s+/).at(-1)!.toLowerCase();
          inside = byNoun(head, m.start);
          // "The port authority's chief executive": an organisation named only so.
          if (!inside && phrase.includes(' ') && head in orgSuffixes)
            inside = nounEntity(text, entities, phrase, head, 'the organisation of a role');
        } else if (appo[1])
          inside =
            mentionEndingAt(possessorStart + appo[1].length)?.e ??
            entityAt(possessorStart, possessorStart + appo[1].length + 2) ??
            // "City’s head coach" opening a sentence, where "City" was no name chunk.
            (/^\p{Lu}[\p{L}-]*$/u.test(appo[1]) ? byNoun(appo[1], m.start) : undefined);
        else if (appo[2] && /^its$/i.test(appo[2])) inside = nearestOrgBefore(possessorStart);
        add({
          holder: person,
          title: titleText,
          status: /former/i.test(titleText) ? 'former' : 'current',
          in: inside,
          evidence: [{ start: possessorStart, end: m.end }],
          how: `appositive "${appo[0].trim()} …"`,
          sure: inside && inside.sure !== 'low' ? 'high' : 'medium',
        });
      }
      // B2. "The environment secretary, Gareth Lyle," with no possessor: the title alone (its
      // body, when the title names one: "the club chairman" is the club's).
      const plain = appo ? null : /(?:^|[.;]\s+|\n)[Tt]he\s+((?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+),\s*$/u.exec(before);
      if (plain && isHead(headWord(plain[1]!))) {
        const start = Math.max(lineStart, m.start - 80) + plain.index! + plain[0].search(/[Tt]he\s/);
        const titleText = plain[1]!;
        add({
          holder: person,
          title: titleText,
          status: /former/i.test(titleText) ? 'former' : 'current',
          in: inFromTitle(titleText.split(/\s+/), start, start, m.start),
          evidence: [{ start, end: m.end }],
          how: `appositive "The ${titleText}, …"`,
          sure: 'medium',
        });
      }
      // C. ", who has been the MP for Islington North for nearly 40 years".
      const after = text.slice(m.end, Math.min(text.length, m.end + 160));
      const who =
        /^(?:,|\s+—)\s+who\s+(has been|have been|is|was|had been|became|serves as|has served as|is now)\s+(?:the\s+|a\s+|an\s+)?((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+)((?:\s+(?:of|for|at)\s+(?:the\s+)?\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*)?)(?:\s+for\s+((?:nearly|almost|more than|over|about|around|just over|just under)?\s*[\w-]+\s+(?:years?|months?|decades?|weeks?)))?/u.exec(
          after,
        );
      if (who && isHead(who[2]!.split(/\s+/).at(-1)!)) {
        const title = `${who[2]}${who[3] ?? ''}`;
        const end = m.end + who[0].length;
        add({
          holder: person,
          title,
          status: /^(was|had been)$/.test(who[1]!) || /former/i.test(title) ? 'former' : 'current',
          in: who[3] ? entityAt(m.end + who[0].indexOf(who[3]), end + 1) : undefined,
          duration: who[4]?.trim(),
          evidence: [{ start: m.start, end }],
          how: `relative clause ", who ${who[1]} …"`,
          sure: 'high',
        });
      }
      const verbRole = /^,\s+who\s+(chairs|leads|heads|runs|manages|owns|founded|coaches|captains|edits)\s+((?:the\s+)?[^,.;]+)/u.exec(
        after,
      );
      if (verbRole) {
        const noun = {
          chairs: 'chair',
          leads: 'leader',
          heads: 'head',
          runs: 'head',
          manages: 'manager',
          owns: 'owner',
          founded: 'founder',
          coaches: 'coach',
          captains: 'captain',
          edits: 'editor',
        }[verbRole[1]!]!;
        const object = verbRole[2]!.replace(/^the\s+/, '').replace(/^\p{L}+(?:’s|'s)\s+/u, '');
        const end = m.end + verbRole[0].length;
        add({
          holder: person,
          title: `${noun} of the ${object}`,
          status: 'current',
          in: entityAt(m.end, end),
          evidence: [{ start: m.start, end }],
          how: `relative clause ", who ${verbRole[1]} …"`,
          sure: 'medium',
        });
      }
      // D. "Ian Murray, the union's general secretary," / "Jonas Berg, a spokesman for the GMB union,".
      const appAfter =
        /^,\s+(?:(?:the|a|an)\s+)?((?:\p{Ll}[\p{L}’'-]*\s+){0,3}?\p{Ll}[\p{L}-]*?)(?:\s+(?:for|of|at|with)\s+(?:the\s+)?([^,.]+?))?(?=,|\.|\s+(?:said|told|who|and)\b)/u.exec(
          after,
        );
      if (appAfter && isHead(appAfter[1]!.split(/\s+/).at(-1)!)) {
        const end = m.end + appAfter[0].length;
        const t = appAfter[1]!;
        const where = appAfter[2] ? m.end + appAfter[0].indexOf(appAfter[2]) : end;
        add({
          holder: person,
          title: t.replace(/^\p{L}+(?:’s|'s|s’|s')\s+/u, ''),
          status: /former/i.test(t) ? 'former' : 'current',
          in: entityAt(where, end + 1) ?? (/^(?:\p{L}+)(?:’s|'s)\s/u.test(t) ? byNoun(t.split(/[’']/)[0]!, m.start) : undefined),
          evidence: [{ start: m.start, end }],
          how: 'appositive after the name',
          sure: 'medium',
        });
      }
    }
  }
  return roles;
}

/** "Naomi Clarke, of Northshire Police," gives the organisation of a title before the name. */
function ofAfter(text: string, end: number, orgs: DraftEntity[]): DraftEntity | undefined {
  const m = /^,\s+(?:of|at|from)\s+(?:the\s+)?/.exec(text.slice(end, end + 20));
  if (!m) return undefined;
  const at = end + m[0].length;
  return orgs.find((e) => e.mentions.some((x) => x.start === at));
}
