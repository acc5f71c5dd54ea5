// What every part of the date grammar reads the token stream (scan.ts) with: the words, numbers
// and punctuation at a position, their clitic readings (وفي → في), and the calendar names of the
// lexicon (months of every tradition, weekdays). The expression families (one file each in this
// folder) are functions of a Reader and a position; they return the longest match they can read.
import type { Tok } from '../scan';
import type { Dir, Match } from '../sem';
import { CUE_BEFORE, FUTURE_WORDS, GREGORIAN_MONTHS, HIJRI_MONTHS, PART_WORDS, PAST_WORDS, WEEKDAYS, type NameEntry } from '../lexicon';

export interface Hit { len: number; skip: number }
export interface NameHit extends Hit { value: number; first: string }

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

/** Names indexed by their first (normalised) word, longest names first. */
export const GREG = indexNames(GREGORIAN_MONTHS);
export const HIJ = indexNames(HIJRI_MONTHS);
export const WDS = indexNames(WEEKDAYS);

/** -1 for "الماضي", +1 for "المقبل", 0 for "الجاري"; undefined for any other word. */
export function dirOf(w: string | undefined): Dir | undefined {
  if (!w) return undefined;
  if (PAST_WORDS.has(w)) return -1;
  if (FUTURE_WORDS.has(w)) return 1;
  if (w === 'الجاري' || w === 'الجاريه' || w === 'الحالي' || w === 'الحاليه') return 0;
  return undefined;
}

/** The longest match (the earliest start among equally long ones). */
export function longest(ms: (Match | undefined)[]): Match | undefined {
  let best: Match | undefined;
  for (const m of ms) if (m && m.j > m.i && (!best || m.j > best.j || (m.j === best.j && m.i < best.i))) best = m;
  return best;
}

export class Reader {
  constructor(readonly toks: Tok[]) {}

  tok(i: number): Tok | undefined {
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

  /** Digits written at i (with their leading zeros), or undefined. */
  digits(i: number): string | undefined {
    const t = this.toks[i];
    return t && t.kind === 'n' ? t.n : undefined;
  }

  /** Tokens i and i+1 touch (no space between), as in 2023/11/18. */
  adjacent(i: number): boolean {
    const a = this.toks[i], b = this.toks[i + 1];
    return !!a && !!b && a.ne === b.ns;
  }

  /** The normalised texts of up to n tokens from i (words, numbers and punctuation alike). */
  words(i: number, n: number): string[] {
    const out: string[] = [];
    for (let k = i; k < i + n && k < this.toks.length; k++) out.push(this.toks[k].n);
    return out;
  }

  // ---- calendar names ------------------------------------------------------------------------

  /** A calendar name at i; `article` allows reading it with the article removed (weekdays: "الاثنين"
   *  and "اثنين" name the same day; month names never take it: "الأب" is not "آب"). */
  name(i: number, index: Map<string, NameEntry[]>, allowClitics = true, article = true): NameHit | undefined {
    const t = this.toks[i];
    if (!t || t.kind !== 'w') return undefined;
    const forms = allowClitics ? t.forms : t.forms.slice(0, 1);
    for (const f of forms) {
      if (!article && /(ال|لل)$/.test(t.n.slice(0, f.skip))) continue;
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

  hijriMonth(i: number): NameHit | undefined {
    return this.name(i, HIJ, true, false);
  }

  weekday(i: number, allowBare: boolean): NameHit | undefined {
    const h = this.name(i, WDS);
    if (!h) return undefined;
    // "واحد" (one) is not "و" + "احد" (Sunday).
    if (h.skip > 0 && this.toks[i].n === 'واحد') return undefined;
    // Names without the article (اثنين، أحد) are ordinary words unless the context asks for a day.
    if (!allowBare && !h.first.startsWith('ال')) return undefined;
    return h;
  }

  /** True when the word before i makes a bare month or year a date ("في", "منذ", "أوائل"…, or a
   *  weekday: "الخميس، مارس الثالث والعشرين"). */
  cueBefore(i: number): boolean {
    const t = this.toks[i - 1];
    if (t && t.kind === 'p' && t.n === ',' && this.weekday(i - 2, false)) return true;
    if (!t || t.kind !== 'w') return false;
    if (this.weekday(i - 1, false)) return true;
    return t.forms.some((f) => CUE_BEFORE.has(f.w) || PART_WORDS[f.w] !== undefined);
  }
}
