// The run-time tagger scores a sentence from cached pieces (a word's summed weights, its lexicon
// values, joined features looked up by their parts): the scores must be those of the feature
// strings that training reads (sentenceFeatures), summed weight by weight, on every visit.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { NUM_LABELS, sentenceFeatures } from '../../../server/src/engine/ner/features';
import { emissions, loadModel, type LoadedModel } from '../../../server/src/engine/ner/tagger';
import { segmentSentences } from '../../../server/src/engine/text/sentences';
import { tokenize, tokensIn } from '../../../server/src/engine/text/tokens';

const K = NUM_LABELS;
const samples = path.resolve(__dirname, '../../../samples');
const texts = fs.readdirSync(samples).filter((f) => f.endsWith('.txt')).sort().slice(0, 2).map((f) => fs.readFileSync(path.join(samples, f), 'utf8'));

/** Emission scores from the feature strings alone: no cache, no split lookup. */
function fromStrings(model: LoadedModel, words: { norm: string; kind: 'word' | 'number' | 'punct' }[], written: string[]): Float64Array {
  const out = new Float64Array(words.length * K);
  sentenceFeatures(words, written, model.lexicon).forEach((fs, t) => {
    for (const f of fs) {
      const eq = f.indexOf('=');
      const o = model.weights.get(f.slice(0, eq))?.get(f.slice(eq + 1));
      if (o !== undefined) for (let k = 0; k < K; k++) out[t * K + k] += model.table[o + k];
    }
  });
  return out;
}

describe('ner: run-time emission scores', () => {
  it('equal the summed weights of the training feature strings, first visit and cached', function () {
    this.timeout(60_000);
    const model = loadModel();
    let checked = 0;
    for (const text of texts) {
      const tokens = tokenize(text);
      for (const s of segmentSentences(text)) {
        const ts = tokensIn(tokens, s.start, s.end);
        if (!ts.length) continue;
        const words = ts.map((t) => ({ norm: t.norm, kind: t.kind }));
        const written = ts.map((t) => t.text);
        const want = fromStrings(model, words, written);
        for (const visit of ['first', 'cached']) {
          const got = emissions(model, words, written);
          for (let i = 0; i < want.length; i++) assert.ok(Math.abs(got[i] - want[i]) < 1e-9, `${visit} visit, word ${Math.floor(i / K)} of «${text.slice(s.start, s.start + 40)}»: ${got[i]} vs ${want[i]}`);
        }
        checked += ts.length;
      }
    }
    assert.ok(checked > 500, `only ${checked} words checked`);
  });
});
