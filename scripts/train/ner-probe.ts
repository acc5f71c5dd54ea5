// Development aid: the tags of a sentence and, for chosen words, the features that weigh most for
// and against the chosen tag. `tsx scripts/train/ner-probe.ts [model.json] "sentence" [word…]`.
import * as fs from 'fs';
import { tokenize } from '../../server/src/engine/text/tokens';
import { LABELS, NUM_LABELS, sentenceFeatures } from '../../server/src/engine/ner/features';
import { loadModel, modelFrom, tagSentence } from '../../server/src/engine/ner/tagger';

const args = process.argv.slice(2);
const model = args[0].endsWith('.json') ? modelFrom(JSON.parse(fs.readFileSync(args.shift()!, 'utf8'))) : loadModel();
const text = args.shift()!;
const toks = tokenize(text);
const words = toks.map((t) => ({ norm: t.norm, kind: t.kind }));
const texts = toks.map((t) => t.text);
const r = tagSentence(words, texts, model);
console.log(toks.map((t, i) => `${t.text}/${LABELS[r.labels[i]]}(${r.probs[i].toFixed(2)})`).join(' '));
const feats = sentenceFeatures(words, texts, model.lexicon);
for (const want of args) {
  const i = toks.findIndex((t) => t.text === want);
  if (i < 0) continue;
  const rows: [string, number[]][] = [];
  for (const f of feats[i]) {
    const eq = f.indexOf('=');
    const o = model.weights.get(f.slice(0, eq))?.get(f.slice(eq + 1));
    if (o === undefined) continue;
    rows.push([f, Array.from({ length: NUM_LABELS }, (_, k) => model.table[o + k])]);
  }
  const tot = Array.from({ length: NUM_LABELS }, (_, k) => rows.reduce((a, [, w]) => a + w[k], 0));
  console.log(`\n${want}: totals ${LABELS.map((l, k) => `${l} ${tot[k].toFixed(1)}`).join(' ')}`);
  const show = ['O', 'B-PER', 'B-ORG', 'B-LOC', 'I-PER', 'I-ORG', 'I-LOC'].map((l) => LABELS.indexOf(l as never));
  rows.sort((a, b) => Math.max(...show.map((k) => Math.abs(b[1][k]))) - Math.max(...show.map((k) => Math.abs(a[1][k]))));
  for (const [f, w] of rows.slice(0, 25)) console.log(`  ${f.padEnd(28)} ${show.map((k) => `${LABELS[k]} ${w[k].toFixed(1)}`).join('  ')}`);
}
