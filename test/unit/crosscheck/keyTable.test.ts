import { strict as assert } from 'assert';
import { KeySet, KeyTable } from '../../../server/src/engine/crosscheck/keyTable';

describe('cross-checking: compact key tables', () => {
  // Keys added out of alphabetical and numbering order, some numbered before by another table.
  KeyTable.from(new Map([['E:later', 0]]));
  const source = new Map([['سلطنة', 1], ['E:later', 2], ['عمان', 3], ['E:Q1', 4], ['محادثات', 5]]);
  const table = KeyTable.from(source);

  it('finds every key of the map it was made from, with its value', () => {
    for (const [k, v] of source) assert.equal(table.get(k), v, `value of ${k}`);
    assert.equal(table.size, source.size);
  });

  it('finds no key the map did not hold, known to other tables or not', () => {
    KeyTable.from(new Map([['elsewhere', 9]]));
    for (const k of ['elsewhere', 'never seen', '']) {
      assert.equal(table.get(k), undefined, `get ${k}`);
      assert.equal(table.has(k), false, `has ${k}`);
    }
  });

  it('iterates in the order the map did', () => {
    assert.deepEqual([...table], [...source]);
    assert.deepEqual([...table.values()], [...source.values()]);
    assert.deepEqual([...table.keys()], [...source.keys()]);
  });

  it('an empty table holds nothing', () => {
    const empty = KeyTable.from(new Map<string, number>());
    assert.equal(empty.size, 0);
    assert.equal(empty.get('E:later'), undefined);
    assert.deepEqual([...empty], []);
  });

  it('a key set answers membership and iterates in its order', () => {
    const keys = new Set(['E:Q1', 'وزير', 'E:later']);
    const set = KeySet.from(keys);
    assert.deepEqual([...set], [...keys]);
    for (const k of keys) assert.equal(set.has(k), true, `has ${k}`);
    assert.equal(set.has('سلطنة'), false);
    assert.equal(set.size, 3);
  });
});
