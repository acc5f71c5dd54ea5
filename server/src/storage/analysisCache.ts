// The persistent cache of per-article analysis (engine/facts.ts): sentences, tokens, dates,
// quantities and the tagger's output of a text, so that reopening a folder does not analyse its
// unchanged articles again. It is only ever a cache: entries are keyed by the SHA-256 of the text,
// the reference-date inputs and the engine's build (a hash of the engine's sources and models), and
// anything that cannot be read is recomputed. The user's annotations live in the sidecars, never
// here; deleting the cache loses nothing.
//
// Where: the user's cache folder ($XDG_CACHE_HOME/qarina, ~/Library/Caches/qarina,
// %LOCALAPPDATA%\qarina\Cache), or $QARINA_CACHE_DIR (empty or "off" turns it off). Not inside the
// workspace: article folders are often git repositories or shared drives, where a cache would be
// committed or synced; keyed by content, one cache serves every folder and both the editor and the
// CLI (the same article in two folders is analysed once).
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import { packFacts, unpackFacts, type ArticleFacts, type PackedFacts } from '../engine/facts';
import type { CorpusState } from '../engine/analyze';
import { internTokens } from '../workers/internTokens';

declare const __QARINA_ENGINE__: string | undefined;

/** The engine's build, set by esbuild.js from the engine's sources and models; null when running
 *  from sources (tests, tsx), where the cache is off because nothing says when it is stale. */
export const ENGINE_BUILD: string | null = typeof __QARINA_ENGINE__ === 'string' ? __QARINA_ENGINE__ : null;

export function defaultCacheRoot(env: NodeJS.ProcessEnv = process.env): string | null {
  const given = env.QARINA_CACHE_DIR;
  if (given !== undefined) return given === '' || given === 'off' ? null : path.resolve(given);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'qarina', 'Cache');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'qarina');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'qarina');
}

export class AnalysisCache {
  private readonly dir: string;
  private pruned = false;
  hits = 0;
  misses = 0;

  /** `build` and the V8 version name the folder: the serialisation format follows V8. */
  constructor(root: string, build: string) {
    this.dir = path.join(root, `facts-${build}-v8-${process.versions.v8.replace(/[^\w.]/g, '_')}`);
  }

  static open(env: NodeJS.ProcessEnv = process.env): AnalysisCache | null {
    const root = defaultCacheRoot(env);
    return root && ENGINE_BUILD ? new AnalysisCache(root, ENGINE_BUILD) : null;
  }

  /** The key of a text's facts: its content and the reference-date inputs its dates depend on. */
  static key(text: string, referenceInputs: string): string {
    return createHash('sha256').update(referenceInputs).update('\u0000').update(text, 'utf8').digest('hex');
  }

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.bin`);
  }

  async get(key: string, articlePath: string, text: string): Promise<ArticleFacts | null> {
    try {
      const packed = v8.deserialize(await fs.readFile(this.file(key))) as PackedFacts;
      if (packed?.v !== 1) throw new Error('unknown entry');
      this.hits++;
      const facts = unpackFacts(articlePath, text, packed);
      internTokens(facts.tokens);
      // v8.deserialize gives typed arrays that view the file's whole buffer: a marginals array
      // kept for the corpus passes would keep the file's every byte (1,000 articles: 36 MB of
      // files read on reopening a folder). Copied into arrays of their own.
      for (const s of facts.tagged.sentences) if (s.marg.byteLength !== s.marg.buffer.byteLength) s.marg = s.marg.slice();
      return facts;
    } catch {
      this.misses++;
      return null;
    }
  }

  /** Stores facts (atomically: a temporary file, then rename); failures only cost a recompute. */
  async put(key: string, facts: ArticleFacts): Promise<void> {
    const file = this.file(key);
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(tmp, v8.serialize(packFacts(facts)));
      await fs.rename(tmp, file);
    } catch {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
    }
    if (!this.pruned) {
      this.pruned = true;
      void this.prune();
    }
  }

  /**
   * The corpus-wide results of a workspace (one entry per workspace, replaced on every save),
   * valid only for the exact corpus `key` describes (see corpusKey).
   */
  async getState(workspace: string, key: string): Promise<CorpusState | null> {
    try {
      const entry = v8.deserialize(await fs.readFile(this.stateFile(workspace))) as { key: string; state: CorpusState };
      return entry?.key === key ? entry.state : null;
    } catch {
      return null;
    }
  }

  async putState(workspace: string, key: string, state: CorpusState): Promise<void> {
    const file = this.stateFile(workspace);
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(tmp, v8.serialize({ key, state }));
      await fs.rename(tmp, file);
    } catch {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
    }
  }

  private stateFile(workspace: string): string {
    return path.join(this.dir, 'corpus', `${createHash('sha256').update(workspace).digest('hex').slice(0, 24)}.bin`);
  }

  /** What the corpus-wide results depend on: every article's path, text and decisions, the
   *  options and the corpus decisions (the engine build is in the folder name). */
  static corpusKey(articles: { path: string; text: string; decisions?: unknown; userReferenceDate?: string | null }[], rest: unknown): string {
    const h = createHash('sha256');
    for (const a of [...articles].sort((x, y) => (x.path < y.path ? -1 : 1))) {
      h.update(a.path).update('\u0000').update(createHash('sha256').update(a.text, 'utf8').digest('hex'));
      // A sidecar with no decision in it (written for an opened article) decides nothing.
      const decisions = a.decisions && Object.values(a.decisions).some((v) => Array.isArray(v) && v.length > 0) ? a.decisions : null;
      h.update(JSON.stringify([decisions, a.userReferenceDate ?? null])).update('\u0000');
    }
    return h.update(JSON.stringify(rest)).digest('hex');
  }

  /** Entries of other engine builds are never read again: remove them. */
  private async prune(): Promise<void> {
    const root = path.dirname(this.dir);
    const mine = path.basename(this.dir);
    const names = await fs.readdir(root).catch(() => [] as string[]);
    for (const n of names) if (n.startsWith('facts-') && n !== mine) await fs.rm(path.join(root, n), { recursive: true, force: true }).catch(() => undefined);
  }
}
