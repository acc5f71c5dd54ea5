// Ranges of dates: "from/to", the start taking the end's month and year when it has none.
import type { RangeSem } from '../sem';
import type { Ctx, Resolution } from './context';
import { resolveDate } from './date';

export function resolveRange(sem: RangeSem, ctx: Ctx): Resolution {
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
