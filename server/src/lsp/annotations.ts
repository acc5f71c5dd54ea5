// The server's keeper of sidecars: it loads each article's sidecar, re-anchors it when the text
// changed, hands the user's decisions to the analysis, rebuilds the sidecar from every new analysis
// (user decisions win) and writes it atomically when the policy allows. A sidecar that cannot be
// read (bad JSON, schema failure, conflict markers, newer version) is reported and never written.
// Undo reverts what one user action changed and nothing else.
// Other writers may replace a sidecar meanwhile (`qarina annotate`, another editor window): writes
// go through the sidecar's lock and, when the file changed since this server last saw it, the
// decisions on both sides are merged (storage/merge.ts) rather than one side's being dropped.
import * as path from 'path';
import { URI } from 'vscode-uri';
import type { SentenceLink } from '../engine/model';
import type { ArticleDecisions, CorpusDecisions } from '../engine/decisions';
import { noCorpusDecisions } from '../engine/decisions';
import type { Anchored, Sidecar, Status } from '../storage/format';
import { readSidecarFileRaw, parseSidecar, serializeSidecar, sha256Hex, sidecarPathFor, updateSidecarFile, SidecarProtectedError, type SidecarRead } from '../storage/sidecarFile';
import { mergeSidecars } from '../storage/merge';
import { fitsText, reanchorSidecar } from '../storage/anchor';
import { buildSidecar } from '../storage/build';
import { articleDecisionsOf, corpusDecisionsOf, linkKey } from '../storage/decisions';
import type { Decisions } from './queries';
import type { Workspace, Range } from './workspace';
import { readFile } from 'fs/promises';

export type WritePolicy = 'opened' | 'all' | 'never';

interface Entry {
  /** The sidecar as it stands in memory: last analysis plus the user's decisions. */
  sidecar: Sidecar | null;
  /** Why the sidecar on disk cannot be used; while set, it is never written. */
  problem: string | null;
  /** The text hash the in-memory sidecar's offsets refer to. */
  anchoredTo: string | null;
  /** The article was opened in the editor. */
  opened: boolean;
  /** The user made a decision on it, or a sidecar already existed: keep its sidecar current. */
  annotated: boolean;
  /** The sidecar file's content as this server last saw it (read or written; null: no file). A
   *  file that holds something else was written by someone else since: merge before replacing it,
   *  and tell our own writes from outside edits in watcher events. */
  disk: string | null;
  /** Links by key, for statuses. */
  linkIndex: Map<string, Status>;
  /** The analysis changed since `sidecar` was built, and nothing needed the sidecar yet: it is
   *  built when a feature or a write asks for it (a folder of thousands of articles the user
   *  never opens needs no sidecars in memory). */
  stale: boolean;
  /** The sidecar on disk has been read (or is being read). Until then nothing may be written:
   *  a sidecar built without the one on disk would drop the user's decisions. */
  loading: Promise<void> | null;
  /** The sidecar was read from disk and not yet checked against the text (fitsText). */
  unchecked: boolean;
}

export interface TreeItem { label: string; description?: string; kind: 'decision' | 'orphan' | 'note'; range?: Range; annotationId?: string }

export class Annotations implements Decisions {
  private readonly entries = new Map<string, Entry>();
  private readonly undoStack: { label: string; before: Map<string, Sidecar | null>; after: Map<string, Sidecar> }[] = [];
  private writes = new Map<string, Promise<void>>();

  constructor(
    private readonly ws: Workspace,
    private readonly log: (msg: string) => void,
    private readonly policy: () => WritePolicy,
  ) {}

  private entry(uri: string): Entry {
    let e = this.entries.get(uri);
    if (!e) {
      e = { sidecar: null, problem: null, anchoredTo: null, opened: false, annotated: false, disk: null, linkIndex: new Map(), stale: false, loading: null, unchecked: false };
      this.entries.set(uri, e);
    }
    return e;
  }

  private static file(uri: string): string {
    return URI.parse(uri).fsPath;
  }

  /** Only articles on disk have sidecars: an editor may also send untitled or remote documents,
   *  whose fsPath would name some other place on this disk (ftp://host/a.txt → /a.txt). */
  private static onDisk(uri: string): boolean {
    return URI.parse(uri).scheme === 'file';
  }

