// Clock times: "الساعة الثالثة وربع عصراً", "3:18 صباحاً", "الثامنة هذه الليلة", "الساعة 12 إلا ربعاً".
// The hour as written is on a 12-hour dial in most news text; the part of the day after it
// ("فجراً", "بعد الظهر", "مساءً") tells which half. Those words come from ICU's day periods for
// the Arabic locales (Intl.DateTimeFormat dayPeriod), each with the hours ICU gives it.
import type { ClockTime } from '../sem';
import { arabicLocales } from '../lexicon';
import { norm } from '../../text/normalize';
import { parseCardinalWords, parseOrdinalWords } from '../../quantities/numberWords';
import type { Reader } from './reader';

export interface ClockHit extends ClockTime {
  /** Tokens read from the start position, and normalised letters skipped in the first. */
  len: number;
  skip: number;
}

/** Day-period key (clitic-free word stems, see stem()) → the hours (0–23) it covers. */
type Periods = Map<string, Set<number>>;

/** "صباحاً" → "صباح", "المساء" → "مساء", "الليلة" → "ليله": one key for the forms news uses. */
function stem(w: string): string {
  let s = w.startsWith('ال') && w.length > 4 ? w.slice(2) : w;
  if (s.endsWith('ا') && s.length > 3) s = s.slice(0, -1);
  return s;
}

export function hours(from: number, to: number): number[] {
  const out: number[] = [];
  for (let h = from; h !== (to + 1) % 24; h = (h + 1) % 24) out.push(h);
  return out;
}

function buildPeriods(): Periods {
  const map: Periods = new Map();
  const add = (surface: string, hs: number[]) => {
    const words = norm(surface).split(/\s+/).filter((w) => w && w !== 'في');
    if (!words.length || words.join('').length < 2) return; // one-letter abbreviations (ص, م, ل)
    const key = words.map(stem).join(' ');
    if (!map.has(key)) map.set(key, new Set());
    for (const h of hs) map.get(key)!.add(h);
  };
  for (const loc of arabicLocales()) {
    for (const style of ['narrow', 'short', 'long'] as const) {
      const f = new Intl.DateTimeFormat(loc, { hour: 'numeric', dayPeriod: style, timeZone: 'UTC' });
      for (let h = 0; h < 24; h++) {
        const p = f.formatToParts(new Date(Date.UTC(2021, 0, 1, h))).find((x) => x.type === 'dayPeriod');
        if (p) add(p.value, [h]);
      }
    }
  }
  // ICU names the clock's day periods only. News also times events by the prayers and by
  // colloquial words ICU lacks; these are the ordinary hours of each (written by hand: no
  // library lists them).
  const extra: [string, number[]][] = [
    ['الصبح', hours(4, 11)], ['الضحى', hours(8, 11)], ['قبل الظهر', hours(6, 11)], ['الظهيرة', hours(12, 14)],
    ['بعد الظهيرة', hours(13, 17)], ['العصر', hours(14, 17)], ['بعد العصر', hours(15, 18)], ['قبل المغرب', hours(15, 18)],
    ['المغرب', hours(17, 19)], ['بعد المغرب', hours(18, 21)], ['العشاء', hours(19, 22)], ['الليلة', hours(18, 4)],
    ['الليل', hours(19, 4)], ['المساء', hours(16, 23)], ['الفجر', hours(3, 6)], ['منتصف الليل', [0]],
  ];
  for (const [s, hs] of extra) add(s, hs);
  return map;
}

let periods: Periods | undefined;
function dayPeriods(): Periods {
  return (periods ??= buildPeriods());
}

/** The longest day-period phrase at token i (up to three words, "هذا/هذه" in front allowed). */
function periodAt(g: Reader, i: number): { len: number; hours: Set<number>; words: string } | undefined {
  const P = dayPeriods();
  let k = i;
  // "التاسعة من مساء أمس", "الثامنة هذا المساء".
  if (g.isWord(k, 'من') && !g.isWord(k + 1, 'هذا', 'هذه', 'من')) k++;
  if (g.isWord(k, 'هذا', 'هذه')) k++;
  for (let n = 3; n >= 1; n--) {
    const ws: string[] = [];
    for (let t = k; t < k + n; t++) { const w = g.w(t); if (w === undefined) break; ws.push(w); }
    if (ws.length < n) continue;
    // "من بعد ظهر": the first word may carry a clitic (وبعد، فجراً).
    const first = g.form(k, (w) => P.has([stem(w), ...ws.slice(1).map(stem)].join(' ')));
    if (first) return { len: k - i + n, hours: P.get([stem(first.w), ...ws.slice(1).map(stem)].join(' '))!, words: ws.join(' ') };
  }
  return undefined;
}

