// From the evidence of a sentence pair to a relation, a confidence and the reasons.
//
// A link is a claim to a fact-checker: "this passage states the same fact". Two sentences state the
// same fact when what they say — their content, not who says it (frame.ts) — is mostly found in
// each other, or when one short statement is found whole in a longer one, or when they give the
// same count of the same thing about the same event. They contradict when they make the same claim
// about the same thing with incompatible values: another figure for the same count, a date a few
// days off, a shared statement negated or denied on one side, another name in the same slot.
// Alike sentences whose dates are far apart tell of different events ("different event?").
// Questions and conditions make no claim, and so are never linked.
import type { Quantity, Reason, Relation } from '../model';
import type { Evidence } from './evidence';
import { DAY_VALUE, type PreparedSentence, type Term } from './prepare';
import { dayGap } from './compare';
import { compareCounts, type Count } from './counts';
import { dateClash, featureVector, logistic, quantityAgree } from './features';
import type { StanceModel, StanceThresholds } from './stanceModel';
import { confidence, confidenceModel, type ClaimThresholds } from './confidence';
import { PEOPLE_CONCEPTS } from './lexicon';
import { sharePassage } from './passages';

export interface Verdict {
  relation: Relation;
  /** Confidence that the relation is right, in [0, 1] (confidence.ts). */
  score: number;
  reasons: Reason[];
  /** Probability of disagreement from the ANS-trained classifier (for evaluation). */
  pDisagree: number;
  /** How much the two sentences state the same thing (similarity()), before calibration. */
  sameness: number;
}

/**
 * How much two sentences say the same thing: for the best pair of units (the whole sentence or one
 * of its clauses on each side), the smaller of the two shares of each unit found in the other
 * (evidence.ts). A short statement found in one clause of a long sentence that says little else
 * counts; topic words scattered over a long sentence do not.
 */
export function similarity(e: Evidence): number {
  return e.unitSim;
}

const join = (xs: string[]) => [...new Set(xs)].join('، ');
const MAX_WORDS = 5;

type Strength = 'strong' | 'medium';
interface Clash {
  reason: Reason;
  strength: Strength;
  /** The terms of each side the clash accounts for (the words that fill each other's slot). */
  termsA: Term[];
  termsB: Term[];
  /** Dates or counts the clash accounts for, on each side. */
  factsA?: number;
  factsB?: number;
}

/** A sentence that asserts something (not a question, not a condition) worth linking. */
export function makesClaim(s: PreparedSentence): boolean {
  return s.linkable && s.mood === 'assert';
}

/**
 * The clashes that can found a contradiction, as reasons. Strong: another figure for the same count,
 * dates a few days apart for the same event, a shared word negated on one side, a denial of what
 * the other side states, another name in the same slot. Medium: word pairs or words that the
 * training data shows in contradicting rewrites (ارتفاع / انخفاض, فشل, يرفض).
 */