  /** Read the sidecars of many articles (at indexing). */
  async loadAll(uris: string[]): Promise<void> {
    await Promise.all(uris.map((u) => this.ensureLoaded(u)));
  }

  /**
   * Read the article's sidecar once. An entry can exist before that (an editor opened the article
   * while the folder was still being indexed, e.g. when VS Code restores its editors), so "has an
   * entry" is not "has read the disk"; later changes on disk arrive through reloadExternal().
   */
  ensureLoaded(uri: string): Promise<void> {
    const e = this.entry(uri);
    if (!Annotations.onDisk(uri)) return (e.loading ??= Promise.resolve());
    e.loading ??= readSidecarFileRaw(sidecarPathFor(Annotations.file(uri))).then(({ raw, read }) => {
      e.disk = raw;
      this.accept(uri, e, read);
    });
    return e.loading;
  }

  private accept(uri: string, e: Entry, read: SidecarRead): void {
    if (read.status === 'missing') {
      e.problem = null;
      return;
    }
    if (read.status === 'invalid') {
      e.problem = read.reason;
      this.log(`Sidecar ${sidecarPathFor(Annotations.file(uri))} is kept untouched and not used: ${read.reason}`);
      return;
    }
    e.problem = null;
    e.sidecar = read.sidecar;
    e.anchoredTo = read.sidecar.document.sha256;
    e.unchecked = true;
    e.annotated = true;
    if (read.migratedFrom) this.log(`Sidecar of ${Annotations.file(uri)} migrated from ${read.migratedFrom}; it will be rewritten in the current format.`);
    this.reindexLinks(e);
  }

  markOpened(uri: string): void {
    this.entry(uri).opened = true;
  }

  userReferenceDate(uri: string): string | null {
    const s = this.entries.get(uri)?.sidecar;
    return s && s.document.referenceDateSource === 'user' ? s.document.referenceDate : null;
  }

  /**
   * What the analysis of this text needs from the sidecar: the user's reference date and decisions.
   * The sidecar is re-anchored first when its offsets refer to another version of the text.
   */
  inputFor(uri: string, text: string): { userReferenceDate: string | null; decisions: ArticleDecisions | undefined } {
    const e = this.entry(uri);
    if (e.sidecar) {
      const sha = sha256Hex(text);
      // Read from disk for this very text, but not fitting it (offsets past its end, edited by
      // hand): re-anchored too. Checked once per reading.
      if (e.unchecked && e.anchoredTo === sha) {
        e.unchecked = false;
        if (!fitsText(e.sidecar, text)) {
          this.log(`Sidecar of ${path.basename(Annotations.file(uri))}: annotations whose offsets do not fit the article (past its end, or another quote); re-anchored.`);
          e.anchoredTo = null;
        }
      }
      if (e.anchoredTo !== sha) {
        e.unchecked = false;
        const r = reanchorSidecar(e.sidecar, text);
        e.sidecar = r.sidecar;
        e.anchoredTo = sha;
        if (r.moved || r.orphaned) this.log(`Re-anchored ${path.basename(Annotations.file(uri))}: ${r.kept} in place, ${r.moved} moved, ${r.orphaned} orphaned.`);
        this.reindexLinks(e);
      }
    }
    return { userReferenceDate: this.userReferenceDate(uri), decisions: e.sidecar ? articleDecisionsOf(e.sidecar) : undefined };
  }

  /** The corpus-wide decisions (merges, splits, rejected spellings) of every sidecar. */
  /** The corpus-wide decisions of the sidecars of the corpus's articles, and of `joining` (articles
   *  about to join it, for a folder being read). */
  corpusDecisions(joining?: Set<string>): CorpusDecisions {
    const list: { path: string; sidecar: Sidecar }[] = [];
    for (const [uri, e] of this.entries) if (e.sidecar && (this.ws.corpus.has(uri) || joining?.has(uri))) list.push({ path: uri, sidecar: e.sidecar });
    return list.length ? corpusDecisionsOf(list) : noCorpusDecisions();
  }

