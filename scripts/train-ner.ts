// `npm run train:ner`: trains the Arabic NER sequence model and writes server/models/ner.json.
//
// Data: ANERcorp, CAMeL Lab split, train.txt (CC BY-SA 4.0; see ../shared/data/anercorp/SOURCE.md).
// The LAST sixth of its sentences is held out for scripts/eval/ner.ts; the model is trained on
// the first five sixths only and that is the model we ship, so the held-out figure stays honest
// (training on everything would make the reported figure a training-set figure).
//
// Model: averaged structured perceptron over BIO tags (first-order transitions, Viterbi with the
// BIO constraint), features from server/src/engine/ner/features.ts. Deterministic: sentence order
// per epoch comes from a fixed-seed generator, fixed epoch count, no wall-clock inputs; the same
// data gives the same file byte for byte.
import * as fs from 'fs';
import * as path from 'path';
import { LABELS, Lexicon, NUM_LABELS, sentenceFeatures } from '../server/src/engine/ner/features';
import { marginals, viterbi } from '../server/src/engine/ner/decode';
import { anercorpFile, readAnercorp, splitAnercorp, spansOf } from './train/ner-data';
import { requireShared } from './sharedData';

const repo = path.resolve(__dirname, '..');
const shared = requireShared('npm run train:ner', ['data/anercorp/train.txt']);
const outFile = path.join(repo, 'server', 'models', 'ner.json');

const EPOCHS = Number(process.env.NER_EPOCHS ?? 10);
const MIN_FEATURE_COUNT = 2;
const FOLDS = 4;
/** Weights smaller than this (after averaging) are dropped; the rest are rounded. */
const PRUNE = Number(process.env.NER_PRUNE ?? 1);
const DECIMALS = 2;
const K = NUM_LABELS;

function mulberry32(seed: number) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Example { feats: Int32Array[]; gold: number[] }

/** Averaged structured perceptron; the same data and seed give the same weights. */
function trainPerceptron(data: Example[], F: number, epochs: number, quiet = false) {
  const w = new Float64Array(F * K), u = new Float64Array(F * K);
  const tr = new Float64Array(K * K), tu = new Float64Array(K * K);
  const st = new Float64Array(K), su = new Float64Array(K);
  let c = 1;
  const rand = mulberry32(20240613);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    let errors = 0;
    for (const idx of order) {
      const { feats, gold } = data[idx];
      const T = gold.length;
      const emit = new Float64Array(T * K);
      for (let t = 0; t < T; t++) for (const f of feats[t]) for (let k = 0; k < K; k++) emit[t * K + k] += w[f * K + k];
      const pred = viterbi(emit, T, tr, st);
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
    if (!quiet) console.log(`epoch ${epoch + 1}: ${errors} word errors`);
  }
  const avg = (x: Float64Array, y: Float64Array) => x.map((v, i) => v - y[i] / c);
  return { W: avg(w, u), TR: avg(tr, tu), ST: avg(st, su) };
}

