// Quantities: numbers in digits (Latin, Arabic-Indic, Persian; separators; percent) or words
// (ثلاثة، خمسة وعشرون، مئات، ثلاثة آلاف، 1.5 مليون), the qualifier that widens them (أكثر من،
// نحو، أقل من، بين … و …) as an interval [low, high], and the counted noun that follows.
// Two reports agree when their intervals for the same counted noun overlap: "أكثر من 300" and
// "350" do, "300" and "350" do not.
import type { DateMention, Quantity, QuantityShape, Token } from '../model';
import { scan, type Tok } from '../dates/scan';
import { splitProclitics, tokensIn } from '../text/tokens';
import { bareForms, FRACTIONS, NUMBER_STARTERS, parseCardinalWords, SCALES } from './numberWords';
import { decimalsOf, otherReadings, parseDigits } from './numerals';

type Shape = 'exact' | 'more' | 'atLeast' | 'less' | 'atMost' | 'about';

interface Qualifier { words: string[]; shape: Shape }

/** Qualifiers before a number (normalised), longest first. */
const BEFORE: Qualifier[] = ([
  ['ما يزيد عن', 'more'], ['ما يزيد علي', 'more'], ['ما يربو علي', 'more'], ['ما يربو عن', 'more'], ['يزيد عن', 'more'], ['يزيد علي', 'more'], ['يربو علي', 'more'],
  ['اكثر من', 'more'], ['ازيد من', 'more'], ['اكثر ما', 'more'], ['فوق', 'more'], ['ما فوق', 'more'],
  ['ما لا يقل عن', 'atLeast'], ['ما لا يقل علي', 'atLeast'], ['لا يقل عن', 'atLeast'], ['لا تقل عن', 'atLeast'], ['علي الاقل', 'atLeast'],
  ['اقل من', 'less'], ['ما دون', 'less'], ['دون', 'less'],
  ['ما لا يزيد عن', 'atMost'], ['ما لا يزيد علي', 'atMost'], ['لا يزيد عن', 'atMost'], ['لا يزيد علي', 'atMost'], ['لا يتجاوز', 'atMost'], ['ما لا يتجاوز', 'atMost'], ['حتي', 'atMost'],
  ['ما يقارب', 'about'], ['ما يقرب من', 'about'], ['ما يناهز', 'about'], ['يناهز', 'about'], ['يقارب', 'about'], ['نحو', 'about'], ['حوالي', 'about'], ['قرابه', 'about'], ['زهاء', 'about'], ['تقريبا', 'about'], ['قرابة', 'about'],
] as [string, Shape][]).map(([w, shape]) => ({ words: w.split(' '), shape })).sort((a, b) => b.words.length - a.words.length);

/** Qualifiers after the number (and its noun): "300 على الأقل", "300 تقريبا". */
const AFTER: Qualifier[] = ([['علي الاقل', 'atLeast'], ['تقريبا', 'about'], ['علي الاكثر', 'atMost']] as [string, Shape][]).map(([w, shape]) => ({ words: w.split(' '), shape }));

/** "About n": ±10 %, the spread news rounding usually hides. */
const ABOUT = 0.1;

/** Words that never are the counted noun. */
const NOT_A_NOUN = new Set(['في', 'من', 'الي', 'علي', 'عن', 'مع', 'و', 'او', 'ثم', 'ان', 'قد', 'لم', 'لن', 'كما', 'منذ', 'حتي', 'بين', 'عند', 'بعد', 'قبل', 'خلال', 'هذا', 'هذه', 'ذلك', 'تلك', 'التي', 'الذي', 'الذين', 'اللذين', 'اي', 'كل', 'بعض', 'هو', 'هي', 'هم', 'لا', 'ما', 'اذا', 'حين', 'كان', 'كانت', 'الا', 'بل', 'لكن', 'فقط', 'ايضا', 'تقريبا', 'اخري', 'اخرين']);

const PERCENT_WORDS = [['بالميه'], ['بالمايه'], ['في', 'الميه'], ['في', 'المايه'], ['بالمئه'], ['في', 'المئه'], ['%']];

