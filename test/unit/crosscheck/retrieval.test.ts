import { strict as assert } from 'assert';
import { prepareArticle } from '../../../server/src/engine/crosscheck/prepare';
import { areCandidates, SentenceIndex } from '../../../server/src/engine/crosscheck/retrieval';
import { background } from '../../../server/src/engine/crosscheck/background';
import { weightsFrom } from '../../../server/src/engine/crosscheck/weights';
import { article } from './fixtures';

const weights = weightsFrom(background);
const one = (path: string, text: string) => prepareArticle(article(path, text), weights)[0];

describe('cross-checking: retrieval', () => {
  const talks = one('a.txt', 'أجرى اثنان من كبار المسؤولين في إدارة الرئيس جو بايدن محادثات غير مباشرة مع مسؤولين إيرانيين في سلطنة عمان.');
  const same = one('b.txt', 'عقد اثنان من كبار المسؤولين في إدارة بايدن محادثات غير مباشرة مع مسؤولين إيرانيين في سلطنة عمان هذا الأسبوع.');
  const other = one('c.txt', 'وقال مسؤولون في وزارة الزراعة إن محصول القمح هذا العام سيكون أكبر من العام الماضي بسبب الأمطار.');

  it('finds the sentences that share informative keys and not those that share one common word', () => {
    const index = new SentenceIndex();
    index.add(same);
    index.add(other);
    assert.deepEqual(index.candidates(talks), [same]);
  });

  it('answers the same whichever sentence asks', () => {
    for (const [x, y] of [[talks, same], [talks, other], [same, other]]) assert.equal(areCandidates(x, y), areCandidates(y, x));
  });

  it('forgets deleted sentences', () => {
    const index = new SentenceIndex();
    index.add(same);
    index.delete(same);
    assert.deepEqual(index.candidates(talks), []);
  });
});