  /** After analysis: rebuild the sidecars of these articles and write those the policy allows. */
  async refresh(uris: string[], force = false): Promise<{ written: number; protectedFiles: number; merged: string[] }> {
    let written = 0, protectedFiles = 0;
    const merged: string[] = [];
    for (const uri of uris) {
      // Never build (and write) a sidecar before the one on disk has been read.
      await this.ensureLoaded(uri);
      const e = this.entry(uri);
      const policy = this.policy();
      const wanted = force || policy === 'all' || (policy === 'opened' && (e.opened || e.annotated)) || (policy === 'never' && e.annotated);
      // Nothing to write and nothing on disk: build the sidecar later, when something asks for it.
      if (!wanted && !e.sidecar && !e.opened) { e.stale = true; continue; }
      if (!this.build(uri, e)) continue;
      if (e.problem) { protectedFiles++; continue; }
      const write = wanted && (policy !== 'never' || force || hasDecisions(e.sidecar!));
      if (write) {
        const w = await this.write(uri, e);
        if (w.written) written++;
        if (w.merged) merged.push(uri);
      }
    }
    // The articles whose decisions grew by someone else's: to be analysed again with them.
    return { written, protectedFiles, merged };
  }

  /** Rebuild an article's in-memory sidecar from its current analysis (user decisions win). */
  private build(uri: string, e: Entry): boolean {
    const a = this.ws.analysis(uri);
    const doc = this.ws.document(uri);
    if (!a || !doc) return false;
    const text = doc.getText();
    const sha = sha256Hex(text);
    if (e.sidecar && (e.anchoredTo !== sha || e.unchecked)) this.inputFor(uri, text);
    const from = Annotations.file(uri);
    e.sidecar = buildSidecar({
      path: path.basename(from),
      text,
      sha256: sha,
      analysis: a,
      links: this.ws.corpus.linksFrom(uri),
      previous: e.sidecar,
      relativePath: (target: string) => relative(from, target),
    });
    e.anchoredTo = sha;
    e.stale = false;
    this.reindexLinks(e);
    return true;
  }

  /** The entry with its sidecar built if the analysis moved on since (see Entry.stale). */
  private current(uri: string): Entry | undefined {
    const e = this.entries.get(uri);
    if (e?.stale) this.build(uri, e);
    return e;
  }

  private async write(uri: string, e: Entry): Promise<{ written: boolean; merged: boolean }> {
    if (!Annotations.onDisk(uri) || serializeSidecar(e.sidecar!) === e.disk) return { written: false, merged: false };
    // One write at a time per file, in order.
    const previous = this.writes.get(uri) ?? Promise.resolve();
    let written = false, merged = false;
    const next = previous.then(async () => {
      try {
        const w = await updateSidecarFile(sidecarPathFor(Annotations.file(uri)), (now) => {
          // Someone else wrote the file since we last saw it: keep their decisions and ours.
          if (now.raw !== e.disk && now.sidecar && this.mergeFrom(uri, e, now.sidecar)) merged = true;
          return e.sidecar!;
        });
        e.disk = w.raw;
        written = w.result === 'written';
      } catch (err) {
        if (err instanceof SidecarProtectedError) {
          e.problem = err.message;
          this.log(`Sidecar ${sidecarPathFor(Annotations.file(uri))} left untouched: ${err.message}`);
        } else {
          this.log(`Could not write the sidecar of ${Annotations.file(uri)}: ${String(err)}`);
        }
      }
    });
    this.writes.set(uri, next);
    await next;
    return { written, merged };
  }

  /** Merges the decisions of a sidecar someone else wrote into ours; false when we have none yet
   *  (theirs is then simply taken) or the text is not known. */
  private mergeFrom(uri: string, e: Entry, theirs: Sidecar): boolean {
    const text = this.ws.document(uri)?.getText();
    if (!e.sidecar || text === undefined) return false;
    const base = e.disk ? parseSidecar(e.disk) : null;
    e.sidecar = mergeSidecars(base?.status === 'ok' ? base.sidecar : null, e.sidecar, theirs, text);
    e.anchoredTo = sha256Hex(text);
    this.reindexLinks(e);
    return true;
  }

