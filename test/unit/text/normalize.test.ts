import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import { arabicRatio, normalize, norm } from '../../../server/src/engine/text/normalize';

describe('Arabic normalisation for matching', () => {
  it('folds hamza and alef forms, alef maqsura, ta marbuta and diacritics', () => {
    assert.equal(norm('أإآٱ'), 'اااا');
    assert.equal(norm('مستشفى'), 'مستشفي');
    assert.equal(norm('سلطنة عُمان'), 'سلطنه عمان');
    assert.equal(norm('صاروخًا باليستيًا'), 'صاروخا باليستيا');
  });

  it('drops tatweel and zero-width characters, folds exotic spaces and punctuation', () => {
    assert.equal(norm('محـــادثات'), 'محادثات');
    assert.equal(norm('أ\u00a0ب\u202fج'), 'ا ب ج');
    assert.equal(norm('“أكسيوس”، «طهران»؟'), '"اكسيوس", "طهران"?');
  });

  it('keeps compatibility characters that NFKC leaves unchanged (the Quranic parentheses ﴾ ﴿)', () => {
    const n = normalize('قال تعالى ﴿وَقُلِ الحق﴾ في الآية');
    assert.equal(n.text, 'قال تعالي ﴿وقل الحق﴾ في الايه');
  });

  it('reads Arabic-Indic and Persian digits as Latin digits', () => {
    assert.equal(norm('١٩٩١ و۱۲ و٣٫٥٪'), '1991 و12 و3.5%');
  });

  it('maps every normalised span back to the original text', () => {
    const text = 'من غير الواضح مَن الذي مثَل طهران';
    const n = normalize(text);
    const at = n.text.indexOf('مثل');
    const span = n.toOriginal(at, at + 3);
    assert.equal(text.slice(span.start, span.end), 'مثَل');
  });

  it('never splits a letter from its trailing diacritics', () => {
    const text = 'صاروخًا';
    const n = normalize(text);
    const span = n.toOriginal(0, n.text.length);
    assert.deepEqual(span, { start: 0, end: text.length });
  });

  it('keeps offsets monotonic and inside the original for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي أإآىةًٌٍَُِّْـ،؟ 0123456789١٢٣abc\u00a0\u200f'.split('')) }), (s) => {
        const n = normalize(s);
        for (let i = 1; i < n.map.length; i++) assert.ok(n.map[i] >= n.map[i - 1]);
        assert.equal(n.map[n.text.length], s.length);
        for (let i = 0; i < n.text.length; i++) {
          const r = n.toOriginal(i, i + 1);
          assert.ok(r.start >= 0 && r.end <= s.length && r.start <= r.end);
        }
      }),
    );
  });

  it('measures how Arabic a text is', () => {
    assert.ok(arabicRatio('أميركا وإيران تجريان محادثات') > 0.95);
    assert.ok(arabicRatio('The quick brown fox') < 0.05);
    assert.equal(arabicRatio('12345 !!!'), 0);
  });
});

describe('normalisation of unassigned compatibility code points', () => {
  it('keeps a noncharacter or an unassigned presentation form as it is instead of recursing', () => {
    // U+FDD0 is a noncharacter and U+FBC2 unassigned: NFKC leaves them unchanged.
    assert.equal(norm('ا\uFDD0ب\uFBC2'), 'ا\uFDD0ب\uFBC2');
  });
});
