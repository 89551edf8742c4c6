/**
 * The drafter's word lists, each declared once. These are the hand-written part of drafting:
 * compromise and wink-nlp tag parts of speech, names, dates and numbers, but no package ships
 * which nouns are job titles, which verbs report speech or take a side, or which words end an
 * organisation's name. Every list is general English news usage, never one article's words;
 * tests/draft-lexicon.test.ts pins a few of each.
 */

/** Verbs that introduce what someone said (any inflection listed). */
export const speechVerbs = new Set(
  [
    'say says said saying',
    'tell tells told telling',
    'add adds added adding',
    'claim claims claimed claiming',
    'insist insists insisted insisting',
    'warn warns warned warning',
    'note notes noted noting',
    'explain explains explained explaining',
    'write writes wrote writing',
    'state states stated stating',
    'announce announces announced announcing',
    'argue argues argued arguing',
    'continue continues continued',
    'reply replies replied replying',
    'respond responds responded responding',
    'call calls called calling',
    'brand brands branded branding',
    'describe describes described describing',
    'condemn condemns condemned condemning',
    'hail hails hailed hailing',
    'praise praises praised praising',
    'criticise criticises criticised criticising criticize criticizes criticized',
    'admit admits admitted admitting',
    'suggest suggests suggested suggesting',
    'confirm confirms confirmed confirming',
    'deny denies denied denying',
    'accuse accuses accused accusing',
    'urge urges urged urging',
    'ask asks asked asking',
    'tweet tweets tweeted',
    'post posts posted',
  ]
    .join(' ')
    .split(' '),
);

/** Speech verbs after which the next clause is what was said ("said the plan…", "told X that…"). */
export const reportingVerbs = new Set(
  'say says said tell tells told claim claims claimed insist insisted warn warned note noted add added argue argued admit admitted suggest suggested confirm confirmed deny denied explain explained state stated announce announced'.split(
    ' ',
  ),
);

/**
 * Reporting verbs that also take a plain object ("admitted three charges", "denied the claims",
 * "announced a review"): without "that", what follows is speech only when a clause of its own
 * comes at once (a pronoun, or an auxiliary within a few words: "admitted it had failed").
 */
export const objectVerbs = new Set(
  'admit admitted confirm confirmed deny denied announce announced note noted state stated suggest suggested'.split(' '),
);

/** Stance the words state plainly; anything else is left to the curator. */
export const stanceVerbs: Record<string, 'SUPPORT' | 'OPPOSE'> = Object.fromEntries([
  ...'hail hails hailed praise praises praised endorse endorses endorsed welcome welcomes welcomed applaud applauds applauded back backs backed commend commends commended'
    .split(' ')
    .map((w) => [w, 'SUPPORT'] as const),
  ...'brand brands branded condemn condemns condemned criticise criticises criticised criticize criticized slam slams slammed attack attacks attacked denounce denounces denounced blast blasts blasted lambast lambasted'
    .split(' ')
    .map((w) => [w, 'OPPOSE'] as const),
]);
/** Two-word stance phrases. */
export const stancePhrases: [RegExp, 'SUPPORT' | 'OPPOSE'][] = [
  [/\bhit(?:s|ting)? out at\b/i, 'OPPOSE'],
  [/\blash(?:es|ed)? out at\b/i, 'OPPOSE'],
  [/\bspoke out against\b/i, 'OPPOSE'],
];

/** Honorifics: the name after them is a person. */
export const honorifics = new Set([
  'Mr',
  'Mrs',
  'Ms',
  'Miss',
  'Mx',
  'Dr',
  'Sir',
  'Dame',
  'Lord',
  'Lady',
  'Prof',
  'Professor',
  'Rev',
  'Mr.',
  'Mrs.',
  'Ms.',
  'Dr.',
  // American style: "Sen. Maria Delgado", "Gov. Ann Lee", "Lt. Col. Jo Ray".
  'Prof.',
  'Rev.',
  'Sen.',
  'Rep.',
  'Gov.',
  'Gen.',
  'Lt.',
  'Col.',
  'Sgt.',
  'Capt.',
  'Det.',
  'Supt.',
]);

/** Nouns that head a job title or office ("finance director", "Detective Inspector"). */
export const titleHeads = new Set(
  'attorney counsel lawmaker administrator leader chief director executive manager chairman chairwoman chair chairperson president vice-president secretary minister judge justice prosecutor barrister solicitor lawyer sergeant inspector constable superintendent commissioner officer detective captain coach mp mep councillor mayor governor senator spokesman spokeswoman spokesperson founder owner editor treasurer deputy head principal boss partner analyst economist whip ambassador trustee member general admiral professor dean doctor nurse midwife surgeon consultant striker midfielder defender goalkeeper player referee scientist researcher lecturer engineer astronomer physicist biologist chemist historian academic epidemiologist virologist statistician teacher headteacher architect pilot astronaut agent secretary-general director-general'.split(
    ' ',
  ),
);
/** Words that modify a title without being a name ("Assistant manager", "Detective Sergeant"). */
export const titleModifiers = new Set(
  'fund assistant deputy acting interim chief senior junior managing finance financial medical executive general regional national local shadow former club team trust party union company council group detective police district crown first prime home foreign health justice education interior defence press communications operations technical sporting commercial'.split(
    ' ',
  ),
);
/** A title word before a name that the name must not keep ("Judge Eleri Rhys" is Eleri Rhys). */
export const titleWordsBeforeNames = new Set([...titleHeads, ...titleModifiers]);

