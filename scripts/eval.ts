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

type Section = (shared: string) => Promise<Record<string, number | string>>;

async function main() {
  const repo = path.resolve(__dirname, '..');
  const shared = process.env.QARINA_SHARED ?? path.resolve(repo, '..', 'shared');
  if (!fs.existsSync(shared)) {
    console.error(`Cannot find the shared data folder at ${shared} (set QARINA_SHARED).`);
    process.exit(2);
  }
  const only = process.argv.slice(2);
  const sections: [string, Section][] = [['ner', ner], ['linking', linking], ['dates', dates], ['crosscheck', crosscheck], ['stories', stories]];
  const results: Record<string, Record<string, number | string>> = {};
  for (const [name, run] of sections) {
    if (only.length && !only.includes(name)) continue;
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
