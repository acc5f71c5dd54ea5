import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import { recognizeQuantities } from '../../../server/src/engine/quantities';
import { parseDigits } from '../../../server/src/engine/quantities/numerals';
import { recognizeDates } from '../../../server/src/engine/dates';
import { tokenize } from '../../../server/src/engine/text/tokens';

function quantities(text: string) {
  const tokens = tokenize(text);
  return recognizeQuantities(text, tokens, recognizeDates(text, tokens, null));
}

describe('quantities', () => {
  it('keeps "أكثر من" as an open interval and finds the counted noun', () => {
    const [q] = quantities('وأطلقت إيران خلال هذا الهجوم أكثر من 300 مسيرة وصاروخ باتجاه إسرائيل');
    assert.equal(q.text, 'أكثر من 300');
    assert.equal(q.low, 300);
    assert.equal(q.high, Infinity);
    assert.equal(q.qualifier, 'أكثر من');
    assert.equal(q.unit, 'مسيرة');
  });

  it('makes "أكثر من 300" compatible with 350 but 300 different from 350', () => {
    const [more] = quantities('أطلقت أكثر من 300 صاروخ');
    const [exact] = quantities('أطلقت 350 صاروخًا');
    const [other] = quantities('أطلقت 300 صاروخ');
    assert.ok(exact.low >= more.low && exact.high <= more.high);
    assert.ok(other.high < exact.low);
    // The accusative ending of the counted noun does not change what is counted.
    assert.equal(exact.unitStem, other.unitStem);
  });

  it('widens "نحو" by ten per cent and reads "بين … و …" as a range', () => {
    const [about] = quantities('قتل نحو 1,500 شخص');
    assert.deepEqual([about.low, about.high], [1350, 1650]);
    const [range] = quantities('أصيب بين 10 و20 جنديا');
    assert.deepEqual([range.low, range.high, range.unit], [10, 20, 'جنديا']);
  });

  it('reads number words, scales and vague plurals', () => {
    const qs = quantities('قتل خمسة وعشرون شخصا وأصيب ثلاثة آلاف ونزح عشرات الآلاف من السكان وخسر 1.5 مليون دولار');
    assert.deepEqual(qs.map((q) => [q.low, q.high]), [[25, 25], [3000, 3000], [20000, 99999], [1.5e6, 1.5e6]]);
    assert.equal(qs[2].unit, 'السكان');
  });

  it('reads a dual scale in construct as two of it', () => {
    const [q] = quantities('نشرت الوزارة ألفي جندي على الحدود');
    assert.deepEqual([q.low, q.high, q.unit], [2000, 2000, 'جندي']);
  });

  it('reads Arabic-Indic and Persian digits and percentages', () => {
    const [a, b, c] = quantities('ارتفع بنسبة ٢٥٪ ثم ۱۲ ألف طن و3.5 في المئة');
    assert.deepEqual([a.low, a.percent], [25, true]);
    assert.equal(b.low, 12000);
    assert.deepEqual([c.low, c.percent], [3.5, true]);
  });

  it('leaves out the numbers of dates, years and codes', () => {
    assert.deepEqual(quantities('في 13 أبريل 2024 أطلقت منظومة S-300').map((q) => q.text), []);
    assert.deepEqual(quantities('في نهاية العام 2003').map((q) => q.text), []);
  });

  it('parses separators the way Arabic typesetting uses them', () => {
    assert.equal(parseDigits('1,500'), 1500);
    assert.equal(parseDigits('1,250,000'), 1250000);
    assert.equal(parseDigits('2.5'), 2.5);
    assert.equal(parseDigits('18,5'), 18.5);
    assert.equal(parseDigits('12,345.6'), 12345.6);
  });

  it('has spans inside the text with low ≤ high', () => {
    const pieces = ['أكثر من ', 'نحو ', '300', '٣٠٠', ' ألف', ' صاروخ', '٪', ' و', 'بين ', '1,5', ' مليون', 'ثلاثة', ' عشر', ' في ', 'يناير', ' '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 10 }), (parts) => {
        const s = parts.join('');
        for (const q of quantities(s)) {
          assert.ok(q.start >= 0 && q.start < q.end && q.end <= s.length);
          assert.equal(s.slice(q.start, q.end), q.text);
          assert.ok(q.low <= q.high);
        }
      }),
      { numRuns: 200 },
    );
  });
});