function clashes(e: Evidence, th: StanceThresholds, ct: ClaimThresholds): Clash[] {
  const out: Clash[] = [];
  // Another figure for the same count of the same event: the two clauses holding the counts tell
  // of one event (they share a place, a name or rare words, countries aside), no other place
  // stands in the same slot, and the two sentences do not name only different towns (a bombing in
  // Suruc and one in Baghdad, both claimed by one group, are two events).
  const differentPlace = placeSwapped(e) || e.differentPlaces;
  for (const concept of differentPlace ? [] : clashingConcepts(e).slice(0, 2)) {
    const c = e.counts.filter((x) => x.a.concept === concept).sort((x, y) => y.context - x.context)[0];
    // Counts of people (the killed, the wounded, the arrested) of one event placed by a shared name;
    // counts of anything else need two shared names.
    const people = PEOPLE_CONCEPTS.has(concept.split(':')[0]);
    if (c.context < (people ? 1 : 2) * ct.countContext || !closeFigures(c.a.q, c.b.q)) continue;
    if (!sameDeed(c.a, c.b)) continue;
    out.push({ reason: { code: 'figures', a: countText(c.a, e.a), b: countText(c.b, e.b), verdict: 'different' }, strength: 'strong', termsA: [], termsB: [], factsA: 1, factsB: 1 });
    if (e.a.reported && e.b.reported && e.a.reported !== e.b.reported) {
      out.push({ reason: { code: 'reported', a: e.a.reported, b: e.b.reported }, strength: 'strong', termsA: [], termsB: [] });
    }
  }
  for (const m of e.negatedShared.slice(0, 2)) {
    out.push({ reason: { code: 'negation', a: m.a.negated ? `${negWord(e.a)} ${m.a.text}` : m.a.text, b: m.b.negated ? `${negWord(e.b)} ${m.b.text}` : m.b.text }, strength: 'strong', termsA: [], termsB: [] });
  }
  if (e.denial && e.denial.overlap >= DENIAL_OVERLAP) {
    // "نفت … إجراء محادثات" against what the other side says: its assertion word, or else the
    // words it shares with what is denied.
    const [den, oth] = e.denial.side === 'a' ? [e.a, e.b] : [e.b, e.a];
    const scope = e.denial.act.scope.length >= 2 ? e.denial.act.scope : den.terms.filter((t) => !t.speaker);
    const said = scope.filter((t) => t.keys.some((k) => oth.keySet.has(k))).slice(0, 3);
    const mine = `${e.denial.act.text} ${scope.slice(0, 2).map((t) => t.text).join(' ')}`.trim();
    const other = e.denial.other?.text ?? said.map((t) => oth.keySet.get(t.keys.find((k) => oth.keySet.has(k))!)!.text).join(' ');
    const code = e.denial.kind === 'denial' ? 'denial' : 'declined';
    out.push({ reason: e.denial.side === 'a' ? { code, a: mine, b: other } : { code, a: other, b: mine }, strength: 'strong', termsA: [], termsB: [] });
  }
  // Only dates a few days apart can be two reports of one event disagreeing on its date; further
  // apart, classify() has already called the pair a different event.
  const close = closeDateClash(e);
  if (close) {
    out.push({ reason: { code: 'date', a: close.a.text, b: close.b.text, verdict: 'different' }, strength: 'strong', termsA: [], termsB: [], factsA: 1, factsB: 1 });
  }
  // Still on the way to a place on one side, in it on the other («زحفهم نحو القصر الرئاسي» /
  // «استعادت … القصر الرئاسي»): the status of the place differs (a rising toll's kind of discrepancy:
  // the two may be hours apart, but a reader must reconcile them).
  const reached = placeReached(e.a, e.b) ?? swap(placeReached(e.b, e.a));
  if (reached) out.push({ reason: { code: 'status', a: reached.a, b: reached.b }, strength: 'strong', termsA: [], termsB: [] });
  // Another name of the same kind in the same slot (another country, another person) for the
  // same action: the names say exactly what differs.
  // (Another place with another toll is another event: two bombings, not one told two ways.)
  const twoTolls = clashingConcepts(e).length > 0;
  // Only when the names in the slots are all that differs of the names: a further name of one side
  // unmatched on the other makes another cast, two events («ابن موقد يحتفل بزفاف مشاري» / «الحربي
  // يحتفل بزفاف ابنه ثامر»), not one name changed.
  const inSlots = new Set(e.substitutions.slice(0, 2).flatMap((x) => [x.a, x.b]));
  const otherCast = [...e.unmatchedA, ...e.unmatchedB].some((t) => t.entity && !t.speaker && !inSlots.has(t));
  for (const x of otherCast ? [] : e.substitutions.slice(0, 2)) {
    if (twoTolls && x.a.entity?.type === 'LOC') continue;
    out.push({ reason: { code: 'names', a: x.a.text, b: x.b.text, verdict: 'different' }, strength: 'strong', termsA: [x.a], termsB: [x.b] });
  }
  // Word pairs learned from ANS rewrites (ارتفاع / انخفاض, فشل / نجح): only between two sentences
  // that otherwise restate each other (classify() gates them with sameClaimContrast); on real news
  // such words differ between paraphrases (رفض / غير مقبول) far more often than between clashes.
  const pairs = e.contrastPairs.filter((x) => x.w >= th.contrastPair).sort((x, y) => y.w - x.w);
  if (pairs.length) out.push({ reason: { code: 'contrast', a: pairs[0].a.text, b: pairs[0].b.text }, strength: 'medium', termsA: [pairs[0].a], termsB: [pairs[0].b] });
  const ws = e.contrastWords.filter((c) => c.w >= th.contrastWord).sort((x, y) => y.w - x.w);
  if (ws.length && !pairs.length) {
    const a = ws.filter((c) => c.side === 'a').map((c) => c.term);
    const b = ws.filter((c) => c.side === 'b').map((c) => c.term);
    out.push({ reason: { code: 'contrast', a: join(a.slice(0, 2).map((t) => t.text)), b: join(b.slice(0, 2).map((t) => t.text)) }, strength: 'medium', termsA: a.slice(0, 2), termsB: b.slice(0, 2) });
  }
  return out;
}

