// What two sentences of different articles share and where they clash: matched terms (words and
// names by canonical id), coverage of each side, date and quantity verdicts, negation of a shared
// word, denial or declined comment against an assertion, names swapped for others of the same
// type, and word pairs that the training data shows in contradicting rewrites. Symmetric in
// content: evidence(b, a) is evidence(a, b) with the sides swapped.
import type { DateMention, Quantity } from '../model';
import type { Comparators, DateVerdict, QuantityVerdict } from './compare';
import type { PreparedSentence, SpeechAct, Term } from './prepare';
import type { StanceModel } from './stanceModel';
import { countryOf } from '../entities/places';
import { norm } from '../text/normalize';
import { spellingVariant } from './stems';

export interface Match { a: Term; b: Term; exact: boolean }

export interface Evidence {
  a: PreparedSentence;
  b: PreparedSentence;
  matches: Match[];
  unmatchedA: Term[];
  unmatchedB: Term[];
  /** Weighted share of each side's content found on the other side. */
  covA: number;
  covB: number;
  /** The same for the best-covered clause of each side (0 for one-clause sentences). */
  localA: number;
  localB: number;
  /** How much the two share in absolute terms (idf units, the smaller of the two sides): one
   *  shared name is not a statement restated, however short the sentences. */
  shared: number;
  dates: { a: DateMention; b: DateMention; verdict: DateVerdict }[];
  quantities: { a: Quantity; b: Quantity; verdict: QuantityVerdict }[];
  /** A shared word negated on one side only. */
  negatedShared: Match[];
  /** One side has a negation particle, the other none. */
  negationMismatch: boolean;
  /** A denial (or declined comment) on one side against an assertion of the same content. */
  denial?: { side: 'a' | 'b'; act: SpeechAct; other: SpeechAct | undefined; overlap: number; kind: 'denial' | 'decline' };
  /** Names present on one side only, paired with a name of the same type on the other. */
  substitutions: { a: Term; b: Term }[];
  /** Words on one side only, with their learned contrast (log-odds of disagreement). */
  contrastWords: { term: Term; side: 'a' | 'b'; w: number }[];
  /** Word pairs, one on each side only, with their learned log-odds of disagreement. */
  contrastPairs: { a: Term; b: Term; w: number }[];
}

const PARTIAL = 0.8;

function matchSide(from: PreparedSentence, to: PreparedSentence, facts: number[]): { matches: Match[]; unmatched: Term[]; cov: number; local: number; got: number } {
  const primary = to.primary;
  const any = to.keySet;
  const matches: Match[] = [];
  const unmatched: Term[] = [];
  // Per clause: what was found on the other side (facts first), then the best clause's share.
  const got = facts.slice();
  for (const t of from.terms) {
    const exact = primary.get(t.keys[0]);
    if (exact) { matches.push({ a: t, b: exact, exact: true }); got[t.clause] += t.weight; continue; }
    let partial: Term | undefined;
    for (const k of t.keys) { partial = any.get(k); if (partial) break; }
    if (!partial) partial = variantOf(t, to);
    if (partial) { matches.push({ a: t, b: partial, exact: false }); got[t.clause] += PARTIAL * t.weight; continue; }
    unmatched.push(t);
  }
  const total = got.reduce((x, y) => x + y, 0);
  let local = 0;
  from.clauseMass.forEach((m, c) => { if (m > 0) local = Math.max(local, got[c] / m); });
  return { matches, unmatched, cov: from.mass > 0 ? total / from.mass : 0, local, got: total };
}

/** Weight of the dates and quantities of one side that agree with one on the other side, per clause. */
function factsAgreeing(e: Pick<Evidence, 'dates' | 'quantities'>, side: 'a' | 'b', s: PreparedSentence): number[] {
  const got = new Array<number>(s.clauseMass.length).fill(0);
  s.dates.forEach((d, i) => {
    const v = e.dates.filter((x) => x[side] === d).map((x) => x.verdict);
    got[s.dateClauses[i]] += (v.includes('same') ? 1 : v.includes('compatible') ? PARTIAL : 0) * s.factWeight;
  });
  s.quantities.forEach((q, i) => {
    if (e.quantities.some((x) => x[side] === q && x.verdict === 'compatible')) got[s.quantityClauses[i]] += s.factWeight;
  });
  return got;
}

/** A term of `to` that is a spelling variant of t, found through the variant keys. */
function variantOf(t: Term, to: PreparedSentence): Term | undefined {
  for (const v of t.variantKeys) {
    const u = to.variants.get(v);
    if (u && spellingVariant(t.keys[0], u.keys[0])) return u;
  }
  return undefined;
}

/**
 * Upper bound of the share of `from` that can match `to` (every term that shares a key or a
 * variant key counts in full): pairs whose bound is below the link threshold are skipped without
 * gathering evidence.
 */
export function coverageBound(from: PreparedSentence, to: PreparedSentence): { cov: number; local: number } {
  if (from.mass <= 0) return { cov: 0, local: 0 };
  const got = new Array<number>(from.clauseMass.length).fill(0);
  for (const t of from.terms) {
    if (t.keys.some((k) => to.keySet.has(k)) || t.variantKeys.some((v) => to.variants.has(v))) got[t.clause] += t.weight;
  }
  if (to.dates.length) for (const c of from.dateClauses) got[c] += from.factWeight;
  if (to.quantities.length) for (const c of from.quantityClauses) got[c] += from.factWeight;
  let local = 0;
  from.clauseMass.forEach((m, c) => { if (m > 0) local = Math.max(local, got[c] / m); });
  return { cov: got.reduce((x, y) => x + y, 0) / from.mass, local };
}

