// Re-finding annotations after the article text changed. Each annotation stores its quote and up
// to 32 UTF-16 units of text before and after it (the W3C TextQuoteSelector idea). Strategies, in
// order, each stricter than a guess:
//  1. position: the same offsets still hold the same quote, and no other place agrees better with
//     the stored context;
//  2. context: the exact quote elsewhere, scored by how much of the old prefix/suffix surrounds it
//     (one inserted or deleted stretch tolerated), then by nearness to where it probably moved;
//  3. normalised: the quote on normalised text (diacritics, hamza forms, tatweel, digits folded);
//  4. fuzzy: long quotes by their first and last words, others by edit distance, within 15% of the
//     quote's length and near the old position.
// Whatever none of them places is marked orphaned and kept with its last known offsets.
import { normalize, type NormalizedText } from '../engine/text/normalize';
import { segmentSentences } from '../engine/text/sentences';
import { ANCHOR_CONTEXT, type Anchor, type Anchored, type Sidecar } from './format';
import { sha256Hex } from './sidecarFile';

const MARK = /[\p{M}\u0640]/u;

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

export function makeAnchor(text: string, start: number, end: number): Anchor {
  let ps = Math.max(0, start - ANCHOR_CONTEXT);
  // Never cut a surrogate pair in half at the edge of the context.
  if (ps > 0 && isLowSurrogate(text.charCodeAt(ps))) ps++;
  let se = Math.min(text.length, end + ANCHOR_CONTEXT);
  if (se < text.length && isHighSurrogate(text.charCodeAt(se - 1))) se--;
  return { start, end, text: text.slice(start, end), prefix: text.slice(ps, start), suffix: text.slice(end, se) };
}

export type Relocation = { start: number; end: number; how: 'position' | 'context' | 'fuzzy' };

/** Length of the common ending of a and b. */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
}
/** Length of the common beginning of a and b. */
function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** Diacritics and tatweel come and go in edits; context agreement ignores them. */
const stripMarks = (s: string) => s.replace(/[\p{M}\u0640]/gu, '');
/** Extra units read around a candidate so that stripped marks do not shorten the context. */
const MARK_SLACK = 8;

function contextScore(text: string, start: number, end: number, prefix: string, suffix: string): number {
  const before = stripMarks(text.slice(Math.max(0, start - prefix.length - MARK_SLACK), start));
  const after = stripMarks(text.slice(end, end + suffix.length + MARK_SLACK));
  return commonSuffix(before, stripMarks(prefix)) + commonPrefix(after, stripMarks(suffix));
}

/** Keep a letter with its marks: extend over marks that follow, never start on one. */
function snap(text: string, start: number, end: number): { start: number; end: number } {
  while (start > 0 && start < end && MARK.test(text[start])) start--;
  while (end < text.length && MARK.test(text[end])) end++;
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
  return { start, end };
}

/** Cap on candidates examined for one quote (a one-letter quote in a long text). */
const MAX_CANDIDATES = 5000;

function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = hay.indexOf(needle); i >= 0 && out.length < MAX_CANDIDATES; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** What a gap (text inserted into or deleted from the context) costs, in agreeing characters. */
const GAP = 2;
/** The longest insertion next to a quote that its context can still be recognised across. */
const MAX_INSERTION = 64;

/**
 * How much of a stored context survives next to a candidate, tolerating one edit: the agreeing
 * characters read outward from the quote, allowing one gap (text inserted into the article, or
 * stored context deleted from it) at a cost of GAP. Both strings start at the quote.
 */
function sideScore(stored: string, found: string): number {
  const k = commonPrefix(stored, found);
  let best = k;
  if (k === stored.length) return best;
  const restStored = stored.slice(k);
  for (let g = 1; k + g < found.length; g++) {
    const m = commonPrefix(restStored, found.slice(k + g));
    if (m > 0) best = Math.max(best, k + m - GAP);
  }
  const restFound = found.slice(k);
  for (let g = 1; k + g < stored.length; g++) {
    const m = commonPrefix(stored.slice(k + g), restFound);
    if (m > 0) best = Math.max(best, k + m - GAP);
  }
  return best;
}

const reverse = (s: string) => Array.from(s).reverse().join('');

/** Stand-ins for the start and end of the text: "the quote was at the very start" is context too. */
const TEXT_START = '\u0002';
const TEXT_END = '\u0003';