/**
 * The place one sentence is heading for (Term.aimHead: «نحو القصر الرئاسي») named the same way on the
 * other side, outside any aim and not negated: there it is reached or taken. The place must be named
 * by two words or more (one word, «نحو عدن», is a region many things happen in), and the other side
 * must name it as one phrase, the words together and in order (a headquarters and «القيادات» in
 * another clause are not «مقر قيادة»), with a word of taking or holding it in its clause.
 */
function placeReached(x: PreparedSentence, y: PreparedSentence): { a: string; b: string } | undefined {
  const heads = x.terms.filter((t) => t.aimHead && t.prospective && !t.speaker);
  const place = heads.map((t) => t.text).join(' ');
  if (place.split(/\s+/).length < 2) return undefined;
  const there: Term[] = [];
  for (const h of heads) {
    const u = h.keys.map((k) => y.keySet.get(k)).find((t) => !!t);
    if (!u || u.prospective || u.negated || u.speaker) return undefined;
    there.push(u);
  }
  const phrase = there.map((t) => t.text).join(' ');
  if (!y.quote.includes(phrase)) return undefined;
  // Reached: taken, entered or held in the same clause (not only named: «حي التواهي الذي يضم القصر
  // الرئاسي», where fighting goes on).
  if (!y.terms.some((t) => t.capture && t.clause === there[0].clause && !t.prospective && !t.negated)) return undefined;
  return { a: place, b: phrase };
}

const swap = (r: { a: string; b: string } | undefined) => (r ? { a: r.b, b: r.a } : undefined);

/** Another place in the same slot on the two sides (a place name substituted). */
const placeSwapped = (e: Evidence) => e.substitutions.some((x) => x.a.entity?.type === 'LOC');

/** The concepts (killed, wounded, …) for which every pair of counts on the two sides differs;
 *  amounts of money and measures left out (see MEASURE_UNITS). */
function clashingConcepts(e: Evidence): string[] {
  const concepts = [...new Set(e.counts.filter((c) => !c.a.measure && !c.b.measure).map((c) => c.a.concept))];
  return concepts.filter((k) => {
    const v = e.counts.filter((c) => c.a.concept === k).map((c) => c.verdict);
    return v.includes('different') && !v.includes('same') && !v.includes('compatible');
  });
}

/** The event content a sentence needs to state a fact (idf units: about one informative word). */
const MIN_EVENT_MASS = 5;

/** At most this many content words on either side, besides the clashing ones, are not found on the
 *  other side: the two sentences are one statement rewritten, not two reports. */
const REWRITE_DIFFERENCES = 2;

/** Two sentences that are one statement rewritten: most of each found in the other, and at most
 *  REWRITE_DIFFERENCES content words on either side not found. */
function isRewrite(e: Evidence): boolean {
  const a = e.unmatchedA.filter((t) => !t.speaker).length, b = e.unmatchedB.filter((t) => !t.speaker).length;
  return Math.min(e.covA, e.covB) >= REWRITE_COVERAGE && a <= REWRITE_DIFFERENCES && b <= REWRITE_DIFFERENCES;
}
const REWRITE_COVERAGE = 0.5;

