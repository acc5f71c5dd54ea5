// A month as written: a Gregorian name of any tradition (with its double, "أيار/ مايو"), a Hijri
// name, a number after "شهر" ("شهر 3", "شهر عشرة", "الشهر التاسع"), or the month relative to the
// reference ("هذا الشهر", "الشهر الماضي").
import { dirOf, GREG, type Hit, type NameHit, type Reader } from './reader';
import { parseCardinalWords, parseOrdinalWords } from '../../quantities/numberWords';

export interface MonthHit extends Hit { m?: number; monthRel?: number; hijri: boolean; cue: boolean; name?: string }

/** A Gregorian month name, with its other-tradition double ("أيار/ مايو", "8 أيار (مايو)"). */
export function gregMonth(g: Reader, i: number): NameHit | undefined {
  const m = g.name(i, GREG, true, false);
  if (!m) return undefined;
  let j = i + m.len;
  // Double forms: "/", "-", "(" … ")" or "أو" followed by the same month in another tradition.
  const opener = g.isPunct(j, '/', '-', '(', '\\', '|');
  // Written side by side with no mark too ("11 سبتمبر أيلول 2001").
  const k0 = opener ? j + 1 : g.isWord(j, 'او') ? j + 1 : j;
  const m2 = g.name(k0, GREG, false, false);
  if (m2 && m2.value === m.value && m2.first !== m.first) {
    j = k0 + m2.len;
    if (g.isPunct(i + m.len, '(') && g.isPunct(j, ')')) j++;
    return { ...m, len: j - i };
  }
  return m;
}

/** Month given by number after "شهر" ("شهر 3", "شهر ثلاثة", "شهر عشرة") or "الشهر التاسع". */
export function monthByNumber(g: Reader, i: number): (Hit & { m: number }) | undefined {
  const kw = g.form(i, (w) => w === 'شهر' || w === 'الشهر');
  if (!kw) return undefined;
  const n = g.num(i + 1);
  if (n !== undefined && n >= 1 && n <= 12 && g.digits(i + 1)!.length <= 2) return { len: 2, skip: kw.skip, m: n };
  const nx = g.w(i + 1);
  if (!nx) return undefined;
  if (kw.w === 'شهر') {
    const c = parseCardinalWords(g.words(i + 1, 3), 0);
    // "شهر واحد" is one month, not January.
    if (c && c.value >= 2 && c.value <= 12 && c.low === c.high) return { len: 1 + c.length, skip: kw.skip, m: c.value };
  } else {
    const o = parseOrdinalWords(g.words(i + 1, 3), 0);
    if (o && o.value >= 1 && o.value <= 12 && nx.startsWith('ال')) return { len: 1 + o.length, skip: kw.skip, m: o.value };
  }
  return undefined;
}

/** "هذا الشهر", "الشهر الجاري/الماضي/المقبل". */
export function relMonth(g: Reader, i: number): (Hit & { monthRel: number }) | undefined {
  if (g.isForm(i, 'هذا') && g.isWord(i + 1, 'الشهر')) return { len: 2, skip: g.form(i, (w) => w === 'هذا')!.skip, monthRel: 0 };
  const f = g.form(i, (w) => w === 'الشهر');
  if (f) {
    const d = dirOf(g.w(i + 1));
    if (d !== undefined) return { len: 2, skip: f.skip, monthRel: d };
  }
  return undefined;
}

/**
 * A month reference: a Gregorian or Hijri name (after an optional "شهر"), a month number after
 * "شهر", or a relative month ("هذا الشهر", "الشهر الماضي"). `cue` tells whether "شهر" was written.
 */
export function month(g: Reader, i: number): MonthHit | undefined {
  let k = i, skip = 0, cue = false;
  // "شهر" as written (بشهر، وشهر), not "الشهر" read without its article.
  const kw = g.isForm(i, 'الشهر') ? undefined : g.form(i, (w) => w === 'شهر');
  if (kw) {
    const byNum = monthByNumber(g, i);
    if (byNum) return { ...byNum, hijri: false, cue: true };
    k = i + 1; skip = kw.skip; cue = true;
  } else {
    const byNum = monthByNumber(g, i);
    if (byNum) return { ...byNum, hijri: false, cue: true };
  }
  const gm = gregMonth(g, k);
  if (gm) return { len: k - i + gm.len, skip: cue ? skip : gm.skip, m: gm.value, hijri: false, cue, name: gm.first };
  const h = g.hijriMonth(k);
  if (h) return { len: k - i + h.len, skip: cue ? skip : h.skip, m: h.value, hijri: true, cue, name: h.first };
  if (!cue) {
    const rel = relMonth(g, i);
    if (rel) return { ...rel, hijri: false, cue: true };
  }
  return undefined;
}
