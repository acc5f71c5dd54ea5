// Worker threads for the per-article analysis (engine/facts.ts), used by `qarina annotate --jobs N`
// and by the server while it indexes a folder. Each worker loads the models once and takes one
// article at a time; the main thread keeps the corpus-wide passes. On a machine with few cores the
// gain is bounded by them (measured in README: `npm run bench`).
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { AnalyzeOptions, ArticleInput } from '../engine/analyze';
import { unpackFacts, type ArticleFacts, type PackedFacts } from '../engine/facts';

interface Job { id: number; input: ArticleInput; options: AnalyzeOptions; resolve: (f: ArticleFacts) => void; reject: (e: Error) => void }

export class FactsPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private nextId = 1;

  /** A pool of `size` workers, or null when the worker script is not next to this bundle (the
   *  engine then runs in the calling thread). */
  static create(size: number): FactsPool | null {
    const script = path.join(__dirname, 'factsWorker.js');
    if (size < 1 || !fs.existsSync(script)) return null;
    return new FactsPool(script, size);
  }

  private constructor(script: string, size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(script);
      w.unref();
      w.on('message', (m: { id: number; packed?: PackedFacts; error?: string }) => {
        const job = this.running.get(w)!;
        this.running.delete(w);
        if (m.error !== undefined) job.reject(new Error(m.error));
        else job.resolve(unpackFacts(job.input.path, job.input.text, m.packed!));
        this.idle.push(w);
        this.pump();
      });
      w.on('error', (e) => {
        const job = this.running.get(w);
        this.running.delete(w);
        job?.reject(e);
      });
      // A worker that died takes no more jobs; when none is left, the queued jobs fail.
      w.on('exit', () => {
        this.all.splice(this.all.indexOf(w), 1);
        const i = this.idle.indexOf(w);
        if (i >= 0) this.idle.splice(i, 1);
        if (this.all.length === 0) for (const job of this.queue.splice(0)) job.reject(new Error('the analysis workers stopped'));
      });
      this.all.push(w);
      this.idle.push(w);
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
    await Promise.all([...this.all].map((w) => w.terminate()));
  }
}
