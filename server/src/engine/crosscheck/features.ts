// The pair features of the stance classifier, computed from the evidence. Every feature is
// bounded (shares, capped counts, 0/1 flags) so that long article sentences and short headlines
// live on the same scale.
import type { Evidence } from './evidence';

export const FEATURE_NAMES = [
  'covMin', 'covMax', 'covProd', 'sharedNames', 'substitution', 'extraBoth',
  'dateSame', 'dateClash', 'quantityCompatible', 'quantityClash',
  'negatedShared', 'negationMismatch', 'denial', 'contrastMax', 'contrastMean', 'contrastMin', 'pairMax', 'lengthRatio',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

export function dateClash(e: Evidence): boolean {
  return e.dates.some((d) => d.verdict === 'different') && !e.dates.some((d) => d.verdict === 'same' || d.verdict === 'compatible');
}

export function dateAgree(e: Evidence): boolean {
  return e.dates.some((d) => d.verdict === 'same' || d.verdict === 'compatible');
}

/** Counts of the same thing that differ, and none that agree. */
export function quantityClash(e: Evidence): boolean {
  return e.counts.some((q) => q.verdict === 'different') && !quantityAgree(e);
}

export function quantityAgree(e: Evidence): boolean {
  return e.counts.some((q) => q.verdict === 'same' || q.verdict === 'compatible');
}

/** Share of the weight of terms found on one side only, on the side that has less of it. */
function extraBoth(e: Evidence): number {
  const ua = e.unmatchedA.reduce((s, t) => s + t.weight, 0) / Math.max(e.a.mass, 1e-9);
  const ub = e.unmatchedB.reduce((s, t) => s + t.weight, 0) / Math.max(e.b.mass, 1e-9);
  return Math.min(ua, ub);
}

const clip = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

export function featureVector(e: Evidence): number[] {
  const names = e.matches.filter((m) => m.a.entity && m.b.entity).length;
  const cw = e.contrastWords.map((c) => c.w);
  const la = e.a.terms.filter((t) => !t.speaker).length, lb = e.b.terms.filter((t) => !t.speaker).length;
  const f: Record<FeatureName, number> = {
    covMin: Math.min(e.covA, e.covB),
    covMax: Math.max(e.covA, e.covB),
    covProd: e.covA * e.covB,
    sharedNames: Math.min(names, 3) / 3,
    substitution: e.substitutions.length > 0 ? 1 : 0,
    extraBoth: extraBoth(e),
    dateSame: dateAgree(e) ? 1 : 0,
    dateClash: dateClash(e) ? 1 : 0,
    quantityCompatible: quantityAgree(e) ? 1 : 0,
    quantityClash: quantityClash(e) ? 1 : 0,
    negatedShared: e.negatedShared.length > 0 ? 1 : 0,
    negationMismatch: e.negationMismatch ? 1 : 0,
    denial: e.denial && e.denial.overlap >= 0.5 ? 1 : 0,
    contrastMax: clip(cw.length ? Math.max(...cw) : 0, 0, 3) / 3,
    contrastMean: clip(cw.length ? cw.reduce((s, x) => s + x, 0) / cw.length : 0, -3, 3) / 3,
    contrastMin: clip(cw.length ? Math.min(...cw) : 0, -3, 0) / 3,
    pairMax: clip(e.contrastPairs.length ? Math.max(...e.contrastPairs.map((p) => p.w)) : 0, 0, 4) / 4,
    lengthRatio: Math.min(la, lb) / Math.max(la, lb, 1),
  };
  return FEATURE_NAMES.map((n) => f[n]);
}

export function logistic(weights: number[], bias: number, x: number[]): number {
  let z = bias;
  for (let i = 0; i < x.length; i++) z += (weights[i] ?? 0) * x[i];
  return 1 / (1 + Math.exp(-z));
}
