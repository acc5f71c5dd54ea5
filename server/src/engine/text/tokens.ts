// Word tokens. Display units are the words as written (Intl.Segmenter word boundaries); for
// matching, each carries its normalised form and a stem without the proclitics و ف ب ك ل and the
// article ال — split for matching, never for display.
import type { Token } from '../model';
import { norm } from './normalize';

const wordSegmenter = new Intl.Segmenter('ar', { granularity: 'word' });

export interface CliticSplit {
  /** The proclitic letters removed, as written in the original (e.g. "وب", "وال", "لل"). */
  prefixLength: number;
  /** Normalised stem. */
  stem: string;
}

const MIN_STEM = 2;

/**
 * Split proclitics off a NORMALISED word, light-stemmer style: an optional conjunction (و|ف),
 * then either the article with an optional preposition (ال, بال, كال, لل = ل + ال with the alef
 * elided) or a bare preposition (ب|ك|ل). A single-letter clitic is only removed when three
 * letters remain, because many short words begin with these letters (ولد, بلد, كتب). Words that
 * merely start with و (وزير) are stripped too: matching applies the same rule on both sides.
 */
export function splitProclitics(w: string): CliticSplit {
  if (!/^[\u0621-\u064A]/.test(w)) return { prefixLength: 0, stem: w };
  let i = 0;
  const rest = (k: number) => w.length - k;
  if ((w[i] === 'و' || w[i] === 'ف') && rest(i + 1) >= 3) i++;
  if (w.startsWith('لل', i) && rest(i + 2) >= MIN_STEM + 1) i += 2;
  else if ('بكل'.includes(w[i]) && w.startsWith('ال', i + 1) && rest(i + 3) >= MIN_STEM) i += 3;
  else if (w.startsWith('ال', i) && rest(i + 2) >= MIN_STEM) i += 2;
  else if ('بكل'.includes(w[i]) && rest(i + 1) >= 3) i++;
  return { prefixLength: i, stem: w.slice(i) };
}

/** Map a count of normalised letters removed from the front back to original code units. */
function originalPrefixLength(word: string, normCount: number): number {
  if (normCount === 0) return 0;
  let seen = 0;
  for (let i = 0; i < word.length; i++) {
    if (norm(word[i]).length > 0) {
      seen++;
      if (seen === normCount) {
        // Keep the marks of that letter with it.
        let j = i + 1;
        while (j < word.length && norm(word[j]).length === 0) j++;
        return j;
      }
    }
  }
  return word.length;
}

// V8's segment iterator slows down more than linearly on long strings (a 100 000-character text
// took 16 s in one piece, 0.3 s in chunks), so the text is segmented in pieces cut at whitespace,
// which is a word boundary in every script we meet.
const CHUNK = 2000;

// A text with no whitespace for this long (a run of NULs or of letters, in a damaged or hostile
// file) is cut anyway, where no letter loses its marks and no surrogate pair is split: no real word
// is that long, and in one piece the segmenter would take minutes on a 1 MB line.
const MAX_CHUNK = 4 * CHUNK;
const ATTACHED = /[\p{M}\u200C\u200D\uDC00-\uDFFF]/u;

function* chunks(text: string): Generator<[number, string]> {
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + CHUNK);
    if (to < text.length) {
      const ws = /\s/g;
      ws.lastIndex = to;
      to = ws.exec(text)?.index ?? text.length;
      if (to - from > MAX_CHUNK) {
        to = from + MAX_CHUNK;
        while (to < text.length && ATTACHED.test(text[to])) to++;
      }
    }
    yield [from, text.slice(from, to)];
    from = to;
  }
}

const SPACE_ONLY = /^\s+$/;
const NUMBER = /^[0-9.,]+$/;
// A whitespace-delimited run of Arabic letters and marks only: ICU's word rules (UAX #29: letters
// and their marks never break apart, whitespace always breaks) make it exactly one word, so it is
// taken as one without calling the segmenter, which costs about a microsecond per segment. Runs
// with anything else (digits, punctuation, Latin, other marks) go through ICU as before.
const ARABIC_WORD = /^[\u0621-\u063A\u0641-\u064A][\u0621-\u063A\u0641-\u065F\u0670]*$/;
// Runs are cut at ASCII whitespace only: JavaScript's \s also matches U+FEFF and other characters
// that ICU ignores inside a word.
const RUN = /[^ \t\n\r]+/g;
// A run that starts with a mark or a format character (a stray diacritic, a right-to-left mark)
// attaches it to the whitespace before it (UAX #29, rule WB4), so that whitespace goes to ICU too.
const STARTS_WITH_MARK = /^[\p{M}\p{Cf}]/u;

function pushToken(out: Token[], s: string, start: number, wordLike: boolean | undefined): void {
  const end = start + s.length;
  const n = norm(s);
  if (wordLike) {
    const kind: Token['kind'] = NUMBER.test(n) ? 'number' : 'word';
    const split = kind === 'word' ? splitProclitics(n) : { prefixLength: 0, stem: n };
    out.push({ start, end, text: s, norm: n, stem: split.stem, stemStart: start + originalPrefixLength(s, split.prefixLength), kind });
  } else {
    out.push({ start, end, text: s, norm: n, stem: n, stemStart: start, kind: 'punct' });
  }
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  // Runs that need ICU are segmented together, up to the next plain Arabic word, in one call.
  let pendingFrom = -1, pendingTo = -1;
  const flush = () => {
    if (pendingFrom < 0) return;
    for (const [offset, piece] of chunks(text.slice(pendingFrom, pendingTo))) {
      for (const seg of wordSegmenter.segment(piece)) {
        if (SPACE_ONLY.test(seg.segment)) continue;
        pushToken(out, seg.segment, pendingFrom + offset + seg.index, seg.isWordLike);
      }
    }
    pendingFrom = -1;
  };
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    if (ARABIC_WORD.test(m[0])) {
      flush();
      pushToken(out, m[0], m.index, true);
    } else {
      if (pendingFrom < 0) {
        pendingFrom = m.index;
        if (STARTS_WITH_MARK.test(m[0])) while (pendingFrom > 0 && /[ \t\n\r]/.test(text[pendingFrom - 1])) pendingFrom--;
      }
      pendingTo = m.index + m[0].length;
    }
  }
  flush();
  return out;
}

/** Tokens whose start lies inside [start, end). Tokens are sorted, so binary search. */
export function tokensIn(tokens: Token[], start: number, end: number): Token[] {
  let lo = 0, hi = tokens.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens[mid].end <= start) lo = mid + 1; else hi = mid; }
  const res: Token[] = [];
  for (let i = lo; i < tokens.length && tokens[i].start < end; i++) res.push(tokens[i]);
  return res;
}
