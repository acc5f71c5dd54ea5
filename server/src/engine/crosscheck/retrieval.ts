// Candidate retrieval: an inverted index from matching keys (light stems, canonical entity ids,
// date values, counted nouns of quantities) to the sentences holding them, so that a sentence is
// only compared with sentences it shares enough with, and the work per update grows with the
// number of sentences that share keys, not with the square of the corpus.
//
// The candidate test is symmetric and depends on the two sentences only (they share at least
// MIN_SHARED_KEYS keys, weighted by static idf for ranking), which keeps an incremental update
// identical to a full recompute.
import type { PreparedSentence } from './prepare';

export const MIN_SHARED_KEYS = 2;

/** The keys a sentence is indexed under. */
export function indexKeys(s: PreparedSentence): string[] {
  const keys = new Set<string>();
  for (const t of s.terms) for (const k of t.keys) keys.add(k);
  for (const d of s.dates) keys.add(`D:${d.resolved ?? d.value}`);
  for (const q of s.quantities) if (q.unitStem) keys.add(`Q:${q.unitStem}`);
  return [...keys];
}

export class SentenceIndex {
  private readonly postings = new Map<string, Set<PreparedSentence>>();
  private readonly keysOf = new Map<PreparedSentence, string[]>();

  add(s: PreparedSentence): void {
    if (!s.linkable) return;
    const keys = indexKeys(s);
    this.keysOf.set(s, keys);
    for (const k of keys) {
      let p = this.postings.get(k);
      if (!p) this.postings.set(k, (p = new Set()));
      p.add(s);
    }
  }

  delete(s: PreparedSentence): void {
    const keys = this.keysOf.get(s);
    if (!keys) return;
    this.keysOf.delete(s);
    for (const k of keys) {
      const p = this.postings.get(k);
      if (!p) continue;
      p.delete(s);
      if (p.size === 0) this.postings.delete(k);
    }
  }

  /** Sentences of other articles sharing at least MIN_SHARED_KEYS keys with s. */
  candidates(s: PreparedSentence): PreparedSentence[] {
    if (!s.linkable) return [];
    const shared = new Map<PreparedSentence, number>();
    for (const k of indexKeys(s)) {
      const p = this.postings.get(k);
      if (!p) continue;
      for (const t of p) if (t.path !== s.path) shared.set(t, (shared.get(t) ?? 0) + 1);
    }
    const out: PreparedSentence[] = [];
    for (const [t, n] of shared) if (n >= MIN_SHARED_KEYS) out.push(t);
    return out;
  }
}
