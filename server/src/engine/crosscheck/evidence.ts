// What two sentences of different articles share and where they clash: matched content terms
// (words, and names by canonical id), how much of each side — and of each clause — the other holds,
// date and count verdicts, the same speaker, negation of a shared word, denial or declined comment
// against an assertion, names swapped for others of the same type, and word pairs that the
// training data shows in contradicting rewrites. Symmetric in content: evidence(b, a) is
// evidence(a, b) with the sides swapped.
import type { DateMention } from '../model';
import type { Comparators, DateVerdict } from './compare';
import { compareCounts, sameThing, type Count, type CountVerdict } from './counts';
import { mayBeSameName } from './names';
import { namesMeet, placeOf } from './places';
import { countryOfTerm, isTown } from './towns';
import type { PreparedSentence, SpeechAct, Term } from './prepare';
import type { StanceModel } from './stanceModel';
import { norm } from '../text/normalize';
import { spellingVariant, swappedNeighbours } from './stems';
import { TITLE_WORDS } from './lexicon';

export interface Match { a: Term; b: Term; exact: boolean }

export interface Evidence {
  a: PreparedSentence;
  b: PreparedSentence;
  matches: Match[];
  unmatchedA: Term[];
  unmatchedB: Term[];
  /** Weighted share of each side's content (not its speaker) found on the other side. */
  covA: number;
  covB: number;
  /** The best pair of units (the whole sentence or one of its clauses, on each side) that state
   *  the same thing: the smaller of the two shares of each unit found in the other. */
  unitSim: number;
  /** Whether that best pair is the two whole sentences. */
  wholeSentences: boolean;
  /** For the best pair of units (or the whole sentences), the larger of the two shares of event
   *  content (event words — Term.role 'event', not names, not titles — dates and counts) found on the
   *  other side: two sentences that share only whom they are about do not state one fact. */
  eventCov: number;
  /** The best pair of units: a clause index on each side, or -1 for the whole sentence. */
  unitPair: [number, number];
  /** How much the two share in absolute terms (idf units, the smaller of the two sides): one
   *  shared name is not a statement restated, however short the sentences. */
  shared: number;
  dates: { a: DateMention; b: DateMention; verdict: DateVerdict }[];
  /** Counts of the same thing on both sides, compared at face value, with how much of the event
   *  each is a count of the two share (the names of their clauses, idf units, the smaller side):
   *  `context` without countries, `contextWithCountries` with them. */
  counts: { a: Count; b: Count; verdict: CountVerdict; context: number; contextWithCountries: number }[];
  /** Both sentences attribute their claim to the same named speaker. */
  sameSpeaker: boolean;
  /** A shared word negated on one side only. */
  negatedShared: Match[];
  /** One side has a negation particle, the other none. */
  negationMismatch: boolean;
  /** A denial (or declined comment) on one side against an assertion of the same content. */
  denial?: { side: 'a' | 'b'; act: SpeechAct; other: SpeechAct | undefined; overlap: number; kind: 'denial' | 'decline' };
  /** Both sentences name people or organisations in what they state (not as speakers), and no name
   *  of one is found in the other: they tell of different actors. */
  differentActors: boolean;
  /** Both sentences name towns (places below a country) and none of one side's is on the other:
   *  two events in two places (fighting at al-Anad and an attack in Marib). */
  differentPlaces: boolean;
  /** One side gives a total over several events ("32 قتيلاً في هجومين") where the other gives a
   *  count of the same thing for one: the two do not state the same fact. */
  totalAgainstOne: boolean;
  /** Names present on one side only, paired with a name of the same type in the same slot on the other. */
  substitutions: { a: Term; b: Term }[];
  /** Words on one side only, with their learned contrast (log-odds of disagreement). */
  contrastWords: { term: Term; side: 'a' | 'b'; w: number }[];
  /** Word pairs, one on each side only, with their learned log-odds of disagreement. */
  contrastPairs: { a: Term; b: Term; w: number }[];
}

/** A match on a secondary key or a spelling variant counts for this share of the term. */
const PARTIAL = 0.8;

/** A unit pair that is not the two whole sentences stands for less than the sentences restated:
 *  the rest of each long sentence says other things. */
const CLAUSE_DISCOUNT = 0.85;

interface Side {
  matches: Match[];
  unmatched: Term[];
  /** got[c][d]: weight of this side's clause c found in the other side's clause d. */
  got: number[][];
  /** The same for the event content only (event words, dates, counts). */
  gotEvent: number[][];
}

