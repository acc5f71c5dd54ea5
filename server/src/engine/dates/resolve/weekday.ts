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
