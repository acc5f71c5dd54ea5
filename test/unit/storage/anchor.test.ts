import { strict as assert } from 'assert';
import fc from 'fast-check';
import { makeAnchor, reanchorSidecar, relocate } from '../../../server/src/storage/anchor';
import { articleText, handSidecar, spanOf } from './helpers';

const text = articleText;

describe('anchors', function () {
  // Property tests run many cases; the machine running them may be busy.
  this.timeout(30_000);

  it('stores the quote and up to 32 UTF-16 units of context on each side', () => {
    const { start, end } = spanOf(text, 'جو بايدن');
    const a = makeAnchor(text, start, end);
    assert.equal(a.text, 'جو بايدن');
    assert.equal(a.prefix, text.slice(start - 32, start));
    assert.equal(a.suffix, text.slice(end, end + 32));
    const atStart = makeAnchor(text, 0, 3);
    assert.equal(atStart.prefix, '');
  });

  it('never cuts a surrogate pair at the edge of the context', () => {
    const t = 'x'.repeat(31) + '😀' + 'عمان' + '😀' + 'y'.repeat(40);
    const s = t.indexOf('عمان');
    const a = makeAnchor(t, s, s + 4);
    assert.ok(!/^[\uDC00-\uDFFF]/.test(a.prefix), 'prefix starts with a low surrogate');
    const t2 = 'عمان' + 'y'.repeat(31) + '😀';
    const b = makeAnchor(t2, 0, 4);
    assert.ok(!/[\uD800-\uDBFF]$/.test(b.suffix), 'suffix ends with a high surrogate');
  });

  it('keeps an unchanged span by position', () => {
    const { start, end } = spanOf(text, 'سلطنة عُمان');
    assert.deepEqual(relocate(makeAnchor(text, start, end), text), { start, end, how: 'position' });
  });

  it('follows an insertion before the span', () => {
    const { start, end } = spanOf(text, 'أكسيوس');
    const ins = 'نقلت وكالة رويترز أن ';
    const edited = text.slice(0, 100) + ins + text.slice(100);
    const r = relocate(makeAnchor(text, start, end), edited);
    assert.deepEqual(r, { start: start + ins.length, end: end + ins.length, how: 'context' });
  });

  it('picks the right one of repeated quotes by its context', () => {
    // "سلطنة عُمان" occurs three times; the second must stay the second after an edit before it.
    const second = spanOf(text, 'سلطنة عُمان', 1);
    const edited = 'عاجل: ' + text;
    const r = relocate(makeAnchor(text, second.start, second.end), edited);
    assert.deepEqual(r && [r.start, r.end], [second.start + 6, second.end + 6]);
  });

  it('finds a span again after an edit inside it, by fuzzy matching on normalised text', () => {
    const { start, end } = spanOf(text, 'بريت ماكغورك');
    // The user fixes the spelling: غ -> ج (another common transliteration) and adds a diacritic.
    const edited = text.slice(0, start) + 'بريتُ ماكجورك' + text.slice(end);
    const r = relocate(makeAnchor(text, start, end), edited);
    assert.ok(r);
    assert.equal(r.how, 'fuzzy');
    assert.equal(edited.slice(r.start, r.end), 'بريتُ ماكجورك');
  });

  it('widens an approximate match to whole words when the quote was whole words', () => {
    const t = 'قال المتحدث باسم الخارجية إن المحادثات جرت في مسقط.';
    const { start, end } = spanOf(t, 'باسم الخارجية');
    // The closest substring by edit distance is "باسم الخارجيت", inside a word.
    const edited = t.replace('باسم الخارجية', 'باسم الخارجيتين');
    const r = relocate(makeAnchor(t, start, end), edited);
    assert.ok(r);
    assert.equal(r.how, 'fuzzy');
    assert.equal(edited.slice(r.start, r.end), 'باسم الخارجيتين');
  });

  it('matches across hamza and diacritic variants exactly after normalisation', () => {
    const { start, end } = spanOf(text, 'إيران');
    const edited = text.replace(/إيران/g, 'ايران');
    const r = relocate(makeAnchor(text, start, end), edited);
    assert.ok(r);
    assert.equal(edited.slice(r.start, r.end), 'ايران');
    assert.equal(r.start, start);
  });

  it('never splits a letter from the marks added after it', () => {
    const { start, end } = spanOf(text, 'أكسيوس');
    const edited = text.slice(0, end) + '\u064F' + text.slice(end); // damma on the last letter
    const r = relocate(makeAnchor(text, start, end), edited);
    assert.ok(r);
    assert.equal(r.end, end + 1);
  });

  it('finds a long quote (several sentences) again after an edit in its middle', () => {
    const start = text.indexOf('أجرى'), end = text.indexOf('سلطنة عُمان.') + 'سلطنة عُمان.'.length;
    assert.ok(end - start > 500);
    const mid = start + 300;
    const edited = text.slice(0, mid) + ' (بحسب مصادر)' + text.slice(mid);
    const r = relocate(makeAnchor(text, start, end), edited);
    assert.deepEqual(r, { start, end: end + ' (بحسب مصادر)'.length, how: 'fuzzy' });
  });

  it('gives up (null) when the words are gone', () => {
    const { start, end } = spanOf(text, 'أكسيوس');
    const edited = text.split('أكسيوس').join('الصحيفة');
    assert.equal(relocate(makeAnchor(text, start, end), edited), null);
  });

  it('does not move a word of a deleted line onto another mention or a similar word in other surroundings', () => {
    const t = 'أكسيوس: الولايات المتحدة وإيران أجرتا محادثات سرية\nوقال الموقع إن المسؤولين التقوا لإجراء مباحثات نقلها أكسيوس عن مصادر.';
    const edited = t.slice(t.indexOf('\n') + 1);
    // The headline's mention of أكسيوس is gone; the other one has other neighbours.
    assert.equal(relocate(makeAnchor(t, 0, 'أكسيوس'.length), edited), null);
    // "أجرتا" is one edit away from part of "لإجراء", which is another word in another place.
    const { start, end } = spanOf(t, 'أجرتا');
    assert.equal(relocate(makeAnchor(t, start, end), edited), null);
  });

  it('does not accept a weak fuzzy match of a short quote', () => {
    const a = makeAnchor('قال عمر كلاما', 4, 7);
    assert.equal(relocate(a, 'قال زيد شيئا آخر تماما'), null);
  });

  it('property: after inserting text that does not touch the quote, the anchor is re-found at the shifted offset', () => {
    // Texts are real words of the fixture in random order, each word once: like news, and never
    // periodic (in "ااااا" no method can tell which letter an anchor meant).
    const words = [...new Set(text.split(/\s+/).filter(Boolean))];
    const article = fc.shuffledSubarray(words, { minLength: 8, maxLength: 60 }).map((w) => w.join(' '));
    const inserted = fc.string({ unit: fc.constantFrom(...'abcdefgh XYZ0123456789.,\n'), minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(article, fc.nat(), fc.nat(), fc.nat(), inserted, (t, s0, len0, at0, ins) => {
        let start = s0 % (t.length - 1);
        let end = start + 1 + (len0 % Math.min(20, t.length - start));
        // Spans never split a letter from its marks (the recognisers and the editor keep them whole).
        while (start > 0 && /\p{M}/u.test(t[start])) start--;
        while (end < t.length && /\p{M}/u.test(t[end])) end++;
        const a = makeAnchor(t, start, end);
        // The insertion point lies outside [start, end].
        const outside = [...Array(t.length + 1).keys()].filter((i) => i <= start || i >= end);
        const at = outside[at0 % outside.length];
        const edited = t.slice(0, at) + ins + t.slice(at);
        const shift = at <= start ? ins.length : 0;
        const r = relocate(a, edited);
        assert.ok(r, 'not found');
        assert.deepEqual([r.start, r.end], [start + shift, end + shift]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('re-anchoring a sidecar', function () {
  this.timeout(30_000);

  it('moves every annotation after an insertion before it, and counts them', () => {
    const s = handSidecar();
    const ins = 'سطر جديد في أول المقال.\n';
    const edited = ins + text;
    const r = reanchorSidecar(s, edited);
    assert.equal(r.orphaned, 0);
    const total = s.entities.length + s.dates.length + s.quantities.length + s.links.length;
    assert.equal(r.moved, total);
    for (const e of r.sidecar.entities) assert.equal(edited.slice(e.start, e.end), e.text);
    assert.deepEqual(r.sidecar.entities.map((e) => e.start), s.entities.map((e) => e.start + ins.length));
    assert.ok(r.sidecar.entities.every((e) => e.prefix === makeAnchor(edited, e.start, e.end).prefix));
  });

  it('keeps the span of an entity when text is inserted inside its sentence but after it', () => {
    const s = handSidecar();
    const e = s.entities.find((x) => x.text === 'جو بايدن')!;
    const edited = text.slice(0, e.end) + ' (الديمقراطي)' + text.slice(e.end);
    const r = reanchorSidecar(s, edited);
    const moved = r.sidecar.entities.find((x) => x.id === e.id)!;
    assert.deepEqual([moved.start, moved.end], [e.start, e.end]);
    assert.ok(!moved.orphaned);
  });

  it('re-finds an entity with a letter inserted inside it, and orphans one whose words were rewritten', () => {
    const s = handSidecar();
    const biden = s.entities.find((x) => x.text === 'جو بايدن')!;
    const axios = s.entities.find((x) => x.text === 'أكسيوس')!;
    // "بايدن" -> "بايدين" (one letter, a common spelling variant); "أكسيوس" -> "أكسيوس الإخباري" is
    // not an insertion into it, but "أكـسـيوس" (tatweel) is, and normalisation ignores it.
    let edited = text.slice(0, biden.start + 7) + 'ي' + text.slice(biden.start + 7);
    const ax = spanOf(edited, 'أكسيوس');
    edited = edited.slice(0, ax.start + 2) + 'ـ' + edited.slice(ax.start + 2);
    const r = reanchorSidecar(s, edited);
    const b = r.sidecar.entities.find((x) => x.id === biden.id)!;
    assert.equal(edited.slice(b.start, b.end), 'جو بايدين');
    assert.equal(b.text, 'جو بايدين');
    const a = r.sidecar.entities.find((x) => x.id === axios.id)!;
    assert.equal(edited.slice(a.start, a.end), 'أكـسيوس');
    // A long insertion inside a short name is a different name: orphaned, kept.
    const rewritten = text.slice(0, biden.start + 3) + 'الرئيس الأمريكي السابق ' + text.slice(biden.start + 3);
    const o = reanchorSidecar(s, rewritten).sidecar.entities.find((x) => x.id === biden.id)!;
    assert.equal(o.orphaned, true);
    assert.equal(o.text, 'جو بايدن');
  });

  it('extends nothing and drops nothing when text is inserted inside an annotated sentence span (a link)', () => {
    const s = handSidecar();
    const link = s.links[0];
    const mid = link.start + 20;
    const edited = text.slice(0, mid) + ' كلمة ' + text.slice(mid);
    const r = reanchorSidecar(s, edited);
    const l = r.sidecar.links.find((x) => x.id === link.id)!;
    // A sentence-long quote with a small insertion is still the same sentence (fuzzy).
    assert.ok(!l.orphaned);
    assert.equal(l.start, link.start);
    assert.equal(l.end, link.end + ' كلمة '.length);
  });

  it('orphans annotations of a deleted sentence, keeps them with their last offsets, and re-attaches them after an undo', () => {
    const s = handSidecar();
    const bali = spanOf(text, 'أبرام بالي');
    s.notes.push({ id: 'n-1', ...makeAnchor(text, bali.start, bali.end), body: 'القائم بأعمال المبعوث', created: '2026-11-22T22:00:00Z' });
    const sentence = s.sentences.find((x) => text.slice(x.start, x.end).includes('ماكغورك'))!;
    const edited = text.slice(0, sentence.start) + text.slice(sentence.end);
    const r = reanchorSidecar(s, edited);
    assert.equal(r.orphaned, 2);
    const note = r.sidecar.notes.find((n) => n.id === 'n-1')!;
    assert.equal(note.orphaned, true);
    assert.deepEqual([note.start, note.end, note.text], [bali.start, bali.end, 'أبرام بالي']);
    const mc = r.sidecar.entities.find((x) => x.text === 'بريت ماكغورك')!;
    assert.equal(mc.orphaned, true);
    assert.equal(r.sidecar.entities.length, s.entities.length, 'nothing dropped');
    // Annotations of other sentences stay in place.
    const biden = r.sidecar.entities.find((x) => x.text === 'جو بايدن')!;
    assert.ok(!biden.orphaned);
    assert.equal(edited.slice(biden.start, biden.end), 'جو بايدن');
    // Undo: the text comes back and so do the orphans.
    const back = reanchorSidecar(r.sidecar, text);
    assert.equal(back.orphaned, 0);
    const again = back.sidecar.notes.find((n) => n.id === 'n-1')!;
    assert.ok(!again.orphaned);
    assert.equal(text.slice(again.start, again.end), 'أبرام بالي');
  });

  it('moves a deleted sentence\'s annotation when the sentence was moved elsewhere', () => {
    const s = handSidecar();
    const sentence = s.sentences.find((x) => text.slice(x.start, x.end).includes('ماكغورك'))!;
    const body = text.slice(sentence.start, sentence.end);
    const edited = body + '\n\n' + text.slice(0, sentence.start) + text.slice(sentence.end);
    const r = reanchorSidecar(s, edited);
    const mc = r.sidecar.entities.find((x) => x.text === 'بريت ماكغورك')!;
    assert.ok(!mc.orphaned);
    assert.equal(edited.slice(mc.start, mc.end), 'بريت ماكغورك');
    assert.ok(mc.start < body.length);
  });

  it('property: after one insertion outside every annotated span, every annotation of the sidecar is at its shifted offset', () => {
    const s = handSidecar();
    for (const w of ['إيران', 'سلطنة عُمان', 'الأسبوع', 'مسؤولين', 'محادثات']) {
      for (let n = 0; ; n++) {
        const at = text.indexOf(w, n === 0 ? 0 : s.notes[s.notes.length - 1].end);
        if (at < 0) break;
        s.notes.push({ id: `n-${w}-${n}`, ...makeAnchor(text, at, at + w.length), body: '', created: '' });
      }
    }
    const items = [...s.entities, ...s.dates, ...s.quantities, ...s.notes];
    const free = [...Array(text.length + 1).keys()].filter((i) => items.every((x) => i <= x.start || i >= x.end));
    fc.assert(
      fc.property(fc.nat(), fc.string({ unit: fc.constantFrom(...'abc XYZ 0123456789.,:-'), minLength: 1, maxLength: 80 }), (k, ins) => {
        const at = free[k % free.length];
        const r = reanchorSidecar(s, text.slice(0, at) + ins + text.slice(at));
        const after = [...r.sidecar.entities, ...r.sidecar.dates, ...r.sidecar.quantities, ...r.sidecar.notes];
        assert.equal(r.orphaned, 0);
        after.forEach((x, i) => {
          const shift = at <= items[i].start ? ins.length : 0;
          assert.deepEqual([x.id, x.start, x.end], [items[i].id, items[i].start + shift, items[i].end + shift]);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('updates the sentence id of links and the document hash', () => {
    const s = handSidecar();
    const edited = 'عنوان جديد\n\n' + text;
    const r = reanchorSidecar(s, edited);
    const l = r.sidecar.links[0];
    const sentence = r.sidecar.sentences.find((x) => x.id === l.sentence)!;
    assert.ok(sentence.start <= l.start && l.start < sentence.end);
    assert.notEqual(r.sidecar.document.sha256, s.document.sha256);
  });
});
