// Dates written in digits: 2023/11/18, 18/11/2023, 18-11-2023, 18.11.2023, 2/2013.
import type { Match } from '../sem';
import type { Reader } from './reader';

export function numeric(g: Reader, i: number): Match | undefined {
  const a = g.num(i);
  if (a === undefined) return undefined;
  const sep = g.tok(i + 1);
  if (!sep || sep.kind !== 'p' || !['/', '-', '.'].includes(sep.n) || !g.adjacent(i) || !g.adjacent(i + 1)) return undefined;
  const b = g.num(i + 2);
  if (b === undefined) return undefined;
  const la = g.digits(i)!.length, lb = g.digits(i + 2)!.length;
  const third = g.isPunct(i + 3, sep.n) && g.adjacent(i + 2) && g.adjacent(i + 3) ? g.num(i + 4) : undefined;
  if (third !== undefined) {
    const lc = g.digits(i + 4)!.length;
    // Do not read into a longer run (phone numbers, version strings).
    if (g.isPunct(i + 5, sep.n) && g.adjacent(i + 4)) return undefined;
    if (la === 4 && lb <= 2 && lc <= 2) return { i, skip: 0, j: i + 5, sem: { t: 'date', y: a, m: b, d: third } };
    if (lc === 4 && la <= 2 && lb <= 2) {
      // Arabic news writes day/month/year; a first number above 12 settles it anyway.
      if (b > 12 && a <= 12) return { i, skip: 0, j: i + 5, sem: { t: 'date', y: third, m: a, d: b } };
      return { i, skip: 0, j: i + 5, sem: { t: 'date', y: third, m: b, d: a } };
    }
    return undefined;
  }
  if (sep.n === '/' && la <= 2 && lb === 4 && a >= 1 && a <= 12 && b >= 1900 && b < 2200) return { i, skip: 0, j: i + 3, sem: { t: 'date', y: b, m: a } };
  return undefined;
}
