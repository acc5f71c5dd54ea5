// Worker threads for the per-article analysis (engine/facts.ts), used by `qarina annotate --jobs N`
// and by the server while it indexes a folder. Each worker loads the models once and takes one
// article at a time; the main thread keeps the corpus-wide passes. On a machine with few cores the
// gain is bounded by them (measured in README: `npm run bench`).
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { AnalyzeOptions, ArticleInput } from '../engine/analyze';
import { unpackFacts, type ArticleFacts, type PackedFacts } from '../engine/facts';
import { internTokens } from './internTokens';

interface Job { id: number; input: ArticleInput; options: AnalyzeOptions; resolve: (f: ArticleFacts) => void; reject: (e: Error) => void }

/** The old-generation heap a worker may use, in MB. A worker's live data is small (the tagger's
 *  model and its cache of word forms: ~60–80 MB after 500 news articles), but V8 sizes a thread's
 *  heap growth by the machine's memory and let each worker reach ~220 MB of RSS, mostly garbage
 *  not yet collected. Under this limit it collects sooner: 1,000 articles through two workers
 *  peaked at 389–403 MB instead of 491–498 MB for the same CPU time (96 MB made it collect all the
 *  time: twice the CPU). A worker that still runs out (a huge article) is replaced by one without
 *  the limit, which analyses the article again. */
export const WORKER_HEAP_MB = 256;
/** The young generation of a worker, in MB (V8's default here is 48: three semi-spaces of 16).
 *  Most of what the tagger allocates dies young, and a smaller nursery is collected more often at
 *  little cost: 1,000 articles through two workers peaked at 377–391 MB instead of 423–448 MB,
 *  for 12.1–12.8 s of CPU instead of 11.7–12.0 s (alternated runs; 16 MB gave 405–407 MB). */
export const WORKER_YOUNG_MB = 8;

export class FactsPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private nextId = 1;

  /** A pool of `size` workers, or null when the worker script is not next to this bundle (the
   *  engine then runs in the calling thread). */
  static create(size: number, heapMb: number = WORKER_HEAP_MB, script = path.join(__dirname, 'factsWorker.js')): FactsPool | null {
    if (size < 1 || !fs.existsSync(script)) return null;
    return new FactsPool(script, size, heapMb);
  }

  /** Workers replaced after running out of heap (see WORKER_HEAP_MB). */
  replaced = 0;
  private closing = false;

  private constructor(private readonly script: string, size: number, heapMb: number) {
    for (let i = 0; i < size; i++) this.start(heapMb);
  }

  private start(heapMb: number | null): void {
    const w = new Worker(this.script, heapMb ? { resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } } : {});
    w.unref();
    w.on('message', (m: { id: number; packed?: PackedFacts; error?: string }) => {
      const job = this.running.get(w)!;
      this.running.delete(w);
      if (m.error !== undefined) job.reject(new Error(m.error));
      else {
        const facts = unpackFacts(job.input.path, job.input.text, m.packed!);
        internTokens(facts.tokens);
        job.resolve(facts);
      }
      this.idle.push(w);
      this.pump();
    });
    w.on('error', (e: Error & { code?: string }) => {
      const job = this.running.get(w);
      this.running.delete(w);
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY' && heapMb && !this.closing) {
        // Out of its heap limit: the article is analysed again by a worker without one.
        this.forget(w);
        if (job) this.queue.unshift(job);
        this.replaced++;
        this.start(null);
        this.pump();
        return;
      }
      job?.reject(e);
    });
    // A worker that died takes no more jobs; when none is left, the queued jobs fail.
    w.on('exit', () => {
      this.forget(w);
      if (this.all.length === 0) for (const job of this.queue.splice(0)) job.reject(new Error('the analysis workers stopped'));
    });
    this.all.push(w);
    this.idle.push(w);
  }

  private forget(w: Worker): void {
    for (const list of [this.all, this.idle]) {
      const i = list.indexOf(w);
      if (i >= 0) list.splice(i, 1);
    }
  }

  get size(): number {
    return this.all.length;
  }

  analyze(input: ArticleInput, options: AnalyzeOptions): Promise<ArticleFacts> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input: { path: input.path, text: input.text, userReferenceDate: input.userReferenceDate ?? null }, options, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.idle.length && this.queue.length) {
      const w = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.running.set(w, job);
      w.postMessage({ id: job.id, input: job.input, options: job.options });
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.all].map((w) => w.terminate()));
  }
}