function interval(n: number, shape: Shape): [number, number] {
  switch (shape) {
    case 'more': return [n, Infinity];
    case 'atLeast': return [n, Infinity];
    case 'less': return [0, n];
    case 'atMost': return [0, n];
    case 'about': return [n * (1 - ABOUT), n * (1 + ABOUT)];
    default: return [n, n];
  }
}

interface NumHit {
  i: number; j: number; low: number; high: number; value: number; skip: number;
  /** A vague count ("عشرات"): [low, high] is all it says. */
  vague?: boolean;
  /** The unit the number is rounded to (see Quantity.precision). */
  precision: number;
  readings?: number[];
}

/** Rounding of a number written without a scale word: large round numbers (12 500) are rounded to
 *  their trailing zeros; smaller ones (30 killed) are exact counts. */
function roundingOf(v: number): number {
  if (!Number.isInteger(v) || v < 1000) return 1;
  let p = 1;
  while (v % (p * 10) === 0) p *= 10;
  return p;
}

class Reader {
  constructor(private readonly toks: Tok[]) {}

  w(i: number): string | undefined {
    const t = this.toks[i];
    return t && t.kind === 'w' ? t.n : undefined;
  }

  adjacent(i: number): boolean {
    const a = this.toks[i], b = this.toks[i + 1];
    return !!a && !!b && a.ne === b.ns;
  }

  /** A digit string with its separators: tokens n ( [.,] n )*, all touching. */
  digits(i: number): { j: number; value: number; raw: string } | undefined {
    const t = this.toks[i];
    if (!t || t.kind !== 'n') return undefined;
    let j = i + 1;
    let s = t.n;
    while (this.toks[j]?.kind === 'p' && (this.toks[j].n === '.' || this.toks[j].n === ',') && this.toks[j + 1]?.kind === 'n' && this.adjacent(j - 1) && this.adjacent(j)) {
      s += this.toks[j].n + this.toks[j + 1].n;
      j += 2;
    }
    const value = parseDigits(s);
    if (value === null) return undefined;
    return { j, value, raw: s };
  }

  /** A number at i (digits or words) with a following scale word ("1.5 مليون", "300 ألف"). */
  number(i: number): NumHit | undefined {
    const d = this.digits(i);
    if (d) {
      let j = d.j, v = d.value;
      const sc = SCALES[this.w(j) ?? ''];
      if (sc) {
        // "7.16 مليار" is rounded to the hundredth of a billion, "7 مليارات" to the billion.
        v *= sc.value; j++;
        return { i, j, low: v, high: v, value: v, skip: 0, precision: sc.value / 10 ** decimalsOf(d.raw, d.value) };
      }
      const readings = otherReadings(d.raw);
      return { i, j, low: v, high: v, value: v, skip: 0, precision: roundingOf(v), ...(readings.length ? { readings } : {}) };
    }
    const t = this.toks[i];
    if (!t || t.kind !== 'w') return undefined;
    // "نصف مليار", "ربع مليون": a fraction of a scale (the word's clitic readings are asked only
    // before a scale word: building them for every word of the text was most of this pass).
    const sc = SCALES[this.w(i + 1) ?? ''];
    const frac = sc && !sc.plural && !sc.dual ? t.forms.find((f) => f.skip <= 1 && FRACTIONS[f.w] !== undefined) : undefined;
    if (frac && sc) {
      const v = FRACTIONS[frac.w] * sc.value;
      return { i, j: i + 2, low: v, high: v, value: v, skip: frac.skip, precision: roundingOf(v) };
    }
    if (!NUMBER_STARTERS.has(t.n) && !(t.n.length > 2 && (t.n[0] === 'و' || t.n[0] === 'ف') && NUMBER_STARTERS.has(t.n.slice(1)))) return undefined;
    // Number words, with "و" attached to the first ("وثلاثة").
    for (const f of t.forms.slice(0, 2)) {
      if (f.skip > 1) continue;
      // "أحد" = one of / Sunday; "عدة", "بضعة", "عدد" are too vague to compare across reports.
      if (['احد', 'احدي', 'عدد', 'عده', 'بضعه', 'بضع'].includes(f.w)) continue;
      const words = [f.w];
      for (let k = i + 1; k < i + 8 && k < this.toks.length; k++) words.push(this.toks[k].n);
      const c = parseCardinalWords(words, 0);
      if (!c) continue;
      // A lone number word that is also a common noun/adjective needs a counted noun after it.
      return { i, j: i + c.length, low: c.low, high: c.high, value: c.value, skip: f.skip, precision: roundingOf(c.value), vague: c.low !== c.high };
    }
    return undefined;
  }
}

