// The bundled sample articles, as tests use them. `samples/` is also the user's demo folder:
// `npm start` writes sidecars next to the articles and `qarina export … samples` writes
// `samples/.qarina/`. Tests therefore take only the article files (top level, .txt/.md, not
// sidecars) and always work on a copy, never in the repository.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isArticlePath } from '../../server/src/storage/articleFiles';

export const SAMPLES = path.resolve(__dirname, '..', '..', 'samples');

/** The file names of the sample articles, sorted. */
export function sampleArticles(): string[] {
  return fs
    .readdirSync(SAMPLES, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.') && isArticlePath(e.name))
    .map((e) => e.name)
    .sort();
}

/** Copies the sample articles (nothing else) into `to` (created if needed); returns `to`. */
export function copySampleArticles(to: string): string {
  fs.mkdirSync(to, { recursive: true });
  for (const name of sampleArticles()) fs.copyFileSync(path.join(SAMPLES, name), path.join(to, name));
  return to;
}

/** A fresh temp folder holding a copy of the sample articles. */
export function tempSampleCopy(prefix = 'qarina-samples-'): string {
  return copySampleArticles(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}
