// The n-th (or last) weekday, week or day of a month: "ثالث ثلاثاء من شهر أيلول", "الأسبوع الأخير
// من الشهر", "اليوم الأخير من مارس"; with no month written, of the reference's month ("الجمعة
// الثالثة", "ثاني خميس"); and the n-th weekday after a day ("ثالث ثلاثاء بعد كريسماس 2014").
import { isDay, type DateSem, type Match, type NthSem } from '../sem';
import { ORDINALS } from '../../quantities/numberWords';
import { dirOf, longest, type Hit, type Reader } from './reader';
import { absDate } from './calendarDate';
import { endsDate } from './context';
import { holiday } from './holiday';
import { month } from './month';
import { relYear, trailingYear } from './year';

/** Ordinal number 1–5 or "last" at i: "ثالث", "الثالث", "الأولى", "آخر", "الأخير". */
function ordinalSmall(g: Reader, i: number): (Hit & { n: number; definite: boolean }) | undefined {
  const f = g.form(i, (w) => w === 'اخر' || w === 'الاخير' || w === 'الاخيره' || ORDINALS[w.replace(/^ال/, '')] !== undefined);
  if (!f) return undefined;
  const definite = f.w.startsWith('ال') || /(ال|لل)$/.test(g.toks[i].n.slice(0, f.skip));
  if (f.w === 'اخر' || f.w === 'الاخير' || f.w === 'الاخيره') return { len: 1, skip: f.skip, n: -1, definite };
  const v = ORDINALS[f.w.replace(/^ال/, '')];
  if (v === undefined || v > 5) return undefined;
  if (g.isWord(i + 1, 'عشر', 'عشره')) return undefined;
  return { len: 1, skip: f.skip, n: v, definite };
}

/** "of March [2014]" after an n-th: (من|في|ب)? month [year]. */
function ofMonth(g: Reader, i: number): { len: number; sem: DateSem } | undefined {
  let k = i;
  const prep = g.form(k, (w) => w === 'من' || w === 'في');
  if (prep) k++;
  // "بشهر", "بايلول": the preposition attached. A bare "الشهر" is the current month
  // ("الخميس الأخير من الشهر"), but not "الشهر نفسه" nor "الشهر الهجري".
  const m = month(g, k) ?? (prep && g.isWord(k, 'الشهر') && !(g.w(k + 1) ?? '').startsWith('ال') && !g.isWord(k + 1, 'نفسه', 'ذاته') ? { len: 1, monthRel: 0, m: undefined } : undefined);
  if (!m) return undefined;
  k += m.len;
  const sem: DateSem = { t: 'date' };
  if (m.m !== undefined) sem.m = m.m;
  if (m.monthRel !== undefined) sem.monthRel = m.monthRel;
  if ('hijri' in m && m.hijri) sem.hijri = true;
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

/** The current month, for an n-th weekday written alone ("الجمعة الثالثة"). */
const THIS_MONTH: DateSem = { t: 'date', monthRel: 0 };

/** Nothing after an n-th weekday written alone that would make it the n-th of something else
 *  ("الجمعة الثالثة على التوالي", "ثالث جمعة من الاحتجاجات"). */
function aloneAfter(g: Reader, k: number): boolean {
  return endsDate(g, k) && !g.isForm(k, 'من', 'علي', 'في', 'بعد', 'قبل') && !g.isWord(k, 'و') && dirOf(g.w(k)) === undefined;
}

/** "بعد كريسماس 2014", "بعد 5 مارس": the day an n-th weekday is counted from. */
function afterDay(g: Reader, k: number): Match | undefined {
  if (!g.isWord(k, 'بعد')) return undefined;
  const day = longest([holiday(g, k + 1), absDate(g, k + 1)]);
  return day && isDay(day.sem) ? day : undefined;
}

export function nth(g: Reader, i: number): Match | undefined {
  // ORD WD / ORD يوم WD / WD ORD / ORD اسبوع / الاسبوع ORD / ORD يوم / اليوم الاخير
  const o = ordinalSmall(g, i);
  if (o) {
    let k = i + o.len;
    if (g.isWord(k, 'يوم') && g.weekday(k + 1, true)) k++;
    const wd = g.weekday(k, true);
    // The ordinal before the weekday is in construct, without the article: "ثالث ثلاثاء", "أول
    // اثنين". "الأولى الاثنين" is an ordinal of the noun before it ("مباراته الأولى الاثنين"), and
    // "15 ثانية يوم الثلاثاء" is fifteen seconds.
    if (wd && !o.definite && g.num(i - 1) === undefined) {
      const e = k + wd.len;
      const of = ofMonth(g, e);
      if (of) return { i, skip: o.skip, j: e + of.len, sem: { t: 'nth', n: o.n, what: 'weekday', wd: wd.value, month: of.sem } };
      const after = o.n > 0 ? afterDay(g, e) : undefined;
      if (after && isDay(after.sem)) return { i, skip: o.skip, j: after.j, sem: { t: 'nth', n: o.n, what: 'weekday', wd: wd.value, month: { t: 'date' }, after: after.sem } };
      if (o.n > 0 && aloneAfter(g, e)) return { i, skip: o.skip, j: e, sem: { t: 'nth', n: o.n, what: 'weekday', wd: wd.value, month: THIS_MONTH } };
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
      const e = i + wd.len + 1;
      const of = ofMonth(g, e);
      if (of) return { i, skip: wd.skip, j: e + of.len, sem: { t: 'nth', n: o2.n, what: 'weekday', wd: wd.value, month: of.sem } };
      const after = o2.n > 0 ? afterDay(g, e) : undefined;
      if (after && isDay(after.sem)) return { i, skip: wd.skip, j: after.j, sem: { t: 'nth', n: o2.n, what: 'weekday', wd: wd.value, month: { t: 'date' }, after: after.sem } };
      if (o2.n > 0 && aloneAfter(g, e)) return { i, skip: wd.skip, j: e, sem: { t: 'nth', n: o2.n, what: 'weekday', wd: wd.value, month: THIS_MONTH } };
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
