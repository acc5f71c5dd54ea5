// Matching keys for words across articles. Token.stem already has the proclitics stripped; this
// adds a light suffix stemmer (pronoun suffixes, sound plurals and duals, ta marbuta, the tanween
// alef) so that العمانيين = العمانيون, طرقها = طرق, إيرانية = إيراني — and one variant key with a
// leading و or an imperfect-verb prefix removed, because the proclitic splitter must guess on
// words such as وكلاء / ووكلائها and يمثل / مثل. Written by hand: light stemming in the style of
// Larkey's light10, which no npm package provides with offsets we can trust.

const ARABIC_WORD = /^[\u0621-\u064A]+$/;
const PRONOUN_SUFFIXES = ['هما', 'كما', 'ها', 'هم', 'هن', 'كم', 'نا'];
// The dual ان needs a longer remainder: ايران, لبنان, سلطان are not duals.
const PLURAL_SUFFIXES: [string, number][] = [['ات', 3], ['ون', 3], ['ين', 3], ['ان', 4]];

/** Light stem of a normalised word without proclitics (Token.stem). */
export function lightStem(stem: string): string {
  if (!/^[\u0621-\u064A]+$/.test(stem)) return stem;
  let w = stem;
  for (const s of PRONOUN_SUFFIXES) {
    if (w.endsWith(s) && w.length - s.length >= 3) { w = w.slice(0, -s.length); break; }
  }
  for (const [s, min] of PLURAL_SUFFIXES) {
    if (w.endsWith(s) && w.length - s.length >= min) { w = w.slice(0, -s.length); break; }
  }
  if ((w.endsWith('ه') || w.endsWith('ا')) && w.length >= 4) w = w.slice(0, -1);
  return w;
}

/**
 * The keys of one word: its light stem first, then variants (a leading و, or an imperfect prefix
 * ي ت ن, removed when three letters remain; a ta marbuta before a pronoun suffix dropped). Two words match when they share a
 * key; a match on the first keys of both is exact, any other shared key is a weaker match.
 */
export function wordKeys(stem: string): string[] {
  const k = lightStem(stem);
  const keys = [k];
  if (k.length >= 4 && /^[ويتن]/.test(k)) keys.push(k.slice(1));
  // A ta marbuta is written ت before a pronoun suffix (زيارته, حكومتها): the form without it
  // meets زيارة / حكومة (light stems زيار, حكوم).
  if (k.length >= 4 && k.endsWith('ت') && /ت(?:ه|ها|هم|هما|هن|كم|كما|نا)$/.test(stem) && ARABIC_WORD.test(stem)) keys.push(k.slice(0, -1));
  return keys;
}

/** Letters that spell one sound in two ways (transliterations: ج / غ, ك / ق, ت / ط, س / ص, ز / ذ,
 *  د / ض) or are vowel letters (ا و ي ه): a substitution between two letters of one group is a
 *  spelling variant, any other substitution makes another word (سياسي / رئاسي). */
const SAME_SOUND = ['جغكق', 'تط', 'سصث', 'زذظ', 'دض', 'اويه'];
const sameSound = (x: string, y: string) => SAME_SOUND.some((g) => g.includes(x) && g.includes(y));

/**
 * Spelling variants of one word: equal up to one substitution between letters that spell the same
 * sound, one inserted or deleted letter, or two swapped neighbours (أميركي / أمريكي, ماكجورك /
 * ماكغورك, مفتشي / مفتشو). Only for words of five letters or more, where one letter rarely makes a
 * different word.
 */
export function spellingVariant(a: string, b: string): boolean {
  if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 1 || a === b) return false;
  if (!ARABIC_WORD.test(a) || !ARABIC_WORD.test(b)) return false;
  if (a.length === b.length) {
    let i = 0;
    while (a[i] === b[i]) i++;
    let j = a.length - 1;
    while (a[j] === b[j]) j--;
    if (i === j) return sameSound(a[i], b[i]); // one substitution
    return swappedNeighbours(a, b); // one transposition
  }
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  return s.slice(i) === l.slice(i + 1); // one insertion
}

/** Two different words of one length that differ only by two neighbouring letters swapped. */
export function swappedNeighbours(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/**
 * A coarse consonantal skeleton for learning word statistics across inflections: the light stem
 * without one verb / participle / masdar prefix (ي ت ن ا م است) and without inner long vowels, so
 * that ارتفاع, يرتفع, مرتفع → رتفع and انخفاض, ينخفض → خفض, تراجع, يتراجع → رجع. Used to key
 * the learned contrast lexicon, never to decide that two words are the same.
 */
export function skeleton(stem: string): string {
  let w = lightStem(stem);
  if (!ARABIC_WORD.test(w)) return w;
  if (w.startsWith('است') && w.length >= 6) w = w.slice(3);
  else if (w.startsWith('م') && w.length >= 5) w = w.slice(1);
  // Up to two prefix letters: يتراجع → تراجع → راجع, ينخفض → نخفض → خفض.
  for (let k = 0; k < 2 && /^[يتنا]/.test(w) && w.length >= 4; k++) w = w.slice(1);
  const inner = w[0] + w.slice(1, -1).replace(/[اوي]/g, '') + w.slice(-1);
  return inner.length >= 3 ? inner : w;
}

/**
 * The word and its one-letter deletions (for words of five letters or more): two words can be
 * spelling variants (see spellingVariant) only if these sets meet, so an index of them finds every
 * candidate variant without comparing all pairs.
 */
export function variantKeys(w: string): string[] {
  if (w.length < 5 || !ARABIC_WORD.test(w)) return [];
  const out = new Set<string>([w]);
  for (let i = 0; i < w.length; i++) out.add(w.slice(0, i) + w.slice(i + 1));
  return [...out];
}

/** What cross-checking reads of one word form: its keys (wordKeys), its skeleton and the variant
 *  keys of its first key. */
export interface WordForms { keys: string[]; skel: string; variantKeys: string[] }

/** Word forms recur across a folder (a few tens of thousands of distinct stems in 1,000 articles):
 *  their keys are computed once and the arrays shared by every term of that form (never modified).
 *  Bounded, as the language server lives long. */
const formsCache = new Map<string, WordForms>();
const FORMS_CACHE_MAX = 200_000;
export function wordForms(stem: string): WordForms {
  let f = formsCache.get(stem);
  if (!f) {
    if (formsCache.size >= FORMS_CACHE_MAX) formsCache.clear();
    const keys = wordKeys(stem);
    formsCache.set(stem, (f = { keys, skel: skeleton(stem), variantKeys: variantKeys(keys[0]) }));
  }
  return f;
}