/**
 * Last words of an organisation's name, with the type they suggest, in the richer words of the
 * vocabulary (council, police, court, club …); types.ts falls back to what the format allows.
 */
export const orgSuffixes: Record<string, string> = {
  ltd: 'company',
  pharma: 'company',
  pharmaceuticals: 'company',
  labs: 'company',
  systems: 'company',
  technologies: 'company',
  airlines: 'company',
  lines: 'company',
  logistics: 'company',
  insurance: 'company',
  brewery: 'company',
  stores: 'company',
  limited: 'company',
  plc: 'company',
  inc: 'company',
  llc: 'company',
  group: 'company',
  holdings: 'company',
  foods: 'company',
  homes: 'company',
  sons: 'company',
  partners: 'company',
  capital: 'company',
  bank: 'company',
  airways: 'company',
  motors: 'company',
  industries: 'company',
  corporation: 'company',
  company: 'company',
  co: 'company',
  energy: 'company',
  media: 'company',
  council: 'council',
  government: 'government',
  ministry: 'ministry',
  department: 'ministry',
  authority: 'agency',
  agency: 'agency',
  office: 'agency',
  parliament: 'government',
  senate: 'government',
  assembly: 'government',
  executive: 'government',
  treasury: 'government',
  committee: 'committee',
  board: 'committee',
  panel: 'committee',
  commission: 'commission',
  inquiry: 'commission',
  tribunal: 'court',
  union: 'union',
  federation: 'union',
  congress: 'union',
  association: 'other',
  college: 'university',
  society: 'other',
  institute: 'other',
  foundation: 'charity',
  trust: 'other',
  charity: 'charity',
  club: 'club',
  university: 'university',
  school: 'school',
  academy: 'school',
  police: 'police',
  constabulary: 'police',
  service: 'agency',
  court: 'court',
  fc: 'club',
  rovers: 'club',
  united: 'club',
  city: 'club',
  town: 'club',
  athletic: 'club',
  wanderers: 'club',
  league: 'league',
  church: 'other',
  army: 'military',
  navy: 'military',
  force: 'military',
  network: 'other',
  alliance: 'international',
  coalition: 'charity',
  campaign: 'charity',
  movement: 'charity',
  party: 'party',
  times: 'outlet',
  post: 'outlet',
  gazette: 'outlet',
  standard: 'outlet',
  courier: 'outlet',
  herald: 'outlet',
  guardian: 'outlet',
  telegraph: 'outlet',
  echo: 'outlet',
  mirror: 'outlet',
  express: 'outlet',
  news: 'outlet',
  journal: 'outlet',
  chronicle: 'outlet',
  observer: 'outlet',
  independent: 'outlet',
  tribune: 'outlet',
  radio: 'outlet',
  tv: 'outlet',
  bbc: 'outlet',
  reuters: 'outlet',
  press: 'outlet',
};
/** Words before "of" that head an organisation's name ("Royal College of …", "Bank of …"). */
export const orgHeadsBeforeOf = new Set(
  'college bank university department ministry institute association society board chamber council court federation union league office church friends commission committee academy school museum federation'.split(
    ' ',
  ),
);
/** Last words of a place's name. */
export const placeSuffixes: Record<string, string> = {
  sea: 'region',
  ocean: 'region',
  strait: 'region',
  straits: 'region',
  road: 'venue',
  street: 'venue',
  lane: 'venue',
  avenue: 'venue',
  square: 'venue',
  house: 'venue',
  hospital: 'venue',
  library: 'venue',
  hall: 'venue',
  bridge: 'venue',
  park: 'venue',
  stadium: 'venue',
  ground: 'venue',
  airport: 'venue',
  station: 'venue',
  estate: 'venue',
  centre: 'venue',
  center: 'venue',
  gasworks: 'venue',
  prison: 'venue',
  river: 'other',
  island: 'other',
  valley: 'other',
  county: 'county',
  province: 'region',
  state: 'region',
  region: 'region',
  shire: 'county',
  north: 'constituency',
  south: 'constituency',
  east: 'constituency',
  west: 'constituency',
};
/** First words of a place's name ("Port Avel", "Mount Tor"). */
export const placePrefixes = new Set('port mount lake fort cape isle loch glen upper lower greater'.split(' '));
/** Posts only an organisation has: the possessor of "X’s chief executive" is no place. */
export const corporatePosts =
  /\b(?:executive|chairman|chairwoman|chair|chairperson|director|spokesman|spokeswoman|spokesperson|founder|co-founder|owner|boss|shareholder|trustee|treasurer)s?$/i;
