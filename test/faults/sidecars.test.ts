// Sidecars under faults: `qarina annotate` killed with SIGKILL at any moment, and several writers on
// one folder at once. Every sidecar is then absent, the old one or a complete new one — never a
// partial file; what a killed run left behind is gone after the next run; and no user decision
// written by anyone is lost. Processes are real (the CLI from source through tsx), kills are real.
// Seeded kill times; QARINA_FAULTS_LONG=1 kills many more runs.
import { strict as assert } from 'assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, watch, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeAnchor } from '../../server/src/storage/anchor';
import { parseSidecar, sha256Hex, sidecarPathFor, updateSidecarFile } from '../../server/src/storage/sidecarFile';
import { SAMPLES, sampleArticles } from '../support/samples';
import { LONG, SEED } from '../support/faults';
import { waitFor } from '../support/waitFor';
import { URI } from 'vscode-uri';
import { copySamples, LspClient } from '../protocol/lspClient';

const REPO = path.resolve(__dirname, '../..');
// The built CLI, as a user runs it (`npm run build` first; `npm test` does).
const CLI = path.join(REPO, 'dist', 'cli.js');

/** A folder of `copies` × the sample articles, each copy with its own title line (so that they are
 *  different articles about one story, as a story folder is). */
export function largeFolder(copies: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qarina-faults-'));
  for (const name of sampleArticles()) {
    const text = readFileSync(path.join(SAMPLES, name), 'utf8');
    for (let i = 0; i < copies; i++) writeFileSync(path.join(dir, `${String(i).padStart(2, '0')}_${name}`), text.replace(/\n/, ` (${i + 1})\n`));
  }
  return dir;
}

export function annotateProcess(dir: string): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  const child = spawn(process.execPath, [CLI, 'annotate', dir], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, exited, output: () => out };
}

const articlesOf = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.txt')).sort();
const leftovers = (dir: string) => readdirSync(dir).filter((n) => /\.tmp$|\.lock$|\.stale$/.test(n));

/** A user decision as an editor writes it: a note, added under the sidecar's lock. */
async function addNote(dir: string, article: string, body: string): Promise<void> {
  const text = readFileSync(path.join(dir, article), 'utf8');
  await updateSidecarFile(sidecarPathFor(path.join(dir, article)), (now) => {
    if (!now.sidecar) throw new Error(`${article} has no sidecar`);
    now.sidecar.notes.push({ id: `n-${sha256Hex(body).slice(0, 12)}`, ...makeAnchor(text, 0, 10), body, created: '2024-05-14T10:00:00Z' });
    return now.sidecar;
  });
}

const notesIn = (dir: string, article: string): string[] => {
  const r = parseSidecar(readFileSync(sidecarPathFor(path.join(dir, article)), 'utf8'));
  if (r.status !== 'ok') throw new Error(`${article}: ${r.status === 'invalid' ? r.reason : r.status}`);
  return r.sidecar.notes.map((n) => n.body);
};

