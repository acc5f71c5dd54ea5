// Clock times with their day: a day followed by a clock time ("الخميس الساعة 8 مساءً"), a clock
// time followed by its day ("الثامنة مساء الخميس"), a part of a day that places the hour ("مساء
// الخميس الساعة 8"), a range of clock times, or a clock time alone.
import { isDay, type DaySem, type Match, type TimeSem } from '../sem';
import { longest, type Reader } from './reader';
import { absDate } from './calendarDate';
import { clockAt, placeInPeriod, type ClockHit } from './clock';
import { dayWords } from './dayWords';
import { PART_HOURS } from './dayPart';
import { weekdayExpr } from './weekday';

function timeSem({ len: _len, skip: _skip, ...time }: ClockHit, day?: DaySem): TimeSem {
  return { t: 'time', ...time, ...(day ? { day } : {}) };
}

/** A clock time, or two joined by "إلى / حتى / -" ("من الساعة 3 إلى الساعة 4 بعد العصر"). */
function clockOrRange(g: Reader, i: number): { j: number; skip: number; sem: TimeSem } | undefined {
  const a = clockAt(g, i);
  if (!a) return undefined;
  const q = i + a.len;
  if (g.isForm(q, 'الي', 'حتي', 'لغايه') || g.isPunct(q, '-')) {
    const b = clockAt(g, q + 1);
    if (b) {
      const from = { ...a };
      // The part of the day written once, after the end, holds for both ("3 إلى 4 بعد العصر").
      if (!a.halfKnown && b.halfKnown && b.h >= 12 && a.h < 12 && a.h + 12 <= b.h) { from.h = a.h + 12; from.halfKnown = true; from.period = b.period; }
      const sem = timeSem(from);
      sem.until = { h: b.h, min: b.min, ...(b.sec !== undefined ? { sec: b.sec } : {}) };
      if (b.zone && !sem.zone) sem.zone = b.zone;
      return { j: q + 1 + b.len, skip: a.skip, sem };
    }
  }
  return { j: q, skip: a.skip, sem: timeSem(a) };
}

/** A clock time (or range) after a day, past a comma and a preposition ("الخميس، عند الساعة 8"). */
function clockAfter(g: Reader, q: number): ReturnType<typeof clockOrRange> {
  if (g.isPunct(q, ',', '-')) q++;
  if (g.isWord(q, 'في', 'عند', 'على', 'من', 'حوالي', 'نحو', 'قرابه', 'بحدود')) q++;
  return clockOrRange(g, q);
}

/** The best expression at i once clock times are considered around `best` (the longest day
 *  or period found at i). */
export function withClock(g: Reader, i: number, best: Match | undefined): Match | undefined {
  if (best && isDay(best.sem)) {
    const c = clockAfter(g, best.j);
    if (c) return { ...best, j: c.j, sem: { ...c.sem, day: best.sem } };
  }
  // "مساء الخميس الساعة 8": the part of the day places the hour.
  if (best && best.sem.t === 'daypart') {
    const c = clockAfter(g, best.j);
    if (c) {
      const sem: TimeSem = { ...c.sem, day: best.sem.day };
      if (!sem.halfKnown) {
        const span = new Set(PART_HOURS[best.sem.part]);
        sem.h = placeInPeriod(sem.h, span);
        if (sem.until) sem.until = { ...sem.until, h: placeInPeriod(sem.until.h, span) };
        sem.halfKnown = true;
        sem.period = best.sem.words;
      }
      return { ...best, j: c.j, sem };
    }
  }
  const c = clockOrRange(g, i);
  if (!c) return best;
  let q = c.j;
  if (g.isPunct(q, ',')) q++;
  if (g.isWord(q, 'من', 'في')) q++;
  // "من يوم 8 أيار": يوم before a written date (weekdayExpr keeps it itself: "يوم الخميس").
  const day = longest([weekdayExpr(g, q), absDate(g, q), dayWords(g, q), g.isWord(q, 'يوم') ? absDate(g, q + 1) : undefined]);
  const clock: Match = day && isDay(day.sem)
    ? { i, skip: c.skip, j: day.j, sem: { ...c.sem, day: day.sem } }
    : { i, skip: c.skip, j: c.j, sem: c.sem };
  return longest([best, clock]);
}