function matchSide(from: PreparedSentence, to: PreparedSentence): Side {
  const matches: Match[] = [];
  const unmatched: Term[] = [];
  const got = from.clauseMass.map(() => new Array<number>(to.clauseMass.length).fill(0));
  const gotEvent = from.clauseMass.map(() => new Array<number>(to.clauseMass.length).fill(0));
  const add = (t: Term, u: Term, share: number) => {
    got[t.clause][u.clause] += share * t.weight;
    if (t.role === 'event') gotEvent[t.clause][u.clause] += share * t.weight;
  };
  for (const t of from.terms) {
    if (t.speaker) continue;
    const exact = to.primary.get(t.keys[0]);
    if (exact) { matches.push({ a: t, b: exact, exact: true }); add(t, exact, 1); continue; }
    let partial: Term | undefined;
    for (const k of t.keys) { partial = to.keySet.get(k); if (partial) break; }
    if (!partial) partial = variantOf(t, to) ?? transposedIn(t, to);
    if (partial) { matches.push({ a: t, b: partial, exact: false }); add(t, partial, PARTIAL); continue; }
    unmatched.push(t);
  }
  return { matches, unmatched, got, gotEvent };
}

/** Dates and counts that agree, added to both sides' clause matrices (a: a-clause × b-clause). */
function addFacts(e: Pick<Evidence, 'dates' | 'counts'>, a: PreparedSentence, b: PreparedSentence, sa: Side, sb: Side): void {
  const ga = sa.got, gb = sb.got;
  const weigh = (v: string) => (v === 'same' ? 1 : v === 'compatible' ? PARTIAL : 0);
  const add = <T>(pairs: { a: T; b: T; verdict: string }[], listA: T[], listB: T[], clA: number[], clB: number[]) => {
    const doneA = new Set<T>(), doneB = new Set<T>();
    for (const p of [...pairs].sort((x, y) => weigh(y.verdict) - weigh(x.verdict))) {
      const w = weigh(p.verdict);
      if (!w) continue;
      const i = listA.indexOf(p.a), j = listB.indexOf(p.b);
      if (!doneA.has(p.a)) { ga[clA[i]][clB[j]] += w * a.factWeight; sa.gotEvent[clA[i]][clB[j]] += w * a.factWeight; doneA.add(p.a); }
      if (!doneB.has(p.b)) { gb[clB[j]][clA[i]] += w * b.factWeight; sb.gotEvent[clB[j]][clA[i]] += w * b.factWeight; doneB.add(p.b); }
    }
  };
  add(e.dates, a.dates, b.dates, a.dateClauses, b.dateClauses);
  add(e.counts, a.counts, b.counts, a.countClauses, b.countClauses);
}

/** The units of a sentence: the whole (-1) and every clause with enough content to stand alone. */
function unitsOf(s: PreparedSentence): number[] {
  return [-1, ...s.clauseMass.map((m, c) => (m > 0 ? c : -2)).filter((c) => c >= 0)];
}

const massOf = (s: PreparedSentence, u: number) => (u < 0 ? s.mass : s.clauseMass[u]);

/** Weight of unit u of one side found in unit v of the other, from that side's clause matrix. */
function found(got: number[][], u: number, v: number): number {
  let x = 0;
  for (let c = 0; c < got.length; c++) {
    if (u >= 0 && c !== u) continue;
    for (let d = 0; d < got[c].length; d++) if (v < 0 || d === v) x += got[c][d];
  }
  return x;
}

/** The best pair of units stating the same thing (see Evidence.unitSim), with the share of event
 *  content of that pair (see Evidence.eventCov). */
