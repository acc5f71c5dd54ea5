// `qarina validate`: check sidecars against the schema (and, when the article is next to it, that
// the offsets fit its text). Exit 1 if any is invalid.
import { promises as fs } from 'node:fs';
import { parseSidecar, sha256Hex } from '../storage/sidecarFile';
import { SIDECAR_SUFFIX } from '../storage/articleFiles';
import type { Sidecar } from '../storage/format';
import type { Io } from './io';

/** Offsets beyond the article's end cannot be right, whatever the schema says. */
function offsetProblems(s: Sidecar, length: number): string[] {
  const out: string[] = [];
  const lists: [string, { id: string; end: number; orphaned?: boolean }[]][] = [
    ['sentences', s.sentences], ['entities', s.entities], ['dates', s.dates], ['quantities', s.quantities],
    ['links', s.links], ['notes', s.notes], ['checks', s.checks], ['corpus/splits', s.corpus.splits],
  ];
  for (const [name, list] of lists) {
    for (const x of list) if (!x.orphaned && x.end > length) out.push(`${name} ${x.id}: ends at ${x.end}, after the end of the article (${length})`);
  }
  return out.slice(0, 10);
}

export async function validateCommand(files: string[], io: Io): Promise<number> {
  let invalid = 0;
  for (const file of files) {
    let json: string;
    try {
      json = await fs.readFile(file, 'utf8');
    } catch (e) {
      io.err(`${file}: invalid: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      invalid++;
      continue;
    }
    const r = parseSidecar(json);
    if (r.status !== 'ok') {
      io.err(`${file}: invalid: ${r.status === 'invalid' ? r.reason : 'missing'}`);
      invalid++;
      continue;
    }
    const notes: string[] = [];
    if (r.migratedFrom) notes.push(`older format ${r.migratedFrom}, readable (rewritten on the next annotate)`);
    if (file.endsWith(SIDECAR_SUFFIX)) {
      const article = file.slice(0, -SIDECAR_SUFFIX.length);
      const bytes = await fs.readFile(article).catch(() => null);
      if (bytes) {
        let text = new TextDecoder().decode(bytes);
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        if (sha256Hex(bytes) !== r.sidecar.document.sha256) notes.push('the article changed since; annotations will be re-anchored');
        else {
          const problems = offsetProblems(r.sidecar, text.length);
          if (problems.length) {
            io.err(`${file}: invalid: ${problems.join('; ')}`);
            invalid++;
            continue;
          }
        }
      }
    }
    io.out(`${file}: ok${notes.length ? ` (${notes.join('; ')})` : ''}`);
  }
  if (files.length > 1) io.out(`${files.length - invalid} valid, ${invalid} invalid`);
  return invalid ? 1 : 0;
}
