// Weekdays placed by their week: the week after the day ("الأحد من الأسبوع الماضي", "ثلاثاء
// الأسبوع الفائت", "الاثنين من هذا الأسبوع") or before it ("هذا الأسبوع الخميس", "الأسبوع المقبل
// يوم الاثنين", "في الأسبوع الماضي، السبت"). Weeks are ISO weeks (Monday to Sunday), as in the
// rest of the module's values (2024-W20).
import type { Match } from '../sem';
import { dirOf, type Reader } from './reader';
import { periodRel } from './relative';

/** "من الأسبوع الماضي", "الأسبوع الحالي", "من هذا الأسبوع" after a weekday ending at k. */
export function weekAfterDay(g: Reader, k: number): { j: number; weekOff: number } | undefined {
  let r = k;
  if (g.isWord(r, 'من')) r++;
  let thisWeek = false;
  if (g.isWord(r, 'هذا')) { r++; thisWeek = true; }
  if (!g.isWord(r, 'الاسبوع')) return undefined;
  const wdir = dirOf(g.w(r + 1));
  if (wdir !== undefined) return { j: r + 2, weekOff: wdir };
  if (thisWeek) return { j: r + 1, weekOff: 0 };
  return undefined;
}

/** "هذا الأسبوع الخميس", "الأسبوع المقبل يوم الاثنين", "الأسبوع الماضي، السبت". */
export function weekThenDay(g: Reader, i: number): Match | undefined {
  const week = periodRel(g, i);
  if (!week || week.sem.t !== 'rel' || week.sem.unit !== 'W' || week.sem.anchor !== 'period' || week.sem.n === null) return undefined;
  let q = week.j;
  if (g.isPunct(q, ',')) q++;
  if (g.isWord(q, 'في')) q++;
  const yawm = g.isForm(q, 'يوم') && !g.isForm(q, 'اليوم');
  if (yawm) q++;
  const wd = g.weekday(q, yawm);
  if (!wd) return undefined;
  // "الأسبوع الماضي الأحد عشر لاعبا": الأحد عشر is eleven.
  if (wd.value === 7 && g.isWord(q + wd.len, 'عشر', 'عشره')) return undefined;
  return { i, skip: week.skip, j: q + wd.len, sem: { t: 'weekday', wd: wd.value, weekOff: week.sem.sign * week.sem.n } };
}
