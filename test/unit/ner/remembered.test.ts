// The tagging of an edited article reuses the sentences the edit left alone (rememberTagged), and
// gives exactly what tagging the new text from scratch gives.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { rememberTagged, tagDoc } from '../../../server/src/engine/ner';
import * as tagger from '../../../server/src/engine/ner/tagger';
import { segmentSentences } from '../../../server/src/engine/text/sentences';
import { tokenize } from '../../../server/src/engine/text/tokens';

const samples = path.resolve(__dirname, '../../../samples');
const text = fs.readFileSync(path.join(samples, fs.readdirSync(samples).filter((f) => f.endsWith('.txt')).sort()[0]), 'utf8');
const doc = (t: string) => ({ path: 'a.txt', text: t, tokens: tokenize(t), sentences: segmentSentences(t) });
const plain = (d: ReturnType<typeof tagDoc>) => d.sentences.map((s) => ({ words: s.tokens.map((t) => t.text), labels: [...s.labels], marg: [...s.marg] }));

describe('ner: re-tagging an edited article', () => {
  it('gives the same tags as tagging the edited text afresh', function () {
    // Loads a second model from its file (~1.6–1.9 s on the shared machine at load 12–15, before
    // and after the facts speed-up): the default 2 s was a coin toss.
    this.timeout(30_000);
    const fresh = (t: string) => plain(tagDoc(doc(t), tagger.modelFrom(JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../server/models/ner.json'), 'utf8')))));
    const edited = text.replace('.', ' الحكومة.');
    assert.notEqual(edited, text);
    rememberTagged(tagDoc(doc(text)));
    assert.deepEqual(plain(tagDoc(doc(edited))), fresh(edited));
  });

  it('tags only the sentences the edit changed', () => {
    const before = tagDoc(doc(text));
    rememberTagged(before);
    const edited = text.replace('.', ' الحكومة.');
    const after = tagDoc(doc(edited));
    const reused = after.sentences.filter((s) => before.sentences.some((b) => b.marg === s.marg)).length;
    assert.ok(after.sentences.length > 3);
    assert.equal(reused, after.sentences.length - 1, 'every sentence but the edited one is reused');
  });
});
