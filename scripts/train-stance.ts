// `npm run train:stance`: trains the cross-checker's stance model on ANS (Khouja 2020, Apache-2.0)
// and writes server/models/stance.json. Deterministic: no random numbers, fixed folds, fixed
// iteration counts; the same data gives the same file.
//
//  1. Every pair of train.csv and dev.csv goes through the normal pipeline (two one-sentence
//     articles per pair), so features see what the product sees (names, dates, numbers).
//  2. Term weights: document frequency of each matching key over the distinct train sentences.
//  3. Contrast lexicons: words found on one side only of a pair, and word pairs (one on each side),
//     with their smoothed log-odds of disagree vs agree. Train features use 5-fold cross-fitting
//     (lexicons from the other folds) so the classifier learns how much to trust unseen counts.
//  4. Logistic regression (agree = 0, disagree = 1) over features.ts, full-batch gradient descent.
//  5. Thresholds chosen on dev.csv only (macro-F1 over agree/disagree/other), within floors that
//     keep the product conservative on multi-event corpora (a contradiction needs most of both
//     sentences to match).
import * as fs from 'fs';
import * as path from 'path';
import type { ArticleAnalysis } from '../server/src/engine/model';
import { classify } from '../server/src/engine/crosscheck/classify';
import { defaultComparators } from '../server/src/engine/crosscheck/compare';
import { gatherEvidence, type Evidence } from '../server/src/engine/crosscheck/evidence';
import { FEATURE_NAMES, featureVector, logistic } from '../server/src/engine/crosscheck/features';
import { prepareArticle, type PreparedSentence } from '../server/src/engine/crosscheck/prepare';
import { areCandidates } from '../server/src/engine/crosscheck/retrieval';
import type { StanceModel, StanceThresholds } from '../server/src/engine/crosscheck/stanceModel';
import { weightsFrom } from '../server/src/engine/crosscheck/weights';
import { pairDocs, pipeline, readCsv, scores, type Stance } from './eval/crosscheck';
import { requireShared } from './sharedData';

const repo = path.resolve(__dirname, '..');
const shared = requireShared('npm run train:stance', ['data/ans/train.csv', 'data/ans/dev.csv']);
const out = path.join(repo, 'server', 'models', 'stance.json');

interface Pair { s1: string; s2: string; stance: Stance; group: number; a?: ArticleAnalysis; b?: ArticleAnalysis }

const FOLDS = 5;

/**
 * Floors of the contradiction thresholds. ANS pairs are one claim and its rewrite, so dev alone
 * would pick the loosest gates; in an article corpus most sentence pairs that share words are NOT
 * rewrites of each other, and a word one side has and the other lacks ("أول", "المسبوق") is
 * ordinary. These floors keep a learned word contrast to clear odds (e^1 ≈ 2.7:1 for a word pair,
 * e^1.5 ≈ 4.5:1 for a lone word) and half of each sentence matched. Override for experiments with
 * SAME_FLOOR / PAIR_FLOOR / WORD_FLOOR.
 */
const FLOORS = {
  // A corroboration restates something specific: more than one shared name (a name weighs about
  // 5 idf units, a rare word up to 7.5) and a quarter of the content. Without these floors dev
  // picks 0.2 and links sentences that share one name ("الولايات المتحدة") in article corpora.
  corroborate: +(process.env.CORROBORATE_FLOOR ?? 0.25),
  minShared: +(process.env.SHARED_FLOOR ?? 7),
  sameClaim: +(process.env.SAME_FLOOR ?? 0.5),
  contrastPair: +(process.env.PAIR_FLOOR ?? 1.0),
  contrastWord: +(process.env.WORD_FLOOR ?? 1.5),
};
const SMOOTH = 4;
const MIN_COUNT = 2;

