// The model file's word tables (lexicon, names, triggers …) are strings of "key<TAB>value" lines:
// a string loads far faster than an object with tens of thousands of keys.

/** "key<TAB>value" lines → Map (one pass over the string, no intermediate arrays). */
export function readTable<V>(table: string, value: (text: string, from: number, to: number) => V): Map<string, V> {
  const out = new Map<string, V>();
  let i = 0;
  while (i < table.length) {
    let nl = table.indexOf('\n', i);
    if (nl < 0) nl = table.length;
    const tab = table.indexOf('\t', i);
    out.set(table.slice(i, tab), value(table, tab + 1, nl));
    i = nl + 1;
  }
  return out;
}

export const textValue = (t: string, from: number, to: number) => t.slice(from, to);

/** A non-negative integer written in t[from, to). */
export function intValue(t: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (t.charCodeAt(i) - 48);
  return n;
}

/** [key, value] pairs → the model file's table string (used by scripts/train-ner.ts). */
export function encodeTable(pairs: Iterable<[string, string | number]>): string {
  const out: string[] = [];
  for (const [k, v] of pairs) out.push(k + '\t' + v);
  return out.join('\n');
}

/** What the features read from a word table: a Map or a SortedTable. */
export interface WordTable<V> {
  readonly size: number;
  get(key: string): V | undefined;
  has(key: string): boolean;
}

/**
 * A table string sorted by key (code-unit order), searched in place: loading costs one pass to
 * find the line starts, and nothing is allocated for words the text never asks about. Values are
 * parsed on first use and remembered. Written by hand: the point is to avoid building a Map of
 * every entry at load time (tens of thousands of strings and arrays).
 */
export class SortedTable<V> implements WordTable<V> {
  private readonly starts: Int32Array;
  private readonly memo = new Map<string, V | null>();
  /** The lines whose keys begin with the same two code units (the second one a tab for a
   *  one-letter key) are consecutive in a sorted table: their range [from, to) by those two units
   *  (first * 65536 + second). A search then probes a few neighbouring lines of one range instead of
   *  some 17 lines spread over megabytes of text, each probe a likely cache miss. */
  private readonly ranges = new Map<number, number>();
  private readonly rangeEnd: Int32Array;
  private grouped = true;
  constructor(private readonly text: string, private readonly parse: (t: string, from: number, to: number) => V) {
    let n = text ? 1 : 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    this.starts = new Int32Array(n + 1);
    let k = 0;
    if (text) { this.starts[k++] = 0; for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts[k++] = i + 1; }
    this.starts[n] = text.length + 1;
    // rangeEnd[i] is the end of the range that starts at line i.
    this.rangeEnd = new Int32Array(n);
    let prev = -2, from = 0;
    for (let i = 0; i < n; i++) {
      const p = this.starts[i];
      const key = text.charCodeAt(p) === 9 ? -1 : text.charCodeAt(p) * 65536 + text.charCodeAt(p + 1);
      if (key === prev) continue;
      // Not grouped (a table out of order): search it whole, as before.
      if (this.ranges.has(key)) { this.ranges.clear(); this.grouped = false; break; }
      if (i > 0) this.rangeEnd[from] = i;
      this.ranges.set(key, i);
      prev = key;
      from = i;
    }
    if (n > 0 && this.grouped) this.rangeEnd[from] = n;
  }

  get size(): number { return this.starts.length - 1; }

  /** Compare `key` with the key of line `i`: <0, 0, >0. */
  private cmp(key: string, i: number): number {
    const t = this.text;
    let p = this.starts[i];
    for (let j = 0; j < key.length; j++, p++) {
      const c = t.charCodeAt(p);
      if (c === 9) return 1; // the line's key is a prefix of `key`
      const d = key.charCodeAt(j) - c;
      if (d !== 0) return d;
    }
    return t.charCodeAt(p) === 9 ? 0 : -1;
  }

  get(key: string): V | undefined {
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit ?? undefined;
    let lo = 0, hi = this.size - 1;
    if (key.length > 0 && this.grouped) {
      const first = this.ranges.get(key.charCodeAt(0) * 65536 + (key.length > 1 ? key.charCodeAt(1) : 9));
      if (first === undefined) hi = -1;
      else { lo = first; hi = this.rangeEnd[first] - 1; }
    }
    let found: V | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = this.cmp(key, mid);
      if (c === 0) {
        const from = this.starts[mid] + key.length + 1;
        found = this.parse(this.text, from, this.starts[mid + 1] - 1);
        break;
      }
      if (c < 0) hi = mid - 1; else lo = mid + 1;
    }
    if (this.memo.size >= 200_000) this.memo.clear();
    this.memo.set(key, found);
    return found ?? undefined;
  }

  has(key: string): boolean { return this.get(key) !== undefined; }
}
