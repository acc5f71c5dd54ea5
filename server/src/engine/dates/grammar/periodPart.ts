// Parts of periods: "أوائل شباط", "نهاية العام 2003", "منتصف آذار", "مطلع الشهر الجاري"; quarters
// and halves of a year ("الربع الأول من العام 2023"); decades ("التسعينيات").
import type { DateSem, Match, Mod } from '../sem';
import { PART_WORDS, UNIT_WORDS } from '../lexicon';
import { ORDINALS } from '../../quantities/numberWords';
import { longest, type Reader } from './reader';
import { absDate } from './calendarDate';
import { month } from './month';
import { periodRel } from './relative';
import { relYear, yearPhrase } from './year';

const TENS_OF: Record<string, number> = { 'عشرين': 2, 'ثلاثين': 3, 'اربعين': 4, 'خمسين': 5, 'ستين': 6, 'سبعين': 7, 'ثمانين': 8, 'تسعين': 9 };

/** Decade words ("التسعينيات", "الثمانينات") as starters for the grammar's quick filter. */
export const DECADE_WORDS = Object.keys(TENS_OF).flatMap((w) => [`ال${w}يات`, `ال${w}ات`]);

/** "أوائل شباط", "نهاية العام 2003", "منتصف آذار", "مطلع الشهر الجاري", "بداية شهر 3". */
export function part(g: Reader, i: number): Match | undefined {
  const f = g.form(i, (w) => PART_WORDS[w] !== undefined);
  if (!f) return undefined;
  // Part words are in the construct state: "الأول"/"الآخر" with the article are ordinals.
  const n0 = g.toks[i].n;
  if (n0.slice(0, n0.length - f.w.length).includes('ال')) return undefined;
  const mod: Mod = PART_WORDS[f.w];
  let k = i + 1;
  if (g.isWord(k, 'من')) k++;
  let inner = longest([absDate(g, k), periodRel(g, k), monthOnlyCued(g, k), decade(g, k)]);
  if (!inner) {
    // A bare period noun means the current one: "منذ مطلع العام", "نهاية الأسبوع", "أواخر الشهر".
    // Not "نصف السنة" (half a year, a duration) nor a qualified period ("بداية الشهر الهجري",
    // "نهاية العام الدراسي").
    const u = g.form(k, (w) => w === 'العام' || w === 'السنه' || w === 'الشهر' || w === 'الاسبوع');
    if (!u || f.w === 'نصف' || f.w === 'نص' || g.num(k + 1) !== undefined || g.isWord(k + 1, 'نفسه', 'ذاته')) return undefined;
    if ((g.w(k + 1) ?? '').startsWith('ال')) return undefined;
    const unit = UNIT_WORDS[u.w.slice(2)].unit;
    inner = { i: k, skip: 0, j: k + 1, sem: { t: 'rel', unit, n: 0, sign: 0, anchor: 'period' } };
  }
  const sem = inner.sem;
  if (sem.t === 'date') {
    if (sem.d !== undefined) return undefined; // "بداية 5 مايو" is not a part of a day
    // "أول مارس" is the first of March (a day: calendarDate.ts), "أوائل مارس" its beginning.
    if (f.w === 'اول' && sem.m !== undefined) return undefined;
    return { i, skip: f.skip, j: inner.j, sem: { ...sem, mod } };
  }
  if (sem.t === 'rel' && sem.anchor === 'period' && sem.unit !== 'D') return { i, skip: f.skip, j: inner.j, sem: { ...sem, mod } };
  return undefined;
}

/** A bare month after a part word is always cued ("أوائل مارس"), even an ambiguous name. */
function monthOnlyCued(g: Reader, i: number): Match | undefined {
  const m = month(g, i);
  if (!m || m.m === undefined) return undefined;
  return { i, skip: m.skip, j: i + m.len, sem: { t: 'date', m: m.m, ...(m.hijri ? { hijri: true } : {}) } };
}

/** "الربع الأول من العام 2023", "النصف الثاني من العام الماضي": quarters and halves of a year. */
export function quarter(g: Reader, i: number): Match | undefined {
  const f = g.form(i, (w) => w === 'الربع' || w === 'النصف' || w === 'ربع' || w === 'نصف');
  if (!f) return undefined;
  const o = g.form(i + 1, (w) => ORDINALS[w.replace(/^ال/, '')] !== undefined || w === 'الاخير');
  if (!o) return undefined;
  const n = o.w === 'الاخير' ? (f.w.endsWith('ربع') ? 4 : 2) : ORDINALS[o.w.replace(/^ال/, '')];
  const p = f.w.endsWith('ربع') ? 'Q' : 'H';
  if (n < 1 || n > (p === 'Q' ? 4 : 2)) return undefined;
  let k = i + 2;
  if (g.isWord(k, 'من', 'في')) k++;
  const y = yearPhrase(g, k, true);
  const sem: DateSem = { t: 'date' };
  if (y) { sem.y = y.y; k += y.len; }
  else {
    const r = relYear(g, k);
    if (r) { sem.yearRel = r.yearRel; k += r.len; }
    else if (g.isForm(k, 'العام', 'السنه')) { sem.yearRel = 0; k++; }
    else return undefined;
  }
  return { i, skip: f.skip, j: k, sem: { ...sem, part: `${p}${n}` } };
}

/** "التسعينيات", "الثمانينات من القرن الماضي": decades (of the 1900s unless said otherwise). */
export function decade(g: Reader, i: number): Match | undefined {
  const f = g.form(i, (w) => /^ال(عشرين|ثلاثين|اربعين|خمسين|ستين|سبعين|ثمانين|تسعين)(ي)?ات$/.test(w));
  if (!f) return undefined;
  const tens = f.w.replace(/^ال/, '').replace(/(ي)?ات$/, '');
  const n = TENS_OF[tens];
  let j = i + 1;
  let century = 19;
  if (g.isWord(j, 'من') && g.isWord(j + 1, 'القرن')) {
    if (g.isWord(j + 2, 'الماضي', 'العشرين')) { j += 3; century = 19; }
    else if (g.isWord(j + 2, 'التاسع') && g.isWord(j + 3, 'عشر')) { j += 4; century = 18; }
  }
  return { i, skip: f.skip, j, sem: { t: 'date', decade: century * 10 + n } };
}
