// `qarina annotate`: analyse the given articles as one corpus and write their sidecars, keeping the
// user's decisions from existing sidecars. One bad file never stops the others.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isArticlePath, isSidecarPath, listArticles, readArticle, SIDECAR_SUFFIX } from '../storage/articleFiles';
import { fitsText, reanchorSidecar } from '../storage/anchor';
import { buildSidecar } from '../storage/build';
import { articleDecisionsOf, corpusDecisionsOf, linkKey } from '../storage/decisions';
import type { Sidecar } from '../storage/format';
import { readSidecarFileRaw, sha256Hex, SidecarProtectedError, sidecarPathFor, updateSidecarFile } from '../storage/sidecarFile';
import type { SentenceLink } from '../engine/model';
import type { ArticleDecisions } from '../engine/decisions';
import { countLinkPairs, describeLinks, plural } from '../linkCounts';
import { noProgress, type Io, type Progress } from './io';

export interface AnnotateOptions {
  paths: string[];
  referenceDate: string | null;
  out: string | null;
  /** Worker threads for the per-article analysis (null: one per core, at most 4; none on one core). */
  jobs?: number | null;
  /** Read and write the persistent analysis cache (default true). */
  cache?: boolean;
}

interface Article {
  file: string;
  /** Relative to the common folder of the inputs (for --out). */
  rel: string;
  text: string;
  sha256: string;
  sidecarFile: string;
  /** What the analysis needs from the sidecar as read, and nothing more: the sidecars of a big
   *  folder are not all held in memory at once (they are read again, one at a time, to be
   *  rebuilt under their lock). */
  input: { userReferenceDate: string | null; decisions: ArticleDecisions | undefined; corpus: Sidecar['corpus'] | null };
  /** Why the existing sidecar is left untouched, if it is. */
  protectedReason: string | null;
}

