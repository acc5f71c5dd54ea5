// Cross-checking between articles: for every sentence, the passages of OTHER articles that state
// the same fact (corroborate), state it otherwise (contradict) or look alike but belong to a
// different event, each with a confidence and the reasons — only the confident ones, best first,
// a few per sentence, and a passage that several articles print word for word (wire copy) as one
// claim with several sources.
//
// Links are pairs, shown from both of their sentences: a corroboration when either sentence counts
// it among its best (chooseLinks), so that "B corroborates A" is also read at B; a contradiction
// when both do.
//
// Incremental: update(article) re-prepares that article, re-indexes its sentences and judges only
// the pairs it takes part in; the choice of a sentence depends on its judged pairs alone, so it is
// made again only for the sentences whose pairs changed. A pair's verdict depends on its two
// sentences only (static term weights, symmetric candidate test), so the result after any
// sequence of updates equals a full recompute. Verdicts are cached per pair of sentences (by
// article and content signature), so an edit re-judges only the sentences it changed.
//
// Choosing and building links is deferred until links are read (or settle() is called): while a
// folder is indexed, a sentence that gains a pair with every new article would otherwise be chosen
// again each time (k pairs, k sorts of up to k), and its article's links rebuilt each time. The
// links read are those of the eager order: a choice depends on the final pairs only, and every
// article whose links may have moved since they were last built is rebuilt.
import type { ArticleAnalysis, SentenceLink, SentenceRef } from '../model';
import { norm } from '../text/normalize';
import { classify, mayGetVerdict, type Verdict } from './classify';
import { defaultComparators, type Comparators } from './compare';
import { gatherEvidence, similarityBound } from './evidence';
import { prepareArticle, type PreparedSentence } from './prepare';
import { SentenceIndex } from './retrieval';
import { withoutReportedTwice, type Judged } from './siblings';
import { stanceModel, type StanceModel } from './stanceModel';
import { background } from './background';
import { weightsFrom, type Weights } from './weights';

/** How many links one sentence shows at most, per relation: a few confident ones, best first. */
export interface LinkLimits {
  corroborates: number;
  contradicts: number;
  'different-event': number;
  /** Passages of one other article. */
  perArticle: number;
}

/** The best 12 corroborating passages of a sentence and its 6 most alike contradicting ones, no
 *  more than 3 passages of any one other article: enough to see who else reports a fact, few
 *  enough to read. */
export const DEFAULT_LIMITS: LinkLimits = { corroborates: 12, contradicts: 6, 'different-event': 1, perArticle: 3 };

export interface CrossCheckerOptions {
  model?: StanceModel;
  comparators?: Comparators;
  limits?: LinkLimits;
}

export { renderReason } from './reasons';
export type { Verdict } from './classify';

interface Pair { other: PreparedSentence; v: Verdict }

export class CrossChecker {
  private readonly model: StanceModel;
  private readonly weights: Weights;
  private readonly cmp: Comparators;
  private readonly limits: LinkLimits;
  private readonly prepared = new Map<string, PreparedSentence[]>();
  private readonly index = new SentenceIndex();
  /** Verdicts already computed, by sentence key (keyOf) on both sides; a verdict depends only on
   *  its two sentences, so it is reused until one of them changes. */
  private readonly verdicts = new Map<string, Map<string, Verdict | null>>();
  /** The judged pairs of every current sentence with the sentences of other articles (a verdict
   *  that is not null), seen from that sentence. */
  private readonly pairs = new Map<PreparedSentence, Map<PreparedSentence, Verdict>>();
  /** The partners each sentence chose among its judged pairs (chooseLinks), with the word-for-word
   *  copies each stands for. */
  private readonly chosen = new Map<PreparedSentence, Map<PreparedSentence, PreparedSentence[]>>();
  /** The links from each article's sentences: its sentences' chosen pairs and the pairs their
   *  partners chose. */
  private readonly links = new Map<string, SentenceLink[]>();
  /** Current sentences by key (keyOf), to read an unchanged sentence's pairs off its verdict row. */
  private readonly byKey = new Map<string, PreparedSentence[]>();
  /** Sentences whose pairs changed since their partners were last chosen, and articles whose
   *  links may have moved since they were last built (see settle()). */
  private readonly toChoose = new Set<PreparedSentence>();
  private readonly toBuild = new Set<string>();

