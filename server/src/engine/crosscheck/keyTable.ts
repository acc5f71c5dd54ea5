// Read-only maps and sets keyed by a sentence's matching keys (PreparedSentence.keySet, primary,
// variants, speakerKeys), held compactly. A JavaScript Map of a few dozen keys takes ~1.5–2 kB,
// and every prepared sentence had four of them: ~30 MB of the ~80 MB that the prepared sentences
// of 1,000 news articles hold. Here a table is one array of small integers (its keys' numbers,
// ascending, then the order they were added in) and one array of values (plain arrays: an
// Int32Array's own objects and buffer outweigh a table of a few dozen keys); a lookup is one
// lookup of the key's number in a table shared by all sentences and a binary search. Iteration
// keeps the order the keys were added in, as a Map's does.

/** Every key ever put in a table, numbered in the order first seen (kept for the process's life:
 *  one entry per distinct word form, name and variant key of the corpora read). */
const numbers = new Map<string, number>();
const names: string[] = [];

/** A key's number (given on first sight): the index (retrieval.ts) numbers its keys the same way. */
export function numberOf(k: string): number {
  let n = numbers.get(k);
  if (n === undefined) {
    numbers.set(k, (n = names.length));
    names.push(k);
  }
  return n;
}

/** How many keys are numbered. */
export function numbered(): number {
  return names.length;
}

/** The keys' numbers in ascending order, then, for each key in the order given, its place in
 *  the ascending part. */
function layout(keys: Iterable<string>): number[] {
  const ids = [...keys].map(numberOf);
  const n = ids.length;
  const byNumber = ids.map((_, i) => i).sort((x, y) => ids[x] - ids[y]);
  const out = new Array<number>(2 * n).fill(0);
  byNumber.forEach((at, place) => {
    out[place] = ids[at];
    out[n + at] = place;
  });
  return out;
}

/** The place of a key in the ascending part of a layout, or -1. */
function find(index: readonly number[], n: number, k: string): number {
  const id = numbers.get(k);
  if (id === undefined) return -1;
  let lo = 0, hi = n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = index[mid];
    if (x === id) return mid;
    if (x < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export class KeyTable<V> implements ReadonlyMap<string, V> {
  private constructor(
    private readonly index: readonly number[],
    /** Values by place in the ascending part of index. */
    private readonly vals: V[],
  ) {}

  private static readonly EMPTY = new KeyTable<never>([], []);

  /** The entries of a map, in its order (keys are distinct, as a map's are). */
  static from<V>(m: ReadonlyMap<string, V>): KeyTable<V> {
    if (m.size === 0) return KeyTable.EMPTY;
    const index = layout(m.keys());
    const vals = new Array<V>(m.size);
    let i = 0;
    for (const v of m.values()) vals[index[m.size + i++]] = v;
    return new KeyTable(index, vals);
  }

  get size(): number {
    return this.vals.length;
  }

  get(k: string): V | undefined {
    const at = find(this.index, this.vals.length, k);
    return at < 0 ? undefined : this.vals[at];
  }

  has(k: string): boolean {
    return find(this.index, this.vals.length, k) >= 0;
  }

  *entries(): MapIterator<[string, V]> {
    const n = this.vals.length;
    for (let i = 0; i < n; i++) {
      const at = this.index[n + i];
      yield [names[this.index[at]], this.vals[at]];
    }
  }

  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(fn: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
}

export class KeySet implements ReadonlySet<string> {
  private constructor(private readonly index: readonly number[]) {}

  private static readonly EMPTY = new KeySet([]);

  /** The keys of a set, in its order. */
  static from(s: ReadonlySet<string>): KeySet {
    return s.size === 0 ? KeySet.EMPTY : new KeySet(layout(s));
  }

  get size(): number {
    return this.index.length / 2;
  }

  has(k: string): boolean {
    return find(this.index, this.size, k) >= 0;
  }

  *values(): SetIterator<string> {
    const n = this.size;
    for (let i = 0; i < n; i++) yield names[this.index[this.index[n + i]]];
  }

  keys(): SetIterator<string> {
    return this.values();
  }

  *entries(): SetIterator<[string, string]> {
    for (const k of this.values()) yield [k, k];
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }

  forEach(fn: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const k of this.values()) fn.call(thisArg, k, k, this);
  }
}
