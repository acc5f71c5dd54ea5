// The day of a month as written: digits 1–31, ordinal words ("الثالث عشر", "والعشرين"),
// "اليوم الثالث", "ثالث يوم", "غرة شوال".
import type { Hit, Reader } from './reader';
import { parseOrdinalWords } from '../../quantities/numberWords';

export interface DayHit extends Hit { d: number; words: boolean }

export function day(g: Reader, i: number): DayHit | undefined {
  const n = g.num(i);
  if (n !== undefined) {
    if (g.digits(i)!.length <= 2 && n >= 1 && n <= 31) return { len: 1, skip: 0, d: n, words: false };
    return undefined;
  }
  let k = i, skip = 0;
  let lead = false;
  // "غرة شوال": the first day of the month.
  const ghurra = g.form(i, (w) => w === 'غره');
  if (ghurra) return { len: 1, skip: ghurra.skip, d: 1, words: true };
  if (g.isForm(i, 'اليوم', 'يوم')) { k = i + 1; lead = true; skip = g.form(i, (w) => w === 'اليوم' || w === 'يوم')!.skip; }
  const t = g.tok(k);
  if (!t || t.kind !== 'w') return undefined;
  for (const f of t.forms) {
    const ws = [f.w, ...g.words(k + 1, 2)];
    const o = parseOrdinalWords(ws, 0);
    if (o && o.value >= 1 && o.value <= 31) {
      let len = k - i + o.length;
      // "ثالث يوم من شهر عشرة"
      if (!lead && g.isWord(k + o.length, 'يوم')) len++;
      return { len, skip: lead ? skip : f.skip, d: o.value, words: true };
    }
  }
  return undefined;
}
