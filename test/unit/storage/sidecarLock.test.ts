// One writer at a time per sidecar across processes, and nothing left behind by killed writers.
import { strict as assert } from 'assert';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { promises as fs, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lockPathFor, STALE_MS, sweepFolder, tempPathFor } from '../../../server/src/storage/sidecarLock';
import { updateSidecarFile, writeSidecarFile, parseSidecar } from '../../../server/src/storage/sidecarFile';
import { makeAnchor } from '../../../server/src/storage/anchor';
import { articleText, handSidecar } from './helpers';

const STORAGE = path.resolve(__dirname, '../../../server/src/storage');

/** Another writer: takes the sidecar's lock, reads the sidecar, says so, and when told to go on
 *  writes it back with a note of its own, then lets go (or is killed while holding the lock). */
function otherWriter(file: string): { child: ChildProcess; locked: Promise<void> } {
  const script = `const { withSidecarLock } = require(${JSON.stringify(path.join(STORAGE, 'sidecarLock.ts'))});
const f = require(${JSON.stringify(path.join(STORAGE, 'sidecarFile.ts'))});
const fs = require('fs');
withSidecarLock(${JSON.stringify(file)}, async () => {
  const raw = fs.existsSync(${JSON.stringify(file)}) ? fs.readFileSync(${JSON.stringify(file)}, 'utf8') : null;
  process.stdout.write('locked\\n');
  await new Promise((go) => process.stdin.once('data', go));
  if (!raw) return;
  const s = f.parseSidecar(raw).sidecar;
  s.notes.push({ start: 0, end: 0, text: '', prefix: '', suffix: '', id: 'n-other', body: 'the other writer', created: '2024-05-14T10:00:00Z' });
  await f.writeFileAtomic(${JSON.stringify(file)}, f.serializeSidecar(s));
}).then(() => process.exit(0));`;
  const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const locked = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => /locked/.test(String(d)) && resolve());
    child.on('exit', (code) => reject(new Error(`the other writer exited (${code}) before locking`)));
  });
  return { child, locked };
}

const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('sidecar lock', function () {
  this.timeout(60_000);
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'qarina-lock-'));
    file = path.join(dir, 'a.txt.annotations.json');
  });
  afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

  it('makes a writer wait while another process holds the lock, then build on what that one wrote', async () => {
    await writeSidecarFile(file, handSidecar());
    const other = otherWriter(file);
    await other.locked;
    const writing = updateSidecarFile(file, (now) => {
      const s = now.sidecar!;
      s.notes.push({ id: 'n-this', ...makeAnchor(articleText, 0, 5), body: 'this writer', created: '2024-05-14T10:00:00Z' });
      return s;
    });
    other.child.stdin!.write('go\n');
    assert.equal((await writing).result, 'written');
    const r = parseSidecar(await fs.readFile(file, 'utf8'));
    assert.equal(r.status, 'ok');
    if (r.status === 'ok') assert.deepEqual(r.sidecar.notes.map((n) => n.body).sort(), ['the other writer', 'this writer']);
    assert.deepEqual(readdirSync(dir).sort(), ['a.txt.annotations.json']);
  });

  it('takes over the lock of a process killed while holding it', async () => {
    const other = otherWriter(file);
    await other.locked;
    other.child.kill('SIGKILL');
    await new Promise((r) => other.child.once('exit', r));
    assert.ok(readdirSync(dir).includes(path.basename(lockPathFor(file))), 'the killed process left its lock');
    const t0 = Date.now();
    await writeSidecarFile(file, handSidecar());
    assert.ok(Date.now() - t0 < 5_000, 'waited for a dead process');
    assert.deepEqual(readdirSync(dir), ['a.txt.annotations.json']);
  });

  it('takes over a lock too old to be held, even when its pid now belongs to a running process', async () => {
    writeFileSync(lockPathFor(file), JSON.stringify({ pid: process.ppid, host: os.hostname(), time: Date.now() - STALE_MS - 1000 }));
    const t0 = Date.now();
    await writeSidecarFile(file, handSidecar());
    assert.ok(Date.now() - t0 < 5_000);
    assert.deepEqual(readdirSync(dir), ['a.txt.annotations.json']);
  });

  it('queues the writes of one process: every update builds on the previous one', async () => {
    await writeSidecarFile(file, handSidecar());
    await Promise.all(Array.from({ length: 20 }, (_, i) => updateSidecarFile(file, (now) => {
      const s = now.sidecar!;
      s.notes.push({ id: `n-${i}`, ...makeAnchor(articleText, 0, 5), body: `note ${i}`, created: '2024-05-14T10:00:00Z' });
      return s;
    })));
    const r = parseSidecar(await fs.readFile(file, 'utf8'));
    assert.equal(r.status, 'ok');
    if (r.status === 'ok') assert.equal(r.sidecar.notes.length, 20);
  });

  it('sweeps the temporary files and locks of dead writers, not those of live ones', async () => {
    const dead = deadPid();
    const deadTemp = tempPathFor(file, dead, 'abcd1234');
    const liveTemp = tempPathFor(file, process.pid, 'abcd1234');
    writeFileSync(deadTemp, '{"half": ');
    writeFileSync(liveTemp, '{"half": ');
    writeFileSync(lockPathFor(file), JSON.stringify({ pid: dead, host: os.hostname(), time: Date.now() }));
    writeFileSync(path.join(dir, 'notes.tmp'), 'a user file');
    assert.equal(await sweepFolder(dir, true), 2);
    assert.deepEqual(readdirSync(dir).sort(), [path.basename(liveTemp), 'notes.tmp'].sort());
  });
});
