// Spelling forms of a name for linking: the normalised tokens, the article-free key, and a
// tolerant comparison of two tokens written by different transliterators.
//
// Arabic news transliterates foreign names inconsistently: g is written ج/غ/ق/گ/ك (ماكجورك,
// ماكغورك), long vowels are added or dropped (زيلينسكي/زيلنسكي) or moved (أمريكا/أميركا),
// letters are doubled or not. Native Arabic names, in contrast, differ by exactly those long
// vowels (محمد/محمود, حسن/حسين, جمال/جميل), so tolerance is only granted to long tokens: the
// short ones, where Arabic names live, must match exactly, except that a token of four letters or
// more written without the article may drop an inner ا or ي (ترامب/ترمب, بوتين/بوتن), never و.
import { norm } from '../text/normalize';

/** Name particles (بن, أبو, عبد, آل, van, de…): never a name on their own. */
export const PARTICLES = new Set(['بن', 'ابن', 'بنت', 'ابو', 'ابي', 'ام', 'ال', 'عبد', 'دي', 'دو', 'فان', 'فون', 'لا', 'لو', 'ذو', 'ذي']);
/** Particles bound to the next token: it names a relative or a family, not the person (محمد بن سلمان
 *  ≠ سلمان), or forms one name with it (محمد عبد الصادق ≠ محمد صادق). */
export const BOUND_PARTICLES = new Set(['بن', 'ابن', 'بنت', 'ابو', 'ابي', 'ام', 'ال', 'عبد']);

/** Normalised, punctuation-trimmed tokens of a mention as written. */
export function nameTokens(text: string): string[] {
  const n = norm(text)
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/-/g, ' ')
    .trim();
  return n ? n.split(/\s+/) : [];
}

/** Token without the definite article (الولايات → ولايات); آل stays آل. */
export function stripArticle(t: string): string {
  return t.startsWith('ال') && t.length >= 4 ? t.slice(2) : t;
}

/** Which letters a transliteration may swap for each other, and what that costs. */
const CLASS: Record<string, string> = {
  'ج': 'G', 'غ': 'G', 'ق': 'G', 'گ': 'G', 'ك': 'G', 'ڨ': 'G',
  'ت': 'T', 'ط': 'T',
  'س': 'S', 'ص': 'S',
  'د': 'D', 'ض': 'D',
  'ز': 'Z', 'ذ': 'Z',
  'ف': 'F', 'ڤ': 'F', 'ڥ': 'F',
  'ب': 'B', 'پ': 'B',
  'ه': 'H', 'ح': 'H',
};
const VOWEL = new Set(['ا', 'و', 'ي']);

function subCost(a: string, b: string, hard: number): number {
  if (a === b) return 0;
  if (CLASS[a] !== undefined && CLASS[a] === CLASS[b]) return 0.5;
  return hard;
}

function indelCost(s: string, i: number, hard: number): number {
  const c = s[i];
  if (VOWEL.has(c) || c === 'ء') return 0.5;
  // A doubled letter written once (تيلرسون/تيللرسون).
  if (s[i - 1] === c || s[i + 1] === c) return 0.5;
  return hard;
}

/** Letters of `a` and `b` not matched in the other (a multiset difference): each edit changes it by ≤ 2. */
function letterDifference(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const c of a) counts.set(c, (counts.get(c) ?? 0) + 1);
  for (const c of b) counts.set(c, (counts.get(c) ?? 0) - 1);
  let d = 0;
  for (const v of counts.values()) d += Math.abs(v);
  return d;
}

let rows: Float64Array[] = [];

/**
 * Weighted Damerau–Levenshtein distance with transliteration-aware costs; Infinity once above
 * `limit`. Transliteration habits cost 0.5; any other edit (a typo, or a different name: سعيدية /
 * سعودية) costs `hard`.
 */