function bestUnits(a: PreparedSentence, b: PreparedSentence, sa: Side, sb: Side): { sim: number; whole: boolean; pair: [number, number]; event: number } {
  let best = 0, whole = false, pair: [number, number] = [-1, -1], event = 0;
  // For two whole sentences, one side's event content found in the other is enough (a short
  // report inside a long one); for clauses, both must hold each other's.
  const eventOf = (u: number, v: number) => {
    const ea = u < 0 ? a.eventMass : a.clauseEventMass[u], eb = v < 0 ? b.eventMass : b.clauseEventMass[v];
    const x = ea > 0 ? found(sa.gotEvent, u, v) / ea : 0, y = eb > 0 ? found(sb.gotEvent, v, u) / eb : 0;
    return u < 0 && v < 0 ? Math.max(x, y) : Math.min(x, y);
  };
  for (const u of unitsOf(a)) {
    const ma = massOf(a, u);
    if (ma <= 0) continue;
    for (const v of unitsOf(b)) {
      const mb = massOf(b, v);
      if (mb <= 0) continue;
      const x = Math.min(found(sa.got, u, v) / ma, found(sb.got, v, u) / mb) * (u < 0 && v < 0 ? 1 : CLAUSE_DISCOUNT);
      if (x > best) { best = x; whole = u < 0 && v < 0; pair = [u, v]; event = eventOf(u, v); }
    }
  }
  // The whole sentences' event share counts too (a clause may hold only names).
  return { sim: Math.min(1, best), whole, pair, event: Math.min(1, Math.max(event, eventOf(-1, -1))) };
}

/** A term of `to` that is a spelling variant of t, found through the variant keys. */
function variantOf(t: Term, to: PreparedSentence): Term | undefined {
  for (const v of t.variantKeys) {
    const u = to.variants.get(v);
    if (u && spellingVariant(t.keys[0], u.keys[0])) return u;
  }
  return undefined;
}

/** Shortest written word a swap of two letters is read as a slip of the keyboard in: shorter
 *  words differ by a swap more often as two real words (علم / عمل). */
const MIN_SWAPPED = 5;

/**
 * A word of `to` written as t with two neighbouring letters swapped («رواءها» / «وراءها»): a typing
 * slip, the same word. (Written by hand: no shipped speller knows Arabic news vocabulary.) Only
 * for words left unmatched, so the retrieval bound (similarityBound) does not count it: a pair
 * that a slip alone would lift over the link threshold is still skipped.
 */
function transposedIn(t: Term, to: PreparedSentence): Term | undefined {
  if (t.entity || t.text.length < MIN_SWAPPED) return undefined;
  const k = norm(t.text);
  for (const u of to.terms) {
    if (u.entity || u.text.length !== t.text.length) continue;
    if (swappedNeighbours(k, norm(u.text))) return u;
  }
  return undefined;
}

/**
 * Upper bound of the similarity two sentences can reach (every term that shares a key or a
 * variant key counts in full, every date or count as agreeing): pairs whose bound is below the link
 * threshold are skipped without gathering evidence.
 */
export function similarityBound(a: PreparedSentence, b: PreparedSentence): number {
  return Math.min(unitBound(a, b), unitBound(b, a));
}

function unitBound(from: PreparedSentence, to: PreparedSentence): number {
  if (from.mass <= 0) return 0;
  const got = new Array<number>(from.clauseMass.length).fill(0);
  // Loops rather than some(): this runs for every candidate pair.
  terms: for (const t of from.terms) {
    if (t.speaker) continue;
    for (const k of t.keys) if (to.keySet.has(k)) { got[t.clause] += t.weight; continue terms; }
    for (const v of t.variantKeys) if (to.variants.has(v)) { got[t.clause] += t.weight; continue terms; }
  }
  if (to.dates.length) for (const c of from.dateClauses) got[c] += from.factWeight;
  if (to.counts.length) for (const c of from.countClauses) got[c] += from.factWeight;
  let best = got.reduce((x, y) => x + y, 0) / from.mass;
  from.clauseMass.forEach((m, c) => { if (m > 0) best = Math.max(best, got[c] / m); });
  return Math.min(1, best);
}

/**
 * How strongly two counts are counts of one event: the names (a town, a group, a person) of their
 * clauses (Count.context) found anywhere in the other sentence — `names` without countries, which
 * every report of a story names, `withCountries` with them. Words alone do not place an event
 * (every report of an attack says "attack" and "border"); two different places in the two clauses
 * make two events.
 */