  constructor(opts: CrossCheckerOptions = {}) {
    this.model = opts.model ?? stanceModel;
    this.weights = weightsFrom(background);
    this.cmp = opts.comparators ?? defaultComparators;
    this.limits = opts.limits ?? DEFAULT_LIMITS;
  }

  update(article: ArticleAnalysis): void {
    const sentences = prepareArticle(article, this.weights, this.prepared.get(article.path));
    const keys = new Set(sentences.map(keyOf));
    // Verdicts of the sentences that did not change stay valid; those of the others are dropped.
    this.forget(article.path, keys);
    const unchanged = new Set((this.prepared.get(article.path) ?? []).filter((s) => keys.has(keyOf(s)) && this.index.has(s)).map(keyOf));
    const { rechoose, rebuild } = this.detach(article.path);
    this.prepared.set(article.path, sentences);
    for (const s of sentences) this.sentencesByKey(keyOf(s), true).push(s);
    rebuild.add(article.path);
    for (const s of sentences) this.index.add(s);
    const judged: Judged[] = [];
    for (const s of sentences) {
      rechoose.add(s);
      // A sentence the edit left alone has the same candidates (the candidate test depends on the
      // two sentences only) and the same verdicts: they are read from its row of the verdict
      // cache, which holds one for every current candidate, instead of searching the index again
      // (that search for every sentence of the edited article was a large part of a typed word's wait).
      const row = unchanged.has(keyOf(s)) ? this.verdicts.get(keyOf(s)) : undefined;
      if (row) {
        for (const [k, v] of row) {
          if (!v) continue;
          for (const t of this.sentencesByKey(k)) judged.push(s.path < t.path ? { a: s, b: t, v } : { a: t, b: s, v });
        }
        continue;
      }
      for (const t of this.index.candidates(s)) {
        // Pairs are always judged in one orientation (the article whose path sorts first is side
        // a), so the outcome does not depend on which article was updated last.
        const [a, b] = s.path < t.path ? [s, t] : [t, s];
        const v = this.cachedJudge(a, b);
        if (v) judged.push({ a, b, v });
      }
    }
    for (const { a, b, v } of withoutReportedTwice(judged)) {
      this.pair(a, b, v);
      this.pair(b, a, mirror(v));
      rechoose.add(a.path === article.path ? b : a);
    }
    this.defer(rechoose, rebuild);
  }

  /** The current sentences with a key (several when an article repeats a sentence). */
  private sentencesByKey(key: string, create = false): PreparedSentence[] {
    let list = this.byKey.get(key);
    if (!list) {
      list = [];
      if (create) this.byKey.set(key, list);
    }
    return list;
  }

  remove(path: string): void {
    this.forget(path, new Set());
    const { rechoose, rebuild } = this.detach(path);
    this.links.delete(path);
    rebuild.delete(path);
    this.defer(rechoose, rebuild);
  }

  private defer(rechoose: Set<PreparedSentence>, rebuild: Set<string>): void {
    for (const s of rechoose) this.toChoose.add(s);
    for (const p of rebuild) this.toBuild.add(p);
  }

  /** Whether choices or links wait for settle(). */
  get unsettled(): boolean {
    return this.toChoose.size > 0 || this.toBuild.size > 0;
  }

  /**
   * Chooses again for the sentences whose pairs changed (a choice depends on its sentence's pairs
   * alone, so no other sentence's can change), then rebuilds the links of their articles and of
   * every article a changed choice points to (before or after). With a deadline (Date.now()) it
   * stops once past it and returns false; called again, it goes on. Links are read settled.
   */
  settle(deadline = Infinity): boolean {
    for (const s of this.toChoose) {
      if (Date.now() > deadline) return false;
      this.choose(s);
    }
    for (const path of this.toBuild) {
      if (Date.now() > deadline) return false;
      this.toBuild.delete(path);
      this.build(path);
    }
    return true;
  }

