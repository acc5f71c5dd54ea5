// Term weights: inverse document frequency of a matching key in general Arabic text (the background
// vocabulary, background.ts), so that common words count less than names and rare words. Static on
// purpose: a pair's score depends only on its two sentences, which keeps incremental updates exact.

export interface Weights {
  idf(key: string): number;
  /** Floor for a name's weight. */
  entity: number;
}

/** Words seen fewer times than this are treated as seen this many times (no single rare word dominates). */
const MIN_DF = 2;

export function weightsFrom(vocabulary: { docs: number; df: Record<string, number> }): Weights {
  const n = vocabulary.docs;
  const df = vocabulary.df;
  return {
    idf: (key) => Math.log(1 + n / (Math.max(df[key] ?? 0, MIN_DF) + 1)),
    entity: Math.log(1 + n / 20),
  };
}
