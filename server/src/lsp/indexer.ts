// How the server feeds the corpus without making the editor wait. Indexing a folder goes in
// steps with the event loop free between them, so hovers and other requests are answered while
// it runs: per-article facts in batches (from the persistent cache, or computed, in worker threads
// when there are several), then the corpus-wide entity pass, then cross-checking article by
// article; each step reports counts. An edit in the editor (coalesced by lsp/pendingAnalyses.ts) is
// handled in two parts: at once the edited article alone (its facts, its links, its diagnostics), and once the
// typing pauses the corpus-wide passes that may move entities in other articles. Those run a slice
// at a time, each slice its own turn in the queue of corpus operations, so that an edit waits for
// one slice at most: an edit that comes during the entity pass abandons it (nothing is applied
// before its last slice) and the pass starts again once the typing pauses again.
import { dateInPath, type ArticleInput } from '../engine/analyze';
import type { CorpusState } from '../engine/analyze';
import type { CorpusDecisions } from '../engine/decisions';
import type { ArticleFacts } from '../engine/facts';
import { rememberTagged } from '../engine/ner';
import { AnalysisCache } from '../storage/analysisCache';
import type { FactsPool } from '../workers/factsPool';
import { requestCount } from './pendingAnalyses';
import { inputOf, type ArticleText, type Workspace } from './workspace';

export type Report = (message: string, percentage: number) => void;

/** Lets pending I/O and requests run (setImmediate comes after the poll phase). */
export const yieldToEventLoop = () => new Promise<void>((r) => setImmediate(r));

/** Background work yields longer: every message the server reads or sends waits for a turn of the
 *  event loop (vscode-jsonrpc's reader and writer), so with one setImmediate between 40 ms slices
 *  a request took several slices to be answered (a status request 0.3–0.7 s while a folder was
 *  cross-checked). A few idle milliseconds let it through at once. */
const BREATHE_MS = 4;
const breathe = () => new Promise<void>((r) => setTimeout(r, BREATHE_MS));

/** Milliseconds of synchronous work between two yields to the event loop. */
const SLICE_MS = 40;
/** Typing: the corpus-wide passes run once the typing paused this long, or twice as long as the
 *  last entity pass took, whichever is longer (1.4–3 s of work at 1,000 articles: run during every
 *  pause of a few seconds, it takes the processor from the typing that follows). They give way
 *  to edits: a keystroke that comes while one runs waits for one slice of it, not for its end
 *  (typed word → diagnostics p95 171–609 ms at 1,000 articles when it waited for the end). */
const CORPUS_PASS_DELAY_MS = 750;
/** Milliseconds of work of a corpus pass after edits between two yields: shorter than indexing's,
 *  as an edit or a hover that comes meanwhile waits for it. */
const PASS_SLICE_MS = 15;
/** UTF-16 units from which an article is analysed in a worker thread even alone. */
export const LONG_ARTICLE = 100_000;

/** The main thread's heap (used / reserved), the memory outside it (typed arrays, the model) and
 *  the process's resident memory, in MB: logged at the end of each step of indexing, so that a
 *  peak can be told to its step (the bench reports the log line). */
function memoryNote(): string {
  const m = process.memoryUsage();
  const mb = (x: number) => Math.round(x / 1048576);
  return `heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} MB, external ${mb(m.external)} MB, rss ${mb(m.rss)} MB`;
}

