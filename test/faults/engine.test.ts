// The engine on damaged, converted and hostile text: random text and real sample passages with
// diacritics, tatweel, bidi controls, zero-width characters, characters outside the BMP, CRLF and
// lone CR, NUL bytes and lone surrogates put in, and lines of 1 MB. For every input: no exception,
// every span (sentence, token, entity, date, quantity, link end) lies on character boundaries of
// the text with its `text` equal to its slice, and the output is the same on a second run.
// Seeded and short in CI; QARINA_FAULTS_LONG=1 runs many more cases and every 1 MB shape.
import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { Corpus } from '../../server/src/engine/analyze';
import type { ArticleAnalysis, SentenceLink } from '../../server/src/engine/model';
import { SAMPLES, sampleArticles } from '../support/samples';
import { LONG, mutated, randomText, runs } from '../support/faults';

const samples = sampleArticles().map((n) => fs.readFileSync(path.join(SAMPLES, n), 'utf8'));
/** Offsets where a span may start or end: not inside a surrogate pair or a CRLF, and not between a
 *  letter and its marks (a combining mark belongs to the character before it, unless that is a
 *  control or a line end). Written out rather than taken from Intl.Segmenter's grapheme clusters,
 *  which take minutes on a 1 MB line and also glue a ZWJ or ZWNJ to the letter before it (a word
 *  may end before one). */
function boundaries(text: string): (i: number) => boolean {
  return (i) => {
    if (i <= 0 || i >= text.length) return i === 0 || i === text.length;
    const before = text.charCodeAt(i - 1), at = text.charCodeAt(i);
    if (before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff) return false;
    if (before === 0x0d && at === 0x0a) return false;
    return !(MARK.test(text[i]) && !/[\p{Cc}\u2028\u2029]/u.test(text[i - 1]));
  };
}
const MARK = /\p{M}/u;

function checkSpans(what: string, text: string, at: (i: number) => boolean, spans: { start: number; end: number; text?: string }[]): void {
  for (const s of spans) {
    const where = `${what} [${s.start}, ${s.end}) ${JSON.stringify(text.slice(s.start, s.end).slice(0, 40))}`;
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= text.length, `${where}: outside the text (length ${text.length})`);
    assert.ok(at(s.start), `${where}: starts inside a character (${JSON.stringify(text.slice(Math.max(0, s.start - 2), s.start + 2))})`);
    assert.ok(at(s.end), `${where}: ends inside a character (${JSON.stringify(text.slice(Math.max(0, s.end - 2), s.end + 2))})`);
    if (s.text !== undefined) assert.equal(s.text, text.slice(s.start, s.end), `${where}: text differs from its slice`);
  }
}

function checkAnalysis(a: ArticleAnalysis, texts: Map<string, string>, links: SentenceLink[]): void {
  const text = a.text;
  const at = boundaries(text);
  checkSpans('sentence', text, at, a.sentences);
  for (const s of a.sentences) assert.ok(s.start < s.end, `empty sentence ${s.id} at ${s.start}`);
  checkSpans('token', text, at, a.tokens);
  for (const t of a.tokens) assert.ok(t.stemStart >= t.start && t.stemStart <= t.end && at(t.stemStart), `token ${JSON.stringify(t.text)}: stem starts at ${t.stemStart}, inside a character or outside the token`);
  checkSpans('entity', text, at, a.entities);
  checkSpans('date', text, at, a.dates);
  checkSpans('quantity', text, at, a.quantities);
  for (const l of links) {
    checkSpans('link source', text, at, [l.from]);
    const other = texts.get(l.target.path)!;
    checkSpans(`link target in ${l.target.path}`, other, boundaries(other), [{ start: l.target.start, end: l.target.end, text: l.target.quote }]);
    assert.ok(Number.isFinite(l.score) && l.score >= 0 && l.score <= 1, `link score ${l.score}`);
  }
}

