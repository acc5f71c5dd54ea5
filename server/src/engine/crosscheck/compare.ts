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
  const m = /^(\d{4}|XXXX)(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?$/.exec(v);
  if (!m) return null;
  const f = (x?: string) => (x && !/X/.test(x) ? x : undefined);
  return { y: f(m[1]), m: f(m[2]), d: f(m[3]) };
}

/** Component-wise comparison of TIMEX-like values: a clash on a component both sides state is a
 *  different date; otherwise the same when both state the same components, compatible if not. */
export function compareDateValues(a: DateMention, b: DateMention): { verdict: DateVerdict; reason?: string } {
  const pa = parts(a.resolved ?? a.value) ?? parts(a.value);
  const pb = parts(b.resolved ?? b.value) ?? parts(b.value);
  if (!pa || !pb) return { verdict: a.value === b.value ? 'same' : 'unknown' };
  let stated = 0;
  for (const k of ['y', 'm', 'd'] as const) {
    if (pa[k] && pb[k]) { if (pa[k] !== pb[k]) return { verdict: 'different' }; stated++; }
  }
  if (stated === 0) return { verdict: 'unknown' };
  const same = (['y', 'm', 'd'] as const).every((k) => !!pa[k] === !!pb[k]);
  return { verdict: same ? 'same' : 'compatible' };
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