export function spellingDistance(a: string, b: string, limit = 2, hard = 1): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) * 0.5 > limit) return Infinity;
  // Every edit costs at least 0.5 and changes the letter difference by at most 2.
  if (letterDifference(a, b) * 0.25 > limit) return Infinity;
  const n = a.length, m = b.length;
  if (rows.length < n + 1 || rows[0].length < m + 1) {
    rows = Array.from({ length: Math.max(n + 1, rows.length) }, () => new Float64Array(Math.max(m + 1, rows[0]?.length ?? 0)));
  }
  const d = rows;
  d[0][0] = 0;
  for (let i = 1; i <= n; i++) d[i][0] = d[i - 1][0] + indelCost(a, i - 1, hard);
  for (let j = 1; j <= m; j++) d[0][j] = d[0][j - 1] + indelCost(b, j - 1, hard);
  for (let i = 1; i <= n; i++) {
    let rowMin = Infinity;
    const ca = a[i - 1];
    const delA = indelCost(a, i - 1, hard);
    for (let j = 1; j <= m; j++) {
      const cb = b[j - 1];
      let v = d[i - 1][j] + delA;
      const ins = d[i][j - 1] + indelCost(b, j - 1, hard);
      if (ins < v) v = ins;
      const sub = d[i - 1][j - 1] + subCost(ca, cb, hard);
      if (sub < v) v = sub;
      if (i > 1 && j > 1 && ca === b[j - 2] && a[i - 2] === cb && ca !== cb) {
        // A long vowel moved by one letter (أمريكا/أميركا) is a spelling habit; other swaps are typos.
        const t = VOWEL.has(ca) || VOWEL.has(a[i - 2]) ? 0.5 : hard;
        if (d[i - 2][j - 2] + t < v) v = d[i - 2][j - 2] + t;
      }
      d[i][j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return Infinity;
  }
  return d[n][m];
}

/** How far two tokens may differ: nothing for short (native-looking) tokens, more for long ones. */
export function tokenBudget(a: string, b: string, withContext: boolean): number {
  const len = Math.min(a.length, b.length);
  if (withContext) return len >= 6 ? 1 : len >= 5 ? 0.5 : 0;
  // A word alone gets one habit at most: two vowel edits already turn سعيدية into سعودية.
  return len >= 6 ? 0.5 : 0;
}

/** Country names end in -يا or -ية interchangeably (سوريا/سورية); fold for places only. */
export function placeToken(t: string): string {
  return t.length >= 5 && t.endsWith('يه') ? t.slice(0, -1) + 'ا' : t;
}

const sameCache = new Map<string, boolean>();

/**
 * Two article-free tokens are spellings of the same word. `withContext`: the token is part of a
 * longer name whose other words agree, which allows a typo too; a word alone only gets
 * transliteration habits. `foreign`: neither was written with the article, as foreign names are
 * (السودان is not a spelling of سويدان), which lets a short token drop a long vowel.
 */
export function sameToken(a: string, b: string, withContext: boolean, foreign = false): boolean {
  if (a === b) return true;
  const budget = tokenBudget(a, b, withContext);
  if (budget === 0) return foreign && Math.min(a.length, b.length) >= 4 && droppedLongVowel(a, b);
  const key = a < b ? `${a}|${b}|${budget}|${withContext}` : `${b}|${a}|${budget}|${withContext}`;
  let r = sameCache.get(key);
  if (r === undefined) {
    r = spellingDistance(a, b, budget, withContext ? 1 : 2) <= budget;
    // The cache only saves work within and across runs on the same corpus; keep it bounded.
    if (sameCache.size > 200_000) sameCache.clear();
    sameCache.set(key, r);
  }
  return r;
}

/**
 * A foreign name with one ا or ي written or not (ترامب/ترمب, بوتين/بوتن). Not و: محمد/محمود are two
 * names; and three-letter Arabic names (حسن/حسين, سعد/سعيد) are too short to get here.
 */
function droppedLongVowel(a: string, b: string): boolean {
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return false;
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  // Inside the word only, after its first two letters: an initial ا/ي makes another word (ايران/يران,
  // also behind a proclitic: واحمد/وحمد), a final one another name (ماريا/ماري) or a case ending.
  return i >= 2 && i < short.length && (long[i] === 'ا' || long[i] === 'ي') && long.slice(i + 1) === short.slice(i);
}

/** Blocking key for a token: consonant skeleton with transliteration classes folded. */
const skeletons = new Map<string, string>();
export function skeleton(t: string): string {
  let out = skeletons.get(t);
  if (out !== undefined) return out;
  out = skeletonOf(t);
  if (skeletons.size > 100_000) skeletons.clear();
  skeletons.set(t, out);
  return out;
}

function skeletonOf(t: string): string {
  let out = '';
  for (const c of t) {
    if (VOWEL.has(c) || c === 'ء') continue;
    const k = CLASS[c] ?? c;
    if (out.endsWith(k)) continue;
    out += k;
  }
  return out;
}
