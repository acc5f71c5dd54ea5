import { strict as assert } from 'assert';
import { parseCardinalWords } from '../../../server/src/engine/quantities/numberWords';

describe('colloquial number words', () => {
  it('reads the Egyptian and Levantine forms of units and teens, in years too', () => {
    assert.equal(parseCardinalWords(['الفين', 'واتنين', 'وعشرين'], 0)?.value, 2022);
    assert.equal(parseCardinalWords(['الفين', 'وتسعتاشر'], 0)?.value, 2019);
    assert.equal(parseCardinalWords(['تلاته', 'وتلاتين'], 0)?.value, 33);
    assert.equal(parseCardinalWords(['تمانيه'], 0)?.value, 8);
  });

  it('still reads the standard forms', () => {
    assert.equal(parseCardinalWords(['الف', 'وتسعمايه', 'وخمسه', 'وثمانون'], 0)?.value, 1985);
    assert.equal(parseCardinalWords(['الفان', 'وسبعه'], 0)?.value, 2007);
  });
});
