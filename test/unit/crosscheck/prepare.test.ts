// An article prepared again after an edit takes its unchanged sentences from its previous
// preparation (prepareArticle's `previous`), moved to their new offsets: the result must be what
// a fresh preparation gives, counts, dates and figures included.
import { strict as assert } from 'assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyzeCorpus } from '../../../server/src/engine/analyze';
import { background } from '../../../server/src/engine/crosscheck/background';
import { prepareArticle } from '../../../server/src/engine/crosscheck/prepare';
import { weightsFrom } from '../../../server/src/engine/crosscheck/weights';

const SAMPLE = path.resolve(__dirname, '..', '..', '..', 'samples', '004_45ebe1dc7f79ec5f.txt');

describe('cross-checking: preparing an edited article again', function () {
  this.timeout(30_000);

  it('reuses the sentences the edit left alone and reads them as a fresh preparation does', () => {
    const text = readFileSync(SAMPLE, 'utf8');
    const weights = weightsFrom(background);
    // A word typed into the first line moves every later sentence (with its dates and counts).
    const cut = text.indexOf(' ');
    const edited = text.slice(0, cut) + ' عاجل' + text.slice(cut);
    const [before, after] = [text, edited].map((t) => analyzeCorpus([{ path: '/a/004.txt', text: t }], { cliReferenceDate: '2024-04-20' }).articles[0]);
    const old = prepareArticle(before, weights);
    const again = prepareArticle(after, weights, old);
    const fresh = prepareArticle(after, weights);
    assert.ok(fresh.some((s) => s.counts.length > 0) && fresh.some((s) => s.dates.length > 0), 'the sample states counts and dates');
    assert.deepEqual(again, fresh);
    const reused = again.filter((s) => old.some((o) => o.terms === s.terms));
    assert.ok(reused.length >= fresh.length - 2, `${reused.length} of ${fresh.length} sentences reused`);
    assert.ok(reused.every((s) => s.start !== old[s.index].start), 'the reused sentences moved');
  });
});