function sharedContext(ca: Count, a: PreparedSentence, cb: Count, b: PreparedSentence): { names: number; withCountries: number } {
  const pa = placeOf(ca, a), pb = placeOf(cb, b);
  // Where a name of one side is looked for on the other: the other sentence, and the other
  // article's setting when that is what places the other count.
  const where = (s: PreparedSentence, place: Term[]) => {
    const terms = [...s.primary.values()];
    for (const t of place) if (!s.primary.has(t.keys[0])) terms.push(t);
    return terms;
  };
  const side = (place: Term[], other: Term[]) => {
    let names = 0, countries = 0, places = 0, placesMatched = 0;
    for (const t of place) {
      // Currencies, nationalities and other MISC names do not place an event.
      const hit = other.some((u) => namesMeet(t, u));
      if (t.entity!.type === 'LOC' && countryOfTerm(t)) { if (hit) countries += t.weight; continue; }
      if (t.entity!.type === 'LOC') { places++; if (hit) placesMatched++; }
      // A person's full name (given and family name) identifies as surely as two names.
      if (hit) names += t.entity!.type === 'PER' ? t.weight * Math.min(2, t.text.trim().split(/\s+/).length) : t.weight;
    }
    return { names, countries, places, placesMatched };
  };
  const x = side(pa, where(b, pb)), y = side(pb, where(a, pa));
  // Two places named around the two counts, and none of them shared: two events.
  if (x.places && y.places && !x.placesMatched && !y.placesMatched) return { names: 0, withCountries: 0 };
  return { names: Math.min(x.names, y.names), withCountries: Math.min(x.names + x.countries, y.names + y.countries) };
}

/** A date given with another day as its alternative ("في 22 أو 23 أغسطس") and that other day is
 *  the other side's day: the two agree. */
function orDay(d: DateMention, s: PreparedSentence, other: DateMention): boolean {
  const alt = /(\d{1,2})\s*(?:أو|او)\s*$/.exec(s.quote.slice(Math.max(0, d.start - s.start - 12), d.start - s.start));
  const day = /-(\d{2})(?:T|$)/.exec(other.value);
  return !!alt && !!day && +alt[1] === +day[1];
}

/** See Evidence.differentPlaces. */
function differentPlaces(a: PreparedSentence, b: PreparedSentence): boolean {
  const xa = townsOf(a.terms), xb = townsOf(b.terms);
  if (!xa.length || !xb.length) return false;
  return !xa.some((x) => xb.some((y) => namesMeet(x, y)));
}

/** See Evidence.differentActors. */
function differentActors(a: PreparedSentence, b: PreparedSentence, ma: Side): boolean {
  const xa = actorsOf(a.terms), xb = actorsOf(b.terms);
  if (!xa.length || !xb.length) return false;
  // A name matched through one of its words only ("الملك سلمان" / "محمد بن سلمان") is not the same actor.
  if (ma.matches.some((m) => xa.includes(m.a) && (m.exact || mayBeSameName(m.a.text, m.b.text)))) return false;
  if (xa.some((x) => xb.some((y) => mayBeSameName(x.text, y.text)))) return false;
  // The speaker of one sentence may be the actor of the other: «وكان داود أوغلو حمل التنظيم مسؤولية
  // الهجوم» / «وقال داود أوغلو إن … نفذه تنظيم داعش» tell one deed of one person.
  return !speakersOf(b.terms).some((y) => xa.some((x) => mayBeSameName(x.text, y.text))) && !speakersOf(a.terms).some((x) => xb.some((y) => mayBeSameName(x.text, y.text)));
}

/** A sentence's towns, actors and named speakers (see differentPlaces, differentActors), remembered per list of
 *  terms: a sentence meets many others, and reading its terms again each time was a tenth of
 *  gathering evidence on a large folder. */
const towns = new WeakMap<Term[], Term[]>();
const actors = new WeakMap<Term[], Term[]>();
const speakers = new WeakMap<Term[], Term[]>();
function townsOf(terms: Term[]): Term[] {
  let x = towns.get(terms);
  if (!x) towns.set(terms, (x = terms.filter((t) => !t.speaker && isTown(t))));
  return x;
}
function actorsOf(terms: Term[]): Term[] {
  let x = actors.get(terms);
  if (!x) actors.set(terms, (x = terms.filter((t) => !t.speaker && (t.entity?.type === 'PER' || t.entity?.type === 'ORG') && !isTitleText(t.text))));
  return x;
}
function speakersOf(terms: Term[]): Term[] {
  let x = speakers.get(terms);
  if (!x) speakers.set(terms, (x = terms.filter((t) => t.speaker && (t.entity?.type === 'PER' || t.entity?.type === 'ORG'))));
  return x;
}

/** A title or an honorific written where a name would be ("معاليه", "سمو"). */
function isTitleText(text: string): boolean {
  return norm(text).split(/\s+/).every((w) => TITLE_WORDS.has(w) || TITLE_WORDS.has(w.replace(/^ال/, '')));
}

