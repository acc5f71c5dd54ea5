import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import { splitProclitics, tokenize } from '../../../server/src/engine/text/tokens';

describe('word tokens', () => {
  it('keeps words whole for display but strips proclitics for matching', () => {
    const text = 'وأطلقت إيران 350 صاروخًا باتجاه إسرائيل وللشرق الأوسط';
    const toks = tokenize(text).filter((t) => t.kind !== 'punct');
    assert.deepEqual(toks.map((t) => t.text), ['وأطلقت', 'إيران', '350', 'صاروخًا', 'باتجاه', 'إسرائيل', 'وللشرق', 'الأوسط']);
    const wal = toks.find((t) => t.text === 'وللشرق')!;
    assert.equal(wal.stem, 'شرق');
    assert.equal(text.slice(wal.stemStart, wal.end), 'شرق');
    assert.equal(toks.find((t) => t.text === 'الأوسط')!.stem, 'اوسط');
    assert.equal(toks.find((t) => t.text === '350')!.kind, 'number');
  });

  it('does not strip letters that belong to short words', () => {
    assert.equal(splitProclitics('ولد').stem, 'ولد');
    assert.equal(splitProclitics('بلد').stem, 'بلد');
    assert.equal(splitProclitics('وبالعاصمه').stem, 'عاصمه');
    assert.equal(splitProclitics('لطهران').stem, 'طهران');
  });

  it('reads Arabic-Indic numbers as numbers', () => {
    const [t] = tokenize('١٢');
    assert.equal(t.norm, '12');
    assert.equal(t.kind, 'number');
  });

  it('produces ordered tokens that lie inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ابتجدرسعفقكلمنهوي والبلل أإآةًٌُ،.؟ 0123 ab-'.split('')) }), (s) => {
        let last = 0;
        for (const t of tokenize(s)) {
          assert.ok(t.start >= last && t.end <= s.length && t.start < t.end);
          assert.equal(s.slice(t.start, t.end), t.text);
          assert.ok(t.stemStart >= t.start && t.stemStart <= t.end);
          last = t.end;
        }
      }),
    );
  });

  it('tokenizes a long text the same as its parts, with no word split at a seam', () => {
    const para = 'قال وزير الخارجية العماني بدر البوسعيدي إن المحادثات كانت بناءة، وستستأنف الأسبوع المقبل في مسقط.';
    const long = Array.from({ length: 120 }, (_, i) => `${para} ${i}`).join('\n');
    const words = tokenize(long).filter((t) => t.kind !== 'punct').map((t) => t.text);
    const expected = Array.from({ length: 120 }, (_, i) => tokenize(`${para} ${i}`)).flat().filter((t) => t.kind !== 'punct').map((t) => t.text);
    assert.ok(long.length > 10000);
    assert.deepEqual(words, expected);
  });
});

describe('tokenize agrees with ICU word segmentation', () => {
  // The tokenizer takes plain Arabic words without calling ICU (a speed-up); the tokens must be
  // those that ICU's word segmentation of the whole text gives.
  const icu = new Intl.Segmenter('ar', { granularity: 'word' });
  const reference = (text: string) => [...icu.segment(text)].filter((s) => !/^\s+$/.test(s.segment)).map((s) => [s.index, s.segment, !!s.isWordLike]);
  const pieces = ['قال', 'الرئيس', 'وزارة', 'الخارجيّة', ' ', ' ', '\n', '\t', '،', '.', '3', '٢٠٢٤', '1,500', 'TrendForce', '\u200f', '\u200c', '\ufeff', '\u00a0', 'ُ', 'ٌ', '«', '»', '(', 'ـ', 'e-mail', 'ﷺ'];
  it('on text mixing words, marks, format characters and punctuation', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      assert.deepEqual(tokenize(text).map((t) => [t.start, t.text, t.kind !== 'punct']), reference(text));
    }), { numRuns: 2000 });
  });
});
