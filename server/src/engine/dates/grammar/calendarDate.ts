// Calendar dates with month names: day first ("18 نوفمبر 2023", "الأول من شهر شباط", "15 رمضان
// 1445 هـ"), month first ("نوفمبر 2023", "يوليو 13", "كانون الثاني الماضي"), and years alone
// ("عام 2003", "في 2011").
import type { DateSem, Match } from '../sem';
import { AMBIGUOUS_MONTHS } from '../lexicon';
import { NUMBER_STARTERS, parseCardinalWords } from '../../quantities/numberWords';
import { dirOf, longest, type Reader } from './reader';
import { dateCue, endsDate } from './context';
import { day, type DayHit } from './dayNumber';
import { month, monthByNumber, type MonthHit } from './month';
import { numeric, numericDayMonth } from './numericDate';
import { trailingYear, yearPhrase } from './year';

export interface DateHit { match: Match; sem: DateSem }

/**
 * Day-first dates: "18 نوفمبر 2023", "10 من كانون الثاني", "الأول من شهر شباط", "15 رمضان 1445 هـ",
 * "أول مارس", "ثلاثة وعشرين أبريل", "العاشر من الشهر"; and the punctuation forms "5- مارس",
 * "يوم 5. مارس", "20. ديسمبر. 2019", "5/مارس/2019".
 */
export function dayFirst(g: Reader, i: number): DateHit | undefined {
  const d = day(g, i) ?? cardinalDay(g, i);
  if (!d) return undefined;
  let k = i + d.len;
  // A mark between the day and the month (not "5-7 مارس", a range).
  let sep: string | undefined;
  if (!d.words && g.isPunct(k, '.', '-', '/') && g.num(k + 1) === undefined) { sep = g.text(k); k++; }
  else if (g.isWord(k, 'من')) k++;
  const m = month(g, k) ?? (g.isWord(k - 1, 'من') ? thisMonth(g, k) : undefined);
  if (!m) return undefined;
  // "5. مارس": a full stop also ends sentences, a dash lists points, and مارس is also a verb; a
  // cue before the day, a year after the month or an unambiguous month name is needed.
  if (sep !== undefined && !dateCue(g, i) && (m.name === undefined || AMBIGUOUS_MONTHS.has(m.name) || m.hijri) && !trailingYear(g, k + m.len, sep)) return undefined;
  k += m.len;
  const sem: DateSem = { t: 'date', d: d.d };
  if (m.m !== undefined) sem.m = m.m;
  if (m.monthRel !== undefined) sem.monthRel = m.monthRel;
  if (m.hijri) sem.hijri = true;
  const y = trailingYear(g, k, sep);
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

/** A day in cardinal words before a month name: "ثلاثة وعشرين أبريل", "واحد مايو". */
function cardinalDay(g: Reader, i: number): DayHit | undefined {
  const f = g.form(i, (w) => NUMBER_STARTERS.has(w));
  if (!f || g.num(i) !== undefined) return undefined;
  // Not the middle of a longer number ("ثلاثة [وعشرين]").
  if (g.form(i - 1, (w) => NUMBER_STARTERS.has(w))) return undefined;
  const c = parseCardinalWords([f.w, ...g.words(i + 1, 3)], 0);
  if (!c || c.low !== c.high || c.value < 1 || c.value > 31) return undefined;
  // Only right before a month name: "ثلاثة أيام" is a count.
  const m = month(g, i + c.length);
  if (!m || m.m === undefined) return undefined;
  return { len: c.length, skip: f.skip, d: c.value, words: true };
}

/** "من الشهر" after a day: the current month ("في العاشر من الشهر"), not "الشهر نفسه" (a month
 *  named earlier) nor a qualified month ("الشهر الهجري"). */
function thisMonth(g: Reader, k: number): MonthHit | undefined {
  if (!g.isWord(k, 'الشهر')) return undefined;
  const nx = g.w(k + 1);
  if (nx !== undefined && (nx.startsWith('ال') || nx === 'نفسه' || nx === 'ذاته')) return undefined;
  return { len: 1, skip: 0, monthRel: 0, hijri: false, cue: true };
}

/** Month-first dates: "يناير", "نوفمبر 2023", "يوليو 13", "فبراير-3", "مارس الثالث والعشرين، 2017",
 *  "شهر رمضان", "كانون الثاني الماضي". */
export function monthFirst(g: Reader, i: number): DateHit | undefined {
  const m = month(g, i);
  if (!m || m.m === undefined) return undefined;
  let k = i + m.len;
  const sem: DateSem = { t: 'date', m: m.m };
  if (m.hijri) sem.hijri = true;
  // A mark joining the month to its day or year ("فبراير-3", "مارس/2019").
  let sep: string | undefined;
  // An ambiguous or Hijri name joined to a number is a score ("صفر/2") unless a cue comes before.
  if (g.isPunct(k, '-', '/', '.') && g.adjacent(k) && g.num(k + 1) !== undefined && (!m.hijri && !(m.name && AMBIGUOUS_MONTHS.has(m.name)) || g.cueBefore(i))) { sep = g.text(k); k++; }
  // "يوليو 13" (day after the month, American order): digits not followed by more date digits.
  const dn = g.num(k);
  if (dn !== undefined && g.digits(k)!.length <= 2 && dn >= 1 && dn <= 31 && !g.isPunct(k + 1, ':', '/')) {
    sem.d = dn;
    k++;
  } else if (sep === undefined && (g.w(k) ?? '').startsWith('ال')) {
    // "مارس الثالث والعشرين": an ordinal day after the name.
    const od = day(g, k);
    if (od && od.words && !g.isForm(k, 'اليوم') && !(m.name && AMBIGUOUS_MONTHS.has(m.name) && !m.cue && !g.cueBefore(i))) {
      sem.d = od.d;
      k += od.len;
    }
  }
  const y = trailingYear(g, k, sep);
  if (y) {
    k += y.len;
    if (y.y !== undefined) sem.y = y.y;
    if (y.yearRel !== undefined) sem.yearRel = y.yearRel;
    if (y.hijri) sem.hijri = true;
  } else if (sep !== undefined && sem.d === undefined) return undefined;
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
  // A year alone on its line ("2019", a heading or a dateline) needs no cue.
  const ownLine = (!g.tok(i - 1) || g.tok(i)!.lineStart) && y.y >= 1900 && y.y <= 2099 && endsDate(g, i + y.len);
  if (!y.keyword && !y.hijri && !g.cueBefore(i) && !ownLine) return undefined;
  // A bare number followed by a counted noun is a quantity ("في 2000 موقع").
  if (!y.keyword && g.w(i + y.len) && !g.tok(i + y.len)!.lineStart && !g.isWord(i + y.len, 'و', 'الي', 'حتي') && !cueAfterYear(g, i + y.len)) return undefined;
  return { i, skip: y.skip, j: i + y.len, sem: { t: 'date', y: y.y, ...(y.hijri ? { hijri: true } : {}) } };
}

/** Any calendar date at i (longest of the readings). */
export function absDate(g: Reader, i: number): Match | undefined {
  return longest([dayFirst(g, i)?.match, monthFirst(g, i)?.match, numeric(g, i), numericDayMonth(g, i), yearOnly(g, i)]);
}
