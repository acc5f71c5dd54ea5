// `npm run bench`: speed figures (a benchmark, not a test). Measures the engine on the bundled
// samples and on larger synthetic corpora made from them (each copy perturbed so that copies are
// distinct articles), and the latency of the incremental update that follows an edit.
import * as fs from 'fs';
import * as path from 'path';
import { Corpus, type ArticleInput } from '../server/src/engine/analyze';

const repo = path.resolve(__dirname, '..');
const samples = fs.readdirSync(path.join(repo, 'samples')).filter((f) => f.endsWith('.txt')).sort()
  .map((f) => ({ path: f, text: fs.readFileSync(path.join(repo, 'samples', f), 'utf8') }));

/** Copy i of the samples: paragraphs rotated and numbers shifted, so that texts differ. */
function synthetic(n: number): ArticleInput[] {
  const out: ArticleInput[] = [];
  for (let i = 0; i < n; i++) {
    const base = samples[i % samples.length];
    const paras = base.text.split('\n\n');
    const k = Math.floor(i / samples.length) % paras.length;
    const text = [...paras.slice(k), ...paras.slice(0, k)].join('\n\n').replace(/\d+/g, (d) => String(Number(d) + (i % 7)));
    out.push({ path: `copy${i}_${base.path}`, text });
  }
  return out;
}

function time<T>(fn: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const v = fn();
  return [v, Number(process.hrtime.bigint() - t0) / 1e6];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function main() {
  const sizes = (process.argv[2] ?? '5,50,200').split(',').map(Number);
  const rows: Record<string, number | string>[] = [];
  for (const n of sizes) {
    const inputs = n === 5 ? samples : synthetic(n);
    const chars = inputs.reduce((s, a) => s + a.text.length, 0);
    const corpus = new Corpus();
    const [, full] = time(() => corpus.setMany(inputs));
    // Edit latency: append a sentence to one article, several times; median.
    const edits: number[] = [];
    for (let r = 0; r < 5; r++) {
      const target = inputs[r % inputs.length];
      const edited = { ...target, text: target.text + `\nوقال مسؤول إن المحادثات ستستأنف قريبا ${r}.` };
      edits.push(time(() => corpus.set(edited))[1]);
    }
    const links = corpus.allLinks().length;
    rows.push({ articles: n, chars, fullMs: Math.round(full), msPerArticle: +(full / n).toFixed(1), editMedianMs: Math.round(median(edits)), links });
    console.log(`${n} articles (${chars} chars): full analysis ${full.toFixed(0)} ms (${(full / n).toFixed(1)} ms/article), edit → update median ${median(edits).toFixed(0)} ms, ${links} links`);
  }
  fs.mkdirSync(path.join(repo, 'test-output'), { recursive: true });
  fs.writeFileSync(path.join(repo, 'test-output', 'bench.json'), JSON.stringify(rows, null, 2) + '\n');
}

main();