function fewOtherDifferences(e: Evidence, c: Clash): boolean {
  const a = e.unmatchedA.filter((t) => !t.speaker && !c.termsA.includes(t)).length;
  const b = e.unmatchedB.filter((t) => !t.speaker && !c.termsB.includes(t)).length;
  return a <= REWRITE_DIFFERENCES && b <= REWRITE_DIFFERENCES;
}

/** A count as a fact-checker reads it: the words of the sentence from the predicate to the counted
 *  noun ("مقتل 30 شخصا", "30 قتيلا على الأقل"). */
function countText(c: Evidence['counts'][number]['a'], s: PreparedSentence): string {
  return s.quote.slice(c.start - s.start, c.end - s.start).replace(/\s+/g, ' ').trim();
}

/** The same day on both sides (month and day stated) and the same person named on both sides. */
function anchored(e: Evidence): boolean {
  const day = (v: string) => DAY_VALUE.test(v);
  const sameDay = e.dates.some((d) => d.verdict === 'same' && day(d.a.value) && day(d.b.value));
  return sameDay && e.matches.some((m) => m.a.entity?.type === 'PER' && m.b.entity?.type === 'PER');
}

/** Reports of one event that disagree on its date are rarely more than this many days apart. */
const CLOSE_DAYS = 3;

/** The clashing date pair when every clashing pair is at most CLOSE_DAYS apart; undefined when the
 *  dates do not clash, or when one clash is further apart (or cannot be measured: 2003 vs 2023,
 *  January vs May), which places the sentences in different events. */
function closeDateClash(e: Evidence): Evidence['dates'][number] | undefined {
  if (!dateClash(e)) return undefined;
  const diff = e.dates.filter((x) => x.verdict === 'different');
  if (!diff.every((x) => { const g = dayGap(x.a, x.b); return g !== null && g <= CLOSE_DAYS; })) return undefined;
  return diff[0];
}

/** Coverage of one side once the given unmatched terms count as accounted for. */
function coverageWith(cov: number, s: Evidence['a'], extra: Term[], facts = 0): number {
  if (s.mass <= 0) return 0;
  return Math.min(1, cov + (extra.reduce((x, t) => x + t.weight, 0) + facts * s.factWeight) / s.mass);
}

/** Share of a denied scope that must be found on the other side. */
const DENIAL_OVERLAP = 0.5;

function negWord(s: Evidence['a']): string {
  return s.negations[0] ?? '';
}

/** What the two sentences share, as reasons: names, dates, counts, words, the speaker. */
function agreementReasons(e: Evidence): Reason[] {
  const out: Reason[] = [];
  for (const c of e.counts.filter((x) => x.verdict === 'same' || x.verdict === 'compatible').slice(0, 2)) {
    out.push({ code: 'quantity', a: countText(c.a, e.a), b: countText(c.b, e.b), verdict: 'compatible' });
  }
  const names = e.matches.filter((m) => m.a.entity && (m.b.entity || !m.exact));
  const differentSpelling = names.filter((m) => m.a.text !== m.b.text);
  if (names.length) {
    out.push({ code: 'names', a: join(names.map((m) => m.a.text)), b: join(names.map((m) => m.b.text)), verdict: differentSpelling.length ? 'same' : undefined });
  }
  for (const d of e.dates.filter((x) => x.verdict === 'same' || x.verdict === 'compatible').slice(0, 2)) {
    out.push({ code: 'date', a: d.a.text, b: d.b.text, verdict: d.verdict });
  }
  const words = e.matches.filter((m) => !m.a.entity).sort((x, y) => y.a.weight - x.a.weight).slice(0, MAX_WORDS);
  if (words.length) {
    const paraphrased = words.filter((m) => m.a.text !== m.b.text);
    out.push({ code: 'words', a: join(words.map((m) => m.a.text)), b: join(words.map((m) => m.b.text)), verdict: paraphrased.length ? 'similar' : 'same' });
  }
  return out;
}

const MIN_SHARED_ITEMS = 3;

/** Both sentences give figures of one kind (percentages, or amounts of one unit) and none of one
 *  side agrees with any of the other's. */
