import { strict as assert } from 'assert';
import { promises as fs, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isIsoDate, parseArgs, UsageError } from '../../../server/src/cli/args';
import { run } from '../../../server/src/cli/main';
import { serializeSidecar, sidecarPathFor } from '../../../server/src/storage/sidecarFile';
import { articleText, handSidecar } from '../storage/helpers';
import { bufferIo } from './helpers';

describe('qarina command line: parsing', () => {
  it('parses annotate with several paths and options in both spellings', () => {
    assert.deepEqual(parseArgs(['annotate', 'a', '--reference-date', '2024-05-17', 'b', '--out=o']), {
      kind: 'annotate', paths: ['a', 'b'], referenceDate: '2024-05-17', out: 'o', jobs: null, cache: true,
    });
    assert.deepEqual(parseArgs(['annotate', '--', '--odd-name']), { kind: 'annotate', paths: ['--odd-name'], referenceDate: null, out: null, jobs: null, cache: true });
  });

  it('parses the number of worker threads and turning the cache off', () => {
    assert.deepEqual(parseArgs(['annotate', 'a', '--jobs', '2', '--no-cache']), { kind: 'annotate', paths: ['a'], referenceDate: null, out: null, jobs: 2, cache: false });
    assert.throws(() => parseArgs(['annotate', 'a', '--jobs', 'many']), /--jobs must be a number/);
  });

  it('parses export and validate', () => {
    assert.deepEqual(parseArgs(['export', '--format', 'w3c', 'f']), { kind: 'export', format: 'w3c', folder: 'f', out: null });
    assert.deepEqual(parseArgs(['validate', 'x.json', 'y.json']), { kind: 'validate', files: ['x.json', 'y.json'] });
  });

  const usageErrors: [string[], RegExp][] = [
    [[], /no command/],
    [['frobnicate'], /unknown command/],
    [['annotate'], /at least one folder or file/],
    [['annotate', 'x', '--colour'], /unknown option for 'annotate': --colour/],
    [['annotate', 'x', '--reference-date', '17/05/2024'], /YYYY-MM-DD/],
    [['annotate', 'x', '--reference-date', '2023-02-29'], /YYYY-MM-DD/],
    [['annotate', 'x', '--reference-date'], /needs a value/],
    [['export', 'f'], /needs --format/],
    [['export', '--format', 'conll', 'f'], /unknown export format 'conll'/],
    [['export', '--format', 'brat', 'f', 'g'], /exactly one folder/],
    [['validate'], /at least one sidecar/],
  ];
  for (const [argv, message] of usageErrors) {
    it(`rejects ${JSON.stringify(argv)} as a usage error`, () => {
      assert.throws(() => parseArgs(argv), (e: unknown) => e instanceof UsageError && message.test(e.message));
    });
  }

  it('knows real calendar dates', () => {
    assert.ok(isIsoDate('2024-02-29'));
    assert.ok(!isIsoDate('2023-02-29'));
    assert.ok(!isIsoDate('2024-5-1'));
  });
});

describe('qarina command line: exit codes', () => {
  it('exits 2 on usage errors and tells how to get help', async () => {
    const io = bufferIo();
    assert.equal(await run(['annotate', '--bogus', 'x'], io), 2);
    assert.match(io.stderr.join('\n'), /unknown option.*\n.*qarina --help/);
    assert.equal(await run([], bufferIo()), 2);
    assert.equal(await run(['annotate', 'x', '--reference-date', 'tomorrow'], bufferIo()), 2);
  });

  it('prints help and version with exit 0', async () => {
    const io = bufferIo();
    assert.equal(await run(['--help'], io), 0);
    assert.match(io.stdout[0], /^Usage: qarina/);
    const v = bufferIo();
    assert.equal(await run(['--version'], v), 0);
    assert.match(v.stdout[0], /^qarina \d+\.\d+\.\d+$/);
  });

  it('exits 1 when nothing could be processed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qarina-cli-'));
    await fs.writeFile(path.join(dir, 'english.txt'), 'Only English text here, nothing Arabic at all.');
    await fs.writeFile(path.join(dir, 'empty.txt'), '');
    const io = bufferIo();
    assert.equal(await run(['annotate', dir], io, dir), 1);
    assert.match(io.all(), /english\.txt: not Arabic/);
    assert.match(io.all(), /empty\.txt: empty file/);
    const missing = bufferIo();
    assert.equal(await run(['annotate', path.join(dir, 'nope')], missing, dir), 1);
    assert.match(missing.all(), /no such file or folder/);
  });

  it('validate: exit 0 for a good sidecar, 1 with the reason for a bad one', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qarina-cli-'));
    const article = path.join(dir, 'a.txt');
    await fs.writeFile(article, articleText);
    await fs.writeFile(sidecarPathFor(article), serializeSidecar(handSidecar()));
    const bad = path.join(dir, 'b.txt.annotations.json');
    await fs.writeFile(bad, '{ "schema": "qarina/annotations@1", ');
    const ok = bufferIo();
    assert.equal(await run(['validate', sidecarPathFor(article)], ok), 0);
    assert.match(ok.stdout.join('\n'), /: ok$/);
    const io = bufferIo();
    assert.equal(await run(['validate', sidecarPathFor(article), bad], io), 1);
    assert.match(io.stderr.join('\n'), /b\.txt\.annotations\.json: invalid: not valid JSON/);
  });

  it('validate: an offset beyond the end of the unchanged article is invalid', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qarina-cli-'));
    const article = path.join(dir, 'a.txt');
    await fs.writeFile(article, articleText);
    const s = handSidecar();
    s.entities[0].end = articleText.length + 5;
    await fs.writeFile(sidecarPathFor(article), serializeSidecar(s));
    const io = bufferIo();
    assert.equal(await run(['validate', sidecarPathFor(article)], io), 1);
    assert.match(io.stderr.join('\n'), /after the end of the article/);
  });

  it('export: writes the chosen format from existing sidecars', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qarina-cli-'));
    const corpus = path.join(dir, 'corpus');
    await fs.mkdir(corpus);
    const article = path.join(corpus, 'a.txt');
    await fs.writeFile(article, articleText);
    await fs.writeFile(sidecarPathFor(article), serializeSidecar(handSidecar()));
    await fs.writeFile(path.join(corpus, 'unannotated.txt'), articleText);
    const io = bufferIo();
    assert.equal(await run(['export', '--format', 'jsonl', 'corpus', '--out', 'out'], io, dir), 0);
    const lines = (await fs.readFile(path.join(dir, 'out', 'corpus.jsonl'), 'utf8')).trimEnd().split('\n');
    assert.equal(lines.length, 1);
    assert.match(io.all(), /unannotated\.txt: no sidecar/);
    assert.equal(await run(['export', '--format', 'brat', 'corpus', '--out', 'brat'], bufferIo(), dir), 0);
    assert.deepEqual((await fs.readdir(path.join(dir, 'brat'))).sort(), ['a.ann', 'a.txt', 'annotation.conf']);
    assert.equal(await run(['export', '--format', 'w3c', 'corpus'], bufferIo(), dir), 0);
    assert.deepEqual(await fs.readdir(path.join(corpus, '.qarina', 'export-w3c')), ['a.jsonld']);
    assert.equal(await run(['export', '--format', 'w3c', 'missing-folder'], bufferIo(), dir), 1);
  });
});