  /** Settles only what the links of one article depend on: the choices of its sentences and of
   *  their partners (a hover while a folder is cross-checked need not settle the whole folder). */
  private settleFor(path: string): void {
    if (!this.unsettled) return;
    for (const s of this.prepared.get(path) ?? []) {
      if (this.toChoose.has(s)) this.choose(s);
      for (const o of this.pairs.get(s)?.keys() ?? []) if (this.toChoose.has(o)) this.choose(o);
    }
    if (this.toBuild.delete(path)) this.build(path);
  }

  /** Chooses again for a sentence whose pairs changed; its article and the articles of its old
   *  and new partners are to be rebuilt. */
  private choose(s: PreparedSentence): void {
    this.toChoose.delete(s);
    this.toBuild.add(s.path);
    for (const o of this.chosen.get(s)?.keys() ?? []) this.toBuild.add(o.path);
    const pairs = [...(this.pairs.get(s) ?? new Map<PreparedSentence, Verdict>())].map(([other, v]) => ({ other, v }));
    const choice = chooseLinks(s, pairs, this.limits);
    if (choice.size) this.chosen.set(s, choice);
    else this.chosen.delete(s);
    for (const o of choice.keys()) this.toBuild.add(o.path);
  }

  /** Drops the indexed sentences, judged pairs and choices of an article (keeping the verdict
   *  cache); returns the sentences of other articles that lost pairs (to choose again) and the
   *  articles whose links held a choice of the dropped sentences (to rebuild). */
  private detach(path: string): { rechoose: Set<PreparedSentence>; rebuild: Set<string> } {
    const rechoose = new Set<PreparedSentence>();
    const rebuild = new Set<string>();
    for (const s of this.prepared.get(path) ?? []) {
      const same = this.byKey.get(keyOf(s));
      if (same?.includes(s)) {
        same.splice(same.indexOf(s), 1);
        if (!same.length) this.byKey.delete(keyOf(s));
      }
      this.index.delete(s);
      // A sentence that is gone is not chosen for (its old choice is dropped below).
      this.toChoose.delete(s);
      for (const other of this.pairs.get(s)?.keys() ?? []) {
        this.pairs.get(other)?.delete(s);
        rechoose.add(other);
      }
      for (const other of this.chosen.get(s)?.keys() ?? []) rebuild.add(other.path);
      this.pairs.delete(s);
      this.chosen.delete(s);
    }
    this.prepared.delete(path);
    return { rechoose, rebuild };
  }

  private pair(a: PreparedSentence, b: PreparedSentence, v: Verdict): void {
    let m = this.pairs.get(a);
    if (!m) this.pairs.set(a, (m = new Map()));
    m.set(b, v);
  }

  /** The links of an article's sentences: every pair one of its two sentences chose. */
  private build(path: string): void {
    const sentences = this.prepared.get(path);
    if (!sentences) { this.links.delete(path); return; }
    const out: SentenceLink[] = [];
    for (const s of sentences) {
      const mine = this.chosen.get(s);
      const seen = new Set<PreparedSentence>();
      // In rank order, so that the result does not depend on the order articles came in.
      const pairs = [...(this.pairs.get(s) ?? [])].sort(([x, vx], [y, vy]) => rankOf(vy) - rankOf(vx) || x.path.localeCompare(y.path) || x.index - y.index);
      for (const [o, v] of pairs) {
        // A contradiction is shown when it is among the most alike of both its sentences; a
        // corroboration when one of them counts it among its best.
        const a = !!mine?.has(o), b = !!this.chosen.get(o)?.has(s);
        if (v.relation === 'contradicts' ? !(a && b) : !(a || b)) continue;
        if (seen.has(o)) continue;
        seen.add(o);
        const link = toLink(s, o, v);
        const copies = (mine?.get(o) ?? []).filter((c) => !seen.has(c));
        for (const c of copies) seen.add(c);
        if (copies.length) link.alsoIn = copies.map(ref);
        out.push(link);
      }
    }
    if (out.length) this.links.set(path, sortLinks(out));
    else this.links.delete(path);
  }

