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
import type { DateKind } from '../model';
import { addDays, addMonths, daysInMonth, fromDays, gregorianToHijri, hijriToGregorian, iso, isoWeek, isoWeekday, isValid, mondayOf, pad2, toDays, westernEaster, type YMD } from './calendar';
import type { DateSem, DayPartSem, HolidaySem, Mod, NthSem, RangeSem, RelSem, Sem, TimeSem, WeekdaySem } from './sem';

export type Prefer = 'past' | 'future';

export interface Resolution {
  value: string;
  kind: DateKind;
  mod?: Mod;
  resolved: string | null;
  explanation: string[];
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const HIJRI_EN = ['Muharram', 'Safar', 'Rabi I', 'Rabi II', 'Jumada I', 'Jumada II', 'Rajab', "Sha'ban", 'Ramadan', 'Shawwal', "Dhu al-Qi'dah", 'Dhu al-Hijjah'];
const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const UNIT_EN: Record<string, string> = { D: 'day', W: 'week', M: 'month', Y: 'year' };

/** Days a partial date may lie after the reference and still be read in the reference's year. */
const FUTURE_SLACK_DAYS = 31;

interface Ctx {
  ref: YMD | null;
  prefer: Prefer;
  refText: string;
}

export function resolveSem(sem: Sem, ref: YMD | null, prefer: Prefer = 'past'): Resolution {
  const ctx: Ctx = { ref, prefer, refText: ref ? iso(ref) : '' };
  switch (sem.t) {
    case 'date': return resolveDate(sem, ctx);
    case 'weekday': return resolveWeekday(sem, ctx);
    case 'rel': return resolveRel(sem, ctx);
    case 'range': return resolveRange(sem, ctx);
    case 'holiday': return resolveHoliday(sem, ctx);
    case 'nth': return resolveNth(sem, ctx);
    case 'time': return resolveTime(sem, ctx);
    case 'daypart': return resolveDayPart(sem, ctx);
  }
}

const PART_EN = { MO: 'morning', MI: 'midday', AF: 'afternoon', EV: 'evening', NI: 'night' } as const;

/** A part of a day is written after the day's value, as in TIMEX ("XXXX-WXX-4TEV"). */
function resolveDayPart(sem: DayPartSem, ctx: Ctx): Resolution {
  const d = resolveSem(sem.day, ctx.ref, ctx.prefer);
  const resolved = d.resolved && /^\d{4}-\d{2}-\d{2}$/.test(d.resolved) ? `${d.resolved}T${sem.part}` : null;
  return { value: `${d.value}T${sem.part}`, kind: d.kind, resolved, explanation: [...d.explanation, `part of the day: ${PART_EN[sem.part]} ("${sem.words}")`] };
}

// ---- clock times -----------------------------------------------------------------------------

/**
 * A clock time is written after its day's value as in TIMEX ("2024-05-08T15:00",
 * "XXXX-WXX-4T20:00", "XXXX-XX-XXT03:00" with no day). It resolves only with a resolvable day;
 * a time with no day written is not placed on the reference date in news mode (the day it
 * belongs to is usually stated elsewhere in the sentence), but is in the future-oriented mode.
 */
function resolveTime(sem: TimeSem, ctx: Ctx): Resolution {
  const clock = (t: { h: number; min: number; sec?: number }) => `${pad2(t.h)}:${pad2(t.min)}${t.sec !== undefined ? `:${pad2(t.sec)}` : ''}`;
  const hhmm = clock(sem);
  const lines = [
    sem.period ? `clock time ${hhmm}: "${sem.period}" places the hour`
      : sem.halfKnown ? `clock time ${hhmm} (24-hour clock)`
        : `clock time ${hhmm} as written: the text does not say a.m. or p.m.`,
  ];
  if (sem.until) lines.push(`until ${clock(sem.until)}`);
  if (sem.zone) lines.push(`time zone as written: ${sem.zone} (the time is not converted)`);
  // "dayT15:00" or, for a range, "dayT15:00/dayT16:00".
  const at = (day: string) => `${day}T${hhmm}${sem.until ? `/${day}T${clock(sem.until)}` : ''}`;
  if (sem.day) {
    const d = resolveSem(sem.day, ctx.ref, ctx.prefer);
    const resolved = d.resolved && /^\d{4}-\d{2}-\d{2}$/.test(d.resolved) ? at(d.resolved) : null;
    return { value: at(d.value), kind: d.kind, resolved, explanation: [...d.explanation, ...lines] };
  }
  let resolved: string | null = null;
  if (ctx.ref && ctx.prefer === 'future') {
    resolved = at(ctx.refText);
    lines.push(`no day written: taken to be the reference date ${ctx.refText}`);
  } else lines.push('no day written: not placed on a date');
  return { value: at('XXXX-XX-XX'), kind: 'time', resolved, explanation: lines };
}

function withMod<T extends Resolution>(r: T, mod: Mod | undefined): T {
  if (mod) {
    r.mod = mod;
    r.explanation.push(`part of the period: ${mod === 'START' ? 'beginning' : mod === 'MID' ? 'middle' : 'end'} (mod ${mod})`);
  }
  return r;
}

// ---- dates -----------------------------------------------------------------------------------

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

function resolveDate(sem: DateSem, ctx: Ctx): Resolution {
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
  const value = dateValue(sem.y, sem.m, sem.d);
  let y = sem.y ?? null;
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
    // A day of month alone ("السبت السادس عشر"): the nearest month that has it.
    let mm = { y: ref.y, m: ref.m, d: 1 };
    if (ctx.prefer === 'future' ? d < ref.d : d > ref.d) mm = addMonths(mm, ctx.prefer === 'future' ? 1 : -1);
    m = mm.m; y = y ?? mm.y;
    lines.push(`month ${MONTHS_EN[m - 1]} ${mm.y} inferred from the reference date ${ctx.refText} (nearest ${ctx.prefer} day ${d})`);
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
  else if (sem.m !== undefined) lines.unshift(`partial date ${value} (${describe(sem.m, sem.d)}, no year written)`);
  if (sem.wd !== undefined && resolved && resolved.length === 10) {
    const w = isoWeekday(fromDays(toDays({ y: +resolved.slice(0, 4), m: +resolved.slice(5, 7), d: +resolved.slice(8, 10) })));
    lines.push(w === sem.wd ? `weekday ${WEEKDAYS_EN[sem.wd - 1]} agrees with ${resolved}` : `note: ${resolved} is a ${WEEKDAYS_EN[w - 1]}, the text says ${WEEKDAYS_EN[sem.wd - 1]}`);
  }
  let v = value;
  if (sem.m === undefined && sem.monthRel !== undefined) v = dateValue(undefined, undefined, sem.d).replace(/^XXXX$/, 'XXXX-XX') ;
  if (sem.m === undefined && sem.d !== undefined) v = `${sem.y ?? 'XXXX'}-XX-${pad2(sem.d)}`;
  return withMod({ value: v, kind: 'absolute', resolved, explanation: lines }, sem.mod);
}

function resolveHijriDate(sem: DateSem, ctx: Ctx): Resolution {
  const lines: string[] = [];
  const hm = sem.m, hd = sem.d;
  const desc = `${hd !== undefined ? hd + ' ' : ''}${hm !== undefined ? HIJRI_EN[hm - 1] : ''}${sem.y !== undefined ? ' ' + sem.y : ''} AH`.trim();
  lines.push(`Hijri date ${desc}`);
  let hy = sem.y ?? null;
  let gregYear = false;
  if (hy !== null && hy >= 1600 && hm !== undefined) {
    // "رمضان 2019": a Hijri month with a Gregorian year — the one that falls in that year.
    const gy = hy;
    const h0 = gregorianToHijri({ y: gy, m: 1, d: 1 }).y;
    hy = [h0, h0 + 1].find((c) => hijriToGregorian({ y: c, m: hm, d: hd ?? 1 })?.y === gy) ?? null;
    gregYear = true;
    if (hy !== null) lines.push(`the year ${gy} is Gregorian: ${HIJRI_EN[hm - 1]} of that year is in Hijri year ${hy}`);
  }
  if (hy === null && !gregYear && ctx.ref && hm !== undefined) {
    const refH = gregorianToHijri(ctx.ref);
    const cands = [refH.y - 1, refH.y, refH.y + 1];
    const r = toDays(ctx.ref);
    let best: number | null = null, bestScore = Infinity;
    for (const c of cands) {
      const g = hijriToGregorian({ y: c, m: hm, d: hd ?? 1 });
      if (!g) continue;
      const diff = toDays(g) - r;
      const score = sem.dir === -1 ? (diff < 0 ? -diff : Infinity)
        : sem.dir === 1 ? (diff > 0 ? diff : Infinity)
        : ctx.prefer === 'future' ? (diff >= 0 ? diff : Infinity) : diff > FUTURE_SLACK_DAYS ? Infinity : Math.abs(diff);
      if (score < bestScore) { bestScore = score; best = c; }
    }
    hy = best;
    const how = sem.dir === -1 ? 'last one before it ("past")' : sem.dir === 1 ? 'first one after it ("next")' : `nearest ${ctx.prefer === 'future' ? 'next' : 'past'} occurrence`;
    if (hy !== null) lines.push(`Hijri year ${hy} inferred from the reference date ${ctx.refText} (${how})`);
  }
  let value = `H${sem.y ?? 'XXXX'}${hm !== undefined ? '-' + pad2(hm) : ''}${hd !== undefined ? '-' + pad2(hd) : ''}`;
  let resolved: string | null = null;
  if (hy !== null && hm !== undefined) {
    const start = hijriToGregorian({ y: hy, m: hm, d: hd ?? 1 });
    if (start) {
      if (hd !== undefined) {
        resolved = iso(start);
        lines.push(`converted with the Umm al-Qura calendar (ICU): ${resolved}`);
      } else {
        const next = hijriToGregorian({ y: hm === 12 ? hy + 1 : hy, m: hm === 12 ? 1 : hm + 1, d: 1 });
        resolved = next ? `${iso(start)}/${iso(addDays(next, -1))}` : iso(start);
        lines.push(`Hijri month ${HIJRI_EN[hm - 1]} ${hy} spans ${resolved} (Umm al-Qura calendar, ICU)`);
      }
      if (sem.y !== undefined && (hd !== undefined || gregYear)) value = resolved;
    }
  } else if (hy !== null && hm === undefined) {
    const a = hijriToGregorian({ y: hy, m: 1, d: 1 }), b = hijriToGregorian({ y: hy + 1, m: 1, d: 1 });
    if (a && b) { resolved = `${iso(a)}/${iso(addDays(b, -1))}`; lines.push(`Hijri year ${hy} spans ${resolved}`); }
  }
  return withMod({ value, kind: 'hijri', resolved, explanation: lines }, sem.mod);
}

// ---- weekdays --------------------------------------------------------------------------------

function resolveWeekday(sem: WeekdaySem, ctx: Ctx): Resolution {
  const value = `XXXX-WXX-${sem.wd}`;
  const lines = [`weekday ${WEEKDAYS_EN[sem.wd - 1]} (ISO ${sem.wd})`];
  let resolved: string | null = null;
  const ref = ctx.ref;
  if (ref) {
    const rw = isoWeekday(ref);
    let date: YMD;
    if (sem.weekOff !== undefined) {
      date = addDays(mondayOf(ref), 7 * sem.weekOff + sem.wd - 1);
      lines.push(`${WEEKDAYS_EN[sem.wd - 1]} of the ${sem.weekOff === 0 ? 'current' : sem.weekOff < 0 ? 'previous' : 'next'} week of the reference date ${ctx.refText}`);
    } else if (sem.dir === -1 || (sem.dir === undefined && ctx.prefer === 'past') || (sem.dir === 0 && ctx.prefer === 'past')) {
      let back = (rw - sem.wd + 7) % 7;
      if (sem.dir === -1 && back === 0) back = 7;
      date = addDays(ref, -back);
      lines.push(`${back === 0 ? 'the reference date itself' : `the ${WEEKDAYS_EN[sem.wd - 1]} ${back} day(s) before the reference date`} ${ctx.refText}${sem.dir === -1 ? ' ("past")' : ' (news report the past: nearest on or before)'}`);
    } else {
      let fwd = (sem.wd - rw + 7) % 7;
      if (fwd === 0) fwd = 7;
      date = addDays(ref, fwd);
      lines.push(`the ${WEEKDAYS_EN[sem.wd - 1]} ${fwd} day(s) after the reference date ${ctx.refText}${sem.dir === 1 ? ' ("next")' : ' (future-oriented reading)'}`);
    }
    resolved = iso(date);
  }
  return withMod({ value, kind: 'weekday', resolved, explanation: lines }, sem.mod);
}

// ---- relative --------------------------------------------------------------------------------

function shift(ref: YMD, unit: string, n: number): YMD {
  switch (unit) {
    case 'D': return addDays(ref, n);
    case 'W': return addDays(ref, 7 * n);
    case 'M': return addMonths(ref, n);
    default: return addMonths(ref, 12 * n);
  }
}

function periodLabel(x: YMD, unit: string): string {
  switch (unit) {
    case 'D': return iso(x);
    case 'W': return isoWeek(x);
    case 'M': return `${String(x.y).padStart(4, '0')}-${pad2(x.m)}`;
    default: return String(x.y).padStart(4, '0');
  }
}

function startOfPeriod(x: YMD, unit: string): YMD {
  switch (unit) {
    case 'D': return x;
    case 'W': return mondayOf(x);
    case 'M': return { y: x.y, m: x.m, d: 1 };
    default: return { y: x.y, m: 1, d: 1 };
  }
}

function resolveRel(sem: RelSem, ctx: Ctx): Resolution {
  const n = sem.n;
  const sign = sem.sign < 0 ? '-' : '+';
  if (sem.unit === 'H') {
    // Hours move the clock, and the reference is a date without one: the day is not certain.
    const what = sem.anchor === 'window' ? `the ${n ?? 'last few'} hours ${sem.sign < 0 ? 'before' : 'after'} the reference` : `${n ?? 'some'} hour(s) ${sem.sign < 0 ? 'before' : 'after'} the reference`;
    return withMod({ value: `REF${sign}PT${n === null ? 'X' : n}H`, kind: 'relative', resolved: null, explanation: [what, 'not placed on a date: the reference has no time of day'] }, sem.mod);
  }
  const value = `REF${sign}P${n === null ? 'X' : n}${sem.unit}`;
  const lines: string[] = [];
  const unitEn = UNIT_EN[sem.unit];
  let resolved: string | null = null;
  const ref = ctx.ref;
  if (sem.anchor === 'period') {
    lines.push(n === 0 ? `the current ${unitEn}` : `${n} ${unitEn}(s) ${sem.sign < 0 ? 'before' : 'after'} the current one`);
    if (ref && n !== null) {
      const target = shift(ref, sem.unit, sem.sign * n);
      resolved = periodLabel(target, sem.unit);
      lines.push(`resolved from the reference date ${ctx.refText}: ${resolved}`);
      if (sem.wd !== undefined && sem.unit === 'D') {
        const w = isoWeekday(target);
        lines.push(w === sem.wd ? `weekday ${WEEKDAYS_EN[sem.wd - 1]} agrees with ${resolved}` : `note: ${resolved} is a ${WEEKDAYS_EN[w - 1]}, the text says ${WEEKDAYS_EN[sem.wd - 1]} (check the reference date)`);
      }
    }
  } else if (sem.anchor === 'ago') {
    lines.push(n === null ? `some ${unitEn}s ${sem.sign < 0 ? 'ago' : 'later'} (count not given)` : `${n} ${unitEn}(s) ${sem.sign < 0 ? 'before' : 'after'} the reference date`);
    if (ref && n !== null) {
      resolved = iso(shift(ref, sem.unit, sem.sign * n));
      lines.push(`resolved from the reference date ${ctx.refText}: ${resolved}`);
    } else if (ref) lines.push('no single date: the count is not given');
  } else {
    lines.push(`the ${n === null ? 'last few' : n} ${unitEn}s ${sem.sign < 0 ? 'before' : 'after'} the reference date`);
    if (ref && n !== null) {
      const cur = startOfPeriod(ref, sem.unit);
      const a = sem.sign > 0 ? shift(cur, sem.unit, 1) : shift(cur, sem.unit, -n);
      const b = sem.sign > 0 ? addDays(shift(cur, sem.unit, n + 1), -1) : addDays(cur, -1);
      resolved = `${iso(a)}/${iso(b)}`;
      lines.push(`resolved from the reference date ${ctx.refText}: ${resolved}`);
    }
  }
  return withMod({ value, kind: 'relative', resolved, explanation: lines }, sem.mod);
}

// ---- ranges ----------------------------------------------------------------------------------

function resolveRange(sem: RangeSem, ctx: Ctx): Resolution {
  const to = resolveDate(sem.to, ctx);
  // The start takes the end's year when it has none ("13 الى 15 تموز").
  const from = { ...sem.from };
  const toYear = to.resolved ? +to.resolved.slice(0, 4) : undefined;
  if (from.y === undefined && from.yearRel === undefined && toYear !== undefined && !sem.from.hijri) {
    from.y = toYear;
    // A start month after the end month belongs to the previous year (ديسمبر إلى فبراير).
    if (from.m !== undefined && sem.to.m !== undefined && from.m > sem.to.m) from.y = toYear - 1;
  }
  const fr = resolveDate(from, ctx);
  const fromValue = resolveDate(sem.from, { ...ctx, ref: null }).value;
  return {
    value: `${fromValue}/${to.value}`,
    kind: 'range',
    resolved: fr.resolved && to.resolved ? `${fr.resolved}/${to.resolved}` : null,
    explanation: ['range', ...fr.explanation.map((l) => `from: ${l}`), ...to.explanation.map((l) => `to: ${l}`)],
  };
}

// ---- holidays --------------------------------------------------------------------------------

function holidayInGregorianYear(sem: HolidaySem, y: number): { start: YMD; end: YMD } | null {
  if (sem.greg) { const d = { y, m: sem.greg.m, d: sem.greg.d }; return { start: d, end: d }; }
  if (sem.easter) { const d = westernEaster(y); return { start: d, end: d }; }
  if (sem.hijri) {
    const hy0 = gregorianToHijri({ y, m: 1, d: 1 }).y;
    for (const hy of [hy0, hy0 + 1]) {
      const s = hijriToGregorian({ y: hy, m: sem.hijri.m, d: sem.hijri.d ?? 1 });
      if (s && s.y === y) {
        if (sem.hijri.d !== undefined) return { start: s, end: s };
        const nx = hijriToGregorian({ y: sem.hijri.m === 12 ? hy + 1 : hy, m: sem.hijri.m === 12 ? 1 : sem.hijri.m + 1, d: 1 });
        return { start: s, end: nx ? addDays(nx, -1) : s };
      }
    }
  }
  return null;
}

function resolveHoliday(sem: HolidaySem, ctx: Ctx): Resolution {
  const lines = [`holiday ${sem.name}${sem.hijri ? ` (${sem.hijri.d ? sem.hijri.d + ' ' : ''}${HIJRI_EN[sem.hijri.m - 1]})` : ''}`];
  let occ: { start: YMD; end: YMD } | null = null;
  if (sem.y !== undefined) {
    if (sem.yearIsHijri && sem.hijri) {
      const s = hijriToGregorian({ y: sem.y, m: sem.hijri.m, d: sem.hijri.d ?? 1 });
      if (s) occ = { start: s, end: s };
    } else occ = holidayInGregorianYear(sem, sem.y);
    if (occ) lines.push(`in the year ${sem.y}`);
  } else if (ctx.ref) {
    const r = toDays(ctx.ref);
    let best: { start: YMD; end: YMD } | null = null, bestScore = Infinity;
    for (const y of [ctx.ref.y - 1, ctx.ref.y, ctx.ref.y + 1]) {
      const o = holidayInGregorianYear(sem, y);
      if (!o) continue;
      const diff = toDays(o.start) - r;
      const score = ctx.prefer === 'future' ? (toDays(o.end) >= r ? Math.max(diff, 0) : Infinity) : diff > FUTURE_SLACK_DAYS ? Infinity : Math.abs(diff);
      if (score < bestScore) { bestScore = score; best = o; }
    }
    occ = best;
    if (occ) lines.push(`occurrence ${iso(occ.start)} chosen from the reference date ${ctx.refText} (nearest ${ctx.prefer === 'future' ? 'coming' : 'past'} one)`);
  }
  let resolved: string | null = null;
  if (occ) {
    resolved = toDays(occ.start) === toDays(occ.end) ? iso(occ.start) : `${iso(occ.start)}/${iso(occ.end)}`;
    if (sem.hijri) lines.push('Hijri dates converted with the Umm al-Qura calendar (ICU)');
  }
  let value: string;
  if (sem.y !== undefined && resolved) value = resolved;
  else if (sem.greg) value = `XXXX-${pad2(sem.greg.m)}-${pad2(sem.greg.d)}`;
  else if (sem.hijri) value = `HXXXX-${pad2(sem.hijri.m)}${sem.hijri.d ? '-' + pad2(sem.hijri.d) : ''}`;
  else value = 'XXXX-XX-XX';
  return withMod({ value, kind: sem.hijri ? 'hijri' : 'absolute', resolved, explanation: lines }, sem.mod);
}

// ---- n-th of a month -------------------------------------------------------------------------

function resolveNth(sem: NthSem, ctx: Ctx): Resolution {
  const month = resolveDate(sem.month, ctx);
  const ord = sem.n === -1 ? 'last' : ['first', 'second', 'third', 'fourth', 'fifth'][sem.n - 1];
  const thing = sem.what === 'weekday' ? WEEKDAYS_EN[(sem.wd ?? 1) - 1] : sem.what;
  const lines = [`${ord} ${thing} of the month`, ...month.explanation];
  let resolved: string | null = null;
  const r = month.resolved;
  if (r && /^\d{4}-\d{2}$/.test(r)) {
    const y = +r.slice(0, 4), m = +r.slice(5, 7);
    const first = { y, m, d: 1 }, last = { y, m, d: daysInMonth(y, m) };
    let out: YMD | null = null;
    if (sem.what === 'weekday' && sem.wd) {
      if (sem.n > 0) out = addDays(first, ((sem.wd - isoWeekday(first) + 7) % 7) + 7 * (sem.n - 1));
      else out = addDays(last, -((isoWeekday(last) - sem.wd + 7) % 7));
    } else if (sem.what === 'week') {
      // Whole weeks (Monday–Sunday) inside the month.
      const firstMonday = addDays(first, (1 - isoWeekday(first) + 7) % 7);
      const lastSunday = addDays(last, -((isoWeekday(last) - 7 + 7) % 7));
      out = sem.n > 0 ? addDays(firstMonday, 7 * (sem.n - 1)) : addDays(lastSunday, -6);
    } else {
      out = sem.n > 0 ? { y, m, d: sem.n } : last;
    }
    if (out && out.m === m) {
      resolved = sem.what === 'week' ? isoWeek(out) : iso(out);
      lines.push(`resolved: ${resolved}${sem.what === 'week' ? ` (week of Monday ${iso(out)})` : ''}`);
    }
  }
  const value = sem.month.y !== undefined && resolved ? resolved : month.value;
  return { value, kind: 'absolute', resolved, explanation: lines };
}

/** Parse a reference date given as YYYY-MM-DD (extra time part ignored). */
export function parseReference(s: string | null): YMD | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim());
  if (!m) return null;
  const r = { y: +m[1], m: +m[2], d: +m[3] };
  return isValid(r.y, r.m, r.d) ? r : null;
}