async function load(split: string): Promise<Pair[]> {
  const rows = readCsv(path.join(shared, 'data', 'ans', `${split}.csv`));
  const { analyze } = await pipeline();
  const groups = new Map<string, number>();
  const pairs: Pair[] = [];
  let n = 0;
  for (const r of rows) {
    if (!groups.has(r.s1)) groups.set(r.s1, groups.size);
    const { articles } = analyze(pairDocs(r.s1, r.s2));
    pairs.push({ s1: r.s1, s2: r.s2, stance: r.stance as Stance, group: groups.get(r.s1)!, a: articles[0], b: articles[1] });
    if (++n % 500 === 0) process.stdout.write(`  ${split}: ${n}/${rows.length}\r`);
  }
  console.log(`  ${split}: ${rows.length} pairs analysed`);
  return pairs;
}

type Lexicons = Pick<StanceModel, 'contrast' | 'pairs'>;
const EMPTY: Lexicons = { contrast: {}, pairs: {} };
const model0 = { idf: { docs: 1, df: {} } };

function logOdds(d: number, a: number, prior: number): number {
  return Math.log((d + SMOOTH * prior) / (a + SMOOTH * (1 - prior))) - Math.log(prior / (1 - prior));
}

/** Best sentence pair of a pair of articles (the one the link would come from), with evidence. */
function pairsOf(a: PreparedSentence[], b: PreparedSentence[]): [PreparedSentence, PreparedSentence][] {
  const out: [PreparedSentence, PreparedSentence][] = [];
  for (const x of a) for (const y of b) if (x.linkable && y.linkable) out.push([x, y]);
  return out;
}

function lexicons(items: { ev: Evidence; stance: Stance }[], prior: number): Lexicons {
  const dw = new Map<string, number>(), aw = new Map<string, number>();
  const dp = new Map<string, number>(), ap = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const { ev, stance } of items) {
    if (stance === 'other') continue;
    const words = new Set([...ev.unmatchedA, ...ev.unmatchedB].filter((t) => !t.entity).map((t) => t.skel));
    const pairs = new Set<string>();
    for (const x of ev.unmatchedA) for (const y of ev.unmatchedB) {
      if (x.entity || y.entity) continue;
      if (x.skel === y.skel) continue;
      const [p, q] = [x.skel, y.skel].sort();
      pairs.add(`${p}|${q}`);
    }
    for (const w of words) inc(stance === 'disagree' ? dw : aw, w);
    for (const p of pairs) inc(stance === 'disagree' ? dp : ap, p);
  }
  const table = (d: Map<string, number>, a: Map<string, number>, minAbs: number) => {
    const keys = [...new Set([...d.keys(), ...a.keys()])].sort();
    const t: Record<string, number> = {};
    for (const k of keys) {
      const nd = d.get(k) ?? 0, na = a.get(k) ?? 0;
      if (nd + na < MIN_COUNT) continue;
      const lo = logOdds(nd, na, prior);
      if (Math.abs(lo) >= minAbs) t[k] = Math.round(lo * 1000) / 1000;
    }
    return t;
  };
  return { contrast: table(dw, aw, 0.3), pairs: table(dp, ap, 0.5) };
}

function trainLogistic(x: number[][], y: number[], l2: number, iters: number, rate: number): { w: number[]; b: number } {
  const d = x[0].length;
  const w = new Array(d).fill(0);
  let b = 0;
  for (let it = 0; it < iters; it++) {
    const gw = new Array(d).fill(0);
    let gb = 0;
    for (let i = 0; i < x.length; i++) {
      const err = logistic(w, b, x[i]) - y[i];
      for (let j = 0; j < d; j++) gw[j] += err * x[i][j];
      gb += err;
    }
    for (let j = 0; j < d; j++) w[j] -= rate * (gw[j] / x.length + l2 * w[j]);
    b -= rate * (gb / x.length);
  }
  return { w: w.map((v) => Math.round(v * 10000) / 10000), b: Math.round(b * 10000) / 10000 };
}

