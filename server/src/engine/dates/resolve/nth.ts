// The n-th (or last) weekday, week or day of a month, or the n-th weekday after a day (the day is
// resolved by the caller, resolve/index.ts, and passed in).
import { addDays, daysInMonth, iso, isoWeek, isoWeekday, parseIso, toDays, type YMD } from '../calendar';
import type { NthSem } from '../sem';
import { WEEKDAYS_EN, type Ctx, type Resolution } from './context';
import { resolveDate } from './date';

export function resolveNth(sem: NthSem, ctx: Ctx, after?: Resolution): Resolution {
  const ord = sem.n === -1 ? 'last' : ['first', 'second', 'third', 'fourth', 'fifth'][sem.n - 1];
  const thing = sem.what === 'weekday' ? WEEKDAYS_EN[(sem.wd ?? 1) - 1] : sem.what;
  if (after && sem.wd !== undefined) return nthAfter(sem.n, sem.wd, `${ord} ${thing}`, after);
  const month = resolveDate(sem.month, ctx);
  const lines = [`${ord} ${thing} of the month`, ...month.explanation];
  let resolved: string | null = null;
  const span = monthSpan(month.resolved);
  if (span) {
    const { first, last } = span;
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
      out = sem.n > 0 ? addDays(first, sem.n - 1) : last;
    }
    if (out && toDays(out) >= toDays(first) && toDays(out) <= toDays(last)) {
      resolved = sem.what === 'week' ? isoWeek(out) : iso(out);
      lines.push(`resolved: ${resolved}${sem.what === 'week' ? ` (week of Monday ${iso(out)})` : ''}`);
    }
  }
  const value = sem.month.y !== undefined && resolved ? resolved : month.value;
  return { value, kind: 'absolute', resolved, explanation: lines };
}

/** First and last day of a resolved month: a Gregorian "2024-05", or the Gregorian days of a Hijri
 *  month ("2024-03-11/2024-04-09"). */
function monthSpan(r: string | null): { first: YMD; last: YMD } | null {
  if (!r) return null;
  if (/^\d{4}-\d{2}$/.test(r)) {
    const y = +r.slice(0, 4), m = +r.slice(5, 7);
    return { first: { y, m, d: 1 }, last: { y, m, d: daysInMonth(y, m) } };
  }
  const [a, b] = r.split('/').map(parseIso);
  return a && b ? { first: a, last: b } : null;
}

/** The n-th given weekday after a day ("ثالث ثلاثاء بعد كريسماس 2014"), counted from the day
 *  after it. */
function nthAfter(n: number, wd: number, what: string, after: Resolution): Resolution {
  const lines = [`${what} after the day: ${after.value}`, ...after.explanation];
  const r = after.resolved && /^\d{4}-\d{2}-\d{2}$/.test(after.resolved) ? after.resolved : null;
  let resolved: string | null = null;
  if (r) {
    const day = { y: +r.slice(0, 4), m: +r.slice(5, 7), d: +r.slice(8, 10) };
    const first = addDays(day, ((wd - isoWeekday(day) + 7) % 7) || 7);
    resolved = iso(addDays(first, 7 * (n - 1)));
    lines.push(`resolved: ${resolved}`);
  }
  const value = resolved && /^\d{4}-\d{2}-\d{2}$/.test(after.value) ? resolved : `XXXX-WXX-${wd}`;
  return { value, kind: 'absolute', resolved, explanation: lines };
}
