// Development aid: error categories and examples on the ANERcorp dev part for a dev model.
// `tsx scripts/train/ner-errors.ts model.json [examples]`.
import * as fs from 'fs';
import { anercorpFile, readAnercorpTokens, splitAnercorp, splitAnercorpDev, toWordUnits } from './ner-data';
import { modelFrom } from '../../server/src/engine/ner/tagger';
import { sharedFolder } from '../sharedData';
import { heldoutCorpusPairs } from '../eval/ner';

const shared = sharedFolder();
const dev = splitAnercorpDev(splitAnercorp(readAnercorpTokens(anercorpFile(shared))).train.map(toWordUnits)).dev;
(async () => {
  const model = modelFrom(JSON.parse(fs.readFileSync(process.argv[2], 'utf8')));
  const show = Number(process.argv[3] ?? 0);
  const pairs = await heldoutCorpusPairs(dev, model);
  const cat: Record<string, number> = {};
  const ex: Record<string, string[]> = {};
  const add = (c: string, s: string) => { cat[c] = (cat[c] ?? 0) + 1; (ex[c] ??= []).push(s); };
  pairs.forEach(({ gold, pred }, k) => {
    const txt = (a: number, b: number) => dev[k].texts.slice(a, b).join(' ');
    const ctx = (a: number, b: number) => `${dev[k].texts.slice(Math.max(0, a - 3), a).join(' ')} [${txt(a, b)}] ${dev[k].texts.slice(b, b + 2).join(' ')}`;
    const gk = new Set(gold.map((x) => x.join(':'))), pk = new Set(pred.map((x) => x.join(':')));
    for (const g of gold) {
      if (pk.has(g.join(':'))) continue;
      const same = pred.find((p) => p[0] === g[0] && p[1] === g[1]);
      const over = pred.find((p) => p[0] < g[1] && g[0] < p[1]);
      if (same) add(`type ${g[2]}→${same[2]}`, ctx(g[0], g[1]));
      else if (over) add(`boundary ${g[2]}${over[2] !== g[2] ? '→' + over[2] : ''}`, `${ctx(g[0], g[1])} pred «${txt(over[0], over[1])}»`);
      else add(`missed ${g[2]}`, ctx(g[0], g[1]));
    }
    for (const p of pred) {
      if (gk.has(p.join(':')) || gold.some((g) => p[0] < g[1] && g[0] < p[1])) continue;
      add(`spurious ${p[2]}`, ctx(p[0], p[1]));
    }
  });
  for (const [c, n] of Object.entries(cat).sort((a, b) => b[1] - a[1])) {
    console.log(`${String(n).padStart(4)} ${c}`);
    for (const e of (ex[c] ?? []).slice(0, show)) console.log(`       ${e}`);
  }
})();
