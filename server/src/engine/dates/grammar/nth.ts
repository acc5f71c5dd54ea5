// The n-th (or last) weekday, week or day of a month: "ثالث ثلاثاء من شهر أيلول", "الأسبوع الأخير
// من الشهر", "اليوم الأخير من مارس".
import type { DateSem, Match, NthSem } from '../sem';
import { ORDINALS } from '../../quantities/numberWords';
import type { Hit, Reader } from './reader';
import { month } from './month';
import { relYear, trailingYear } from './year';

/** Ordinal number 1–5 or "last" at i: "ثالث", "الثالث", "الأولى", "آخر", "الأخير". */
function ordinalSmall(g: Reader, i: number): (Hit & { n: number }) | undefined {
  const f = g.form(i, (w) => w === 'اخر' || w === 'الاخير' || w === 'الاخيره' || ORDINALS[w.replace(/^ال/, '')] !== undefined);
  if (!f) return undefined;
  if (f.w === 'اخر' || f.w === 'الاخير' || f.w === 'الاخيره') return { len: 1, skip: f.skip, n: -1 };
  const v = ORDINALS[f.w.replace(/^ال/, '')];
  if (v === undefined || v > 5) return undefined;
  if (g.isWord(i + 1, 'عشر', 'عشره')) return undefined;
  return { len: 1, skip: f.skip, n: v };
}

/** "of March [2014]" after an n-th: (من|في|ب)? month [year]. */
function ofMonth(g: Reader, i: number): { len: number; sem: DateSem } | undefined {
  let k = i;
  const prep = g.form(k, (w) => w === 'من' || w === 'في');
  if (prep) k++;
  // "بشهر", "بايلول": the preposition attached.
  const m = month(g, k);
  if (!m) return undefined;
  k += m.len;
  const sem: DateSem = { t: 'date' };
  if (m.m !== undefined) sem.m = m.m;
  if (m.monthRel !== undefined) sem.monthRel = m.monthRel;
  const y = trailingYear(g, k) ?? (() => {
    // "بعام 2014", "السنة القادمة"
    const r = relYear(g, k);
    return r ? { len: r.len, skip: 0, yearRel: r.yearRel, hijri: false, y: undefined } : undefined;
  })();
  if (y) {
    k += y.len;
    if (y.y !== undefined) sem.y = y.y;
    if (y.yearRel !== undefined) sem.yearRel = y.yearRel;
  }
  return { len: k - i, sem };
}

export function nth(g: Reader, i: number): Match | undefined {
  // ORD WD / ORD يوم WD / WD ORD / ORD اسبوع / الاسبوع ORD / ORD يوم / اليوم الاخير
  const o = ordinalSmall(g, i);
  if (o) {
    let k = i + o.len;
    if (g.isWord(k, 'يوم') && g.weekday(k + 1, true)) k++;
    const wd = g.weekday(k, true);
    if (wd) {
      const of = ofMonth(g, k + wd.len);
      if (of) return { i, skip: o.skip, j: k + wd.len + of.len, sem: { t: 'nth', n: o.n, what: 'weekday', wd: wd.value, month: of.sem } };
    }
    if (g.isWord(k, 'اسبوع') || g.isWord(k, 'يوم')) {
      const what = g.isWord(k, 'اسبوع') ? 'week' : 'day';
      const of = ofMonth(g, k + 1);
      if (of && (of.sem.m !== undefined || of.sem.monthRel !== undefined)) return { i, skip: o.skip, j: k + 1 + of.len, sem: { t: 'nth', n: o.n, what, month: of.sem } as NthSem };
    }
  }
  const wd = g.weekday(i, false);
  if (wd) {
    const o2 = ordinalSmall(g, i + wd.len);
    if (o2) {
      const of = ofMonth(g, i + wd.len + 1);
      if (of) return { i, skip: wd.skip, j: i + wd.len + 1 + of.len, sem: { t: 'nth', n: o2.n, what: 'weekday', wd: wd.value, month: of.sem } };
    }
  }
  const unit = g.form(i, (w) => w === 'الاسبوع' || w === 'اليوم');
  if (unit) {
    const o3 = ordinalSmall(g, i + 1);
    if (o3 && (o3.n === -1 || unit.w === 'الاسبوع')) {
      const of = ofMonth(g, i + 2);
      if (of && (of.sem.m !== undefined || of.sem.monthRel !== undefined)) return { i, skip: unit.skip, j: i + 2 + of.len, sem: { t: 'nth', n: o3.n, what: unit.w === 'الاسبوع' ? 'week' : 'day', month: of.sem } };
    }
  }
  return undefined;
}
