// The trained stance model (server/models/stance.json, written by `npm run train:stance`): word
// statistics and the weights of the agree/disagree classifier, learned from the ANS corpus.
import raw from '../../../models/stance.json';

export interface StanceThresholds {
  /** Minimum pair similarity for any link. */
  link: number;
  /** Minimum pair similarity for a corroboration. */
  corroborate: number;
  /** Minimum shared content (idf units, Evidence.shared) for a corroboration or a different event. */
  minShared: number;
  /** Minimum probability of disagreement for a contradiction. */
  contradict: number;
  /** Above this probability of disagreement a pair is not called a corroboration either. */
  block: number;
  /** Minimum similarity (both sides covered) for two sentences to make the same claim. */
  sameClaim: number;
  /** The same, for a strong clash (numbers, a negated shared word). */
  sameClaimStrong: number;
  /** Minimum learned log-odds for a word pair / a single word to count as a contrast. */
  contrastPair: number;
  contrastWord: number;
}

export interface StanceModel {
  about: string;
  attribution: string;
  /** Document frequencies of matching keys over the training sentences. */
  idf: { docs: number; df: Record<string, number> };
  /** Log-odds of disagreement when a key appears on one side only. */
  contrast: Record<string, number>;
  /** Log-odds of disagreement for a pair of keys, one on each side only ("a|b", sorted). */
  pairs: Record<string, number>;
  features: string[];
  weights: number[];
  bias: number;
  thresholds: StanceThresholds;
}

export const stanceModel: StanceModel = raw as unknown as StanceModel;
