// Dates written in digits: 2023/11/18, 18/11/2023, 18-11-2023, 18.11.2023, 2/2013, 8 / 10 / 1436
// هـ (Hijri), two-digit years (19/05/22, 12-7-18), and day and month alone (15/3, 15-3, 15.3, 3/15). News writes the
// day first; the month comes first only where the day-first reading is impossible (3/15).
// A day and month alone look like a score (2-1), a ratio (3/4), a price (15.5) or "24/7", so
// they are dates only where the words around them say so (context.ts).
import type { DateSem, Match } from '../sem';
import { daysInMonth } from '../calendar';
import type { Reader } from './reader';
import { dateCue, endsDate, nothingCountedAfter } from './context';
import { calendarMark } from './year';

const SEPARATORS = ['/', '-', '.'];

/** Token i continues a run of numbers joined by the same mark before it ("1.2" in "3.1.2"). */
function insideRun(g: Reader, i: number): boolean {
  const p = g.tok(i - 1), q = g.tok(i + 1);
  return !!p && !!q && p.kind === 'p' && SEPARATORS.includes(p.n) && q.n === p.n && g.num(i - 2) !== undefined;
}

/** Day and month from two numbers, day first unless that is impossible (3/15). */
function dayMonth(a: number, b: number): { d: number; m: number } | undefined {
  // Valid in some year: 29/2 is a date.
  const ok = (d: number, m: number) => m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(2000, m);
  if (ok(a, b)) return { d: a, m: b };
  if (ok(b, a)) return { d: b, m: a };
  return undefined;
}

/** Token k is a mark joining the parts of a numeric date. */
function isSep(g: Reader, k: number, char?: string): boolean {
  const t = g.tok(k);
  return !!t && t.kind === 'p' && SEPARATORS.includes(t.n) && (char === undefined || t.n === char);
}

/**
 * Complete numeric dates (with a year), and month/year (2/2013). Saudi and Gulf news also space
 * the marks ("8 / 10 / 1436 هـ"); a spaced date needs a four-digit year. A year from 1300 to 1500
 * is a Hijri year (no Gregorian date of news is in that range), as is one marked هـ.
 */
export function numeric(g: Reader, i: number): Match | undefined {
  const a = g.num(i);
  if (a === undefined || !isSep(g, i + 1) || insideRun(g, i)) return undefined;
  const sep = g.text(i + 1)!;
  const b = g.num(i + 2);
  if (b === undefined) return undefined;
  const tight1 = g.adjacent(i) && g.adjacent(i + 1);
  const la = g.digits(i)!.length, lb = g.digits(i + 2)!.length;
  const c = isSep(g, i + 3, sep) ? g.num(i + 4) : undefined;
  if (c !== undefined) {
    const tight = tight1 && g.adjacent(i + 2) && g.adjacent(i + 3);
    const lc = g.digits(i + 4)!.length;
    // Do not read into a longer run (phone numbers, version strings).
    if (isSep(g, i + 5, sep) && g.num(i + 6) !== undefined) return undefined;
    let sem: DateSem | undefined;
    if (la === 4 && lb <= 2 && lc <= 2) sem = { t: 'date', y: a, m: b, d: c };
    // Arabic news writes day/month/year; a first number above 12 settles it anyway.
    else if (lc === 4 && la <= 2 && lb <= 2) sem = b > 12 && a <= 12 ? { t: 'date', y: c, m: a, d: b } : { t: 'date', y: c, m: b, d: a };
    // Two-digit years (19/05/22): the century is chosen against the reference date. Dotted
    // triples are also version numbers, so they need a word before them that introduces a date.
    else if (tight && lc === 2 && la <= 2 && lb <= 2 && (sep !== '.' || dateCue(g, i))) {
      const dm = dayMonth(a, b);
      if (dm) sem = { t: 'date', y: c, y2: true, ...dm };
    }
    if (!sem || (!tight && (sep === '.' || sem.y2))) return undefined;
    let j = i + 5;
    const mark = calendarMark(g, j);
    j += mark.len;
    if (mark.hijri || (mark.len === 0 && !sem.y2 && sem.y! >= 1300 && sem.y! <= 1500)) sem.hijri = true;
    return { i, skip: 0, j, sem };
  }
  if (tight1 && sep === '/' && la <= 2 && lb === 4 && a >= 1 && a <= 12 && b >= 1900 && b < 2200) return { i, skip: 0, j: i + 3, sem: { t: 'date', y: b, m: a } };
  return undefined;
}

/**
 * Day and month without a year: "15/3", "15-3", "15.3", "3/15". `cued` says that the words
 * before already make it a date (a weekday: "الخميس 12-3"); otherwise a word before must
 * introduce a date ("يوم", "بتاريخ"; or "في", "منذ", "حتى" with nothing but a function word or
 * punctuation after it), or the number must begin a line. A dotted pair needs "يوم"/"بتاريخ" or
 * a line of its own: after "في" it is a decimal as often as a date.
 */
export function numericDayMonth(g: Reader, i: number, cued = false): Match | undefined {
  const a = g.num(i);
  if (a === undefined || !isSep(g, i + 1) || insideRun(g, i)) return undefined;
  const sep = g.text(i + 1)!;
  // Written tight ("15/3"); spaced ("٢ / ١٠") only after a weekday.
  if (!(g.adjacent(i) && g.adjacent(i + 1)) && !(cued && sep !== '.')) return undefined;
  const b = g.num(i + 2);
  if (b === undefined || g.digits(i)!.length > 2 || g.digits(i + 2)!.length > 2) return undefined;
  const dm = dayMonth(a, b);
  if (!dm) return undefined;
  const after = g.tok(i + 3);
  // Never the first part of a longer run, nor a percentage.
  if (after && after.kind === 'p' && (after.n === '%' || (SEPARATORS.includes(after.n) && g.num(i + 4) !== undefined))) return undefined;
  if (!cued) {
    const cue = dateCue(g, i);
    const ends = sep === '/' ? nothingCountedAfter(g, i + 3) : endsDate(g, i + 3);
    const lineOfItsOwn = !g.tok(i - 1) || g.tok(i)!.lineStart;
    if (sep === '.' ? !((cue === 'strong' || lineOfItsOwn) && ends) : !(cue === 'strong' || (cue === 'weak' && ends))) return undefined;
  }
  const sem: DateSem = { t: 'date', ...dm };
  return { i, skip: 0, j: i + 3, sem };
}
