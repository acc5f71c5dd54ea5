// Counts as claims: a number with what it counts ("30 قتيلا", "مقتل 30 شخصا", "أودى بحياة 32
// شخصا" all count the killed), compared at face value as a fact-checker reads them: "30" and
// "at least 30" state the same toll, "30" and "32" do not (a rising toll is still a discrepancy to
// reconcile), "أكثر من 300" is compatible with 350, "نحو 30" with 32, "7.16 مليار" with "7 مليارات"
// (rounding), "12.500" with "12500" (two ways to write thousands). Vague counts ("عشرات") neither
// confirm nor contradict a number.
import type { Quantity, Token } from '../model';
import { forms, isIn } from './frame';
import { UNIT_WORDS } from '../dates/lexicon';
import { COUNT_CONCEPTS, IDENTIFIER_WORDS, MEASURE_UNITS, PEOPLE_CONCEPTS, PERSON_NOUNS } from './lexicon';
import { lightStem } from './stems';

export interface Count {
  q: Quantity;
  /** What is counted: a casualty frame ("killed"), the same with a specific counted noun
   *  ("killed:جنود"), or the counted noun's light stem ("صاروخ"). */
  concept: string;
  /** The words that say what is counted, as written (for reasons). */
  what: string;
  /** Where the count is stated: the number with its qualifier, its counted noun and the predicate
   *  that says what happened to them ("مقتل 30 شخصا", "أودى بحياة 32 شخصا"), offsets in the article. */
  start: number;
  end: number;
  /** Primary keys of the content terms in the count's clause: the event it is a count of (filled
   *  by prepare.ts). Two counts of one concept are counts of one thing when they share it. */
  context: string[];
  /** For a count of things (not a casualty frame): the light stems of its counted noun and of the
   *  nouns joined to it by و ("300 مسيرة وصاروخ" counts drones and missiles), so that two lists of
   *  the same things in another order meet. */
  things: string[];
  /** An amount of money or a measure (MEASURE_UNITS), not a count of an event. */
  measure: boolean;
  /** A total over several events ("32 قتيلاً في هجومين"): see isCombinedTotal. */
  combined?: boolean;
}

/** Whether two counts count the same thing: the same casualty frame, or counted nouns in common. */
export function sameThing(a: Count, b: Count): boolean {
  if (a.concept === b.concept) return true;
  return a.things.length > 0 && b.things.some((t) => a.things.includes(t));
}

/** How many words after a counted noun may hold nouns joined to it by و. */
const LIST_WINDOW = 4;

/** The casualty frame a word names (killed, wounded, detained, …), if any. */
function frameOf(t: Token | undefined): string | undefined {
  if (!t || t.kind !== 'word') return undefined;
  const keys = [...forms(t), lightStem(t.stem)];
  for (const [concept, words] of Object.entries(COUNT_CONCEPTS)) if (keys.some((k) => words.has(k))) return concept;
  return undefined;
}

const isPerson = (t: Token) => [...forms(t), lightStem(t.stem)].some((k) => PERSON_NOUNS.has(k));

/** A word that says what a count counts (قتيلا, أودى بحياة, شخصا): part of the count, not of the
 *  event it is a count of. */
export function isCountWord(t: Token): boolean {
  return !!frameOf(t) || isPerson(t);
}

/** How far from the number the predicate of a count of people may stand: "أسفر عن مقتل 30",
 *  "30 شخصا لقوا حتفهم". */
const BEFORE = 3;
const AFTER = 2;

/**
 * What a quantity counts, read from the words around it.
 * @param words the sentence's words; `breakBefore[k]` the punctuation right before word k
 */
export function countOf(q: Quantity, words: Token[], breakBefore: string[]): Count | undefined {
  const first = words.findIndex((w) => w.end > q.start);
  // "بالرمز 159", "رقم 12": an identifier.
  if (first > 0 && isIn(IDENTIFIER_WORDS, words[first - 1])) return undefined;
  const c = readCount(q, words, breakBefore);
  if (!c) return undefined;
  const { parts, ...count } = c;
  const measure = parts.some((w) => [...forms(w), lightStem(w.stem)].some((k) => MEASURE_UNITS.has(k)));
  return { ...count, measure, ...spanOf([q, ...parts]) };
}

