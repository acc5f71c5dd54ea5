// Clock times and parts of the day, written after their day's value as in TIMEX. The day is
// resolved by the caller (resolve/index.ts) and passed in.
import { pad2 } from '../calendar';
import type { DayPartSem, TimeSem } from '../sem';
import type { Ctx, Resolution } from './context';

const PART_EN = { MO: 'morning', MI: 'midday', AF: 'afternoon', EV: 'evening', NI: 'night' } as const;

/** A part of a day is written after the day's value, as in TIMEX ("XXXX-WXX-4TEV"). */
export function resolveDayPart(sem: DayPartSem, d: Resolution): Resolution {
  const resolved = d.resolved && /^\d{4}-\d{2}-\d{2}$/.test(d.resolved) ? `${d.resolved}T${sem.part}` : null;
  return { value: `${d.value}T${sem.part}`, kind: d.kind, resolved, explanation: [...d.explanation, `part of the day: ${PART_EN[sem.part]} ("${sem.words}")`] };
}

/**
 * A clock time is written after its day's value as in TIMEX ("2024-05-08T15:00",
 * "XXXX-WXX-4T20:00", "XXXX-XX-XXT03:00" with no day). It resolves only with a resolvable day;
 * a time with no day written is not placed on the reference date in news mode (the day it
 * belongs to is usually stated elsewhere in the sentence), but is in the future-oriented mode.
 */
export function resolveTime(sem: TimeSem, ctx: Ctx, day: Resolution | undefined): Resolution {
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
  const at = (date: string) => `${date}T${hhmm}${sem.until ? `/${date}T${clock(sem.until)}` : ''}`;
  if (day) {
    const resolved = day.resolved && /^\d{4}-\d{2}-\d{2}$/.test(day.resolved) ? at(day.resolved) : null;
    return { value: at(day.value), kind: day.kind, resolved, explanation: [...day.explanation, ...lines] };
  }
  let resolved: string | null = null;
  if (ctx.ref && ctx.prefer === 'future') {
    resolved = at(ctx.refText);
    lines.push(`no day written: taken to be the reference date ${ctx.refText}`);
  } else lines.push('no day written: not placed on a date');
  return { value: at('XXXX-XX-XX'), kind: 'time', resolved, explanation: lines };
}