/** What a speech act is about: the words after it, or the whole sentence when they are too few
 *  ("denied these claims" points back at the rest of the sentence). */
function scopeOf(act: SpeechAct, s: PreparedSentence): Term[] {
  return act.scope.length >= 2 ? act.scope : s.terms.filter((t) => !t.speaker);
}

/** Weighted share of a scope found on the other side with the same polarity (a word negated on
 *  one side and not on the other is not the same content). */
function scopeOverlap(scope: Term[], other: PreparedSentence): number {
  if (scope.length === 0) return 0;
  let got = 0, total = 0;
  for (const t of scope) {
    total += t.weight;
    const u = t.keys.map((k) => other.keySet.get(k)).find((x) => x !== undefined);
    if (u && u.negated === t.negated) got += t.weight;
  }
  return total > 0 ? got / total : 0;
}

/** The other side negates what is denied ("تنفي تلقيها طلبا" / "لم تتلق طلبا"): it says the same. */
function negatesScope(scope: Term[], other: PreparedSentence): boolean {
  // The other side negates what is denied: a shared word negated, or a verb negated in the clause
  // that holds the shared words ("لم تتلق طلبا جزائريا" against "تنفي تلقيها طلبا جزائريا": the
  // two say the same, in two forms of the verb).
  const negatedClauses = new Set(other.terms.filter((u) => u.negatedVerbally && !u.speaker).map((u) => u.clause));
  return scope.some((t) => t.keys.some((k) => { const u = other.keySet.get(k); return !!u && (!!u.negatedVerbally || negatedClauses.has(u.clause)); }));
}

function speechClash(x: PreparedSentence, y: PreparedSentence, side: 'a' | 'b'): Evidence['denial'] {
  // A denial of content the other side states without denying or negating it.
  if (x.denial && !y.denial && !negatesScope(scopeOf(x.denial, x), y)) {
    return { side, act: x.denial, other: y.assertion, overlap: scopeOverlap(scopeOf(x.denial, x), y), kind: 'denial' };
  }
  // Declining to comment against an official statement on the same matter.
  if (x.decline && !y.decline && !y.denial && y.assertion) {
    return { side, act: x.decline, other: y.assertion, overlap: scopeOverlap(scopeOf(x.decline, x), y), kind: 'decline' };
  }
  return undefined;
}


/**
 * Two places where one may lie in the other: a country and a place that is not a country (طهران
 * and إيران, مسقط and سلطنة عمان). News names a country by its capital or a city by its country,
 * so such a pair is not a different place; two countries, or two places that are not countries, are.
 */
function mayContain(x: Term, y: Term): boolean {
  if (x.entity!.type !== 'LOC' || y.entity!.type !== 'LOC') return false;
  return !!countryOfTerm(x) !== !!countryOfTerm(y);
}

/** Two names fill the same slot when a word next to them is the same on both sides ("تهديدات
 *  تركيا" / "تهديدات مصر", "لمصر من" / "لليبيا من"); "في سلطنة عمان" and "مع إيران" do not. */
function sameSlot(x: Term, y: Term): boolean {
  const a = x.entity!, b = y.entity!;
  return (!!a.left && a.left === b.left) || (!!a.right && a.right === b.right);
}

/** The learned tables as maps, built once per model: looking words up in the JSON objects themselves
 *  (hundreds of thousands of "a|b" keys) was the main cost of gathering evidence on a large
 *  folder, and an object would also answer for words such as "constructor". */
interface Tables { contrast: Map<string, number>; pairs: Map<string, Map<string, number>> }
const tables = new WeakMap<object, Tables>();
function tablesOf(model: Pick<StanceModel, 'contrast' | 'pairs'>): Tables {
  let t = tables.get(model.pairs);
  if (!t) {
    const pairs = new Map<string, Map<string, number>>();
    const put = (x: string, y: string, w: number) => {
      let m = pairs.get(x);
      if (!m) pairs.set(x, (m = new Map()));
      m.set(y, w);
    };
    for (const [k, w] of Object.entries(model.pairs)) {
      const [x, y] = k.split('|');
      put(x, y, w);
      put(y, x, w);
    }
    t = { contrast: new Map(Object.entries(model.contrast)), pairs };
    tables.set(model.pairs, t);
  }
  return t;
}