  /**
   * A sidecar changed on disk. Returns true when it holds something new (an outside edit, a git
   * pull), so the article must be re-analysed with its decisions; false for our own writes.
   */
  async reloadExternal(uri: string): Promise<boolean> {
    const e = this.entry(uri);
    if (!Annotations.onDisk(uri)) return false;
    let content: string;
    try {
      content = await readFile(sidecarPathFor(Annotations.file(uri)), 'utf8');
    } catch {
      // Deleted: forget the problem (nothing left to protect); keep the decisions in memory.
      const had = e.problem !== null;
      e.problem = null;
      return had;
    }
    if (content === e.disk) return false;
    const read = parseSidecar(content);
    // Decisions made here and not yet written survive: merged with the file's, not replaced by it.
    // The merge's base is what this server last saw on disk (e.disk), so it is updated after.
    if (read.status === 'ok' && this.mergeFrom(uri, e, read.sidecar)) {
      e.disk = content;
      e.problem = null;
      e.annotated = true;
      return true;
    }
    e.disk = content;
    this.accept(uri, e, read);
    return true;
  }

  // ── Decisions (statuses for the features) ───────────────────────────────────────────────────

  statusOf(uri: string, kind: 'entity' | 'date' | 'quantity', start: number, end: number): Status {
    const s = this.entries.get(uri)?.sidecar;
    if (!s) return 'suggested';
    const list: (Anchored & { status: Status })[] = kind === 'entity' ? s.entities : kind === 'date' ? s.dates : s.quantities;
    return list.find((x) => !x.orphaned && x.start === start && x.end === end)?.status ?? 'suggested';
  }

  linkStatus(link: SentenceLink): Status {
    const e = this.entries.get(link.from.path);
    if (!e) return 'suggested';
    const key = linkKey(link.from, relative(Annotations.file(link.from.path), Annotations.file(link.target.path)), link.target.quote);
    return e.linkIndex.get(key) ?? 'suggested';
  }

  private reindexLinks(e: Entry): void {
    e.linkIndex = new Map();
    for (const l of e.sidecar?.links ?? []) if (!l.orphaned) e.linkIndex.set(linkKey(l, l.target.path, l.target.quote), l.status);
  }

  // ── User actions ────────────────────────────────────────────────────────────────────────────

  /** The in-memory sidecar of an article, for a user action (built by the last refresh). */
  sidecar(uri: string): Sidecar | null {
    return this.current(uri)?.sidecar ?? null;
  }

  problem(uri: string): string | null {
    return this.entries.get(uri)?.problem ?? null;
  }

  /**
   * Apply a user action to some sidecars: records them for undo, runs the change, marks the
   * articles annotated. The caller re-analyses and refreshes afterwards.
   */
  change(label: string, uris: string[], fn: (sidecars: Map<string, Sidecar>) => void): void {
    const before = new Map<string, Sidecar | null>();
    const current = new Map<string, Sidecar>();
    for (const uri of new Set(uris)) {
      const e = this.entry(uri);
      if (e.stale) this.build(uri, e);
      if (!e.sidecar) throw new Error(`${path.basename(Annotations.file(uri))} has not been analysed yet.`);
      before.set(uri, structuredClone(e.sidecar));
      current.set(uri, e.sidecar);
      e.annotated = true;
    }
    fn(current);
    for (const e of current.keys()) this.reindexLinks(this.entry(e));
    const after = new Map([...current].map(([uri, s]) => [uri, structuredClone(s)]));
    this.undoStack.push({ label, before, after });
    if (this.undoStack.length > 200) this.undoStack.shift();
  }

  /** Revert the last user action; returns the articles it touched and what it was. */
  undo(): { label: string; uris: string[] } | null {
    const last = this.undoStack.pop();
    if (!last) return null;
    for (const [uri, s] of last.before) {
      const e = this.entry(uri);
      const doc = this.ws.document(uri);
      const after = last.after.get(uri);
      if (s && after && e.sidecar && doc) {
        // Revert this action's changes only: what happened since (another window's decisions
        // merged in) stays. A three-way merge from the state after the action to the one before.
        e.sidecar = mergeSidecars(after, s, e.sidecar, doc.getText());
        e.anchoredTo = sha256Hex(doc.getText());
      } else {
        e.sidecar = s;
        e.anchoredTo = s ? s.document.sha256 : null;
        // The text may have changed since: re-anchor against what the article says now.
        if (doc && s) this.inputFor(uri, doc.getText());
      }
      this.reindexLinks(e);
    }
    return { label: last.label, uris: [...last.before.keys()] };
  }

