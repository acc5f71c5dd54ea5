// The pipeline, in order: text (sentences, tokens) → entities (NER, then corpus-wide linking) →
// dates and quantities → cross-checking between articles. `Corpus` keeps the results and updates
// them incrementally when one article changes; `analyzeCorpus` is the one-shot form the CLI uses.
import type { ArticleAnalysis, CanonicalEntity, SentenceLink } from './model';
import type { EntityMention } from './model';
import { drain, recognizeCorpusSteps, type TaggedDoc } from './ner';
import { linkEntitiesSteps } from './entities/linking';
import { recognizeQuantities } from './quantities';
import { analyzeFacts, datelineOf, withReferenceDate, type ArticleFacts } from './facts';
import { CrossChecker } from './crosscheck';
import { applyCorpusDecisions, applyDateDecisions, applyEntityDecisions, noCorpusDecisions, type ArticleDecisions, type CorpusDecisions } from './decisions';
import { norm } from './text/normalize';
import { parseReference } from './dates/resolve';

export type ReferenceDateSource = 'user' | 'cli' | 'dateline' | 'file-name' | 'setting';

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

/** The corpus-wide results, as exportState()/restoreState() carry them between sessions. */
export interface CorpusState {
  entities: [string, EntityMention[]][];
  canonical: CanonicalEntity[];
  links: SentenceLink[];
}

export interface CorpusAnalysis {
  articles: ArticleAnalysis[];
  canonical: CanonicalEntity[];
  links: SentenceLink[];
}

/** Reference date in the documented order: user, CLI, dateline in the article, a date in the
 *  file's name or folder (archives and scrapers name files by publication day), setting. */
export function chooseReferenceDate(input: ArticleInput, opts: AnalyzeOptions): ArticleAnalysis['referenceDate'] {
  return chooseReferenceDateFrom(input, opts, input.userReferenceDate || opts.cliReferenceDate ? null : datelineOf(input.text));
}

function chooseReferenceDateFrom(input: ArticleInput, opts: AnalyzeOptions, dateline: string | null): ArticleAnalysis['referenceDate'] {
  if (input.userReferenceDate) return { date: input.userReferenceDate, source: 'user' };
  if (opts.cliReferenceDate) return { date: opts.cliReferenceDate, source: 'cli' };
  if (dateline) return { date: dateline, source: 'dateline' };
  const named = dateInPath(input.path);
  if (named) return { date: named, source: 'file-name' };
  if (opts.settingReferenceDate) return { date: opts.settingReferenceDate, source: 'setting' };
  return null;
}

/** The per-article facts of an input under these options (pure: runs in worker threads too). */
export function factsFor(input: ArticleInput, opts: AnalyzeOptions): ArticleFacts {
  const dateline = datelineOf(input.text);
  return analyzeFacts(input.path, input.text, factsReferenceDate(input, opts, dateline), dateline);
}

/** The date an article's relative dates resolve against, given its dateline. */
export function factsReferenceDate(input: ArticleInput, opts: AnalyzeOptions, dateline: string | null): string | null {
  return chooseReferenceDateFrom(input, opts, dateline)?.date ?? null;
}

interface Entry {
  input: ArticleInput;
  analysis: ArticleAnalysis;
  /** Dates and quantities before the user's decisions (facts), to redo decisions cheaply. */
  facts: ArticleFacts;
}

/** An article with its per-article facts, ready to join the corpus. */
export interface StagedArticle {
  input: ArticleInput;
  facts: ArticleFacts;
}

/**
 * A folder of articles analysed as one corpus. Per-article work (segmentation, tokens, dates,
 * quantities, tagging: facts.ts) is done once per text, possibly elsewhere (worker threads, the
 * persistent cache) and handed in with stage(); the corpus-wide passes run on top of it:
 * refreshEntities() (NER consistency and entity linking over all articles) and crossCheck() per
 * article. setMany() does all of it in one call; the language server calls the steps itself so
 * that it can answer requests between them and report progress.
 */