function figuresDisagree(a: Quantity[], b: Quantity[]): boolean {
  const kind = (q: Quantity) => (q.percent ? '%' : q.unitStem ?? '');
  let comparable = false;
  for (const x of a) {
    for (const y of b) {
      if (kind(x) !== kind(y)) continue;
      comparable = true;
      const v = compareCounts(x, y);
      if (v === 'same' || v === 'compatible') return false;
    }
  }
  return comparable;
}

/** Dates and counts the two sides agree on. */
function sharedFacts(e: Evidence): number {
  return e.dates.filter((d) => d.verdict === 'same' || d.verdict === 'compatible').length +
    e.counts.filter((c) => c.verdict === 'same' || c.verdict === 'compatible').length;
}

/** Most of the shared event words (by weight) are an aim on one side (Term.prospective) and a
 *  fact on the other. */
function aimAgainstDeed(e: Evidence): boolean {
  let all = 0, split = 0;
  for (const m of e.matches) {
    if (m.a.role !== 'event' || m.a.speaker || m.b.speaker) continue;
    all += m.a.weight;
    if (!!m.a.prospective !== !!m.b.prospective) split += m.a.weight;
  }
  return all > 0 && split >= AIM_SHARE * all;
}
const AIM_SHARE = 0.5;

/** Counts of one casualty frame or one counted thing that agree, for the same event: the same
 *  toll reported twice. Agreeing figures are themselves evidence of one event, so the names they
 *  share may be countries ("300 صاروخ باتجاه إسرائيل" / "350 صاروخًا باتجاه إسرائيل"); differing
 *  figures need a name below the country to be called a contradiction (clashes()). */
function sameCount(e: Evidence, ct: ClaimThresholds): boolean {
  return e.counts.some((c) => (c.verdict === 'same' || c.verdict === 'compatible') && c.a.q.shape !== 'vague' && c.contextWithCountries >= ct.countContext && sameDeed(c.a, c.b));
}

/** People counted with no event word that says what befell them (killed, wounded, arrested) are
 *  counts of one thing only when their clauses say the same of them: three people rescued and
 *  five — or three — people killed are two counts, however the story places them. */
function sameDeed(a: Count, b: Count): boolean {
  return a.concept !== 'person' || a.context.some((k) => b.context.includes(k));
}


/** Reports of one toll disagree by a few, rarely by more than half: 28 killed in a district in a
 *  day and 3 200 killed in a war since March count different things. */
function closeFigures(a: Quantity, b: Quantity): boolean {
  const x = a.value ?? a.low, y = b.value ?? b.low;
  return Math.max(x, y) <= 2 * Math.min(x, y);
}

/**
 * Whether classify() can give a pair of sentences whose counts do not meet any verdict, from their
 * similarity bound (evidence.similarityBound, an upper bound of the similarity and of each side's
 * coverage) alone: most candidate pairs of a large folder are rejected here without gathering
 * evidence. Exact — every path of classify() below the corroborate threshold needs one of these:
 * a denial or declined comment (sim ≥ link), the same day on both sides (anchored), or a clash
 * whose own words (at most two terms a side) bring the coverage to sameClaimContrast /
 * sameClaimNames; every other clash needs a coverage above the corroborate threshold.
 */
export function mayGetVerdict(a: PreparedSentence, b: PreparedSentence, bound: number, ct: ClaimThresholds = confidenceModel.thresholds): boolean {
  if (bound < ct.link) return false;
  if (bound >= Math.min(ct.corroborate, ct.sameClaimStrong, ct.sameClaimNegation, REWRITE_COVERAGE)) return true;
  if (a.denial || a.decline || b.denial || b.decline) return true;
  if (a.dayDated && b.dayDated) return true;
  return bound + Math.max(a.topTwoShare, b.topTwoShare) >= Math.min(ct.sameClaimNames, ct.sameClaimContrast);
}

