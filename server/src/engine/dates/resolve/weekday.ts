// Weekdays: the nearest one on or before the reference in news, the next one in the
// future-oriented reading, or the one of a given week.
import { addDays, iso, isoWeekday, mondayOf, type YMD } from '../calendar';
import type { WeekdaySem } from '../sem';
import { WEEKDAYS_EN, withMod, type Ctx, type Resolution } from './context';

export function resolveWeekday(sem: WeekdaySem, ctx: Ctx): Resolution {
  const value = `XXXX-WXX-${sem.wd}`;
  const lines = [`weekday ${WEEKDAYS_EN[sem.wd - 1]} (ISO ${sem.wd})`];
  let resolved: string | null = null;
  const ref = ctx.ref;
  if (ref) {
    const rw = isoWeekday(ref);
    let date: YMD;
    const name = WEEKDAYS_EN[sem.wd - 1];
    const steps = sem.steps ?? 1;
    if (sem.weekOff !== undefined) {
      date = addDays(mondayOf(ref), 7 * sem.weekOff + sem.wd - 1);
      const week = sem.weekOff === 0 ? 'the current week' : sem.weekOff === -1 ? 'the previous week' : sem.weekOff === 1 ? 'the next week' : `the week ${Math.abs(sem.weekOff)} weeks ${sem.weekOff < 0 ? 'before' : 'after'} the current one`;
      lines.push(`${name} of ${week} of the reference date ${ctx.refText} (weeks run Monday to Sunday, ISO 8601)`);
    } else if (sem.dir === -1 || (sem.dir === undefined && ctx.prefer === 'past') || (sem.dir === 0 && ctx.prefer === 'past')) {
      let back = (rw - sem.wd + 7) % 7;
      if (sem.dir === -1 && back === 0) back = 7;
      if (sem.dir === -1) back += 7 * (steps - 1);
      date = addDays(ref, -back);
      lines.push(`${back === 0 ? 'the reference date itself' : `the ${name} ${back} day(s) before the reference date`} ${ctx.refText}${sem.dir === -1 ? ' ("past")' : ' (news report the past: nearest on or before)'}`);
      if (sem.dir === -1) lines.push(`convention: "${name} past" is the last ${name} before the reference date${steps > 1 ? `; "before the past" one is the ${name} a week before that` : ''}`);
    } else {
      let fwd = (sem.wd - rw + 7) % 7;
      if (fwd === 0) fwd = 7;
      if (sem.dir === 1) fwd += 7 * (steps - 1);
      date = addDays(ref, fwd);
      lines.push(`the ${name} ${fwd} day(s) after the reference date ${ctx.refText}${sem.dir === 1 ? ' ("next")' : ' (future-oriented reading)'}`);
      if (sem.dir === 1) lines.push(`convention: "next ${name}" (القادم/المقبل) is the first ${name} after the reference date, within 7 days even when it falls in the same week (a week later when the reference is itself a ${name})${steps > 1 ? `; "after next" is one week after that` : ''}; the ${name} of next week is written "${name} of the next week" (من الأسبوع المقبل)`);
    }
    resolved = iso(date);
  }
  return withMod({ value, kind: 'weekday', resolved, explanation: lines }, sem.mod);
}
