// Weekdays: "الثلاثاء", "يوم الاثنين", "هذا الاثنين", "الثلاثاء الماضي", "الخميس بعد القادم", "الأحد
// من الأسبوع الماضي"; and a weekday written with its date ("الخميس 15 آب", "الخميس، مارس الثالث
// والعشرين، 2017", "الخميس 12-3", "يوم الأربعاء 12", "السبت السادس عشر"), where the date is the
// value and the weekday checks it (or, for a day without its month, chooses the month).
import type { DateSem, Dir, Match } from '../sem';
import { dirOf, type Reader } from './reader';
import { absDate, dayFirst, monthFirst } from './calendarDate';
import { day } from './dayNumber';
import { relMonth } from './month';
import { numeric, numericDayMonth } from './numericDate';
import { digitDay } from './bareDay';
import { weekAfterDay } from './weekRelative';

export function weekdayExpr(g: Reader, i: number): Match | undefined {
  let k = i, skip = 0;
  let lead = false;
  let dir: Dir | undefined;
  const th = g.form(i, (w) => w === 'هذا');
  if (th) { k++; skip = th.skip; dir = 0; lead = true; }
  const yawm = g.isForm(k, 'اليوم') ? undefined : g.form(k, (w) => w === 'يوم');
  let hasYawm = false;
  if (yawm && g.weekday(k + 1, true)) { if (!lead) skip = yawm.skip; k++; lead = true; hasYawm = true; }
  const bareOk = hasYawm || g.isForm(k + 1, 'الاسبوع');
  const wd = g.weekday(k, bareOk);
  if (!wd) return undefined;
  if (!lead) skip = wd.skip;
  k += wd.len;
  // The weekday names اثنين/الاثنين also mean "two/both": "بين الاثنين", "كلا الاثنين".
  // So does a dual verb after it: "إن الاثنين سيلتقيان", "الاثنين يتفقان" (the two …).
  if (!hasYawm && !lead && wd.value === 1 && (g.isForm(i - 1, 'بين', 'كلا') || (/^[يتس].{2,}ان$/.test(g.w(k) ?? '') && dirOf(g.w(k)) === undefined))) return undefined;
  // "الأحد" is also "one of" ("أحد المسؤولين" / "الأحد عشر"): accept only as a whole word.
  // "الأحد عشر" (eleven) is not Sunday; nor, mostly, "الأحد" before a definite noun ("the one
  // …") unless a date follows.
  if (wd.value === 7 && !hasYawm) {
    const nx = g.w(k) ?? '';
    if (g.isWord(k, 'عشر', 'عشره')) return undefined;
    const nounAfter = nx.startsWith('ال') && dirOf(nx) === undefined && !g.isWord(k, 'الاسبوع', 'الموافق') && !day(g, k);
    if (nounAfter && !absDate(g, k)) return undefined;
  }
  const base: Match = { i, skip, j: k, sem: { t: 'weekday', wd: wd.value, ...(dir !== undefined ? { dir } : {}) } };
  // Attached date: "الخميس 15 آب", "الأربعاء، 13 شباط", "يوم الاثنين في 18 شباط", "الخميس الموافق 14 …".
  let q = k;
  if (g.isPunct(q, ',', '-')) q++;
  const paren = g.isPunct(q, '(');
  if (paren) q++;
  if (g.isForm(q, 'الموافق')) q++;
  if (g.isWord(q, 'في')) q++;
  const date = dayFirst(g, q) ?? monthFirst(g, q);
  if (date && date.sem.d !== undefined) {
    const j = paren && g.isPunct(date.match.j, ')') ? date.match.j + 1 : date.match.j;
    return { i, skip, j, sem: { ...date.sem, wd: wd.value } };
  }
  const num = numeric(g, q) ?? numericDayMonth(g, q, true);
  if (num && num.sem.t === 'date' && num.sem.d !== undefined) return { i, skip, j: num.j, sem: { ...num.sem, wd: wd.value } };
  // "يوم الأربعاء 12": a day number without its month; the weekday chooses the month.
  const dd = digitDay(g, q, true);
  if (dd && dd.sem.t === 'date') return { i, skip, j: dd.j, sem: { ...dd.sem, wd: wd.value } };
  // Ordinal day: "السبت السادس عشر", "الثلاثاء التاسع عشر من هذا الشهر". Up to the fifth it is the
  // n-th such weekday of the month instead ("الجمعة الثالثة", nth.ts).
  const od = day(g, k);
  if (od && od.words && od.d > 5 && (!g.isForm(k + od.len, 'من', 'في') || relMonth(g, k + od.len + 1))) {
    let j = k + od.len;
    const sem: DateSem = { t: 'date', d: od.d, wd: wd.value };
    if (g.isWord(j, 'من')) {
      const rm = relMonth(g, j + 1);
      if (rm) { sem.monthRel = rm.monthRel; j += 1 + rm.len; }
    }
    return { i, skip, j, sem };
  }
  // Relative marker: "الثلاثاء الماضي", "الخميس القادم", "الخميس بعد القادم", "الجمعة قبل الماضية".
  const d = dirOf(g.w(k));
  if (d !== undefined && !g.isWord(k, 'الاخير', 'الاخيره')) return { i, skip, j: k + 1, sem: { t: 'weekday', wd: wd.value, dir: d } };
  const d2 = g.isWord(k + 1, 'الاخير', 'الاخيره') ? undefined : dirOf(g.w(k + 1));
  if ((g.isWord(k, 'بعد') && d2 === 1) || (g.isWord(k, 'قبل') && d2 === -1)) return { i, skip, j: k + 2, sem: { t: 'weekday', wd: wd.value, dir: d2, steps: 2 } };
  // The week: "الأحد من الأسبوع الماضي", "اثنين الأسبوع الحالي".
  const week = weekAfterDay(g, k);
  if (week) return { i, skip, j: week.j, sem: { t: 'weekday', wd: wd.value, weekOff: week.weekOff } };
  return base;
}
