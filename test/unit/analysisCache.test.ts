import { strict as assert } from 'assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { factsFor } from '../../server/src/engine/analyze';
import { AnalysisCache } from '../../server/src/storage/analysisCache';

describe('analysis cache', () => {
  const file = path.resolve(__dirname, '..', '..', 'samples', '000_733615ac9775bde5.txt');
  const input = { path: file, text: readFileSync(file, 'utf8') };
  let root = '';
  before(() => { root = mkdtempSync(path.join(os.tmpdir(), 'qarina-cache-')); });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('gives back the facts it stored', async () => {
    const cache = new AnalysisCache(root, 'test');
    const facts = factsFor(input, {});
    await cache.put('k1', facts);
    const back = await cache.get('k1', input.path, input.text);
    assert.ok(back, 'the stored facts should be read back');
    assert.deepEqual(back.tokens, facts.tokens);
    assert.deepEqual(back.tagged.sentences.map((s) => Array.from(s.marg)), facts.tagged.sentences.map((s) => Array.from(s.marg)));
  });

  it('keeps no view of the file it read: every marginals array has a buffer of its own', async () => {
    const cache = new AnalysisCache(root, 'test');
    await cache.put('k2', factsFor(input, {}));
    const back = await cache.get('k2', input.path, input.text);
    assert.ok(back && back.tagged.sentences.length > 0, 'the sample should have tagged sentences');
    for (const s of back.tagged.sentences) assert.equal(s.marg.buffer.byteLength, s.marg.byteLength, 'a marginals array views a larger buffer');
  });
});
