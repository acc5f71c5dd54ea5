// `npm run eval`: the project's quality figures, one section per analysis, against the gold data
// and corpora in ../shared (or $QARINA_SHARED). Each section prints its own report; the headline
// figures are printed together at the end and written to test-output/eval.json.
import * as fs from 'fs';
import * as path from 'path';
import { evaluate as ner } from './eval/ner';
import { evaluate as linking } from './eval/linking';
import { evaluate as dates } from './eval/dates';
import { evaluate as crosscheck } from './eval/crosscheck';
import { evaluate as stories } from './eval/stories';
import { requireShared } from './sharedData';

type Section = (shared: string) => Promise<Record<string, number | string>>;

async function main() {
  const repo = path.resolve(__dirname, '..');
  const only = process.argv.slice(2);
  // Each section and the shared files it reads.
  const sections: [string, Section, string[]][] = [
    ['ner', ner, ['seeds', 'gold/seeds', 'data/anercorp/train.txt']],
    ['linking', linking, ['seeds', 'gold/seeds', 'data/anercorp/train.txt']],
    ['dates', dates, ['seeds', 'gold/seeds', 'data/dates/duckling-ar/duckling_time_ar.json']],
    ['crosscheck', crosscheck, ['seeds', 'gold/seeds-pairs.json', 'data/ans/dev.csv']],
    ['stories', stories, ['data/stories-dev']],
  ];
  const chosen = sections.filter(([name]) => !only.length || only.includes(name));
  const shared = requireShared('npm run eval', [...new Set(chosen.flatMap(([, , needs]) => needs))]);
  const results: Record<string, Record<string, number | string>> = {};
  for (const [name, run] of chosen) {
    console.log(`\n=== ${name} ===`);
    const t0 = Date.now();
    results[name] = await run(shared);
    console.log(`(${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  console.log('\n=== summary ===');
  for (const [name, figures] of Object.entries(results)) {
    for (const [k, v] of Object.entries(figures)) console.log(`${name}.${k}: ${typeof v === 'number' ? +v.toFixed(4) : v}`);
  }
  fs.mkdirSync(path.join(repo, 'test-output'), { recursive: true });
  fs.writeFileSync(path.join(repo, 'test-output', 'eval.json'), JSON.stringify(results, null, 2) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
