// The analysis workers run under a heap limit (factsPool.ts WORKER_HEAP_MB: it keeps their memory
// near what they use). An article that needs more than the limit must still be analysed: the
// worker that ran out is replaced by one without the limit, which analyses it again.
import { strict as assert } from 'assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { factsFor } from '../../server/src/engine/analyze';
import { FactsPool } from '../../server/src/workers/factsPool';

const REPO = path.resolve(__dirname, '..', '..');
// The built worker, as the server and the CLI start it (`npm run build` first; `npm test` does).
const WORKER = path.join(REPO, 'dist', 'factsWorker.js');

describe('faults: an analysis worker that runs out of its heap limit', function () {
  this.timeout(60_000);
  before(() => {
    if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run "npm run build" first`);
  });

  it('is replaced, and the article it was analysing gets the same facts as in the calling thread', async () => {
    const file = path.join(REPO, 'samples', '000_733615ac9775bde5.txt');
    const input = { path: file, text: readFileSync(file, 'utf8') };
    // 4 MB cannot even hold the tagger's model: the first worker runs out while loading it.
    const pool = FactsPool.create(1, 4, WORKER)!;
    try {
      const facts = await pool.analyze(input, {});
      assert.ok(pool.replaced >= 1, 'the worker under the tiny limit should have run out');
      const here = factsFor(input, {});
      assert.deepEqual(facts.tagged.sentences.map((t) => Array.from(t.labels)), here.tagged.sentences.map((t) => Array.from(t.labels)));
      assert.deepEqual(facts.dates.map((d) => [d.start, d.end]), here.dates.map((d) => [d.start, d.end]));
      assert.equal(facts.sentences.length, here.sentences.length);
      assert.ok(facts.sentences.length > 0);
    } finally {
      await pool.close();
    }
  });
});