function main() {
  const t0 = Date.now();
  const all = readAnercorp(anercorpFile(shared));
  const { train, heldout } = splitAnercorp(all);
  console.log(`ANERcorp: ${all.length} sentences; training on ${train.length}, holding out ${heldout.length}`);

  // Feature strings → ids, keeping features seen at least MIN_FEATURE_COUNT times.
  // Lexicon features are cross-fitted: contiguous folds (ANERcorp is ordered by article), each
  // featurised with the lexicon of the other folds.
  const foldOf = (i: number) => Math.min(FOLDS - 1, Math.floor((i * FOLDS) / train.length));
  const foldLex: Lexicon[] = [];
  for (let k = 0; k < FOLDS; k++) { const other = train.filter((_, i) => foldOf(i) !== k); foldLex.push(new Lexicon(Lexicon.count(other), Lexicon.names(other))); }
  const featStrings = train.map((s, i) => sentenceFeatures(s.words, s.texts, foldLex[foldOf(i)]));
  const counts = new Map<string, number>();
  for (const s of featStrings) for (const tok of s) for (const f of tok) counts.set(f, (counts.get(f) ?? 0) + 1);
  const ids = new Map<string, number>();
  const names: string[] = [];
  for (const [f, c] of counts) if (c >= MIN_FEATURE_COUNT) { ids.set(f, names.length); names.push(f); }
  const data = train.map((s, i) => ({
    feats: featStrings[i].map((tok) => Int32Array.from(tok.map((f) => ids.get(f) ?? -1).filter((x) => x >= 0))),
    gold: s.labels.map((l) => LABELS.indexOf(l)),
  }));
  console.log(`${names.length} features (of ${counts.size}), ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const F = names.length;
  const { W, TR, ST } = trainPerceptron(data, F, EPOCHS);

  // Temperature for the confidences (Viterbi does not depend on it): a model trained the same way
  // on the first three folds scores the fourth (whose lexicon features come from the other
  // folds, as at run time); the temperature that best predicts its gold tags is kept.
  const calib = data.filter((_, i) => foldOf(i) === FOLDS - 1);
  const aux = trainPerceptron(data.filter((_, i) => foldOf(i) !== FOLDS - 1), F, EPOCHS, true);
  let temperature = 1, bestNll = Infinity;
  for (const temp of [1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48]) {
    let nll = 0;
    for (const { feats, gold } of calib) {
      const T = gold.length;
      const emit = new Float64Array(T * K);
      for (let t = 0; t < T; t++) for (const f of feats[t]) for (let k = 0; k < K; k++) emit[t * K + k] += aux.W[f * K + k] / temp;
      const marg = marginals(emit, T, aux.TR.map((x) => x / temp), aux.ST.map((x) => x / temp));
      for (let t = 0; t < T; t++) nll -= Math.log(Math.max(1e-9, marg[t * K + gold[t]]));
    }
    if (nll < bestNll) { bestNll = nll; temperature = temp; }
  }
  console.log(`temperature ${temperature}`);

  const round = (x: number) => Math.round(x * 10 ** DECIMALS) / 10 ** DECIMALS;

  const feats: Record<string, number[]> = {};
  let kept = 0;
  // Features in code-unit order, so the file does not depend on the order features were met.
  const byName = names.map((_, f) => f).sort((x, y) => (names[x] < names[y] ? -1 : names[x] > names[y] ? 1 : 0));
  for (const f of byName) {
    const pairs: number[] = [];
    for (let k = 0; k < K; k++) {
      const v = round(W[f * K + k]);
      if (Math.abs(v) >= PRUNE) pairs.push(k, v);
    }
    if (pairs.length) { feats[names[f]] = pairs; kept++; }
  }
  // First words of training entities, for deciding whether a leading و/ب/ل… is a clitic.
  const entityFirst: Record<string, number> = {};
  for (const s of train) for (const [a] of spansOf(s.labels)) entityFirst[s.words[a].norm] = (entityFirst[s.words[a].norm] ?? 0) + 1;
  const sortedFirst = Object.fromEntries(Object.entries(entityFirst).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

  const lexicon: Record<string, number | number[]> = {};
  for (const [n, e] of [...Lexicon.count(train)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) lexicon[n] = e[1] + e[2] + e[3] + e[4] ? e : e[0];
  const fullLex = new Lexicon(Lexicon.count(train), []);
  const lexiconCores: Record<string, number | number[]> = {};
  for (const [c, e] of [...fullLex.cores].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) lexiconCores[c] = e[1] + e[2] + e[3] + e[4] ? e : e[0];
  const model = {
    about: 'Qarina Arabic NER: averaged structured perceptron over BIO tags (PER, ORG, LOC, MISC), features of server/src/engine/ner/features.ts. Written by scripts/train-ner.ts (npm run train:ner). Trained on the first 5/6 of the ANERcorp CAMeL Lab train split (by sentences); the last 1/6 is held out for evaluation.',
    attribution: 'Derived from ANERcorp (Benajiba, Rosso & Benedí Ruiz 2007), CAMeL Lab train/test splits (Obeid et al. 2020), CC BY-SA 4.0. This model file is shared under CC BY-SA 4.0.',
    labels: [...LABELS],
    epochs: EPOCHS,
    temperature,
    trans: Array.from(TR, round),
    start: Array.from(ST, round),
    feats,
    entityFirst: sortedFirst,
    lexicon,
    names: Object.fromEntries(Lexicon.names(train)),
    lexiconCores,
  };
  const json = JSON.stringify(model);
  fs.writeFileSync(outFile, json + '\n');
  console.log(`wrote ${outFile}: ${kept} features, ${(json.length / 1e6).toFixed(2)} MB (chars), ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main();
