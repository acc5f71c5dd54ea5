// The n-th (or last) weekday, week or day of a month.
import { addDays, daysInMonth, iso, isoWeek, isoWeekday, type YMD } from '../calendar';
import type { NthSem } from '../sem';
import { WEEKDAYS_EN, type Ctx, type Resolution } from './context';
import { resolveDate } from './date';

export function resolveNth(sem: NthSem, ctx: Ctx): Resolution {
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
