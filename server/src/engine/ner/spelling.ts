// How much a word is spelled like a person's name, from its letters alone: a feature for names
// that neither training nor the name list has seen (كيبكورير، خاجيبور، روديكتور), which the word
// classes cannot place either (they know only words seen twice in the unlabelled text).
//
// The score is a naive-Bayes log-ratio of character n-grams (2–4 letters, with word boundaries)
// between the person-name parts of Wikidata and the other words of the unlabelled text
// (scripts/train/ner-spelling.ts), averaged over the word's n-grams. Cross-fitted: words are cut
// into two halves by a hash, and a word is always scored by the table learned from the OTHER
// half, so a training word is scored as an unseen word is at run time (by a table that never saw
// it). Written by hand: a few lines over the model's word tables.
import type { WordTable } from './tables';

/** Boundary-marked character n-grams (2–4) of a clitic-free core, each once. */
export function spellingGrams(core: string): string[] {
  const p = '^' + core + '$';
  const out = new Set<string>();
  for (let n = 2; n <= 4; n++) for (let k = 0; k + n <= p.length; k++) out.add(p.slice(k, k + n));
  return [...out];
}

/** The half (0 or 1) a word belongs to: FNV-1a hash of its core. */
export function halfOf(core: string): 0 | 1 {
  let x = 2166136261;
  for (let i = 0; i < core.length; i++) { x ^= core.charCodeAt(i); x = Math.imul(x, 16777619); }
  return ((x >>> 0) % 2) as 0 | 1;
}

/** Mean log-ratio (name vs other word) of a core's n-grams, by the table of the other half; 0 if none is known. */
export function nameLikeness(core: string, tables: readonly [WordTable<number>, WordTable<number>]): number {
  const t = tables[1 - halfOf(core)];
  let s = 0, n = 0;
  for (const g of spellingGrams(core)) {
    const r = t.get(g);
    if (r !== undefined) { s += r; n++; }
  }
  return n ? s / n : 0;
}

// Buckets of the score; on the training data about a tenth of the other words score above 0.5,
// half of the name parts above 1.
const CUTS = [-1.5, -0.75, 0, 0.5, 1];
const BUCKETS = ['0', '1', '2', '3', '4', '5'];

/** The score as one of six buckets ('0' most unlike a name … '5' most like one). */
export function nameLikenessBucket(core: string, tables: readonly [WordTable<number>, WordTable<number>]): string {
  const s = nameLikeness(core, tables);
  let b = 0;
  while (b < CUTS.length && s > CUTS[b]) b++;
  return BUCKETS[b];
}
