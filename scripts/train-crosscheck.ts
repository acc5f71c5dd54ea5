// `npm run train:crosscheck`: fits the confidence of corroboration links (server/models/crosscheck.json,
// "corroborates") — a logistic curve over how much the two sentences say the same thing and how
// much of what happened they share — on the hand-labelled sentence pairs of the bundled samples
// (scripts/train/crosscheck-pairs.json). Only the pairs the engine links are used: the confidence
// is the probability that a shown link is right. Needs nothing outside the repository;
// deterministic (plain gradient descent from zero).
import * as fs from 'fs';
import * as path from 'path';
import { analyzeCorpus } from '../server/src/engine/analyze';
import { CrossChecker } from '../server/src/engine/crosscheck';
import { confidenceFeatures } from '../server/src/engine/crosscheck/confidence';
import { defaultComparators } from '../server/src/engine/crosscheck/compare';
import { gatherEvidence } from '../server/src/engine/crosscheck/evidence';
import { stanceModel } from '../server/src/engine/crosscheck/stanceModel';

const repo = path.resolve(__dirname, '..');
const FEATURES = ['sameness', 'eventCov'];
/** L2 penalty and steps: a small curve on few points, kept smooth. */
const L2 = 0.05, STEPS = 4000, RATE = 0.5;

interface Labelled { a: string; b: string; label: 'same-fact' | 'not-same-fact' }

function main(): void {
  const dir = path.join(repo, 'samples');
  const docs = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ path: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
  const { articles } = analyzeCorpus(docs);
  const cc = new CrossChecker();
  for (const a of articles) cc.update(a);
  const sentences = articles.flatMap((a) => cc.sentencesOf(a.path));
  const find = (quote: string) => sentences.find((s) => s.quote === quote);
  const pairs: Labelled[] = JSON.parse(fs.readFileSync(path.join(repo, 'scripts', 'train', 'crosscheck-pairs.json'), 'utf8')).pairs;
  const xs: number[][] = [], ys: number[] = [];
  let missing = 0;
  for (const p of pairs) {
    const a = find(p.a), b = find(p.b);
    if (!a || !b) { missing++; continue; }
    const [x, y] = a.path < b.path ? [a, b] : [b, a];
    const v = cc.judge(x, y);
    if (v?.relation !== 'corroborates') continue;
    const f = confidenceFeatures(gatherEvidence(x, y, defaultComparators, stanceModel), v.sameness);
    xs.push(FEATURES.map((k) => f[k]));
    ys.push(p.label === 'same-fact' ? 1 : 0);
  }
  if (missing) console.log(`${missing} labelled pairs no longer match a sentence of samples/ (edited articles?)`);
  // Logistic regression by gradient descent.
  let bias = 0;
  const w = FEATURES.map(() => 0);
  for (let step = 0; step < STEPS; step++) {
    let gb = 0;
    const gw = w.map(() => 0);
    xs.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-(bias + x.reduce((s, v, k) => s + v * w[k], 0))));
      const d = p - ys[i];
      gb += d;
      x.forEach((v, k) => { gw[k] += d * v; });
    });
    bias -= (RATE * gb) / xs.length;
    w.forEach((_, k) => { w[k] -= RATE * (gw[k] / xs.length + L2 * w[k]); });
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const file = path.join(repo, 'server', 'models', 'crosscheck.json');
  const model = JSON.parse(fs.readFileSync(file, 'utf8'));
  model.corroborates = { bias: round(bias), weights: Object.fromEntries(FEATURES.map((k, i) => [k, round(w[i])])) };
  fs.writeFileSync(file, JSON.stringify(model, null, 2) + '\n');
  const right = ys.filter((y) => y === 1).length;
  console.log(`fitted on ${xs.length} linked pairs (${right} right, ${xs.length - right} wrong): bias ${round(bias)}, ${FEATURES.map((k, i) => `${k} ${round(w[i])}`).join(', ')}`);
}

main();
