// Averaged structured perceptron over BIO tags (first-order transitions, Viterbi with the BIO
// constraint of server/src/engine/ner/decode.ts), and the temperature that turns its scores into
// calibrated confidences. Deterministic: sentence order per epoch comes from a fixed-seed
// generator, fixed epoch count, no wall-clock inputs.
import { NUM_LABELS } from '../../server/src/engine/ner/features';
import { marginals, viterbi } from '../../server/src/engine/ner/decode';

const K = NUM_LABELS;

export interface Example { feats: Int32Array[]; gold: number[] }
export interface Weights { W: Float64Array; TR: Float64Array; ST: Float64Array }

export function mulberry32(seed: number) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function emissionsOf(feats: Int32Array[], W: Float64Array, scale = 1): Float64Array {
  const T = feats.length;
  const emit = new Float64Array(T * K);
  for (let t = 0; t < T; t++) for (const f of feats[t]) for (let k = 0; k < K; k++) emit[t * K + k] += W[f * K + k] / scale;
  return emit;
}

export function decode(ex: { feats: Int32Array[] }, w: Weights): number[] {
  return viterbi(emissionsOf(ex.feats, w.W), ex.feats.length, w.TR, w.ST);
}

/**
 * Averaged structured perceptron; the same data and seed give the same weights. `afterEpoch`, if
 * given, sees the averaged weights after each epoch: the same weights a run of that many epochs
 * would return (the shuffles do not depend on the epoch count), so one run gives the dev curve.
 */
export function trainPerceptron(data: Example[], F: number, epochs: number, log?: (s: string) => void, afterEpoch?: (epoch: number, w: Weights) => void, seed = 20240613): Weights {
  const w = new Float64Array(F * K), u = new Float64Array(F * K);
  const tr = new Float64Array(K * K), tu = new Float64Array(K * K);
  const st = new Float64Array(K), su = new Float64Array(K);
  let c = 1;
  const rand = mulberry32(seed);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    let errors = 0;
    for (const idx of order) {
      const { feats, gold } = data[idx];
      const T = gold.length;
      const pred = viterbi(emissionsOf(feats, w), T, tr, st);
      for (let t = 0; t < T; t++) {
        const g = gold[t], p = pred[t];
        const gPrev = t > 0 ? gold[t - 1] : -1, pPrev = t > 0 ? pred[t - 1] : -1;
        if (g !== p) {
          errors++;
          for (const f of feats[t]) { w[f * K + g] += 1; u[f * K + g] += c; w[f * K + p] -= 1; u[f * K + p] -= c; }
        }
        if (g !== p || gPrev !== pPrev) {
          if (t === 0) { st[g] += 1; su[g] += c; st[p] -= 1; su[p] -= c; }
          else { tr[gPrev * K + g] += 1; tu[gPrev * K + g] += c; tr[pPrev * K + p] -= 1; tu[pPrev * K + p] -= c; }
        }
      }
      c++;
    }
    log?.(`epoch ${epoch + 1}: ${errors} word errors`);
    if (afterEpoch && epoch + 1 < epochs) afterEpoch(epoch + 1, { W: w.map((v, i) => v - u[i] / c), TR: tr.map((v, i) => v - tu[i] / c), ST: st.map((v, i) => v - su[i] / c) });
  }
  const avg = (x: Float64Array, y: Float64Array) => x.map((v, i) => v - y[i] / c);
  return { W: avg(w, u), TR: avg(tr, tu), ST: avg(st, su) };
}

/** The grid of temperatures chooseTemperature picks from. */
export const TEMPERATURES = [1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192];

/** The temperature (from a fixed grid) under which `w` best predicts the gold tags of `calib`. */
export function chooseTemperature(calib: Example[], w: Weights): number {
  let temperature = 1, bestNll = Infinity;
  for (const temp of TEMPERATURES) {
    let nll = 0;
    for (const { feats, gold } of calib) {
      const T = gold.length;
      const marg = marginals(emissionsOf(feats, w.W, temp), T, w.TR.map((x) => x / temp), w.ST.map((x) => x / temp));
      for (let t = 0; t < T; t++) nll -= Math.log(Math.max(1e-9, marg[t * K + gold[t]]));
    }
    if (nll < bestNll) { bestNll = nll; temperature = temp; }
  }
  return temperature;
}
