// The date grammar: small parsers over the token stream (scan.ts), each returning the longest
// expression it can read at a position. Prepositions before absolute dates (في، منذ، من) and
// attached clitics stay outside the span; for relative expressions the words that carry the
// meaning stay inside (قبل أيام، منذ عدة أشهر، في وقت سابق من هذا الشهر).
import type { Tok } from './scan';
import type { DateSem, DayPart, DaySem, Dir, Match, Mod, NthSem, RelSem, Sem, TimeSem, Unit } from './sem';
import { clockAt, hours, placeInPeriod, type ClockHit } from './clock';
import { AMBIGUOUS_MONTHS, CUE_BEFORE, FUTURE_WORDS, GREGORIAN_MONTHS, HIJRI_MONTHS, PART_WORDS, PAST_WORDS, PRESENT_WORDS, UNIT_WORDS, WEEKDAYS, type NameEntry } from './lexicon';
import { ORDINALS, parseCardinalWords, parseOrdinalWords, VAGUE } from '../quantities/numberWords';

interface Hit { len: number; skip: number }
interface NameHit extends Hit { value: number; first: string }

function indexNames(list: NameEntry[]): Map<string, NameEntry[]> {
  const map = new Map<string, NameEntry[]>();
  for (const e of list) {
    const k = e.words[0];
    if (!map.has(k)) map.set(k, []);
    map.get(k)!.push(e);
  }
  for (const v of map.values()) v.sort((a, b) => b.words.length - a.words.length);
  return map;
}

const GREG = indexNames(GREGORIAN_MONTHS);
const HIJ = indexNames(HIJRI_MONTHS);
const WDS = indexNames(WEEKDAYS);

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
  'في', 'عيد', 'راس', 'المولد', 'رمضان', 'الاخير', 'الاخيره', 'عامي', 'الربع', 'النصف', 'ربع', 'نصف', 'غره',
  ...['عشرين', 'ثلاثين', 'اربعين', 'خمسين', 'ستين', 'سبعين', 'ثمانين', 'تسعين'].flatMap((w) => [`ال${w}يات`, `ال${w}ات`]),
]);
const TENS_OF: Record<string, number> = { 'عشرين': 2, 'ثلاثين': 3, 'اربعين': 4, 'خمسين': 5, 'ستين': 6, 'سبعين': 7, 'ثمانين': 8, 'تسعين': 9 };

const STARTER_STEMS = new Set([...STARTERS].map((w) => (w.startsWith('ال') ? w.slice(2) : w)));

/** Cheap superset test of "some clitic reading of w is a starter", without building the readings. */
function mayStart(w: string): boolean {
  for (let k = 0; k <= 4 && k < w.length - 1; k++) {
    if (k > 0 && !'وفبكلا'.includes(w[k - 1])) break;
    const rest = w.slice(k);
    if (STARTERS.has(rest) || STARTER_STEMS.has(rest)) return true;
  }
  return false;
}

function dirOf(w: string | undefined): Dir | undefined {
  if (!w) return undefined;
  if (PAST_WORDS.has(w)) return -1;
  if (FUTURE_WORDS.has(w)) return 1;
  if (w === 'الجاري' || w === 'الجاريه' || w === 'الحالي' || w === 'الحاليه') return 0;
  return undefined;
}

export class Grammar {
  constructor(private readonly toks: Tok[]) {}

  // ---- token helpers -------------------------------------------------------------------------

  private tok(i: number): Tok | undefined {
    return this.toks[i];
  }

  /** The normalised text of token i, whatever its kind. */
  text(i: number): string | undefined {
    return this.toks[i]?.n;
  }

  /** The plain normalised word at i, or undefined for numbers/punctuation/past the end. */
  w(i: number): string | undefined {
    const t = this.toks[i];
    return t && t.kind === 'w' ? t.n : undefined;
  }

  /** The first clitic reading of token i that satisfies pred. */
  form(i: number, pred: (w: string) => boolean): { skip: number; w: string } | undefined {
    const t = this.toks[i];
    if (!t || t.kind !== 'w') return undefined;
    return t.forms.find((f) => pred(f.w));
  }

  isWord(i: number, ...words: string[]): boolean {
    const w = this.w(i);
    return w !== undefined && words.includes(w);
  }

  /** Token i is the word, possibly with attached clitics. */
  isForm(i: number, ...words: string[]): boolean {
    return !!this.form(i, (w) => words.includes(w));
  }

  isPunct(i: number, ...chars: string[]): boolean {
    const t = this.toks[i];
    return !!t && t.kind === 'p' && chars.includes(t.n);
  }

  num(i: number): number | undefined {
    const t = this.toks[i];
    return t && t.kind === 'n' ? +t.n : undefined;
  }

  /** Tokens i and i+1 touch (no space between), as in 2023/11/18. */
  adjacent(i: number): boolean {
    const a = this.toks[i], b = this.toks[i + 1];
    return !!a && !!b && a.ne === b.ns;
  }

  private words(i: number, n: number): string[] {
    const out: string[] = [];
    for (let k = i; k < i + n && k < this.toks.length; k++) out.push(this.toks[k].kind === 'p' ? this.toks[k].n : this.toks[k].n);
    return out;
  }

  // ---- names ---------------------------------------------------------------------------------

  private name(i: number, index: Map<string, NameEntry[]>, allowClitics = true): NameHit | undefined {
    const t = this.toks[i];
    if (!t || t.kind !== 'w') return undefined;
    const forms = allowClitics ? t.forms : t.forms.slice(0, 1);
    for (const f of forms) {
      const entries = index.get(f.w);
      if (!entries) continue;
      for (const e of entries) {
        let ok = true;
        for (let k = 1; k < e.words.length; k++) if (this.w(i + k) !== e.words[k]) { ok = false; break; }
        if (ok) return { len: e.words.length, skip: f.skip, value: e.value, first: f.w };
      }
    }
    return undefined;
  }

  /** A Gregorian month name, with its other-tradition double ("أيار/ مايو", "8 أيار (مايو)"). */
  gregMonth(i: number): NameHit | undefined {
    const m = this.name(i, GREG);
    if (!m) return undefined;
    let j = i + m.len;
    // Double forms: "/", "-", "(" … ")" or "أو" followed by the same month in another tradition.
    const opener = this.isPunct(j, '/', '-', '(', '\\', '|');
    // Written side by side with no mark too ("11 سبتمبر أيلول 2001").
    const k0 = opener ? j + 1 : this.isWord(j, 'او') ? j + 1 : j;
    {
      const m2 = this.name(k0, GREG, false);
      if (m2 && m2.value === m.value && m2.first !== m.first) {
        j = k0 + m2.len;
        if (this.isPunct(i + m.len, '(') && this.isPunct(j, ')')) j++;
        return { ...m, len: j - i };
      }
    }
    return m;
  }

  hijriMonth(i: number): NameHit | undefined {
    return this.name(i, HIJ);
  }

  weekday(i: number, allowBare: boolean): NameHit | undefined {
    const h = this.name(i, WDS);
    if (!h) return undefined;
    // Names without the article (اثنين، أحد) are ordinary words unless the context asks for a day.
    if (!allowBare && !h.first.startsWith('ال')) return undefined;
    return h;
  }

  // ---- numbers -------------------------------------------------------------------------------