interface Edges { atStart: boolean; atEnd: boolean }

/** The stored prefix reached the start of the text when it is shorter than the offset allows; a
 *  suffix shorter than the context size (less one unit for a surrogate pair) reached the end. */
function edgesOf(a: Anchor): Edges {
  return { atStart: a.start === a.prefix.length, atEnd: a.suffix.length < ANCHOR_CONTEXT - 1 };
}

function refinedScore(text: string, start: number, end: number, prefix: string, suffix: string, edges: Edges): number {
  const p = (edges.atStart ? TEXT_START : '') + stripMarks(prefix);
  const q = stripMarks(suffix) + (edges.atEnd ? TEXT_END : '');
  const from = start - prefix.length - MARK_SLACK - MAX_INSERTION;
  const to = end + suffix.length + MARK_SLACK + MAX_INSERTION;
  const before = (from <= 0 ? TEXT_START : '') + stripMarks(text.slice(Math.max(0, from), start));
  const after = stripMarks(text.slice(end, to)) + (to >= text.length ? TEXT_END : '');
  return sideScore(reverse(p), reverse(before)) + sideScore(q, after);
}

/** Candidates refined with the edit-tolerant score: the best by plain agreement and the nearest. */
const SHORTLIST = 8;
const NEAREST = 2;

/** Best exact occurrence by context agreement, then nearness to `near`. */
function bestByContext(hay: string, needle: string, prefix: string, suffix: string, near: number, edges: Edges): { at: number; score: number; count: number } | null {
  const occ = occurrences(hay, needle);
  if (occ.length === 0) return null;
  const dist = (at: number) => Math.abs(at - near);
  const quick = occ.map((at) => ({ at, score: contextScore(hay, at, at + needle.length, prefix, suffix) }));
  const shortlist = new Set<number>();
  for (const c of [...quick].sort((x, y) => y.score - x.score || dist(x.at) - dist(y.at)).slice(0, SHORTLIST)) shortlist.add(c.at);
  for (const at of [...occ].sort((x, y) => dist(x) - dist(y)).slice(0, NEAREST)) shortlist.add(at);
  let best: { at: number; score: number } | null = null;
  for (const at of shortlist) {
    const score = refinedScore(hay, at, at + needle.length, prefix, suffix, edges);
    if (!best || score > best.score || (score === best.score && dist(at) < dist(best.at))) best = { at, score };
  }
  return { ...best!, count: occ.length };
}

/** A quote found with no agreeing context at all is accepted only when it is unambiguous. */
function acceptable(found: { score: number; count: number }, quoteLength: number): boolean {
  // A short quote (a name, a word) occurs in many places: another occurrence is the same passage
  // only if some of its neighbouring text agrees — more than the space or comma found anywhere.
  // Otherwise a decision about one mention would silently move to another.
  return found.score >= MIN_CONTEXT || (quoteLength >= LONG_QUOTE && found.count <= 2);
}

/** Agreeing context characters that tie a short quote to its passage. */
const MIN_CONTEXT = 3;
/** Quotes this long are distinctive by themselves. */
const LONG_QUOTE = 12;

/** Minimum normalised quote length for an approximate match, and the edit budget. */
const FUZZY_MIN_LENGTH = 4;
const fuzzyBudget = (m: number) => Math.max(1, Math.floor(m * 0.15));
/** Approximate matching looks this far (normalised chars) around the old position. */
const FUZZY_WINDOW = 3000;
const FUZZY_MAX_QUOTE = 400;

/**
 * Approximate substring match (Sellers): the substring of hay[lo, hi) closest to needle by edit
 * distance, ties broken by nearness to `near`. Returns null above the budget.
 */
