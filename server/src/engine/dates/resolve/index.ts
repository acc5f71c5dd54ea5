// From meaning (sem.ts) to the TIMEX-like value, and — with a reference date — to a calendar
// date, with every inference written out in `explanation`.
//
// Conventions of the value (those of the gold annotation): 2023-11-18, XXXX-05-08, XXXX-01, 2003,
// XXXX-WXX-2 (ISO weekday, Monday = 1), REF+P0W (this week), REF-P1M (last month), REF-PXD
// (some days ago), ranges as "from/to". Hijri dates without a known year keep Hijri fields behind
// an "H" (HXXXX-09-15); with a year they are converted to the Gregorian date.
//
// Partial dates in news mostly report past events: a missing year is the one that puts the date
// at or shortly before the reference date (up to a month after it is still read as this year,
// for announced events). Duckling's convention (assistants) prefers the future instead; callers
// choose with `prefer`.
import { iso, isValid, type YMD } from '../calendar';
import type { Sem } from '../sem';
import type { Ctx, Prefer, Resolution } from './context';
import { resolveDate } from './date';
import { resolveHoliday } from './holiday';
import { resolveNth } from './nth';
import { resolveRange } from './range';
import { resolveRel } from './relative';
import { resolveDayPart, resolveTime } from './time';
import { resolveWeekday } from './weekday';

export type { Prefer, Resolution } from './context';

export function resolveSem(sem: Sem, ref: YMD | null, prefer: Prefer = 'past'): Resolution {
  const ctx: Ctx = { ref, prefer, refText: ref ? iso(ref) : '' };
  return resolveIn(sem, ctx);
}

function resolveIn(sem: Sem, ctx: Ctx): Resolution {
  switch (sem.t) {
    case 'date': return resolveDate(sem, ctx);
    case 'weekday': return resolveWeekday(sem, ctx);
    case 'rel': return resolveRel(sem, ctx);
    case 'range': return resolveRange(sem, ctx);
    case 'holiday': return resolveHoliday(sem, ctx);
    case 'nth': return resolveNth(sem, ctx, sem.after && resolveIn(sem.after, ctx));
    case 'time': return resolveTime(sem, ctx, sem.day && resolveIn(sem.day, ctx));
    case 'daypart': return resolveDayPart(sem, resolveIn(sem.day, ctx));
  }
}

/** Parse a reference date given as YYYY-MM-DD (extra time part ignored). */
export function parseReference(s: string | null): YMD | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim());
  if (!m) return null;
  const r = { y: +m[1], m: +m[2], d: +m[3] };
  return isValid(r.y, r.m, r.d) ? r : null;
}
