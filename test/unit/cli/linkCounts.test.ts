// One counting and one wording of links for the CLI summary, the status bar and eval.
import { strict as assert } from 'assert';
import { countLinkPairs, describeLinks, linkCountParts } from '../../../server/src/linkCounts';

const end = (path: string, start: number) => ({ path, start, end: start + 10 });
const link = (a: string, sa: number, b: string, sb: number, relation: string) => ({ from: end(a, sa), target: end(b, sb), relation });

describe('link counts', () => {
  it('counts a link held from both of its ends once, as one pair of passages', () => {
    const counts = countLinkPairs([
      link('a.txt', 0, 'b.txt', 5, 'corroborates'),
      link('b.txt', 5, 'a.txt', 0, 'corroborates'),
      link('a.txt', 20, 'b.txt', 5, 'corroborates'),
      link('a.txt', 40, 'c.txt', 0, 'contradicts'),
      link('c.txt', 0, 'a.txt', 40, 'contradicts'),
      link('b.txt', 30, 'c.txt', 9, 'different-event'),
    ]);
    assert.deepEqual(counts, { corroborates: 2, contradicts: 1, differentEvent: 1 });
  });

  it('says the counts with correct plurals, different events only when there are some', () => {
    assert.equal(describeLinks({ corroborates: 157, contradicts: 1, differentEvent: 3 }), '161 linked pairs: 157 corroborations, 1 contradiction, 3 different events');
    assert.equal(describeLinks({ corroborates: 1, contradicts: 0, differentEvent: 0 }), '1 linked pair: 1 corroboration, 0 contradictions');
    assert.deepEqual(linkCountParts({ corroborates: 2, contradicts: 2, differentEvent: 1 }), ['2 corroborations', '2 contradictions', '1 different event']);
  });
});