  /** Forgets the cached verdicts of the sentences of `path` whose keys are not in `keep`. */
  private forget(path: string, keep: Set<string>): void {
    for (const s of this.prepared.get(path) ?? []) {
      const k = keyOf(s);
      if (keep.has(k)) continue;
      const row = this.verdicts.get(k);
      if (!row) continue;
      for (const other of row.keys()) this.verdicts.get(other)?.delete(k);
      this.verdicts.delete(k);
    }
  }

  /** judge(a, b), remembered per pair of sentence keys (stored on both rows for forgetting). */
  private cachedJudge(a: PreparedSentence, b: PreparedSentence): Verdict | null {
    const ka = keyOf(a), kb = keyOf(b);
    const row = this.verdicts.get(ka);
    if (row?.has(kb)) return row.get(kb)!;
    const v = this.judge(a, b);
    for (const [x, y] of [[ka, kb], [kb, ka]]) {
      let r = this.verdicts.get(x);
      if (!r) this.verdicts.set(x, (r = new Map()));
      r.set(y, v);
    }
    return v;
  }

  /** Links whose from.path is path. */
  linksFrom(path: string): SentenceLink[] {
    this.settleFor(path);
    return this.links.get(path) ?? [];
  }

  /** Links whose target is a sentence of path (from the articles that chose them). */
  linksTo(path: string): SentenceLink[] {
    this.settleFor(path);
    const from = new Set<string>();
    for (const s of this.prepared.get(path) ?? []) for (const o of this.pairs.get(s)?.keys() ?? []) from.add(o.path);
    return sortLinks([...from].flatMap((p) => this.linksFrom(p).filter((l) => l.target.path === path || l.alsoIn?.some((x) => x.path === path))));
  }

  all(): SentenceLink[] {
    this.settle();
    return sortLinks([...this.links.values()].flat());
  }

  /** The verdict on one pair of prepared sentences (exposed for evaluation and tests). */
  judge(a: PreparedSentence, b: PreparedSentence): Verdict | null {
    if (!a.linkable || !b.linkable) return null;
    // Two counts of one thing (the toll of an attack) may be the same claim however little else
    // the two sentences share, so such pairs are always judged.
    const countsMeet = a.counts.some((x) => b.counts.some((y) => x.concept === y.concept));
    if (!countsMeet && !mayGetVerdict(a, b, similarityBound(a, b))) return null;
    return classify(gatherEvidence(a, b, this.cmp, this.model), this.model);
  }

  /** Prepared sentences of an article (for evaluation and tests). */
  sentencesOf(path: string): PreparedSentence[] {
    return this.prepared.get(path) ?? [];
  }
}

/**
 * The partners one sentence chooses among its judged pairs: one claim per wording (passages of other
 * articles that print the same words are one claim with several sources: the best one is chosen,
 * the others are its copies); at most `limits.perArticle` passages of one other article;
 * contradictions first, those worded most like the sentence first, then corroborations by
 * confidence (choiceRank); at most `limits` per relation. Depends on the
 * sentence's pairs only.
 */
