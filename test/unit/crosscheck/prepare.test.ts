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
import { article } from './fixtures';

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
    // The reuse key is hashed only when a later version asks for it (see PreparedSentence.reuse):
    // computed on one side only here, it is left out.
    const withoutReuseKey = (list: typeof fresh) => list.map((s) => ({ ...s, reuse: { ...s.reuse!, key: undefined } }));
    assert.deepEqual(withoutReuseKey(again), withoutReuseKey(fresh));
    const reused = again.filter((s) => old.some((o) => o.terms === s.terms));
    assert.ok(reused.length >= fresh.length - 2, `${reused.length} of ${fresh.length} sentences reused`);
    assert.ok(reused.every((s) => s.start !== old[s.index].start), 'the reused sentences moved');
  });
});

describe('cross-checking: the words a name is matched by', () => {
  it('a name is matched by its bearer\'s own name and its family, not by the father\'s name after بن', () => {
    const text = 'واستقبل الأمير محمد بن سلمان بن عبدالعزيز آل سعود الوفد. وهنأ الملك عبدالله الثاني بن الحسين الشعب.';
    const names = ['محمد بن سلمان بن عبدالعزيز آل سعود', 'عبدالله الثاني بن الحسين'];
    const a = article('a.txt', text, { entities: names.map((n, i) => ({ text: n, type: 'PER' as const, entity: `PER:${i}` })) });
    const keysOf = (name: string) => prepareArticle(a, weightsFrom(background)).flatMap((s) => s.terms).find((t) => t.text === name)!.keys;
    const prince = keysOf(names[0]), king = keysOf(names[1]);
    // «بن» and the fathers' names (سلمان، عبدالعزيز؛ الحسين) are no key: every «X بن Y» would meet.
    for (const k of ['بن', 'سلمان', 'عبدالعزيز']) assert.ok(!prince.includes(k), `«${k}» is not a key of ${names[0]}: ${prince.join(' ')}`);
    assert.ok(!king.includes('حسين') && !king.includes('بن'), `the king's father is not a key: ${king.join(' ')}`);
    assert.ok(prince.includes('محمد') && prince.includes('سعود') && !prince.includes('ال'), `the bearer's name and the family are: ${prince.join(' ')}`);
    assert.ok(prince.includes('N:محمد سلمان'), `«محمد بن سلمان» is one key, for its shorter forms: ${prince.join(' ')}`);
  });
});
