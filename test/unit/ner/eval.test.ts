// Quality floors on the seed gold and speed, through scripts/eval/ner.ts. Runs from the
// repository's own files: the sample articles and their gold (test/fixtures/gold), laid out in a
// temp folder the way scripts/eval reads ../shared (seeds/*.txt, gold/seeds/*.json).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { evaluateSeeds, readSeeds } from '../../../scripts/eval/ner';
import { recognizeCorpus } from '../../../server/src/engine/ner';
import { tokenize } from '../../../server/src/engine/text/tokens';
import { segmentSentences } from '../../../server/src/engine/text/sentences';
import { copySampleArticles } from '../../support/samples';

const goldDir = path.resolve(__dirname, '..', '..', 'fixtures', 'gold', 'seeds');

describe('ner: seed gold', function () {
  this.timeout(60_000);
  let seedRoot: string;
  before(() => {
    seedRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'qarina-ner-gold-'));
    copySampleArticles(path.join(seedRoot, 'seeds'));
    fs.cpSync(goldDir, path.join(seedRoot, 'gold', 'seeds'), { recursive: true });
    assert.equal(readSeeds(seedRoot).filter((s) => s.gold.length > 0).length, 5, 'gold for the five sample articles');
  });
  after(() => fs.rmSync(seedRoot, { recursive: true, force: true }));

  it('reaches an exact-span micro F1 of at least 80 on the seed articles', async () => {
    const { scores } = await evaluateSeeds(seedRoot);
    assert.ok(scores.all.f >= 80, `F1 ${scores.all.f.toFixed(1)} (P ${scores.all.p.toFixed(1)}, R ${scores.all.r.toFixed(1)})`);
    assert.ok(scores.LOC.f >= 85, `LOC F1 ${scores.LOC.f.toFixed(1)}`);
  });

  it('tags at least 3,000 tokens per second of CPU time once loaded (50 articles)', () => {
    const seeds = readSeeds(seedRoot);
    const docs = seeds.map((s) => ({ path: s.path, text: s.text, tokens: tokenize(s.text), sentences: segmentSentences(s.text) }));
    recognizeCorpus(docs); // load and warm up
    const fifty = Array.from({ length: 50 }, (_, i) => ({ ...docs[i % docs.length], path: `copy${i}` }));
    const tokens = fifty.reduce((n, d) => n + d.tokens.filter((t) => t.kind !== 'punct').length, 0);
    // CPU time, not wall time: a busy machine (CI, other jobs) stretches the wall clock. The floor is
    // the project's speed target, well below the measured rate, so that this checks the tagger's
    // order of speed and not the machine's load.
    const c0 = process.cpuUsage();
    const res = recognizeCorpus(fifty);
    const c = process.cpuUsage(c0);
    const seconds = (c.user + c.system) / 1e6;
    assert.strictEqual(res.size, 50);
    assert.ok(tokens / seconds >= 3000, `${(tokens / seconds).toFixed(0)} tokens per CPU second (${tokens} tokens in ${(seconds * 1000).toFixed(0)} ms)`);
  });
});