/** A small seeded random generator (mulberry32), for kill times. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('faults: sidecars when annotate is killed or runs beside other writers', function () {
  this.timeout(LONG ? 3_600_000 : 300_000);
  const made: string[] = [];
  after(async () => {
    for (const d of made) await fs.rm(d, { recursive: true, force: true });
  });

  it('kill -9 during annotate of a large folder: every sidecar old or new, never partial; the next run leaves nothing behind', async () => {
    const dir = largeFolder(LONG ? 12 : 4);
    made.push(dir);
    const articles = articlesOf(dir);
    const first = annotateProcess(dir);
    assert.equal(await first.exited, 0, first.output());
    // A decision of the user's in every sidecar, and new text in half of the articles (so that the
    // new sidecars differ from the old ones).
    for (const a of articles) await addNote(dir, a, `note on ${a}`);
    articles.forEach((a, i) => i % 2 === 0 && writeFileSync(path.join(dir, a), readFileSync(path.join(dir, a), 'utf8') + '\nفقرة أضيفت بعد التحليل الأول.\n'));
    const old = new Map(articles.map((a) => [a, readFileSync(sidecarPathFor(path.join(dir, a)), 'utf8')]));
    const rnd = random(SEED);
    const kills = LONG ? 20 : 3;
    const seen = { old: 0, new: 0, leftovers: 0, duringWrites: 0 };
    for (let k = 0; k < kills; k++) {
      const run = annotateProcess(dir);
      // Kill in the middle of writing: once the first sidecar of this run is on disk (or a temp
      // file is), after a seeded delay; one run in four is killed before it writes anything.
      const early = rnd() < 0.25;
      const started = Date.now();
      const writing = await waitFor('the run to start writing sidecars', async () => {
        if (run.child.exitCode !== null) return 'exited';
        if (early && Date.now() - started > 300 + rnd() * 700) return 'analysing';
        return leftovers(dir).length > 0 || articles.some((a) => statSync(sidecarPathFor(path.join(dir, a))).mtimeMs > started) ? 'writing' : undefined;
      }, 120_000, 5);
      if (writing === 'writing') {
        await new Promise((r) => setTimeout(r, rnd() * 400));
        seen.duringWrites++;
      }
      run.child.kill('SIGKILL');
      await run.exited;
      seen.leftovers += leftovers(dir).length;
      for (const a of articles) {
        const file = sidecarPathFor(path.join(dir, a));
        const raw = readFileSync(file, 'utf8');
        if (raw === old.get(a)) { seen.old++; continue; }
        const r = parseSidecar(raw);
        assert.equal(r.status, 'ok', `kill ${k + 1}: ${a}'s sidecar is neither the old one nor a valid new one: ${'reason' in r ? r.reason : r.status}`);
        if (r.status !== 'ok') continue;
        assert.equal(r.sidecar.document.sha256, sha256Hex(readFileSync(path.join(dir, a), 'utf8')), `kill ${k + 1}: ${a}'s new sidecar is not of the current text`);
        assert.deepEqual(r.sidecar.notes.map((n) => n.body), [`note on ${a}`], `kill ${k + 1}: ${a} lost the user's note`);
        seen.new++;
        old.set(a, raw);
      }
    }
    assert.ok(seen.duringWrites > 0, 'no run was killed while writing');
    const last = annotateProcess(dir);
    assert.equal(await last.exited, 0, last.output());
    assert.deepEqual(leftovers(dir), [], 'files left behind after the next run');
    for (const a of articles) assert.deepEqual(notesIn(dir, a), [`note on ${a}`]);
    console.log(`      ${kills} kills (${seen.duringWrites} while writing): sidecars seen old ${seen.old}, new ${seen.new}, partial 0; ${seen.leftovers} temporary or lock files left by the kills, 0 after the next run`);
  });

  it('two annotate runs and an editor writing decisions, on one folder at once: no decision lost', async () => {
    const dir = largeFolder(2);
    made.push(dir);
    const articles = articlesOf(dir);
    const first = annotateProcess(dir);
    assert.equal(await first.exited, 0, first.output());
    const runs = [annotateProcess(dir), annotateProcess(dir)];
    const running = () => runs.some((r) => r.child.exitCode === null && r.child.signalCode === null);
    const written: { article: string; body: string }[] = [];
    // The "editor": decisions one after another, as long as the runs go on (and at least 10).
    for (let i = 0; running() || i < 10; i++) {
      const article = articles[i % articles.length];
      const body = `decision ${i}`;
      await addNote(dir, article, body);
      written.push({ article, body });
      if (LONG) await new Promise((r) => setTimeout(r, 20));
    }
    for (const r of runs) assert.equal(await r.exited, 0, r.output());
    const lost = written.filter((w) => !notesIn(dir, w.article).includes(w.body));
    assert.deepEqual(lost, [], `${lost.length} of ${written.length} decisions lost`);
    assert.deepEqual(leftovers(dir), []);
    console.log(`      ${written.length} decisions written during two concurrent runs, 0 lost`);
  });

  it('annotate works in bounded memory whatever sidecars it finds: five 24 MB sidecars under a 200 MB heap (the models take 100 MB of it; all the sidecars held at once need 240 MB more)', async () => {
    const dir = copySamples();
    made.push(dir);
    const first = annotateProcess(dir);
    assert.equal(await first.exited, 0, first.output());
    // Sidecars grown huge (an older Qarina, a tool's extension data): 120 MB on disk in all, each
    // with a user decision.
    const padding = 'x'.repeat(24 * 2 ** 20);
    for (const a of articlesOf(dir)) {
      await addNote(dir, a, `note on ${a}`);
      const file = sidecarPathFor(path.join(dir, a));
      const json = JSON.parse(readFileSync(file, 'utf8'));
      json['x-padding'] = padding;
      writeFileSync(file, JSON.stringify(json));
    }
    const child = spawn(process.execPath, ['--max-old-space-size=200', CLI, 'annotate', '--no-cache', dir], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    assert.equal(code, 0, out.slice(-2000));
    for (const a of articlesOf(dir)) assert.deepEqual(notesIn(dir, a), [`note on ${a}`]);
  });

  it('a read-only sidecar is left as it is and reported; a sidecar that is a symbolic link is written through it', async () => {
    const dir = copySamples();
    made.push(dir);
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'qarina-faults-elsewhere-'));
    made.push(elsewhere);
    const [ro, linked] = articlesOf(dir);
    const first = annotateProcess(dir);
    assert.equal(await first.exited, 0, first.output());
    const roFile = sidecarPathFor(path.join(dir, ro));
    const linkFile = sidecarPathFor(path.join(dir, linked));
    // The second sidecar lives elsewhere (a shared folder), linked from beside its article.
    const target = path.join(elsewhere, path.basename(linkFile));
    writeFileSync(target, readFileSync(linkFile));
    await fs.unlink(linkFile);
    await fs.symlink(target, linkFile);
    await fs.chmod(roFile, 0o444);
    const roBefore = readFileSync(roFile, 'utf8');
    // New text in both articles: both sidecars are due to be rewritten.
    for (const a of [ro, linked]) writeFileSync(path.join(dir, a), readFileSync(path.join(dir, a), 'utf8') + '\nفقرة أضيفت بعد التحليل الأول.\n');
    const run = annotateProcess(dir);
    assert.equal(await run.exited, 0, run.output());
    assert.equal(readFileSync(roFile, 'utf8'), roBefore, 'the read-only sidecar was replaced');
    assert.equal(statSync(roFile).mode & 0o777, 0o444, 'its permissions changed');
    assert.match(run.output(), new RegExp(`${ro.replace('.', '\\.')}.annotations.json: read-only`));
    assert.ok((await fs.lstat(linkFile)).isSymbolicLink(), 'the link was replaced by a plain file');
    const r = parseSidecar(readFileSync(target, 'utf8'));
    assert.equal(r.status, 'ok');
    if (r.status === 'ok') assert.equal(r.sidecar.document.sha256, sha256Hex(readFileSync(path.join(dir, linked), 'utf8')), 'the link\'s target is stale');
    assert.deepEqual(leftovers(dir), []);
    assert.deepEqual(readdirSync(elsewhere).filter((n) => /\.tmp$|\.lock$/.test(n)), []);
  });

  it('a sidecar whose offsets lie past the end of its unchanged article: reported, the annotation orphaned, and what is written validates', async () => {
    const dir = copySamples();
    made.push(dir);
    const [a, b] = articlesOf(dir);
    const first = annotateProcess(dir);
    assert.equal(await first.exited, 0, first.output());
    // A user entity at offset 1,000,000, added by hand (the article itself unchanged).
    const breakSidecar = (x: string) => {
      const file = sidecarPathFor(path.join(dir, x));
      const json = JSON.parse(readFileSync(file, 'utf8'));
      json.entities.push({ id: 'e-byhand00001', start: 1_000_000, end: 1_000_005, text: 'عُمان', prefix: '', suffix: '', type: 'LOC', entity: null, origin: 'user', status: 'accepted' });
      writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
    };
    // The CLI on a's sidecar.
    breakSidecar(a);
    const run = annotateProcess(dir);
    assert.equal(await run.exited, 0, run.output());
    assert.match(run.output(), new RegExp(`${a.replace('.', '\\.')}.annotations.json: annotations whose offsets do not fit the article`));
    // The language server on b's, writing it after a decision.
    breakSidecar(b);
    const client = new LspClient();
    try {
      await client.initialize(dir);
      await client.waitIndexed(articlesOf(dir).length);
      const uri = await client.open(path.join(dir, b));
      const lines = readFileSync(path.join(dir, b), 'utf8').split('\n');
      const line = lines.findIndex((l) => /[\u0621-\u064A]{3}/.test(l));
      const character = lines[line].search(/[\u0621-\u064A]/);
      const r = await client.request('workspace/executeCommand', { command: 'qarina.server.addNote', arguments: [{ uri, range: { start: { line, character }, end: { line, character: character + 3 } }, text: 'a note' }] });
      assert.match(r.message, /Note added/, JSON.stringify(r));
      await waitFor('b\'s sidecar rewritten', () => notesIn(dir, b).includes('a note'), 30_000);
      assert.ok(client.logs.some((l) => /do not fit the article/.test(l)), client.logs.join('\n'));
    } finally {
      await client.shutdown();
    }
    for (const x of [a, b]) {
      const file = sidecarPathFor(path.join(dir, x));
      const v = spawn(process.execPath, [CLI, 'validate', file], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      v.stdout.on('data', (d) => (out += d));
      v.stderr.on('data', (d) => (out += d));
      assert.equal(await new Promise((r) => v.on('exit', r)), 0, `qarina validate rejects the sidecar of ${x}: ${out}`);
      const kept = JSON.parse(readFileSync(file, 'utf8')).entities.find((e: { id: string }) => e.id === 'e-byhand00001');
      assert.ok(kept?.orphaned, `the user's entity is gone from ${x}, or not orphaned`);
    }
  });

  for (const editor of ['reports no file changes', 'reports file changes'] as const) it(`a sidecar edited by hand while the server runs, with an editor that ${editor}: the server sees it and keeps it`, async () => {
    const dir = copySamples();
    made.push(dir);
    const [a] = articlesOf(dir);
    // An editor without workspace/didChangeWatchedFiles (kind 'none'): nobody tells the server;
    // or one that tells it (VS Code).
    const client = new LspClient({}, editor === 'reports file changes' ? 'full' : 'none');
    try {
      await client.initialize(dir);
      await client.waitIndexed(articlesOf(dir).length);
      const uri = await client.open(path.join(dir, a));
      const lines = readFileSync(path.join(dir, a), 'utf8').split('\n');
      const line = lines.findIndex((l) => /[\u0621-\u064A]{3}/.test(l));
      const character = lines[line].search(/[\u0621-\u064A]/);
      const range = { start: { line, character }, end: { line, character: character + 3 } };
      const note = (text: string) => client.request('workspace/executeCommand', { command: 'qarina.server.addNote', arguments: [{ uri, range, text }] });
      await note('made in the editor first');
      await waitFor('the first note on disk', () => existsSync(sidecarPathFor(path.join(dir, a))) && notesIn(dir, a).includes('made in the editor first'), 30_000);
      // By hand (or git): the file rewritten without the lock, a note added.
      const file = sidecarPathFor(path.join(dir, a));
      const json = JSON.parse(readFileSync(file, 'utf8'));
      json.notes.push({ id: 'n-byhand000001', ...makeAnchor(readFileSync(path.join(dir, a), 'utf8'), 0, 10), body: 'made by hand', created: '2024-05-14T10:00:00Z' });
      writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
      if (editor === 'reports file changes') await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(file).toString(), type: 2 }] });
      const walk = (items: any[]): any[] => items.flatMap((i) => [i, ...walk(i.children ?? [])]);
      const inView = async () => walk(await client.request('qarina/annotationTree', { uri })).filter((i) => i.kind === 'note').map((i) => i.label);
      await waitFor('the hand-made note in the editor\'s view', async () => (await inView()).includes('made by hand'), 20_000);
      await note('made in the editor after');
      await waitFor('the second note on disk', () => notesIn(dir, a).includes('made in the editor after'), 30_000);
      assert.deepEqual(notesIn(dir, a).sort(), ['made by hand', 'made in the editor after', 'made in the editor first']);
      assert.deepEqual((await inView()).sort(), ['made by hand', 'made in the editor after', 'made in the editor first']);
    } finally {
      await client.shutdown();
    }
  });

  it('the language server and annotate runs on one folder at once: no decision made in the editor is lost', async () => {
    const dir = copySamples();
    made.push(dir);
    const articles = articlesOf(dir);
    const client = new LspClient();
    // The editor's file watcher: sidecar changes on disk reach the server, as VS Code sends them.
    const watcher = watch(dir, (_event, name) => {
      if (name && name.endsWith('.annotations.json')) void client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: URI.file(path.join(dir, name)).toString(), type: 2 }] });
    });
    try {
      await client.initialize(dir);
      await client.waitIndexed(articles.length);
      const uris = new Map<string, string>();
      const firstWord = new Map<string, { start: { line: number; character: number }; end: { line: number; character: number } }>();
      for (const a of articles) {
        uris.set(a, await client.open(path.join(dir, a)));
        const lines = readFileSync(path.join(dir, a), 'utf8').split('\n');
        const line = lines.findIndex((l) => /[\u0621-\u064A]{3}/.test(l));
        const character = lines[line].search(/[\u0621-\u064A]/);
        firstWord.set(a, { start: { line, character }, end: { line, character: character + 3 } });
      }
      await waitFor('the sidecars of the opened articles', () => articles.every((a) => existsSync(sidecarPathFor(path.join(dir, a)))), 60_000);
      const runs = [annotateProcess(dir), annotateProcess(dir)];
      const running = () => runs.some((r) => r.child.exitCode === null && r.child.signalCode === null);
      const made: { article: string; body: string }[] = [];
      for (let i = 0; running() || i < 8; i++) {
        const article = articles[i % articles.length];
        const body = `editor decision ${i}`;
        const r = await client.request('workspace/executeCommand', { command: 'qarina.server.addNote', arguments: [{ uri: uris.get(article), range: firstWord.get(article), text: body }] });
        assert.match(r.message, /Note added/, JSON.stringify(r));
        made.push({ article, body });
      }
      for (const r of runs) assert.equal(await r.exited, 0, r.output());
      const lostOnDisk = () => made.filter((m) => !notesIn(dir, m.article).includes(m.body));
      try {
        await waitFor('every decision on disk', () => lostOnDisk().length === 0, 30_000);
      } catch {
        assert.deepEqual(lostOnDisk(), [], `${lostOnDisk().length} of ${made.length} decisions missing from the sidecars`);
      }
      const walk = (items: any[]): any[] => items.flatMap((i) => [i, ...walk(i.children ?? [])]);
      for (const [a, uri] of uris) {
        const inView = walk(await client.request('qarina/annotationTree', { uri })).filter((i) => i.kind === 'note').map((i) => i.label);
        for (const m of made.filter((x) => x.article === a)) assert.ok(inView.includes(m.body), `${m.body} is gone from the editor's view of ${a}`);
      }
      assert.deepEqual(leftovers(dir), []);
      console.log(`      ${made.length} decisions made in the editor during two annotate runs, 0 lost`);
    } finally {
      watcher.close();
      await client.shutdown();
    }
  });
});
