// The token stream the date grammar walks: words, numbers and punctuation of the NORMALISED text,
// each with its original UTF-16 span, and the clitic-stripped forms of words (وفي → في, بشهر → شهر,
// للعام → العام) so that attached prepositions stay outside the spans.
import { normalize } from '../text/normalize';
import { bareForms } from '../quantities/numberWords';
import type { Match } from './sem';

export class Tok {
  private cached: { skip: number; w: string }[] | undefined;
  constructor(
    /** Normalised text of the token. */
    readonly n: string,
    readonly kind: 'w' | 'n' | 'p',
    /** Normalised offsets. */
    readonly ns: number,
    readonly ne: number,
    /** The token begins a line (nothing but spaces before it on its line). */
    readonly lineStart = false,
  ) {}

  /** Forms with proclitics removed (skip = normalised letters removed); the first is the word
   *  itself. Computed on first use: most tokens are never asked. */
  get forms(): { skip: number; w: string }[] {
    if (!this.cached) this.cached = this.kind === 'w' ? bareForms(this.n) : [{ skip: 0, w: this.n }];
    return this.cached;
  }
}

export interface Scan {
  text: string;
  toks: Tok[];
  /** Original span of tokens [i, j) with `skip` normalised letters left out of the first one. */
  span(i: number, j: number, skip?: number): { start: number; end: number };
  /** The date grammar's expressions over `toks`, once computed (dates/index.ts). */
  expressions?: Match[];
}

const TOKEN = /[\u0621-\u063A\u0641-\u064Aa-z]+|[0-9]+|\S/g;

// Dates and quantities of one article are recognised one after the other on the same text: keep
// the last stream so the second pass does not normalise and split the text again.
let last: Scan | undefined;

export function scan(text: string): Scan {
  if (last && last.text === text) return last;
  last = scanText(text);
  return last;
}

function scanText(text: string): Scan {
  const N = normalize(text);
  const toks: Tok[] = [];
  let prevEnd = 0;
  for (const m of N.text.matchAll(TOKEN)) {
    const n = m[0];
    const kind: Tok['kind'] = /^[0-9]/.test(n) ? 'n' : /^[\u0621-\u064Aa-z]/.test(n) ? 'w' : 'p';
    const lineStart = toks.length === 0 || N.text.slice(prevEnd, m.index!).includes('\n');
    toks.push(new Tok(n, kind, m.index!, m.index! + n.length, lineStart));
    prevEnd = m.index! + n.length;
  }
  return {
    text,
    toks,
    span(i: number, j: number, skip = 0) {
      return N.toOriginal(toks[i].ns + skip, toks[j - 1].ne);
    },
  };
}