export class Corpus {
  private readonly entries = new Map<string, Entry>();
  private readonly checker = new CrossChecker();
  private canonicalEntities: CanonicalEntity[] = [];
  private canonicalIndex = new Map<string, CanonicalEntity>();
  private corpusDecisions: CorpusDecisions = noCorpusDecisions();
  // Tagger output per article, reused while the article's tokens are unchanged.
  private readonly tagged = new Map<string, TaggedDoc>();
  /** Links restored from an earlier session (restoreState), served until the rebuild is done. */
  private restored: { all: SentenceLink[]; from: Map<string, SentenceLink[]>; to: Map<string, SentenceLink[]> } | null = null;
  private restoredEntities: { state: CorpusState; byPath: Map<string, EntityMention[]> } | null = null;
  /** Counts the times articles' entities were set corpus-wide (a pass, a restore): a pass done in
   *  steps applies nothing if another set them meanwhile. */
  private entityGeneration = 0;

  constructor(private options: AnalyzeOptions = {}) {}

  get analyzeOptions(): AnalyzeOptions {
    return this.options;
  }

  setOptions(options: AnalyzeOptions): string[] {
    this.options = options;
    return this.setMany([...this.entries.values()].map((e) => e.input));
  }

  /** The per-article facts of an input, computed here (see facts.ts). */
  computeFacts(input: ArticleInput): ArticleFacts {
    return factsFor(input, this.options);
  }

  /** Add or replace articles; returns the paths whose analysis changed (including link targets). */
  setMany(inputs: ArticleInput[]): string[] {
    this.stage(inputs.map((input) => ({ input, facts: this.computeFacts(input) })));
    const changed = new Set(inputs.map((i) => i.path));
    const touched = this.refreshEntities(changed);
    for (const path of touched) this.crossCheck(path);
    return this.affected(touched, changed);
  }

  /**
   * Put articles with their facts into the corpus without the corpus-wide passes: their
   * sentences, dates and quantities are visible at once; entities and links follow with
   * refreshEntities() and crossCheck(). An article that was already here keeps its entities
   * where its text did not change, until refreshEntities() recomputes them.
   */
  stage(items: StagedArticle[]): void {
    for (const item of items) {
      const { input } = item;
      const old = this.entries.get(input.path);
      const referenceDate = chooseReferenceDateFrom(input, this.options, item.facts.dateline);
      // Facts made for another reference date (a setting or the user's choice changed): redo dates.
      const facts = item.facts.referenceDate === (referenceDate?.date ?? null) ? item.facts : withReferenceDate(item.facts, input.text, referenceDate?.date ?? null);
      const dates = applyDateDecisions(input.text, facts.dates, input.decisions);
      const quantities = sameList(dates, facts.dates) ? facts.quantities : recognizeQuantities(input.text, facts.tokens, dates);
      const entities = old ? carryOver(old.analysis.text, input.text, old.analysis.entities) : [];
      this.tagged.set(input.path, facts.tagged);
      this.entries.set(input.path, {
        input,
        facts,
        analysis: { path: input.path, text: input.text, sentences: facts.sentences, tokens: facts.tokens, entities, dates, quantities, referenceDate },
      });
    }
  }

  /** Merges, splits and rejected spellings decided across the corpus; `pass` false only records
   *  them for the next refreshEntities() (before a folder is indexed). */
  setCorpusDecisions(d: CorpusDecisions, pass = true): string[] {
    this.corpusDecisions = d;
    if (!pass) return [];
    const touched = this.refreshEntities(new Set());
    for (const path of touched) this.crossCheck(path);
    return this.affected(touched, new Set());
  }

  set(input: ArticleInput): string[] {
    return this.setMany([input]);
  }