/**
 * The stem of a counted noun for comparison: the tokens' clitic-stripped stem without the
 * accusative ending of the tamyiz after 11–99 ("350 صاروخًا" counts the same thing as "300
 * صاروخ", "172 شخصا" as "شخص").
 */
export function countedStem(stem: string): string {
  return stem.length >= 4 && stem.endsWith('ا') ? stem.slice(0, -1) : stem;
}

/** Round away floating-point noise (1650.0000000000002) without touching real decimals. */
function tidy(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : x;
}

/** Original spans covered by dates, to keep their numbers (days, years) out. */
function insideAny(start: number, end: number, spans: { start: number; end: number }[]): boolean {
  return spans.some((s) => start < s.end && end > s.start);
}

export function recognizeQuantities(text: string, tokens: Token[], dates: DateMention[]): Quantity[] {
  const sc = scan(text);
  const toks = sc.toks;
  const r = new Reader(toks);
  const out: Quantity[] = [];
  let i = 0;
  while (i < toks.length) {
    const hit = r.number(i);
    if (!hit) { i++; continue; }
    const numSpan = sc.span(hit.i, hit.j, hit.skip);
    const isDigits = toks[i].kind === 'n';
    // Numbers of dates (days, years), times (3:18), codes (S-300) and long digit runs are not counts.
    if (insideAny(numSpan.start, numSpan.end, dates)) { i = hit.j; continue; }
    if (isDigits && (toks[hit.j]?.n === ':' || (toks[i - 1]?.n === ':' && r.adjacent(i - 1)))) { i = hit.j; continue; }
    if (isDigits && toks[i - 1]?.n === '-' && r.adjacent(i - 1) && /[a-z]/.test(toks[i - 2]?.n ?? '')) { i = hit.j; continue; }
    if (isDigits && toks[i - 1] && /[a-z]/.test(toks[i - 1].n) && r.adjacent(i - 1)) { i = hit.j; continue; }
    let j = hit.j;
    let low = hit.low, high = hit.high;
    let qualifier: string | undefined;
    let shape: QuantityShape = hit.vague ? 'vague' : 'exact';
    let qStart = hit.i;
    // Range: "بين 300 و400", "من 300 إلى 400", "300-400".
    const sepTok = toks[j];
    if (sepTok && (sepTok.n === '-' || sepTok.n === 'و' || sepTok.n === 'الي' || sepTok.n === 'حتي')) {
      const second = r.number(j + 1);
      const prevForm = toks[i - 1]?.kind === 'w' ? bareForms(toks[i - 1].n).find((f) => f.w === 'بين' || f.w === 'من') : undefined;
      if (second && second.value > hit.value && (sepTok.n !== 'و' || prevForm?.w === 'بين')) {
        low = hit.low; high = second.high; j = second.j; shape = 'range';
        if (prevForm) {
          qStart = i - 1;
          const qs = sc.span(i - 1, i, prevForm.skip);
          qualifier = text.slice(qs.start, qs.end);
          hit.skip = prevForm.skip;
        }
      }
    }
    // "و400" written attached is split by the scanner into "و" and "400", so both spellings reach
    // the range reading above.
    // Qualifier before.
    if (!qualifier) {
      for (const q of BEFORE) {
        const n = q.words.length;
        const k0 = hit.i - n;
        if (k0 < 0) continue;
        let ok = true;
        for (let x = 0; x < n; x++) {
          const t = toks[k0 + x];
          if (!t || t.kind !== 'w') { ok = false; break; }
          const forms = x === 0 ? bareForms(t.n).map((f) => f.w) : [t.n];
          if (!forms.includes(q.words[x])) { ok = false; break; }
        }
        if (ok) {
          [low, high] = interval(hit.value, q.shape);
          if (!hit.vague) shape = q.shape;
          if (hit.low !== hit.high) [low, high] = q.shape === 'more' || q.shape === 'atLeast' ? [hit.low, Infinity] : q.shape === 'less' || q.shape === 'atMost' ? [0, hit.high] : [hit.low * (1 - ABOUT), hit.high * (1 + ABOUT)];
          qStart = k0;
          const first = toks[k0];
          const skip = bareForms(first.n).find((f) => f.w === q.words[0])?.skip ?? 0;
          const qs = sc.span(k0, hit.i, skip);
          qualifier = text.slice(qs.start, qs.end).trim();
          hit.skip = skip;
          break;
        }
      }
    }
    // Percent.
    let percent = false;
    for (const p of PERCENT_WORDS) {
      if (p.every((w, x) => toks[j + x]?.n === w)) { percent = true; j += p.length; break; }
    }
    const span = sc.span(qStart, j, hit.skip);
    // Counted noun: the next word; after vague counts and "اثنان من" also after "من".
    let unit: string | undefined, unitStem: string | undefined;
    if (!percent) {
      let k = j;
      // "عشرات من الجرحى", "اثنان من كبار المسؤولين", "300 من الجنود": the noun follows "من".
      if (r.w(k) === 'من' && (hit.low !== hit.high || !isDigits || (r.w(k + 1) ?? '').startsWith('ال'))) k++;
      const t = toks[k];
      // The noun must follow on the same line (not a heading's number and the next line's word).
      const gap = t ? text.slice(span.end, sc.span(k, k + 1, 0).start) : '';
      if (t && !/[\n\r]/.test(gap) && t.kind === 'w' && t.n.length >= 2 && !NOT_A_NOUN.has(t.n) && !SCALES[t.n] && !/^[a-z]/.test(t.n)) {
        const us = sc.span(k, k + 1, 0);
        unit = text.slice(us.start, us.end);
        const tok = tokensIn(tokens, us.start, us.end).find((x) => x.start <= us.start && x.end >= us.end);
        unitStem = countedStem(tok && tok.kind === 'word' ? tok.stem : splitProclitics(t.n).stem);
      }
    }
    // After-qualifiers: "300 على الأقل".
    if (!qualifier) {
      const k = j + (unit ? 1 : 0);
      for (const q of AFTER) {
        if (q.words.every((w, x) => toks[k + x]?.n === w)) {
          [low, high] = interval(hit.value, q.shape);
          if (!hit.vague) shape = q.shape;
          qualifier = q.words.join(' ');
          break;
        }
      }
    }
    // Years (a bare four-digit number, "1882 - 1963", "300 م", "8000 ق.م") and a lone number
    // word with no noun are not counts.
    const eraMark = /^(م|ق|ه)$/.test(toks[j]?.n ?? '') && (toks[j + 1]?.n === '.' || !toks[j + 1] || toks[j + 1].kind !== 'w' || toks[j].n === 'ق');
    if (isDigits && !percent && eraMark) { i = j; continue; }
    const yearLike = (x: number) => Number.isInteger(x) && x >= 1000 && x <= 2100;
    if (isDigits && !unit && !percent && !qualifier && yearLike(hit.value) && (low === high || yearLike(high))) { i = j; continue; }
    if (!isDigits && !unit && !qualifier && hit.low === hit.high) { i = hit.j; continue; }
    const q: Quantity = {
      start: span.start, end: span.end, text: text.slice(span.start, span.end), low: tidy(low), high: tidy(high),
      value: tidy(hit.value), shape, precision: hit.precision,
    };
    if (hit.readings) q.readings = hit.readings;
    if (qualifier) q.qualifier = qualifier;
    if (unit) { q.unit = unit; q.unitStem = unitStem; }
    if (percent) q.percent = true;
    out.push(q);
    i = Math.max(j, i + 1);
  }
  return out;
}