function approximate(hay: string, needle: string, lo: number, hi: number, near: number, budget: number): { start: number; end: number; dist: number } | null {
  const m = needle.length;
  let prev = new Int32Array(m + 1), cur = new Int32Array(m + 1);
  let prevStart = new Int32Array(m + 1), curStart = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) { prev[i] = i; prevStart[i] = lo; }
  let best: { start: number; end: number; dist: number } | null = null;
  for (let j = lo; j < hi; j++) {
    const c = hay.charCodeAt(j);
    cur[0] = 0; curStart[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      const sub = prev[i - 1] + (needle.charCodeAt(i - 1) === c ? 0 : 1);
      const del = cur[i - 1] + 1; // needle char missing from hay
      const ins = prev[i] + 1; // extra hay char
      if (sub <= del && sub <= ins) { cur[i] = sub; curStart[i] = prevStart[i - 1]; }
      else if (del <= ins) { cur[i] = del; curStart[i] = curStart[i - 1]; }
      else { cur[i] = ins; curStart[i] = prevStart[i]; }
    }
    const d = cur[m];
    if (d <= budget) {
      const cand = { start: curStart[m], end: j + 1, dist: d };
      if (!best || d < best.dist || (d === best.dist && Math.abs(cand.start - near) < Math.abs(best.start - near))) best = cand;
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  return best;
}

/** Length of the start and end pieces a long quote (a sentence) is found by. */
const EDGE = 40;

/** Edit distance between two strings (for verifying a long candidate; quadratic but rare). */
function editDistance(a: string, b: string): number {
  let prev = new Int32Array(b.length + 1), cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j - 1] + (b.charCodeAt(j - 1) === c ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/**
 * A long quote (a whole sentence) edited in its middle: find its first and last EDGE characters
 * near the old place, in order, and accept the stretch between them if it is within the edit
 * budget of the quote.
 */
function headAndTail(hay: string, q: string, near: number): { start: number; end: number } | null {
  const head = q.slice(0, EDGE), tail = q.slice(-EDGE);
  const budget = fuzzyBudget(q.length);
  const lo = Math.max(0, near - FUZZY_WINDOW), hi = Math.min(hay.length, near + q.length + FUZZY_WINDOW);
  let best: { start: number; end: number; d: number } | null = null;
  for (let h = hay.indexOf(head, lo); h >= 0 && h < hi; h = hay.indexOf(head, h + 1)) {
    const t = hay.indexOf(tail, h + EDGE);
    if (t < 0) continue;
    const end = t + EDGE;
    if (Math.abs(end - h - q.length) > budget) continue;
    const d = editDistance(q, hay.slice(h, end));
    if (d <= budget && (!best || d < best.d || (d === best.d && Math.abs(h - near) < Math.abs(best.start - near)))) best = { start: h, end, d };
  }
  return best;
}

function normalizedIndexOf(n: NormalizedText, original: number): number {
  // First normalised char whose original offset is >= original (map is non-decreasing).
  let lo = 0, hi = n.text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (n.map[mid] < original) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Steps 3 and 4 on normalised text: the quote exactly (spelling variants: diacritics, hamza,
 * tatweel), then, unless exactOnly, approximately within the edit budget near the old place.
 */
function fuzzy(a: Anchor, newText: string, n: NormalizedText, nearOriginal: number, exactOnly = false): { start: number; end: number; exact: boolean } | null {
  // Spaces at the edges of the quote are searched as context, so that the context stays aligned.
  const nq = normalize(a.text).text;
  const q = nq.trim();
  if (!q) return null;
  const lead = nq.length - nq.trimStart().length;
  const trail = nq.length - nq.trimEnd().length;
  const near = normalizedIndexOf(n, nearOriginal);
  const np = normalize(a.prefix).text + nq.slice(0, lead);
  const ns = nq.slice(nq.length - trail) + normalize(a.suffix).text;
  const exact = bestByContext(n.text, q, np, ns, near, edgesOf(a));
  let span: { start: number; end: number } | null = null;
  let isExact = false;
  if (exact && acceptable(exact, q.length)) {
    span = { start: exact.at, end: exact.at + q.length };
    isExact = true;
  } else if (!exactOnly && q.length >= FUZZY_MIN_LENGTH) {
    span = q.length > 2 * EDGE ? headAndTail(n.text, q, near) : null;
    if (!span && q.length <= FUZZY_MAX_QUOTE) {
      const lo = Math.max(0, near - FUZZY_WINDOW), hi = Math.min(n.text.length, near + q.length + FUZZY_WINDOW);
      span = approximate(n.text, q, lo, hi, near, fuzzyBudget(q.length));
    }
  }
  if (!span) return null;
  if (!isExact && q.length < 2 * LONG_QUOTE) {
    // An approximate match of a short quote must still sit in its old surroundings: "أجرتا" is
    // one edit from a piece of "لإجراء" three lines further on, which is another word.
    const o = n.toOriginal(span.start, span.end);
    if (refinedScore(newText, o.start, o.end, a.prefix, a.suffix, edgesOf(a)) < MIN_CONTEXT) return null;
  }
  let { start, end } = span;
  while (start < end && /\s/.test(n.text[start])) start++;
  while (end > start && /\s/.test(n.text[end - 1])) end--;
  if (start >= end) return null;
  const o = n.toOriginal(start, end);
  if (o.end <= o.start) return null;
  return { ...wordEdges(a, newText, snap(newText, o.start, o.end)), exact: isExact };
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}\u0640]/u;
/** How far an approximate match may be widened to reach the edge of a word. */
const WORD_SLACK = 3;

/**
 * An approximate match may start or end a letter or two inside a word. When the stored quote began
 * (ended) at a word edge, widen the match to the word edge in the new text — never more than a few
 * letters, which would mean it is another word.
 */
function wordEdges(a: Anchor, text: string, span: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = span;
  const startsAtEdge = WORD_CHAR.test(a.text[0] ?? '') && !WORD_CHAR.test(a.prefix.slice(-1));
  const endsAtEdge = WORD_CHAR.test(a.text.slice(-1)) && !WORD_CHAR.test(a.suffix[0] ?? '');
  if (startsAtEdge) {
    let s = start;
    while (s > 0 && start - s <= WORD_SLACK && WORD_CHAR.test(text[s - 1])) s--;
    if (start - s <= WORD_SLACK && (s === 0 || !WORD_CHAR.test(text[s - 1]))) start = s;
  }
  if (endsAtEdge) {
    let e = end;
    while (e < text.length && e - end <= WORD_SLACK && WORD_CHAR.test(text[e])) e++;
    if (e - end <= WORD_SLACK && (e === text.length || !WORD_CHAR.test(text[e]))) end = e;
  }
  return { start, end };
}

/** The score of a candidate whose whole stored context agrees. */
function fullScore(a: Anchor): number {
  return stripMarks(a.prefix).length + stripMarks(a.suffix).length;
}

/**
 * hint: where the quote probably is now (old start plus the shift of the annotation before it).
 * A candidate there or at the old position with its whole context intact is taken at once; only
 * otherwise is every occurrence scored.
 */
function relocateWith(a: Anchor, newText: string, normalized: () => NormalizedText, hint?: number): Relocation | null {
  if (a.text.length > 0) {
    const here = a.end <= newText.length && newText.startsWith(a.text, a.start);
    const full = fullScore(a);
    if (here && contextScore(newText, a.start, a.end, a.prefix, a.suffix) === full) return { ...snap(newText, a.start, a.end), how: 'position' };
    if (hint !== undefined && hint !== a.start && hint >= 0 && newText.startsWith(a.text, hint) && contextScore(newText, hint, hint + a.text.length, a.prefix, a.suffix) === full) {
      return { ...snap(newText, hint, hint + a.text.length), how: 'context' };
    }
    const best = bestByContext(newText, a.text, a.prefix, a.suffix, hint ?? a.start, edgesOf(a));
    if (here) {
      const hereScore = refinedScore(newText, a.start, a.end, a.prefix, a.suffix, edgesOf(a));
      // Position first, unless another place agrees clearly better with the stored context.
      if (!best || hereScore >= best.score) return { ...snap(newText, a.start, a.end), how: 'position' };
    }
    if (best && acceptable(best, a.text.length)) {
      // The same quote elsewhere with only part of its context may lose to the annotated words
      // themselves, respelt (a diacritic or tatweel added): compare on normalised text.
      if (best.score < full) {
        const f = fuzzy(a, newText, normalized(), hint ?? a.start, true);
        const elsewhere = f && (f.end <= best.at || f.start >= best.at + a.text.length);
        if (f && elsewhere) return { start: f.start, end: f.end, how: 'fuzzy' };
      }
      const s = snap(newText, best.at, best.at + a.text.length);
      return { ...s, how: s.start === a.start && s.end === a.end ? 'position' : 'context' };
    }
  } else {
    // An empty anchor (a caret position) is placed by its context alone.
    const p = a.prefix.length ? occurrences(newText, a.prefix + a.suffix) : [];
    if (p.length === 1) {
      const at = p[0] + a.prefix.length;
      return { start: at, end: at, how: at === a.start ? 'position' : 'context' };
    }
    return null;
  }
  const f = fuzzy(a, newText, normalized(), hint ?? a.start);
  return f ? { start: f.start, end: f.end, how: 'fuzzy' } : null;
}

export function relocate(a: Anchor, newText: string): Relocation | null {
  let n: NormalizedText | undefined;
  return relocateWith(a, newText, () => (n ??= normalize(newText)));
}

/** The id of the sentence containing offset, if any. */
function sentenceIdAt(sentences: { id: string; start: number; end: number }[], offset: number): string | undefined {
  return sentences.find((s) => s.start <= offset && offset < s.end)?.id;
}

/**
 * Re-anchor every Anchored item of a sidecar to newText. Unplaceable items get orphaned: true and
 * keep their last known offsets and quote; orphaned items are retried (an undo may bring them back).
 * kept = found at the same offsets, moved = found elsewhere.
 */
export function reanchorSidecar(s: Sidecar, newText: string): { sidecar: Sidecar; moved: number; orphaned: number; kept: number } {
  let moved = 0, orphaned = 0, kept = 0;
  let n: NormalizedText | undefined;
  const normalized = () => (n ??= normalize(newText));
  const sentences = segmentSentences(newText).map((x) => ({ id: x.id, start: x.start, end: x.end, kind: x.kind as string }));
  // Links from one sentence share one anchor: relocate each distinct anchor once.
  const memo = new Map<string, Relocation | null>();
  // Edits usually shift everything after them by the same amount: the previous item's shift is
  // the first guess for the next one (lists are in text order).
  let shift = 0;
  const place = <T extends Anchored>(item: T): T => {
    const key = `${item.start}\u0000${item.end}\u0000${item.text}\u0000${item.prefix}\u0000${item.suffix}`;
    let r = memo.get(key);
    if (r === undefined) {
      r = relocateWith(item, newText, normalized, item.start + shift);
      memo.set(key, r);
    }
    if (r) shift = r.start - item.start;
    if (!r) {
      orphaned++;
      return { ...item, orphaned: true };
    }
    const { orphaned: _o, ...rest } = item;
    const out = { ...rest, ...makeAnchor(newText, r.start, r.end) } as T;
    if (r.start === item.start && r.end === item.end && !item.orphaned) kept++;
    else moved++;
    // A link or check names its sentence; follow the sentence the span now lies in.
    if ('sentence' in out && typeof (out as { sentence?: unknown }).sentence === 'string') {
      const id = sentenceIdAt(sentences, r.start);
      if (id) (out as { sentence: string }).sentence = id;
    }
    return out;
  };
  const inOrder = <T extends Anchored>(list: T[]): T[] => {
    shift = 0;
    const order = list.map((_, i) => i).sort((i, j) => list[i].start - list[j].start);
    const out = new Array<T>(list.length);
    for (const i of order) out[i] = place(list[i]);
    return out;
  };
  const sidecar: Sidecar = {
    ...s,
    document: { ...s.document, sha256: sha256Hex(newText) },
    sentences,
    entities: inOrder(s.entities),
    dates: inOrder(s.dates),
    quantities: inOrder(s.quantities),
    // Automatic links stored without their text (sidecarFile.ts, isCompactLink) cannot be re-found;
    // they are rebuilt from the analysis anyway.
    links: inOrder(s.links.filter((l) => l.text !== '' || l.origin !== 'auto' || l.status !== 'suggested')),
    notes: inOrder(s.notes),
    checks: inOrder(s.checks),
    corpus: { ...s.corpus, splits: inOrder(s.corpus.splits) },
  };
  return { sidecar, moved, orphaned, kept };
}

/**
 * Whether every placed item of a sidecar lies inside `text` and quotes what is there. A sidecar of
 * the same text (same sha256) may still not fit: edited by hand or by a tool (a user entity at
 * offset 1,000,000). Such a sidecar is re-anchored like one of another text, not trusted.
 */
export function fitsText(s: Sidecar, text: string): boolean {
  const fits = (x: Anchored) => x.orphaned === true || (x.start >= 0 && x.start <= x.end && x.end <= text.length && (x.text === '' || text.slice(x.start, x.end) === x.text));
  return s.entities.every(fits) && s.dates.every(fits) && s.quantities.every(fits) && s.links.every(fits)
    && s.notes.every(fits) && s.checks.every(fits) && s.corpus.splits.every(fits);
}
