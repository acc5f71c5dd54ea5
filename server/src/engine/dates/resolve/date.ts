// Gregorian calendar dates, partial or complete, with the year (or month) a partial date lacks
// inferred from the reference date, and quarters, halves and decades.
import { addMonths, daysInMonth, isValid, iso, isoWeekday, pad2, parseIso, toDays } from '../calendar';
import type { DateSem } from '../sem';
import { FUTURE_SLACK_DAYS, MONTHS_EN, WEEKDAYS_EN, weekdayCheck, withMod, type Ctx, type Resolution } from './context';
import { resolveHijriDate } from './hijri';

function dateValue(y: number | undefined, m: number | undefined, d: number | undefined): string {
  const ys = y !== undefined ? String(y).padStart(4, '0') : 'XXXX';
  if (m === undefined && d === undefined) return ys;
  const ms = m !== undefined ? pad2(m) : 'XX';
  return d === undefined ? `${ys}-${ms}` : `${ys}-${ms}-${pad2(d)}`;
}

function describe(m: number | undefined, d: number | undefined): string {
  if (m === undefined) return d !== undefined ? `day ${d}` : 'date';
  return d !== undefined ? `${MONTHS_EN[m - 1]} ${d}` : MONTHS_EN[m - 1];
}

/** First and last day of a (y, m[, d]) period, as day numbers. */
function periodDays(y: number, m: number, d?: number): [number, number] {
  if (d !== undefined) { const n = toDays({ y, m, d: Math.min(d, daysInMonth(y, m)) }); return [n, n]; }
  return [toDays({ y, m, d: 1 }), toDays({ y, m, d: daysInMonth(y, m) })];
}

/** The year for a month (and day) with no year, following the direction rules. */
function inferYear(m: number, d: number | undefined, dir: -1 | 0 | 1 | undefined, ctx: Ctx, lines: string[]): number | null {
  const ref = ctx.ref;
  if (!ref) return null;
  const r = toDays(ref);
  const what = describe(m, d);
  if (dir === -1) {
    let y = ref.y;
    if (periodDays(y, m, d)[0] >= r || (d === undefined && m === ref.m)) y--;
    lines.push(`year ${y} inferred from the reference date ${ctx.refText} and the word "past" (last ${what} before it)`);
    return y;
  }
  if (dir === 1) {
    let y = ref.y;
    if (periodDays(y, m, d)[1] <= r || (d === undefined && m === ref.m)) y++;
    lines.push(`year ${y} inferred from the reference date ${ctx.refText} and the word "next" (first ${what} after it)`);
    return y;
  }
  if (ctx.prefer === 'future') {
    const y = m >= ref.m ? ref.y : ref.y + 1;
    lines.push(`year ${y} inferred from the reference date ${ctx.refText} (next ${what}, future-oriented reading)`);
    return y;
  }
  let y = ref.y;
  const start = periodDays(y, m, d)[0];
  if (start > r + FUTURE_SLACK_DAYS) {
    y--;
    lines.push(`year ${y} inferred from the reference date ${ctx.refText} (nearest past ${what}; ${what} ${ref.y} would be more than ${FUTURE_SLACK_DAYS} days after it)`);
  } else if (start > r) {
    lines.push(`year ${y} inferred from the reference date ${ctx.refText} (${what} ${y} is within ${FUTURE_SLACK_DAYS} days after it: an upcoming date)`);
  } else {
    lines.push(`year ${y} inferred from the reference date ${ctx.refText} (nearest past ${what})`);
  }
  return y;
}

/** The century of a year written with two digits: the one that puts the year at most ten years
 *  after the reference date (or, without one, 2000–2049 and 1950–1999). */
function fullYear(yy: number, ctx: Ctx, lines: string[]): number {
  let y: number;
  if (ctx.ref) {
    y = Math.floor(ctx.ref.y / 100) * 100 + yy;
    if (y > ctx.ref.y + 10) y -= 100;
    lines.push(`two-digit year ${pad2(yy)} read as ${y} (within ten years after the reference date ${ctx.refText})`);
  } else {
    y = yy < 50 ? 2000 + yy : 1900 + yy;
    lines.push(`two-digit year ${pad2(yy)} read as ${y}`);
  }
  return y;
}

/**
 * The month of a day written without one ("في 14", "يوم الأربعاء 12", "السبت السادس عشر"): the
 * same day of the reference's month or of a month next to it, whichever is nearest the reference
 * (the next one in the future-oriented reading). A weekday written with the day picks, among
 * those, the ones that fall on it: the date is the value, the weekday only chooses and checks.
 */
