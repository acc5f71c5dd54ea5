// The pipeline, in order: text (sentences, tokens) → entities (NER, then corpus-wide linking) →
// dates and quantities → cross-checking between articles. `Corpus` keeps the results and updates
// them incrementally when one article changes; `analyzeCorpus` is the one-shot form the CLI uses.
import type { ArticleAnalysis, CanonicalEntity, SentenceLink } from './model';
import { segmentSentences } from './text/sentences';
import { tokenize } from './text/tokens';
import { recognizeCorpus, type TaggedDoc } from './ner';
import { linkEntities } from './entities/linking';
import { findReferenceDate, recognizeDates } from './dates';
import { recognizeQuantities } from './quantities';
import { CrossChecker } from './crosscheck';
import { applyCorpusDecisions, applyDateDecisions, applyEntityDecisions, noCorpusDecisions, type ArticleDecisions, type CorpusDecisions } from './decisions';
import { norm } from './text/normalize';

export type ReferenceDateSource = 'user' | 'cli' | 'dateline' | 'setting';

export interface ArticleInput {
  path: string;
  text: string;
  /** A reference date chosen by the user (stored in the sidecar): wins over every other source. */
  userReferenceDate?: string | null;
  /** The user's decisions on this article (from its sidecar): they win over automatic results. */
  decisions?: ArticleDecisions;
}

export interface AnalyzeOptions {
  /** From the CLI's --reference-date. */
  cliReferenceDate?: string | null;
  /** From the editor setting: the last resort. */
  settingReferenceDate?: string | null;
}

export interface CorpusAnalysis {
  articles: ArticleAnalysis[];
  canonical: CanonicalEntity[];
  links: SentenceLink[];
}

/** Reference date in the documented order: user, CLI, dateline in the article, setting. */
export function chooseReferenceDate(input: ArticleInput, opts: AnalyzeOptions): ArticleAnalysis['referenceDate'] {
  if (input.userReferenceDate) return { date: input.userReferenceDate, source: 'user' };
  if (opts.cliReferenceDate) return { date: opts.cliReferenceDate, source: 'cli' };
  const dateline = findReferenceDate(input.text);
  if (dateline) return { date: dateline.date, source: 'dateline' };
  if (opts.settingReferenceDate) return { date: opts.settingReferenceDate, source: 'setting' };
  return null;
}

interface Entry {
  input: ArticleInput;
  analysis: ArticleAnalysis;
}

/**
 * A folder of articles analysed as one corpus. Per-article work (segmentation, dates, quantities)
 * is redone only for the article that changed; the corpus-wide passes (NER label consistency,
 * entity linking) are cheap and rerun over all articles; cross-checking is updated for the changed
 * article and for the articles whose entity ids moved.
 */
export class Corpus {
  private readonly entries = new Map<string, Entry>();
  private readonly checker = new CrossChecker();
  private canonicalEntities: CanonicalEntity[] = [];
  private corpusDecisions: CorpusDecisions = noCorpusDecisions();
  // Tagger output per article, reused while the article's tokens are unchanged.
  private readonly tagged = new Map<string, TaggedDoc>();

  constructor(private options: AnalyzeOptions = {}) {}

  setOptions(options: AnalyzeOptions): string[] {
    this.options = options;
    return this.setMany([...this.entries.values()].map((e) => e.input));
  }

  /** Add or replace articles; returns the paths whose analysis changed (including link targets). */
  setMany(inputs: ArticleInput[]): string[] {
    for (const input of inputs) {
      const referenceDate = chooseReferenceDate(input, this.options);
      const sentences = segmentSentences(input.text);
      const tokens = tokenize(input.text);
      const dates = applyDateDecisions(input.text, recognizeDates(input.text, tokens, referenceDate?.date ?? null), input.decisions);
      const quantities = recognizeQuantities(input.text, tokens, dates);
      this.entries.set(input.path, {
        input,
        analysis: { path: input.path, text: input.text, sentences, tokens, entities: [], dates, quantities, referenceDate },
      });
    }
    return this.relink(new Set(inputs.map((i) => i.path)));
  }

  /** Merges, splits and rejected spellings decided across the corpus. */
  setCorpusDecisions(d: CorpusDecisions): string[] {
    this.corpusDecisions = d;
    return this.relink(new Set());
  }

  set(input: ArticleInput): string[] {
    return this.setMany([input]);
  }

  delete(path: string): string[] {
    if (!this.entries.delete(path)) return [];
    this.tagged.delete(path);
    this.checker.remove(path);
    return this.relink(new Set([path]));
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  get(path: string): ArticleAnalysis | undefined {
    return this.entries.get(path)?.analysis;
  }

  paths(): string[] {
    return [...this.entries.keys()].sort();
  }

  articles(): ArticleAnalysis[] {
    return this.paths().map((p) => this.entries.get(p)!.analysis);
  }

  canonical(): CanonicalEntity[] {
    return this.canonicalEntities;
  }

  canonicalById(id: string): CanonicalEntity | undefined {
    return this.canonicalEntities.find((c) => c.id === id);
  }

  linksFrom(path: string): SentenceLink[] {
    return this.checker.linksFrom(path);
  }

  linksTo(path: string): SentenceLink[] {
    return this.checker.linksTo(path);
  }

  allLinks(): SentenceLink[] {
    return this.checker.all();
  }

  snapshot(): CorpusAnalysis {
    return { articles: this.articles(), canonical: this.canonicalEntities, links: this.allLinks() };
  }

  private relink(changed: Set<string>): string[] {
    const articles = this.articles();
    const before = new Map(articles.map((a) => [a.path, entitySignature(a)]));
    const recognized = recognizeCorpus(articles.map((a) => ({ path: a.path, text: a.text, tokens: a.tokens, sentences: a.sentences })), { cache: this.tagged });
    const rejectedSurfaces = new Set(this.corpusDecisions.rejectedSurfaces.map(norm));
    for (const a of articles) {
      a.entities = applyEntityDecisions(a.text, recognized.get(a.path) ?? [], this.entries.get(a.path)!.input.decisions, rejectedSurfaces);
    }
    const docs = articles.map((a) => ({ path: a.path, entities: a.entities }));
    this.canonicalEntities = applyCorpusDecisions(docs, linkEntities(docs).canonical, this.corpusDecisions);
    const touched = new Set(changed);
    for (const a of articles) if (before.get(a.path) !== entitySignature(a)) touched.add(a.path);
    for (const path of touched) {
      const a = this.entries.get(path)?.analysis;
      if (a) this.checker.update(a);
    }
    // Articles linked to or from a touched one see their links change too.
    const affected = new Set(touched);
    for (const path of touched) for (const l of this.checker.linksFrom(path)) affected.add(l.target.path);
    return [...affected].filter((p) => this.entries.has(p) || changed.has(p)).sort();
  }
}

function entitySignature(a: ArticleAnalysis): string {
  return a.entities.map((e) => `${e.start}:${e.end}:${e.type}:${e.entity ?? ''}`).join('|');
}

export function analyzeCorpus(inputs: ArticleInput[], opts: AnalyzeOptions = {}): CorpusAnalysis {
  const corpus = new Corpus(opts);
  corpus.setMany(inputs);
  return corpus.snapshot();
}