function spanOf(xs: { start: number; end: number }[]): { start: number; end: number } {
  return { start: Math.min(...xs.map((x) => x.start)), end: Math.max(...xs.map((x) => x.end)) };
}

type Read = Omit<Count, 'start' | 'end' | 'measure'> & { parts: Token[] };

function readCount(q: Quantity, words: Token[], breakBefore: string[]): Read | undefined {
  if (q.percent) return undefined;
  const first = words.findIndex((w) => w.end > q.start);
  if (first < 0) return undefined;
  const after = words.findIndex((w) => w.start >= q.end);
  // The counted noun is the word after the number, or after "من" ("عشرات من الجرحى"), or the last
  // word of the quantity's own span when that holds it.
  const inside = q.unitStem ? words.findIndex((w) => w.start >= q.start && w.end <= q.end && lightStem(w.stem) === lightStem(q.unitStem!)) : -1;
  const unitAt = inside >= 0 ? inside : !q.unit || after < 0 ? -1 : words[after].norm === 'من' ? after + 1 : after;
  const unit = unitAt >= 0 ? words[unitAt] : undefined;
  const unitFrame = frameOf(unit);
  if (unit && unitFrame) return { q, concept: unitFrame, what: unit.text, context: [], things: [], parts: [unit] };
  // The predicate next to the count: before it in the same clause, or right after its noun.
  let pred: Token | undefined;
  for (let k = first - 1; k >= Math.max(0, first - BEFORE) && !pred; k--) {
    if (frameOf(words[k])) pred = words[k];
    if (breakBefore[k]) break;
  }
  const from = unit ? unitAt + 1 : after;
  for (let k = from; !pred && k >= 0 && k < Math.min(words.length, from + AFTER); k++) {
    if (breakBefore[k]) break;
    if (frameOf(words[k])) pred = words[k];
  }
  const frame = frameOf(pred);
  if (!unit) return frame ? { q, concept: frame, what: pred!.text, context: [], things: [], parts: [pred!] } : undefined;
  const noun = lightStem(unit.stem);
  if (isPerson(unit)) return { q, concept: frame ?? 'person', what: frame ? `${pred!.text} … ${unit.text}` : unit.text, context: [], things: [], parts: frame ? [pred!, unit] : [unit] };
  const things = frame ? [] : [noun];
  for (let k = unitAt + 1; !frame && k <= unitAt + LIST_WINDOW && k < words.length && !breakBefore[k]; k++) {
    const m = /^و(.{2,})$/.exec(words[k].norm);
    if (m && /^[\u0621-\u064A]+$/.test(words[k].stem)) things.push(lightStem(words[k].stem));
  }
  return { q, concept: frame ? `${frame}:${noun}` : noun, what: frame ? `${pred!.text} … ${unit.text}` : unit.text, context: [], things, parts: frame ? [pred!, unit] : [unit] };
}

/** The prepositions that give the events a toll was counted in ("في هجومين", "خلال ثلاث هجمات"). */
const IN_EVENTS = new Set(['في', 'خلال', 'جراء', 'اثر', 'إثر']);
/** How many words after a count its "في …" may come ("32 قتيلا على الأقل في هجومين"). */
const EVENTS_WINDOW = 4;

/**
 * A count given for two or more events at once ("32 قتيلاً في هجومين انتحاريين", "في ثلاث هجمات",
 * "خلال التفجيرين"): a total, not the count of any one event, so it neither confirms nor contradicts
 * one event's count. Two events are told by the Arabic dual after the preposition (genitive -ين /
 * -تين on a common noun: not a name such as فلسطين, not a nisba plural -يين), more by a number.
 * @param isName whether a word is part of a named entity
 * @param quantityAt the quantity that starts at a word, if any
 */
