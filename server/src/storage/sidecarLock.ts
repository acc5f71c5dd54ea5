// One writer at a time per sidecar, across processes: the language server and any number of
// `qarina annotate` runs may write the same folder at once. A writer holds the lock only while it
// reads the sidecar, builds the new one from what it read and renames it into place, so that what
// another writer put there (a user's decision) is always seen before it is replaced.
//
// The lock is a file created exclusively next to the sidecar (`.NAME.annotations.json.lock`,
// holding the owner's pid, host and time). A process killed while holding it (kill -9, a crash)
// leaves it behind; the next writer takes it over when that pid no longer runs on this host, or
// when it is older than STALE_MS. The same goes for the temporary files of atomic writes, which
// the next writer in a folder sweeps. Written by hand: the lock libraries on npm (proper-lockfile,
// lockfile) use a directory or mtime refresh timers; this one is a few lines and needs neither.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A lock is held for the milliseconds of a read and a rename: one this old is stale, whoever
 *  holds its pid now (pids are reused) or whatever host wrote it. */
export const STALE_MS = 30_000;
/** How long a writer waits for a lock before giving up with an error (longer than STALE_MS, so a
 *  stale lock is taken over first). */
export const WAIT_MS = 45_000;

export class SidecarLockedError extends Error {
  constructor(readonly file: string, readonly owner: string) {
    super(`${file}: still locked by ${owner} after ${WAIT_MS / 1000} s; not written`);
    this.name = 'SidecarLockedError';
  }
}

export function lockPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.lock`);
}

/** The temporary file of an atomic write: `.NAME.PID.RANDOM.tmp` in the same folder. */
export function tempPathFor(file: string, pid: number, random: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${pid}.${random}.tmp`);
}
const TEMP = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/;
const LOCK = /^\..+\.annotations\.json\.lock$/;

interface Owner { pid: number; host: string; time: number }

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the owner can no longer be holding the lock. */
function gone(o: Owner | null, mtimeMs: number): boolean {
  if (Date.now() - Math.min(o?.time ?? mtimeMs, mtimeMs) > STALE_MS) return true;
  return !!o && o.host === os.hostname() && o.pid !== process.pid && !alive(o.pid);
}

async function readOwner(lock: string): Promise<{ owner: Owner | null; mtimeMs: number } | null> {
  try {
    const [text, st] = await Promise.all([fs.readFile(lock, 'utf8'), fs.stat(lock)]);
    let owner: Owner | null = null;
    try {
      owner = JSON.parse(text) as Owner;
    } catch {
      /* being written, or damaged: judged by its age */
    }
    return { owner, mtimeMs: st.mtimeMs };
  } catch {
    return null; // released meanwhile
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn` holding the lock of `file`. Within one process, calls for one file queue up. */
export async function withSidecarLock<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const key = path.resolve(file);
  const before = queues.get(key) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((r) => (done = r));
  const tail = before.then(() => mine);
  queues.set(key, tail);
  try {
    await before;
    await acquire(file);
    try {
      return await fn();
    } finally {
      await fs.unlink(lockPathFor(file)).catch(() => undefined);
    }
  } finally {
    done();
    if (queues.get(key) === tail) queues.delete(key);
  }
}
const queues = new Map<string, Promise<void>>();

async function acquire(file: string): Promise<void> {
  const lock = lockPathFor(file);
  const deadline = Date.now() + WAIT_MS;
  await fs.mkdir(path.dirname(lock), { recursive: true });
  await sweepFolder(path.dirname(file));
  for (let attempt = 0; ; attempt++) {
    try {
      const h = await fs.open(lock, 'wx');
      try {
        await h.writeFile(JSON.stringify({ pid: process.pid, host: os.hostname(), time: Date.now() } satisfies Owner));
      } finally {
        await h.close();
      }
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const held = await readOwner(lock);
    if (held && gone(held.owner, held.mtimeMs)) {
      // Take over a dead owner's lock: move it aside, then retry. Two writers may both have judged
      // it dead; if what was moved is not the dead owner's lock (the other writer already took it
      // over), it goes back.
      const aside = `${lock}.${process.pid}.stale`;
      if (await fs.rename(lock, aside).then(() => true, () => false)) {
        const moved = await readOwner(aside);
        if (moved && JSON.stringify(moved.owner) !== JSON.stringify(held.owner)) await fs.link(aside, lock).catch(() => undefined);
        await fs.unlink(aside).catch(() => undefined);
      }
      continue;
    }
    if (Date.now() > deadline) {
      const o = held?.owner;
      throw new SidecarLockedError(file, o ? `process ${o.pid} on ${o.host}` : 'another process');
    }
    await sleep(Math.min(200, 5 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random()));
  }
}

const swept = new Set<string>();

/**
 * Removes, once per folder and process, what killed writers left there: temporary files of atomic
 * writes and lock files whose process no longer runs (or that are older than STALE_MS when the
 * owner cannot be checked). Returns how many files were removed.
 */
export async function sweepFolder(dir: string, force = false): Promise<number> {
  const key = path.resolve(dir);
  if (swept.has(key) && !force) return 0;
  swept.add(key);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const full = path.join(dir, name);
    const temp = TEMP.exec(name);
    let stale = false;
    if (temp) {
      const pid = Number(temp[1]);
      const st = await fs.stat(full).catch(() => null);
      stale = !!st && pid !== process.pid && (!alive(pid) || Date.now() - st.mtimeMs > STALE_MS);
    } else if (LOCK.test(name)) {
      const held = await readOwner(full);
      stale = !!held && gone(held.owner, held.mtimeMs);
    } else if (/\.lock\.\d+\.stale$/.test(name)) {
      stale = true;
    }
    if (stale && (await fs.unlink(full).then(() => true, () => false))) removed++;
  }
  return removed;
}
