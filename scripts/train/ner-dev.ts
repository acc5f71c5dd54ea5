// Development aid: dev figures through the product's path (corpus consistency, conventions) of
// dev models, to measure changes after the tagger without training again; the seeds are printed
// as a held-out check, never a tuning target.
// `tsx scripts/train/ner-dev.ts model.json…` (models written with NER_DEV=1 NER_OUT=…).
import * as fs from 'fs';
import * as path from 'path';
import { anercorpFile, readAnercorpTokens, readWikifane, splitAnercorp, splitAnercorpDev, splitWikifane, toWordUnits, wikifaneFile } from './ner-data';
import { modelFrom } from '../../server/src/engine/ner/tagger';
import { evaluateSeeds, heldoutCorpusPairs, scoreSpans } from '../eval/ner';
import { sharedFolder } from '../sharedData';

const shared = sharedFolder();
const anerTok = splitAnercorp(readAnercorpTokens(anercorpFile(shared)));
const sets = {
  anercorp: splitAnercorpDev(anerTok.train.map(toWordUnits)).dev,
  wikifane: splitWikifane(readWikifane(wikifaneFile(shared), anerTok.train)).dev,
};
(async () => {
  const f = (x: number) => x.toFixed(1);
  for (const file of process.argv.slice(2)) {
    const model = modelFrom(JSON.parse(fs.readFileSync(file, 'utf8')));
    // Dev models written without calibration (NER_CALIB_EPOCHS=0) have temperature 1, under which
    // large scores overflow the confidences that corpus consistency weighs: use the shipped scale.
    if (model.temperature === 1) model.temperature = Number(process.env.NER_T ?? 64);
    const row: string[] = [];
    for (const [name, sents] of Object.entries(sets)) {
      const sc = scoreSpans(await heldoutCorpusPairs(sents, model));
      row.push(`${name} ${f(sc.all.f)} (P ${f(sc.all.p)} R ${f(sc.all.r)}; ${['PER', 'ORG', 'LOC', 'MISC'].map((t) => `${t} ${f(sc[t].f)}`).join(' ')})`);
    }
    const seeds = (await evaluateSeeds(shared, false, model)).scores;
    row.push(`seeds (held-out check) ${f(seeds.all.f)} ORG ${f(seeds.ORG.f)} PER ${f(seeds.PER.f)}`);
    console.log(`${path.basename(file)}: ${row.join('; ')}`);
  }
})();
