/**
 * The words of search: how text is split into words (the same for the vocabulary built from the
 * index and for a reader's query), the common words a question leaves out, whether a word is in
 * the site's vocabulary, the nearest words to a misspelling, and the alternative wordings the
 * glossary and the reviewed synonyms give. Pure functions; the search page and
 * build/steps/vocabulary.ts use them.
 */
import { distance } from 'fastest-levenshtein';
import { hasCertainMeaning } from './abbreviations.ts';
import type { GlossaryEntry, SynonymEntry } from './contentSchemas.ts';

/** Lower-case words of letters and digits ("Go4Ward" is one word, "children's" two, as Pagefind splits it). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Words that say nothing about what is sought: the function words of English, question words,
 * and the fillers of a question typed on a phone ("im", "dont", "please"). Not a word the
 * strategy uses for a subject (help, need, care, home, support, live, money), and never a number.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    // Function words and question words.
    'a about above after again against all am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further get gets getting got had has have having he her here hers herself him himself his how i if in into is it its itself just me more most much many my myself no nor not now of off on once only or other ought our ours ourselves out over own same shall she should so some such still than that the their theirs them themselves then there these they this those through till to too under until up us very was we were what when where which while who whom whose why will with would you your yours yourself yourselves since although whether unless upon within without across around among along via per etc ago yet already',
    // Fillers of a typed question, apostrophes lost ("I'm" is "i m", "im" on a phone).
    'also anyone anything anybody ask asking d dont happen happens happened happening doesnt didnt cant couldnt wont wouldnt shouldnt isnt arent wasnt im ive id ill ll m re s t ve know let like lot lots maybe may might must please really say someone something tell thing things u ur want wants wanted wanting way well yeah yes go goes going gone went',
    // More of a typed question's words that say nothing of what is sought (phone spellings are read as their words: PHONE_SPELLINGS).
    'whats whos wheres hows whens thats theres its even ever anymore sure though tho think thinking actually basically literally probably',
    // The other contractions of a pronoun, apostrophe lost on a phone ("theyre" would be corrected into "theme").
    'theyre theyve theyll theyd youre youve youll youd weve wed shes hes itll',
    // More fillers: the rest of the "n't" forms (read as one word: queryWords), and the vague words of a chatty question ("who sorts my doctor", "doctors and stuff", "nobody explained nothing", "achievements listed in the old strategy").
    'havent hasnt hadnt werent aint mustnt neednt shant plus sort sorts sorted sorting stuff nobody nothing listed',
    // "v" of "2008 v 2017": searched alone, one letter would match every word it begins.
    'v',
    // A part of the document named as a place ("the stay safe section of the 2008 plan"): the strategies never say it; the
    // few pages about the site that do would outrank the part asked for.
    'section sections',
    // Asking permission ("am i allowed to go to my own review", "will they allow me"): the strategies say it only of support
    // ("allows them to achieve"); the pages about the site that say "allowed" would come before the subject asked about.
    'allowed allow',
    // The place every page is about: "care leavers in Halton" asks what "care leavers" does.
    'halton haltons',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Common words as they are typed in a hurry on a phone, read as the words they are: searched
 * as typed, "wen" would find nothing (no word of the site begins so) and sink the whole query.
 */
export const PHONE_SPELLINGS: ReadonlyMap<string, string> = new Map(
  Object.entries({ wat: 'what', wot: 'what', wht: 'what', wats: 'what', hw: 'how', wen: 'when', wer: 'where', wud: 'would', cud: 'could', shud: 'should', pls: 'please', plz: 'please', cos: 'because', coz: 'because', cuz: 'because', bc: 'because', r: 'are', n: 'and', y: 'why', ya: 'you', yh: 'yes', gonna: 'going', offen: 'often', ofen: 'often', oftn: 'often', wanna: 'want', gotta: 'got', dunno: 'know', b4: 'before', no1: 'nobody', bout: 'about', thinkin: 'thinking', nothin: 'nothing', somethin: 'something', sumthin: 'something', gettin: 'getting', doin: 'doing', goin: 'going', lookin: 'looking', livin: 'living', movin: 'moving', leavin: 'leaving', workin: 'working', stayin: 'staying', tryin: 'trying', any1: 'anyone', some1: 'someone', every1: 'everyone', sum1: 'someone', yr: 'year', yrs: 'years' }),
);

/** A greeting, thanks or shrug before or after a question: left out of the search altogether. */
export const GREETINGS: ReadonlySet<string> = new Set('hi hiya hey hello ok okay thanks thankyou thx ta cheers idk lol'.split(' '));

/**
 * Words that only make another stronger ("feeling really down"): left out of the query, so that
 * the wording they interrupt ("feeling down") is still found. Never a word that can carry a
 * subject ("well" of "how well", "too" of "me too").
 */
export const INTENSIFIERS: ReadonlySet<string> = new Set('really very so just actually literally basically totally completely quite'.split(' '));