/** Of h and h+12, the hour inside the period (or nearest to it, around the clock). */
export function placeInPeriod(h: number, period: Set<number>): number {
  const cands = h === 12 ? [12, 0] : h < 12 ? [h, h + 12] : [h];
  const dist = (x: number) => Math.min(...[...period].map((p) => Math.min(Math.abs(p - x), 24 - Math.abs(p - x))));
  return cands.reduce((a, b) => (dist(b) < dist(a) ? b : a));
}

/** Hour words: "ثلاثة", "الثالثة", "الحادية عشرة", "الواحدة". */
function hourWords(g: Reader, i: number): { len: number; skip: number; h: number } | undefined {
  const t = g.form(i, (w) => /^(ال)?واحده?$/.test(w));
  if (t) return { len: 1, skip: t.skip, h: 1 };
  for (const f of [{ skip: 0, w: g.w(i) }, g.form(i, (w) => w.startsWith('ال'))]) {
    if (!f || !f.w) continue;
    // An hour is one word or a teen ("الحادية عشرة"): "الرابعة وأربعون دقيقة" is 4:40, not 44.
    const ws = [f.w, ...(/^عشره?$/.test(g.w(i + 1) ?? '') ? [g.w(i + 1)!] : [])];
    const o = parseOrdinalWords(ws, 0);
    // "الساعة الأولى" is the first hour (of a meeting), not one o'clock ("الواحدة").
    if (o && o.value >= 1 && o.value <= 12 && f.w.startsWith('ال') && !/^الاول/.test(f.w)) return { len: o.length, skip: f.skip, h: o.value };
    const c = parseCardinalWords(ws, 0);
    if (c && c.value >= 1 && c.value <= 12 && c.low === c.high && !f.w.startsWith('ال')) return { len: c.length, skip: f.skip, h: c.value };
  }
  return undefined;
}

const MINUTE_WORDS = ['دقيقه', 'دقايق', 'دقائق'];
const FRACTIONS: Record<string, number> = { 'ربع': 15, 'ربعا': 15, 'نصف': 30, 'النصف': 30, 'ثلث': 20, 'ثلثا': 20 };

/** Minutes after the hour: "و18 دقيقة", "وثمانية عشر دقيقة", "وربع", "ونصف", "إلا ربعاً", "إلا خمس دقائق". */
function minutesAt(g: Reader, i: number): { len: number; min: number } | undefined {
  let sign = 1, k = i;
  if (g.isWord(k, 'الا')) { sign = -1; k++; }
  else if (g.isWord(k, 'و')) k++;
  else {
    // "وربع", "وثمانية": the conjunction attached.
    const f = g.form(k, (w) => FRACTIONS[w] !== undefined || parseCardinalWords([w], 0) !== null);
    if (!f || f.skip !== 1 || !g.w(k)!.startsWith('و')) return undefined;
  }
  const frac = g.form(k, (w) => FRACTIONS[w] !== undefined);
  if (frac && (sign === -1 || frac.skip === 1 || k > i)) return { len: k - i + 1, min: sign * FRACTIONS[frac.w] };
  const n = g.num(k);
  if (n !== undefined) {
    if (n < 1 || n > 59 || !g.isForm(k + 1, ...MINUTE_WORDS)) return undefined;
    return { len: k - i + 2, min: sign * n };
  }
  const w = g.form(k, (x) => parseCardinalWords([x], 0) !== null);
  if (!w) return undefined;
  const ws = [w.w, g.w(k + 1) ?? '', g.w(k + 2) ?? '', g.w(k + 3) ?? ''];
  const c = parseCardinalWords(ws, 0);
  if (!c || c.low !== c.high || c.value < 1 || c.value > 59) return undefined;
  if (!g.isForm(k + c.length, ...MINUTE_WORDS)) return undefined;
  return { len: k - i + c.length + 1, min: sign * c.value };
}

