// End to end: `qarina annotate` on a copy of the bundled sample articles (the real seed articles).
// Needs the whole engine.
import { strict as assert } from 'assert';
import { promises as fs, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../../server/src/cli/main';
import { parseSidecar, sidecarPathFor } from '../../../server/src/storage/sidecarFile';
import { validateSidecar } from '../../../server/src/storage/schema';
import { SAMPLES, sampleArticles } from '../../support/samples';
import { bufferIo } from './helpers';

const made: string[] = [];

async function copySeeds(): Promise<{ dir: string; articles: string[] }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qarina-e2e-'));
  made.push(dir, dir + '-out');
  const names = sampleArticles();
  for (const n of names) await fs.copyFile(path.join(SAMPLES, n), path.join(dir, n));
  return { dir, articles: names.map((n) => path.join(dir, n)) };
}

const readAll = async (files: string[]) => Promise.all(files.map((f) => fs.readFile(f, 'utf8')));

describe('qarina annotate (end to end on the seed articles)', function () {
  this.timeout(120_000);
  after(async () => {
    for (const d of made) await fs.rm(d, { recursive: true, force: true });
  });

  it('writes a valid sidecar per article, deterministically, with a per-file summary', async () => {
    const { dir, articles } = await copySeeds();
    await fs.writeFile(path.join(dir, 'empty.txt'), '');
    const io = bufferIo();
    assert.equal(await run(['annotate', dir], io, dir), 0, io.all());
    const sidecars = articles.map(sidecarPathFor);
    for (const [i, json] of (await readAll(sidecars)).entries()) {
      const r = parseSidecar(json);
      assert.equal(r.status, 'ok', `${sidecars[i]}: ${r.status === 'invalid' ? r.reason : ''}`);
      if (r.status === 'ok') {
        assert.deepEqual(validateSidecar(r.sidecar), { ok: true });
        assert.equal(r.sidecar.document.path, path.basename(articles[i]));
        const text = await fs.readFile(articles[i], 'utf8');
        for (const e of r.sidecar.entities) assert.equal(text.slice(e.start, e.end), e.text);
      }
    }
    const out = io.all();
    for (const a of articles) assert.match(out, new RegExp(`${path.basename(a).replace('.', '\\.')}: \\d+ entit`));
    assert.match(out, /empty\.txt: empty file/);
    assert.match(out, /Total: \d+ articles analysed/);
    // Links are pairs of passages: each pair is listed under both its articles, counted once in the total.
    const pairs = [...out.matchAll(/(\d+) linked pairs?: (\d+) corroborations?, (\d+) contradictions?/g)].map((m) => m.slice(1).map(Number));
    assert.equal(pairs.length, articles.length + 1, out);
    const total = pairs.pop()!;
    assert.deepEqual([0, 1, 2].map((i) => pairs.reduce((sum, row) => sum + row[i], 0)), total.map((n) => 2 * n), out);
    assert.ok(total[1] > 0, 'the samples corroborate each other');
    const first = await readAll(sidecars);
    const again = bufferIo();
    assert.equal(await run(['annotate', dir], again, dir), 0);
    assert.deepEqual(await readAll(sidecars), first, 'second run is byte-identical');
    assert.match(again.all(), /0 sidecars written, \d+ unchanged/);
  });

  it('keeps a decision added by hand to a sidecar, and keeps a corrupt sidecar untouched while writing the others', async () => {
    const { dir, articles } = await copySeeds();
    assert.equal(await run(['annotate', dir], bufferIo(), dir), 0);
    // A hand edit: reject the first suggested entity, add a user entity over a word no entity covers.
    const target = sidecarPathFor(articles[0]);
    const s = JSON.parse(await fs.readFile(target, 'utf8'));
    const text = await fs.readFile(articles[0], 'utf8');
    const rejected = s.entities[0];
    rejected.status = 'rejected';
    const covered = (i: number) => s.entities.some((e: any) => e.start <= i && i < e.end);
    const word = [...text.matchAll(/[\u0621-\u064A]{4,}/g)].find((m) => !covered(m.index!) && !covered(m.index! + m[0].length - 1))!;
    const start = word.index!, end = start + word[0].length;
    s.entities.push({ id: 'e-by-hand', start, end, text: word[0], prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32), type: 'MISC', entity: null, origin: 'user', status: 'accepted' });
    await fs.writeFile(target, JSON.stringify(s, null, 2) + '\n');
    // Corrupt another sidecar (as after a failed git merge) and delete a third.
    const corrupt = sidecarPathFor(articles[1]);
    const corruptContent = '<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> theirs\n';
    await fs.writeFile(corrupt, corruptContent);
    await fs.rm(sidecarPathFor(articles[2]));

    const io = bufferIo();
    assert.equal(await run(['annotate', dir], io, dir), 0, io.all());
    const after = JSON.parse(await fs.readFile(target, 'utf8'));
    const byHand = after.entities.find((e: any) => e.id === 'e-by-hand');
    assert.ok(byHand, 'user entity kept');
    assert.deepEqual([byHand.start, byHand.end, byHand.type, byHand.origin], [start, end, 'MISC', 'user']);
    const rej = after.entities.filter((e: any) => e.start === rejected.start && e.end === rejected.end);
    assert.deepEqual(rej.map((e: any) => e.status), ['rejected'], 'rejected entity kept once, not re-suggested');
    assert.equal(await fs.readFile(corrupt, 'utf8'), corruptContent, 'corrupt sidecar untouched');
    assert.match(io.all(), /kept untouched because they are invalid[\s\S]*git conflict markers/);
    assert.match(io.all(), new RegExp(`${path.basename(articles[1])}: \\d+ entities.*sidecar kept untouched`), 'article still analysed');
    assert.equal(parseSidecar(await fs.readFile(sidecarPathFor(articles[2]), 'utf8')).status, 'ok', 'deleted sidecar rewritten');
    // The decisions survive a further run byte for byte.
    const before = await fs.readFile(target, 'utf8');
    assert.equal(await run(['annotate', dir], bufferIo(), dir), 0);
    assert.equal(await fs.readFile(target, 'utf8'), before);
  });

  it('re-anchors user decisions when the article changed', async () => {
    const { dir, articles } = await copySeeds();
    assert.equal(await run(['annotate', articles[0]], bufferIo(), dir), 0);
    const target = sidecarPathFor(articles[0]);
    const s = JSON.parse(await fs.readFile(target, 'utf8'));
    const e = s.entities.find((x: any) => x.text.length >= 4);
    e.status = 'accepted';
    await fs.writeFile(target, JSON.stringify(s));
    const ins = 'تحديث: أضيفت فقرة في بداية الخبر.\n\n';
    await fs.writeFile(articles[0], ins + (await fs.readFile(articles[0], 'utf8')));
    assert.equal(await run(['annotate', articles[0]], bufferIo(), dir), 0);
    const after = JSON.parse(await fs.readFile(target, 'utf8'));
    const moved = after.entities.find((x: any) => x.id === e.id);
    assert.deepEqual([moved.start, moved.end, moved.status], [e.start + ins.length, e.end + ins.length, 'accepted']);
  });

  it('counts offsets in the text after a BOM, with CRLF line ends kept', async () => {
    const { dir, articles } = await copySeeds();
    const text = (await fs.readFile(articles[0], 'utf8')).replace(/\r?\n/g, '\r\n');
    await fs.writeFile(articles[0], '\uFEFF' + text);
    assert.equal(await run(['annotate', articles[0]], bufferIo(), dir), 0);
    const s = JSON.parse(await fs.readFile(sidecarPathFor(articles[0]), 'utf8'));
    assert.ok(s.entities.length > 0);
    for (const e of s.entities) assert.equal(text.slice(e.start, e.end), e.text);
    for (const x of s.sentences) assert.ok(!text.slice(x.start, x.end).includes('\r'), 'a sentence ends before CRLF');
  });

  it('--out mirrors relative paths and leaves the article folder clean', async () => {
    const { dir, articles } = await copySeeds();
    await fs.mkdir(path.join(dir, 'sub'));
    await fs.rename(articles[0], path.join(dir, 'sub', path.basename(articles[0])));
    const out = path.join(dir, '..', path.basename(dir) + '-out');
    assert.equal(await run(['annotate', dir, '--out', out, '--reference-date', '2024-05-20'], bufferIo(), dir), 0);
    const written = JSON.parse(await fs.readFile(path.join(out, 'sub', path.basename(articles[0]) + '.annotations.json'), 'utf8'));
    assert.equal(written.document.path, path.basename(articles[0]));
    assert.ok((await fs.readdir(dir)).every((f) => !f.endsWith('.annotations.json')));
  });
});
