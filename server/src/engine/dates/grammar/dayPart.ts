// Parts of a named day, in the span like the parts of months ("أوائل شباط"): "مساء الخميس",
// "صباح اليوم", "فجر 8 أيار", "هذا المساء", "هذه الليلة", "الليلة الماضية". A bare "الليلة" is
// left alone: it is as often "the night" of a story as "tonight".
import { isDay, type DayPart, type Match, type RelSem } from '../sem';
import { longest, dirOf, type Reader } from './reader';
import { absDate } from './calendarDate';
import { dayWords } from './dayWords';
import { hours } from './clock';
import { weekdayExpr } from './weekday';

/** Words for parts of the day in construct before a day ("مساءَ الخميس"), with their TIMEX code.
 *  ICU's day periods are adverbs ("مساءً"); these are the nouns news puts before a day. */
export const DAY_PARTS: Record<string, DayPart> = {
  'صباح': 'MO', 'فجر': 'MO', 'ضحي': 'MO', 'ظهر': 'MI', 'ظهيره': 'MI', 'عصر': 'AF', 'مساء': 'EV', 'ليل': 'NI',
  // Not "ليلة" + day: "ليلة الجمعة" is, by custom, the night before Friday; its day is not certain.
};

/** The hours of each TIMEX part of the day, to read a clock time written after it. */
export const PART_HOURS: Record<DayPart, number[]> = { MO: hours(4, 11), MI: hours(11, 14), AF: hours(13, 17), EV: hours(17, 23), NI: hours(20, 4) };

export function dayPart(g: Reader, i: number): Match | undefined {
  const f = g.form(i, (w) => DAY_PARTS[w] !== undefined);
  if (f) {
    let q = i + 1;
    if (g.isWord(q, 'يوم') && !g.weekday(q + 1, true)) q++;
    const day = longest([weekdayExpr(g, q), dayWords(g, q), absDate(g, q)]);
    if (day && isDay(day.sem)) return { i, skip: f.skip, j: day.j, sem: { t: 'daypart', part: DAY_PARTS[f.w], words: f.w, day: day.sem } };
    return undefined;
  }
  const today = (n: number): RelSem => ({ t: 'rel', unit: 'D', n: Math.abs(n), sign: Math.sign(n) as -1 | 0, anchor: 'period' });
  const th = g.form(i, (w) => w === 'هذا' || w === 'هذه');
  if (th) {
    const w = g.w(i + 1);
    const p = w === 'الليله' ? 'NI' : w && w.startsWith('ال') ? DAY_PARTS[w.slice(2)] : undefined;
    if (p) return { i, skip: th.skip, j: i + 2, sem: { t: 'daypart', part: p, words: w!, day: today(0) } };
    return undefined;
  }
  // "الليلة الماضية" (last night), "ليلة أمس".
  const night = g.form(i, (w) => w === 'الليله' || w === 'ليله');
  if (night && night.w === 'الليله' && dirOf(g.w(i + 1)) === -1) return { i, skip: night.skip, j: i + 2, sem: { t: 'daypart', part: 'NI', words: 'الليله', day: today(-1) } };
  if (night && night.w === 'ليله' && g.isWord(i + 1, 'امس', 'البارحه')) return { i, skip: night.skip, j: i + 2, sem: { t: 'daypart', part: 'NI', words: 'ليله', day: today(-1) } };
  return undefined;
}
