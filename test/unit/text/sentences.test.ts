import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { segmentSentences } from '../../../server/src/engine/text/sentences';

const sample = (name: string) => fs.readFileSync(path.resolve(__dirname, '../../../samples', name), 'utf8');
const texts = (t: string) => segmentSentences(t).map((s) => t.slice(s.start, s.end));

describe('sentence segmentation for news text', () => {
  it('ends sentences at full stops and the Arabic question mark, not at ، or ؛', () => {
    assert.deepEqual(texts('هل التقى الوفدان؟ نعم، التقيا؛ ثم غادرا. انتهى'), ['هل التقى الوفدان؟', 'نعم، التقيا؛ ثم غادرا.', 'انتهى']);
  });

  it('does not split after an abbreviation such as "د."', () => {
    assert.deepEqual(texts('قال د. محمد علي إن الوضع خطير. ثم غادر.'), ['قال د. محمد علي إن الوضع خطير.', 'ثم غادر.']);
  });

  it('puts headlines, captions and datelines on their own, without final punctuation', () => {
    const t = sample('000_733615ac9775bde5.txt');
    const all = segmentSentences(t);
    assert.equal(all[0].kind, 'headline');
    assert.ok(texts(t).includes('دبي-الشرقوكالات'));
  });

  it('strips markdown heading markers and bullets from the span but keeps links inside', () => {
    const t = '# عنوان المقال\n\n  • تعليق الصورة\n\nأجرى المسؤولون [محادثات غير مباشرة](#) في مسقط.';
    const all = segmentSentences(t);
    assert.deepEqual(all.map((s) => t.slice(s.start, s.end)), ['عنوان المقال', 'تعليق الصورة', 'أجرى المسؤولون [محادثات غير مباشرة](#) في مسقط.']);
    assert.deepEqual(all.map((s) => s.kind), ['heading', 'bullet', 'body']);
  });

  it('numbers sentences s1, s2, … in document order with trimmed spans', () => {
    const t = sample('001_1c47a185e8d9dee2.txt');
    const all = segmentSentences(t);
    all.forEach((s, i) => {
      assert.equal(s.id, `s${i + 1}`);
      assert.ok(!/^\s|\s$/.test(t.slice(s.start, s.end)));
      if (i > 0) assert.ok(s.start >= all[i - 1].end);
    });
  });
});
