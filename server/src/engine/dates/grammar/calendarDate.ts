// Calendar dates with month names: day first ("18 نوفمبر 2023", "الأول من شهر شباط", "15 رمضان
// 1445 هـ"), month first ("نوفمبر 2023", "يوليو 13", "كانون الثاني الماضي"), and years alone
// ("عام 2003", "في 2011").
import type { DateSem, Match } from '../sem';
import { AMBIGUOUS_MONTHS } from '../lexicon';
import { dirOf, longest, type Reader } from './reader';
import { day } from './dayNumber';
import { month, monthByNumber } from './month';
import { numeric } from './numericDate';
import { trailingYear, yearPhrase } from './year';

export interface DateHit { match: Match; sem: DateSem }

/** Day-first dates: "18 نوفمبر 2023", "10 من كانون الثاني", "الأول من شهر شباط", "15 رمضان 1445 هـ". */
export function dayFirst(g: Reader, i: number): DateHit | undefined {
  const d = day(g, i);
  if (!d) return undefined;
  let k = i + d.len;
  if (g.isWord(k, 'من')) k++;
  const m = month(g, k);
  if (!m) return undefined;
  k += m.len;
  const sem: DateSem = { t: 'date', d: d.d };
  if (m.m !== undefined) sem.m = m.m;
  if (m.monthRel !== undefined) sem.monthRel = m.monthRel;
  if (m.hijri) sem.hijri = true;
  const y = trailingYear(g, k);
  if (y) {
    k += y.len;
    if (y.y !== undefined) sem.y = y.y;
    if (y.yearRel !== undefined) sem.yearRel = y.yearRel;
    if (y.hijri) sem.hijri = true;
  } else if (m.monthRel === undefined) {
    const dir = dirOf(g.w(k));
    if (dir !== undefined && dir !== 0) sem.dir = dir;
  }
  return { match: { i, skip: d.skip, j: k, sem }, sem };
}

/** Month-first dates: "يناير", "نوفمبر 2023", "يوليو 13", "شهر رمضان", "كانون الثاني الماضي". */
export function monthFirst(g: Reader, i: number): DateHit | undefined {
  const m = month(g, i);
  if (!m || m.m === undefined) return undefined;
  let k = i + m.len;
  const sem: DateSem = { t: 'date', m: m.m };
  if (m.hijri) sem.hijri = true;
  // "يوليو 13" (day after the month, American order): digits not followed by more date digits.
  const dn = g.num(k);
  if (dn !== undefined && g.digits(k)!.length <= 2 && dn >= 1 && dn <= 31 && !g.isPunct(k + 1, ':', '/')) {
    sem.d = dn;
    k++;
  }
  const y = trailingYear(g, k);
  if (y) {
    k += y.len;
    if (y.y !== undefined) sem.y = y.y;
    if (y.yearRel !== undefined) sem.yearRel = y.yearRel;
    if (y.hijri) sem.hijri = true;
  }
  const bare = sem.d === undefined && sem.y === undefined && sem.yearRel === undefined;
  if (bare) {
    const dir = dirOf(g.w(k));
    const cued = m.cue || g.cueBefore(i) || (dir !== undefined && dir !== 0);
    if (m.hijri && !m.cue && !(dir !== undefined && dir !== 0)) return undefined; // رجب، صفر، رمضان are also names/words
    if (m.name && AMBIGUOUS_MONTHS.has(m.name) && !cued) return undefined;
    if (dir !== undefined && dir !== 0) sem.dir = dir;
  } else if (sem.d !== undefined && sem.y === undefined && sem.yearRel === undefined) {
    const dir = dirOf(g.w(k));
    if (dir !== undefined && dir !== 0) sem.dir = dir;
  }
  if (m.hijri && sem.d === undefined && sem.y === undefined && !m.cue && sem.dir === undefined) return undefined;
  // "شهر" is a cue, not part of the date (like "يوم" before a day): start at the name.
  let skip = m.skip, start = i;
  if (m.cue && g.isForm(i, 'شهر') && m.m !== undefined && !monthByNumber(g, i)) { start = i + 1; skip = g.toks[i + 1].forms[0].skip; }
  return { match: { i: start, skip, j: k, sem }, sem };
}

/** Words that commonly follow a year in running text without making it a count. */
function cueAfterYear(g: Reader, k: number): boolean {
  const w = g.w(k);
  return !!w && /^(و|ف)?(في|من|الي|علي|عن|حين|عندما|قبل|بعد|حتي|مع|بين|ثم|اذ|حيث|ان|انه|لكن|بعدما|كما|الا|او|اي|وهو|وهي|قد|لم|لن|كان|كانت)$/.test(w);
}

/** "عام 2003", "العام 2003", "سنة 1445 هـ", or a bare year after a cue ("في 2003", "منذ 2011"). */
export function yearOnly(g: Reader, i: number): Match | undefined {
  const y = yearPhrase(g, i, true);
  if (!y) return undefined;
  if (!y.keyword && !y.hijri && !g.cueBefore(i)) return undefined;
  // A bare number followed by a counted noun is a quantity ("في 2000 موقع").
  if (!y.keyword && g.w(i + y.len) && !g.isWord(i + y.len, 'و', 'الي', 'حتي') && !cueAfterYear(g, i + y.len)) return undefined;
  return { i, skip: y.skip, j: i + y.len, sem: { t: 'date', y: y.y, ...(y.hijri ? { hijri: true } : {}) } };
}

/** Any calendar date at i (longest of the readings). */
export function absDate(g: Reader, i: number): Match | undefined {
  return longest([dayFirst(g, i)?.match, monthFirst(g, i)?.match, numeric(g, i), yearOnly(g, i)]);
}
