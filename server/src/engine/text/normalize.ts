// Arabic normalisation for MATCHING, with a map back to the original text.
//
// Nothing the product shows or stores is a normalised offset: every normalised position maps back
// to a UTF-16 offset of the original (see `NormalizedText.toOriginal`). Normalisation folds the
// variation that news spelling shows for the same word: hamza/alef forms, alef maqsura and ya,
// ta marbuta and ha, diacritics and tatweel, Arabic-Indic and Persian digits, exotic spaces,
// quotes and Arabic punctuation, and compatibility (presentation) forms via NFKC.
// Written by hand because no library does offset-preserving Arabic folding.

const DROP = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/;

const MAP: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ى': 'ي', 'ی': 'ي', 'ې': 'ي', 'ئ': 'ي',
  'ؤ': 'و',
  'ة': 'ه', 'ۀ': 'ه', 'ە': 'ه',
  'ک': 'ك', 'ڪ': 'ك',
  '،': ',', '٬': ',', '؛': ';', '؟': '?', '٫': '.', '٪': '%', '۔': '.',
  '“': '"', '”': '"', '«': '"', '»': '"', '„': '"', '‟': '"', '″': '"', '＂': '"',
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'",
  '–': '-', '—': '-', '‐': '-', '‑': '-', '−': '-',
};

function foldChar(ch: string): string {
  const mapped = MAP[ch];
  if (mapped !== undefined) return mapped;
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x0660 && cp <= 0x0669) return String(cp - 0x0660);
  if (cp >= 0x06f0 && cp <= 0x06f9) return String(cp - 0x06f0);
  if (cp === 0x00a0 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f || cp === 0x3000 || cp === 0x1680) return ' ';
  // Presentation forms and other compatibility characters: let ICU decompose them.
  if ((cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfefc) || (cp >= 0xff01 && cp <= 0xff5e)) {
    // Characters of these blocks that NFKC leaves as they are (the ornate parentheses ﴾ ﴿ around
    // Quran quotations) are kept: folding them again would never end.
    const nfkc = ch.normalize('NFKC');
    if (nfkc === ch) return ch;
    return Array.from(nfkc).map((c) => (DROP.test(c) ? '' : foldChar(c))).join('');
  }
  return ch.toLowerCase();
}

export interface NormalizedText {
  /** The folded text. */
  text: string;
  /** map[i] = original offset of folded char i; map[text.length] = original length. */
  map: Int32Array;
  /** Original span for a folded span [start, end). */
  toOriginal(start: number, end: number): { start: number; end: number };
}

// What each UTF-16 code unit of the Basic Multilingual Plane folds to ('' when dropped), from DROP
// and foldChar, filled as characters are met: normalisation runs over every word of every
// article, and a table lookup is several times faster than the regular expression and the switch
// per character. (Filled for all 65,536 code units at once it took 0.2–0.6 s at every start of the
// server, before its first answer.) Surrogate pairs (outside the BMP) take the slow path.
let FOLD: (string | undefined)[] | null = null;
function foldTable(): (string | undefined)[] {
  return (FOLD ??= new Array(0x10000));
}

/** Folds one character at i (a code point); returns the folded text and the code units read. */
function foldAt(original: string, i: number, table: (string | undefined)[]): [string, number] {
  const c = original.charCodeAt(i);
  const f = table[c];
  if (f !== undefined) return [f, 1];
  if (c < 0xd800 || c > 0xdfff) {
    const ch = String.fromCharCode(c);
    const folded = DROP.test(ch) ? '' : foldChar(ch);
    table[c] = folded;
    return [folded, 1];
  }
  const ch = String.fromCodePoint(original.codePointAt(i)!);
  return [DROP.test(ch) ? '' : foldChar(ch), ch.length];
}

export function normalize(original: string): NormalizedText {
  const table = foldTable();
  let out = '';
  // Folding rarely lengthens text (a ligature such as ﷺ does), so the map grows only then.
  let m = new Int32Array(original.length + 1);
  let n = 0;
  let i = 0;
  while (i < original.length) {
    const [folded, width] = foldAt(original, i, table);
    if (n + folded.length + 1 > m.length) {
      const bigger = new Int32Array(Math.max(m.length * 2, n + folded.length + 1));
      bigger.set(m);
      m = bigger;
    }
    for (let k = 0; k < folded.length; k++) m[n++] = i;
    out += folded;
    i += width;
  }
  m[n++] = original.length;
  const map = n === m.length ? m : m.slice(0, n);
  return {
    text: out,
    map,
    toOriginal(start: number, end: number) {
      const s = map[Math.max(0, Math.min(start, out.length))];
      // The end maps to the start of the next kept character, so marks that followed the last
      // letter stay inside the span (a letter is never split from its diacritics) — but trailing
      // whitespace that was dropped/folded is not part of it.
      let e = end >= out.length ? original.length : map[end];
      if (end > start) {
        const lastKept = map[end - 1];
        while (e > lastKept + 1 && /\s/.test(original[e - 1])) e--;
      }
      return { start: s, end: Math.max(s, e) };
    },
  };
}

/** Normalise a short string with no need for offsets (keys, dictionary entries). */
export function norm(s: string): string {
  const table = foldTable();
  let out = '';
  for (let i = 0; i < s.length;) {
    const [folded, width] = foldAt(s, i, table);
    out += folded;
    i += width;
  }
  return out;
}

const ARABIC_LETTER = /[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FC]/g;
const LATIN_LETTER = /[A-Za-z]/g;

/** Share of letters that are Arabic, in [0,1]; 0 when there are no letters. */
export function arabicRatio(text: string): number {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const ar = sample.match(ARABIC_LETTER)?.length ?? 0;
  const lat = sample.match(LATIN_LETTER)?.length ?? 0;
  const other = sample.match(/\p{L}/gu)?.length ?? 0;
  const letters = Math.max(other, ar + lat);
  return letters === 0 ? 0 : ar / letters;
}

export function isArabicChar(ch: string): boolean {
  return /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/.test(ch);
}