/** Analyses `text` beside a sample article (so that cross-checking runs too) and checks it. */
function analyseAndCheck(text: string, other = samples[1]): string {
  const corpus = new Corpus();
  corpus.setMany([{ path: 'damaged.txt', text }, { path: 'sample.txt', text: other }]);
  const texts = new Map([['damaged.txt', text], ['sample.txt', other]]);
  for (const p of ['damaged.txt', 'sample.txt']) checkAnalysis(corpus.get(p)!, texts, corpus.linksFrom(p));
  // Everything but the token list (large, and checked above) as one deterministic fingerprint.
  const a = corpus.get('damaged.txt')!;
  return JSON.stringify({ s: a.sentences, e: a.entities, d: a.dates, q: a.quantities, r: a.referenceDate, l: corpus.linksFrom('damaged.txt'), m: corpus.linksFrom('sample.txt'), c: corpus.canonical() });
}

const deterministic = (text: string) => assert.equal(analyseAndCheck(text), analyseAndCheck(text), 'a second analysis of the same text differs');

describe('faults: the engine on damaged and hostile text', function () {
  this.timeout(LONG ? 3_600_000 : 120_000);

  it('random text with every kind of fault character: no exception, spans on character boundaries, deterministic', () => {
    fc.assert(fc.property(randomText(400), (text) => deterministic(text)), runs(12, 400));
  });

  it('real sample passages with fault characters put in: the same', () => {
    fc.assert(fc.property(mutated(samples, 40), (text) => deterministic(text)), runs(15, 500));
  });

  it('whole sample articles with CRLF, lone CR, diacritics on every letter, tatweel, bidi controls and NULs between words', () => {
    const variants: [string, (t: string) => string][] = [
      ['CRLF', (t) => t.replace(/\n/g, '\r\n')],
      ['lone CR', (t) => t.replace(/\n/g, '\r')],
      ['diacritics', (t) => t.replace(/([\u0621-\u064A])/g, '$1\u064E\u0651')],
      ['tatweel', (t) => t.replace(/([\u0628-\u064A])(?=[\u0628-\u064A])/g, '$1\u0640')],
      ['bidi controls', (t) => t.replace(/ /g, ' \u202E').replace(/\./g, '.\u2069')],
      ['zero-width', (t) => t.replace(/ /g, '\u200C \u200D\u200B')],
      ['astral', (t) => t.replace(/ /g, ' \u{1F600}')],
      ['NUL', (t) => t.replace(/ /g, '\u0000 ')],
      ['BOM', (t) => '\uFEFF' + t],
    ];
    for (const [name, f] of variants) {
      try {
        deterministic(f(samples[0]));
      } catch (e) {
        throw new Error(`${name}: ${(e as Error).message}`);
      }
    }
  });

  // A line of 1 MB: the text layer must not slow down more than linearly (the word segmenter
  // alone once took minutes on a 1 MB run without spaces). In CI one shape, cheap to analyse; the
  // flag runs every shape (each takes 10–45 s of CPU).
  const MB = 1_000_000;
  const lines: [string, string][] = [
    ['marks, tatweel and zero-width characters', '\u064E\u0651\u0640\u200C'.repeat(MB / 4)],
    ...(LONG
      ? ([
          ['one word', 'ا'.repeat(MB)],
          ['NUL bytes', '\u0000'.repeat(MB)],
          ['one sentence of words', 'كلمة '.repeat(MB / 5)],
          ['numbers', '1234567890 '.repeat(MB / 11)],
          ['the sample articles, joined', samples.join(' ').replace(/\n/g, ' ').repeat(Math.ceil(MB / samples.join(' ').length)).slice(0, MB)],
        ] as [string, string][])
      : []),
  ];
  for (const [name, line] of lines) {
    it(`a 1 MB line of ${name}`, () => {
      const u0 = process.cpuUsage();
      analyseAndCheck(line);
      const cpu = process.cpuUsage(u0);
      if (!LONG) assert.ok(cpu.user + cpu.system < 20e6, `took ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU`);
    });
  }
});
