// Word classes learned without labels from the shippable text (ANERcorp and WikiFANE training
// parts, ANS sentences), for the NER's cluster features: words that occur in the same contexts
// (names of cities, first names, verbs of saying, organisation heads) share a class, so the tagger
// can treat a word it never saw labelled like the labelled words of its class.
//
// Algorithm: the exchange algorithm over a class-based context model (Kneser & Ney 1993; the
// "predictive" variant of Uszkoreit & Brants 2008, here with both the next and the previous word as
// context). Every word starts in class (frequency rank mod C); each pass moves every word to the
// class that most increases Σ N(c,x)·log N(c,x) − Σ N(c)·log N(c), where N(c,x) counts the
// contexts x (next word or previous word) of the words in class c. Deterministic: fixed initial
// classes, fixed visiting order, ties to the lower class. Written by hand: the npm packages for
// word clusters wrap native tools (word2vec, fastText binaries) that cannot be built here, and the
// algorithm is short.

/** Classes of words: word → class index, for each requested number of classes. */
export function exchangeClusters(sentences: string[][], numClasses: number, opts: { minCount?: number; passes?: number; log?: (s: string) => void } = {}): Map<string, number> {
  const minCount = opts.minCount ?? 2;
  const passes = opts.passes ?? 8;
  const C = numClasses;
  // Vocabulary: words seen at least minCount times, by frequency then code-unit order.
  const freq = new Map<string, number>();
  for (const s of sentences) for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1);
  const vocab = [...freq].filter(([, c]) => c >= minCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([w]) => w);
  const id = new Map(vocab.map((w, i) => [w, i]));
  const V = vocab.length;
  // Context ids: next word (0..V-1), rare next word V, end V+1; previous word V+2+(0..V-1), rare
  // previous 2V+2, start 2V+3.
  const X = 2 * V + 4;
  const RARE_N = V, END = V + 1, PREV = V + 2, RARE_P = 2 * V + 2, START = 2 * V + 3;
  // Sparse context counts per word: (ctx, count) pairs.
  const ctxMaps: Map<number, number>[] = vocab.map(() => new Map());
  for (const s of sentences) {
    const ids = s.map((w) => id.get(w) ?? -1);
    for (let i = 0; i < ids.length; i++) {
      const v = ids[i];
      if (v < 0) continue;
      const m = ctxMaps[v];
      const nx = i + 1 < ids.length ? (ids[i + 1] >= 0 ? ids[i + 1] : RARE_N) : END;
      const pv = i > 0 ? (ids[i - 1] >= 0 ? PREV + ids[i - 1] : RARE_P) : START;
      m.set(nx, (m.get(nx) ?? 0) + 1);
      m.set(pv, (m.get(pv) ?? 0) + 1);
    }
  }
  const ctxIds: Int32Array[] = [], ctxCounts: Int32Array[] = [];
  const total = new Float64Array(V);
  for (let v = 0; v < V; v++) {
    const entries = [...ctxMaps[v]].sort((a, b) => a[0] - b[0]);
    ctxIds.push(Int32Array.from(entries.map((e) => e[0])));
    ctxCounts.push(Int32Array.from(entries.map((e) => e[1])));
    for (const [, c] of entries) total[v] += c;
  }
  ctxMaps.length = 0;
  // N(c, x) dense, N(c).
  const N = new Int32Array(C * X);
  const Nc = new Float64Array(C);
  const cls = new Int32Array(V);
  for (let v = 0; v < V; v++) {
    const c = v % C;
    cls[v] = c;
    const xs = ctxIds[v], ns = ctxCounts[v];
    for (let k = 0; k < xs.length; k++) N[c * X + xs[k]] += ns[k];
    Nc[c] += total[v];
  }
  // x·log x, tabulated for the counts that occur.
  let maxN = 0;
  for (let v = 0; v < V; v++) maxN += total[v];
  const TAB = Math.min(maxN + 1, 1 << 22);
  const xlx = new Float64Array(TAB);
  for (let x = 2; x < TAB; x++) xlx[x] = x * Math.log(x);
  const f = (x: number) => (x < TAB ? xlx[x] : x * Math.log(x));
  const gain = new Float64Array(C);
  for (let pass = 0; pass < passes; pass++) {
    let moves = 0;
    for (let v = 0; v < V; v++) {
      const a = cls[v];
      const xs = ctxIds[v], ns = ctxCounts[v];
      const tv = total[v];
      // Take v out of its class.
      for (let k = 0; k < xs.length; k++) N[a * X + xs[k]] -= ns[k];
      Nc[a] -= tv;
      // Gain of putting it into each class.
      for (let c = 0; c < C; c++) {
        let g = 0;
        const base = c * X;
        for (let k = 0; k < xs.length; k++) { const n = N[base + xs[k]]; g += f(n + ns[k]) - f(n); }
        gain[c] = g - (f(Nc[c] + tv) - f(Nc[c]));
      }
      let best = a;
      for (let c = 0; c < C; c++) if (gain[c] > gain[best] + 1e-9) best = c;
      for (let k = 0; k < xs.length; k++) N[best * X + xs[k]] += ns[k];
      Nc[best] += tv;
      if (best !== a) { cls[v] = best; moves++; }
    }
    opts.log?.(`  ${C} classes, pass ${pass + 1}: ${moves} words moved`);
    if (moves < V / 1000) break;
  }
  return new Map(vocab.map((w, v) => [w, cls[v]]));
}