async function main() {
  console.log('analysing ANS pairs with the pipeline…');
  const train = await load('train');
  const dev = await load('dev');

  // 2. Document frequencies over distinct train sentences.
  const df: Record<string, number> = {};
  const seen = new Set<string>();
  let docs = 0;
  for (const p of train) {
    for (const [text, art] of [[p.s1, p.a], [p.s2, p.b]] as const) {
      if (seen.has(text) || !art) continue;
      seen.add(text);
      docs++;
      const keys = new Set(prepareArticle(art, weightsFrom(model0.idf)).flatMap((s) => s.terms.map((t) => t.keys[0])));
      for (const k of keys) df[k] = (df[k] ?? 0) + 1;
    }
  }
  const dfKept: Record<string, number> = {};
  for (const k of Object.keys(df).sort()) if (df[k] >= 2) dfKept[k] = df[k];
  const weights = weightsFrom({ docs, df: dfKept });
  console.log(`term weights: ${docs} sentences, ${Object.keys(dfKept).length} keys with df ≥ 2`);

  const prep = (p: Pair) => ({ a: prepareArticle(p.a!, weights), b: prepareArticle(p.b!, weights) });
  const trainPrep = train.map(prep);
  const devPrep = dev.map(prep);

  // The sentence pair with the most in common stands for the article pair in training.
  const best = (pp: { a: PreparedSentence[]; b: PreparedSentence[] }, lex: Lexicons): Evidence | null => {
    let top: Evidence | null = null, topCov = -1;
    for (const [x, y] of pairsOf(pp.a, pp.b)) {
      const ev = gatherEvidence(x, y, defaultComparators, lex);
      const c = ev.covA * ev.covB;
      if (c > topCov) { top = ev; topCov = c; }
    }
    return top;
  };

  const nd = train.filter((p) => p.stance === 'disagree').length, na = train.filter((p) => p.stance === 'agree').length;
  const prior = nd / (nd + na);

  // 3. Cross-fitted lexicons for the train features; full lexicons for the model.
  const base = trainPrep.map((pp, i) => ({ ev: best(pp, EMPTY), stance: train[i].stance, fold: train[i].group % FOLDS }));
  const usable = base.filter((x): x is { ev: Evidence; stance: Stance; fold: number } => x.ev !== null);
  const full = lexicons(usable, prior);
  console.log(`lexicons: ${Object.keys(full.contrast).length} contrast words, ${Object.keys(full.pairs).length} contrast pairs`);
  const xs: number[][] = [], ys: number[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const lex = lexicons(usable.filter((x) => x.fold !== f), prior);
    trainPrep.forEach((pp, i) => {
      if (train[i].group % FOLDS !== f || train[i].stance === 'other') return;
      const ev = best(pp, lex);
      if (!ev) return;
      xs.push(featureVector(ev));
      ys.push(train[i].stance === 'disagree' ? 1 : 0);
    });
  }

  // 4. Logistic regression.
  const { w, b } = trainLogistic(xs, ys, 1e-3, 3000, 1.0);
  console.log('weights:');
  FEATURE_NAMES.forEach((n, i) => console.log(`  ${n.padEnd(20)} ${w[i].toFixed(3)}`));
  console.log(`  ${'bias'.padEnd(20)} ${b.toFixed(3)}`);
  let correct = 0;
  xs.forEach((x, i) => { if ((logistic(w, b, x) >= 0.5 ? 1 : 0) === ys[i]) correct++; });
  console.log(`train (cross-fitted) accuracy agree/disagree at 0.5: ${(100 * correct / xs.length).toFixed(1)}`);

  // 5. Thresholds on dev: the decision of classify() over every candidate sentence pair.
  const devPairs = devPrep.map((pp) => pairsOf(pp.a, pp.b).filter(([x, y]) => areCandidates(x, y)).map(([x, y]) => gatherEvidence(x, y, defaultComparators, full)));
  const gold = dev.map((p) => p.stance);
  const predict = (th: StanceThresholds): Stance[] => devPairs.map((evs) => {
    const rel = evs.map((ev) => classify(ev, { weights: w, bias: b, thresholds: th })?.relation);
    return rel.includes('contradicts') ? 'disagree' : rel.includes('corroborates') ? 'agree' : 'other';
  });
  const grid = (lo: number, hi: number, step: number) => { const o: number[] = []; for (let v = lo; v <= hi + 1e-9; v += step) o.push(Math.round(v * 100) / 100); return o; };
  // Coordinate ascent over the thresholds, a fixed number of passes, in a fixed order. The floors
  // keep the product conservative on corpora of many sentences and several events: a link needs a
  // fifth of the content shared, a contradiction needs half of each sentence (a third with a strong
  // clash) and a learned contrast of at least even odds.
  const ranges: Record<keyof StanceThresholds, number[]> = {
    link: grid(0.2, 0.5, 0.025),
    corroborate: grid(FLOORS.corroborate, 0.6, 0.025),
    minShared: grid(FLOORS.minShared, 40, 1),
    contradict: grid(0.3, 0.95, 0.025),
    block: grid(0.5, 1.0, 0.05),
    sameClaim: grid(FLOORS.sameClaim, 0.8, 0.025),
    sameClaimStrong: grid(FLOORS.sameClaim - 0.15, 0.8, 0.025),
    contrastPair: grid(FLOORS.contrastPair, 3, 0.1),
    contrastWord: grid(FLOORS.contrastWord, 3, 0.1),
  };
  let bestTh = Object.fromEntries(Object.entries(ranges).map(([k, r]) => [k, k === 'block' ? 1 : r[0]])) as unknown as StanceThresholds;
  let bestF1 = scores(gold, predict(bestTh)).macroF1;
  for (let pass = 0; pass < 3; pass++) {
    for (const k of Object.keys(ranges) as (keyof StanceThresholds)[]) {
      for (const v of ranges[k]) {
        const th = { ...bestTh, [k]: v };
        if (th.corroborate < th.link || th.block < th.contradict) continue;
        const f1 = scores(gold, predict(th)).macroF1;
        if (f1 > bestF1 + 1e-9) { bestF1 = f1; bestTh = th; }
      }
    }
  }
  const s = scores(gold, predict(bestTh));
  console.log(`dev thresholds ${JSON.stringify(bestTh)}: accuracy ${(100 * s.accuracy).toFixed(1)}, macro-F1 ${(100 * s.macroF1).toFixed(1)} (agree ${(100 * s.agreeF1).toFixed(1)}, disagree ${(100 * s.disagreeF1).toFixed(1)}, other ${(100 * s.otherF1).toFixed(1)})`);

  const model: StanceModel = {
    about: 'Qarina cross-checking stance model: term document frequencies, contrast lexicons and logistic-regression weights over the pair features of server/src/engine/crosscheck/features.ts. Written by scripts/train-stance.ts (npm run train:stance); thresholds chosen on ANS dev.',
    attribution: 'Derived from ANS — Arabic News Stance corpus (github.com/latynt/ans, data/stance/train.csv and dev.csv), Khouja (2020) "Stance Prediction and Claim Verification: An Arabic Perspective", FEVER workshop @ ACL 2020. Licensed Apache-2.0.',
    idf: { docs, df: dfKept },
    contrast: full.contrast,
    pairs: full.pairs,
    features: [...FEATURE_NAMES],
    weights: w,
    bias: b,
    thresholds: bestTh,
  };
  fs.writeFileSync(out, JSON.stringify(model) + '\n');
  console.log(`wrote ${path.relative(repo, out)} (${(fs.statSync(out).size / 1024).toFixed(0)} KB)`);
}

main().catch((e) => { console.error(e); process.exit(1); });
