// Table-driven checks for the date families: each case is a short sentence, the reference date it
// is read against, the span expected, and the value and resolution expected.
import { strict as assert } from 'assert';
import { recognizeDates } from '../../../server/src/engine/dates';
import type { DateMention } from '../../../server/src/engine/model';

export interface DateCase {
  text: string;
  ref: string;
  /** The expected span (the only date of the sentence). */
  span: string;
  value?: string;
  resolved?: string | null;
  /** A fragment the explanation must contain (a convention, "approximate", a weekday check). */
  explains?: RegExp;
}

export const find = (text: string, ref: string | null = null, prefer: 'past' | 'future' = 'past'): DateMention[] => recognizeDates(text, null, ref, { prefer });

function show(ds: DateMention[]): string {
  return JSON.stringify(ds.map((d) => `${d.text}=${d.value}→${d.resolved}`));
}

export function checkCase(c: DateCase): void {
  const ds = find(c.text, c.ref);
  assert.equal(ds.length, 1, `one date expected in «${c.text}», got ${show(ds)}`);
  const d = ds[0];
  assert.equal(d.text, c.span, `span of «${c.text}»`);
  if (c.value !== undefined) assert.equal(d.value, c.value, `value of «${c.text}»`);
  if (c.resolved !== undefined) assert.equal(d.resolved, c.resolved, `resolution of «${c.text}» at ${c.ref}`);
  if (c.explains) assert.ok(d.explanation.some((l) => c.explains!.test(l)), `explanation of «${c.text}» should match ${c.explains}: ${JSON.stringify(d.explanation)}`);
}

/** No date at all in the sentence (a number that is a score, a ratio, a price, a count, …). */
export function checkNone(text: string, ref = '2024-05-10'): void {
  const ds = find(text, ref);
  assert.deepEqual(ds.map((d) => d.text), [], `no date expected in «${text}», got ${show(ds)}`);
}

/** Runs one `it` per case, named after its sentence. */
export function itCases(cases: DateCase[]): void {
  for (const c of cases) it(`«${c.text}» at ${c.ref} → ${c.resolved ?? c.value}`, () => checkCase(c));
}

export function itNone(texts: string[], ref = '2024-05-10'): void {
  for (const t of texts) it(`«${t}» has no date`, () => checkNone(t, ref));
}
