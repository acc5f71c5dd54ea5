// What a reader sees of the links in an editor's plain-text places: CodeLens rows that fit on one
// line even when a paragraph of many sentences is one line, and contradiction messages that read
// left to right with the other article's passage last, isolated. On the sample articles, one of
// them also joined into one long line, and an article that contradicts them.
import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import { codeLenses, ROW_CHARS, countsOf, lensTitle } from '../../../server/src/features/codeLens';
import { contradictionDiagnostics, contradictionMessage } from '../../../server/src/features/diagnostics';
import { Workspace } from '../../../server/src/lsp/workspace';
import { linksOfSentence, noDecisions } from '../../../server/src/lsp/queries';
import { excerpt, isolateArabicRuns, stripBidiControls } from '../../../server/src/lsp/plainText';
import { clashArticle, oneLineArticle, sampleArticles, sampleText } from '../../support/samples';

const RLI = '\u2067', PDI = '\u2069';
const ARABIC_LETTER = /[\u0621-\u064A]/;

/** Every isolate opened is closed, none is closed unopened, and no other bidi control is left. */
function balancedIsolates(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === RLI) depth++;
    else if (c === PDI && --depth < 0) return false;
    else if (/[\u202A-\u202E\u2066\u2068]/.test(c)) return false;
  }
  return depth === 0;
}

/** The text outside our isolates. */
const outside = (s: string) => s.replace(/\u2067[^\u2069]*\u2069/g, '');