/** Forms of a typed query read before it is split into words, each with why. */
const TYPED_FORMS: readonly (readonly [RegExp, string])[] = [
  // "aren't" is one word, "arent" (a common one): split at the apostrophe, "aren" would be corrected into "area".
  [/(\p{L})n['’‘`]t\b/gu, '$1nt'],
  // "can i have 1" is "can i have one" (one of what was named), not the number 1 that every result would need.
  [/\b(have|get|got|want|need) 1\b(?![.,:/-]?\d)/giu, '$1 it'],
  // "16+" is "16 plus": the plus, lost when the query is split, says the number is an age (`ages`).
  [/\b(\d{1,2})\s*\+/gu, '$1 plus '],
  // "over 16s", "all 16s": an age group is written as its age ("young people over 16"); "16s" would be no word of the site.
  // Not "under 5s": people type it as a phrase, a reviewed wording for the early years.
  [/(?<=\b(?:over|the|for|of|and|aged|all) )(\d{1,2})s\b/giu, '$1'],
  // Text-speak: "4" between words is "for" ("sent out of class 4 my behaviour", "asked 4 help"), "2" after a verb is "to" ("want 2 see my mum").
  [/(?<=\p{L} )4(?= (?:my|me|u|you|ur|your|the|a|an|it|them|us|him|her|help|advice|money|school|college|work|care|ages)\b)/giu, 'for'],
  [/\b(want|wanna|go|going|talk|speak|need|have|got|able|allowed|used|like|get|come|move|moving|went|trying|tryin) 2(?= \p{L})/giu, '$1 to'],
  // "2" is "too" after a pronoun at the end ("me 2"), or after a pronoun or a plural before "or" ("is it for care leavers 2 or just kids in care"); not "pledge 2", "key stage 2", "aims 2", "2 or 3".
  [/(?<=\b(?:me|u|you|us|them|we|they) )2(?=\s*[?!.]*\s*$)|(?<=\b(?:me|u|you|us|them|we|they|\p{L}+s) )2(?=\s+or\b(?!\s+\d))/giu, 'too'],
];

/**
 * An action's id as people type it without its hyphen ("ew a9", "p3a3", "EW_A9"), written as the
 * plans write it ("ew-a9"): the id's letters, then "a" and its number.
 */
export function withActionIdHyphens(query: string): string {
  return query.replace(/\b(p\d{1,2}|sm|bh|ss|ea|pc|ew)[\s_.]*a(\d{1,3})\b/giu, '$1-a$2');
}

/** An action's id as the plans write it: a Pledge's or a theme's letters ("P4", "EA"), "-a" and its number. */
export const ACTION_ID_PATTERN = '[a-z]{1,3}\\d{0,2}-a\\d{1,3}';
const ACTION_ID = new RegExp(`\\b${ACTION_ID_PATTERN}\\b`, 'giu');

/** The action ids a query names, lower case, each once ("what does SM-A6 say" → ["sm-a6"]). */
export function actionIdsIn(query: string): string[] {
  return [...new Set([...query.matchAll(ACTION_ID)].map((m) => m[0].toLowerCase()))];
}

/** The words that name the document itself ("the strategy", "strategies"). */
export const STRATEGY_WORDS: ReadonlySet<string> = new Set(['strategy', 'strategies']);

/** The words of a query as searched: phone spellings read as their words, greetings and intensifiers left out. */
export function queryWords(query: string): string[] {
  return words(TYPED_FORMS.reduce((text, [form, reading]) => text.replace(form, reading), query))
    .filter((w) => !GREETINGS.has(w) && !INTENSIFIERS.has(w))
    .map((w) => PHONE_SPELLINGS.get(w) ?? w);
}

/**
 * Whether a query asks about the strategy itself ("why was this strategy written", "how was the
 * action plan put together"): it names the document, or holds a wording of a reviewed group that
 * asks about it ("is this document for professionals", "how will they know if it's working").
 * Its chapters answer such a question.
 */
export function aboutTheStrategy(query: readonly string[], dictionary: Dictionary = []): boolean {
  // "The last strategy" names another edition (a group of its own), not this one's chapters.
  const elsewhere = new Set<number>();
  for (const group of dictionary)
    for (const wording of group)
      if (wording.from && !wording.aboutTheStrategy && wording.words.length > 1)
        for (let start = holds(query, wording.words); start >= 0; start = holds(query, wording.words, start + 1)) for (let i = start; i < start + wording.words.length; i++) elsewhere.add(i);
  if (query.some((w, i) => !elsewhere.has(i) && (STRATEGY_WORDS.has(w) || (w === 'action' && query[i + 1] === 'plan')))) return true;
  return asksOfTheStrategy(query, dictionary);
}

/** Whether a query holds a wording of a reviewed group that asks about the strategy itself ("is this document for professionals"). */
export function asksOfTheStrategy(query: readonly string[], dictionary: Dictionary = []): boolean {
  return dictionary.some((group) => group.some((wording) => wording.aboutTheStrategy && wording.from && holds(query, wording.words) >= 0));
}

/**
 * The edition a query names ("priorities of the old strategy": "2008-11"), by a reviewed wording
 * that names one; null when it names none. Its pages answer the query first: a reader who names
 * the previous edition wants its priorities, not the current one's.
 */
export function namedEdition(query: readonly string[], dictionary: Dictionary = []): { edition: string; rest: string[] } | null {
  const found = heldFlagged(query, dictionary, (w) => w.edition !== undefined);
  // The words that say what is sought in that edition ("priorities" of "priorities of the old strategy").
  return found ? { edition: found.wording.edition!, rest: found.rest } : null;
}

/**
 * The longest wording people type, of those `flagged`, that the query holds (the first group's,
 * where two are as long), and the query's words outside it; null when it holds none.
 */
function heldFlagged(query: readonly string[], dictionary: Dictionary, flagged: (wording: Wording) => boolean): { wording: Wording; rest: string[] } | null {
  for (const group of dictionary)
    for (const wording of [...group].sort((a, b) => b.words.length - a.words.length)) {
      const start = wording.from && flagged(wording) ? holds(query, wording.words) : -1;
      if (start >= 0) return { wording, rest: [...query.slice(0, start), ...query.slice(start + wording.words.length)] };
    }
  return null;
}

/**
 * Words that say which edition, or both, a query asks of, or that it compares them, not what it
 * asks about: left out of the subject of a query that asks of both ("choosing when to leave care,
 * old vs new plan": "choosing when to leave care").
 */
export const EDITION_TALK: ReadonlySet<string> = new Set('both editions edition old new now then current previous last earlier plan plans strategy strategies versus vs v compare compared comparing comparison between change changed changes differ different difference differences same two main key major biggest'.split(' '));

/** The years an edition's folder names ("2008-11": 2008 and 2011). */
export function editionYears(edition: string): string[] {
  const m = /^(\d{2})(\d{2})-(\d{2})$/.exec(edition);
  return m ? [`${m[1]}${m[2]}`, `${m[1]}${m[3]}`] : [];
}

/**
 * Whether a query asks of both editions: it asks how they differ ("what changed"), or names two
 * of `editions`, by their years ("money for care leavers 2008 vs 2017") or by a wording that
 * names one beside the other's year ("the old plan and 2017").
 */
export function asksOfBothEditions(query: readonly string[], dictionary: Dictionary, editions: readonly string[]): boolean {
  if (comparesEditions(query, dictionary)) return true;
  const named = new Set(editions.filter((e) => editionYears(e).some((y) => query.includes(y))));
  const byWording = namedEdition(query, dictionary)?.edition;
  if (byWording) named.add(byWording);
  return named.size >= 2;
}

/**
 * The words of a query that asks who leads something ("who runs fostering in halton"), outside
 * the wording that asks it ("fostering in halton"), by a reviewed wording that asks it; null
 * when the query asks no such thing.
 */
export function asksWhoLeads(query: readonly string[], dictionary: Dictionary = []): string[] | null {
  return heldFlagged(query, dictionary, (w) => w.asksWhoLeads === true)?.rest ?? null;
}

/** Whether a query asks how the editions differ: it holds a wording (anyone's) of a group that asks it. */
export function comparesEditions(query: readonly string[], dictionary: Dictionary = []): boolean {
  return dictionary.some((group) => group.some((w) => w.comparesEditions && holds(query, w.words) >= 0));
}

/**
 * Words of the leads' names that name no one lead: what kind of lead ("Principal Manager,
 * Fostering"; "Participation and Inclusion Officer"), or whom every lead serves ("Children in
 * Care Health Team", "CiC Nurse"). A query naming only these names no lead ("my role as a councillor for
 * children in care").
 */
export const ROLE_WORDS: ReadonlySet<string> = new Set(['manager', 'managers', 'officer', 'officers', 'head', 'team', 'service', 'services', 'principal', 'divisional', 'provider', 'lead', 'leads', 'leader', 'senior', 'children', 'child', 'childrens', 'care', 'young', 'people', 'looked', 'after', 'leaver', 'leavers', 'cic', 'ciccl', 'cicc', 'lac', 'cla', 'cl']);

/** Words of a question about the action plan's leads in general ("names of the officers responsible for each action"). */
export const PLAN_WORDS: ReadonlySet<string> = new Set(['action', 'actions', 'plan', 'plans', 'name', 'names', 'list', 'strategy', 'one', 'single', 'fewest', 'least', 'number', 'count']);

/**
 * Whether the words of a question that asks who leads (outside the wording that asks it) name
 * no lead nor subject, only role words and the plan's ("which officer", "each action"): it asks
 * who leads what, in general.
 */
export function asksOfLeadsInGeneral(rest: readonly string[]): boolean {
  return rest.every((w) => STOP_WORDS.has(w) || ROLE_WORDS.has(w) || PLAN_WORDS.has(w) || isNumber(w));
}

/**
 * How many of the words that carry meaning in a lead's name (ROLE_WORDS aside) a query's words
 * name ("fostering" of "Principal Manager, Fostering": 1); a name of role words alone counts 1
 * when the query names it whole.
 */
export function leadNamed(name: string, query: readonly string[]): number {
  const all = words(name).filter((w) => !STOP_WORDS.has(w));
  const named = all.filter((w) => !ROLE_WORDS.has(w));
  const inQuery = (w: string) => query.some((q) => related(q, w));
  // A name of role words alone ("Principal Manager, Young People's Team") is named only by a query that holds every one of them.
  if (named.length === 0) return all.length > 0 && all.every(inQuery) ? 1 : 0;
  return named.filter(inQuery).length;
}

/**
 * The groups of the dictionary whose wordings people type the query holds, one to a group: a
 * query holding two ("feeling down" and "who can i talk to") asks two things.
 */
export function heldGroups(query: readonly string[], dictionary: Dictionary): Wording[][] {
  return dictionary.filter((group) => group.some((w) => w.from && holds(query, w.words) >= 0));
}

/**
 * The parts of a query to search one at a time when its words never meet: each reviewed phrase
 * of the dictionary it holds, of two or more words ("run away", "kicked out of school", "who can
 * i talk to", "how many"), kept whole, as it means what its words alone do not, and each other
 * word that carries meaning (common words and numbers left out).
 */
export function queryParts(query: readonly string[], dictionary: Dictionary): string[][] {
  const taken = query.map(() => false);
  const parts: { start: number; words: string[] }[] = [];
  const phrases = dictionary.flatMap((group) => group.filter((w) => w.from && w.words.length > 1).map((w) => w.words));
  // Longer phrases first: "kicked out of school" before "kicked out".
  for (const phrase of [...phrases].sort((a, b) => b.length - a.length)) {
    for (let start = holds(query, phrase); start >= 0; start = holds(query, phrase, start + 1)) {
      const span = query.slice(start, start + phrase.length);
      // A phrase of one word that carries meaning among common ones ("who can i talk to", "feeling down"), or of none ("how
      // many"), is kept whole too: its other wordings ("advocacy", "emotional health", "local profile") say what it asks;
      // its one word alone ("talk") finds talk of anything, and its common words alone nothing.
      if (taken.slice(start, start + phrase.length).some(Boolean)) continue;
      for (let i = start; i < start + phrase.length; i++) taken[i] = true;
      parts.push({ start, words: span });
    }
  }
  query.forEach((w, i) => {
    if (!taken[i] && !STOP_WORDS.has(w) && !isNumber(w)) parts.push({ start: i, words: [w] });
  });
  const seen = new Set<string>();
  return parts.sort((a, b) => a.start - b.start).map((p) => p.words).filter((p) => !seen.has(p.join(' ')) && seen.add(p.join(' ')));
}

/**
 * The words of a query that a reviewed wording of the dictionary holds ("county" and "lines" of
 * "county lines"): they lead to the group's other wordings, so none of them is a misspelling to
 * correct or a word to leave out.
 */
export function coveredWords(query: readonly string[], dictionary: Dictionary): Set<string> {
  const covered = new Set<string>();
  for (const group of dictionary)
    for (const { words: wording, from } of group) {
      if (!from) continue;
      for (let start = holds(query, wording); start >= 0; start = holds(query, wording, start + 1)) for (const w of query.slice(start, start + wording.length)) covered.add(w);
    }
  return covered;
}

/** Where a query holds a wording (each word the same but for a plural "s"), or -1. */
function holds(query: readonly string[], wording: readonly string[], from = 0): number {
  for (let start = from; start + wording.length <= query.length; start++) if (wording.every((w, i) => sameWord(w, query[start + i] ?? ''))) return start;
  return -1;
}

/** The months, as typed in full or short ("march", "mar"), before a year in a date. */
export const MONTHS: ReadonlySet<string> = new Set('january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));

/**
 * The query with each month that comes before a year left out ("actions due in march 2018" is
 * "actions due in 2018"), or null when it names no such date: the plan's timescales are pages
 * by year ("Actions due in 2018"), and a month holds too few of the words to find them.
 */
export function withoutMonths(query: readonly string[]): string[] | null {
  const kept = query.filter((w, i) => !(MONTHS.has(w) && isNumber(query[i + 1] ?? '') && (query[i + 1] ?? '').length === 4));
  return kept.length < query.length ? kept : null;
}

/** Whether a word is a number (a year, an age, a count): always kept in a search. */
export const isNumber = (word: string) => /^\d+$/.test(word);

/** Words before a number that make it someone's age ("im 17", "aged 16", "when i turn 18"). */
const AGE_BEFORE: ReadonlySet<string> = new Set('im am aged age turning turn turned turns is year yr years yrs'.split(' '));
/** Words after a number that make it someone's age ("17 year old", "16 plus", "15yo"). */
const AGE_AFTER: ReadonlySet<string> = new Set('plus yo year years yr yrs'.split(' '));
/** Older than this, a number is not a young person's age the strategy speaks of (it serves them up to 25). */
const OLDEST_AGE = 25;

/**
 * The numbers of a query that are someone's age ("do i still get a pa when im 21"). Other
 * numbers (a year, an action's number) stay required, but the strategy states ages as ranges
 * ("aged 16-21", "years 7 – 11", "up to 25 yrs", "over 16"): a page on support to 21 seldom
 * holds "21" beside the words asked, and requiring the age would find only scattered pages.
 * An age is searched with the other words first, then left out like a common word.
 */
export function ages(query: readonly string[]): ReadonlySet<string> {
  const couldBeAge = (i: number) => isNumber(query[i] ?? '') && (query[i] ?? '').length <= 2 && Number(query[i]) <= OLDEST_AGE;
  const at = new Set(query.flatMap((_, i) => (couldBeAge(i) && (AGE_BEFORE.has(query[i - 1] ?? '') || AGE_AFTER.has(query[i + 1] ?? '')) ? [i] : [])));
  // A number joined to an age is one too ("16 and 17 year olds", "16 or 17").
  for (let i = query.length - 1; i >= 0; i--) if (couldBeAge(i) && AGES_JOINED.has(query[i + 1] ?? '') && at.has(i + 2)) at.add(i);
  const found = new Set([...at].map((i) => query[i]!));
  // "Year olds", "years old" after an age say no more than the age: left out with it, or "year" would find the timeline's years.
  for (const i of at)
    if (AGE_UNITS.has(query[i + 1] ?? '') && AGE_OLD.has(query[i + 2] ?? '')) {
      found.add(query[i + 1]!);
      found.add(query[i + 2]!);
    }
  return found;
}

/** Words joining two ages ("16 and 17", "16 or 17"). */
const AGES_JOINED: ReadonlySet<string> = new Set(['and', 'or', 'n']);
/** The unit after an age ("17 year old"). */
const AGE_UNITS: ReadonlySet<string> = new Set(['year', 'years', 'yr', 'yrs']);
/** And what follows it ("17 year olds"). */
const AGE_OLD: ReadonlySet<string> = new Set(['old', 'olds']);

/** Endings that make one English word from another ("apprentice" → "apprenticeships", "report" → "reported"). */
const SUFFIXES = ['ships', 'ship', 'ments', 'ment', 'ness', 'ings', 'ing', 'ions', 'ion', 'ers', 'er', 'ies', 'ied', 'ed', 'es', 'al', 'ly', 's'];

/**
 * A crude stem, enough to tell whether two words are forms of one ("reported" and "reports",
 * "friends" and "friendships", "live" and "living", "families" and "family"), not to tell "care"
 * from "career": up to two endings off ("-ies" becomes "y"), then a final "e", leaving at least
 * three letters.
 */
export function stem(word: string): string {
  // An adverb of an adjective in "-al" ("regionally", "emotionally") is that adjective: its "-ly" does not use up one of the two endings.
  let w = word.endsWith('ally') && word.length - 2 >= 5 ? word.slice(0, -2) : word;
  for (let round = 0; round < 2; round++) {
    const suffix = SUFFIXES.find((s) => w.endsWith(s) && w.length - s.length >= 3);
    if (!suffix) break;
    w = w.slice(0, -suffix.length) + (suffix === 'ies' || suffix === 'ied' ? 'y' : '');
  }
  return w.length > 3 && w.endsWith('e') ? w.slice(0, -1) : w;
}

/** Whether two words are forms of one word (the same, or the same stem). */
export function related(a: string, b: string): boolean {
  return a === b || (!isNumber(a) && !isNumber(b) && stem(a) === stem(b));
}

/** The site's words with how often each occurs in the index (build/steps/vocabulary.ts). */
export interface VocabularyFile {
  /** Indexed pages. */
  pages: number;
  /** Every word, sorted, separated by single spaces. */
  words: string;
  /** How often each word occurs, in the same order. */
  counts: number[];
  /**
   * Whether `search/words/<letter>.json` were written: the real English words near a site word,
   * by first letter (realWordsNear). False without a word list: no word can then be told real.
   */
  realWords?: boolean;
}

type Near = { word: string; distance: number; count: number };

export class Vocabulary {
  readonly counts: ReadonlyMap<string, number>;
  readonly list: readonly string[];
  readonly pages: number;
  readonly realWords: boolean;
  private readonly stems: ReadonlySet<string>;
  /** Words by first letter, for the near words that keep it. */
  private readonly byFirst = new Map<string, string[]>();
  /** Words by all but their first letter, for the near words that change it. */
  private readonly byRest = new Map<string, string[]>();
  constructor(file: VocabularyFile) {
    this.list = file.words.split(' ').filter(Boolean);
    this.counts = new Map(this.list.map((w, i) => [w, file.counts[i] ?? 0]));
    this.pages = file.pages;
    this.realWords = file.realWords ?? false;
    this.stems = new Set(this.list.map(stem));
    for (const w of this.list) {
      if (isNumber(w)) continue;
      const first = this.byFirst.get(w[0] ?? '') ?? [];
      first.push(w);
      this.byFirst.set(w[0] ?? '', first);
      const rest = this.byRest.get(w.slice(1)) ?? [];
      rest.push(w);
      this.byRest.set(w.slice(1), rest);
    }
  }
  count(word: string): number {
    return this.counts.get(word) ?? 0;
  }
  /**
   * Whether the index holds `word` or a form of it ("apprentice" of "apprenticeships",
   * "mentoring" of "mentor"). A word that only begins a site word is not held: "uni" is not in
   * "universal", though Pagefind, which matches beginnings, would find it there.
   */
  knows(word: string): boolean {
    return this.counts.has(word) || (!isNumber(word) && this.stems.has(stem(word)));
  }
  /**
   * The nearest words by edit distance, nearest and then commonest first; [] for numbers and very
   * short words. A misspelling rarely changes the first letter: a word that does is at most one
   * edit away, and counts as half a step further.
   */
  nearest(word: string, limit = 3): Near[] {
    if (word.length < 3 || isNumber(word)) return [];
    const most = maxDistance(word);
    const found = new Map<string, Near>();
    const consider = (candidate: string, allowed: number) => {
      if (found.has(candidate) || Math.abs(candidate.length - word.length) > allowed) return;
      const d = distance(word, candidate);
      if (d > 0 && d <= allowed) found.set(candidate, { word: candidate, distance: d, count: this.count(candidate) });
    };
    for (const candidate of this.byFirst.get(word[0] ?? '') ?? []) consider(candidate, most);
    // One edit that changes the first letter: replaced, dropped or added in front.
    for (const candidate of [...(this.byRest.get(word.slice(1)) ?? []), ...(this.counts.has(word.slice(1)) ? [word.slice(1)] : []), ...(this.byRest.get(word) ?? [])])
      if (candidate[0] !== word[0] && !isNumber(candidate)) consider(candidate, 1);
    const cost = (c: Near) => c.distance + (c.word[0] === word[0] ? 0 : 0.5);
    return [...found.values()].sort((a, b) => cost(a) - cost(b) || b.count - a.count || a.word.localeCompare(b.word)).slice(0, limit);
  }
}

/**
 * The real English words (from a word list) that a search could take for misspellings of the
 * site's words: those the site does not hold but that are near one of its words. Written at build
 * time by first letter, so the page fetches a few kilobytes, never the word list, to know that
 * "bullying" is a word and not a slip for "building".
 */
export function realWordsNear(vocabulary: Vocabulary, english: Iterable<string>): Map<string, string[]> {
  const byLetter = new Map<string, string[]>();
  for (const raw of english) {
    const word = raw.toLowerCase();
    if (!/^[a-z]+$/.test(word) || vocabulary.knows(word) || vocabulary.nearest(word, 1).length === 0) continue;
    const list = byLetter.get(word[0]!) ?? [];
    list.push(word);
    byLetter.set(word[0]!, list);
  }
  for (const [letter, list] of byLetter) byLetter.set(letter, [...new Set(list)].sort());
  return byLetter;
}

/** The file of real words for a word's first letter, or null when no file can hold it. */
export function realWordsFile(word: string): string | null {
  return /^[a-z]/.test(word) ? `${word[0]}.json` : null;
}

/** How many edits a word of this length may be from the word meant. */
export function maxDistance(word: string): number {
  return word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
}

/** How many times as common as the next equally near word the nearest must be to be the correction. */
export const CLEARLY_COMMONER = 3;

/**
 * The one correction to show results for, or null when none is clearly best: the nearest word
 * when no other is as near, or when it is at least three times as common as the next as near.
 */
export function clearCorrection(candidates: readonly { word: string; distance: number; count: number }[], firstLetter: string): string | null {
  const [best, next] = candidates;
  if (!best) return null;
  if (!next) return best.word;
  const cost = (c: { word: string; distance: number }) => c.distance + (c.word[0] === firstLetter ? 0 : 0.5);
  if (cost(best) < cost(next)) return best.word;
  return best.count >= CLEARLY_COMMONER * next.count ? best.word : null;
}

/** A glossary entry as the search needs it (the schema's fields); only certain meanings are used. */
export type GlossaryTerms = Pick<GlossaryEntry, 'abbreviation' | 'variants' | 'expansion' | 'basis'>;

/** A wording of a group: its words, whether a query may hold it, and whether it is searched for. */
export interface Wording {
  words: string[];
  /** A query holding it also searches for the group's other wordings. */
  from: boolean;
  /** Searched for when a query holds another wording of the group: false for a wording the site never uses. */
  search: boolean;
  /** Whether the site's text holds it (a query holding a wording it does not is searched only as the group's other wordings). */
  used: boolean;
  /** A wording of a group that asks about the strategy itself (its chapters answer a query holding it). */
  aboutTheStrategy?: true;
  /** A wording that names an edition (its folder, "2008-11"): a query holding it is answered by that edition's pages first. */
  edition?: string;
  /** A wording that asks who leads something ("who runs"): the pages of the leads the query names come first. */
  asksWhoLeads?: true;
  /** A wording that asks for someone to turn to ("who can i talk to"): in a query naming a subject too, the subject weighs more. */
  asksForSomeone?: true;
  /** A wording that asks how the editions differ ("what has changed", "compare"): no one edition's pages first. */
  comparesEditions?: true;
}
/** Groups of wordings that mean the same or nearly. */
export type Dictionary = Wording[][];

/**
 * The glossary's certain abbreviations with their expansions (both ways), and the reviewed
 * synonyms (from what people type to the strategy's words), as groups of wordings. `used` tells
 * whether the site's text holds a word: a wording it does not hold ("therapy", "IRO") still
 * leads to the others but is never searched for, as Pagefind would answer it with pages
 * matching some shorter beginning of it; `usedPhrase` whether it holds a phrase people type,
 * its words in that order (a query holding one it does not is searched only as its other wordings).
 */
export function buildDictionary(
  glossary: readonly GlossaryTerms[],
  synonyms: readonly Pick<SynonymEntry, 'people' | 'strategy' | 'aboutTheStrategy' | 'asksWhoLeads' | 'asksForSomeone' | 'comparesEditions' | 'edition'>[],
  used: (word: string) => boolean = () => true,
  usedPhrase: (words: readonly string[]) => boolean = (ws) => ws.every(used),
): Dictionary {
  const wordings = (terms: readonly string[], from: boolean, search: boolean): Wording[] =>
    terms.map(words).filter((w) => w.length > 0).map((w) => ({ words: w, from, search: search && w.every(used), used: w.every(used) }));
  // What people type, as a phrase: the site uses it only where its text holds the words in that
  // order ("run away" is no wording of the site for holding "run" and "away" apart).
  const typed = (terms: readonly string[]): Wording[] => wordings(terms, true, false).map((w) => ({ ...w, used: w.words.length > 1 ? w.used && usedPhrase(w.words) : w.used }));
  const unique = (group: Wording[]) => [...new Map(group.map((w) => [w.words.join(' '), w])).values()];
  return [
    ...glossary.filter(hasCertainMeaning).map((g) => unique(wordings([g.abbreviation, ...g.variants, g.expansion], true, true))),
    ...synonyms.map((s) => {
      const compares = s.comparesEditions ? { comparesEditions: true as const } : {};
      return unique([
        ...typed(s.people).map((w) => ({ ...w, ...(s.aboutTheStrategy ? { aboutTheStrategy: true as const } : {}), ...(s.asksWhoLeads ? { asksWhoLeads: true as const } : {}), ...(s.asksForSomeone ? { asksForSomeone: true as const } : {}), ...compares, ...(s.edition ? { edition: s.edition } : {}) })),
        ...wordings(s.strategy, false, true).map((w) => ({ ...w, ...compares })),
      ]);
    }),
  ];
}

/**
 * The dictionary with `used` as the built index tells it. The content's words (which the search
 * page is built from) are not all the site's text: the site's own pages say "screen reader" (the
 * accessibility statement), "side by side" (the comparison) and "glossary". A wording the
 * content lacks but the index holds, its words in that order, is used: searched as typed, it
 * finds those pages, and one of the strategy's side is searched for. Only ever from unused to
 * used: what the content holds, the index holds too, in the forms the content's check allows ("officers" of "officer").
 */
export function usedInIndex(dictionary: Dictionary, indexHolds: (words: readonly string[]) => boolean): Dictionary {
  // A wording of the strategy's side is there to be searched; it was held back only for a word
  // the content lacks ("tested with disabled users" is the accessibility statement's, not the content's).
  return dictionary.map((group) => group.map((w) => (w.used || !indexHolds(w.words) ? w : { ...w, used: true, ...(w.from ? {} : { search: true }) })));
}

/** The flags a reviewed group gives its wordings, and the letter each is packed as. */
const GROUP_FLAGS = [
  ['aboutTheStrategy', 'a'],
  ['asksWhoLeads', 'l'],
  ['asksForSomeone', 'h'],
  ['comparesEditions', 'c'],
] as const satisfies readonly (readonly [keyof Wording, string])[];

/**
 * The dictionary as the search page carries it (an attribute of its HTML, so every quotation
 * mark costs six characters): each wording its words joined by spaces and its flags as letters,
 * "f" from, "s" search, "u" used, "a" about the strategy, "l" asks who leads, "h" asks for someone to turn to, "c" compares the editions, then "e" and the edition it names
 * ("run away|fu", "old strategy|fe2008-11").
 */
export function packDictionary(dictionary: Dictionary): string[][] {
  return dictionary.map((group) =>
    group.map((w) => `${w.words.join(' ')}|${w.from ? 'f' : ''}${w.search ? 's' : ''}${w.used ? 'u' : ''}${GROUP_FLAGS.map(([flag, letter]) => (w[flag] ? letter : '')).join('')}${w.edition ? `e${w.edition}` : ''}`),
  );
}

/** The dictionary from what packDictionary wrote. */
export function unpackDictionary(packed: readonly (readonly string[])[]): Dictionary {
  return packed.map((group) =>
    group.map((entry) => {
      const [text = '', packedFlags = ''] = entry.split('|');
      const [flags = '', edition] = packedFlags.split('e');
      return {
        words: text.split(' '),
        from: flags.includes('f'),
        search: flags.includes('s'),
        used: flags.includes('u'),
        ...Object.fromEntries(GROUP_FLAGS.filter(([, letter]) => flags.includes(letter)).map(([flag]) => [flag, true])),
        ...(edition ? { edition } : {}),
      };
    }),
  );
}

/** Two words the same but for a plural "s" ("officers", "officer"). */
const sameWord = (a: string, b: string) => a === b || a.replace(/s$/, '') === b.replace(/s$/, '');

export interface Alternative {
  words: string[];
  /** The wording replaced and what replaced it; absent for the query as typed. */
  replaced?: { from: string; to: string };
  /** The query as typed holds a wording the site never uses ("uni"): not searched, as Pagefind would answer it with words it merely begins ("universal"). */
  unused?: boolean;
}

/**
 * The query as typed and, for each wording of it found in the dictionary, the query with that
 * wording replaced by each other wording of its group (one replacement at a time). A wording of
 * one or two letters ("la", "sw") is expanded but never searched for: Pagefind would match
 * every word it begins.
 */
export function alternatives(query: readonly string[], dictionary: Dictionary, limit = 8): Alternative[] {
  const found = oneStep(query, dictionary);
  // A wording put in that is itself what people type for another group's wording (the glossary
  // reads PA as "personal adviser"; the strategies print "personal advisor"): one step further.
  for (const a of [...found]) {
    const first = a.replaced;
    if (!first) continue;
    for (const b of oneStep(a.words, dictionary).slice(1)) {
      const next = b.replaced;
      if (!next || next.from !== first.to || samePhrase(next.to, first.from) || found.some((f) => f.words.join(' ') === b.words.join(' '))) continue;
      found.push({ words: b.words, replaced: { from: first.from, to: next.to }, ...(b.unused ? { unused: true } : {}) });
    }
  }
  return found.slice(0, limit);
}

/** Two wordings the same but for plurals ("initial health assessment", "initial health assessments"). */
function samePhrase(a: string, b: string): boolean {
  const [x, y] = [a.split(' '), b.split(' ')];
  return x.length === y.length && x.every((w, i) => sameWord(w, y[i] ?? ''));
}

/** The query as typed and each wording of it replaced once (alternatives, one step). */
function oneStep(query: readonly string[], dictionary: Dictionary): Alternative[] {
  const typed: Alternative = { words: [...query] };
  const found: Alternative[] = [typed];
  // The first other wording of each group found, for the query with every wording replaced at once.
  const firsts: { start: number; length: number; from: string; other: string[] }[] = [];
  // Every wording the query holds; one inside a longer wording of another group gives way to it
  // ("last" of "last strategy" is not "how long it lasts").
  const held = dictionary.flatMap((group) =>
    group.flatMap((wording) => {
      if (!wording.from) return [];
      const found: { group: Wording[]; wording: Wording; start: number }[] = [];
      for (let start = holds(query, wording.words); start >= 0; start = holds(query, wording.words, start + 1)) found.push({ group, wording, start });
      return found;
    }),
  );
  const inside = (a: (typeof held)[number], b: (typeof held)[number]) =>
    b.group !== a.group && b.wording.words.length > a.wording.words.length && b.start <= a.start && a.start + a.wording.words.length <= b.start + b.wording.words.length;
  const kept = new Set(held.filter((a) => !held.some((b) => inside(a, b))));
  for (const group of dictionary) {
    for (const entry of group) {
      const { words: wording, from, used } = entry;
      if (!from) continue;
      for (let start = 0; start + wording.length <= query.length; start++) {
        if (!wording.every((w, i) => sameWord(w, query[start + i] ?? ''))) continue;
        if (![...kept].some((k) => k.wording === entry && k.start === start)) continue;
        // An unused wording ("driving lesson") matched by a form of it that the group's used wording is, word for word ("driving lessons"), leaves the query as typed searched.
        if (!used && !group.some((o) => o.used && o.words.length === wording.length && o.words.every((w, i) => w === query[start + i]))) typed.unused = true;
        for (const { words: other, search } of group) {
          if (other === wording || !search || other.join(' ').length <= 2) continue;
          const next = [...query.slice(0, start), ...other, ...query.slice(start + wording.length)];
          if (!firsts.some((f) => f.start < start + wording.length && start < f.start + f.length)) firsts.push({ start, length: wording.length, from: wording.join(' '), other });
          if (found.some((a) => a.words.join(' ') === next.join(' '))) continue;
          found.push({ words: next, replaced: { from: wording.join(' '), to: other.join(' ') } });
        }
      }
    }
  }
  if (firsts.length > 1) {
    // Two everyday wordings in one query ("how many kids"): both replaced.
    const sorted = [...firsts].sort((a, b) => b.start - a.start);
    let words = [...query];
    for (const f of sorted) words = [...words.slice(0, f.start), ...f.other, ...words.slice(f.start + f.length)];
    const ordered = [...firsts].sort((a, b) => a.start - b.start);
    found.splice(1, 0, { words, replaced: { from: ordered.map((f) => f.from).join(' … '), to: ordered.map((f) => f.other.join(' ')).join(' … ') } });
  }
  return found;
}

/**
 * Reciprocal rank fusion's constant (Cormack, Clarke and Büttcher used 60 for long lists; the
 * page shows 20 and its first few results matter most): a result scores weight / (k + rank).
 */
export const FUSION_K = 10;

/**
 * Reciprocal rank fusion of ranked lists of result ids, each with a weight. Scores from
 * different Pagefind searches are not comparable; ranks are. `sum` (lists of different words):
 * a result high in several lists comes first. `best` (lists of wordings that mean the same): a
 * result counts by its best rank, as a page that says both "CSE" and "Child Sexual
 * Exploitation" (the glossary) is no more about it than the action that says one.
 */
export function fuse(lists: readonly { ids: readonly string[]; weight: number }[], k = FUSION_K, mode: 'sum' | 'best' = 'sum'): string[] {
  return [...fusedScores(lists, k, mode).entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

/** Each result's score in a rank fusion (fuse), in the order first found. */
export function fusedScores(lists: readonly { ids: readonly string[]; weight: number }[], k = FUSION_K, mode: 'sum' | 'best' = 'sum'): Map<string, number> {
  const score = new Map<string, number>();
  for (const { ids, weight } of lists)
    ids.forEach((id, rank) => {
      const s = weight / (k + rank + 1);
      score.set(id, mode === 'sum' ? (score.get(id) ?? 0) + s : Math.max(score.get(id) ?? 0, s));
    });
  return score;
}

/**
 * Whether a highlighted word of Pagefind's excerpts is a match for a query word: a form of it
 * ("apprenticeships" for "apprentice"), not a longer word it merely begins ("universal" for "uni").
 */
export function matches(queryWord: string, marked: string): boolean {
  return related(queryWord, marked);
}