  /** Day of month: digits 1–31, or ordinal words ("الثالث عشر", "والعشرين"), "اليوم الثالث", "ثالث يوم". */
  day(i: number): (Hit & { d: number; words: boolean }) | undefined {
    const n = this.num(i);
    if (n !== undefined) {
      const t = this.tok(i)!;
      if (t.n.length <= 2 && n >= 1 && n <= 31) return { len: 1, skip: 0, d: n, words: false };
      return undefined;
    }
    let k = i, skip = 0;
    let lead = false;
    // "غرة شوال": the first day of the month.
    const ghurra = this.form(i, (w) => w === 'غره');
    if (ghurra) return { len: 1, skip: ghurra.skip, d: 1, words: true };
    if (this.isForm(i, 'اليوم', 'يوم')) { k = i + 1; lead = true; skip = this.form(i, (w) => w === 'اليوم' || w === 'يوم')!.skip; }
    const t = this.tok(k);
    if (!t || t.kind !== 'w') return undefined;
    for (const f of t.forms) {
      const ws = [f.w, ...this.words(k + 1, 2)];
      const o = parseOrdinalWords(ws, 0);
      if (o && o.value >= 1 && o.value <= 31) {
        let len = k - i + o.length;
        // "ثالث يوم من شهر عشرة"
        if (!lead && this.isWord(k + o.length, 'يوم')) len++;
        return { len, skip: lead ? skip : f.skip, d: o.value, words: true };
      }
    }
    return undefined;
  }

  /** A year: 4 digits (1000–2199), optionally marked Gregorian (م) or Hijri (هـ, هجري, للهجرة);
   *  an older Hijri year of 1–3 digits only with its Hijri mark ("سنة 36 هـ"). */
  year(i: number): (Hit & { y: number; hijri: boolean }) | undefined {
    const n = this.num(i);
    const t = this.tok(i);
    if (n === undefined || !t || t.n.length > 4 || n > 2199 || n < 1) return undefined;
    let len = 1;
    let hijri = false;
    if (this.isWord(i + 1, 'ه', 'هجري', 'هجريه', 'للهجره')) { hijri = true; len++; }
    else if (this.isWord(i + 1, 'م', 'ميلادي', 'ميلاديه', 'للميلاد')) len++;
    if (t.n.length !== 4 && !hijri) return undefined;
    return { len, skip: 0, y: n, hijri };
  }

  /** "عام 2003", "العام 2003", "لعام 2014", "سنة 2015", "بعام 2014", or a bare year. */
  yearPhrase(i: number, bareOk: boolean): (Hit & { y: number; hijri: boolean; keyword: boolean }) | undefined {
    const kw = this.form(i, (w) => w === 'عام' || w === 'العام' || w === 'سنه' || w === 'السنه' || w === 'عامي');
    if (kw) {
      const y = this.year(i + 1);
      if (y) return { len: 1 + y.len, skip: kw.skip, y: y.y, hijri: y.hijri, keyword: true };
      return undefined;
    }
    if (!bareOk) return undefined;
    const y = this.year(i);
    return y ? { ...y, keyword: false } : undefined;
  }

  /** Month given by number after "شهر" ("شهر 3", "شهر ثلاثة", "شهر عشرة") or "الشهر التاسع". */
  monthByNumber(i: number): (Hit & { m: number }) | undefined {
    const kw = this.form(i, (w) => w === 'شهر' || w === 'الشهر');
    if (!kw) return undefined;
    const n = this.num(i + 1);
    if (n !== undefined && n >= 1 && n <= 12 && this.tok(i + 1)!.n.length <= 2) return { len: 2, skip: kw.skip, m: n };
    const nx = this.w(i + 1);
    if (!nx) return undefined;
    if (kw.w === 'شهر') {
      const c = parseCardinalWords(this.words(i + 1, 3), 0);
      if (c && c.value >= 1 && c.value <= 12 && c.low === c.high) return { len: 1 + c.length, skip: kw.skip, m: c.value };
    } else {
      const o = parseOrdinalWords(this.words(i + 1, 3), 0);
      if (o && o.value >= 1 && o.value <= 12 && nx.startsWith('ال')) return { len: 1 + o.length, skip: kw.skip, m: o.value };
    }
    return undefined;
  }

  /**
   * A month reference: a Gregorian or Hijri name (after an optional "شهر"), a month number after
   * "شهر", or a relative month ("هذا الشهر", "الشهر الماضي"). `cue` tells whether "شهر" was written.
   */
  month(i: number): (Hit & { m?: number; monthRel?: number; hijri: boolean; cue: boolean; name?: string }) | undefined {
    let k = i, skip = 0, cue = false;
    // "شهر" as written (بشهر، وشهر), not "الشهر" read without its article.
    const kw = this.isForm(i, 'الشهر') ? undefined : this.form(i, (w) => w === 'شهر');
    if (kw) {
      const byNum = this.monthByNumber(i);
      if (byNum) return { ...byNum, hijri: false, cue: true };
      k = i + 1; skip = kw.skip; cue = true;
    } else {
      const byNum = this.monthByNumber(i);
      if (byNum) return { ...byNum, hijri: false, cue: true };
    }
    const g = this.gregMonth(k);
    if (g) return { len: k - i + g.len, skip: cue ? skip : g.skip, m: g.value, hijri: false, cue, name: g.first };
    const h = this.hijriMonth(k);
    if (h) return { len: k - i + h.len, skip: cue ? skip : h.skip, m: h.value, hijri: true, cue, name: h.first };
    if (!cue) {
      const rel = this.relMonth(i);
      if (rel) return { ...rel, hijri: false, cue: true };
    }
    return undefined;
  }

  /** "هذا الشهر", "الشهر الجاري/الماضي/المقبل". */
  relMonth(i: number): (Hit & { monthRel: number }) | undefined {
    if (this.isForm(i, 'هذا') && this.isWord(i + 1, 'الشهر')) return { len: 2, skip: this.form(i, (w) => w === 'هذا')!.skip, monthRel: 0 };
    const f = this.form(i, (w) => w === 'الشهر');
    if (f) {
      const d = dirOf(this.w(i + 1));
      if (d !== undefined) return { len: 2, skip: f.skip, monthRel: d };
    }
    return undefined;
  }

  /** "من العام الماضي", "من هذا العام", "السنة القادمة" after a month: the year relative to the reference. */
  relYear(i: number): (Hit & { yearRel: number }) | undefined {
    let k = i;
    if (this.isWord(k, 'من', 'في')) k++;
    if (this.isForm(k, 'هذا', 'هذه') && this.isWord(k + 1, 'العام', 'السنه')) return { len: k - i + 2, skip: 0, yearRel: 0 };
    if (this.isForm(k, 'العام', 'السنه')) {
      const d = dirOf(this.w(k + 1));
      if (d !== undefined) return { len: k - i + 2, skip: 0, yearRel: d };
    }
    return undefined;
  }

  /** Optional year after a date: ", 2023", "من عام 2014", "لعام 2014", "سنة 2015", "2023م". */
  trailingYear(i: number): (Hit & { y?: number; yearRel?: number; hijri: boolean }) | undefined {
    let k = i;
    if (this.isPunct(k, ',')) k++;
    if (this.isWord(k, 'من', 'في')) k++;
    const y = this.yearPhrase(k, true);
    if (y) return { len: k - i + y.len, skip: 0, y: y.y, hijri: y.hijri };
    const r = this.relYear(i);
    if (r) return { len: r.len, skip: 0, yearRel: r.yearRel, hijri: false };
    return undefined;
  }

  // ---- dates ---------------------------------------------------------------------------------

  /** True when the word before i makes a bare month or year a date ("في", "منذ", "أوائل"…). */
  private cueBefore(i: number): boolean {
    const t = this.toks[i - 1];
    if (!t || t.kind !== 'w') return false;
    return t.forms.some((f) => CUE_BEFORE.has(f.w) || PART_WORDS[f.w] !== undefined);
  }

