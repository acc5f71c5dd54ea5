// An article's date expressions are found once and kept with its scanned text: reading it for its
// dateline (no reference date) and then against the chosen date must give what reading it afresh
// against that date gives.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findReferenceDate, recognizeDates } from '../../../server/src/engine/dates';

const samples = path.resolve(__dirname, '../../../samples');
const texts = fs.readdirSync(samples).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(samples, f), 'utf8'));

describe('dates: reading a text again against another reference date', () => {
  it('gives the dates of a fresh reading', () => {
    for (const [n, text] of texts.entries()) {
      // Fresh: another text read in between, so nothing of this one is kept.
      recognizeDates(texts[(n + 1) % texts.length], null, null);
      const fresh = recognizeDates(text, null, '2015-07-23');
      assert.ok(fresh.length > 0, 'the sample has dates');
      findReferenceDate(text);
      const first = recognizeDates(text, null, null);
      assert.deepEqual(recognizeDates(text, null, '2015-07-23'), fresh);
      assert.notDeepEqual(first, fresh, 'the reference date changes the values');
      assert.deepEqual(recognizeDates(text, null, null), first);
    }
  });
});