/** "بتوقيت غرينتش", "بالتوقيت المحلي", "بتوقيت مكة المكرمة", "GMT". */
function zoneAt(g: Reader, i: number): { len: number; zone: string } | undefined {
  if (g.isWord(i, 'gmt', 'utc')) return { len: 1, zone: g.w(i)!.toUpperCase() };
  const t = g.form(i, (w) => w === 'توقيت' || w === 'التوقيت');
  if (!t) return undefined;
  const a = g.w(i + 1);
  if (!a) return undefined;
  // One word ("غرينتش", "المحلي", "GMT"), or two when the first is a city or country in construct ("مكة المكرمة").
  const b = g.w(i + 2);
  const two = b !== undefined && b.startsWith('ال') && !a.startsWith('ال') && a.length > 2;
  return { len: two ? 3 : 2, zone: two ? `${a} ${b}` : a };
}

/**
 * A clock time at token i, or undefined. Forms: "الساعة" + hour (digits or words) [+ minutes]
 * [+ part of day]; "H:MM[:SS]" [+ part of day]; an ordinal hour word with a part of day
 * ("الثالثة فجراً") — an ordinal alone is just an ordinal.
 */
export function clockAt(g: Reader, i: number): ClockHit | undefined {
  let k = i, skip = 0, h: number, min = 0, sec: number | undefined;
  let twentyFour = false, explicitClock = false, digitMinutes = false;
  const text = (t: number) => g.text(t) ?? '';
  // Only the definite "الساعة": "ساعة واحدة", "ثلاث ساعات" are durations.
  const saa = g.form(i, (w) => w === 'الساعه');
  if (saa) { k++; skip = saa.skip; explicitClock = true; }
  const n = g.num(k);
  if (n !== undefined) {
    // "15:15", "3:18", "15:23:24": minutes always two digits, so scores ("2:1") stay out.
    // Gulf news also writes "4.30 عصراً", "الساعة 1.30 ظهراً": a dot, after "الساعة" or before a
    // part of the day (otherwise a decimal).
    const dotted = g.isPunct(k + 1, '.') && (explicitClock || (n <= 12 && !!periodAt(g, k + 3)));
    if ((g.isPunct(k + 1, ':') || dotted) && g.adjacent(k) && g.adjacent(k + 1) && /^\d\d$/.test(text(k + 2))) {
      const mm = g.num(k + 2)!;
      if (n > 24 || mm > 59) return undefined;
      // Past 12 it is a 24-hour reading; up to 12 a part of the day may follow ("3:20 عصراً").
      h = n; min = mm; k += 3; twentyFour = n > 12 || n === 0; explicitClock = digitMinutes = true;
      if (g.isPunct(k, ':') && g.adjacent(k - 1) && g.adjacent(k) && /^\d\d$/.test(text(k + 1))) { sec = g.num(k + 1)!; k += 2; }
    } else if (explicitClock && n >= 0 && n <= 24 && text(k).length <= 2) {
      h = n; k++; twentyFour = n > 12;
    } else return undefined;
  } else {
    const hw = hourWords(g, k);
    if (!hw) return undefined;
    if (!explicitClock) skip = hw.skip;
    h = hw.h; k += hw.len;
  }
  if (h > 24) return undefined;
  if (h === 24) h = 0;
  if (!digitMinutes) {
    const m = minutesAt(g, k);
    if (m) { min = m.min; k += m.len; explicitClock = true; }
  }
  if (min < 0) {
    // "الثانية عشرة إلا ربعاً" = 11:45, "الواحدة إلا ربعاً" = 12:45.
    h = h - 1;
    if (h === 0 && !twentyFour) h = 12;
    if (h < 0) h = 23;
    min += 60;
  }
  let period: ReturnType<typeof periodAt>;
  if (!twentyFour) {
    period = periodAt(g, k);
    if (period) k += period.len;
  }
  if (!explicitClock && !period) return undefined;
  const zone = zoneAt(g, k);
  if (zone) k += zone.len;
  const hit: ClockHit = { len: k - i, skip, h, min, halfKnown: twentyFour || !!period || h > 12 };
  if (period) { hit.h = placeInPeriod(h, period.hours); hit.period = period.words; }
  if (sec !== undefined) hit.sec = sec;
  if (zone) hit.zone = zone.zone;
  return hit;
}
