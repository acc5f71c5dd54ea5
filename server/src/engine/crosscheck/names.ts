// Whether two written names may be one name spelled two ways. Foreign names reach Arabic through
// several transliterations (سروج / سوروج / سوروتش for Suruç, برمنغام / بيرمنغهام, تشاتانوغا /
// شاتانوغا) and through typing slips (يوهاندري / بوهاندري): the entity linker does not always join
// them, and a cross-checker that took them for two places or two people would report a clash that
// is only spelling. Written by hand: the letter classes below are those of Arabic transliteration
// practice; no library compares names across transliterations.
import { norm } from '../text/normalize';

/** Letters that transliterate the same foreign sound, folded to one: g (ج غ ك ق), ch (تش ش ج),
 *  t (ت ط), s (س ص ث), z (ز ذ ظ), d (د ض), h (ه ح), v/f (ف ڤ). */
const CLASSES: [RegExp, string][] = [
  [/تش|چ|ج|غ|ڠ|گ|ك|ق/g, 'G'],
  [/ش/g, 'G'],
  [/ط/g, 'ت'],
  [/ص|ث/g, 'س'],
  [/ذ|ظ/g, 'ز'],
  [/ض/g, 'د'],
  [/ح|ه/g, 'ه'],
  [/ڤ|ف|پ|ب/g, 'ب'],
];

/** The consonant skeleton of one word: no article, long vowels and hamza seats dropped after the
 *  first letter, transliteration classes folded. */
export function nameKey(word: string): string {
  let w = norm(word).replace(/^ال(?=..)/, '');
  for (const [re, to] of CLASSES) w = w.replace(re, to);
  return w[0] + w.slice(1).replace(/[اويء]/g, '').replace(/ه$/, '');
}

/** Edit distance of two short strings, capped (we only ask whether it is at most 1). */
function withinOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution (or equal)
  if (a.slice(i) === b.slice(i + 1)) return true; // insertion in b
  return a.slice(i + 1) === b.slice(i); // insertion in a
}

/**
 * Two names that may be the same name: for every word of the shorter one, a word of the other with
 * the same consonant skeleton, or one letter off when the skeletons are long ("بريت ماكغورك" /
 * "ماكجورك", "يوهاندري" / "بوهاندري"). Short skeletons must be equal, or different short names
 * would all look alike (سرج / ترك).
 */
export function mayBeSameName(a: string, b: string): boolean {
  const wa = a.split(/\s+/).filter(Boolean).map(nameKey), wb = b.split(/\s+/).filter(Boolean).map(nameKey);
  if (!wa.length || !wb.length) return false;
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return short.every((x) => long.some((y) => x === y || closeSkeletons(x, y)));
}

/** One edit apart, on skeletons long enough for one letter not to make another name: four letters
 *  with the first one kept (سرج / سرتج), five or more anywhere (يهندر / بهندر). */
function closeSkeletons(x: string, y: string): boolean {
  const n = Math.min(x.length, y.length);
  if (n < 4) return false;
  if (n === 4 && x[0] !== y[0]) return false;
  return withinOne(x, y);
}
