// Candidate retrieval: an inverted index from matching keys (light stems, canonical entity ids,
// date values, counted nouns of quantities) to the sentences holding them, scored with BM25, so
// that a sentence is only compared with sentences it shares enough with and the work per update
// grows with the number of sentences that share informative keys, not with the square of the
// corpus.
//
// The score must depend on the two sentences only (an incremental update has to give the same
// links as a full recompute), so the BM25 statistics are static: key weights are the idf of the
// stance model (weights.ts) and the average sentence length is a constant. Keys are binary (a
// sentence holds a key or not), and the score is made symmetric by averaging the two length
// normalisations. A pair is a candidate when its score reaches MIN_RELATIVE_SCORE of the smaller
// of the two sentences' self-scores (the score of a sentence against itself): the share of the
// shorter sentence's indexed content found in the other, which the similarity of classify.ts
// needs to be well above its link threshold anyway.
import { nameKey } from './names';
import { placeOf } from './places';
import { isTown } from './towns';
import type { PreparedSentence } from './prepare';

/** BM25 saturation and length-normalisation parameters (the usual values). */
const K1 = 1.2;
const B = 0.75;
/** Average number of index keys of a news sentence (static: see above). */
const AVG_KEYS = 14;
/** A secondary key (a variant of a word's light stem) counts for this share of the word's weight. */
const SECONDARY = 0.5;
/** A speaker's word counts for this share of its weight (see indexKeys). Measured: at 0 (left out)
 *  the stories lose two labelled corroborations; the two newspaper days' links are the same but for
 *  three, and a day of 291 articles judges 4 % fewer pairs (self-scores grow with the speaker). */
const SPEAKER = 0.5;
/** Minimum score relative to the smaller self-score. At 0.2 (was 0.12) the stories' and seeds'
 * links are unchanged while a news inbox of 1,000 articles compares 72 % fewer pairs: below a fifth
 * of the shorter sentence's indexed weight in common, classify.ts almost never links (6.7 % of the
 * news corroborations are lost, none of the labelled links). */
export const MIN_RELATIVE_SCORE = 0.2;
/** And at least two shared keys: one shared word is never enough to compare two sentences. */
export const MIN_SHARED_KEYS = 2;

/** The keys a sentence is indexed under, with their weights (idf). */
export function indexKeys(s: PreparedSentence): Map<string, number> {
  const keys = new Map<string, number>();
  const put = (k: string, w: number) => keys.set(k, Math.max(keys.get(k) ?? 0, w));
  // The speaker's words count for less: two sentences are not worth comparing because the same
  // minister speaks in both, but the speaker of one may be the actor of the other («قال أردوغان إن
  // 30 شخصا قتلوا في سروج» / «ندد أردوغان بالهجوم الذي أوقع 30 قتيلا في سوروتش»).
  for (const t of s.terms) t.keys.forEach((k, i) => put(k, (i === 0 ? 1 : SECONDARY) * (t.speaker ? SPEAKER : 1) * t.weight));
  for (const d of s.dates) put(`D:${d.resolved ?? d.value}`, s.factWeight);
  for (const c of s.counts) {
    put(`C:${c.concept}`, s.factWeight);
    // The same count at the same town (placed by the sentence or by its article's headline) is
    // worth comparing however little else two sentences share: two reports of one toll.
    // Towns are keyed by their consonant skeleton, which transliterations share (سروج / سوروتش).
    for (const t of placeOf(c, s)) if (isTown(t)) put(`P:${c.concept}@${t.text.split(/\s+/).map(nameKey).join(' ')}`, s.factWeight);
  }
  return keys;
}

/** An indexed sentence: its keys as small integers (Keys), in the order indexKeys gave them (the
 *  order scores are summed in), with their weights. Arrays instead of a map per sentence: a map
 *  of a few dozen keys took about 1.5 kB, and the index of 1,000 articles ~20 MB. */
interface Entry {
  ids: number[];
  weights: number[];
  /** BM25 length normalisation of the sentence ((k1+1) / (1 + k1 (1 - b + b len/avg))). */
  norm: number;
  /** Score of the sentence against itself. */
  self: number;
}

/** Index keys numbered in the order they are first seen (a number per distinct key of the
 *  corpus, kept while the index lives), and a scratch table by number to look one sentence's
 *  weights up while another's are walked. */
class Keys {
  private readonly ids = new Map<string, number>();
  private weight = new Float64Array(1024);
  private stamp = new Int32Array(1024);
  private current = 0;

  id(k: string): number {
    let id = this.ids.get(k);
    if (id === undefined) {
      this.ids.set(k, (id = this.ids.size));
      if (id >= this.stamp.length) {
        const weight = new Float64Array(this.stamp.length * 2), stamp = new Int32Array(this.stamp.length * 2);
        weight.set(this.weight);
        stamp.set(this.stamp);
        this.weight = weight;
        this.stamp = stamp;
      }
    }
    return id;
  }

  /** Symmetric BM25 score of two indexed sentences, and the number of keys they share: the weights
   *  of the smaller one walked in its order, those of the larger looked up. */
  score(x: Entry, y: Entry): { score: number; shared: number } {
    const [small, large] = x.ids.length <= y.ids.length ? [x, y] : [y, x];
    this.load(large);
    return this.scoreLoaded(x, y, small);
  }

  /** Puts an entry's weights in the scratch table (until the next load). */
  load(e: Entry): void {
    if (++this.current === 0x7fffffff) { this.stamp.fill(0); this.current = 1; }
    const stamp = this.stamp, weight = this.weight, mark = this.current;
    for (let i = 0; i < e.ids.length; i++) { stamp[e.ids[i]] = mark; weight[e.ids[i]] = e.weights[i]; }
  }

