// Cross-checking between articles: for every sentence, the sentences of OTHER articles that
// corroborate or contradict it (or look alike but belong to a different event), with a score and
// the reasons. Incremental: update(article) re-prepares that article, re-indexes its sentences
// and recomputes only the pairs it takes part in. A pair's verdict depends on its two sentences
// only (static term weights, symmetric candidate test), so the result after any sequence of
// updates equals a full recompute. Verdicts are cached per pair of sentences (by article and
// content signature), so an edit re-judges only the sentences it changed.
import type { ArticleAnalysis, SentenceLink, SentenceRef } from '../model';
import { classify, type Verdict } from './classify';
import { defaultComparators, type Comparators } from './compare';
import { confidenceModel } from './confidence';
import { gatherEvidence, similarityBound } from './evidence';
import { prepareArticle, type PreparedSentence } from './prepare';
import { SentenceIndex } from './retrieval';
import { stanceModel, type StanceModel } from './stanceModel';
import { weightsFrom, type Weights } from './weights';

export interface CrossCheckerOptions {
  model?: StanceModel;
  comparators?: Comparators;
  /** At most this many links from one sentence to one other article (best first). */
  maxLinksPerArticle?: number;
}

export { renderReason } from './reasons';
export type { Verdict } from './classify';

export class CrossChecker {
  private readonly model: StanceModel;
  private readonly weights: Weights;
  private readonly cmp: Comparators;
  private readonly maxPerArticle: number;
  private readonly prepared = new Map<string, PreparedSentence[]>();
  private readonly index = new SentenceIndex();
  /** Verdicts already computed, by sentence key (keyOf) on both sides; a verdict depends only on
   *  its two sentences, so it is reused until one of them changes. */
  private readonly verdicts = new Map<string, Map<string, Verdict | null>>();
  /** links.get(from).get(to): the links from sentences of `from` to sentences of `to`. */
  private readonly links = new Map<string, Map<string, SentenceLink[]>>();

  constructor(opts: CrossCheckerOptions = {}) {
    this.model = opts.model ?? stanceModel;
    this.weights = weightsFrom(this.model);
    this.cmp = opts.comparators ?? defaultComparators;
    this.maxPerArticle = opts.maxLinksPerArticle ?? 3;
  }

  update(article: ArticleAnalysis): void {
    const sentences = prepareArticle(article, this.weights);
    // Verdicts of the sentences that did not change stay valid; those of the others are dropped.
    this.forget(article.path, new Set(sentences.map(keyOf)));
    this.removeLinks(article.path);
    this.prepared.set(article.path, sentences);
    for (const s of sentences) this.index.add(s);
    // Pairs are always judged and ranked in one orientation (the article whose path sorts first
    // is side a), so the outcome does not depend on which article was updated last.
    const found = new Map<string, { a: PreparedSentence; b: PreparedSentence; v: Verdict }[]>();
    for (const s of sentences) {
      for (const t of this.index.candidates(s)) {
        const [a, b] = s.path < t.path ? [s, t] : [t, s];
        const v = this.cachedJudge(a, b);
        if (!v) continue;
        let list = found.get(t.path);
        if (!list) found.set(t.path, (list = []));
        list.push({ a, b, v });
      }
    }
    for (const pairs of found.values()) {
      const kept = keepBest(pairs, this.maxPerArticle);
      const { path: pa } = kept[0].a, { path: pb } = kept[0].b;
      this.put(pa, pb, kept.map(({ a, b, v }) => toLink(a, b, v)));
      this.put(pb, pa, kept.map(({ a, b, v }) => toLink(b, a, mirror(v))));
    }
  }

  remove(path: string): void {
    this.forget(path, new Set());
    this.removeLinks(path);
  }

  /** Drops the links and indexed sentences of an article, keeping the verdict cache. */
  private removeLinks(path: string): void {
    const old = this.prepared.get(path);
    if (!old) return;
    for (const s of old) this.index.delete(s);
    this.prepared.delete(path);
    const mine = this.links.get(path);
    if (mine) for (const other of mine.keys()) this.links.get(other)?.delete(path);
    this.links.delete(path);
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
    const m = this.links.get(path);
    if (!m) return [];
    return sortLinks([...m.values()].flat());
  }

  /** Links whose target.path is path. */
  linksTo(path: string): SentenceLink[] {
    const m = this.links.get(path);
    if (!m) return [];
    return sortLinks([...m.keys()].flatMap((other) => this.links.get(other)?.get(path) ?? []));
  }

  all(): SentenceLink[] {
    return sortLinks([...this.links.values()].flatMap((m) => [...m.values()].flat()));
  }

  /** The verdict on one pair of prepared sentences (exposed for evaluation and tests). */
  judge(a: PreparedSentence, b: PreparedSentence): Verdict | null {
    if (!a.linkable || !b.linkable) return null;
    // Two counts of one thing (the toll of an attack) may be the same claim however little else
    // the two sentences share, so such pairs are always judged.
    const countsMeet = a.counts.some((x) => b.counts.some((y) => x.concept === y.concept));
    if (!countsMeet && similarityBound(a, b) < confidenceModel.thresholds.link) return null;
    return classify(gatherEvidence(a, b, this.cmp, this.model), this.model);
  }

  /** Prepared sentences of an article (for evaluation and tests). */
  sentencesOf(path: string): PreparedSentence[] {
    return this.prepared.get(path) ?? [];
  }

  private put(from: string, to: string, links: SentenceLink[]): void {
    let m = this.links.get(from);
    if (!m) this.links.set(from, (m = new Map()));
    if (links.length) m.set(to, links);
    else m.delete(to);
  }
}

/**
 * Between two articles, keep for each sentence its best links on either side: a pair survives when
 * it is among the `max` best of its first sentence or of its second one. Depends on the two
 * articles only, so it is the same whichever of them was updated last.
 */
function keepBest<T extends { a: PreparedSentence; b: PreparedSentence; v: Verdict }>(pairs: T[], max: number): T[] {
  const rank = (x: T, y: T) => rankOf(y.v) - rankOf(x.v) || x.a.index - y.a.index || x.b.index - y.b.index;
  const keep = new Set<T>();
  for (const side of ['a', 'b'] as const) {
    const groups = new Map<number, T[]>();
    for (const p of pairs) {
      const k = p[side].index;
      let g = groups.get(k);
      if (!g) groups.set(k, (g = []));
      g.push(p);
    }
    for (const g of groups.values()) for (const p of g.sort(rank).slice(0, max)) keep.add(p);
  }
  return pairs.filter((p) => keep.has(p)).sort((x, y) => x.a.index - y.a.index || x.b.index - y.b.index);
}

/** Contradictions first (they are few and matter most), then by score. */
function rankOf(v: Verdict): number {
  return (v.relation === 'contradicts' ? 2 : v.relation === 'corroborates' ? 1 : 0) + v.score;
}

/** A sentence's identity for the verdict cache: its article and its signature (not its position). */
function keyOf(s: PreparedSentence): string {
  return `${s.path}\u0000${s.sig}`;
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
