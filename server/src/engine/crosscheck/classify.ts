// From the evidence of a sentence pair to a relation, a score and the reasons.
//
// The learned part (logistic regression over features.ts, trained on ANS) says how likely the two
// sentences disagree; the rules around it make contradictions well-founded: a contradiction needs
// a named clash (numbers, a negated shared word, a denial, swapped names, contrasting words) AND
// both sentences making the same claim (most of each side found on the other). When two
// sentences look alike but their dates differ, they are most likely about different events
// ("different event?"), not in contradiction.
import type { Reason, Relation } from '../model';
import type { Evidence } from './evidence';
import type { Term } from './prepare';
import { dayGap } from './compare';
import { dateClash, featureVector, logistic, quantityAgree, quantityClash } from './features';
import type { StanceModel, StanceThresholds } from './stanceModel';

export interface Verdict {
  relation: Relation;
  score: number;
  reasons: Reason[];
  /** Probability of disagreement from the classifier (for evaluation). */
  pDisagree: number;
}

/** How much the two sentences say the same thing: the geometric mean of the two coverages,
 *  lifted when the shorter side is almost entirely found in the longer one. */
export function similarity(e: Evidence): number {
  return similarityOf(e.covA, e.covB, e.a.mass, e.b.mass, e.localA, e.localB);
}

/** A clause of one sentence that another sentence (or one of its clauses) restates counts for less
 *  than the whole sentence restated: the rest of the sentence says other things. */
const CLAUSE_DISCOUNT = 0.75;

export function similarityOf(covA: number, covB: number, massA: number, massB: number, localA = 0, localB = 0): number {
  const g = Math.sqrt(covA * covB);
  const short = massA <= massB ? covA : covB;
  // Clause to clause, or a clause of one sentence against the whole of the other.
  const local = CLAUSE_DISCOUNT * Math.sqrt(Math.max(localA, covA) * Math.max(localB, covB));
  return Math.max(g, 0.75 * short * Math.min(1, Math.sqrt(Math.min(massA, massB) / 12)), local);
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
  /** Dates or quantities the clash accounts for, on each side. */
  factsA?: number;
  factsB?: number;
}

/**
 * The clashes that can found a contradiction, as reasons. Strong: incompatible numbers for the
 * same counted thing, dates a few days apart for the same event, a shared word negated on one
 * side, a denial of what the other side states. Medium: another name of the same type in the same slot, word pairs or words that
 * the training data shows in contradicting rewrites (ارتفاع / انخفاض, فشل, يرفض).
 */
