// How two dates / two quantities of different articles relate. The dates and quantities modules
// own the comparison; these adapters give cross-checking one stable signature.
import type { DateMention, Quantity } from '../model';

export type DateVerdict = 'same' | 'compatible' | 'different' | 'unknown';
export type QuantityVerdict = 'compatible' | 'different' | 'unrelated';

export interface Comparators {
  dates(a: DateMention, b: DateMention): { verdict: DateVerdict; reason?: string };
  quantities(a: Quantity, b: Quantity): { verdict: QuantityVerdict; reason?: string };
}

interface Parts { y?: string; m?: string; d?: string }

function parts(v: string): Parts | null {
  // A clock time or a part of the day after the date ("2024-05-08T15:00", "XXXX-05-08TEV") does
  // not change which day it is; two reports rarely agree on the minute.
  const m = /^(\d{4}|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?$/.exec(v.split('T')[0]);
  if (!m) return null;
  const f = (x?: string) => (x && !/X/.test(x) ? x : undefined);
  return { y: f(m[1]), m: f(m[2]), d: f(m[3]) };
}

/**
 * Component-wise comparison of two dates. What the text states (the TIMEX value: "8 مايو" states
 * month and day) is compared first: a clash there is a different date. Components known only by
 * resolution against a reference date (the year of "8 مايو", the day of "الثلاثاء") can show that
 * two dates agree, but a clash on them says little: article reference dates are often wrong (a
 * photo caption's date taken for the dateline), so it leaves the verdict unknown.
 */
export function compareDateValues(a: DateMention, b: DateMention): { verdict: DateVerdict; reason?: string } {
  const sa = parts(a.value), sb = parts(b.value);
  const ra = a.resolved ? parts(a.resolved) : null, rb = b.resolved ? parts(b.resolved) : null;
  if (!sa && !sb && !ra && !rb) return { verdict: a.value === b.value ? 'same' : 'unknown' };
  let stated = 0, inferred = 0, inferredClash = false, sameShape = true, sameGrain = true, finest = '';
  for (const k of ['y', 'm', 'd'] as const) {
    const xa = sa?.[k], xb = sb?.[k];
    if (xa && xb) {
      if (xa !== xb) return { verdict: 'different' };
      stated++;
      continue;
    }
    if (!!xa !== !!xb) sameShape = false;
    const ya = xa ?? ra?.[k], yb = xb ?? rb?.[k];
    if (!!ya !== !!yb) sameGrain = false;
    if (ya && yb) { if (ya === yb) { inferred++; finest = k; } else inferredClash = true; }
  }
  // Two dates known only by resolution that share no more than their year agree only at the same
  // grain: "أمس" falls within "هذا العام", which says nothing about whether the two tell of one
  // event ("1 August" within "early next month" does).
  if (stated === 0) return { verdict: inferred > 0 && !inferredClash && (sameGrain || finest !== 'y') ? 'compatible' : 'unknown' };
  return { verdict: sameShape && !inferred ? 'same' : 'compatible' };
}

/** Day number of a full y-m-d (days since 1970-01-01), so that gaps across month ends count right. */
function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}

/**
 * How many days apart two dates are, when both state a month and a day (with the year taken as
 * the same when one side leaves it out); null when that cannot be told. Reports of one event that
 * disagree on its date are a day or a few apart; a month or more apart is another event (the
 * talks of January and those of May).
 */
export function dayGap(a: DateMention, b: DateMention): number | null {
  const pa = parts(a.value) ?? (a.resolved ? parts(a.resolved) : null);
  const pb = parts(b.value) ?? (b.resolved ? parts(b.resolved) : null);
  if (!pa || !pb || !pa.m || !pb.m || !pa.d || !pb.d) return null;
  if (pa.y && pb.y && pa.y !== pb.y) return Math.abs(dayNumber(+pa.y, +pa.m, +pa.d) - dayNumber(+pb.y, +pb.m, +pb.d));
  const y = +(pa.y ?? pb.y ?? 2001); // any non-leap year when neither side states one
  return Math.abs(dayNumber(y, +pa.m, +pa.d) - dayNumber(y, +pb.m, +pb.d));
}

/** Interval overlap of two counts of the same thing (same counted noun). */
export function compareQuantityIntervals(a: Quantity, b: Quantity): { verdict: QuantityVerdict; reason?: string } {
  if (!!a.percent !== !!b.percent) return { verdict: 'unrelated' };
  if (!a.unitStem || !b.unitStem || a.unitStem !== b.unitStem) return { verdict: 'unrelated' };
  return { verdict: a.low <= b.high && b.low <= a.high ? 'compatible' : 'different' };
}

export const defaultComparators: Comparators = {
  dates: compareDateValues,
  quantities: compareQuantityIntervals,
};
