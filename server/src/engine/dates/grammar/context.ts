// What around a bare number tells that it is a date. News is full of numbers (scores 2-1, ratios
// 3/4, prices 15.5, counts "في 14 دولة"); a number with no month name is read as a date only when
// the words before it introduce a date and the words after it end one. Both lists are the
// function words of Arabic grammar (prepositions, conjunctions, particles) and the words that
// continue a date (a year mark, "الماضي", a time of day); a counted noun or a unit after the
// number makes it a quantity.
import { FUTURE_WORDS, PAST_WORDS, PRESENT_WORDS, UNIT_WORDS } from '../lexicon';
import { NUMBER_STARTERS } from '../../quantities/numberWords';
import type { Reader } from './reader';

/** Words before a number that introduce a date by themselves ("يوم 14", "بتاريخ 15/3"). */
const STRONG_CUES = new Set(['يوم', 'تاريخ', 'التاريخ', 'الموافق']);

/** Prepositions that introduce a date or a quantity alike ("في 14" the day, "في 14 دولة"). */
const WEAK_CUES = new Set(['في', 'منذ', 'حتي', 'قبل', 'بعد', 'بحلول', 'لغايه', 'ابتداء', 'اعتبارا', 'من', 'صباح', 'مساء', 'فجر', 'ظهر', 'عصر', 'ليله']);

/** Function words and date continuations that may follow a date. */
const FOLLOWERS = new Set([
  'من', 'في', 'الي', 'علي', 'عن', 'مع', 'حتي', 'منذ', 'عند', 'بعد', 'قبل', 'خلال', 'و', 'ثم', 'او', 'ام',
  'حيث', 'عندما', 'حين', 'اذ', 'لكن', 'بل', 'قد', 'لم', 'لن', 'ان', 'انه', 'كما', 'اي', 'الا', 'بينما', 'اما',
  'الساعه', 'صباحا', 'مساء', 'مساءا', 'ظهرا', 'عصرا', 'ليلا', 'فجرا', 'م', 'ه', 'ميلادي', 'ميلاديه', 'هجري', 'هجريه',
  'دون', 'بدون', 'وسط', 'اثر', 'عقب', 'اثناء', 'بسبب', 'امام', 'ضد', 'لدي', 'رغم',
  'الموافق', 'تقريبا', 'فقط', 'بالتحديد', 'بالضبط',
  ...PAST_WORDS, ...FUTURE_WORDS, ...PRESENT_WORDS,
]);

/** How strongly the word before token i introduces a date: 'strong', 'weak' or undefined. A
 *  line that begins with the number (a dateline, a heading) counts as weak. */
export function dateCue(g: Reader, i: number): 'strong' | 'weak' | undefined {
  const t = g.tok(i - 1);
  if (!t) return 'weak';
  if (g.tok(i)?.lineStart) return 'weak';
  if (t.kind === 'p') return t.n === '(' && t.lineStart ? 'weak' : undefined;
  if (t.kind !== 'w') return undefined;
  if (wordBefore(g, i, STRONG_CUES)) return 'strong';
  if (wordBefore(g, i, WEAK_CUES)) return 'weak';
  return undefined;
}

/** The word before i is one of `words`, possibly with clitics — including the short "وفي",
 *  "ومن", "فمنذ" that the clitic readings leave whole (they strip و only from longer words). */
export function wordBefore(g: Reader, i: number, words: Set<string>): boolean {
  const t = g.tok(i - 1);
  if (!t || t.kind !== 'w') return false;
  return t.forms.some((f) => words.has(f.w)) || (/^[وف]/.test(t.n) && words.has(t.n.slice(1)));
}

/** Token k can follow the end of a date: nothing, punctuation that does not continue a number,
 *  or a function word or date continuation (possibly with و/ف attached: "وفي", "فقد"). */
export function endsDate(g: Reader, k: number): boolean {
  const t = g.tok(k);
  if (!t || t.lineStart) return true;
  if (t.kind === 'n') return false;
  if (t.kind === 'p') {
    if (t.n === '%') return false;
    // "15/3/", "3.5.1", "28 / 8 / 1436": the number goes on.
    if ('/-'.includes(t.n) && g.num(k + 1) !== undefined) return false;
    if ('.:'.includes(t.n) && g.adjacent(k - 1) && g.adjacent(k) && g.num(k + 1) !== undefined) return false;
    // "12، 13، 14 شوال": a list whose month comes at its end.
    if (t.n === ',' && g.num(k + 1) !== undefined) return false;
    return true;
  }
  // "20 في المائة": a percentage.
  if ((t.n === 'في' && g.isWord(k + 1, 'المايه', 'الميه', 'المئه', 'مايه', 'ميه')) || /^بال(مايه|ميه|مئه)$/.test(t.n)) return false;
  if (g.weekday(k, false) || g.hijriMonth(k)) return true;
  const w = t.n;
  // "و" + a definite noun begins the next conjunct ("منذ 2/9 والمعبر مغلق").
  return FOLLOWERS.has(w) || (/^[وف]/.test(w) && FOLLOWERS.has(w.slice(1))) || /^وال../.test(w);
}

/** Token k does not make the number before it a count or a share ("3/4 الأعضاء", "1/2 كيلو",
 *  "يوم 14 ساعة"): after a slash pair or "يوم 14" a verb may follow ("في 29/2 أعلنت اللجنة",
 *  "يوم 30 أعلنت"), but not a definite noun, a percentage, a number word or a unit. */
export function nothingCountedAfter(g: Reader, k: number): boolean {
  if (endsDate(g, k)) return true;
  const t = g.tok(k);
  // An indefinite accusative ending in ا ("15 صديقا", "12 شخصا") is a counted noun; a verb
  // ending in ا is plural or dual ("قالوا", "أعلنا"), rare right after a date.
  return !!t && t.kind === 'w' && !t.n.startsWith('ال') && !NUMBER_STARTERS.has(t.n) && !UNIT_WORDS[t.n] && !/[^و]ا$/.test(t.n);
}