/** Capitalised heads of place names with "of" ("the Port of Tyne", "the Isle of Wight"), with the place type. */
export const placeHeadsBeforeOf: Record<string, string> = {
  port: 'venue',
  city: 'city',
  county: 'county',
  province: 'county',
  state: 'region',
  region: 'region',
  district: 'district',
  borough: 'district',
  republic: 'country',
  kingdom: 'country',
  isle: 'other',
  island: 'other',
  bay: 'other',
  gulf: 'other',
};
/** The type an organisation noun gives, where it is not a company. */
export const orgNounTypes: Record<string, string> = {
  club: 'club',
  union: 'union',
  charity: 'charity',
  regulator: 'regulator',
  watchdog: 'regulator',
  party: 'party',
  council: 'council',
  broadcaster: 'outlet',
  newspaper: 'outlet',
  outlet: 'outlet',
  website: 'outlet',
  publisher: 'outlet',
};
/** Common nouns that name what an organisation is, just before its name ("the developer Holloway Homes"). */
export const orgNouns = new Set(
  'company firm group developer club union charity bank lender retailer supplier insurer regulator watchdog party council trust body owner owners operator airline broadcaster newspaper outlet website platform carmaker manufacturer maker carrier haulier shipper chain supermarket miner producer publisher consultancy contractor startup start-up brewer exporter importer giant conglomerate'.split(
    ' ',
  ),
);

/** Prepositions after which a lone name is a place ("in Norwich"). */
export const placePrepositions = new Set(['in', 'at', 'near', 'from', 'across', 'outside', 'around', 'across', 'to']);

/** Nouns that can head an anonymous source ("a person familiar with the talks"). */
export const sourceNouns = new Set(
  'source sources official officials person people insider insiders figure figures aide aides ally allies spokesperson friend friends colleague colleagues neighbour neighbours resident residents witness witnesses employee employees worker workers staff member members executive executives player players midwife nurse doctor officer officers daughter son relative relatives parent parents critic critics supporter supporters minister ministers diplomat diplomats investor investors banker bankers lawyer lawyers manager managers director directors councillor councillors teacher teachers'.split(
    ' ',
  ),
);
/** Phrases that make a described person anonymous. */
export const anonymityPhrases: RegExp[] = [
  /,?\s*who (?:declined|asked|did not want|didn’t want|didn't want|refused|wished|spoke on condition|requested)[^,.;:“”"]*?(?:named|identified|anonymity|anonymous)/i,
  /,?\s*speaking (?:on condition of anonymity|anonymously)/i,
  /\s+familiar with (?:the|his|her|their|its) [a-z-]+(?:['’]s [a-z-]+)?/i,
  /\s+(?:close to|inside|within|at|in) the (?:club|company|talks|negotiations|government|party|board|team|camp|department|investigation|firm|campaign|council|trust|hospital|school|union)\b/i,
  /\s+(?:close to|inside|within) [A-Z][\p{L}’'-]+(?: [A-Z][\p{L}’'-]+)*/u,
  /\s+with knowledge of (?:the|his|her|their|its) [a-z-]+/i,
  /\s+(?:involved in|briefed on|present at|privy to) (?:the|his|her|their|its) [a-z-]+/i,
  /\s+from (?:both|all|the two) (?:sides|countries|parties|governments|camps|delegations)\b/i,
];

/** Verbs whose object is a vote count ("voted 9-3", "approved 7-4"); a score after "lost" or "won" is not a vote. */
export const voteVerbs =
  /\b(?:vot(?:e|ed|es|ing)|back(?:ed|s)?|approv(?:e|ed|es)|pass(?:ed|es)?|carri(?:ed|es)|adopt(?:ed|s)?|reject(?:ed|s)?|defeat(?:ed|s)?|endorsed|ballot|ruled|decided|split|sided)\b/i;
export const rejectWords = /\b(?:reject(?:ed|s)?|defeat(?:ed|s)?|voted down|threw out|thrown out|turned down|vetoed|blocked)\b/i;
export const scoreWords =
  /\b(?:lost|lose|loses|losing|won|win|wins|winning|beat|beaten|drew|draw|led|trailed|thrashed|score|scored|goals?|points?)\b/i;
/** Nouns for what a body votes on. */
export const motionNouns =
  /\b(?:motion|proposal|proposals|plan|plans|bid|application|offer|scheme|resolution|amendment|bill|measure|deal|proposition|package|budget)\b/i;
export const proposerPhrases = /\b(?:proposed|put forward|tabled|brought|moved|submitted|sponsored|backed|drawn up|lodged) by\s+/i;

/** Capitalised words that are not names on their own. */
export const notNames = new Set(
  'I The A An This That These Those It Its He She They We You Our Their His Her My But And Or So If When While After Before As At In On Of For By With From To Not No Yes However Also Meanwhile Earlier Later Today Yesterday Tomorrow Mr Mrs Ms Dr Sir Source Sources One Two Three Every Nobody Anyone Everyone Someone Nothing Why What Who How Where Officers Police Councillors Shareholders Campaigners Residents Supporters Critics Defending Prosecuting'.split(
    ' ',
  ),
);
