// Reading and writing NAME.txt.annotations.json. Writes are deterministic (fixed key order, sorted
// arrays, 2-space indent, trailing newline) so sidecars diff well in git, and atomic (temp file in
// the same folder, fsync, rename) so a crash never leaves half a file. A sidecar on disk that cannot
// be read (bad JSON, git conflict markers, schema failure, newer version) is never overwritten: the
// user may be in the middle of a merge, or have a newer Qarina. Writers that may run at once (the
// language server, `qarina annotate` runs) replace a sidecar under its lock, building what they
// write from what the file holds at that moment (updateSidecarFile), so no decision is lost.
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SIDECAR_SUFFIX } from './articleFiles';
import { bySpan, byId, type Sidecar, type SidecarLink } from './format';
import { migrate } from './migrate';
import { validateSidecar } from './schema';
import { tempPathFor, withSidecarLock } from './sidecarLock';

/** A sidecar that is not replaced: invalid (the reason says why), or read-only. */
export class SidecarProtectedError extends Error {
  constructor(readonly file: string, readonly reason: string, readonly kind: 'invalid' | 'read-only' = 'invalid') {
    super(kind === 'invalid' ? `${file}: not overwritten, the existing sidecar is invalid: ${reason}` : `${file}: not overwritten: ${reason}`);
    this.name = 'SidecarProtectedError';
  }
}

export type SidecarRead =
  | { status: 'missing' }
  | { status: 'ok'; sidecar: Sidecar; migratedFrom?: string }
  | { status: 'invalid'; reason: string };

/** NAME.txt -> NAME.txt.annotations.json */
export function sidecarPathFor(articlePath: string): string {
  return articlePath + SIDECAR_SUFFIX;
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).digest('hex');
}

const CONFLICT = /^(<{7}(?: .*)?|={7}|>{7}(?: .*)?|\|{7}(?: .*)?)\r?$/m;

export function parseSidecar(json: string): SidecarRead {
  const conflict = CONFLICT.exec(json);
  if (conflict) {
    const line = json.slice(0, conflict.index).split('\n').length;
    return { status: 'invalid', reason: `contains git conflict markers (line ${line}: "${conflict[0].trim().slice(0, 40)}"); resolve the merge first` };
  }
  let data: unknown;
  try {
    data = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  } catch (e) {
    return { status: 'invalid', reason: `not valid JSON: ${(e as Error).message}` };
  }
  const m = migrate(data);
  if ('error' in m) return { status: 'invalid', reason: m.error };
  const v = validateSidecar(m.sidecar);
  if (!v.ok) return { status: 'invalid', reason: `does not match the schema: ${v.errors.join('; ')}` };
  const sidecar = m.sidecar as Sidecar;
  return m.from ? { status: 'ok', sidecar, migratedFrom: m.from } : { status: 'ok', sidecar };
}

export async function readSidecarFile(file: string): Promise<SidecarRead> {
  return (await readSidecarFileRaw(file)).read;
}

/** The sidecar as read, with the exact text on disk (null when there is no file), so that a writer
 *  can later tell whether someone else replaced it. */
export async function readSidecarFileRaw(file: string): Promise<{ raw: string | null; read: SidecarRead }> {
  let json: string;
  try {
    json = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { raw: null, read: { status: 'missing' } };
    return { raw: null, read: { status: 'invalid', reason: `cannot be read: ${(e as Error).message}` } };
  }
  return { raw: json, read: parseSidecar(json) };
}

export async function readSidecar(articlePath: string): Promise<SidecarRead> {
  return readSidecarFile(sidecarPathFor(articlePath));
}

// ---- deterministic serialisation ----

const KEY_ORDER = [
  // top level
  'schema', 'generator', 'document', 'sentences', 'entities', 'dates', 'quantities', 'links', 'notes', 'checks', 'corpus',
  // document
  'path', 'sha256', 'offsetUnit', 'referenceDate', 'referenceDateSource',
  // anchored items: identity and span first, then the anchor, then the facts
  'id', 'sentence', 'start', 'end', 'text', 'prefix', 'suffix', 'orphaned',
  'type', 'entity', 'value', 'resolved', 'low', 'high', 'qualifier', 'unit',
  'relation', 'target', 'quote', 'score', 'reasons', 'body', 'created', 'checked', 'kind',
  'origin', 'status',
  // corpus
  'merges', 'splits', 'rejectedSurfaces', 'into', 'from',
];
const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

function orderKeys(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(orderKeys);
  if (x === null || typeof x !== 'object') return x;
  const keys = Object.keys(x).sort((a, b) => {
    const ra = RANK.get(a) ?? Infinity, rb = RANK.get(b) ?? Infinity;
    return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
  });
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = (x as Record<string, unknown>)[k];
    if (v === undefined) continue;
    // orphaned is written only when true, so that a re-found item diffs back to its old form.
    if (k === 'orphaned' && v !== true) continue;
    out[k] = orderKeys(v);
  }
  return out;
}

/** A copy with every array in its deterministic order. */
export function sortSidecar(s: Sidecar): Sidecar {
  return {
    ...s,
    sentences: [...s.sentences].sort(bySpan),
    entities: [...s.entities].sort(bySpan),
    dates: [...s.dates].sort(bySpan),
    quantities: [...s.quantities].sort(bySpan),
    links: [...s.links].sort(bySpan),
    notes: [...s.notes].sort(bySpan),
    checks: [...s.checks].sort(bySpan),
    corpus: {
      merges: [...s.corpus.merges].sort(byId),
      splits: [...s.corpus.splits].sort(bySpan),
      rejectedSurfaces: [...s.corpus.rejectedSurfaces].sort(byId),
    },
  };
}