export function gatherEvidence(a: PreparedSentence, b: PreparedSentence, cmp: Comparators, model: Pick<StanceModel, 'contrast' | 'pairs'>): Evidence {
  const dates: Evidence['dates'] = [];
  for (const da of a.dates) {
    for (const db of b.dates) {
      const verdict = cmp.dates(da, db).verdict;
      dates.push({ a: da, b: db, verdict: verdict === 'different' && (orDay(da, a, db) || orDay(db, b, da)) ? 'compatible' : verdict });
    }
  }
  const counts: Evidence['counts'] = [];
  let totalAgainstOne = false;
  for (const ca of a.counts) {
    for (const cb of b.counts) {
      if (!sameThing(ca, cb)) continue;
      const c = sharedContext(ca, a, cb, b);
      // A total over several events is not compared with one event's count (see Evidence.totalAgainstOne).
      const oneIsTotal = !!ca.combined !== !!cb.combined;
      if (oneIsTotal) totalAgainstOne = true;
      const verdict = oneIsTotal ? 'vague' : compareCounts(ca.q, cb.q);
      counts.push({ a: ca, b: cb, verdict, context: c.names, contextWithCountries: c.withCountries });
    }
  }
  let sameSpeaker = false;
  for (const k of a.speakerKeys) if (k.startsWith('E:') && b.speakerKeys.has(k)) sameSpeaker = true;

  const ma = matchSide(a, b);
  const mb = matchSide(b, a);
  addFacts({ dates, counts }, a, b, ma, mb);
  const totalA = found(ma.got, -1, -1), totalB = found(mb.got, -1, -1);
  const units = bestUnits(a, b, ma, mb);

  // A word negated by a particle of verbs on one side and not negated on the other.
  // (Not a word supposed on either side: «في حال شارك» states no participation.)
  const negatedShared = ma.matches.filter((m) => m.a.negated !== m.b.negated && (m.a.negatedVerbally || m.b.negatedVerbally) && !m.a.supposed && !m.b.supposed);
  const negationMismatch = (a.negations.length > 0) !== (b.negations.length > 0);

  const da = speechClash(a, b, 'a');
  const db = speechClash(b, a, 'b');
  const denial = da && db ? (da.overlap >= db.overlap ? da : db) : da ?? db;

  const substitutions: Evidence['substitutions'] = [];
  const entA = ma.unmatched.filter((t) => t.entity && !t.entity.attribution);
  const entB = mb.unmatched.filter((t) => t.entity && !t.entity.attribution);
  for (const x of entA) {
    const y = entB.find((t) => t.entity!.type === x.entity!.type && sameSlot(t, x) && !mayContain(t, x));
    // Two spellings of one name (سروج / سوروتش, برمنغام / بيرمنغهام) are no substitution, nor is an
    // honorific that the tagger took for a name ("معاليه").
    if (y && !mayBeSameName(x.text, y.text) && !isTitleText(x.text) && !isTitleText(y.text)) substitutions.push({ a: x, b: y });
  }

  const { contrast, pairs } = tablesOf(model);
  const contrastWords: Evidence['contrastWords'] = [];
  for (const t of ma.unmatched) { const w = contrast.get(t.skel); if (w !== undefined) contrastWords.push({ term: t, side: 'a', w }); }
  for (const t of mb.unmatched) { const w = contrast.get(t.skel); if (w !== undefined) contrastWords.push({ term: t, side: 'b', w }); }
  const contrastPairs: Evidence['contrastPairs'] = [];
  for (const x of ma.unmatched) {
    const row = pairs.get(x.skel);
    if (!row) continue;
    for (const y of mb.unmatched) {
      const w = row.get(y.skel);
      if (w !== undefined) contrastPairs.push({ a: x, b: y, w });
    }
  }

  return {
    a, b, matches: ma.matches, unmatchedA: ma.unmatched, unmatchedB: mb.unmatched,
    covA: a.mass > 0 ? Math.min(1, totalA / a.mass) : 0, covB: b.mass > 0 ? Math.min(1, totalB / b.mass) : 0,
    unitSim: units.sim, wholeSentences: units.whole, eventCov: units.event, unitPair: units.pair, shared: Math.min(totalA, totalB),
    dates, counts, sameSpeaker, differentActors: differentActors(a, b, ma), differentPlaces: differentPlaces(a, b), totalAgainstOne, negatedShared, negationMismatch, denial, substitutions, contrastWords, contrastPairs,
  };
}