/**
 * The thresholds (server/models/crosscheck.json):
 *  - link: below this similarity two sentences are not compared further;
 *  - corroborate: the similarity of two sentences stating one fact;
 *  - eventShare: the share of one side's event words (not names, not titles) the other must hold,
 *    below clearRestatement — two sentences that share only whom they are about state no one fact;
 *  - minShared: the absolute content two sentences must share (idf units; one name is not enough);
 *  - sameClaimStrong / sameClaimNegation / sameClaimNames / sameClaimContrast: how much of both sides
 *    must match, the clashing words set against each other, for a clash to make a contradiction (a
 *    close date / a negated shared word / another name in the same slot / learned contrasting words);
 *  - countContext: how much of their event two counts must share to be counts of one thing;
 *  - rewriteDisagreement: the ANS classifier's probability of disagreement above which one
 *    statement rewritten with a word or two changed is a contradiction.
 */
export function classify(e: Evidence, model: Pick<StanceModel, 'weights' | 'bias' | 'thresholds'>, ct: ClaimThresholds = confidenceModel.thresholds): Verdict | null {
  if (!makesClaim(e.a) || !makesClaim(e.b)) return null;
  const th = model.thresholds;
  const sim = similarity(e);
  const p = model.weights.length ? logistic(model.weights, model.bias, featureVector(e)) : 0.5;
  // One shared name is not a restated statement, however short the two sentences are.
  const specific = e.shared >= ct.minShared;
  const verdict = (relation: Relation, reasons: Reason[]): Verdict =>
    ({ relation, score: confidence(relation, e, sim), reasons, pDisagree: p, sameness: sim });
  // Alike sentences whose dates are far apart tell of two events (the talks of January and those
  // of May): whatever else differs between them (numbers, names, who denied what) belongs to
  // different events, so no contradiction is drawn.
  if (dateClash(e) && !closeDateClash(e)) {
    if (!specific || sim < ct.corroborate) return null;
    const d = e.dates.find((x) => x.verdict === 'different')!;
    return verdict('different-event', [{ code: 'different-event', a: d.a.text, b: d.b.text }, ...agreementReasons(e)]);
  }
  // Both sentences make the same claim when most of each is found in the other once the clashing
  // values are set against each other (30 killed in one, 32 in the other). A strong clash names
  // exactly what differs and founds a contradiction by itself; a denial is gated by how much of
  // the denied content the other side states; figures by the event their counts share.
  const found = clashes(e, th, ct).filter((c) => {
    // A denial, or declining to comment, against a statement of the same matter: the two must be
    // about one claim, not only share the denied words.
    // A denial of what other people did («Egypt denies receiving a request» / «Ghannouchi admitted
    // asking Bouteflika») is about another claim.
    if (c.reason.code === 'denial') return sim >= ct.link && !e.differentActors;
    if (c.reason.code === 'declined') return sim >= ct.link;
    if (c.reason.code === 'figures' || c.reason.code === 'reported') return true;
    // A place still aimed at against the same place reached: the place names what differs; the
    // two must tell one event (the same story's actors, not another side's advance elsewhere).
    if (c.reason.code === 'status') return sim >= ct.link;
    const cov = Math.min(coverageWith(e.covA, e.a, c.termsA, c.factsA), coverageWith(e.covB, e.b, c.termsB, c.factsB));
    // Another name in the same slot is a clash only when everything else of the claim matches:
    // two events of one story (two attacks, two officials) share most words but not the names.
    if (c.reason.code === 'names') return cov >= ct.sameClaimNames;
    // Learned contrasting words: only in a rewrite of one statement, where little but them differs.
    if (c.strength === 'medium') return cov >= ct.sameClaimContrast && p >= th.contradict && fewOtherDifferences(e, c);
    if (c.reason.code === 'negation') return cov >= ct.sameClaimNegation;
    return cov >= ct.sameClaimStrong;
  });
  // One statement rewritten with a word or two changed, which the ANS-trained classifier reads as
  // a disagreement (ارتفاع / انخفاض, يدعم / ينتقد): the changed words are the clash.
  // (Not when a total of several events meets one event's count: «في تفجير سيارتين» against «في
  // تفجير سيارة» is what makes the first a total, not a clash.)
  // Nor when another town and another toll make it another event.
  const twoEvents = clashingConcepts(e).length > 0 && (e.differentPlaces || placeSwapped(e));
  if (!found.length && !e.totalAgainstOne && !twoEvents && isRewrite(e) && p >= ct.rewriteDisagreement) {
    const a = e.unmatchedA.filter((t) => !t.speaker), b = e.unmatchedB.filter((t) => !t.speaker);
    // Names changed are the names rule's to judge (clashes: one slot, the rest of the cast the same).
    const named = [...a, ...b].some((t) => t.entity);
    if (a.length && b.length && !named) found.push({ reason: { code: 'contrast', a: join(a.map((t) => t.text)), b: join(b.map((t) => t.text)) }, strength: 'medium', termsA: a, termsB: b });
  }
  const figures = found.some((c) => c.reason.code === 'figures');
  if (found.length > 0 && (specific || figures)) return verdict('contradicts', found.map((c) => c.reason));
  if (!specific) return null;
  // Counts of the same thing that differ, without enough else in common to call it the same claim:
  // not the same fact either.
  if (clashingConcepts(e).length) return null;
  // A total of several events against one event's count of the same thing: another fact.
  if (e.totalAgainstOne) return null;
  if (dateClash(e)) {
    // Close dates without enough else in common to call a contradiction: still not the same event.
    if (sim < ct.corroborate) return null;
    const d = e.dates.find((x) => x.verdict === 'different')!;
    return verdict('different-event', [{ code: 'different-event', a: d.a.text, b: d.b.text }, ...agreementReasons(e)]);
  }
  // The same toll, or the same count of the same thing, for the same event.
  const toll = sameCount(e, ct);
  // A sentence that only names someone with their titles (a photo caption) tells no event; two
  // sentences whose actors are all different tell of two events (two ministries' Eid parties).
  if (!toll && Math.min(e.a.eventMass, e.b.eventMass) < MIN_EVENT_MASS) return null;
  if (!toll && e.differentActors && sim < ct.clearRestatement) return null;
  // Both give figures and none of them agree: two reports restating one fact repeat one of its
  // figures (a sector up 0.36 % and another up 5.9 %; two companies' results).
  if (!toll && e.a.counts.length && e.b.counts.length && !quantityAgree(e) && sim < ct.clearRestatement) return null;
  // The same for percentages and amounts of one unit (two sectors' changes, two days' gold prices).
  if (!toll && figuresDisagree(e.a.figures, e.b.figures) && sim < ct.clearRestatement) return null;
  // The same kind of news from two places (clashes in two provinces, two teams' training camps).
  // (Not when the same person is placed on the same day: then it is one event, however named.)
  if (!toll && e.differentPlaces && sim < ct.clearRestatement && !anchored(e)) return null;
  if (!toll) {
    // A long report tells the same event among other things when it is anchored to it: the same
    // day (month and day stated on both sides) and the same person ("McGurk travelled to Muscat
    // on 8 May").
    // (A quotation printed word for word on both sides is the same statement: passages.ts. Read
    // once, and only when a gate below would refuse the pair.)
    let quoted: boolean | undefined;
    const quotes = () => (quoted ??= sharePassage(e.a, e.b));
    if (sim < ct.corroborate && !anchored(e) && !(sim >= ct.link && quotes())) return null;
    // What the two share must include what happened, not only who.
    if (sim < ct.clearRestatement && e.eventCov < ct.eventShare && !quotes()) return null;
    if (p >= th.block) return null;
  }
  // One side tells of an aim (preparing to take the district, advancing towards the palace), the
  // other of the deed: not a second source for it.
  if (aimAgainstDeed(e)) return null;
  // Two shared words (داعش، تنظيم; لاعبو، تدريبات) are a topic, not a restated fact, however short
  // one of the sentences is; a shared count or date is a third.
  // (The words of a shared count restate that count: "ثلاثة أشخاص" is one item, not three.)
  const countShared = e.counts.some((c) => c.verdict === 'same' || c.verdict === 'compatible');
  if (!toll && e.matches.filter((m) => !m.a.speaker && !m.b.speaker && !(countShared && m.a.ofCount && m.b.ofCount)).length + sharedFacts(e) < MIN_SHARED_ITEMS) return null;
  return verdict('corroborates', agreementReasons(e));
}

export { quantityAgree };