  delete(path: string): string[] {
    if (!this.entries.delete(path)) return [];
    this.tagged.delete(path);
    this.checker.remove(path);
    const changed = new Set([path]);
    const touched = this.refreshEntities(changed);
    for (const p of touched) this.crossCheck(p);
    return this.affected(touched, changed);
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  get(path: string): ArticleAnalysis | undefined {
    return this.entries.get(path)?.analysis;
  }

  /** The facts an article was staged with (for the persistent cache). */
  factsOf(path: string): ArticleFacts | undefined {
    return this.entries.get(path)?.facts;
  }

  get size(): number {
    return this.entries.size;
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
    return this.canonicalIndex.get(id);
  }

  linksFrom(path: string): SentenceLink[] {
    return this.restored ? this.restored.from.get(path) ?? [] : this.checker.linksFrom(path);
  }

  linksTo(path: string): SentenceLink[] {
    return this.restored ? this.restored.to.get(path) ?? [] : this.checker.linksTo(path);
  }

  allLinks(): SentenceLink[] {
    return this.restored ? this.restored.all : this.checker.all();
  }

  /**
   * The corpus-wide results (entities with their canonical ids, canonical entities, links) of
   * every article, to be restored on an identical corpus (same articles, texts, decisions and
   * engine) without redoing the corpus-wide passes.
   */
  exportState(): CorpusState {
    return { entities: this.paths().map((p) => [p, this.entries.get(p)!.analysis.entities]), canonical: this.canonicalEntities, links: this.allLinks() };
  }

  /**
   * Restores exported results over the staged articles. Links are served from the restored list
   * until rebuildDone(): meanwhile crossCheck() rebuilds the cross-checker's own state (which
   * later edits need), article by article.
   */
  restoreState(state: CorpusState, paths?: Iterable<string>): void {
    this.entityGeneration++;
    // Only some articles' entities (those staged so far, while a folder is read): the rest follow
    // with later calls; the corpus-wide parts are restored once per state.
    if (paths) {
      let byPath = this.restoredEntities?.state === state ? this.restoredEntities.byPath : null;
      if (!byPath) this.restoredEntities = { state, byPath: (byPath = new Map(state.entities)) };
      for (const path of paths) {
        const e = this.entries.get(path), entities = byPath.get(path);
        if (e && entities) e.analysis.entities = entities;
      }
      if (this.restored?.all === state.links) return;
    } else {
      for (const [path, entities] of state.entities) {
        const e = this.entries.get(path);
        if (e) e.analysis.entities = entities;
      }
    }
    this.canonicalEntities = state.canonical;
    this.canonicalIndex = new Map(state.canonical.map((c) => [c.id, c]));
    const from = new Map<string, SentenceLink[]>(), to = new Map<string, SentenceLink[]>();
    for (const l of state.links) {
      let f = from.get(l.from.path);
      if (!f) from.set(l.from.path, (f = []));
      f.push(l);
      let t = to.get(l.target.path);
      if (!t) to.set(l.target.path, (t = []));
      t.push(l);
    }
    this.restored = { all: state.links, from, to };
  }

  /** The cross-checker has seen every article again: links come from it from now on. */
  rebuildDone(): void {
    this.restored = null;
    this.restoredEntities = null;
  }

  get restoring(): boolean {
    return this.restored !== null;
  }

  snapshot(): CorpusAnalysis {
    return { articles: this.articles(), canonical: this.canonicalEntities, links: this.allLinks() };
  }

  /**
   * The corpus-wide entity passes over every article: NER label consistency, the user's entity
   * decisions, entity linking. Returns the articles that must be cross-checked again: those in
   * `changed` and those whose entities (spans, types or canonical ids) moved.
   */
  refreshEntities(changed: Set<string>): string[] {
    return drain(this.refreshEntitiesSteps(changed))!;
  }

  /**
   * refreshEntities in steps (the language server does it a slice at a time, answering edits in
   * between). Nothing is changed before the last step, which applies the results only if the
   * corpus is still the one read (no article staged, removed or re-decided meanwhile): otherwise
   * it returns null and changes nothing.
   */
  *refreshEntitiesSteps(changed: Set<string>): Generator<void, string[] | null> {
    const articles = this.articles();
    const decisions = this.corpusDecisions;
    const generation = this.entityGeneration;
    const recognized = yield* recognizeCorpusSteps(articles.map((a) => ({ path: a.path, text: a.text, tokens: a.tokens, sentences: a.sentences })), { cache: this.tagged });
    const rejectedSurfaces = new Set(decisions.rejectedSurfaces.map(norm));
    const docs = articles.map((a) => ({ path: a.path, entities: applyEntityDecisions(a.text, recognized.get(a.path) ?? [], this.entries.get(a.path)!.input.decisions, rejectedSurfaces) }));
    const { canonical } = yield* linkEntitiesSteps(docs);
    // The new mentions are not the articles' yet: the user's merges and splits are applied to
    // them, and both versions' signatures taken, before the last step.
    const decided = applyCorpusDecisions(docs, canonical, decisions);
    const moved: string[] = [];
    for (let i = 0; i < articles.length; i++) {
      if (entitySignature(articles[i]) !== entitySignature(docs[i])) moved.push(articles[i].path);
      if (i % 64 === 0) yield;
    }
    if (generation !== this.entityGeneration || decisions !== this.corpusDecisions || articles.length !== this.entries.size || articles.some((a) => this.entries.get(a.path)?.analysis !== a)) return null;
    this.entityGeneration++;
    articles.forEach((a, i) => (a.entities = docs[i].entities));
    this.canonicalEntities = decided;
    this.canonicalIndex = new Map(this.canonicalEntities.map((c) => [c.id, c]));
    const touched = new Set([...changed].filter((p) => this.entries.has(p)));
    for (const p of moved) touched.add(p);
    return [...touched].sort();
  }

  /** Cross-check one article against the others (after its facts or entities changed). */
  crossCheck(path: string): void {
    const a = this.entries.get(path)?.analysis;
    if (a) this.checker.update(a);
  }

  /** Chooses and builds the links cross-checking deferred (see CrossChecker.settle), until the
   *  deadline (Date.now()) if there is one; true when done. Reading links settles them anyway:
   *  this only lets a caller do it a slice at a time. */
  settleLinks(deadline?: number): boolean {
    return this.checker.settle(deadline);
  }

  /** The cross-checked articles and those linked to or from them, whose links changed with them. */
  affected(touched: Iterable<string>, changed: Set<string>): string[] {
    const affected = new Set(touched);
    for (const path of touched) for (const l of this.linksFrom(path)) affected.add(l.target.path);
    return [...affected].filter((p) => this.entries.has(p) || changed.has(p)).sort();
  }
}

/** Same dates as a list (the user's decisions changed nothing). */
function sameList<T>(a: T[], b: T[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

/**
 * Entities of the previous version of a text, kept where the text around them did not change
 * (shifted past the edit): what an article shows between an edit and the next corpus-wide pass.
 */
function carryOver(oldText: string, newText: string, entities: EntityMention[]): EntityMention[] {
  if (oldText === newText) return entities;
  let prefix = 0;
  const max = Math.min(oldText.length, newText.length);
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  const editEnd = oldText.length - suffix, delta = newText.length - oldText.length;
  const out: EntityMention[] = [];
  for (const e of entities) {
    if (e.end <= prefix) out.push(e);
    else if (e.start >= editEnd) out.push({ ...e, start: e.start + delta, end: e.end + delta });
  }
  return out;
}

function entitySignature(a: { entities: EntityMention[] }): string {
  return a.entities.map((e) => `${e.start}:${e.end}:${e.type}:${e.entity ?? ''}`).join('|');
}

export function analyzeCorpus(inputs: ArticleInput[], opts: AnalyzeOptions = {}): CorpusAnalysis {
  const corpus = new Corpus(opts);
  corpus.setMany(inputs);
  return corpus.snapshot();
}

/**
 * A publication day written in an article's path, nearest the file first: "2015-07-21_aawsat.txt",
 * "news/2015-07-26/okaz_01384.txt", "20150726-okaz.txt". Only real calendar days in ISO order
 * (year, month, day), so that a serial number is never read as a date.
 */
export function dateInPath(path: string): string | null {
  const parts = path.split(/[\\/]/).reverse();
  for (const part of parts) {
    // Not inside a longer run of letters and digits: a hash or serial ("a20231105b") is no date.
    for (const m of part.matchAll(/(?<![A-Za-z0-9])((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?![A-Za-z0-9])/g)) {
      const iso = `${m[1]}-${m[2]}-${m[3]}`;
      if (parseReference(iso)) return iso;
    }
  }
  return null;
}
