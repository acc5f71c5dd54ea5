// `qarina export`: read the sidecars of a folder and write them in a format other tools read.
// Sidecars whose article changed are re-anchored in memory first, so offsets match the text.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { classifyArticle, listArticles } from '../storage/articleFiles';
import { reanchorSidecar } from '../storage/anchor';
import { exportCorpus, type ExportFormat, type ExportItem } from '../storage/export';
import { readSidecar, sha256Hex, writeFileAtomic } from '../storage/sidecarFile';
import type { Io } from './io';

export interface ExportOptions {
  format: ExportFormat;
  folder: string;
  out: string | null;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

export async function exportCommand(opts: ExportOptions, io: Io, cwd = process.cwd()): Promise<number> {
  const folder = path.resolve(cwd, opts.folder);
  const st = await fs.stat(folder).catch(() => null);
  if (!st?.isDirectory()) {
    io.err(`error: ${opts.folder}: not a folder`);
    return 1;
  }
  // By default the export goes in a hidden folder of the corpus: never read back as articles (brat
  // output includes .txt copies), and next to what it describes.
  const outDir = opts.out ? path.resolve(cwd, opts.out) : path.join(folder, '.qarina', `export-${opts.format}`);
  const items: ExportItem[] = [];
  let problems = 0;
  for (const file of await listArticles(folder)) {
    // The export never reads its own output back as articles.
    if (!path.relative(outDir, file).startsWith('..')) continue;
    const rel = toPosix(path.relative(folder, file));
    const read = await readSidecar(file);
    if (read.status === 'missing') {
      io.out(`  ${rel}: no sidecar (run 'qarina annotate' first); skipped`);
      continue;
    }
    if (read.status === 'invalid') {
      io.err(`  ${rel}: sidecar invalid, skipped: ${read.reason}`);
      problems++;
      continue;
    }
    const bytes = await fs.readFile(file);
    const c = classifyArticle(file, bytes);
    if (!c.ok) {
      io.out(`  ${rel}: skipped: ${c.reason}`);
      continue;
    }
    let sidecar = read.sidecar;
    if (sidecar.document.sha256 !== sha256Hex(c.text)) {
      const r = reanchorSidecar(sidecar, c.text);
      sidecar = r.sidecar;
      io.out(`  ${rel}: text changed since its sidecar; re-anchored (${r.moved} moved, ${r.orphaned} orphaned and not exported)`);
    }
    items.push({ path: rel, text: c.text, sidecar });
  }
  if (items.length === 0) {
    io.err(`error: no annotated articles in ${opts.folder}`);
    return 1;
  }
  const files = exportCorpus(opts.format, items);
  for (const f of files) {
    const target = path.join(outDir, ...f.file.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await writeFileAtomic(target, f.content);
  }
  io.out(`Exported ${items.length} article${items.length === 1 ? '' : 's'} as ${opts.format} to ${toPosix(path.relative(cwd, outDir) || '.')} (${files.length} file${files.length === 1 ? '' : 's'})${problems ? `; ${problems} invalid sidecar(s) skipped` : ''}`);
  return 0;
}
