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

/** The text of a sample article (its name may be given by its first characters, e.g. "001_"). */
export function sampleText(name: string): string {
  const file = sampleArticles().find((n) => n.startsWith(name));
  if (!file) throw new Error(`no sample article ${name}`);
  return fs.readFileSync(path.join(SAMPLES, file), 'utf8');
}

/** A sample article as one line: its paragraphs joined, as real news articles often come (one
 *  paragraph of many sentences per line, or the whole story on one line). */
export function oneLineArticle(...names: string[]): string {
  return names.map((n) => sampleText(n).split(/\n+/).map((l) => l.trim()).filter(Boolean).join(' ')).join(' ') + '\n';
}

/** Hostile article text: it must show as text everywhere, never as a link, markup, a command or
 *  reversed writing. Each piece is named so that a failing check says which one got through. */
export const HOSTILE = {
  markdownLink: '[اضغط هنا](command:workbench.action.terminal.new)',
  commandUri: 'command:qarina.server.undo',
  html: '<img src=x onerror="alert(1)"><a href="command:workbench.action.quit">اخرج</a>',
  script: '<script>alert("x")</script>',
  rlo: '\u202Eتقرير\u202C',
  strayPdi: '\u2069\u202E',
  markdownImage: '![صورة](https://example.invalid/x.png)',
} as const;

/**
 * An article that contradicts the samples and carries hostile text in its sentences: sentences of
 * the samples with a figure changed (150 missiles where the samples say "more than 300" and 350),
 * and markdown links, command URIs, HTML and bidi overrides inside them and around them.
 */
export function clashArticle(): string {
  const line = (name: string, has: string) => {
    const l = sampleText(name).split('\n').find((x) => x.includes(has));
    if (!l) throw new Error(`no line with ${has} in sample ${name}`);
    return l.trim();
  };
  const h = HOSTILE;
  return [
    `تقرير ${h.rlo} عن المحادثات ${h.markdownLink}`,
    '',
    // A figure close enough to be the same count misreported (far apart figures are taken for two
    // counts), hostile HTML after the names that place the event (a diagnostic's related
    // information quotes the whole passage).
    line('001_', '350 صاروخ').replace('350', '250').replace('زاهدي', `زاهدي ${h.html}`),
    '',
    `${line('002_', '8 مايو')} ${h.script} ${h.commandUri} ${h.strayPdi}`,
    '',
    `${h.markdownImage} ${line('000_', 'أكثر من 300')}`,
    '',
  ].join('\n');
}
