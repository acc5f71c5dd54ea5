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

const stems = (set: Set<string>) => new Set([...set].map((w) => (w.startsWith('ال') ? w.slice(2) : w)));
const STARTER_STEMS = stems(STARTERS);
const NUMBER_STEMS = stems(NUMBER_WORDS);

/** Cheap superset test of "some clitic reading of w is in the set", without building the readings. */
function mayStart(w: string, set = STARTERS, stemSet = STARTER_STEMS): boolean {
  for (let k = 0; k <= 4 && k < w.length - 1; k++) {
    if (k > 0 && !'وفبكلا'.includes(w[k - 1])) break;
    const rest = w.slice(k);
    if (set.has(rest) || stemSet.has(rest)) return true;
  }
  return false;
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
    if (t.kind === 'w' && !mayStart(t.n)) {
      // Colloquial "من أسبوع" (a week ago); a day or a year in words.
      if (t.n === 'من') return agoRel(g, i);
      return mayStart(t.n, NUMBER_WORDS, NUMBER_STEMS) ? absDate(g, i) : undefined;
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