/** What a speech act is about: the words after it, or the whole sentence when they are too few
 *  ("denied these claims" points back at the rest of the sentence). */
function scopeOf(act: SpeechAct, s: PreparedSentence): Term[] {
  return act.scope.length >= 2 ? act.scope : s.terms;
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

function speechClash(x: PreparedSentence, y: PreparedSentence, side: 'a' | 'b'): Evidence['denial'] {
  // A denial of content the other side states without denying it.
  if (x.denial && !y.denial) {
    return { side, act: x.denial, other: y.assertion, overlap: scopeOverlap(scopeOf(x.denial, x), y), kind: 'denial' };
  }
  // Declining to comment against an official statement on the same matter.
  if (x.decline && !y.decline && !y.denial && y.assertion) {
    return { side, act: x.decline, other: y.assertion, overlap: scopeOverlap(scopeOf(x.decline, x), y), kind: 'decline' };
  }
  return undefined;
}

/** The country (ICU region code) a place term names, if it names one. */
function countryOfTerm(t: Term): string | undefined {
  // The mention as written, then the canonical name (the id after its type).
  for (const name of [t.text, t.entity!.id.replace(/^[A-Z]+:/, '')]) {
    const words = norm(name).split(/[_\s]+/).filter(Boolean);
    const c = countryOf(words.map((w) => w.replace(/^ال(?=..)/, ''))) ?? countryOf(words);
    if (c) return c;
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

const pairKey = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);

/** Skeletons that take part in at least one learned pair, per pair table (computed once). */
const pairVocabulary = new WeakMap<Record<string, number>, Set<string>>();
function vocabularyOf(pairs: Record<string, number>): Set<string> {
  let v = pairVocabulary.get(pairs);
  if (!v) {
    v = new Set(Object.keys(pairs).flatMap((k) => k.split('|')));
    pairVocabulary.set(pairs, v);
  }
  return v;
}

export function gatherEvidence(a: PreparedSentence, b: PreparedSentence, cmp: Comparators, model: Pick<StanceModel, 'contrast' | 'pairs'>): Evidence {
  const dates: Evidence['dates'] = [];
  for (const da of a.dates) for (const db of b.dates) dates.push({ a: da, b: db, verdict: cmp.dates(da, db).verdict });
  const quantities: Evidence['quantities'] = [];
  a.quantities.forEach((qa, i) => b.quantities.forEach((qb, j) => {
    // Counts of the same things: a counted noun shared by the two lists of counted nouns.
    const shared = [...a.quantityUnits[i]].find((u) => b.quantityUnits[j].has(u));
    const verdict = shared ? cmp.quantities({ ...qa, unitStem: shared }, { ...qb, unitStem: shared }).verdict : cmp.quantities(qa, qb).verdict;
    quantities.push({ a: qa, b: qb, verdict });
  }));
  const ma = matchSide(a, b, factsAgreeing({ dates, quantities }, 'a', a));
  const mb = matchSide(b, a, factsAgreeing({ dates, quantities }, 'b', b));

  const negatedShared = ma.matches.filter((m) => m.a.negated !== m.b.negated);
  const negationMismatch = (a.negations.length > 0) !== (b.negations.length > 0);

  const da = speechClash(a, b, 'a');
  const db = speechClash(b, a, 'b');
  const denial = da && db ? (da.overlap >= db.overlap ? da : db) : da ?? db;

  const substitutions: Evidence['substitutions'] = [];
  // Who speaks is not what is said: speaker terms never found a clash.
  const claimA = ma.unmatched.filter((t) => !t.speaker);
  const claimB = mb.unmatched.filter((t) => !t.speaker);
  const entA = claimA.filter((t) => t.entity && !t.entity.attribution);
  const entB = claimB.filter((t) => t.entity && !t.entity.attribution);
  for (const x of entA) {
    const y = entB.find((t) => t.entity!.type === x.entity!.type && sameSlot(t, x) && !mayContain(t, x));
    if (y) substitutions.push({ a: x, b: y });
  }

  const contrastWords: Evidence['contrastWords'] = [];
  for (const t of claimA) { const w = model.contrast[t.skel]; if (w !== undefined) contrastWords.push({ term: t, side: 'a', w }); }
  for (const t of claimB) { const w = model.contrast[t.skel]; if (w !== undefined) contrastWords.push({ term: t, side: 'b', w }); }
  const contrastPairs: Evidence['contrastPairs'] = [];
  const vocabulary = vocabularyOf(model.pairs);
  const pa = claimA.filter((t) => vocabulary.has(t.skel));
  const pb = claimB.filter((t) => vocabulary.has(t.skel));
  for (const x of pa) {
    for (const y of pb) {
      const w = model.pairs[pairKey(x.skel, y.skel)];
      if (w !== undefined) contrastPairs.push({ a: x, b: y, w });
    }
  }

  return {
    a, b, matches: ma.matches, unmatchedA: ma.unmatched, unmatchedB: mb.unmatched, covA: ma.cov, covB: mb.cov, localA: ma.local, localB: mb.local, shared: Math.min(ma.got, mb.got),
    dates, quantities, negatedShared, negationMismatch, denial, substitutions, contrastWords, contrastPairs,
  };
}