function clashes(e: Evidence, th: StanceThresholds): Clash[] {
  const out: Clash[] = [];
  if (quantityClash(e)) {
    for (const q of e.quantities.filter((x) => x.verdict === 'different').slice(0, 2)) {
      out.push({ reason: { code: 'quantity', a: q.a.text, b: q.b.text, verdict: 'different' }, strength: 'strong', termsA: [], termsB: [], factsA: 1, factsB: 1 });
    }
  }
  for (const m of e.negatedShared.slice(0, 2)) {
    out.push({ reason: { code: 'negation', a: m.a.negated ? `${negWord(e.a)} ${m.a.text}` : m.a.text, b: m.b.negated ? `${negWord(e.b)} ${m.b.text}` : m.b.text }, strength: 'strong', termsA: [], termsB: [] });
  }
  if (e.denial && e.denial.overlap >= DENIAL_OVERLAP) {
    // "نفت … إجراء محادثات" against what the other side says: its assertion word, or else the
    // words it shares with what is denied.
    const [den, oth] = e.denial.side === 'a' ? [e.a, e.b] : [e.b, e.a];
    const scope = e.denial.act.scope.length >= 2 ? e.denial.act.scope : den.terms;
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
  // Another name of the same kind in the same slot (another country, another person) for the
  // same action: the names say exactly what differs.
  for (const x of e.substitutions.slice(0, 2)) {
    out.push({ reason: { code: 'names', a: x.a.text, b: x.b.text, verdict: 'different' }, strength: 'strong', termsA: [x.a], termsB: [x.b] });
  }
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

/** The same day on both sides (month and day stated) and the same person named on both sides. */
function anchored(e: Evidence): boolean {
  const day = (v: string) => /^(\d{4}|XXXX)-\d{2}-\d{2}$/.test(v);
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

/** What the two sentences share, as reasons: names, dates, numbers, words. */
function agreementReasons(e: Evidence): Reason[] {
  const out: Reason[] = [];
  const names = e.matches.filter((m) => m.a.entity && (m.b.entity || !m.exact));
  const differentSpelling = names.filter((m) => m.a.text !== m.b.text);
  if (names.length) {
    out.push({ code: 'names', a: join(names.map((m) => m.a.text)), b: join(names.map((m) => m.b.text)), verdict: differentSpelling.length ? 'same' : undefined });
  }
  for (const d of e.dates.filter((x) => x.verdict === 'same' || x.verdict === 'compatible').slice(0, 2)) {
    out.push({ code: 'date', a: d.a.text, b: d.b.text, verdict: d.verdict });
  }
  if (quantityAgree(e)) {
    for (const q of e.quantities.filter((x) => x.verdict === 'compatible').slice(0, 2)) out.push({ code: 'quantity', a: q.a.text, b: q.b.text, verdict: 'compatible' });
  }
  const words = e.matches.filter((m) => !m.a.entity).sort((x, y) => y.a.weight - x.a.weight).slice(0, MAX_WORDS);
  if (words.length) {
    const paraphrased = words.filter((m) => m.a.text !== m.b.text);
    out.push({ code: 'words', a: join(words.map((m) => m.a.text)), b: join(words.map((m) => m.b.text)), verdict: paraphrased.length ? 'similar' : 'same' });
  }
  return out;
}

export function classify(e: Evidence, model: Pick<StanceModel, 'weights' | 'bias' | 'thresholds'>): Verdict | null {
  if (!e.a.linkable || !e.b.linkable) return null;
  const th = model.thresholds;
  const sim = similarity(e);
  if (sim < th.link) return null;
  const p = model.weights.length ? logistic(model.weights, model.bias, featureVector(e)) : 0.5;
  // One shared name is not a restated statement, however short the two sentences are.
  const specific = e.shared >= th.minShared;
  // Alike sentences whose dates are far apart tell of two events (the talks of January and those
  // of May): whatever else differs between them (numbers, names, who denied what) belongs to
  // different events, so no contradiction is drawn.
  if (dateClash(e) && !closeDateClash(e)) {
    if (!specific) return null;
    const d = e.dates.find((x) => x.verdict === 'different')!;
    return { relation: 'different-event', score: round(sim), reasons: [{ code: 'different-event', a: d.a.text, b: d.b.text }, ...agreementReasons(e)], pDisagree: p };
  }
  // Both sentences make the same claim when most of each is found in the other once the clashing
  // words are set against each other (ينخفض in one slot, ارتفاع in the other). A strong clash
  // (numbers, close dates, negation, another name in the same slot) names exactly what differs:
  // it needs a little less overlap and founds a contradiction by itself; a denial is gated by how
  // much of the denied content the other side states. A medium clash (learned contrasting words)
  // also needs the classifier's agreement.
  const found = clashes(e, th).filter((c) => {
    if (c.reason.code === 'denial' || c.reason.code === 'declined') return true;
    const cov = Math.min(coverageWith(e.covA, e.a, c.termsA, c.factsA), coverageWith(e.covB, e.b, c.termsB, c.factsB));
    return c.strength === 'strong' ? cov >= th.sameClaimStrong : cov >= th.sameClaim && p >= th.contradict;
  });
  if (found.length > 0) {
    const strong = found.some((c) => c.strength === 'strong');
    const conf = strong ? Math.max(p, 0.5 + p / 2) : p;
    return { relation: 'contradicts', score: round(conf * Math.min(1, sim / th.sameClaim)), reasons: found.map((c) => c.reason), pDisagree: p };
  }
  if (!specific) return null;
  if (dateClash(e)) {
    // Close dates without enough else in common to call a contradiction: still not the same event.
    const d = e.dates.find((x) => x.verdict === 'different')!;
    return { relation: 'different-event', score: round(sim), reasons: [{ code: 'different-event', a: d.a.text, b: d.b.text }, ...agreementReasons(e)], pDisagree: p };
  }
  // Below the similarity bar, a pair still corroborates when it is anchored to one event: the
  // same day (month and day stated on both sides) and the same person. Long reports tell the same
  // event among other things ("McGurk travelled to Muscat on 8 May").
  if (p >= th.block || (sim < th.corroborate && !anchored(e))) return null;
  return { relation: 'corroborates', score: round(Math.min(1, sim * 1.25)), reasons: agreementReasons(e), pDisagree: p };
}

const round = (x: number) => Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
