// Shared by the fault tests: how long they run, and the damaged and hostile text they feed in.
// In CI the property tests run a few seeded cases; QARINA_FAULTS_LONG=1 runs many more (and the
// 1 MB lines of every shape), QARINA_FAULTS_SEED=n replays one seed.
import * as fc from 'fast-check';

export const LONG = process.env.QARINA_FAULTS_LONG === '1';
export const SEED = process.env.QARINA_FAULTS_SEED ? Number(process.env.QARINA_FAULTS_SEED) : 20240514;

/** fast-check parameters: seeded, `ci` runs in CI, `long` behind the flag. */
export function runs(ci: number, long: number): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: LONG ? long : ci, endOnFailure: true };
}

/** Characters that damaged, converted or hostile files carry, by family. */
export const FAULT_CHARS = {
  diacritics: ['\u064B', '\u064C', '\u064D', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u0670'],
  tatweel: ['\u0640'],
  bidi: ['\u200E', '\u200F', '\u061C', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'],
  zeroWidth: ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'],
  astral: ['\u{1F600}', '\u{1F1F8}\u{1F1E6}', '\u{10400}', '\u{1D400}', '\u{20000}', '\u{1F468}\u200D\u{1F469}'],
  lineEnds: ['\r\n', '\r', '\n', '\u2028', '\u0085'],
  nul: ['\u0000', '\u0001', '\u001B', '\u007F'],
  surrogates: ['\uD800', '\uDC00'],
  markup: ['[', ']', '(', ')', '<', '>', '`', '*', '_', '#', '|', '&', '\\'],
};

const ARABIC_LETTERS = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئىة'];
const OTHER = [...' .،؛؟!:"«»-0123456789٠١٢٣٤٥٦٧٨٩abcXYZ%'];
const ALL_FAULTS = Object.values(FAULT_CHARS).flat();

/** A text unit: mostly Arabic letters and spaces, often a fault character. */
export const unit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ARABIC_LETTERS) },
  { weight: 3, arbitrary: fc.constantFrom(...OTHER) },
  { weight: 2, arbitrary: fc.constantFrom(...ALL_FAULTS) },
);

/** Random text of up to `max` units. */
export const randomText = (max: number) => fc.array(unit, { maxLength: max, size: 'max' }).map((u) => u.join(''));

/** A passage of a real text with fault characters inserted, replacing or doubling what is there. */
export function mutated(texts: string[], maxEdits: number): fc.Arbitrary<string> {
  const edit = fc.record({ at: fc.nat(), kind: fc.constantFrom('insert', 'replace', 'delete'), what: fc.constantFrom(...ALL_FAULTS) });
  return fc.record({ which: fc.nat(texts.length - 1), from: fc.nat(), length: fc.integer({ min: 50, max: 1500 }), edits: fc.array(edit, { maxLength: maxEdits }) }).map(({ which, from, length, edits }) => {
    const t = texts[which];
    const start = from % Math.max(1, t.length);
    let s = t.slice(start, start + length);
    for (const e of edits) {
      const at = s.length ? e.at % s.length : 0;
      if (e.kind === 'insert') s = s.slice(0, at) + e.what + s.slice(at);
      else if (e.kind === 'replace') s = s.slice(0, at) + e.what + s.slice(at + 1);
      else s = s.slice(0, at) + s.slice(at + 1);
    }
    return s;
  });
}

