// Relative periods and offsets: REF±P{n}{unit}, resolved by calendar arithmetic on the reference.
import { addDays, addMonths, iso, isoWeek, isoWeekday, mondayOf, pad2, type YMD } from '../calendar';
import type { RelSem } from '../sem';
import { UNIT_EN, WEEKDAYS_EN, withMod, type Ctx, type Resolution } from './context';

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

export function resolveRel(sem: RelSem, ctx: Ctx): Resolution {
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