/** An automatic link nobody judged, as stored: it names its sentence and the target passage (path,
 *  sentence id, offsets) with its score, and repeats no text: the quotes and context of links were
 *  most of a sidecar (a sentence with 6 links held its own text 6 times, the other articles'
 *  sentences once each: 16× the article on a 1.9 MB one). It is rebuilt from the analysis on every
 *  run; the user's decisions on links keep their quotes, which identify them across re-analyses. */
export function isCompactLink(l: SidecarLink): boolean {
  return l.origin === 'auto' && l.status === 'suggested' && l.orphaned !== true;
}

function compactLink(l: SidecarLink): SidecarLink {
  return isCompactLink(l) ? { ...l, text: '', prefix: '', suffix: '', target: { ...l.target, quote: '' } } : l;
}

/** JSON with one annotation per line: the top level and its objects indented, every item of a list
 *  on a line of its own (so that git shows one changed line per changed annotation), and no
 *  indentation inside an item (a third of the bytes of a fully indented sidecar). */
function layout(x: unknown, depth: number): string {
  const pad = '  '.repeat(depth + 1), end = '  '.repeat(depth);
  if (Array.isArray(x)) return x.length ? `[\n${x.map((v) => pad + JSON.stringify(v)).join(',\n')}\n${end}]` : '[]';
  if (x !== null && typeof x === 'object' && depth < 2) {
    const entries = Object.entries(x as Record<string, unknown>);
    return entries.length ? `{\n${entries.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${layout(v, depth + 1)}`).join(',\n')}\n${end}}` : '{}';
  }
  return JSON.stringify(x);
}

export function serializeSidecar(s: Sidecar): string {
  const sorted = sortSidecar(s);
  return layout(orderKeys({ ...sorted, links: sorted.links.map(compactLink) }), 0) + '\n';
}

// ---- atomic writes ----

/** `mode`: the permissions of the file replaced (kept; new files get the default). */
export async function writeFileAtomic(file: string, data: string, mode?: number): Promise<void> {
  const tmp = tempPathFor(file, process.pid, randomBytes(4).toString('hex'));
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(tmp, 'wx');
    if (mode !== undefined) await handle.chmod(mode & 0o7777);
    await handle.writeFile(data, 'utf8');
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(tmp, file);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/** What a sidecar file holds when a writer is about to replace it. */
export interface OnDisk { raw: string | null; sidecar: Sidecar | null }

/**
 * Replace a sidecar with what `build` makes of the file's current content, under the sidecar's
 * lock: nobody else writes it between the read and the rename. A writer that read the file earlier
 * compares `current.raw` with what it read; when they differ someone else wrote meanwhile, and
 * `build` must start from `current.sidecar` (keeping that writer's decisions). Refuses when the file
 * exists and is invalid; skips the write when the content is already identical (keeps mtime).
 */
export async function updateSidecarFile(file: string, build: (current: OnDisk) => Sidecar): Promise<{ result: 'written' | 'unchanged'; sidecar: Sidecar; raw: string }> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  return withSidecarLock(file, async () => {
    const { raw, read } = await readSidecarFileRaw(file);
    if (read.status === 'invalid') throw new SidecarProtectedError(file, read.reason);
    const sidecar = build({ raw, sidecar: read.status === 'ok' ? read.sidecar : null });
    const data = serializeSidecar(sidecar);
    const check = validateSidecar(JSON.parse(data));
    if (!check.ok) throw new Error(`${file}: refusing to write a sidecar that does not match the schema: ${check.errors.join('; ')}`);
    if (raw === data) return { result: 'unchanged' as const, sidecar, raw: data };
    // A symbolic link is written through (its target replaced, the link kept); a read-only sidecar
    // (the user or a tool protected it) is not replaced; permissions are kept.
    const target = await throughLinks(file);
    const st = await fs.stat(target).catch(() => null);
    if (st && (st.mode & 0o200) === 0) throw new SidecarProtectedError(file, `read-only (mode ${(st.mode & 0o777).toString(8)}); make it writable to let Qarina update it`, 'read-only');
    await writeFileAtomic(target, data, st?.mode);
    return { result: 'written' as const, sidecar, raw: data };
  });
}

/** The file a path names once symbolic links are followed (a link to nothing: where it points). */
async function throughLinks(file: string): Promise<string> {
  let at = file;
  for (let hops = 0; hops < 40; hops++) {
    const st = await fs.lstat(at).catch(() => null);
    if (!st?.isSymbolicLink()) return at;
    at = path.resolve(path.dirname(at), await fs.readlink(at));
  }
  throw new Error(`${file}: too many levels of symbolic links`);
}

/**
 * Write a sidecar at an explicit location, whatever the file holds now (tests, tools). Refuses when
 * the file on disk exists and is invalid; skips the write when the content is already identical.
 */
export async function writeSidecarFile(file: string, s: Sidecar): Promise<'written' | 'unchanged'> {
  return (await updateSidecarFile(file, () => s)).result;
}

export async function writeSidecar(articlePath: string, s: Sidecar): Promise<void> {
  await writeSidecarFile(sidecarPathFor(articlePath), s);
}
