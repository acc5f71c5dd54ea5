// Years: "2003", "عام 2003", "لعام 2014", "سنة 1445 هـ", and years given relative to the
// reference after a month ("من العام الماضي").
import { dirOf, type Hit, type Reader } from './reader';

export interface YearHit extends Hit { y: number; hijri: boolean }

/** A year: 4 digits (1000–2199), optionally marked Gregorian (م) or Hijri (هـ, هجري, للهجرة);
 *  an older Hijri year of 1–3 digits only with its Hijri mark ("سنة 36 هـ"). */
export function year(g: Reader, i: number): YearHit | undefined {
  const n = g.num(i);
  const s = g.digits(i);
  if (n === undefined || s === undefined || s.length > 4 || n > 2199 || n < 1) return undefined;
  let len = 1;
  let hijri = false;
  if (g.isWord(i + 1, 'ه', 'هجري', 'هجريه', 'للهجره')) { hijri = true; len++; }
  else if (g.isWord(i + 1, 'م', 'ميلادي', 'ميلاديه', 'للميلاد')) len++;
  if (s.length !== 4 && !hijri) return undefined;
  return { len, skip: 0, y: n, hijri };
}

/** "عام 2003", "العام 2003", "لعام 2014", "سنة 2015", "بعام 2014", or a bare year. */
export function yearPhrase(g: Reader, i: number, bareOk: boolean): (YearHit & { keyword: boolean }) | undefined {
  const kw = g.form(i, (w) => w === 'عام' || w === 'العام' || w === 'سنه' || w === 'السنه' || w === 'عامي');
  if (kw) {
    const y = year(g, i + 1);
    if (y) return { len: 1 + y.len, skip: kw.skip, y: y.y, hijri: y.hijri, keyword: true };
    return undefined;
  }
  if (!bareOk) return undefined;
  const y = year(g, i);
  return y ? { ...y, keyword: false } : undefined;
}

/** "من العام الماضي", "من هذا العام", "السنة القادمة" after a month: the year relative to the reference. */
export function relYear(g: Reader, i: number): (Hit & { yearRel: number }) | undefined {
  let k = i;
  if (g.isWord(k, 'من', 'في')) k++;
  if (g.isForm(k, 'هذا', 'هذه') && g.isWord(k + 1, 'العام', 'السنه')) return { len: k - i + 2, skip: 0, yearRel: 0 };
  if (g.isForm(k, 'العام', 'السنه')) {
    const d = dirOf(g.w(k + 1));
    if (d !== undefined) return { len: k - i + 2, skip: 0, yearRel: d };
  }
  return undefined;
}

/** Optional year after a date: ", 2023", "من عام 2014", "لعام 2014", "سنة 2015", "2023م". */
export function trailingYear(g: Reader, i: number): (Hit & { y?: number; yearRel?: number; hijri: boolean }) | undefined {
  let k = i;
  if (g.isPunct(k, ',')) k++;
  if (g.isWord(k, 'من', 'في')) k++;
  const y = yearPhrase(g, k, true);
  if (y) return { len: k - i + y.len, skip: 0, y: y.y, hijri: y.hijri };
  const r = relYear(g, i);
  if (r) return { len: r.len, skip: 0, yearRel: r.yearRel, hijri: false };
  return undefined;
}