function nearestDay(d: number, wd: number | undefined, ctx: Ctx, lines: string[]): { y: number; m: number } | null {
  const ref = ctx.ref!;
  const r = toDays(ref);
  let cands: { y: number; m: number; diff: number }[] = [];
  for (const off of [-1, 0, 1]) {
    const mm = addMonths({ y: ref.y, m: ref.m, d: 1 }, off);
    if (isValid(mm.y, mm.m, d)) cands.push({ y: mm.y, m: mm.m, diff: toDays({ y: mm.y, m: mm.m, d }) - r });
  }
  const onWeekday = wd === undefined ? [] : cands.filter((c) => isoWeekday({ y: c.y, m: c.m, d }) === wd);
  if (onWeekday.length) cands = onWeekday;
  if (ctx.prefer === 'future' && cands.some((c) => c.diff >= 0)) cands = cands.filter((c) => c.diff >= 0);
  const best = cands.sort((a, b) => Math.abs(a.diff) - Math.abs(b.diff) || a.diff - b.diff)[0];
  if (!best) return null;
  const when = best.diff === 0 ? 'the reference date itself' : `${Math.abs(best.diff)} day(s) ${best.diff < 0 ? 'before' : 'after'} the reference date ${ctx.refText}`;
  const why = onWeekday.length ? `the day ${d} nearest the reference that falls on a ${WEEKDAYS_EN[wd! - 1]}` : `the day ${d} nearest the reference${ctx.prefer === 'future' ? ' (on or after it, future-oriented reading)' : ''}`;
  lines.push(`month ${MONTHS_EN[best.m - 1]} ${best.y}: ${why}, ${when}`);
  return best;
}

export function resolveDate(sem: DateSem, ctx: Ctx): Resolution {
  if (sem.hijri) return resolveHijriDate(sem, ctx);
  if (sem.decade !== undefined) {
    const value = `${sem.decade}X`;
    return withMod({ value, kind: 'absolute', resolved: value, explanation: [`the decade ${sem.decade}0–${sem.decade}9`] }, sem.mod);
  }
  if (sem.part) {
    // Quarter/half of a year: TIMEX 2023-Q1, 2023-H2.
    const lines = [`${sem.part[0] === 'Q' ? 'quarter' : 'half'} ${sem.part[1]} of the year`];
    let y = sem.y ?? null;
    if (y === null && sem.yearRel !== undefined && ctx.ref) {
      y = ctx.ref.y + sem.yearRel;
      lines.push(`year ${y} from the reference date ${ctx.refText}`);
    }
    const value = `${sem.y ?? 'XXXX'}-${sem.part}`;
    return withMod({ value, kind: 'absolute', resolved: y !== null ? `${y}-${sem.part}` : null, explanation: lines }, sem.mod);
  }
  const lines: string[] = [];
  const fy = sem.y2 && sem.y !== undefined ? fullYear(sem.y, ctx, lines) : sem.y;
  const value = dateValue(fy, sem.m, sem.d);
  let y = fy ?? null;
  let m = sem.m ?? null;
  const d = sem.d;
  const ref = ctx.ref;
  if (m === null && sem.monthRel !== undefined) {
    if (ref) {
      const mm = addMonths({ y: ref.y, m: ref.m, d: 1 }, sem.monthRel);
      m = mm.m;
      if (y === null) y = mm.y;
      lines.push(`month ${MONTHS_EN[m - 1]} ${mm.y} from the reference date ${ctx.refText} (${sem.monthRel === 0 ? 'this month' : sem.monthRel < 0 ? 'last month' : 'next month'})`);
    }
  } else if (m === null && d !== undefined && ref) {
    const near = nearestDay(d, sem.wd, ctx, lines);
    if (near) { m = near.m; y = y ?? near.y; }
  }
  if (y === null && sem.yearRel !== undefined && ref) {
    y = ref.y + sem.yearRel;
    lines.push(`year ${y} from the reference date ${ctx.refText} (${sem.yearRel === 0 ? 'this year' : sem.yearRel < 0 ? 'last year' : 'next year'})`);
  }
  if (y === null && m !== null) y = inferYear(m, d, sem.dir, ctx, lines);
  let resolved: string | null = null;
  if (y !== null) {
    if (m === null) resolved = String(y).padStart(4, '0');
    else if (d === undefined) resolved = `${String(y).padStart(4, '0')}-${pad2(m)}`;
    else if (isValid(y, m, d)) resolved = iso({ y, m, d });
    else lines.push(`${y}-${pad2(m)}-${pad2(d)} does not exist`);
  }
  if (sem.y !== undefined) lines.unshift(`explicit date ${value}`);
  else if (sem.m === undefined && sem.monthRel === undefined && d !== undefined) lines.unshift(`day ${d} of a month not written`);
  else if (sem.m !== undefined) lines.unshift(`partial date ${value} (${describe(sem.m, sem.d)}, no year written)`);
  if (sem.wd !== undefined && resolved && resolved.length === 10) lines.push(weekdayCheck(sem.wd, parseIso(resolved)!, resolved));
  let v = value;
  if (sem.m === undefined && sem.monthRel !== undefined) v = dateValue(undefined, undefined, sem.d).replace(/^XXXX$/, 'XXXX-XX') ;
  if (sem.m === undefined && sem.d !== undefined) v = `${fy ?? 'XXXX'}-XX-${pad2(sem.d)}`;
  return withMod({ value: v, kind: 'absolute', resolved, explanation: lines }, sem.mod);
}
