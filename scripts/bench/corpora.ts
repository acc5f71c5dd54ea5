// The corpora the benchmark measures: real articles from ../shared/data/news (evaluation and
// benchmarks only; unpacked into the git-ignored output folder, never committed) in "inbox" order,
// and a reprint-heavy corpus made from them (every article 2–5 times with small edits, as wire
// copy reprinted by several outlets looks).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export interface Article { name: string; text: string }

/** Unpacks the news archive once (into dir/news) and returns its article paths in inbox order:
 *  day by day, newspapers interleaved within a day, so the first N articles are what a
 *  fact-checker's folder holds (a day or a few days of several newspapers). */
export function newsArticles(archive: string, dir: string): string[] {
  const root = path.join(dir, 'news');
  const done = path.join(root, '.unpacked');
  if (!fs.existsSync(done)) {
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(root, { recursive: true });
    execFileSync('tar', ['-xJf', archive, '-C', root]);
    fs.writeFileSync(done, '');
  }
  const out: string[] = [];
  for (const day of fs.readdirSync(root).filter((d) => !d.startsWith('.')).sort()) {
    const byPaper = new Map<string, string[]>();
    for (const f of fs.readdirSync(path.join(root, day)).filter((f) => f.endsWith('.txt')).sort()) {
      const paper = f.split('_')[0];
      let l = byPaper.get(paper);
      if (!l) byPaper.set(paper, (l = []));
      l.push(path.join(root, day, f));
    }
    const lists = [...byPaper.values()];
    const longest = Math.max(0, ...lists.map((l) => l.length));
    for (let i = 0; i < longest; i++) for (const l of lists) if (i < l.length) out.push(l[i]);
  }
  return out;
}

/** A small deterministic generator (mulberry32), so every run builds the same corpora. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CREDITS = ['(واس)', '(رويترز)', '(أ ف ب)', 'المصدر: وكالات', '(د ب أ)'];

/** A reprint of `text`: one or two small edits an outlet makes to wire copy. */
function reprint(text: string, rand: () => number): string {
  let t = text;
  const edits = 1 + Math.floor(rand() * 2);
  for (let e = 0; e < edits; e++) {
    const kind = Math.floor(rand() * 4);
    if (kind === 0) {
      // A number changed (a toll updated, a typo).
      const nums = [...t.matchAll(/\d+/g)];
      if (nums.length) {
        const m = nums[Math.floor(rand() * nums.length)];
        t = t.slice(0, m.index!) + String(Number(m[0]) + 1 + Math.floor(rand() * 3)) + t.slice(m.index! + m[0].length);
        continue;
      }
    }
    if (kind <= 1) {
      // A paragraph dropped (not the headline).
      const paras = t.split('\n');
      const body = paras.map((p, i) => [p, i] as const).filter(([p, i]) => i > 0 && p.trim().length > 0);
      if (body.length > 2) {
        const drop = body[Math.floor(rand() * body.length)][1];
        t = paras.filter((_, i) => i !== drop).join('\n');
        continue;
      }
    }
    if (kind === 2) {
      // The headline rewritten a little: a word dropped.
      const nl = t.indexOf('\n');
      const head = t.slice(0, nl < 0 ? t.length : nl).split(' ');
      if (head.length > 3) {
        head.splice(1 + Math.floor(rand() * (head.length - 2)), 1);
        t = head.join(' ') + (nl < 0 ? '' : t.slice(nl));
        continue;
      }
    }
    // A credit line added.
    t = t.replace(/\s*$/, '') + '\n\n' + CREDITS[Math.floor(rand() * CREDITS.length)] + '\n';
  }
  return t;
}

/** n articles, each original present 2–5 times (the first copy as published, the others edited). */
export function reprintCorpus(originals: string[], n: number, seed = 11): Article[] {
  const rand = rng(seed);
  const out: Article[] = [];
  for (const file of originals) {
    if (out.length >= n) break;
    const text = fs.readFileSync(file, 'utf8');
    const base = path.basename(file, '.txt');
    const day = path.basename(path.dirname(file));
    const copies = Math.min(n - out.length, 2 + Math.floor(rand() * 4));
    for (let k = 0; k < copies; k++) out.push({ name: `${day}_${base}_r${k}.txt`, text: k === 0 ? text : reprint(text, rand) });
  }
  return out;
}

/** Writes the articles into a fresh folder (sidecars and caches of earlier runs removed). */
export function writeCorpus(dir: string, articles: Article[]): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const a of articles) fs.writeFileSync(path.join(dir, a.name), a.text);
}

export function realCorpus(files: string[]): Article[] {
  return files.map((f) => ({ name: `${path.basename(path.dirname(f))}_${path.basename(f)}`, text: fs.readFileSync(f, 'utf8') }));
}
