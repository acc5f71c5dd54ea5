// Which files are articles, and whether one can be analysed. Every refusal has a reason the user
// can act on; nothing here throws for bad content.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { arabicRatio } from '../engine/text/normalize';

export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
export const SIDECAR_SUFFIX = '.annotations.json';
/** Below this share of Arabic letters a file is not treated as an Arabic article. News often quotes
 *  agency names and captions in Latin script, so the bar is well under one half. */
export const MIN_ARABIC_RATIO = 0.3;

const ARTICLE_EXT = /\.(txt|md)$/i;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'out']);

export function isSidecarPath(p: string): boolean {
  return p.toLowerCase().endsWith(SIDECAR_SUFFIX);
}

/** .txt/.md, and not a sidecar. */
export function isArticlePath(p: string): boolean {
  return ARTICLE_EXT.test(p) && !isSidecarPath(p);
}

export type ArticleCheck = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function classifyArticle(filePath: string, bytes: Uint8Array): ArticleCheck {
  if (isSidecarPath(filePath)) return { ok: false, reason: 'is an annotations sidecar, not an article' };
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return { ok: false, reason: `over 2 MB (${(bytes.length / 1024 / 1024).toFixed(1)} MB); split it into articles` };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'binary or not UTF-8 (invalid UTF-8 byte sequence)' };
  }
  // The BOM is not part of the text the user sees; offsets are into the text without it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { ok: false, reason: 'empty file (only whitespace)' };
  const ratio = arabicRatio(text);
  if (ratio < MIN_ARABIC_RATIO) {
    return { ok: false, reason: `not Arabic (${Math.round(ratio * 100)}% of letters are Arabic)` };
  }
  return { ok: true, text };
}

/** Why a file or folder could not be read, in words (the error code kept for searching). */
function unreadable(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    EACCES: 'permission denied', EPERM: 'permission denied', ELOOP: 'a symbolic link loop',
    ENOENT: 'a symbolic link to nothing', ENAMETOOLONG: 'path too long', EISDIR: 'a folder',
    ERR_FS_FILE_TOO_LARGE: 'over 2 GB', EMFILE: 'too many open files', EIO: 'input/output error',
  };
  return `cannot be read: ${code && why[code] ? `${why[code]} (${code})` : (e as Error).message}`;
}

/**
 * An article file read and classified. The size is checked before reading (a 1.5 GB file is refused
 * without holding it in memory); a file that cannot be read (permissions, a link to nothing, a
 * loop) is refused with the reason, never thrown.
 */
export async function readArticle(filePath: string): Promise<ArticleCheck> {
  if (isSidecarPath(filePath)) return { ok: false, reason: 'is an annotations sidecar, not an article' };
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(filePath, 'r');
    const st = await handle.stat();
    if (!st.isFile()) return { ok: false, reason: 'not a regular file' };
    if (st.size > MAX_ARTICLE_BYTES) return { ok: false, reason: `over 2 MB (${(st.size / 1024 / 1024).toFixed(1)} MB); split it into articles` };
    // Read at most one byte more than allowed: the file may grow between stat and read.
    const buf = Buffer.alloc(Math.min(st.size, MAX_ARTICLE_BYTES) + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, n, buf.length - n, n);
      if (bytesRead === 0 || (n += bytesRead) === buf.length) break;
    }
    if (n > MAX_ARTICLE_BYTES) return { ok: false, reason: 'over 2 MB; split it into articles' };
    return classifyArticle(filePath, buf.subarray(0, n));
  } catch (e) {
    return { ok: false, reason: unreadable(e) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Every article under folder, recursively, sorted; skips dependency, build and hidden folders.
 * What cannot be followed (an unreadable folder, a symbolic link loop or to nothing, a path too
 * long) is told to `skipped` with the reason, not passed over in silence.
 */
export async function listArticles(folder: string, skipped: (path: string, reason: string) => void = () => undefined): Promise<string[]> {
  const out: string[] = [];
  const visited = new Set<string>();
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      // A folder reached twice (a link to a parent) is a loop: walked once.
      const real = await fs.realpath(dir);
      if (visited.has(real)) return;
      visited.add(real);
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      skipped(dir, `folder ${unreadable(e)}`);
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name.startsWith('.') || SKIPPED_DIRS.has(e.name)) continue;
        await walk(p);
      } else if ((e.isFile() || e.isSymbolicLink()) && !e.name.startsWith('.') && isArticlePath(e.name)) {
        if (e.isSymbolicLink()) {
          const st = await fs.stat(p).catch((err: unknown) => err as Error);
          if (st instanceof Error) { skipped(p, unreadable(st)); continue; }
          if (!st.isFile()) continue;
        }
        out.push(p);
      }
    }
  }
  await walk(folder);
  return out.sort();
}
