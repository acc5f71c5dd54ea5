// Decoding over BIO tags: Viterbi for the best tag sequence and forward–backward (treating the
// perceptron scores as log-potentials) for per-word confidences. "I-X" may only follow "B-X" or
// "I-X"; that constraint is hard in both.
import { LABELS, NUM_LABELS } from './features';

const K = NUM_LABELS;

/** allowed[prev * K + cur]; prev = K means "start of sentence". */
export const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((K + 1) * K);
  for (let p = 0; p <= K; p++) {
    for (let c = 0; c < K; c++) {
      const cur = LABELS[c];
      if (!cur.startsWith('I-')) { a[p * K + c] = 1; continue; }
      if (p === K) continue;
      const prev = LABELS[p];
      a[p * K + c] = prev !== 'O' && prev.slice(2) === cur.slice(2) ? 1 : 0;
    }
  }
  return a;
})();

/**
 * Best path. emit[t*K + k] = score of label k at word t; trans[p*K + c]; start[c].
 */
export function viterbi(emit: Float64Array, T: number, trans: ArrayLike<number>, start: ArrayLike<number>): number[] {
  if (T === 0) return [];
  const score = new Float64Array(T * K);
  const back = new Int32Array(T * K);
  for (let c = 0; c < K; c++) score[c] = ALLOWED[K * K + c] ? start[c] + emit[c] : -Infinity;
  for (let t = 1; t < T; t++) {
    for (let c = 0; c < K; c++) {
      let best = -Infinity, arg = 0;
      for (let p = 0; p < K; p++) {
        if (!ALLOWED[p * K + c]) continue;
        const s = score[(t - 1) * K + p] + trans[p * K + c];
        if (s > best) { best = s; arg = p; }
      }
      score[t * K + c] = best + emit[t * K + c];
      back[t * K + c] = arg;
    }
  }
  let best = -Infinity, arg = 0;
  for (let c = 0; c < K; c++) if (score[(T - 1) * K + c] > best) { best = score[(T - 1) * K + c]; arg = c; }
  const path = new Array<number>(T);
  path[T - 1] = arg;
  for (let t = T - 1; t > 0; t--) path[t - 1] = back[t * K + path[t]];
  return path;
}

/**
 * Marginal probability of each label at each word, as a flat T*K array. Computed in probability
 * space with per-word scaling (no exp in the inner loop): emissions are shifted by their
 * per-word maximum, which cancels in the normalisation.
 */
export function marginals(emit: Float64Array, T: number, trans: ArrayLike<number>, start: ArrayLike<number>): Float64Array {
  const out = new Float64Array(T * K);
  if (T === 0) return out;
  const et = new Float64Array(K * K);
  for (let p = 0; p < K; p++) for (let c = 0; c < K; c++) et[p * K + c] = ALLOWED[p * K + c] ? Math.exp(trans[p * K + c]) : 0;
  const ee = new Float64Array(T * K);
  for (let t = 0; t < T; t++) {
    let m = -Infinity;
    for (let k = 0; k < K; k++) m = Math.max(m, emit[t * K + k]);
    for (let k = 0; k < K; k++) ee[t * K + k] = Math.exp(emit[t * K + k] - m);
  }
  const alpha = new Float64Array(T * K), beta = new Float64Array(T * K);
  let maxStart = -Infinity;
  for (let c = 0; c < K; c++) if (ALLOWED[K * K + c]) maxStart = Math.max(maxStart, start[c]);
  let z = 0;
  for (let c = 0; c < K; c++) { alpha[c] = ALLOWED[K * K + c] ? Math.exp(start[c] - maxStart) * ee[c] : 0; z += alpha[c]; }
  for (let c = 0; c < K; c++) alpha[c] /= z;
  for (let t = 1; t < T; t++) {
    z = 0;
    for (let c = 0; c < K; c++) {
      let s = 0;
      for (let p = 0; p < K; p++) s += alpha[(t - 1) * K + p] * et[p * K + c];
      alpha[t * K + c] = s * ee[t * K + c];
      z += alpha[t * K + c];
    }
    for (let c = 0; c < K; c++) alpha[t * K + c] /= z || 1;
  }
  for (let c = 0; c < K; c++) beta[(T - 1) * K + c] = 1;
  for (let t = T - 2; t >= 0; t--) {
    z = 0;
    for (let p = 0; p < K; p++) {
      let s = 0;
      for (let c = 0; c < K; c++) s += et[p * K + c] * ee[(t + 1) * K + c] * beta[(t + 1) * K + c];
      beta[t * K + p] = s;
      z += s;
    }
    for (let p = 0; p < K; p++) beta[t * K + p] /= z || 1;
  }
  for (let t = 0; t < T; t++) {
    let n = 0;
    for (let k = 0; k < K; k++) { out[t * K + k] = alpha[t * K + k] * beta[t * K + k]; n += out[t * K + k]; }
    for (let k = 0; k < K; k++) out[t * K + k] /= n || 1;
  }
  return out;
}
