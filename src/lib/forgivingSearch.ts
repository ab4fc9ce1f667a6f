/**
 * Search that forgives, on any engine that finds pages holding all of some words (Pagefind).
 * From the query as typed it goes, only as far as it must:
 *
 * 1. all the words, the common words of a question optional, with each glossary abbreviation or
 *    reviewed synonym also tried as its other wordings (results fused by rank); a page counts
 *    only where it holds the words together (src/lib/searchPlaces.ts), not scattered over
 *    unrelated items of a long page;
 * 2. a word the index does not hold: a real English word (the build's word list says so) is
 *    never corrected, only searched through its synonyms or left out, with at most a "Did you
 *    mean"; a misspelling is corrected to the nearest word of the site's vocabulary when one is
 *    clearly best ("Showing results for X. Search instead for Y."), or offered as suggestions;
 *    the vocabulary is fetched only when a word may be unknown: no results, or a word not
 *    highlighted in any result;
 * 3. all the words but the common ones of a question ("how", "will");
 * 4. some of the words, rarer words weighing more, numbers always kept.
 *
 * Pure but for the engine it is given, so every state is unit-tested with a fake engine.
 */
import { findSpan, type Places, type Span } from './searchPlaces.ts';
import { STOP_WORDS, Vocabulary, aboutTheStrategy, asksOfTheStrategy, ages as agesOf, alternatives, asksOfBothEditions, asksOfLeadsInGeneral, asksWhoLeads, actionIdsIn, ACTION_ID_PATTERN, EDITION_TALK, STRATEGY_WORDS, editionYears, withActionIdHyphens, heldGroups, leadNamed, clearCorrection, coveredWords, FUSION_K, fuse, fusedScores, isNumber, matches, namedEdition, withoutMonths, queryParts, queryWords, related, words as wordsOf, type Dictionary } from './searchWords.ts';

export type FilterCounts = Record<string, Record<string, number>>;

