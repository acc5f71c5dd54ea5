// `npm run bench`: speed figures (a benchmark, not a timed test). Drives the built language server
// over stdio like an editor and runs the built CLI, on real news from ../shared/data/news (or
// $QARINA_SHARED): N = 100, 1,000 and all ~7,800 articles, plus a reprint-heavy corpus of 1,000.
// Writes bench-output/bench.md, bench.json and bench.svg (git-ignored).
//
//   npm run bench -- --sizes 100,1000 [--reprint 1000|0] [--hovers 1000] [--edits 20]
//                    [--jobs 1,2] [--timeout-min 20] [--max-rss-mb 8000] [--no-cli] [--no-server]
//                    [--out DIR] [--dist DIR]
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { newsArticles, realCorpus, reprintCorpus, writeCorpus, type Article } from './bench/corpora';
import { measureServer } from './bench/lsp';
import { cliHasJobs, measureCli } from './bench/cli';
import { markdown, svg, type Row } from './bench/report';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

async function main() {
  const repo = path.resolve(__dirname, '..');
  const outDir = path.resolve(option('out', path.join(repo, 'bench-output')));
  fs.mkdirSync(outDir, { recursive: true });
  // --dist: another build to measure (e.g. a copy of an earlier one, for before/after).
  const dist = path.resolve(option('dist', path.join(repo, 'dist')));
  const server = path.join(dist, 'server.js');
  const cli = path.join(dist, 'cli.js');
  const shared = process.env.QARINA_SHARED ?? path.resolve(repo, '..', 'shared');
  const archive = path.join(shared, 'data', 'news', 'saudinewsnet-2015-07-23_27.tar.xz');
  const timeoutMs = Number(option('timeout-min', '20')) * 60_000;
  const maxRssMb = Number(option('max-rss-mb', '8000'));
  const hovers = Number(option('hovers', '1000'));
  const edits = Number(option('edits', '20'));
  const jobsList = option('jobs', cliHasJobs(cli) ? '1,2' : '').split(',').filter(Boolean).map(Number);

  const corpora: { name: string; articles: () => Article[] }[] = [];
  if (!fs.existsSync(archive)) {
    console.log(`bench: ${archive} not found (set QARINA_SHARED); measuring the bundled samples only.`);
    const samples = fs.readdirSync(path.join(repo, 'samples')).filter((f) => f.endsWith('.txt'));
    corpora.push({ name: 'samples', articles: () => samples.map((f) => ({ name: f, text: fs.readFileSync(path.join(repo, 'samples', f), 'utf8') })) });
  } else {
    const files = newsArticles(archive, outDir);
    const sizes = option('sizes', `100,1000,${files.length}`).split(',').map((s) => (s === 'all' ? files.length : Number(s)));
    for (const n of sizes) corpora.push({ name: `news-${Math.min(n, files.length)}`, articles: () => realCorpus(files.slice(0, n)) });
    const reprint = Number(option('reprint', '1000'));
    if (reprint > 0) corpora.push({ name: `reprint-${reprint}`, articles: () => reprintCorpus(files, reprint) });
  }

  const header = `Qarina benchmark, ${new Date().toISOString().slice(0, 16)}Z, ${os.cpus().length} cores, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`;
  console.log(header);
  const rows: Row[] = [];
  for (const c of corpora) {
    const articles = c.articles();
    const folder = path.join(outDir, 'corpora', c.name);
    writeCorpus(folder, articles);
    const cacheDir = path.join(outDir, 'cache', c.name);
    fs.rmSync(cacheDir, { recursive: true, force: true });
    const env = { ...process.env, QARINA_CACHE_DIR: cacheDir };
    const chars = articles.reduce((s, a) => s + a.text.length, 0);
    console.log(`${c.name}: ${articles.length} articles, ${chars.toLocaleString('en-US')} characters`);
    const row: Row = { corpus: c.name, n: articles.length, chars, server: null, cli: [] };
    if (!flag('no-server')) {
      row.server = await measureServer(folder, articles.length, { server, env, timeoutMs, maxRssMb, hovers, edits, log: console.log });
    }
    if (!flag('no-cli')) {
      for (const jobs of jobsList.length ? jobsList : [null]) {
        // A cold run: the analysis cache is emptied first.
        fs.rmSync(cacheDir, { recursive: true, force: true });
        const r = await measureCli(cli, folder, path.join(outDir, 'cli-out'), jobs, env, timeoutMs, outDir);
        console.log(`  CLI${jobs === null ? '' : ` --jobs ${jobs}`}: ${r.wallMs === null ? r.note : `${(r.wallMs / 1000).toFixed(1)} s wall, ${((r.cpuMs ?? 0) / 1000).toFixed(1)} s CPU, peak ${Math.round(r.peakRssMb ?? 0)} MB`}`);
        row.cli.push(r);
      }
    }
    rows.push(row);
    // Written after every corpus, so a long run leaves its figures so far.
    fs.writeFileSync(path.join(outDir, 'bench.json'), JSON.stringify({ header, rows }, null, 2) + '\n');
    fs.writeFileSync(path.join(outDir, 'bench.md'), markdown(rows, header));
    fs.writeFileSync(path.join(outDir, 'bench.svg'), svg(rows));
  }
  fs.rmSync(path.join(outDir, 'cli-out'), { recursive: true, force: true });
  console.log('\n' + markdown(rows, header));
  console.log(`Written: ${path.relative(process.cwd(), path.join(outDir, 'bench.md'))}, bench.json, bench.svg`);
}

main().then(() => {
  // The measuring races leave long timers behind (a deadline per wait): done is done.
  process.exit(0);
}, (e) => {
  console.error(e);
  process.exit(1);
});
