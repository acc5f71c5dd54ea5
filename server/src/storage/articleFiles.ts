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

/** Every article under folder, recursively, sorted; skips dependency, build and hidden folders. */
export async function listArticles(folder: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name.startsWith('.') || SKIPPED_DIRS.has(e.name)) continue;
        await walk(p);
      } else if ((e.isFile() || e.isSymbolicLink()) && !e.name.startsWith('.') && isArticlePath(e.name)) {
        if (e.isSymbolicLink()) {
          const st = await fs.stat(p).catch(() => null);
          if (!st?.isFile()) continue;
        }
        out.push(p);
      }
    }
  }
  await walk(folder);
  return out.sort();
}