export function isCombinedTotal(c: Count, words: Token[], breakBefore: string[], isName: (w: Token) => boolean, quantityAt: (w: Token) => Quantity | undefined): boolean {
  // Only tolls: counts of other things (goals in two seasons, deals) are not compared as tolls.
  if (!PEOPLE_CONCEPTS.has(c.concept.split(':')[0])) return false;
  const after = words.findIndex((w) => w.start >= c.end);
  if (after < 0) return false;
  for (let k = after; k < Math.min(words.length - 1, after + EVENTS_WINDOW); k++) {
    if (k > after && breakBefore[k]) return false;
    if (!IN_EVENTS.has(words[k].norm)) continue;
    const w = words[k + 1];
    if (breakBefore[k + 1] || isName(w)) return false;
    // A period ("خلال يومين", "في 24 ساعة") bounds a total, but a total over a period is compared
    // with other totals over it; only several events make it no event's count.
    const q = quantityAt(w);
    if (q) return (q.value ?? q.low) >= 2 && !q.percent && !!q.unitStem && !isPeriodOrMeasure(q.unitStem);
    if (isDual(w.stem)) return !isPeriodOrMeasure(w.stem);
    // The dual may also stand on the event noun's complement: «في تفجير سيارتين مفخختين», «في
    // انفجار عبوتين» (two cars, two bombs: two explosions).
    const v = words[k + 2];
    return !!v && !breakBefore[k + 2] && !isName(v) && !quantityAt(v) && isDual(v.stem) && !isPeriodOrMeasure(v.stem);
  }
  return false;
}

const isPeriodOrMeasure = (stem: string) => Object.hasOwn(UNIT_WORDS, stem) || MEASURE_UNITS.has(stem) || MEASURE_UNITS.has(lightStem(stem));

/** A noun in the genitive/accusative dual (هجومين، تفجيرين، غارتين): a base of three letters or more
 *  and the ending -ين / -تين, but not the nisba plural -يين (المدنيين) nor a sound masculine plural of
 *  a person noun. */
function isDual(stem: string): boolean {
  return /^[\u0621-\u064A]{3,}ين$/.test(stem) && !/يين$/.test(stem) && !PERSON_NOUNS.has(stem) && !PERSON_NOUNS.has(stem.replace(/ين$/, ''));
}

export type CountVerdict = 'same' | 'compatible' | 'different' | 'vague';

const readings = (q: Quantity): number[] => [q.value ?? q.low, ...(q.readings ?? [])];

/** The step of the next round number above n: 300 → 100, 30 → 10, 3200 → 1000. */
function stepOf(n: number): number {
  return n > 0 ? 10 ** Math.floor(Math.log10(n)) : 1;
}

/** Two counts of the same thing, at face value (see the top of this file). */
export function compareCounts(a: Quantity, b: Quantity): CountVerdict {
  const sa = a.shape ?? 'exact', sb = b.shape ?? 'exact';
  if (sa === 'vague' || sb === 'vague') return sa === sb && a.low === b.low && a.high === b.high ? 'compatible' : 'vague';
  const ra = readings(a), rb = readings(b);
  const pointLike = (s: string) => s === 'exact' || s === 'atLeast';
  if (ra.some((x) => rb.includes(x))) return pointLike(sa) && pointLike(sb) ? 'same' : 'compatible';
  // Bounds and approximations: "أكثر من 300" / 350, "نحو 30" / 32, ranges.
  for (const [x, y, sx, sy] of [[a, b, sa, sb], [b, a, sb, sa]] as const) {
    const vx = x.value ?? x.low, vy = y.value ?? y.low;
    if (sx === 'about' && Math.abs(vy - vx) <= Math.max(0.1 * vx, x.precision ?? 1)) return 'compatible';
    if (sx === 'more' && vy > vx && vy < vx + stepOf(vx)) return 'compatible';
    if (sx === 'less' || sx === 'atMost') { if (vy <= vx && vy > vx - stepOf(vx)) return 'compatible'; }
    if (sx === 'range' && vy >= x.low && vy <= x.high) return 'compatible';
    void sy;
  }
  if (sa === 'more' && sb === 'more' && Math.abs((a.value ?? a.low) - (b.value ?? b.low)) < stepOf(Math.min(a.value ?? a.low, b.value ?? b.low))) return 'compatible';
  // Rounding: "7 مليارات" is 7.16 مليار rounded; "12 ألفا" may be 12 500.
  const p = Math.max(a.precision ?? 1, b.precision ?? 1);
  if (p > 1 && ra.some((x) => rb.some((y) => Math.abs(x - y) < p))) return 'compatible';
  return 'different';
}