export function chooseLinks(self: PreparedSentence, pairs: Pair[], limits: LinkLimits): Map<PreparedSentence, PreparedSentence[]> {
  const rank = (p: Pair) => choiceRank(self, p);
  const ranked = [...pairs].sort((x, y) => rank(y) - rank(x) || x.other.path.localeCompare(y.other.path) || x.other.index - y.other.index);
  // Passages printed word for word in several articles: one claim, several sources.
  const groups = new Map<string, Pair[]>();
  for (const p of ranked) {
    const k = `${p.v.relation}\u0000${wording(p.other)}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(p);
  }
  const counts: Record<string, number> = {};
  const perArticle = new Map<string, number>();
  const out = new Map<PreparedSentence, PreparedSentence[]>();
  for (const g of [...groups.values()].sort((x, y) => rank(y[0]) - rank(x[0]) || x[0].other.path.localeCompare(y[0].other.path) || x[0].other.index - y[0].other.index)) {
    const [best, ...copies] = g;
    const n = perArticle.get(best.other.path) ?? 0;
    if (n >= limits.perArticle) continue;
    const rel = best.v.relation;
    if ((counts[rel] ?? 0) >= limits[rel]) continue;
    counts[rel] = (counts[rel] ?? 0) + 1;
    perArticle.set(best.other.path, n + 1);
    out.set(best.other, copies.map((c) => c.other));
  }
  return out;
}

/** A passage's wording for recognising word-for-word copies: its normalised words. Remembered per
 *  prepared sentence: a sentence is among the partners of every sentence it is judged with, and
 *  normalising it again each time was a tenth of cross-checking a large folder. */
const wordings = new WeakMap<PreparedSentence, string>();
function wording(s: PreparedSentence): string {
  let w = wordings.get(s);
  if (w === undefined) wordings.set(s, (w = norm(s.quote).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()));
  return w;
}

/**
 * How a sentence ranks its partners when it chooses: contradictions first (they are few and matter
 * most), the passage that words the whole sentence most alike first — in a story where every
 * report gives a toll, each sentence contradicts a dozen others, and the one to show is the closest
 * restatement with another figure, not the one whose clash is surest; then corroborations, by
 * confidence.
 */
function choiceRank(self: PreparedSentence, p: Pair): number {
  return p.v.relation === 'contradicts' ? 2 + wordingSimilarity(self, p.other) : rankOf(p.v);
}

/** Cosine of two sentences' term weights (idf), over the whole sentence. */
function wordingSimilarity(a: PreparedSentence, b: PreparedSentence): number {
  const va = weightVector(a), vb = weightVector(b);
  let dot = 0;
  for (const [k, w] of va.weights) {
    const x = vb.weights.get(k);
    if (x) dot += w * x;
  }
  return dot / (va.norm * vb.norm || 1);
}

const vectors = new WeakMap<PreparedSentence, { weights: Map<string, number>; norm: number }>();
function weightVector(s: PreparedSentence): { weights: Map<string, number>; norm: number } {
  let v = vectors.get(s);
  if (!v) {
    const weights = new Map<string, number>();
    for (const t of s.terms) if (!t.speaker) weights.set(t.keys[0], Math.max(weights.get(t.keys[0]) ?? 0, t.weight));
    let sq = 0;
    for (const w of weights.values()) sq += w * w;
    vectors.set(s, (v = { weights, norm: Math.sqrt(sq) }));
  }
  return v;
}

/** Contradictions first, then corroborations, then by confidence (the order links are read in). */
function rankOf(v: Verdict): number {
  return (v.relation === 'contradicts' ? 2 : v.relation === 'corroborates' ? 1 : 0) + v.score;
}

/** A sentence's identity for the verdict cache: its article and its signature (not its position). */
function keyOf(s: PreparedSentence): string {
  return s.key;
}

function ref(s: PreparedSentence): SentenceRef {
  return { path: s.path, sentence: s.id, start: s.start, end: s.end };
}

function toLink(a: PreparedSentence, b: PreparedSentence, v: Verdict): SentenceLink {
  return { from: ref(a), relation: v.relation, target: { ...ref(b), quote: b.quote }, score: v.score, reasons: v.reasons };
}

/** The same verdict seen from the other side: reasons' a and b swap. */
function mirror(v: Verdict): Verdict {
  return { ...v, reasons: v.reasons.map((r) => ({ ...r, a: r.b, b: r.a })) };
}

function sortLinks(links: SentenceLink[]): SentenceLink[] {
  return links.sort((x, y) =>
    x.from.path.localeCompare(y.from.path) || x.from.start - y.from.start ||
    x.target.path.localeCompare(y.target.path) || x.target.start - y.target.start);
}
