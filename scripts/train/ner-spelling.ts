// The spelling tables of server/src/engine/ner/spelling.ts: for each half of the words (by hash),
// the naive-Bayes log-ratio of each character n-gram between person-name parts (Wikidata, CC0)
// and the other words of the unlabelled text (the word classes' vocabulary: ANERcorp and
// WikiFANE training parts, ANS sentences). Deterministic: counts, then sorted keys.
import { halfOf, spellingGrams } from '../../server/src/engine/ner/spelling';

/** An n-gram seen fewer times than this (names and words together, in one half) is left out. */
const MIN_COUNT = 5;

export function spellingTables(names: Iterable<string>, words: Iterable<string>): [Map<string, number>, Map<string, number>] {
  const arabic = (w: string) => /^[\u0621-\u064A]{2,}$/.test(w);
  const nameSet = new Set([...names].filter(arabic));
  const others = [...new Set(words)].filter((w) => arabic(w) && !nameSet.has(w));
  return [0, 1].map((h) => {
    const pos = [...nameSet].filter((w) => halfOf(w) === h), neg = others.filter((w) => halfOf(w) === h);
    const cp = new Map<string, number>(), cn = new Map<string, number>();
    for (const w of pos) for (const g of spellingGrams(w)) cp.set(g, (cp.get(g) ?? 0) + 1);
    for (const w of neg) for (const g of spellingGrams(w)) cn.set(g, (cn.get(g) ?? 0) + 1);
    const out = new Map<string, number>();
    for (const g of [...new Set([...cp.keys(), ...cn.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      const a = cp.get(g) ?? 0, b = cn.get(g) ?? 0;
      if (a + b < MIN_COUNT) continue;
      out.set(g, Math.round(10 * (Math.log((a + 1) / (pos.length + 2)) - Math.log((b + 1) / (neg.length + 2)))) / 10);
    }
    return out;
  }) as [Map<string, number>, Map<string, number>];
}
