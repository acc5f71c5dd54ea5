// The confidence shown with a link: an estimate of the probability that the relation is right
// (that the other passage states the same fact, or really reports it otherwise), from what the
// two sentences share. A logistic curve over the evidence; its coefficients, and the thresholds of
// the claim comparison (classify.ts), live in server/models/crosscheck.json.
import type { Relation } from '../model';
import type { Evidence } from './evidence';
import params from '../../../models/crosscheck.json';

/** The thresholds of classify.ts (see there for what each means). */
export interface ClaimThresholds {
  link: number;
  corroborate: number;
  clearRestatement: number;
  eventShare: number;
  minShared: number;
  sameClaimStrong: number;
  sameClaimNegation: number;
  sameClaimNames: number;
  sameClaimContrast: number;
  countContext: number;
  rewriteDisagreement: number;
}

export interface ConfidenceModel {
  about: string;
  thresholds: ClaimThresholds;
  /** Logistic coefficients per relation, over the features of confidenceFeatures(). */
  corroborates: { bias: number; weights: Record<string, number> };
  contradicts: { bias: number; weights: Record<string, number> };
  differentEvent: { bias: number; weights: Record<string, number> };
  /** Links below this confidence are not shown (hovers, CodeLens, diagnostics) nor stored. */
  minimum: { corroborates: number; contradicts: number; differentEvent: number };
}

export const confidenceModel: ConfidenceModel = params as ConfidenceModel;

/** The evidence a confidence is computed from, each in [0, 1]. */
export function confidenceFeatures(e: Evidence, sim: number): Record<string, number> {
  const names = e.matches.filter((m) => m.a.entity && m.b.entity).length;
  return {
    sameness: sim,
    eventCov: e.eventCov,
    coverageMin: Math.min(e.covA, e.covB),
    coverageMax: Math.max(e.covA, e.covB),
    sameCount: e.counts.some((c) => (c.verdict === 'same' || c.verdict === 'compatible') && c.a.q.shape !== 'vague') ? 1 : 0,
    differentCount: e.counts.some((c) => c.verdict === 'different') ? 1 : 0,
    sameSpeaker: e.sameSpeaker ? 1 : 0,
    sharedNames: Math.min(names, 3) / 3,
    shared: Math.min(e.shared, 60) / 60,
    sameDate: e.dates.some((d) => d.verdict === 'same' || d.verdict === 'compatible') ? 1 : 0,
  };
}

function logistic(m: { bias: number; weights: Record<string, number> }, f: Record<string, number>): number {
  let z = m.bias;
  for (const [k, w] of Object.entries(m.weights)) z += w * (f[k] ?? 0);
  return 1 / (1 + Math.exp(-z));
}

export function confidence(relation: Relation, e: Evidence, sim: number, model: ConfidenceModel = confidenceModel): number {
  const f = confidenceFeatures(e, sim);
  const m = relation === 'corroborates' ? model.corroborates : relation === 'contradicts' ? model.contradicts : model.differentEvent;
  return Math.round(logistic(m, f) * 1000) / 1000;
}