  /** Day-first dates: "18 نوفمبر 2023", "10 من كانون الثاني", "الأول من شهر شباط", "15 رمضان 1445 هـ". */
  dayFirst(i: number): { match: Match; sem: DateSem } | undefined {
    const d = this.day(i);
    if (!d) return undefined;
    let k = i + d.len;
    if (this.isWord(k, 'من')) k++;
    const m = this.month(k);
    if (!m) return undefined;
    k += m.len;
    const sem: DateSem = { t: 'date', d: d.d };
    if (m.m !== undefined) sem.m = m.m;
    if (m.monthRel !== undefined) sem.monthRel = m.monthRel;
    if (m.hijri) sem.hijri = true;
    const y = this.trailingYear(k);
    if (y) {
      k += y.len;
      if (y.y !== undefined) sem.y = y.y;
      if (y.yearRel !== undefined) sem.yearRel = y.yearRel;
      if (y.hijri) sem.hijri = true;
    } else if (m.monthRel === undefined) {
      const dir = dirOf(this.w(k));
      if (dir !== undefined && dir !== 0) sem.dir = dir;
    }
    return { match: { i, skip: d.skip, j: k, sem }, sem };
  }

  /** Month-first dates: "يناير", "نوفمبر 2023", "يوليو 13", "شهر رمضان", "كانون الثاني الماضي". */
  monthFirst(i: number): { match: Match; sem: DateSem } | undefined {
    const m = this.month(i);
    if (!m || m.m === undefined) return undefined;
    let k = i + m.len;
    const sem: DateSem = { t: 'date', m: m.m };
    if (m.hijri) sem.hijri = true;
    // "يوليو 13" (day after the month, American order): digits not followed by more date digits.
    const dn = this.num(k);
    if (dn !== undefined && this.tok(k)!.n.length <= 2 && dn >= 1 && dn <= 31 && !this.isPunct(k + 1, ':', '/')) {
      sem.d = dn;
      k++;
    }
    const y = this.trailingYear(k);
    if (y) {
      k += y.len;
      if (y.y !== undefined) sem.y = y.y;
      if (y.yearRel !== undefined) sem.yearRel = y.yearRel;
      if (y.hijri) sem.hijri = true;
    }
    const bare = sem.d === undefined && sem.y === undefined && sem.yearRel === undefined;
    if (bare) {
      const dir = dirOf(this.w(k));
      const cued = m.cue || this.cueBefore(i) || (dir !== undefined && dir !== 0);
      if (m.hijri && !m.cue && !(dir !== undefined && dir !== 0)) return undefined; // رجب، صفر، رمضان are also names/words
      if (m.name && AMBIGUOUS_MONTHS.has(m.name) && !cued) return undefined;
      if (dir !== undefined && dir !== 0) sem.dir = dir;
    } else if (sem.d !== undefined && sem.y === undefined && sem.yearRel === undefined) {
      const dir = dirOf(this.w(k));
      if (dir !== undefined && dir !== 0) sem.dir = dir;
    }
    if (m.hijri && sem.d === undefined && sem.y === undefined && !m.cue && sem.dir === undefined) return undefined;
    // "شهر" is a cue, not part of the date (like "يوم" before a day): start at the name.
    let skip = m.skip, start = i;
    if (m.cue && this.isForm(i, 'شهر') && m.m !== undefined && !this.monthByNumber(i)) { start = i + 1; skip = this.toks[i + 1].forms[0].skip; }
    return { match: { i: start, skip, j: k, sem }, sem };
  }

