import { strict as assert } from 'assert';
import { compareDateValues, dayGap } from '../../../server/src/engine/crosscheck/compare';
import type { DateMention } from '../../../server/src/engine/model';

const date = (text: string, value: string, resolved: string | null = null): DateMention =>
  ({ start: 0, end: text.length, text, value, kind: 'absolute', resolved, explanation: [] });

describe('cross-checking: comparing dates', () => {
  it('the same month and day under two month names is the same date', () => {
    assert.equal(compareDateValues(date('8 مايو', 'XXXX-05-08'), date('8 أيار/ مايو', 'XXXX-05-08')).verdict, 'same');
  });

  it('a month and a day in that month are compatible (يناير / 10 كانون الثاني)', () => {
    assert.equal(compareDateValues(date('يناير', 'XXXX-01'), date('10 كانون الثاني', 'XXXX-01-10')).verdict, 'compatible');
  });

  it('stated months that differ are different dates', () => {
    assert.equal(compareDateValues(date('10 يناير', 'XXXX-01-10'), date('8 مايو', 'XXXX-05-08')).verdict, 'different');
  });

  it('a year inferred from two reference dates is no clash when the stated parts agree', () => {
    // One article took a photo caption's date (2023) for its dateline, the other resolved to 2024.
    assert.equal(compareDateValues(date('13 أبريل', 'XXXX-04-13', '2023-04-13'), date('13 أبريل', 'XXXX-04-13', '2024-04-13')).verdict, 'same');
  });

  it('a day known only by resolution says nothing of a year known the same way ("أمس" / "هذا العام")', () => {
    assert.equal(compareDateValues(date('أمس', 'REF-P1D', '2015-07-22'), date('هذا العام', 'REF+P0Y', '2015')).verdict, 'unknown');
    // Agreeing on the month is agreement: "1 August" falls in "early next month".
    assert.equal(compareDateValues(date('الأول من أغسطس', 'XXXX-08-01', '2015-08-01'), date('مطلع الشهر المقبل', 'REF+P1M', '2015-08')).verdict, 'compatible');
  });

  it('weekdays are compared through their resolved dates only', () => {
    assert.equal(compareDateValues(date('الثلاثاء', 'XXXX-WXX-2', '2024-05-07'), date('الثلاثاء', 'XXXX-WXX-2', '2024-05-07')).verdict, 'compatible');
    assert.equal(compareDateValues(date('الثلاثاء', 'XXXX-WXX-2', '2024-05-07'), date('الأربعاء', 'XXXX-WXX-3', '2024-05-08')).verdict, 'unknown');
  });

  it('compares the day of a clock time or a part of the day, not the time', () => {
    assert.equal(compareDateValues(date('8 مايو الساعة 10 صباحاً', 'XXXX-05-08T10:00'), date('8 أيار', 'XXXX-05-08')).verdict, 'same');
    assert.equal(compareDateValues(date('مساء 8 مايو', 'XXXX-05-08TEV'), date('10 مايو', 'XXXX-05-10')).verdict, 'different');
    assert.equal(dayGap(date('مساء 8 مايو', 'XXXX-05-08TEV'), date('10 مايو', 'XXXX-05-10')), 2);
  });

  it('counts day gaps across month ends and leaves month-only dates unmeasured', () => {
    assert.equal(dayGap(date('31 مارس', 'XXXX-03-31'), date('1 أبريل', 'XXXX-04-01')), 1);
    assert.equal(dayGap(date('يناير', 'XXXX-01'), date('8 مايو', 'XXXX-05-08')), null);
  });
});