  /** score(x, y), the larger of the two (not `small`) being the one loaded. */
  scoreLoaded(x: Entry, y: Entry, small: Entry): { score: number; shared: number } {
    const stamp = this.stamp, weight = this.weight, mark = this.current;
    let sum = 0, shared = 0;
    for (let i = 0; i < small.ids.length; i++) {
      const k = small.ids[i];
      if (stamp[k] !== mark) continue;
      sum += Math.min(small.weights[i], weight[k]);
      shared++;
    }
    return { score: (sum * (x.norm + y.norm)) / 2, shared };
  }
}

function entryOf(s: PreparedSentence, keys: Keys): Entry {
  const map = indexKeys(s);
  const norm = (K1 + 1) / (1 + K1 * (1 - B + (B * map.size) / AVG_KEYS));
  const ids: number[] = [], weights: number[] = [];
  let total = 0;
  for (const [k, w] of map) {
    ids.push(keys.id(k));
    weights.push(w);
    total += w;
  }
  return { ids, weights, norm, self: total * norm };
}

/** Whether two sentences are worth comparing; the same answer whichever is asked first. */
function isCandidate(x: Entry, y: Entry, keys: Keys): boolean {
  return passes(x, y, keys.score(x, y));
}

function passes(x: Entry, y: Entry, { score: sc, shared }: { score: number; shared: number }): boolean {
  return shared >= MIN_SHARED_KEYS && sc >= MIN_RELATIVE_SCORE * Math.min(x.self, y.self);
}

/** The candidate test on two prepared sentences (for training and evaluation). */
export function areCandidates(a: PreparedSentence, b: PreparedSentence): boolean {
  const keys = new Keys();
  return a.linkable && b.linkable && isCandidate(entryOf(a, keys), entryOf(b, keys), keys);
}

export class SentenceIndex {
  /** Sentences by a number given when they are added (never reused), so that the scores of one
   *  query accumulate in a typed array instead of a map: walking the postings is most of the cost
   *  of retrieval on a large folder. */
  private readonly byId: (PreparedSentence | undefined)[] = [];
  private readonly entryById: (Entry | undefined)[] = [];
  private readonly ids = new Map<PreparedSentence, number>();
  private readonly keys = new Keys();
  /** Ids by key number, as arrays (walked several times faster than sets); a deleted sentence's
   *  id stays until its list is compacted (see delete), and is skipped meanwhile. */
  private readonly postings: (Posting | undefined)[] = [];
  private acc = new Float64Array(0);

  add(s: PreparedSentence): void {
    if (!s.linkable || this.ids.has(s)) return;
    const e = entryOf(s, this.keys);
    const id = this.byId.length;
    this.byId.push(s);
    this.entryById.push(e);
    this.ids.set(s, id);
    for (const k of e.ids) {
      const p = this.postings[k];
      if (p) p.ids.push(id);
      else this.postings[k] = { ids: [id], dead: 0 };
    }
  }

  /** Whether s is indexed (a linkable sentence added and not deleted). */
  has(s: PreparedSentence): boolean {
    return this.ids.has(s);
  }

  delete(s: PreparedSentence): void {
    const id = this.ids.get(s);
    if (id === undefined) return;
    const e = this.entryById[id]!;
    this.ids.delete(s);
    this.byId[id] = undefined;
    this.entryById[id] = undefined;
    for (const k of e.ids) {
      const p = this.postings[k];
      if (!p) continue;
      // Compacted once half of it is deleted ids: an edit deletes one article's sentences, and
      // a list stays at most twice its live length.
      if (++p.dead * 2 < p.ids.length) continue;
      p.ids = p.ids.filter((x) => this.byId[x] !== undefined);
      p.dead = 0;
      if (p.ids.length === 0) this.postings[k] = undefined;
    }
  }

  /** Sentences of other articles whose BM25 score with s reaches the candidate threshold. */
  candidates(s: PreparedSentence): PreparedSentence[] {
    const own = this.ids.get(s);
    const e = own !== undefined ? this.entryById[own]! : s.linkable ? entryOf(s, this.keys) : undefined;
    if (!e) return [];
    if (this.acc.length < this.byId.length) this.acc = new Float64Array(Math.max(1024, this.byId.length * 2));
    const acc = this.acc;
    const byId = this.byId;
    // Accumulate the shared weight over the postings, then test the pairs that reach the bound.
    const touched: number[] = [];
    for (let i = 0; i < e.ids.length; i++) {
      const p = this.postings[e.ids[i]];
      if (!p) continue;
      const w = e.weights[i];
      const ids = p.ids;
      for (let j = 0; j < ids.length; j++) {
        const id = ids[j];
        if (p.dead && byId[id] === undefined) continue;
        if (acc[id] === 0) touched.push(id);
        acc[id] += w;
      }
    }
    const out: PreparedSentence[] = [];
    // The query's weights are looked up for every candidate smaller than it (see isCandidate).
    let loaded = false;
    for (const id of touched) {
      const upper = acc[id];
      acc[id] = 0;
      const t = byId[id]!;
      if (t.path === s.path) continue;
      const f = this.entryById[id]!;
      // upper ≥ the shared weight, so this skips pairs that cannot reach the threshold cheaply.
      if (upper * (e.norm + f.norm) / 2 < MIN_RELATIVE_SCORE * Math.min(e.self, f.self)) continue;
      if (e.ids.length <= f.ids.length) {
        if (isCandidate(e, f, this.keys)) out.push(t);
        loaded = false;
        continue;
      }
      if (!loaded) this.keys.load(e);
      loaded = true;
      if (passes(e, f, this.keys.scoreLoaded(e, f, f))) out.push(t);
    }
    return out;
  }
}

interface Posting { ids: number[]; dead: number }