export class Indexer {
  private readonly dirty = new Set<string>();
  private corpusTimer: NodeJS.Timeout | null = null;
  /** Counts edits: a corpus pass started before the last edit is abandoned (see corpusPass). */
  private edits = 0;
  /** How long the last entity pass took, in milliseconds of work (its slices, not the pauses). */
  private corpusPassMs = 0;
  /** The corpus pass running, if any (not two at once). */
  private passing: Promise<void> | null = null;
  /** What the corpus pass after edits is doing (observed by tests). */
  passPhase: 'idle' | 'entities' | 'cross-checking' = 'idle';
  /** One corpus operation at a time (an index, an edit, a corpus pass), in order. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ws: Workspace,
    private readonly cache: AnalysisCache | null,
    /** A new pool of worker threads, closed by the caller once its articles are analysed. */
    private readonly pool: () => FactsPool | null,
    private readonly changed: (uris: string[]) => Promise<void>,
    private readonly log: (msg: string) => void,
  ) {}

  /** Runs `fn` after every corpus operation queued before it. */
  exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Analyse many articles (a folder being indexed); returns the URIs whose results changed. */
  index(items: ArticleText[], report: Report, workspace: string | null = null, corpusDecisions: ((joining?: Set<string>) => CorpusDecisions) | null = null): Promise<string[]> {
    return this.exclusive(async () => {
      this.ws.setTexts(items);
      const inputs = items.map(inputOf);
      const total = inputs.length;
      let done = 0;
      const t0 = Date.now();
      // An unchanged folder: the corpus-wide results of the last session are read while the facts
      // are, and each article gets its entities and links as soon as its facts are in, so that it
      // is hovered before the whole folder is read. Checked again once all are in (below).
      const paths = new Set(inputs.map((i) => i.path));
      const earlyKey = this.cache && workspace !== null && this.ws.corpus.paths().every((p) => paths.has(p))
        ? AnalysisCache.corpusKey(inputs, [this.ws.corpus.analyzeOptions, corpusDecisions?.(paths) ?? null]) : null;
      let early: CorpusState | null = null;
      const stagedPaths: string[] = [];
      const reading = earlyKey ? this.cache!.getState(workspace!, earlyKey).then((s) => {
        early = s;
        if (s) this.ws.corpus.restoreState(s, stagedPaths);
      }) : Promise.resolve();
      // 1. Facts: cached ones first, in batches; the others computed (in workers when there are).
      const missing: ArticleInput[] = [];
      const BATCH = 32;
      for (let i = 0; i < inputs.length; i += BATCH) {
        const batch = inputs.slice(i, i + BATCH);
        const found = await Promise.all(batch.map((input) => this.cached(input)));
        const staged = batch.flatMap((input, k) => (found[k] ? [{ input, facts: found[k]! }] : []));
        this.ws.corpus.stage(staged);
        for (const s of staged) stagedPaths.push(s.input.path);
        if (early) this.ws.corpus.restoreState(early, staged.map((s) => s.input.path));
        missing.push(...batch.filter((_, k) => !found[k]));
        done += staged.length;
        report(`Analysing ${done}/${total} articles`, Math.round((done / Math.max(1, total)) * 40));
      }
      // Worker threads for many articles, or for a long one (a 2 MB article takes a minute of
      // analysis: on the main thread nothing would be answered meanwhile).
      const pool = missing.length > 8 || missing.some((i) => i.text.length > LONG_ARTICLE) ? this.pool() : null;
      if (pool) {
        try {
          await Promise.all(missing.map(async (input) => {
            const facts = await pool.analyze(input, this.ws.corpus.analyzeOptions);
            this.ws.corpus.stage([{ input, facts }]);
            this.store(input, facts);
            done++;
            report(`Analysing ${done}/${total} articles`, Math.round((done / Math.max(1, total)) * 40));
          }));
        } finally {
          await pool.close();
        }
      } else {
        let slice = Date.now();
        for (const input of missing) {
          const facts = this.ws.corpus.computeFacts(input);
          this.ws.corpus.stage([{ input, facts }]);
          this.store(input, facts);
          done++;
          if (Date.now() - slice > SLICE_MS) {
            report(`Analysing ${done}/${total} articles`, Math.round((done / Math.max(1, total)) * 40));
            await this.pause();
            slice = Date.now();
          }
        }
      }
      const tFacts = Date.now();
      const memFacts = memoryNote();
      const changed = new Set(inputs.map((i) => i.path));
      // The corpus-wide decisions of the sidecars (merges, splits, rejected spellings), known once
      // the articles are in the corpus, go into the one entity pass below.
      const decisions = corpusDecisions?.() ?? null;
      if (decisions) this.ws.corpus.setCorpusDecisions(decisions, false);
      // An unchanged folder: the corpus-wide results of the last session, while the cross-checker
      // rebuilds its state in the background (links are served from the restored ones meanwhile).
      const stateKey = this.cache && workspace !== null && inputs.length === this.ws.corpus.size
        ? AnalysisCache.corpusKey(inputs, [this.ws.corpus.analyzeOptions, decisions]) : null;
      await reading;
      const state = !stateKey ? null : stateKey === earlyKey ? early : await this.cache!.getState(workspace!, stateKey);
      // Restored too early (the folder was not what it seemed): those results are dropped.
      if (early && state !== early) this.ws.corpus.rebuildDone();
      if (state) {
        this.ws.corpus.restoreState(state);
        this.log(`Analysed ${total} articles in ${((Date.now() - t0) / 1000).toFixed(1)} s: facts ${((tFacts - t0) / 1000).toFixed(1)} s (${this.cache!.hits} from the cache), corpus-wide results restored; cross-checking state rebuilt in the background.`);
        void this.rebuild();
        return this.ws.corpus.paths();
      }
      // 2. The corpus-wide entity passes, a slice at a time (requests are answered in between;
      // nothing else changes the corpus meanwhile: this holds the queue of corpus operations).
      report(`Linking entities across ${total} articles`, 45);
      const entities = await this.inSlices(this.ws.corpus.refreshEntitiesSteps(changed));
      const touched = entities.value ?? this.ws.corpus.refreshEntities(changed);
      const tEntities = Date.now();
      const memEntities = memoryNote();
      // The pass after edits costs about as much work as this one.
      this.corpusPassMs = Math.max(this.corpusPassMs, entities.work);
      // 3. Cross-checking, article by article.
      await this.crossCheck(touched, (k) => report(`Cross-checking ${k}/${touched.length} articles`, 50 + Math.round((k / Math.max(1, touched.length)) * 50)));
      const t1 = Date.now();
      if (stateKey) void this.cache!.putState(workspace!, stateKey, this.ws.corpus.exportState());
      this.log(`Analysed ${total} articles in ${((t1 - t0) / 1000).toFixed(1)} s: facts ${((tFacts - t0) / 1000).toFixed(1)} s (${this.cache ? `${this.cache.hits} from the cache` : 'cache off'}), entities ${((tEntities - tFacts) / 1000).toFixed(1)} s, cross-checking ${((t1 - tEntities) / 1000).toFixed(1)} s; memory after facts ${memFacts}, after entities ${memEntities}, after cross-checking ${memoryNote()}.`);
      return this.ws.corpus.affected(touched, changed);
    });
  }

  /** After restoreState(): the cross-checker sees every article again, a slice at a time, with
   *  edits free to run between slices; then links come from it. */
  private async rebuild(): Promise<void> {
    const paths = this.ws.corpus.paths();
    const t0 = Date.now();
    for (let k = 0; k < paths.length;) {
      k = await this.exclusive(() => {
        const slice = Date.now();
        let i = k;
        while (i < paths.length && Date.now() - slice < SLICE_MS) this.ws.corpus.crossCheck(paths[i++]);
        return i;
      });
      await breathe();
    }
    for (let done = false; !done;) {
      done = await this.exclusive(() => this.ws.corpus.settleLinks(Date.now() + SLICE_MS));
      await breathe();
    }
    await this.exclusive(async () => {
      this.ws.corpus.rebuildDone();
      this.log(`Cross-checking state rebuilt for ${paths.length} articles in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
      // Articles edited meanwhile were shown with restored links: show the rebuilt ones.
      if (this.dirty.size) await this.changed(this.ws.corpus.affected([...this.dirty], new Set()));
    });
  }

  /** Between two slices of work: a few idle milliseconds when a request came during the last one
   *  (so that it is answered at once), else only a turn of the event loop. */
  private requests = requestCount();
  private pause(): Promise<void> {
    const seen = this.requests;
    this.requests = requestCount();
    return seen !== this.requests ? breathe() : yieldToEventLoop();
  }

  /** Runs steps to their end, with the event loop free between slices of work; `work` is the
   *  time of the slices (ms), without the pauses. */
  private async inSlices<T>(steps: Generator<void, T>): Promise<{ value: T; work: number }> {
    let work = 0;
    for (let slice = Date.now(); ; slice = Date.now()) {
      for (;;) {
        const r = steps.next();
        if (r.done) return { value: r.value, work: work + Date.now() - slice };
        if (Date.now() - slice > SLICE_MS) break;
      }
      work += Date.now() - slice;
      await this.pause();
    }
  }

  /** Cross-check articles with the event loop free between slices of work, then choose their
   *  links, also in slices. */
  private async crossCheck(paths: string[], report: (done: number) => void): Promise<void> {
    let slice = Date.now();
    for (let k = 0; k < paths.length; k++) {
      this.ws.corpus.crossCheck(paths[k]);
      if (Date.now() - slice > SLICE_MS) {
        report(k + 1);
        await this.pause();
        slice = Date.now();
      }
    }
    while (!this.ws.corpus.settleLinks(Date.now() + SLICE_MS)) await this.pause();
    report(paths.length);
  }

  /**
   * A new version of an open document, applied after the work already queued: the edited article
   * at once (facts, links, diagnostics), the corpus-wide passes once the typing pauses. Bursts of
   * keystrokes are coalesced by the caller (lsp/pendingAnalyses.ts), which runs only the latest.
   */
  edit(item: ArticleText): Promise<void> {
    return this.exclusive(() => this.applyEdit(item));
  }

  private async applyEdit(item: ArticleText): Promise<void> {
    this.edits++;
    this.ws.setTexts([item]);
    const input = inputOf(item);
    // The article's last tagging (often made in a worker thread): the sentences the edit left
    // alone are not tagged again.
    const before = this.ws.corpus.factsOf(input.path);
    if (before) rememberTagged(before.tagged);
    const facts = this.ws.corpus.computeFacts(input);
    this.ws.corpus.stage([{ input, facts }]);
    this.ws.corpus.crossCheck(input.path);
    this.dirty.add(input.path);
    this.scheduleCorpusPass();
    await this.changed(this.ws.corpus.affected([input.path], new Set([input.path])));
  }

  private scheduleCorpusPass(): void {
    if (this.corpusTimer) clearTimeout(this.corpusTimer);
    this.corpusTimer = setTimeout(() => {
      this.corpusTimer = null;
      // One pass at a time: one still running (it is being abandoned after an edit, or is
      // cross-checking what it moved) is followed by the next.
      const run = (this.passing ?? Promise.resolve()).then(() => this.corpusPass());
      const passing = (this.passing = run.catch((e) => this.log(`Corpus pass failed: ${e instanceof Error ? e.stack : String(e)}`)).finally(() => {
        if (this.passing === passing) this.passing = null;
      }));
    }, Math.max(CORPUS_PASS_DELAY_MS, 2 * this.corpusPassMs));
  }

  /** Resolves once no corpus pass is scheduled or running (for tests). */
  async corpusPassesDone(): Promise<void> {
    while (this.corpusTimer || this.passing) {
      if (this.passing) await this.passing;
      else await new Promise<void>((r) => setTimeout(r, CORPUS_PASS_DELAY_MS));
    }
  }

  /**
   * The corpus-wide passes after edits: entities everywhere, then the articles they moved, each
   * slice of work its own turn in the queue of corpus operations (edits go in between). An edit
   * during the entity pass abandons it: its articles stay dirty for the pass the edit scheduled.
   * Cross-checking what a finished entity pass moved goes on across edits (cross-checking is
   * incremental: any order of updates gives the same links).
   */
  private async corpusPass(): Promise<void> {
    const start = await this.exclusive(() => {
      if (this.dirty.size === 0) return null;
      const changed = new Set([...this.dirty].filter((p) => this.ws.corpus.has(p)));
      this.dirty.clear();
      return { changed, steps: this.ws.corpus.refreshEntitiesSteps(changed), edits: this.edits };
    });
    if (!start) return;
    const { changed, steps, edits } = start;
    this.passPhase = 'entities';
    try {
      await this.passSlices(changed, steps, edits);
    } finally {
      this.passPhase = 'idle';
    }
  }

  private async passSlices(changed: Set<string>, steps: Generator<void, string[] | null>, edits: number): Promise<void> {
    const abandon = () => {
      for (const p of changed) this.dirty.add(p);
      steps.return(null);
      // The edit that came scheduled the next pass; anything else that changed the corpus did not.
      if (!this.corpusTimer) this.scheduleCorpusPass();
    };
    let touched: string[] | null | undefined;
    let work = 0;
    while (touched === undefined) {
      await this.pause();
      touched = await this.exclusive(() => {
        // An edit came: the corpus this pass read is not the current one.
        if (this.edits !== edits) return null;
        const slice = Date.now();
        try {
          for (;;) {
            const r = steps.next();
            if (r.done) return r.value;
            if (Date.now() - slice > PASS_SLICE_MS) return undefined;
          }
        } finally {
          work += Date.now() - slice;
        }
      });
    }
    if (touched !== null) this.corpusPassMs = work;
    if (touched === null) {
      abandon();
      this.log('Corpus-wide entity pass given way to an edit; it runs again once the typing pauses.');
      return;
    }
    this.passPhase = 'cross-checking';
    for (let k = 0; k < touched.length;) {
      await this.pause();
      k = await this.exclusive(() => {
        const slice = Date.now();
        let i = k;
        while (i < touched!.length && Date.now() - slice < PASS_SLICE_MS) this.ws.corpus.crossCheck(touched![i++]);
        return i;
      });
    }
    for (let done = false; !done;) {
      await this.pause();
      done = await this.exclusive(() => this.ws.corpus.settleLinks(Date.now() + PASS_SLICE_MS));
    }
    await this.exclusive(() => this.changed(this.ws.corpus.affected(touched!, changed)));
  }

  private static referenceInputs(input: ArticleInput, opts: { cliReferenceDate?: string | null; settingReferenceDate?: string | null }): string {
    // The file name's day is an input too: the same text under another dated name resolves its
    // relative dates against another day.
    return `${input.userReferenceDate || opts.cliReferenceDate || ''}|${dateInPath(input.path) ?? ''}|${opts.settingReferenceDate ?? ''}`;
  }

  private async cached(input: ArticleInput): Promise<ArticleFacts | null> {
    if (!this.cache) return null;
    return this.cache.get(AnalysisCache.key(input.text, Indexer.referenceInputs(input, this.ws.corpus.analyzeOptions)), input.path, input.text);
  }

  private store(input: ArticleInput, facts: ArticleFacts): void {
    if (this.cache) void this.cache.put(AnalysisCache.key(input.text, Indexer.referenceInputs(input, this.ws.corpus.analyzeOptions)), facts);
  }
}
