// Years: "2003", "عام 2003", "لعام 2014", "سنة 1445 هـ", years in words ("ألفين وعشرين", "ألف
// وتسعمائة وخمسة وثمانون", read by the quantities module's number words), and years given
// relative to the reference after a month ("من العام الماضي").
import { dirOf, type Hit, type Reader } from './reader';
import { parseCardinalWords } from '../../quantities/numberWords';
import { endsDate } from './context';

export interface YearHit extends Hit { y: number; hijri: boolean }

/** A year: 4 digits (1000–2199), optionally marked Gregorian (م) or Hijri (هـ, هجري, للهجرة);
 *  an older Hijri year of 1–3 digits only with its Hijri mark ("سنة 36 هـ"). */
export function year(g: Reader, i: number): YearHit | undefined {
  const n = g.num(i);
  const s = g.digits(i);
  if (n === undefined || s === undefined || s.length > 4 || n > 2199 || n < 1) return undefined;
  // "1088.05 دولار" is a price.
  if (g.isPunct(i + 1, '.', ',') && g.adjacent(i) && g.adjacent(i + 1) && g.num(i + 2) !== undefined) return undefined;
  const mark = calendarMark(g, i + 1);
  if (s.length !== 4 && !mark.hijri) return undefined;
  return { len: 1 + mark.len, skip: 0, y: n, hijri: mark.hijri };
}

/** A Hijri (هـ, هجري, للهجرة) or Gregorian (م, ميلادي) mark after a year. */
export function calendarMark(g: Reader, k: number): { len: number; hijri: boolean } {
  if (g.isWord(k, 'ه', 'هجري', 'هجريه', 'للهجره')) return { len: 1, hijri: true };
  if (g.isWord(k, 'م', 'ميلادي', 'ميلاديه', 'للميلاد')) return { len: 1, hijri: false };
  return { len: 0, hijri: false };
}

/** A year in words, 1000–2199, beginning with its thousand: "ألفين وعشرين", "ألفان وسبعة",
 *  "ألف وتسعمائة وخمسة وثمانون", "ألفين و تسعة عشر" (the conjunction also written apart). */
export function yearWords(g: Reader, i: number): YearHit | undefined {
  if (!g.isWord(i, 'الف', 'الفين', 'الفان', 'الفا')) return undefined;
  const ws: string[] = [];
  const ends: number[] = [];
  let k = i;
  while (ws.length < 8) {
    const w = g.w(k);
    if (w === undefined) break;
    if (w === 'و' && g.w(k + 1) !== undefined) { ws.push('و' + g.w(k + 1)); k += 2; }
    else { ws.push(w); k++; }
    ends.push(k);
  }
  const c = parseCardinalWords(ws, 0);
  if (!c || c.low !== c.high || c.value < 1000 || c.value > 2199) return undefined;
  const len = ends[c.length - 1] - i;
  const mark = calendarMark(g, i + len);
  return { len: len + mark.len, skip: 0, y: c.value, hijri: mark.hijri };
}

/** A year in digits or in words. */
export function anyYear(g: Reader, i: number): YearHit | undefined {
  return year(g, i) ?? yearWords(g, i);
}

/** "عام 2003", "العام 2003", "لعام 2014", "سنة 2015", "بعام 2014", or a bare year. */
export function yearPhrase(g: Reader, i: number, bareOk: boolean): (YearHit & { keyword: boolean }) | undefined {
  const kw = g.form(i, (w) => w === 'عام' || w === 'العام' || w === 'سنه' || w === 'السنه' || w === 'عامي');
  if (kw) {
    // Not across a line break ("حصاد العام" as a heading, "2019" on the next line).
    const y = g.tok(i + 1)?.lineStart ? undefined : anyYear(g, i + 1);
    if (y) return { len: 1 + y.len, skip: kw.skip, y: y.y, hijri: y.hijri, keyword: true };
    return undefined;
  }
  if (!bareOk) return undefined;
  const y = year(g, i);
  if (y) return { ...y, keyword: false };
  // A number in words with no "عام" before it is a year only if nothing is counted after it
  // ("مارس ألفين وعشرين" but not "ألفين وعشرين متظاهرا").
  // "ألف" alone after "أكثر من" is a thousand; a year in words without "عام" has its hundreds or
  // tens ("ألفين وعشرين") and is a modern one.
  const w = yearWords(g, i);
  return w && w.len > 1 && w.y >= 1900 && w.y <= 2099 && endsDate(g, i + w.len) ? { ...w, keyword: false } : undefined;
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

/** Optional year after a date: ", 2023", "من عام 2014", "لعام 2014", "سنة 2015", "2023م";
 *  `sep` is the mark that joined the day and the month, which may join the year too
 *  ("20. ديسمبر. 2019", "5/مارس/2019"). */
export function trailingYear(g: Reader, i: number, sep?: string): (Hit & { y?: number; yearRel?: number; hijri: boolean }) | undefined {
  let k = i;
  if (g.isPunct(k, ',') || (sep !== undefined && g.isPunct(k, sep))) k++;
  if (g.isWord(k, 'من', 'في')) k++;
  const y = yearPhrase(g, k, true);
  if (y) return { len: k - i + y.len, skip: 0, y: y.y, hijri: y.hijri };
  const r = relYear(g, i);
  if (r) return { len: r.len, skip: 0, yearRel: r.yearRel, hijri: false };
  return undefined;
}