describe('links shown as CodeLens and diagnostics', function () {
  this.timeout(60_000);
  const uri = (name: string) => `file:///corpus/${name}`;
  let ws: Workspace;
  before(() => {
    ws = new Workspace();
    ws.setMany([
      ...sampleArticles().map((n) => ({ uri: uri(n), text: sampleText(n) })),
      // A story paragraph as one line (two samples' sentences: each has passages elsewhere).
      { uri: uri('005_paragraph.txt'), text: oneLineArticle('000_', '001_') },
      // One sample article as one line: a few linked sentences on it.
      { uri: uri('006_line.txt'), text: oneLineArticle('003_') },
      { uri: uri('007_clash.txt'), text: clashArticle() },
    ]);
  });
  const all = () => ws.uris();

  it('lays out the lenses of each line to fit one row, however many linked sentences the line holds', () => {
    const tiers = new Set<string>();
    for (const u of all()) {
      const a = ws.analysis(u)!;
      const lenses = codeLenses(ws, u, 'en', noDecisions);
      const rows = new Map<number, typeof lenses>();
      for (const l of lenses) rows.set(l.range.start.line, [...(rows.get(l.range.start.line) ?? []), l]);
      for (const [line, row] of rows) {
        const titles = row.map((l) => l.command!.title);
        const width = titles.join(' | ').length;
        // A single lens is never shortened; a row of several fits ROW_CHARS.
        if (row.length > 1) assert.ok(width <= ROW_CHARS, `line ${line + 1} of ${u}: a row of ${width} characters: ${titles.join(' | ')}`);
        const linked = a.sentences.filter((s) => ws.range(u, s).start.line === line && linksOfSentence(ws, u, s).length > 0);
        if (row.length === linked.length) {
          // One lens per sentence, on the sentence's own range, with its counts.
          for (const [i, s] of linked.entries()) {
            assert.deepEqual(row[i].range, ws.range(u, s));
            const c = countsOf(linksOfSentence(ws, u, s));
            const short = /^[✓✗?\d ]+$/.test(titles[i]);
            tiers.add(short ? 'short' : 'words');
            assert.equal(titles[i], short ? [c.corroborates && `✓${c.corroborates}`, c.contradicts && `✗${c.contradicts}`, c.differentEvent && `?${c.differentEvent}`].filter(Boolean).join(' ') : lensTitle(c, 'en'));
            assert.ok(row[i].command!.tooltip!.includes(lensTitle(c, 'en')), `the tooltip gives the counts in words: ${row[i].command!.tooltip}`);
          }
        } else {
          // One lens for the line: the totals of all its linked sentences, each one in the tooltip.
          tiers.add('summary');
          assert.equal(row.length, 1);
          const total = countsOf(linked.flatMap((s) => linksOfSentence(ws, u, s)));
          assert.equal(titles[0], `${linked.length} linked sentences: ${lensTitle(total, 'en')}`);
          assert.equal(row[0].command!.tooltip!.split('\n').length, linked.length);
          assert.equal((row[0].command!.arguments![2] as unknown[]).length, total.corroborates + total.contradicts + total.differentEvent, 'clicking it shows every passage of the line');
        }
        for (const l of row) assert.ok(balancedIsolates(l.command!.tooltip!), `tooltip ${JSON.stringify(l.command!.tooltip)}`);
      }
    }
    assert.deepEqual([...tiers].sort(), ['short', 'summary', 'words'], 'the samples, the one-line sample and the one-line paragraph use each layout');
  });

  it('words a contradiction as who, why, then the start of the other passage, isolated', () => {
    const diagnostics = all().flatMap((u) => contradictionDiagnostics(ws, u, 'en', 'information', noDecisions));
    assert.ok(diagnostics.length > 0, 'the clash article contradicts the samples');
    for (const d of diagnostics) {
      const m = d.message as string;
      assert.match(m, /^Contradicted by \d{3}_[\w.]+\.txt \([^\n]+\):\n«\u2067[^\u2067\u2069\n]+\u2069»$/, m);
      assert.ok(balancedIsolates(m), `unbalanced or foreign bidi controls in ${JSON.stringify(m)}`);
      assert.ok(!ARABIC_LETTER.test(outside(m)), `Arabic outside an isolate in ${JSON.stringify(m)}`);
      const rel = d.relatedInformation![0].message;
      assert.ok(rel.startsWith(RLI) && rel.endsWith(PDI) && balancedIsolates(rel), JSON.stringify(rel));
    }
    assert.ok(diagnostics.some((d) => /different figures for the same count: \u2067(250|350) صاروخًا\u2069 vs \u2067(250|350) صاروخًا\u2069/.test(d.message as string)), diagnostics.map((d) => d.message).join('\n'));
  });

  it('isolates each Arabic run of a message with its numbers, and removes the article’s own bidi controls', () => {
    assert.equal(isolateArabicRuns('count: 31 قتيلا vs 32 بحياة … شخصا'), `count: ${RLI}31 قتيلا${PDI} vs ${RLI}32 بحياة … شخصا${PDI}`);
    assert.equal(contradictionMessage('b.txt', ['negation: قال vs نفى'], 'نفى \u202Eالمتحدث\u2069 ذلك', 'en'), `Contradicted by b.txt (negation: ${RLI}قال${PDI} vs ${RLI}نفى${PDI}):\n«${RLI}نفى المتحدث ذلك${PDI}»`);
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...'اب ت1 2.،«»abc:()\u202E\u2067\u2069\u202B\u064E'.split('')) }), (s) => {
      const out = isolateArabicRuns(s);
      assert.ok(balancedIsolates(out), JSON.stringify(out));
      assert.equal(out.replace(/[\u2067\u2069]/g, ''), stripBidiControls(s));
      assert.ok(!ARABIC_LETTER.test(outside(out)));
    }));
  });

  it('quotes the start of a passage without cutting a word, so no letter loses its marks', () => {
    const t = 'وأطلقت إيرانُ خلالَ هذا الهجومِ أكثرَ من ثلاثمئةِ مسيّرةٍ وصاروخٍ باتجاه إسرائيل';
    const e = excerpt(t, 30);
    assert.ok(e.endsWith('…') && e.length <= 31, e);
    assert.ok(t.startsWith(e.slice(0, -1)), e);
    assert.ok(/\s/.test(t[e.length - 1]), `cut inside a word: ${e}`);
    assert.equal(excerpt('سطر\nثان\r\nثالث', 80), 'سطر ثان ثالث');
  });
});
