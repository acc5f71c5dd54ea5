// The model's word tables are searched in place (SortedTable), from the range of lines that share
// the key's first two code units: every key must be found with its value, and no other.
import * as assert from 'assert';
import * as fc from 'fast-check';
import { encodeTable, intValue, SortedTable } from '../../../server/src/engine/ner/tables';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('ner: SortedTable', () => {
  it('finds exactly the keys of the table, one-letter, prefix and shared-beginning keys included', () => {
    // Few letters, so that keys share their beginnings and are prefixes of each other.
    const key = fc.string({ unit: fc.constantFrom('ا', 'ب', 'ل', 'ي', 'a', ' '), minLength: 0, maxLength: 5 });
    fc.assert(fc.property(fc.uniqueArray(key, { maxLength: 60 }), fc.array(key, { maxLength: 40 }), (keys, probes) => {
      const sorted = [...keys].sort(cmp);
      const want = new Map(sorted.map((k, i) => [k, i]));
      const table = new SortedTable(encodeTable(sorted.map((k, i) => [k, i])), intValue);
      for (const k of [...keys, ...probes, ...keys.map((k) => k + 'ب'), ...keys.map((k) => k.slice(0, 1))]) {
        assert.strictEqual(table.get(k), want.get(k), `key «${k}»`);
        assert.strictEqual(table.has(k), want.has(k));
      }
    }), { numRuns: 300 });
  });
});
