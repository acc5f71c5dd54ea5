// The date grammar: one file per family of expressions in this folder, each a set of small
// parsers over the token stream (scan.ts) returning the longest expression it can read at a
// position. Prepositions before absolute dates (في، منذ، من) and attached clitics stay outside the
// span; for relative expressions the words that carry the meaning stay inside (قبل أيام، منذ عدة
// أشهر، في وقت سابق من هذا الشهر). This file only tries every family and keeps the longest.
import type { Tok } from '../scan';
import type { Match } from '../sem';
import { PART_WORDS, UNIT_WORDS } from '../lexicon';
import { ORDINALS, TENS, UNITS } from '../../quantities/numberWords';
import { GREG, HIJ, longest, Reader, WDS } from './reader';
import { absDate, dayFirst } from './calendarDate';
import { bareDay } from './bareDay';
import { dayPart } from './dayPart';
import { dayWords } from './dayWords';
import { holiday } from './holiday';
import { nth } from './nth';
import { DECADE_WORDS, decade, part, quarter } from './periodPart';
import { range } from './range';
import { agoRel, earlierLater, lastUnit, periodRel } from './relative';
import { withClock } from './timed';
import { weekdayExpr } from './weekday';
import { weekThenDay } from './weekRelative';

/** Words that can begin an expression: positions starting with anything else are skipped
 *  without trying the parsers (most of a text), which keeps recognition fast. */
const STARTERS = new Set<string>([
  ...GREG.keys(), ...HIJ.keys(), ...WDS.keys(),
  ...Object.keys(ORDINALS), ...Object.keys(ORDINALS).map((w) => 'ال' + w),
  ...['عشرين', 'ثلاثين'].map((w) => 'ال' + w),
  ...Object.keys(UNIT_WORDS), ...Object.keys(UNIT_WORDS).map((w) => 'ال' + w),
  ...Object.keys(PART_WORDS),
  'هذا', 'هذه', 'قبل', 'منذ', 'بعد', 'القبل', 'امس', 'البارحه', 'امبارح', 'غدا', 'بكره', 'بكرا', 'الغد',
  'الساعه', ...['صباح', 'فجر', 'ضحي', 'ظهر', 'ظهيره', 'عصر', 'مساء', 'ليل', 'ليله', 'الليله'],
  'في', 'عيد', 'راس', 'المولد', 'رمضان', 'كريسماس', 'الكريسماس', 'الاخير', 'الاخيره', 'عامي', 'الربع', 'النصف', 'ربع', 'نصف', 'غره',
  ...DECADE_WORDS,
]);

/** Number words, which begin only a date with its day or year in words ("ثلاثة وعشرين أبريل",
 *  "ألفين وعشرين"): the other families are not tried there. */
const NUMBER_WORDS = new Set([...Object.keys(UNITS), ...Object.keys(TENS), 'الف', 'الفين', 'الفان', 'الفا']);

/** Each starter and its form without the article → 1 (any family) or 2 (number words only). */
const START_KIND = new Map<string, 1 | 2>();
for (const [set, kind] of [[NUMBER_WORDS, 2], [STARTERS, 1]] as const) {
  for (const w of set) for (const v of [w, w.startsWith('ال') ? w.slice(2) : w]) START_KIND.set(v, kind);
}

/** Cheap superset test of "some clitic reading of w is a starter", without building the readings:
 *  0 when none is, 1 for a starter of any family, 2 for a number word only. */
function startKind(w: string): 0 | 1 | 2 {
  let kind: 0 | 1 | 2 = 0;
  for (let k = 0; k <= 4 && k < w.length - 1; k++) {
    if (k > 0 && !'وفبكلا'.includes(w[k - 1])) break;
    const c = START_KIND.get(k === 0 ? w : w.slice(k));
    if (c === 1) return 1;
    if (c === 2) kind = 2;
  }
  return kind;
}

export class Grammar {
  private readonly g: Reader;

  constructor(toks: Tok[]) {
    this.g = new Reader(toks);
  }

  /** The longest expression starting at token i. */
  at(i: number): Match | undefined {
    const g = this.g;
    const t = g.toks[i];
    if (t.kind === 'p') return undefined;
    const kind = t.kind === 'w' ? startKind(t.n) : 1;
    if (kind !== 1) {
      // Colloquial "من أسبوع" (a week ago); a day or a year in words.
      if (t.n === 'من') return agoRel(g, i);
      return kind === 2 ? absDate(g, i) : undefined;
    }
    // A number begins only a date in digits, a range or a clock time.
    if (t.kind === 'n') return withClock(g, i, longest([range(g, i), absDate(g, i), bareDay(g, i)]));
    const best = longest([
      part(g, i), range(g, i), nth(g, i), weekdayExpr(g, i), weekThenDay(g, i), absDate(g, i), bareDay(g, i),
      periodRel(g, i), agoRel(g, i), lastUnit(g, i), dayWords(g, i), earlierLater(g, i), holiday(g, i), quarter(g, i), decade(g, i),
      dayPart(g, i),
    ]);
    // "أمس الاثنين", "غدا الثلاثاء", "اليوم الأربعاء": one expression, the weekday confirms the day.
    if (best && best.sem.t === 'rel' && best.sem.unit === 'D' && best.sem.anchor === 'period' && (best.sem.n ?? 9) <= 2) {
      const wd = g.weekday(best.j, false);
      if (wd) {
        // "أمس الأربعاء 29 مايو": the written date is the value; the words around it confirm it.
        let q = best.j + wd.len;
        if (g.isPunct(q, ',')) q++;
        if (g.isForm(q, 'الموافق')) q++;
        const date = dayFirst(g, q);
        if (date && date.sem.d !== undefined) return { ...best, j: date.match.j, sem: { ...date.sem, wd: wd.value } };
        return { ...best, j: best.j + wd.len, sem: { ...best.sem, wd: wd.value } };
      }
    }
    return withClock(g, i, best);
  }
}
