// Relative periods and offsets: REF±P{n}{unit}, resolved by calendar arithmetic on the reference.
import { addDays, addMonths, iso, isoWeek, mondayOf, pad2, type YMD } from '../calendar';
import type { RelSem } from '../sem';
import { UNIT_EN, weekdayCheck, withMod, type Ctx, type Resolution } from './context';

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

/** "بضعة", "عدة", a bare plural ("قبل أيام"): a few, taken as three for an approximate date. */
const VAGUE_COUNT = 3;

/** An ISO 8601 duration body from the largest unit down: P2M10D; weeks become days beside
 *  other units (P1M7D), since ISO 8601 writes weeks alone. */
function durationText(parts: { unit: string; n: number }[]): string {
  const mixed = parts.length > 1;
  const total: Record<string, number> = {};
  for (const p of parts) {
    const [u, k] = mixed && p.unit === 'W' ? ['D', 7] : [p.unit, 1];
    total[u] = (total[u] ?? 0) + p.n * k;
  }
  return ['Y', 'M', 'W', 'D'].filter((u) => total[u]).map((u) => `${total[u]}${u}`).join('');
}

export function resolveRel(sem: RelSem, ctx: Ctx): Resolution {
  const n = sem.n;
  const sign = sem.sign < 0 ? '-' : '+';
  if (sem.unit === 'H') {
    // Hours move the clock, and the reference is a date without one: the day is not certain.
    const what = sem.anchor === 'window' ? `the ${n ?? 'last few'} hours ${sem.sign < 0 ? 'before' : 'after'} the reference` : `${n ?? 'some'} hour(s) ${sem.sign < 0 ? 'before' : 'after'} the reference`;
    return withMod({ value: `REF${sign}PT${n === null ? 'X' : n}H`, kind: 'relative', resolved: null, explanation: [what, 'not placed on a date: the reference has no time of day'] }, sem.mod);
  }
  let value = `REF${sign}P${n === null ? 'X' : n}${sem.unit}`;
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
        lines.push(weekdayCheck(sem.wd, target, resolved, ' (check the reference date)'));
      }
    }
  } else if (sem.anchor === 'ago') {
    const parts = [{ unit: sem.unit, n: n ?? VAGUE_COUNT }, ...(sem.more ?? [])];
    const said = parts.map((p) => `${p.n} ${UNIT_EN[p.unit]}(s)`).join(' and ');
    if (n === null) lines.push(`some ${unitEn}s ${sem.sign < 0 ? 'ago' : 'later'}: the count is not given, read as about ${VAGUE_COUNT} (approximate)`);
    else lines.push(`${said} ${sem.sign < 0 ? 'before' : 'after'} the reference date${sem.approx ? ` — approximate ("${sem.approx}")` : ''}`);
    if (ref) {
      let x = ref;
      for (const p of parts) x = shift(x, p.unit, sem.sign * p.n);
      resolved = iso(x);
      lines.push(`resolved from the reference date ${ctx.refText}: ${n === null || sem.approx ? 'about ' : ''}${resolved}`);
    }
    if (sem.more) value = `REF${sign}P${durationText(parts)}`;
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
