// A day of the month written without its month: "يوم 14", "في 14", "حتى 14 الجاري", "في الخامس
// والعشرين", "للثالث والعشرين". Such a day is in the reference's month or the one next to it
// (resolve/date.ts). A bare number is a count as often as a day ("في 14 دولة", "في 14 من أصل 20"),
// so it is a day only where the words before introduce a day and nothing counted follows.
import type { DateSem, Match } from '../sem';
import { ORDINALS, parseOrdinalWords } from '../../quantities/numberWords';
import type { Reader } from './reader';
import { endsDate, nothingCountedAfter, wordBefore } from './context';

/** Prepositions after which a bare day number is read ("في 14", "منذ 14", "حتى 14"). */
const DAY_PREPOSITIONS = new Set(['في', 'منذ', 'حتي', 'بحلول', 'لغايه']);
const UNTIL_SINCE = new Set(['منذ', 'حتي', 'بحلول', 'لغايه']);

/** "الجاري"/"الحالي" after a day: of the current month ("في 14 الجاري"). */
function currentMonthAfter(g: Reader, k: number): boolean {
  return g.isWord(k, 'الجاري', 'الحالي');
}

/** Words for parts of the day: a number before them is a clock hour ("حتى 3 مساء"). */
const DAY_PERIODS = new Set(['صباحا', 'صباح', 'مساء', 'مساءا', 'ظهرا', 'عصرا', 'ليلا', 'فجرا', 'ص', 'م', 'الظهر', 'العصر', 'المساء', 'الصباح']);

/** Nothing counted after the day: a boundary, a function word or a date continuation — but not
 *  "من" (of what? "14 من أصل 20"; "14 من الشهر" is calendarDate.ts), a list, a range, or a part
 *  of the day that makes it an hour. */
function dayEnds(g: Reader, k: number): boolean {
  return endsDate(g, k) && !g.isForm(k, 'من', 'الي', 'حتي') && !g.isWord(k, 'و', 'او') && !DAY_PERIODS.has(g.w(k) ?? '');
}

/** The preposition before i is not between two numbers ("6 في 4" is a size, "3 من 5" a share). */
function prepositionAfterNumber(g: Reader, i: number): boolean {
  return g.num(i - 2) !== undefined;
}

/** Digits 1–31 as a day, at i: `cued` when a weekday before it already makes it a day ("يوم
 *  الأربعاء 12"); otherwise "يوم" or a preposition of time must come right before it. */
export function digitDay(g: Reader, i: number, cued = false): Match | undefined {
  const n = g.num(i);
  if (n === undefined || g.digits(i)!.length > 2 || n < 1 || n > 31) return undefined;
  const sem: DateSem = { t: 'date', d: n };
  if (currentMonthAfter(g, i + 1)) return { i, skip: 0, j: i + 2, sem: { ...sem, monthRel: 0 } };
  // "يوم 14" (not "اليوم 14": the 14th day of a strike or a war) is a day whatever follows it
  // ("يوم 30 أعلنت الحكومة"), unless something is counted or it is day 14 of something.
  // "كل يوم 15 صديقا" is every day.
  const yawm = !cued && g.isForm(i - 1, 'يوم') && !g.isForm(i - 1, 'اليوم') && !g.isForm(i - 2, 'كل');
  if (yawm) return nothingCountedAfter(g, i + 1) && !g.isForm(i + 1, 'من') && !DAY_PERIODS.has(g.w(i + 1) ?? '') ? { i, skip: 0, j: i + 1, sem } : undefined;
  if (!dayEnds(g, i + 1)) return undefined;
  // "في 14", "منذ 14", "حتى 14".
  if (!cued && (!wordBefore(g, i, DAY_PREPOSITIONS) || prepositionAfterNumber(g, i))) return undefined;
  return { i, skip: 0, j: i + 1, sem };
}

/**
 * An ordinal day in words with no month: "في الخامس والعشرين", "للثالث والعشرين", "حتى العشرين".
 * Only from the 11th: a small bare ordinal after "في" is mostly a rank ("حل في الثالث", "في
 * الثاني" = the second half); those need their month ("الثالث من الشهر"). A round ten alone is
 * read only after "حتى", "منذ", "بحلول": "في العشرين" is as often an age.
 */
export function ordinalDay(g: Reader, i: number): Match | undefined {
  const t = g.tok(i);
  if (!t || t.kind !== 'w') return undefined;
  for (const f of t.forms) {
    // Masculine, as "اليوم" is: "الثانية عشرة" is an hour or an age.
    if (!f.w.startsWith('ال') || f.w.endsWith('ه')) continue;
    const o = parseOrdinalWords([f.w, ...g.words(i + 1, 2)], 0);
    if (!o || o.value < 11 || o.value > 31) continue;
    const k = i + o.length;
    // "من السابع حتى الثاني عشر": a range of ranks (school grades), not of days.
    if (g.form(i - 2, (w) => ORDINALS[w.replace(/^ال/, '')] !== undefined)) return undefined;
    // A round ten alone ("في العشرين") is as often an age; it needs "حتى", "منذ", "بحلول".
    const tensOnly = o.length === 1 && o.value % 10 === 0;
    const sem: DateSem = { t: 'date', d: o.value };
    if (currentMonthAfter(g, k)) return { i, skip: f.skip, j: k + 1, sem: { ...sem, monthRel: 0 } };
    if (!dayEnds(g, k)) return undefined;
    // A preposition before it, written apart ("في", "حتى") or attached ("للثالث": ل + الثالث).
    const attached = f.skip > 0 && /^[وف]?ل/.test(t.n) && t.n.endsWith(f.w.slice(1));
    if (!attached && !wordBefore(g, i, tensOnly ? UNTIL_SINCE : DAY_PREPOSITIONS)) return undefined;
    return { i, skip: f.skip, j: k, sem };
  }
  return undefined;
}

export function bareDay(g: Reader, i: number): Match | undefined {
  return digitDay(g, i) ?? ordinalDay(g, i);
}