export interface EngineSearch {
  /** Result ids, best first. */
  ids: string[];
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface Engine {
  /** Pages holding all the words (the page's filters applied); `only` narrows them to one kind of page. */
  search(query: string, only?: 'Chapter' | 'Lead'): Promise<EngineSearch>;
  /** The words highlighted in the excerpts of these results, lower case. */
  marked(ids: readonly string[]): Promise<string[]>;
  /** The site's vocabulary, fetched on first use; null when it cannot be had (search goes on without corrections). */
  vocabulary(): Promise<Vocabulary | null>;
  /** Whether a word the site lacks is a real English word (not a misspelling); null when that cannot be told. */
  realWord(word: string): Promise<boolean | null>;
  /** Where a result of the search for `query` holds its words; null when that cannot be had. */
  places(id: string, query: string): Promise<Places | null>;
}

export type State =
  /** The words as typed found something (with their abbreviations and synonyms). */
  | 'exact'
  /** Nothing for the words as typed; results for words of similar meaning. */
  | 'similar'
  /** Nothing for all the words; results for them without the common words. */
  | 'fewer-words'
  /** Nothing for all the words; results for some of them. */
  | 'some-words'
  | 'none';

export interface Outcome {
  /** The query as typed. */
  query: string;
  state: State;
  /** Result ids, best first. */
  ids: string[];
  /** Filter counts, or null when results of several searches overlap and no count would be exact. */
  filters: FilterCounts | null;
  totalFilters: FilterCounts | null;
  /** The query searched instead of a misspelt one, when a correction was clearly best. */
  corrected?: string;
  /** Words offered as "Did you mean" when no correction was clearly best, or for a real word the site lacks. */
  suggestions?: string[];
  /** For "fewer-words": the words searched. */
  searched?: string;
  /** For "similar": the wordings used in place of the query's. */
  similar?: string[];
  /** Where each result checked holds the words: the part to link to and show, and the search it holds them for. */
  spans: Record<string, Span & { query: string }>;
  /** For "exact" and "fewer-words": how many of the results, after those holding all the words, match only some of them (a search that found very few). */
  alsoSomeWords?: number;
  /** Whether the vocabulary was fetched (the benchmark and the tests report it). */
  usedVocabulary: boolean;
}

interface Found {
  ids: string[];
  filters: FilterCounts | null;
  totalFilters: FilterCounts | null;
  /** Whether the words as typed found anything themselves (not only their other wordings). */
  ownResults: boolean;
  similar: string[];
  /** Whether some result holds the words together (or none could be checked). */
  together: boolean;
  /** Results known to hold the words only scattered. */
  scattered: ReadonlySet<string>;
  /** Where each result checked holds the words: the anchor of its part (null for the top of the page). */
  where: ReadonlyMap<string, string | null>;
  /** For the pages that match some of the words: how many of the query's parts each holds. */
  parts?: ReadonlyMap<string, number>;
}

const EMPTY: Found = { ids: [], filters: null, totalFilters: null, ownResults: false, similar: [], together: false, scattered: new Set(), where: new Map() };

/** A query that is one or more action ids and nothing else ("EA-A13", "p4-a2 p4-a3"), as the plans number them. */
export const ACTION_IDS = new RegExp(`^\\s*(?:${ACTION_ID_PATTERN}\\s*)+$`, 'i');

/** How many of a search's first results are checked for the words together (the page shows 20). */
export const CHECKED = 20;

/**
 * How much a search for another wording weighs against the words as typed (1), in rank fusion.
 * A single everyday word replaced by the strategy's may mean something else ("care" of "take
 * care"): a little less, so a page holding the words as typed comes first where both answer.
 */
export const OTHER_WORD_WEIGHT = 0.8;

/** A reviewed phrase of two or more words that carry meaning ("taken into care") names its subject as surely as the words typed. */
export const REVIEWED_PHRASE_WEIGHT = 1;

/**
 * A wording that replaced only the common words of a question ("how many" by "local profile"):
 * it says what is asked better than the words typed, so it weighs a little more.
 */
export const QUESTION_WORDING_WEIGHT = 1.1;

/** The pages of the index when the vocabulary (which counts them) cannot be had: the site has some 250. */
export const PAGES_WITHOUT_VOCABULARY = 250;

/** How many of the first results' excerpts are checked for every word highlighted (each costs a fetch). */
export const HIGHLIGHTS_CHECKED = 5;

/** Near words weighed for a misspelling, before the common words among them are dropped. */
export const NEAR_WORDS = 6;

/** Near words kept for a correction or offered as "Did you mean", and suggestions shown at most. */
export const SUGGESTIONS = 3;

/**
 * All the words together found fewer pages than this: they come first, then those that match
 * some of the words, as one or two pages holding every word (a list that names "survey results")
 * are seldom all that answers, and the reader should not have to retype.
 */
export const FEW_RESULTS = 3;

/** A title names a subject when it has at least this many words that carry meaning. */
export const TITLE_WORDS = 2;

/** Of equally near corrections, one wins when the query with it finds at least this many times the results of the next. */
export const CLEARLY_MORE_RESULTS = 3;

function sumCounts(searches: readonly FilterCounts[]): FilterCounts {
  const total: FilterCounts = {};
  for (const counts of searches)
    for (const [key, values] of Object.entries(counts)) for (const [value, n] of Object.entries(values)) (total[key] ??= {})[value] = (total[key]?.[value] ?? 0) + n;
  return total;
}

/**
 * Filter counts of fused searches when they can be exact: the searches found different pages
 * (the counts add up), or one search found every page (its counts are the counts).
 */
function exactCounts(searches: readonly EngineSearch[], union: number): { filters: FilterCounts | null; totalFilters: FilterCounts | null } {
  const whole = searches.find((s) => s.ids.length === union);
  if (whole) return { filters: whole.filters, totalFilters: whole.totalFilters };
  if (searches.reduce((n, s) => n + s.ids.length, 0) === union) return { filters: sumCounts(searches.map((s) => s.filters)), totalFilters: sumCounts(searches.map((s) => s.totalFilters)) };
  return { filters: null, totalFilters: null };
}

/** The leads a query asking who leads names come first, so many at most: the search's best match is still among the first three. */
export const LEADS_FIRST = 2;

/** How much a part of a query that asks for someone to turn to weighs, among the parts matched separately, beside the subject it asks about. */
export const ASKING_FOR_SOMEONE_WEIGHT = 0.5;

/** The address of the comparison of the editions. */
export const COMPARISON = /\/compare\/$/;

/** The address of an edition's list of who leads what. */
export const LEAD_LISTS = /\/\d{4}-\d{2}\/leads\/$/;

/** Of the first results, at least one is of the strategy in force, where it has one that holds the words (CURRENT_AMONG_FIRST). */
export const CURRENT_AMONG_FIRST = 3;

export interface SearchOptions {
  /** Search the words as typed: no correction (the "Search instead for" link). */
  exact?: boolean;
  /** The edition in force ("2017-20"), as the pages' edition filter names it. */
  currentEdition?: string;
}

export async function forgivingSearch(engine: Engine, dictionary: Dictionary, query: string, options: SearchOptions = {}): Promise<Outcome> {
  const words = queryWords(query);
  // A query naming an edition ("the old strategy's priorities") is answered by that edition's pages
  // first, searched for the words that say what is sought there (when some carry meaning).
  // One that asks how the editions differ ("compare the current and previous strategy") asks of both.
  // One that names both ("money for care leavers 2008 vs 2017") asks of both too.
  const editions = [...new Set([...(options.currentEdition ? [options.currentEdition] : []), ...dictionary.flatMap((group) => group.flatMap((w) => (w.edition ? [w.edition] : [])))])];
  const bothEditions = asksOfBothEditions(words, dictionary, editions);
  const named = bothEditions ? null : namedEdition(words, dictionary);
  // A query that names only the edition ("is the 2008 strategy still in use") is searched as typed, in its own order.
  // So does one that names it twice ("old 2008 strategy"): a word of another wording naming an edition ("old") says no more.
  const editionWords = new Set(dictionary.flatMap((group) => group.filter((w) => w.from && w.edition).flatMap((w) => w.words)));
  // The words of the wordings that ask how the editions differ ("what has changed", "compared with").
  const comparing = new Set(dictionary.flatMap((group) => group.filter((w) => w.from && w.comparesEditions).flatMap((w) => w.words)));
  const edition = named && named.rest.some((w) => !STOP_WORDS.has(w) && !STRATEGY_WORDS.has(w) && !isNumber(w) && !editionWords.has(w)) ? named.edition : null;
  // A query that asks of both editions about a subject is searched for the subject alone: the words
  // naming or comparing the editions ("2008 vs 2017", "old and new plan") are on no one page of either.
  const subject = bothEditions ? words.filter((w) => !editionWords.has(w) && !comparing.has(w) && !EDITION_TALK.has(w) && !editions.some((e) => editionYears(e).includes(w) || wordsOf(e).includes(w))) : [];
  const ofBoth = subject.some((w) => !STOP_WORDS.has(w));
  const typed = named && edition ? named.rest : ofBoth ? subject : words;
  // Someone's age ("when im 21") is searched with the other words first, then left out like a common word (`ages`).
  const ages = agesOf(typed);
  const nonStop = (ws: readonly string[]) => ws.filter((w) => !STOP_WORDS.has(w) && !ages.has(w));
  let vocabulary: Vocabulary | null | undefined;
  const vocab = async () => (vocabulary ??= await engine.vocabulary());
  const unknown = (w: string) => !!vocabulary && !isNumber(w) && !vocabulary.knows(w);
  const spans = new Map<string, Span & { query: string }>();
  // A question about the strategy itself is answered by its chapters: they come first.
  // So is one about another edition as a strategy ("what did the last strategy achieve"): its chapters come first, that edition's before the others (editionFirst).
  const chaptersFirst = aboutTheStrategy(typed, dictionary) || (edition !== null && words.some((w) => STRATEGY_WORDS.has(w)));
  const editionOf = new Map<string, string>();
  const titleOf = new Map<string, string>();
  const urlOf = new Map<string, string>();
  const chapters = new Set<string>();
  /** What a result's places tell of it, kept for the ordering rules; its span, where it holds the words of `query`. */
  const remember = (id: string, query: string, places: Places | null): Span | null => {
    const span = places && findSpan(places);
    if (span) spans.set(id, { ...span, query });
    if (places?.edition) editionOf.set(id, places.edition);
    if (places?.title && !places.lead) titleOf.set(id, places.title);
    if (places?.url) urlOf.set(id, places.url);
    if (places?.chapter) chapters.add(id);
    return span;
  };

  /**
   * A query that asks who leads something ("who runs fostering in halton", "police role"): the
   * pages of the leads whose names hold its words, most of them first, found by a search of the
   * leads' pages for each word (a lead's page holds its name and its actions).
   */
  const leadWords = asksWhoLeads(typed, dictionary);
  const leadPages = async (): Promise<string[]> => {
    const content = [...new Set(nonStop(leadWords ?? []).filter((w) => !isNumber(w)))];
    const named = new Map<string, { score: number; order: number }>();
    let order = 0;
    for (const w of content) {
      for (const id of (await engine.search(w, 'Lead')).ids.slice(0, CHECKED)) {
        if (named.has(id)) continue;
        const places = await engine.places(id, w);
        const score = places?.lead && places.title ? leadNamed(places.title, content) : 0;
        named.set(id, { score, order: order++ });
        if (score > 0) remember(id, w, places);
      }
    }
    return [...named]
      .filter(([, n]) => n.score > 0)
      .sort((a, b) => b[1].score - a[1].score || a[1].order - b[1].order)
      .slice(0, LEADS_FIRST)
      .map(([id]) => id);
  };
  /** The pages a search for `query` finds whose address matches `address` (at most `limit`), with their places for it. */
  const pagesAt = async (query: string, address: RegExp, limit = CHECKED): Promise<{ id: string; places: Places }[]> => {
    const found: { id: string; places: Places }[] = [];
    for (const id of (await engine.search(query)).ids.slice(0, CHECKED)) {
      if (found.length >= limit) break;
      const places = await engine.places(id, query);
      if (places?.url && address.test(places.url)) found.push({ id, places });
    }
    return found;
  };
  /** The lists of who leads what (one an edition), for a question of the leads in general, the edition in force first. */
  const leadLists = async (): Promise<string[]> => {
    const lists = (await pagesAt('leads', LEAD_LISTS)).map(({ id, places }) => (remember(id, 'leads', places), id));
    const now = (id: string) => editionOf.get(id) === options.currentEdition;
    return [...lists.filter(now), ...lists.filter((id) => !now(id))].slice(0, LEADS_FIRST);
  };
  /** The comparison of the editions, for a query that asks of both about a subject: it answers the asking of both. */
  const comparisonPage = async (): Promise<string[]> => {
    const [page] = await pagesAt('compare editions', COMPARISON, 1);
    if (!page) return [];
    // Linked at the subject's row where it holds the subject's words together, else at its top: not at the words searched to find it.
    const about = nonStop(typed).join(' ');
    const subjectPlaces = await engine.places(page.id, about);
    if (subjectPlaces && !remember(page.id, about, subjectPlaces)?.together) spans.delete(page.id);
    return [page.id];
  };
  // The query with any action id typed without its hyphen written as the plans write it ("ew a9" → "ew-a9").
  const asIds = withActionIdHyphens(query);
  /** The actions a query names by id among other words ("SM-A6 action", "ea a9 target"): each action's own record, which answers it first. */
  const actionsNamed = async (): Promise<string[]> => {
    if (ACTION_IDS.test(asIds)) return [];
    const found: string[] = [];
    for (const id of actionIdsIn(asIds)) for (const page of await pagesAt(id, new RegExp(`/actions/${id}/$`), 1)) found.push((remember(page.id, id, page.places), page.id));
    return found;
  };
  const namedActions = await actionsNamed();
  /**
   * A query that names the strategy by its name, in some wording ("halton looked after children
   * strategy", "children in care and care leavers strategy"): the front page of the edition it
   * names, else of the edition in force, whose title holds every word of one wording of it.
   */
  const strategyNamed = async (): Promise<string[]> => {
    const front = edition ?? options.currentEdition;
    const asked = nonStop(typed).filter((w) => !isNumber(w));
    // Not one that asks something of it ("is the strategy aimed at kids or professionals"): its chapters answer that.
    if (!front || asked.length < TITLE_WORDS || !asked.some((w) => STRATEGY_WORDS.has(w)) || asksOfTheStrategy(typed, dictionary)) return [];
    // Searched in each wording in turn ("looked after children" is on no front page; "children in care" is).
    for (const wording of alternatives(typed, dictionary)) {
      const words = nonStop(wording.words).filter((w) => !isNumber(w));
      if (words.length < TITLE_WORDS) continue;
      const [page] = await pagesAt(words.join(' '), new RegExp(`/${front}/$`), 1);
      const title = wordsOf(page?.places.title ?? '');
      if (!page || !words.every((w) => title.some((t) => related(w, t)))) continue;
      remember(page.id, words.join(' '), page.places);
      return [page.id];
    }
    return [];
  };
  const strategyFront = await strategyNamed();
  const comparison = ofBoth ? await comparisonPage() : [];
  const namedLeads = leadWords ? await leadPages() : [];
  const leadsFirst = namedLeads.length === 0 && leadWords && asksOfLeadsInGeneral(leadWords) ? await leadLists() : namedLeads;

  /** The results in order, those holding the words together first, those holding them scattered last. */
  const together = async (ids: readonly string[], queryOf: (id: string) => string): Promise<Pick<Found, 'ids' | 'together' | 'scattered' | 'where'> & { held: ReadonlySet<string> }> => {
    const checked = await Promise.all(
      ids.slice(0, CHECKED).map(async (id) => {
        const query = queryOf(id);
        const span = remember(id, query, await engine.places(id, query));
        return { id, together: span ? span.together : null, anchor: span?.anchor };
      }),
    );
    const where = new Map(checked.flatMap((c) => (c.anchor === undefined ? [] : [[c.id, c.anchor] as const])));
    const scattered = new Set(checked.filter((c) => c.together === false).map((c) => c.id));
    // The results checked and found to hold the words (or that could not be checked).
    const held = new Set(checked.filter((c) => c.together !== false).map((c) => c.id));
    return { ids: [...ids.filter((id) => !scattered.has(id)), ...ids.filter((id) => scattered.has(id))], together: held.size > 0, scattered, held, where };
  };

  /**
   * All the words, and each other wording the dictionary gives; a wording with a word the site
   * does not hold is not searched. `withoutCommon`: each wording without its common words, found
   * on the words as typed (so "become a foster carer" is still a wording of "how do I become a
   * foster carer").
   */
  const allOf = async (ws: readonly string[], withoutCommon = false): Promise<Found> => {
    // A date by month ("march 2018") is also searched by its year alone: the timescales are pages by year.
    const undated = withoutMonths(ws);
    const wordings = [...alternatives(ws, dictionary), ...(undated ? [{ words: undated, replaced: { from: ws.filter((w) => !undated.includes(w)).join(' '), to: '' } }] : [])]
      // A common word the index lacks ("since") would make Pagefind find nothing: it is left out once the vocabulary says so.
      .map((a) => ({ ...a, words: a.words.filter((w) => !(STOP_WORDS.has(w) && unknown(w))) }))
      .map((a) => (withoutCommon ? { ...a, words: nonStop(a.words) } : a))
      .filter((a, i, all) => a.words.length > 0 && all.findIndex((b) => b.words.join(' ') === a.words.join(' ')) === i);
    const tried = wordings.filter((a) => !a.unused && !a.words.some(unknown));
    const searches = await Promise.all(tried.map(async (a) => ({ a, search: await engine.search(a.words.join(' ')) })));
    const hits = searches.filter((s) => s.search.ids.length > 0);
    if (hits.length === 0) return EMPTY;
    // Another wording weighs less than the words as typed, unless what it replaced was only the
    // common words of a question ("how many" is the local profile's figures): then it says what is asked.
    // A reviewed phrase of several words that carry meaning ("other young people in care", "taken
    // into care") names its subject as surely as the words typed: it weighs as much as they do.
    const weight = (a: (typeof tried)[number]) => {
      if (!a.replaced) return 1;
      const from = a.replaced.from.split(/ … | /);
      if (from.every((w) => STOP_WORDS.has(w))) return QUESTION_WORDING_WEIGHT;
      return nonStop(from).length >= 2 ? REVIEWED_PHRASE_WEIGHT : OTHER_WORD_WEIGHT;
    };
    const fused = fuse(hits.map((s) => ({ ids: s.search.ids, weight: weight(s.a) })), FUSION_K, 'best');
    const counts = exactCounts(hits.map((s) => s.search), fused.length);
    // Each result is checked for the words of the wording that found it highest.
    const queryOf = (id: string) => {
      const ranked = hits.map((s) => ({ q: s.a.words.join(' '), rank: s.search.ids.indexOf(id) })).filter((r) => r.rank >= 0);
      return ranked.sort((a, b) => a.rank - b.rank)[0]?.q ?? '';
    };
    const checked = await together(fused, queryOf);
    if (chaptersFirst) {
      // The chapters that hold the words together, before any other page.
      const inChapters = await Promise.all(tried.map(async (a) => ({ a, search: await engine.search(a.words.join(' '), 'Chapter') })));
      const chapterIds = fuse(inChapters.filter((c) => c.search.ids.length > 0).map((c) => ({ ids: c.search.ids, weight: weight(c.a) })), FUSION_K, 'best');
      // Among them, those that say the very words first ("developed", before "development").
      const firsts = (await together(chapterIds, queryOf)).ids
        .filter((id) => spans.get(id)?.together)
        .map((id, rank) => ({ id, rank, exact: spans.get(id)?.exact ?? 0 }))
        .sort((a, b) => b.exact - a.exact || a.rank - b.rank)
        .map((c) => c.id);
      checked.ids = [...firsts, ...checked.ids.filter((id) => !firsts.includes(id))];
    }
    // The words as typed found something themselves only where a result checked holds them.
    const own = hits.filter((s) => !s.a.replaced && s.search.ids.some((id) => checked.held.has(id) && queryOf(id) === s.a.words.join(' ')));
    const others = hits.filter((s) => s.a.replaced && s.search.ids.some((id) => checked.held.has(id)));
    return {
      ...counts,
      ids: checked.ids,
      together: checked.together,
      scattered: checked.scattered,
      where: checked.where,
      ownResults: own.length > 0,
      // A wording that replaced two ("local profile … children") is said as the two it is.
      similar: [...new Set(others.flatMap((s) => (s.a.replaced ? s.a.replaced.to.split(' … ').filter(Boolean) : [])))],
    };
  };

  /**
   * Some of the words: each word (with its other wordings, and with every number of the query,
   * which stay required) searched alone, a rarer word weighing more; pages known to hold all the
   * words only scattered come after.
   */
  const anyOf = async (ws: readonly string[], scattered: ReadonlySet<string>): Promise<Found> => {
    const numbers = ws.filter((w) => isNumber(w) && !ages.has(w));
    // A reviewed phrase ("run away") is one part: its words alone ("run", "away") mean something else.
    const parts = queryParts(ws, dictionary);
    const distinct = (parts.length ? parts : [...new Set(ws.filter((w) => !isNumber(w)))].map((w) => [w])).filter((p) => p.length > 1 || !unknown(p[0]!) || alternatives(p, dictionary).length > 1);
    if (distinct.length < 2) return EMPTY;
    const each = await Promise.all(distinct.map((p) => allOf([...p, ...numbers])));
    const pages = vocabulary?.pages ?? PAGES_WITHOUT_VOCABULARY;
    // A part that asks for someone to turn to ("who can i talk to") weighs less than the subject the query names beside it.
    const asksForSomeone = (part: readonly string[]) => dictionary.some((group) => group.some((w) => w.asksForSomeone && w.from && w.words.join(' ') === part.join(' ')));
    const lists = each
      .map((f, i) => ({ f, weight: Math.log(1 + pages / Math.max(1, f.ids.length)) * (asksForSomeone(distinct[i]!) ? ASKING_FOR_SOMEONE_WEIGHT : 1) }))
      .filter(({ f }) => f.ids.length > 0)
      .map(({ f, weight }) => ({ ids: f.ids.filter((id) => !f.scattered.has(id)), weight }));
    if (lists.length === 0) return EMPTY;
    // A page holding every word only scattered counts as holding one of them, its best: not last,
    // as a page with the rarest words (the accessibility statement's "screen reader") may be it.
    const sum = fusedScores(lists, FUSION_K);
    const best = fusedScores(lists, FUSION_K, 'best');
    // So does a list holding the parts in different items (a timeline, a Pledge statement's actions): it holds them
    // apart. Not a chapter, whose sections hold one subject ("new legal duties" and "care leavers" in the overview).
    const found = each.filter((f) => f.ids.length > 0);
    const apart = (id: string) => !chapters.has(id) && new Set(found.flatMap((f) => (f.where.has(id) ? [f.where.get(id)] : []))).size > 1;
    const score = (id: string) => (scattered.has(id) || apart(id) ? (best.get(id) ?? 0) : (sum.get(id) ?? 0));
    const ids = [...sum.keys()].sort((a, b) => score(b) - score(a));
    const held = new Map(ids.map((id) => [id, lists.filter((l) => l.ids.includes(id)).length]));
    return { ...EMPTY, ids, ownResults: true, together: true, parts: held };
  };

  /** The pages of the edition the query names first, in their order; the others after, in theirs. */
  const editionFirst = (found: Found) => {
    const first = (id: string) => editionOf.get(id) === edition && !found.scattered.has(id);
    const ordered = edition ? [...found.ids.filter(first), ...found.ids.filter((id) => !first(id))] : found.ids;
    // A query that names an edition and nothing more ("the old 2008 strategy") is answered by its front page.
    const front = (id: string) => !!named && !edition && (urlOf.get(id)?.endsWith(`/${named.edition}/`) ?? false);
    return inForce([...ordered.filter(front), ...namedFirst(ordered.filter((id) => !front(id)), found.scattered)], found);
  };

  /**
   * A reader who names no edition means the strategy in force: where the first results are all
   * of a previous edition (its short actions win on length: "named nurse" finds the 2008-11
   * nurse's actions), the first of the edition in force that holds the words comes third, so
   * the reader sees what is done now without losing the best match. Among the pages that match
   * some of the words, one that holds more than one part of the query: a page holding one word
   * ("named" of "named nurse": a named Starter Tenancy Officer) holds too little to be brought up.
   */
  const inForce = (ids: readonly string[], found: Found): string[] => {
    const { scattered, parts } = found;
    const current = options.currentEdition;
    if (named || !current) return [...ids];
    const first = ids.slice(0, CURRENT_AMONG_FIRST);
    if (first.length < CURRENT_AMONG_FIRST || !first.every((id) => editionOf.has(id) && editionOf.get(id) !== current)) return [...ids];
    const enough = (id: string) => parts === undefined || (parts.get(id) ?? 0) >= Math.min(2, Math.max(...parts.values()));
    const now = ids.find((id) => editionOf.get(id) === current && !scattered.has(id) && enough(id));
    if (!now) return [...ids];
    const rest = ids.filter((id) => id !== now);
    return [...rest.slice(0, CURRENT_AMONG_FIRST - 1), now, ...rest.slice(CURRENT_AMONG_FIRST - 1)];
  };

  /**
   * A page whose title the query names in full ("Actions due in 2018" of "what actions are due
   * in march 2018") answers it as a whole: among the results checked, those whose title has two
   * or more words that carry meaning, all of them words typed, come first, in their order. One
   * word ("The Pledge", "Who leads what") names too little; a wording put in for common words
   * ("local profile" for "how many") names what the reader did not, one put in for words that
   * carry meaning ("complete" for "finished") names what the reader did, where a word typed is
   * in the title too ("Actions complete" of "which actions are finished"); a lead's page is titled by a
   * role ("Social workers"), not a subject.
   */
  // The strategy's words a reviewed wording puts in for words typed that carry meaning ("complete" for "finished"):
  // they name a title as the words typed do. Not those put in for common words only ("local profile" for "how many").
  const bridged = alternatives(typed, dictionary).flatMap((a) => (a.replaced && nonStop(a.replaced.from.split(/ … | /)).length > 0 ? a.words : []));
  const namedFirst = (ids: readonly string[], scattered: ReadonlySet<string>) => {
    const named = (id: string) => {
      const title = nonStop(wordsOf(titleOf.get(id) ?? ''));
      return !scattered.has(id) && title.length >= TITLE_WORDS && title.some((t) => typed.some((w) => related(w, t))) && title.every((t) => [...typed, ...bridged].some((w) => related(w, t)));
    };
    return [...ids.filter(named), ...ids.filter((id) => !named(id))];
  };

  /**
   * A query that asks of both editions about a subject ("money for care leavers 2008 vs 2017"):
   * the best result of each edition first, in their order, then the comparison of the editions
   * (outcome), so that both are among the first. Not one that names no subject ("what has
   * changed"): the comparison answers it.
   */
  const bothFirst = (ids: readonly string[], scattered: ReadonlySet<string>): string[] => {
    if (!ofBoth) return [...ids];
    const firsts = editions.flatMap((e) => ids.filter((id) => editionOf.get(id) === e && !scattered.has(id)).slice(0, 1));
    return [...ids.filter((id) => firsts.includes(id)), ...ids.filter((id) => !firsts.includes(id))];
  };

  const outcome = (state: State, found: Found, extra: Partial<Outcome> = {}): Outcome => {
    // The actions and leads the query names, first (those the search had not found among them: the counts are then not theirs).
    const first = [...namedActions, ...strategyFront, ...leadsFirst, ...comparison];
    const withLeads = first.length && state !== 'none' ? { ...found, ids: [...first, ...found.ids.filter((id) => !first.includes(id))] } : found;
    const added = withLeads.ids.length > found.ids.length;
    return {
      query,
      state,
      ids: bothFirst(editionFirst(withLeads), found.scattered),
      filters: added ? null : found.filters,
      totalFilters: added ? null : found.totalFilters,
      spans: Object.fromEntries(withLeads.ids.flatMap((id) => (spans.has(id) ? [[id, spans.get(id)!]] : []))),
      usedVocabulary: !!vocabulary,
      ...extra,
    };
  };

  /**
   * Step 1. In a question the common words are optional once all the words find something: the
   * results are those of the other words, so "can I get an apprenticeship" does not find only
   * the one long page that happens to hold "can" and "get".
   */
  const firstStep = async (ws: readonly string[]): Promise<Found> => {
    const all = await allOf(ws);
    const content = nonStop(ws);
    if (all.ids.length === 0 || content.length === 0 || content.length === ws.length) return all;
    const main = await allOf(ws, true);
    if (main.ids.length <= all.ids.length) return all;
    // The pages with all the words are among those with the main words, ranked by the main words alone.
    return { ...main, ownResults: all.ownResults || main.ownResults };
  };

  /**
   * The words (or the main words) found on fewer than FEW_RESULTS pages: those first, then the
   * pages that match some of the words.
   */
  const withSomeWords = async (state: 'exact' | 'fewer-words' | 'similar', found: Found, ws: readonly string[], extra: Partial<Outcome> = {}): Promise<Outcome> => {
    if (found.ids.length >= FEW_RESULTS) return outcome(state, found, extra);
    // Those with every word keep the place that holds them all, not one word's.
    const held = found.ids.flatMap((id) => (spans.has(id) ? [[id, spans.get(id)!] as const] : []));
    const some = await anyOf(ws, found.scattered);
    for (const [id, span] of held) spans.set(id, span);
    const more = some.ids.filter((id) => !found.ids.includes(id));
    if (more.length === 0) return outcome(state, found, extra);
    return outcome(state, { ...found, ids: [...found.ids, ...more], filters: null, totalFilters: null }, { ...extra, alsoSomeWords: more.length });
  };

  /**
   * Results for wordings of similar meaning (with the pages that match some of the words after
   * them when they are few, `withSome`). A query asking two things ("feeling down, who can I
   * talk to") found only through the other wording of one of them is answered by the some-words
   * search, which searches each of its wordings, so both are answered.
   */
  const similar = async (found: Found, ws: readonly string[], withSome: boolean): Promise<Outcome> => {
    const asked = heldGroups(ws, dictionary);
    const answered = asked.filter((group) => group.some((w) => found.similar.includes(w.words.join(' '))));
    if (asked.length >= 2 && answered.length < asked.length) {
      const some = await anyOf(ws, found.scattered);
      if (some.ids.length > 0) return outcome('some-words', some);
    }
    return withSome ? withSomeWords('similar', found, ws, { similar: found.similar }) : outcome('similar', found, { similar: found.similar });
  };

  /** Steps 1, 3 and 4 for a list of words. */
  const chain = async (ws: readonly string[], first?: Found): Promise<Outcome> => {
    const all = first ?? (await firstStep(ws));
    if (all.ids.length > 0 && all.together) {
      if (!all.ownResults) return similar(all, ws, true);
      return withSomeWords('exact', all, ws);
    }
    const content = nonStop(ws);
    let scattered = all.scattered;
    let fewer: Found | undefined;
    // Also when every word typed is a common one ("i want a say in what happens to me"): a reviewed wording of them may carry meaning ("views").
    if (content.length < ws.length) {
      fewer = await allOf(ws, true);
      if (fewer.ids.length > 0 && fewer.together) return fewer.ownResults ? withSomeWords('fewer-words', fewer, ws, { searched: content.join(' ') }) : similar(fewer, ws, false);
      scattered = new Set([...scattered, ...fewer.scattered]);
    }
    const some = await anyOf(ws, scattered);
    if (some.ids.length > 0) return outcome('some-words', some);
    // Only pages that hold every word (or the main words) scattered: they match some of the words, no more.
    const held = all.ids.length > 0 ? all : fewer;
    return held && held.ids.length > 0 ? outcome('some-words', { ...held, filters: null, totalFilters: null }) : outcome('none', EMPTY);
  };

  if (typed.length === 0) return outcome('none', EMPTY);
  // An action's id as typed ("EA-A13"): Pagefind finds it whole, hyphen and all; split into its
  // words ("ea", "a13") it would match every word "ea" begins.
  if (ACTION_IDS.test(asIds)) {
    const found = await engine.search(asIds.trim());
    if (found.ids.length > 0) return outcome('exact', { ...EMPTY, ids: found.ids, filters: found.filters, totalFilters: found.totalFilters, ownResults: true, together: true });
  }
  let first = await firstStep(typed);
  // Whether any word may be unknown: nothing found, or a word no excerpt highlights.
  const content = typed.filter((w) => !STOP_WORDS.has(w) && !isNumber(w));
  // The first few results tell (each costs a fetch when a misspelling brings Pagefind's matches on a mere beginning).
  const allMarked = async (found: Found) => {
    const marked = await engine.marked(found.ids.slice(0, HIGHLIGHTS_CHECKED));
    return content.every((w) => marked.some((m) => matches(w, m)));
  };
  if (first.ids.length > 0 && (content.length === 0 || (await allMarked(first)))) return chain(typed, first);
  if (first.ids.length === 0 && content.length < typed.length) {
    // A question that found nothing: its main words, if they all match together, need no vocabulary.
    const fewer = await allOf(typed, true);
    if (fewer.ids.length > 0 && fewer.together && (await allMarked(fewer)))
      return fewer.ownResults ? withSomeWords('fewer-words', fewer, typed, { searched: content.join(' ') }) : similar(fewer, typed, false);
  }

  const known = await vocab();
  if (!known) return chain(typed, first);
  const strangers = content.filter((w) => !known.knows(w));
  if (strangers.length === 0) return chain(typed, first);
  // Results that came only through an unknown word's beginning are not results for it.
  first = await firstStep(typed);
  // A word with a reviewed synonym or an expansion is searched as its other wordings; any other is corrected or left out.
  // A word of a reviewed phrase ("county" of "county lines") is searched as the phrase's other wordings, too.
  const covered = coveredWords(typed, dictionary);
  const loose = strangers.filter((w) => alternatives([w], dictionary).length === 1 && !covered.has(w));
  if (loose.length === 0) return chain(typed, first);
  // A real word is never corrected: "bullying" is not a slip for "building".
  const real = new Set<string>();
  for (const w of loose) if ((await engine.realWord(w)) === true) real.add(w);

  const corrections = new Map<string, string | null>();
  const suggestions: string[] = [];
  for (const w of loose) {
    // A common word is never the correction: it finds nearly everything and means little
    // ("hame" is "home", not "have").
    const near = known.nearest(w, NEAR_WORDS).filter((n) => !STOP_WORDS.has(n.word)).slice(0, SUGGESTIONS);
    const offer = () => suggestions.push(...near.map((n) => typed.map((t) => (t === w ? n.word : t)).join(' ')));
    if (real.has(w) || options.exact) {
      if (real.has(w)) offer();
      continue;
    }
    let best = clearCorrection(near, w[0] ?? '');
    if (!best && near.length > 1) {
      // Equally near words: the query itself tells ("pocket mony" is "pocket money", not "pocket many").
      const found = await Promise.all(near.map(async (n) => (await engine.search(typed.map((t) => (t === w ? n.word : t)).filter((t) => !unknown(t) || t === n.word).join(' '))).ids.length));
      const ranked = near.map((n, i) => ({ word: n.word, found: found[i] ?? 0 })).sort((a, b) => b.found - a.found);
      if ((ranked[0]?.found ?? 0) > 0 && (ranked[0]?.found ?? 0) >= CLEARLY_MORE_RESULTS * (ranked[1]?.found ?? 0)) best = ranked[0]?.word ?? null;
    }
    corrections.set(w, best);
    if (!best) offer();
  }
  const corrected = [...corrections.values()].some(Boolean);
  const unresolved = loose.filter((w) => !corrections.get(w));
  const fixed = typed.map((w) => corrections.get(w) ?? w);
  // The words searched: the corrected ones, without those left out (real words, words with no clear correction).
  const searched = fixed.filter((w) => !unresolved.includes(w));
  const offered = [...new Set(suggestions)].slice(0, SUGGESTIONS);
  const extra = { ...(corrected && unresolved.length === 0 ? { corrected: fixed.join(' ') } : {}), ...(offered.length ? { suggestions: offered } : {}) };
  if (unresolved.length === 0) return { ...(await chain(fixed)), ...extra };
  // Words left out: what the others find matches only some of the words typed.
  const result = nonStop(searched).length > 0 ? await chain(searched) : outcome('none', EMPTY);
  return { ...result, state: result.state === 'none' ? 'none' : 'some-words', ...extra };
}