export interface AnnotateSummary {
  written: number;
  unchanged: number;
  skipped: number;
  protectedCount: number;
  failed: number;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

function commonFolder(folders: string[]): string {
  let base = folders[0];
  for (const f of folders.slice(1)) {
    while (path.relative(base, f).startsWith('..') || path.isAbsolute(path.relative(base, f))) {
      const up = path.dirname(base);
      if (up === base) break;
      base = up;
    }
  }
  return base;
}

export async function annotate(opts: AnnotateOptions, io: Io, cwd = process.cwd(), progress: Progress = noProgress): Promise<number> {
  // Paths inside the working folder are shown relative to it, others in full.
  const shown = (p: string) => {
    const rel = path.relative(cwd, p);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? toPosix(rel) : p;
  };
  const skipped: { file: string; reason: string }[] = [];
  const failed: { file: string; reason: string }[] = [];
  const found: { file: string; root: string }[] = [];
  let missing = 0;

  for (const given of opts.paths) {
    const abs = path.resolve(cwd, given);
    const st = await fs.stat(abs).catch(() => null);
    if (!st) {
      io.err(`error: ${given}: no such file or folder`);
      missing++;
    } else if (st.isDirectory()) {
      const files = await listArticles(abs, (file, reason) => skipped.push({ file, reason }));
      if (files.length === 0) io.err(`warning: ${given}: no .txt or .md articles found`);
      for (const f of files) found.push({ file: f, root: abs });
    } else if (isSidecarPath(abs)) {
      skipped.push({ file: abs, reason: 'is an annotations sidecar, not an article' });
    } else if (!isArticlePath(abs)) {
      skipped.push({ file: abs, reason: 'not a .txt or .md file' });
    } else {
      found.push({ file: abs, root: path.dirname(abs) });
    }
  }
  const unique = [...new Map(found.map((f) => [f.file, f])).values()].sort((a, b) => (a.file < b.file ? -1 : 1));
  const base = unique.length ? commonFolder(unique.map((f) => f.root)) : cwd;
  const outDir = opts.out ? path.resolve(cwd, opts.out) : null;

  // ---- read, classify, and load existing sidecars
  const articles: Article[] = [];
  for (const { file } of unique) {
    // The size is checked before the file is read (readArticle).
    const c = await readArticle(file);
    if (!c.ok) {
      (c.reason.startsWith('cannot be read') ? failed : skipped).push({ file, reason: c.reason });
      continue;
    }
    const rel = path.relative(base, file);
    const sidecarFile = outDir ? path.join(outDir, rel) + SIDECAR_SUFFIX : sidecarPathFor(file);
    // The hash of the text (UTF-8, without a BOM), as the language server computes it from the editor.
    const sha256 = sha256Hex(c.text);
    const { read } = await readSidecarFileRaw(sidecarFile);
    let previous: Sidecar | null = null;
    let protectedReason: string | null = null;
    if (read.status === 'ok') {
      previous = read.sidecar;
      // The article changed since the sidecar was written: find the annotations again.
      if (previous.document.sha256 !== sha256) {
        const r = reanchorSidecar(previous, c.text);
        previous = r.sidecar;
        if (r.moved || r.orphaned) io.out(`  ${shown(file)}: text changed since its sidecar; ${r.kept} annotations in place, ${r.moved} moved, ${r.orphaned} orphaned (kept)`);
      } else if (!fitsText(previous, c.text)) {
        // Same text, but offsets past its end or quoting something else (edited by hand or a tool).
        const r = reanchorSidecar(previous, c.text);
        previous = r.sidecar;
        io.out(`  ${shown(sidecarFile)}: annotations whose offsets do not fit the article (past its end, or another quote); ${r.moved} found again, ${r.orphaned} orphaned (kept)`);
      }
      if (read.migratedFrom) io.out(`  ${shown(sidecarFile)}: migrated from ${read.migratedFrom}`);
    } else if (read.status === 'invalid') {
      protectedReason = read.reason;
    }
    const input = {
      userReferenceDate: previous?.document.referenceDateSource === 'user' ? previous.document.referenceDate : null,
      decisions: previous ? articleDecisionsOf(previous) : undefined,
      corpus: previous ? previous.corpus : null,
    };
    articles.push({ file, rel, text: c.text, sha256, sidecarFile, input, protectedReason });
  }

  // ---- analyse as one corpus (the engine is loaded only when there is something to analyse)
  const analysisFailed = new Map<string, string>();
  let corpus: import('../engine/analyze').Corpus | null = null;
  if (articles.length) {
    let Corpus: typeof import('../engine/analyze').Corpus;
    try {
      ({ Corpus } = await import('../engine/analyze'));
    } catch (e) {
      io.err(`error: the analysis engine could not be loaded: ${(e as Error).message}`);
      return 1;
    }
    const inputs = articles.map((a) => ({
      path: a.file,
      text: a.text,
      userReferenceDate: a.input.userReferenceDate,
      decisions: a.input.decisions,
    }));
    const decisions = corpusDecisionsOf(articles.flatMap((a) => (a.input.corpus ? [{ path: a.file, sidecar: { corpus: a.input.corpus } as Sidecar }] : [])));
    const make = () => {
      const c = new Corpus({ cliReferenceDate: opts.referenceDate });
      c.setCorpusDecisions(decisions);
      return c;
    };
    try {
      corpus = make();
      await analyseAll(corpus, inputs, opts, progress, analysisFailed);
    } catch {
      // Find the article(s) the engine fails on by adding them one at a time.
      progress.done();
      corpus = make();
      for (const input of inputs) {
        try {
          corpus.set(input);
        } catch (e) {
          analysisFailed.set(input.path, `analysis failed: ${(e as Error).message}`);
          try { corpus.delete(input.path); } catch { /* the corpus is rebuilt on the next set */ }
        }
      }
    }
    progress.done();
  }

  // ---- build and write
  const s: AnnotateSummary = { written: 0, unchanged: 0, skipped: skipped.length, protectedCount: 0, failed: 0 };
  const totals = { entities: 0, dates: 0, quantities: 0 };
  /** The links the written sidecars keep (not rejected), from every article: counted as pairs. */
  const keptLinks: SentenceLink[] = [];
  const rows: string[] = [];
  const protectedRows: string[] = [];
  for (const a of articles) {
    const fail = analysisFailed.get(a.file);
    if (fail || !corpus) {
      failed.push({ file: a.file, reason: fail ?? 'analysis failed' });
      continue;
    }
    try {
      const analysis = corpus.get(a.file);
      if (!analysis) throw new Error('no analysis');
      const relativePath = (target: string) => toPosix(path.relative(path.dirname(a.file), target.startsWith('file:') ? fileURLToPath(target) : target));
      const links = corpus.linksFrom(a.file);
      const build = (previous: Sidecar | null) => buildSidecar({ path: path.basename(a.file), text: a.text, sha256: a.sha256, analysis, links, previous, relativePath });
      const counted = (sidecar: Sidecar) => {
        const live = <T extends { status: string; orphaned?: boolean }>(l: T[]) => l.filter((x) => x.status !== 'rejected' && !x.orphaned);
        // Links as the editor shows them: every link of the analysis but those the user rejected.
        const rejected = new Set(sidecar.links.filter((l) => l.status === 'rejected').map((l) => linkKey(l, l.target.path, l.target.quote)));
        const kept = links.filter((l) => !rejected.has(linkKey(l.from, relativePath(l.target.path), l.target.quote)));
        const n = { entities: live(sidecar.entities).length, dates: live(sidecar.dates).length, quantities: live(sidecar.quantities).length };
        const ref = sidecar.document.referenceDate ? `; reference date ${sidecar.document.referenceDate} (${sidecar.document.referenceDateSource})` : '; no reference date';
        return { kept, n, text: `${plural(n.entities, 'entity', 'entities')}, ${plural(n.dates, 'date')}, ${plural(n.quantities, 'quantity', 'quantities')}; ${describeLinks(countLinkPairs(kept))}${ref}` };
      };
      const add = (c: ReturnType<typeof counted>) => {
        keptLinks.push(...c.kept);
        for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += c.n[k];
      };
      if (a.protectedReason) {
        const c = counted(build(null));
        add(c);
        s.protectedCount++;
        protectedRows.push(`  ${shown(a.sidecarFile)}: ${a.protectedReason}`);
        rows.push(`  ${shown(a.file)}: ${c.text}; sidecar kept untouched (invalid)`);
        continue;
      }
      let result: 'written' | 'unchanged';
      let c: ReturnType<typeof counted>;
      try {
        // Under the sidecar's lock: if someone else (the editor, another run) wrote it since it was
        // read, build on what it holds now, so that their decisions are kept.
        const w = await updateSidecarFile(a.sidecarFile, (now) => {
          // What the file holds now: the sidecar read before (possibly replaced since by another
          // writer), re-anchored to the text analysed.
          const theirs = now.sidecar && (now.sidecar.document.sha256 !== a.sha256 || !fitsText(now.sidecar, a.text)) ? reanchorSidecar(now.sidecar, a.text).sidecar : now.sidecar;
          return build(theirs);
        });
        result = w.result;
        c = counted(w.sidecar);
      } catch (e) {
        if (e instanceof SidecarProtectedError) {
          // It became invalid between reading and writing (an editor or git touched it).
          const cc = counted(build(null));
          add(cc);
          s.protectedCount++;
          protectedRows.push(`  ${shown(a.sidecarFile)}: ${e.reason}`);
          rows.push(`  ${shown(a.file)}: ${cc.text}; sidecar kept untouched (${e.kind})`);
          continue;
        }
        throw e;
      }
      add(c);
      const counts = c.text;
      if (result === 'written') s.written++;
      else s.unchanged++;
      rows.push(`  ${shown(a.file)}: ${counts}${result === 'unchanged' ? ' (sidecar unchanged)' : ''}`);
    } catch (e) {
      failed.push({ file: a.file, reason: (e as Error).message });
    }
  }
  s.failed = failed.length;

  if (rows.length) {
    io.out(`Annotated ${plural(rows.length, 'article')}:`);
    for (const r of rows) io.out(r);
  }
  if (skipped.length) {
    io.out('Skipped:');
    for (const k of skipped) io.out(`  ${shown(k.file)}: ${k.reason}`);
  }
  if (protectedRows.length) {
    io.out('Sidecars kept untouched because they are invalid or read-only (fix, delete or make them writable to regenerate):');
    for (const r of protectedRows) io.out(r);
  }
  if (failed.length) {
    io.err('Failed:');
    for (const f of failed) io.err(`  ${shown(f.file)}: ${f.reason}`);
  }
  // A pair of linked passages is listed under both its articles and counted once here.
  io.out(
    `Total: ${plural(rows.length, 'article')} analysed, ${plural(s.written, 'sidecar')} written, ${s.unchanged} unchanged, ${s.protectedCount} kept untouched, ` +
      `${skipped.length} skipped, ${failed.length} failed; ${plural(totals.entities, 'entity', 'entities')}, ${plural(totals.dates, 'date')}, ` +
      `${plural(totals.quantities, 'quantity', 'quantities')}; ${describeLinks(countLinkPairs(keptLinks))}`,
  );
  if (rows.length === 0) {
    if (unique.length === 0 && missing === 0 && skipped.length === 0) io.err('error: no articles to annotate');
    return 1;
  }
  return 0;
}

/**
 * The corpus analysis with progress: per-article facts (from the persistent cache, in worker
 * threads, or here), then the corpus-wide entity pass, then cross-checking article by article.
 * An article whose own analysis fails is recorded in `failed` and left out.
 */
async function analyseAll(
  corpus: import('../engine/analyze').Corpus,
  inputs: import('../engine/analyze').ArticleInput[],
  opts: AnnotateOptions,
  progress: Progress,
  failed: Map<string, string>,
): Promise<void> {
  const { AnalysisCache } = await import('../storage/analysisCache');
  const { FactsPool } = await import('../workers/factsPool');
  const os = await import('node:os');
  const cache = opts.cache === false ? null : AnalysisCache.open();
  const refInputs = (i: { userReferenceDate?: string | null }) => `${i.userReferenceDate || opts.referenceDate || ''}|`;
  // One worker per core: the main thread only collects their results meanwhile.
  const cores = os.availableParallelism();
  const jobs = opts.jobs ?? (cores < 2 ? 0 : Math.min(4, cores));
  const total = inputs.length;
  let done = 0;
  const tick = () => progress.update(`Analysing ${++done}/${total} articles`);
  const missing: typeof inputs = [];
  for (const input of inputs) {
    const key = cache ? AnalysisCache.key(input.text, refInputs(input)) : '';
    const facts = cache ? await cache.get(key, input.path, input.text) : null;
    if (facts) { corpus.stage([{ input, facts }]); tick(); } else missing.push(input);
  }
  const pool = jobs > 0 && missing.length > 1 ? FactsPool.create(Math.min(jobs, missing.length)) : null;
  const writes: Promise<void>[] = [];
  const stage = (input: (typeof inputs)[number], facts: import('../engine/facts').ArticleFacts) => {
    corpus.stage([{ input, facts }]);
    if (cache) writes.push(cache.put(AnalysisCache.key(input.text, refInputs(input)), facts));
    tick();
  };
  try {
    if (pool) {
      await Promise.all(missing.map((input) => pool.analyze(input, corpus.analyzeOptions).then(
        (facts) => stage(input, facts),
        (e: Error) => { failed.set(input.path, `analysis failed: ${e.message}`); tick(); },
      )));
    } else {
      for (const input of missing) {
        let facts;
        try {
          facts = corpus.computeFacts(input);
        } catch (e) {
          failed.set(input.path, `analysis failed: ${(e as Error).message}`);
          tick();
          continue;
        }
        stage(input, facts);
        // Let the progress line reach the terminal.
        if (done % 16 === 0) await new Promise((r) => setImmediate(r));
      }
    }
  } finally {
    await pool?.close();
  }
  progress.update(`Linking entities across ${total} articles`);
  const touched = corpus.refreshEntities(new Set(inputs.map((i) => i.path).filter((p) => !failed.has(p))));
  for (let k = 0; k < touched.length; k++) {
    corpus.crossCheck(touched[k]);
    if (k % 8 === 0) {
      progress.update(`Cross-checking ${k + 1}/${touched.length} articles`);
      await new Promise((r) => setImmediate(r));
    }
  }
  await Promise.all(writes);
}