  /** Numeric dates: 2023/11/18, 18/11/2023, 18-11-2023, 18.11.2023, 2/2013. */
  numeric(i: number): Match | undefined {
    const a = this.num(i);
    if (a === undefined) return undefined;
    const sep = this.tok(i + 1);
    if (!sep || sep.kind !== 'p' || !['/', '-', '.'].includes(sep.n) || !this.adjacent(i) || !this.adjacent(i + 1)) return undefined;
    const b = this.num(i + 2);
    if (b === undefined) return undefined;
    const la = this.tok(i)!.n.length, lb = this.tok(i + 2)!.n.length;
    const third = this.isPunct(i + 3, sep.n) && this.adjacent(i + 2) && this.adjacent(i + 3) ? this.num(i + 4) : undefined;
    if (third !== undefined) {
      const lc = this.tok(i + 4)!.n.length;
      // Do not read into a longer run (phone numbers, version strings).
      if (this.isPunct(i + 5, sep.n) && this.adjacent(i + 4)) return undefined;
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

  /** "عام 2003", "العام 2003", "سنة 1445 هـ", or a bare year after a cue ("في 2003", "منذ 2011"). */
  yearOnly(i: number): Match | undefined {
    const y = this.yearPhrase(i, true);
    if (!y) return undefined;
    if (!y.keyword && !y.hijri && !this.cueBefore(i)) return undefined;
    // A bare number followed by a counted noun is a quantity ("في 2000 موقع").
    if (!y.keyword && this.w(i + y.len) && !this.isWord(i + y.len, 'و', 'الي', 'حتي') && !this.cueAfterYear(i + y.len)) return undefined;
    return { i, skip: y.skip, j: i + y.len, sem: { t: 'date', y: y.y, ...(y.hijri ? { hijri: true } : {}) } };
  }

  private cueAfterYear(k: number): boolean {
    // Words that commonly follow a year in running text without making it a count.
    const w = this.w(k);
    return !!w && /^(و|ف)?(في|من|الي|علي|عن|حين|عندما|قبل|بعد|حتي|مع|بين|ثم|اذ|حيث|ان|انه|لكن|بعدما|كما|الا|او|اي|وهو|وهي|قد|لم|لن|كان|كانت)$/.test(w);
  }

  /** Any calendar date at i (longest of the readings). */
  absDate(i: number): Match | undefined {
    const cands: (Match | undefined)[] = [this.dayFirst(i)?.match, this.monthFirst(i)?.match, this.numeric(i), this.yearOnly(i)];
    return longest(cands);
  }

  // ---- weekdays ------------------------------------------------------------------------------

  /**
   * "الثلاثاء", "يوم الاثنين", "هذا الاثنين", "الثلاثاء الماضي", "الأحد من الأسبوع الماضي",
   * "ثلاثاء الأسبوع الفائت", "الخميس 15 آب", "الخميس الموافق 14 شهر شباط", "السبت السادس عشر".
   */
  weekdayExpr(i: number): Match | undefined {
    let k = i, skip = 0;
    let lead = false;
    let dir: Dir | undefined;
    const th = this.form(i, (w) => w === 'هذا');
    if (th) { k++; skip = th.skip; dir = 0; lead = true; }
    const yawm = this.isForm(k, 'اليوم') ? undefined : this.form(k, (w) => w === 'يوم');
    let hasYawm = false;
    if (yawm && this.weekday(k + 1, true)) { if (!lead) skip = yawm.skip; k++; lead = true; hasYawm = true; }
    const bareOk = hasYawm || this.isForm(k + 1, 'الاسبوع');
    const wd = this.weekday(k, bareOk);
    if (!wd) return undefined;
    if (!lead) skip = wd.skip;
    k += wd.len;
    // The weekday names اثنين/الاثنين also mean "two/both": "بين الاثنين", "كلا الاثنين".
    if (!hasYawm && !lead && wd.value === 1 && this.isForm(i - 1, 'بين', 'كلا')) return undefined;
    // "الأحد" is also "one of" ("أحد المسؤولين" / "الأحد عشر"): accept only as a whole word.
    // "الأحد عشر" (eleven) is not Sunday; nor, mostly, "الأحد" before a definite noun ("the one
    // …") unless a date follows.
    if (wd.value === 7 && !hasYawm) {
      const nx = this.w(k) ?? '';
      if (this.isWord(k, 'عشر', 'عشره')) return undefined;
      const nounAfter = nx.startsWith('ال') && dirOf(nx) === undefined && !this.isWord(k, 'الاسبوع', 'الموافق') && !this.day(k);
      if (nounAfter && !this.absDate(k)) return undefined;
    }
    const base: Match = { i, skip, j: k, sem: { t: 'weekday', wd: wd.value, ...(dir !== undefined ? { dir } : {}) } };
    // Attached date: "الخميس 15 آب", "الأربعاء، 13 شباط", "يوم الاثنين في 18 شباط", "الخميس الموافق 14 …".
    let q = k;
    if (this.isPunct(q, ',', '-')) q++;
    const paren = this.isPunct(q, '(');
    if (paren) q++;
    if (this.isForm(q, 'الموافق')) q++;
    if (this.isWord(q, 'في')) q++;
    const date = this.dayFirst(q) ?? this.monthFirst(q);
    if (date && date.sem.d !== undefined) {
      const j = paren && this.isPunct(date.match.j, ')') ? date.match.j + 1 : date.match.j;
      return { i, skip, j, sem: { ...date.sem, wd: wd.value } };
    }
    const num = this.numeric(q);
    if (num && num.sem.t === 'date' && num.sem.d !== undefined) return { i, skip, j: num.j, sem: { ...num.sem, wd: wd.value } };
    // "يوم السبت 21/09": day/month without a year after a weekday.
    const dd = this.num(q), mm = this.num(q + 2);
    if (dd !== undefined && mm !== undefined && this.isPunct(q + 1, '/') && this.adjacent(q) && this.adjacent(q + 1) && dd <= 31 && mm >= 1 && mm <= 12) {
      return { i, skip, j: q + 3, sem: { t: 'date', d: dd, m: mm, wd: wd.value } };
    }
    // Ordinal day: "السبت السادس عشر", "الثلاثاء التاسع عشر من هذا الشهر".
    const od = this.day(k);
    if (od && od.words && !this.isForm(k + od.len, 'من', 'في') || (od && od.words && this.relMonth(k + od.len + 1))) {
      let j = k + od!.len;
      const sem: DateSem = { t: 'date', d: od!.d, wd: wd.value };
      if (this.isWord(j, 'من')) {
        const rm = this.relMonth(j + 1);
        if (rm) { sem.monthRel = rm.monthRel; j += 1 + rm.len; }
      }
      return { i, skip, j, sem };
    }
    // Relative marker or week: "الثلاثاء الماضي", "الأحد من الأسبوع الماضي", "اثنين الأسبوع الحالي".
    const d = dirOf(this.w(k));
    if (d !== undefined && !this.isWord(k, 'الاخير', 'الاخيره')) return { i, skip, j: k + 1, sem: { t: 'weekday', wd: wd.value, dir: d } };
    let r = k;
    if (this.isWord(r, 'من')) r++;
    let thisWeek = false;
    if (this.isWord(r, 'هذا')) { r++; thisWeek = true; }
    if (this.isWord(r, 'الاسبوع')) {
      const wdir = dirOf(this.w(r + 1));
      if (wdir !== undefined) return { i, skip, j: r + 2, sem: { t: 'weekday', wd: wd.value, weekOff: wdir } };
      if (thisWeek) return { i, skip, j: r + 1, sem: { t: 'weekday', wd: wd.value, weekOff: 0 } };
    }
    return base;
  }

  // ---- n-th weekday / week / day of a month ---------------------------------------------------

  /** Ordinal number 1–5 or "last" at i: "ثالث", "الثالث", "الأولى", "آخر", "الأخير". */
  private ordinalSmall(i: number): (Hit & { n: number }) | undefined {
    const f = this.form(i, (w) => w === 'اخر' || w === 'الاخير' || w === 'الاخيره' || ORDINALS[w.replace(/^ال/, '')] !== undefined);
    if (!f) return undefined;
    if (f.w === 'اخر' || f.w === 'الاخير' || f.w === 'الاخيره') return { len: 1, skip: f.skip, n: -1 };
    const v = ORDINALS[f.w.replace(/^ال/, '')];
    if (v === undefined || v > 5) return undefined;
    if (this.isWord(i + 1, 'عشر', 'عشره')) return undefined;
    return { len: 1, skip: f.skip, n: v };
  }

  /** "of March [2014]" after an n-th: (من|في|ب)? month [year]. */
  private ofMonth(i: number): { len: number; sem: DateSem } | undefined {
    let k = i;
    const prep = this.form(k, (w) => w === 'من' || w === 'في');
    if (prep) k++;
    // "بشهر", "بايلول": the preposition attached.
    const m = this.month(k);
    if (!m) return undefined;
    k += m.len;
    const sem: DateSem = { t: 'date' };
    if (m.m !== undefined) sem.m = m.m;
    if (m.monthRel !== undefined) sem.monthRel = m.monthRel;
    const y = this.trailingYear(k) ?? (() => {
      // "بعام 2014", "السنة القادمة"
      const r = this.relYear(k);
      return r ? { len: r.len, skip: 0, yearRel: r.yearRel, hijri: false, y: undefined } : undefined;
    })();
    if (y) {
      k += y.len;
      if (y.y !== undefined) sem.y = y.y;
      if (y.yearRel !== undefined) sem.yearRel = y.yearRel;
    }
    return { len: k - i, sem };
  }

  nth(i: number): Match | undefined {
    // ORD WD / ORD يوم WD / WD ORD / ORD اسبوع / الاسبوع ORD / ORD يوم / اليوم الاخير
    const o = this.ordinalSmall(i);
    if (o) {
      let k = i + o.len;
      if (this.isWord(k, 'يوم') && this.weekday(k + 1, true)) k++;
      const wd = this.weekday(k, true);
      if (wd) {
        const of = this.ofMonth(k + wd.len);
        if (of) return { i, skip: o.skip, j: k + wd.len + of.len, sem: { t: 'nth', n: o.n, what: 'weekday', wd: wd.value, month: of.sem } };
      }
      if (this.isWord(k, 'اسبوع') || this.isWord(k, 'يوم')) {
        const what = this.isWord(k, 'اسبوع') ? 'week' : 'day';
        const of = this.ofMonth(k + 1);
        if (of && (of.sem.m !== undefined || of.sem.monthRel !== undefined)) return { i, skip: o.skip, j: k + 1 + of.len, sem: { t: 'nth', n: o.n, what, month: of.sem } as NthSem };
      }
    }
    const wd = this.weekday(i, false);
    if (wd) {
      const o2 = this.ordinalSmall(i + wd.len);
      if (o2) {
        const of = this.ofMonth(i + wd.len + 1);
        if (of) return { i, skip: wd.skip, j: i + wd.len + 1 + of.len, sem: { t: 'nth', n: o2.n, what: 'weekday', wd: wd.value, month: of.sem } };
      }
    }
    const unit = this.form(i, (w) => w === 'الاسبوع' || w === 'اليوم');
    if (unit) {
      const o3 = this.ordinalSmall(i + 1);
      if (o3 && (o3.n === -1 || unit.w === 'الاسبوع')) {
        const of = this.ofMonth(i + 2);
        if (of && (of.sem.m !== undefined || of.sem.monthRel !== undefined)) return { i, skip: unit.skip, j: i + 2 + of.len, sem: { t: 'nth', n: o3.n, what: unit.w === 'الاسبوع' ? 'week' : 'day', month: of.sem } };
      }
    }
    return undefined;
  }

  // ---- ranges --------------------------------------------------------------------------------

  private rangeSep(i: number): number {
    if (this.isPunct(i, '-')) return 1;
    const f = this.form(i, (w) => w === 'الي' || w === 'حتي' || w === 'لغايه');
    if (f) return 1;
    if (this.isWord(i, 'و')) return 1;
    return 0;
  }

  /** "13 الى 15 تموز", "من 1-8 شهر أيلول", "يوليو 13-15", "من 13 تموز الى 15 تموز", "بين 13 و15 يوليو". */
  range(i: number): Match | undefined {
    // day SEP date
    const d1 = this.day(i);
    if (d1) {
      let k = i + d1.len;
      const s = this.rangeSep(k);
      // "و15" has the conjunction attached to the number token? numbers never carry clitics; "و" is separate.
      if (s) {
        k += s;
        const second = this.dayFirst(k);
        if (second && second.sem.d !== undefined && second.sem.d > d1.d) {
          return { i, skip: d1.skip, j: second.match.j, sem: { t: 'range', from: { ...second.sem, d: d1.d, dir: undefined }, to: second.sem } };
        }
      }
    }
    // month day SEP day
    const m = this.month(i);
    if (m && m.m !== undefined) {
      let k = i + m.len;
      const a = this.num(k);
      if (a !== undefined && a <= 31 && this.tok(k)!.n.length <= 2) {
        const s = this.rangeSep(k + 1);
        const b = s ? this.num(k + 1 + s) : undefined;
        if (b !== undefined && b > a && b <= 31) {
          k = k + 2 + s;
          const to: DateSem = { t: 'date', m: m.m, d: b };
          const y = this.trailingYear(k);
          if (y) { k += y.len; if (y.y !== undefined) to.y = y.y; if (y.yearRel !== undefined) to.yearRel = y.yearRel; }
          return { i, skip: m.skip, j: k, sem: { t: 'range', from: { ...to, d: a }, to } };
        }
      }
    }
    // date SEP date
    const a = this.dayFirst(i) ?? this.monthFirst(i);
    if (a) {
      const k = a.match.j;
      const s = this.rangeSep(k);
      if (s && !this.isWord(k, 'و') || (s && this.isForm(i - 1, 'بين'))) {
        const b = this.dayFirst(k + s) ?? this.monthFirst(k + s);
        if (b) {
          const from: DateSem = { ...a.sem };
          if (from.m === undefined && from.monthRel === undefined) from.m = b.sem.m;
          if (from.y === undefined && from.yearRel === undefined) { if (b.sem.y !== undefined) from.y = b.sem.y; if (b.sem.yearRel !== undefined) from.yearRel = b.sem.yearRel; }
          return { i: a.match.i, skip: a.match.skip, j: b.match.j, sem: { t: 'range', from, to: b.sem } };
        }
      }
    }
    // year SEP year: "بين عامي 2003 و2005", "2003-2005" after a cue
    const y1 = this.yearPhrase(i, false) ?? (this.cueBefore(i) ? this.yearPhrase(i, true) : undefined);
    if (y1) {
      const k = i + y1.len;
      const s = this.rangeSep(k);
      const y2 = s ? this.year(k + s) : undefined;
      if (y2 && y2.y > y1.y && y2.y - y1.y < 200) return { i, skip: y1.skip, j: k + s + y2.len, sem: { t: 'range', from: { t: 'date', y: y1.y }, to: { t: 'date', y: y2.y } } };
    }
    return undefined;
  }

  // ---- relative expressions ------------------------------------------------------------------

  /** A count before a unit: digits, number words, "عدة"/"بضعة" (unknown). */
  private count(i: number): { len: number; n: number | null } | undefined {
    const n = this.num(i);
    if (n !== undefined) return { len: 1, n };
    const w = this.w(i);
    if (!w) return undefined;
    if (w === 'عده' || w === 'بضعه' || w === 'بضع' || w === 'عدد' || w === 'بعض') return { len: 1, n: null };
    if (VAGUE[w]) return undefined;
    const c = parseCardinalWords(this.words(i, 4), 0);
    if (c && c.low === c.high && c.value > 0) return { len: c.length, n: c.value };
    return undefined;
  }

  /** A unit with its count: "أيام", "يومين", "ثلاثة أيام", "أسبوع", "عدة أشهر". */
  private countedUnit(i: number): { len: number; unit: Unit; n: number | null } | undefined {
    const c = this.count(i);
    const k = c ? i + c.len : i;
    const u = UNIT_WORDS[this.w(k) ?? ''];
    if (!u) return undefined;
    if (c) return { len: k - i + 1, unit: u.unit, n: c.n };
    if (u.count) return { len: 1, unit: u.unit, n: u.count };
    if (u.plural) return { len: 1, unit: u.unit, n: null };
    return { len: 1, unit: u.unit, n: 1 };
  }

  /** "الشهر الماضي", "هذا الأسبوع", "العام المقبل", "السنة الحالية", "اليوم السابق". */
  periodRel(i: number): Match | undefined {
    const th = this.form(i, (w) => w === 'هذا' || w === 'هذه');
    if (th) {
      const u = this.w(i + 1);
      if (u && u.startsWith('ال') && UNIT_WORDS[u.slice(2)] && !UNIT_WORDS[u.slice(2)].plural && !UNIT_WORDS[u.slice(2)].count) {
        return { i, skip: th.skip, j: i + 2, sem: { t: 'rel', unit: UNIT_WORDS[u.slice(2)].unit, n: 0, sign: 0, anchor: 'period' } };
      }
    }
    const f = this.form(i, (w) => w.startsWith('ال') && !!UNIT_WORDS[w.slice(2)]);
    if (!f) return undefined;
    const u = UNIT_WORDS[f.w.slice(2)];
    if (u.count) {
      // "العامين الماضيين", "الأسبوعين المقبلين": the last/next two units.
      const d = dirOf(this.w(i + 1));
      if (d === undefined || d === 0) return undefined;
      return { i, skip: f.skip, j: i + 2, sem: { t: 'rel', unit: u.unit, n: u.count, sign: d, anchor: 'window' } };
    }
    if (u.plural) {
      // "الأسابيع الأخيرة", "الأشهر الثلاثة الماضية", "الأيام القليلة المقبلة"
      let k = i + 1;
      let n: number | null = null;
      const c = parseCardinalWords(this.words(k, 3).map((x) => x.replace(/^ال/, '')), 0);
      if (c && c.low === c.high) { n = c.value; k += c.length; }
      // "الساعات الـ24 الماضية", "الأيام 10 الأخيرة"
      else if (this.num(k) !== undefined || (this.isWord(k, 'ال') && this.num(k + 1) !== undefined)) { k += this.num(k) !== undefined ? 0 : 1; n = this.num(k)!; k++; }
      else if (this.isWord(k, 'القليله', 'العشر')) k++;
      const d = dirOf(this.w(k));
      if (d === undefined || d === 0) return undefined;
      return { i, skip: f.skip, j: k + 1, sem: { t: 'rel', unit: u.unit, n, sign: d, anchor: 'window' } };
    }
    const d = dirOf(this.w(i + 1));
    if (d === undefined) return undefined;
    return { i, skip: f.skip, j: i + 2, sem: { t: 'rel', unit: u.unit, n: Math.abs(d), sign: d, anchor: 'period' } };
  }

  /** "قبل أيام", "منذ عدة أشهر", "قبل أسبوع", "بعد يومين" — not "قبل أيام من الانتخابات". */
  agoRel(i: number): Match | undefined {
    const p = this.form(i, (w) => w === 'قبل' || w === 'منذ' || w === 'بعد');
    if (!p) return undefined;
    // "قبل نحو شهر", "منذ حوالي أسبوعين": an approximate count is still the same point.
    const approx = this.isWord(i + 1, 'نحو', 'حوالي', 'قرابه', 'زهاء') ? 1 : 0;
    const cu = this.countedUnit(i + 1 + approx);
    if (!cu) return undefined;
    const j = i + 1 + approx + cu.len;
    // "منذ عام 1931": the unit introduces a year, not a count.
    if (this.num(j) !== undefined) return undefined;
    // Anchored to an event, not to now.
    if (this.isForm(j, 'من', 'علي', 'عن')) return undefined;
    const sign = p.w === 'بعد' ? 1 : -1;
    // "منذ" with a bare singular unit is a duration ("منذ عام" = a year ago), still a point.
    return { i, skip: p.skip, j, sem: { t: 'rel', unit: cu.unit, n: cu.n, sign, anchor: 'ago' } };
  }

  /** أمس، البارحة، أول أمس، غدا، بعد غد، اليوم. */
  dayWords(i: number): Match | undefined {
    const mk = (len: number, skip: number, n: number): Match => ({ i, skip, j: i + len, sem: { t: 'rel', unit: 'D', n: Math.abs(n), sign: (Math.sign(n) as -1 | 0 | 1), anchor: 'period' } });
    // "يوم/اليوم" + (قبل|بعد) …: "يوم بعد غد", "اليوم الذي بعد الغد", "اليوم القبل البارحة"
    let k = i, skip = 0, lead = false;
    const y = this.form(i, (w) => w === 'يوم' || w === 'اليوم');
    if (y && (this.isForm(i + 1, 'بعد', 'قبل', 'الذي', 'الي', 'القبل', 'غد', 'امس') )) {
      k = i + 1; skip = y.skip; lead = true;
      if (this.isWord(k, 'الذي', 'الي')) k++;
    }
    let pre = this.form(k, (w) => w === 'بعد' || w === 'قبل' || w === 'القبل' || w === 'اول');
    // "أول أمس" takes no preposition: "باول أمس" is the name Powell before "أمس".
    if (pre && pre.w === 'اول' && !/^[وف]*$/.test(this.toks[k].n.slice(0, this.toks[k].n.length - 3))) pre = undefined;
    if (pre) {
      const nx = this.form(k + 1, (w) => w === 'غد' || w === 'الغد' || w === 'بكره' || w === 'بكرا' || w === 'امس' || w === 'البارحه' || w === 'امبارح');
      if (nx) {
        const future = nx.w === 'غد' || nx.w === 'الغد' || nx.w === 'بكره' || nx.w === 'بكرا';
        if (pre.w === 'بعد' && future) return mk(k + 2 - i, lead ? skip : pre.skip, 2);
        if (pre.w !== 'بعد' && !future) return mk(k + 2 - i, lead ? skip : pre.skip, -2);
      }
      if (lead) return undefined;
    }
    if (lead) {
      const nx = this.form(k, (w) => w === 'غد' || w === 'امس');
      if (nx) return mk(k + 1 - i, skip, nx.w === 'غد' ? 1 : -1);
      return undefined;
    }
    const f = this.form(i, (w) => ['امس', 'البارحه', 'امبارح', 'غدا', 'بكره', 'بكرا', 'اليوم', 'الغد'].includes(w));
    if (!f) return undefined;
    // "أمس الأول" = the day before yesterday.
    if (f.w === 'امس' && this.isWord(i + 1, 'الاول')) return mk(2, f.skip, -2);
    if (f.w === 'اليوم') {
      // "اليوم الماضي/السابق" = yesterday; "اليوم التالي" = the next day (relative to the story,
      // not to now: left out); "اليوم" alone = today — but not "ذلك اليوم" (that day) nor a named
      // day ("اليوم الوطني", "اليوم العالمي للمرأة", "اليوم الأول من …").
      const d = dirOf(this.w(i + 1));
      if (d === -1) return mk(2, f.skip, -1);
      if (d !== undefined) return undefined;
      if (this.isForm(i - 1, 'هذا', 'ذلك', 'تلك', 'نفس', 'ذات')) return undefined;
      const nx = this.w(i + 1);
      // A following nisba adjective or ordinal names a day (اليوم الوطني، اليوم الأول); a following
      // noun phrase is just the next words of the sentence ("يلتقي اليوم الرئيس").
      if (nx && nx.startsWith('ال') && (/(ي|يه)$/.test(nx) || ORDINALS[nx.slice(2)] !== undefined) && !this.weekday(i + 1, false)) return undefined;
      if (this.isWord(i + 1, 'نفسه', 'ذاته')) return undefined;
      return mk(1, f.skip, 0);
    }
    if (f.w === 'الغد') return f.skip > 0 || this.isForm(i - 1, 'يوم') ? mk(1, f.skip, 1) : undefined;
    return mk(1, f.skip, f.w === 'امس' || f.w === 'البارحه' || f.w === 'امبارح' ? -1 : 1);
  }

  /** "في وقت سابق من هذا الشهر", "في وقت لاحق من العام الجاري", "في وقت سابق اليوم". */
  earlierLater(i: number): Match | undefined {
    let k = i, skip = 0;
    const fi = this.form(i, (w) => w === 'في');
    if (fi) { k++; skip = fi.skip; }
    if (!this.isWord(k, 'وقت')) return undefined;
    if (!this.isWord(k + 1, 'سابق', 'لاحق', 'مبكر', 'متاخر', 'مبكره')) return undefined;
    let q = k + 2;
    if (this.isWord(q, 'من')) q++;
    const inner = this.periodRel(q) ?? this.dayWords(q);
    if (!inner || inner.sem.t !== 'rel' || inner.sem.anchor !== 'period') return undefined;
    return { i, skip: fi ? skip : this.toks[k].forms[0].skip, j: inner.j, sem: inner.sem };
  }

  // ---- parts of periods ----------------------------------------------------------------------

  /** "أوائل شباط", "نهاية العام 2003", "منتصف آذار", "مطلع الشهر الجاري", "بداية شهر 3". */
  part(i: number): Match | undefined {
    const f = this.form(i, (w) => PART_WORDS[w] !== undefined);
    if (!f) return undefined;
    // Part words are in the construct state: "الأول"/"الآخر" with the article are ordinals.
    const n0 = this.toks[i].n;
    if (n0.slice(0, n0.length - f.w.length).includes('ال')) return undefined;
    const mod: Mod = PART_WORDS[f.w];
    let k = i + 1;
    if (this.isWord(k, 'من')) k++;
    let inner = longest([this.absDate(k), this.periodRel(k), this.monthOnlyCued(k), this.decade(k)]);
    if (!inner) {
      // A bare period noun means the current one: "منذ مطلع العام", "نهاية الأسبوع", "أواخر الشهر".
      // Not "نصف السنة" (half a year, a duration) nor a qualified period ("بداية الشهر الهجري",
      // "نهاية العام الدراسي").
      const u = this.form(k, (w) => w === 'العام' || w === 'السنه' || w === 'الشهر' || w === 'الاسبوع');
      if (!u || f.w === 'نصف' || f.w === 'نص' || this.num(k + 1) !== undefined || this.isWord(k + 1, 'نفسه', 'ذاته')) return undefined;
      if ((this.w(k + 1) ?? '').startsWith('ال')) return undefined;
      const unit = UNIT_WORDS[u.w.slice(2)].unit;
      inner = { i: k, skip: 0, j: k + 1, sem: { t: 'rel', unit, n: 0, sign: 0, anchor: 'period' } };
    }
    const sem = inner.sem;
    if (sem.t === 'date') {
      if (sem.d !== undefined) return undefined; // "بداية 5 مايو" is not a part of a day
      return { i, skip: f.skip, j: inner.j, sem: { ...sem, mod } };
    }
    if (sem.t === 'rel' && sem.anchor === 'period' && sem.unit !== 'D') return { i, skip: f.skip, j: inner.j, sem: { ...sem, mod } };
    return undefined;
  }

  /** A bare month after a part word is always cued ("أوائل مارس"), even an ambiguous name. */
  private monthOnlyCued(i: number): Match | undefined {
    const m = this.month(i);
    if (!m || m.m === undefined) return undefined;
    return { i, skip: m.skip, j: i + m.len, sem: { t: 'date', m: m.m, ...(m.hijri ? { hijri: true } : {}) } };
  }

  /** "الربع الأول من العام 2023", "النصف الثاني من العام الماضي": quarters and halves of a year. */
  quarter(i: number): Match | undefined {
    const f = this.form(i, (w) => w === 'الربع' || w === 'النصف' || w === 'ربع' || w === 'نصف');
    if (!f) return undefined;
    const o = this.form(i + 1, (w) => ORDINALS[w.replace(/^ال/, '')] !== undefined || w === 'الاخير');
    if (!o) return undefined;
    const n = o.w === 'الاخير' ? (f.w.endsWith('ربع') ? 4 : 2) : ORDINALS[o.w.replace(/^ال/, '')];
    const part = f.w.endsWith('ربع') ? 'Q' : 'H';
    if (n < 1 || n > (part === 'Q' ? 4 : 2)) return undefined;
    let k = i + 2;
    if (this.isWord(k, 'من', 'في')) k++;
    const y = this.yearPhrase(k, true);
    const sem: DateSem = { t: 'date' };
    if (y) { sem.y = y.y; k += y.len; }
    else {
      const r = this.relYear(k);
      if (r) { sem.yearRel = r.yearRel; k += r.len; }
      else if (this.isForm(k, 'العام', 'السنه')) { sem.yearRel = 0; k++; }
      else return undefined;
    }
    return { i, skip: f.skip, j: k, sem: { ...sem, part: `${part}${n}` } };
  }

  /** "التسعينيات", "الثمانينات من القرن الماضي": decades (of the 1900s unless said otherwise). */
  decade(i: number): Match | undefined {
    const f = this.form(i, (w) => /^ال(عشرين|ثلاثين|اربعين|خمسين|ستين|سبعين|ثمانين|تسعين)(ي)?ات$/.test(w));
    if (!f) return undefined;
    const tens = f.w.replace(/^ال/, '').replace(/(ي)?ات$/, '');
    const n = TENS_OF[tens];
    let j = i + 1;
    let century = 19;
    if (this.isWord(j, 'من') && this.isWord(j + 1, 'القرن')) {
      if (this.isWord(j + 2, 'الماضي', 'العشرين')) { j += 3; century = 19; }
      else if (this.isWord(j + 2, 'التاسع') && this.isWord(j + 3, 'عشر')) { j += 4; century = 18; }
    }
    return { i, skip: f.skip, j, sem: { t: 'date', decade: century * 10 + n } };
  }

  // ---- holidays ------------------------------------------------------------------------------

  holiday(i: number): Match | undefined {
    const eid = this.form(i, (w) => w === 'عيد');
    let k = i + 1;
    let sem: Sem | undefined;
    if (eid) {
      const nx = this.w(k);
      if (nx === 'الفطر') sem = { t: 'holiday', name: 'عيد الفطر', hijri: { m: 10, d: 1 } };
      else if (nx === 'الاضحي') sem = { t: 'holiday', name: 'عيد الأضحى', hijri: { m: 12, d: 10 } };
      else if (nx === 'الميلاد' && !this.isWord(k + 1, 'ال')) sem = { t: 'holiday', name: 'عيد الميلاد', greg: { m: 12, d: 25 } };
      else if (nx === 'الفصح' || nx === 'القيامه') sem = { t: 'holiday', name: 'عيد الفصح', easter: true };
      if (sem) { k++; if (this.isWord(k, 'المجيد', 'المبارك', 'السعيد')) k++; }
    } else if (this.isForm(i, 'راس') && this.isWord(i + 1, 'السنه') && this.isWord(i + 2, 'الهجريه')) {
      sem = { t: 'holiday', name: 'رأس السنة الهجرية', hijri: { m: 1, d: 1 } }; k = i + 3;
    } else if (this.isForm(i, 'راس') && this.isWord(i + 1, 'السنه') && this.isWord(i + 2, 'الميلاديه')) {
      sem = { t: 'holiday', name: 'رأس السنة الميلادية', greg: { m: 1, d: 1 } }; k = i + 3;
    } else if (this.isForm(i, 'يوم') && this.isWord(i + 1, 'عرفه', 'عرفات')) {
      sem = { t: 'holiday', name: 'يوم عرفة', hijri: { m: 12, d: 9 } }; k = i + 2;
    } else if (this.isForm(i, 'المولد') && this.isWord(i + 1, 'النبوي')) {
      sem = { t: 'holiday', name: 'المولد النبوي', hijri: { m: 3, d: 12 } }; k = i + 2;
    } else if (this.isForm(i, 'رمضان', 'شهر')) {
      // "رمضان 2019", "شهر رمضان": the whole month. Bare "رمضان" is also a personal name.
      const withShahr = this.isForm(i, 'شهر') && this.isWord(i + 1, 'رمضان');
      if (withShahr || this.isForm(i, 'رمضان')) {
        k = withShahr ? i + 2 : i + 1;
        const y = this.trailingYear(k);
        if (!withShahr && !(y && y.y !== undefined)) return undefined;
        sem = { t: 'holiday', name: 'رمضان', hijri: { m: 9 } };
      }
    }
    if (!sem || sem.t !== 'holiday') return undefined;
    const y = this.trailingYear(k);
    if (y && y.y !== undefined) { sem.y = y.y; sem.yearIsHijri = y.hijri || y.y < 1600; k += y.len; }
    return { i, skip: this.toks[i].forms.find((f) => f.w === 'عيد' || f.w === 'راس' || f.w === 'يوم' || f.w === 'المولد' || f.w === 'رمضان' || f.w === 'شهر')?.skip ?? 0, j: k, sem };
  }

  // ---- everything ----------------------------------------------------------------------------

  /** The longest expression starting at token i. */
  at(i: number): Match | undefined {
    const t = this.toks[i];
    if (t.kind === 'p' || (t.kind === 'w' && !mayStart(t.n))) return undefined;
    const best = longest([
      this.part(i), this.range(i), this.nth(i), this.weekdayExpr(i), this.absDate(i),
      this.periodRel(i), this.agoRel(i), this.dayWords(i), this.earlierLater(i), this.holiday(i), this.quarter(i), this.decade(i),
      this.dayPart(i),
    ]);
    // "أمس الاثنين", "غدا الثلاثاء", "اليوم الأربعاء": one expression, the weekday confirms the day.
    if (best && best.sem.t === 'rel' && best.sem.unit === 'D' && best.sem.anchor === 'period' && (best.sem.n ?? 9) <= 2) {
      const wd = this.weekday(best.j, false);
      if (wd) {
        // "أمس الأربعاء 29 مايو": the written date is the value; the words around it confirm it.
        let q = best.j + wd.len;
        if (this.isPunct(q, ',')) q++;
        if (this.isForm(q, 'الموافق')) q++;
        const date = this.dayFirst(q);
        if (date && date.sem.d !== undefined) return { ...best, j: date.match.j, sem: { ...date.sem, wd: wd.value } };
        return { ...best, j: best.j + wd.len, sem: { ...best.sem, wd: wd.value } };
      }
    }
    return this.withClock(i, best);
  }

  // ---- parts of a day ------------------------------------------------------------------------

  /**
   * A part of a named day, in the span like the parts of months ("أوائل شباط"): "مساء الخميس",
   * "صباح اليوم", "فجر 8 أيار", "هذا المساء", "هذه الليلة", "الليلة الماضية". A bare "الليلة" is
   * left alone: it is as often "the night" of a story as "tonight".
   */
  dayPart(i: number): Match | undefined {
    const f = this.form(i, (w) => DAY_PARTS[w] !== undefined);
    if (f) {
      let q = i + 1;
      if (this.isWord(q, 'يوم') && !this.weekday(q + 1, true)) q++;
      const day = longest([this.weekdayExpr(q), this.dayWords(q), this.absDate(q)]);
      if (day && isDay(day.sem)) return { i, skip: f.skip, j: day.j, sem: { t: 'daypart', part: DAY_PARTS[f.w], words: f.w, day: day.sem } };
      return undefined;
    }
    const today = (n: number): RelSem => ({ t: 'rel', unit: 'D', n: Math.abs(n), sign: Math.sign(n) as -1 | 0, anchor: 'period' });
    const th = this.form(i, (w) => w === 'هذا' || w === 'هذه');
    if (th) {
      const w = this.w(i + 1);
      const part = w === 'الليله' ? 'NI' : w && w.startsWith('ال') ? DAY_PARTS[w.slice(2)] : undefined;
      if (part) return { i, skip: th.skip, j: i + 2, sem: { t: 'daypart', part, words: w!, day: today(0) } };
      return undefined;
    }
    // "الليلة الماضية" (last night), "ليلة أمس".
    const night = this.form(i, (w) => w === 'الليله' || w === 'ليله');
    if (night && night.w === 'الليله' && dirOf(this.w(i + 1)) === -1) return { i, skip: night.skip, j: i + 2, sem: { t: 'daypart', part: 'NI', words: 'الليله', day: today(-1) } };
    if (night && night.w === 'ليله' && this.isWord(i + 1, 'امس', 'البارحه')) return { i, skip: night.skip, j: i + 2, sem: { t: 'daypart', part: 'NI', words: 'ليله', day: today(-1) } };
    return undefined;
  }

  // ---- clock times ---------------------------------------------------------------------------

  /** A day followed by a clock time ("الخميس الساعة 8 مساءً"), a clock time followed by its day
   *  ("الثامنة مساء الخميس"), or a clock time alone. */
  private withClock(i: number, best: Match | undefined): Match | undefined {
    if (best && isDay(best.sem)) {
      const c = this.clockAfter(best.j);
      if (c) return { ...best, j: c.j, sem: { ...c.sem, day: best.sem } };
    }
    // "مساء الخميس الساعة 8": the part of the day places the hour.
    if (best && best.sem.t === 'daypart') {
      const c = this.clockAfter(best.j);
      if (c) {
        const sem: TimeSem = { ...c.sem, day: best.sem.day };
        if (!sem.halfKnown) {
          const span = new Set(PART_HOURS[best.sem.part]);
          sem.h = placeInPeriod(sem.h, span);
          if (sem.until) sem.until = { ...sem.until, h: placeInPeriod(sem.until.h, span) };
          sem.halfKnown = true;
          sem.period = best.sem.words;
        }
        return { ...best, j: c.j, sem };
      }
    }
    const c = this.clockOrRange(i);
    if (!c) return best;
    let q = c.j;
    if (this.isPunct(q, ',')) q++;
    if (this.isWord(q, 'من', 'في')) q++;
    // "من يوم 8 أيار": يوم before a written date (weekdayExpr keeps it itself: "يوم الخميس").
    const day = longest([this.weekdayExpr(q), this.absDate(q), this.dayWords(q), this.isWord(q, 'يوم') ? this.absDate(q + 1) : undefined]);
    const clock: Match = day && isDay(day.sem)
      ? { i, skip: c.skip, j: day.j, sem: { ...c.sem, day: day.sem } }
      : { i, skip: c.skip, j: c.j, sem: c.sem };
    return longest([best, clock]);
  }

  /** A clock time (or range) after a day, past a comma and a preposition ("الخميس، عند الساعة 8"). */
  private clockAfter(q: number): ReturnType<Grammar['clockOrRange']> {
    if (this.isPunct(q, ',', '-')) q++;
    if (this.isWord(q, 'في', 'عند', 'على', 'من', 'حوالي', 'نحو', 'قرابه', 'بحدود')) q++;
    return this.clockOrRange(q);
  }

  /** A clock time, or two joined by "إلى / حتى / -" ("من الساعة 3 إلى الساعة 4 بعد العصر"). */
  private clockOrRange(i: number): { j: number; skip: number; sem: TimeSem } | undefined {
    const a = clockAt(this, i);
    if (!a) return undefined;
    const q = i + a.len;
    if (this.isForm(q, 'الي', 'حتي', 'لغايه') || this.isPunct(q, '-')) {
      const b = clockAt(this, q + 1);
      if (b) {
        const from = { ...a };
        // The part of the day written once, after the end, holds for both ("3 إلى 4 بعد العصر").
        if (!a.halfKnown && b.halfKnown && b.h >= 12 && a.h < 12 && a.h + 12 <= b.h) { from.h = a.h + 12; from.halfKnown = true; from.period = b.period; }
        const sem = timeSem(from);
        sem.until = { h: b.h, min: b.min, ...(b.sec !== undefined ? { sec: b.sec } : {}) };
        if (b.zone && !sem.zone) sem.zone = b.zone;
        return { j: q + 1 + b.len, skip: a.skip, sem };
      }
    }
    return { j: q, skip: a.skip, sem: timeSem(a) };
  }
}

/** The hours of each TIMEX part of the day, to read a clock time written after it. */
const PART_HOURS: Record<DayPart, number[]> = { MO: hours(4, 11), MI: hours(11, 14), AF: hours(13, 17), EV: hours(17, 23), NI: hours(20, 4) };

/** Words for parts of the day in construct before a day ("مساءَ الخميس"), with their TIMEX code.
 *  ICU's day periods are adverbs ("مساءً"); these are the nouns news puts before a day. */
const DAY_PARTS: Record<string, DayPart> = {
  'صباح': 'MO', 'فجر': 'MO', 'ضحي': 'MO', 'ظهر': 'MI', 'ظهيره': 'MI', 'عصر': 'AF', 'مساء': 'EV', 'ليل': 'NI',
  // Not "ليلة" + day: "ليلة الجمعة" is, by custom, the night before Friday; its day is not certain.
};

/** Meanings that name one day, which a clock time or a part of the day can be on. */
function isDay(sem: Sem): sem is DaySem {
  switch (sem.t) {
    case 'date': return sem.d !== undefined;
    case 'weekday': return true;
    case 'rel': return sem.unit === 'D' && sem.anchor !== 'window';
    case 'nth': return sem.what !== 'week';
    case 'holiday': return sem.greg !== undefined || sem.hijri?.d !== undefined || !!sem.easter;
    default: return false;
  }
}

function timeSem({ len: _len, skip: _skip, ...time }: ClockHit, day?: DaySem): TimeSem {
  return { t: 'time', ...time, ...(day ? { day } : {}) };
}

export function longest(ms: (Match | undefined)[]): Match | undefined {
  let best: Match | undefined;
  for (const m of ms) if (m && m.j > m.i && (!best || m.j > best.j || (m.j === best.j && m.i < best.i))) best = m;
  return best;
}

export type { RelSem };