  // ── The Annotations view ────────────────────────────────────────────────────────────────────

  userItems(uri: string): TreeItem[] {
    const s = this.sidecar(uri);
    if (!s) return [];
    const items: TreeItem[] = [];
    const range = (x: Anchored) => (this.ws.document(uri) && !x.orphaned ? this.ws.range(uri, x) : undefined);
    for (const x of s.entities) if (!x.orphaned && (x.origin === 'user' || x.status !== 'suggested')) items.push({ label: x.text, description: `${x.type} · ${x.origin === 'user' ? 'added' : x.status}`, kind: 'decision', range: range(x), annotationId: x.id });
    for (const x of s.dates) if (!x.orphaned && (x.origin === 'user' || x.status !== 'suggested')) items.push({ label: x.text, description: `${x.value} · ${x.origin === 'user' ? 'added' : x.status}`, kind: 'decision', range: range(x), annotationId: x.id });
    for (const x of s.links) if (!x.orphaned && x.status !== 'suggested') items.push({ label: x.target.quote.slice(0, 60), description: `${x.relation} ${x.target.path} · ${x.status}`, kind: 'decision', range: range(x), annotationId: x.id });
    for (const x of s.checks) if (!x.orphaned) items.push({ label: x.text.slice(0, 60), description: 'checked', kind: 'decision', range: range(x), annotationId: x.id });
    for (const m of s.corpus.merges) items.push({ label: `${m.from} → ${m.into}`, description: 'merged', kind: 'decision', annotationId: m.id });
    for (const x of s.corpus.splits) if (!x.orphaned) items.push({ label: x.text, description: `split off ${x.from}`, kind: 'decision', range: range(x), annotationId: x.id });
    for (const r of s.corpus.rejectedSurfaces) items.push({ label: r.text, description: 'rejected everywhere', kind: 'decision', annotationId: r.id });
    return items;
  }

  notes(uri: string): TreeItem[] {
    const s = this.sidecar(uri);
    if (!s) return [];
    return s.notes.filter((n) => !n.orphaned).map((n) => ({ label: n.body, description: n.text.slice(0, 40), kind: 'note', range: this.ws.document(uri) ? this.ws.range(uri, n) : undefined, annotationId: n.id }));
  }

  orphans(uri: string): TreeItem[] {
    const s = this.sidecar(uri);
    if (!s) return [];
    const out: TreeItem[] = [];
    const push = (what: string, list: Anchored[]) => {
      for (const x of list) if (x.orphaned) out.push({ label: x.text, description: `${what} · its text changed`, kind: 'orphan', annotationId: x.id });
    };
    push('entity', s.entities); push('date', s.dates); push('quantity', s.quantities); push('link', s.links);
    push('note', s.notes); push('checked', s.checks); push('split', s.corpus.splits);
    return out;
  }
}

/** A sidecar holds something of the user's (worth writing even when automatic writes are off). */
function hasDecisions(s: Sidecar): boolean {
  const user = (x: { origin?: string; status?: string }) => x.origin === 'user' || (x.status !== undefined && x.status !== 'suggested');
  return s.entities.some(user) || s.dates.some(user) || s.quantities.some(user) || s.links.some(user) || s.notes.length > 0 || s.checks.length > 0
    || s.corpus.merges.length + s.corpus.splits.length + s.corpus.rejectedSurfaces.length > 0 || s.document.referenceDateSource === 'user';
}

/** A link target's path as stored in a sidecar: relative to the sidecar's folder, with '/'. */
function relative(fromFile: string, target: string): string {
  const t = target.startsWith('file:') ? URI.parse(target).fsPath : target;
  return path.relative(path.dirname(fromFile), t).split(path.sep).join('/');
}
