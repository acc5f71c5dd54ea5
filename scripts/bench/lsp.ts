// Drives the built language server (dist/server.js) over stdio as an editor does, and measures
// what a person feels: time to a fully indexed folder, hover latency next to the round trip of a
// trivial request (the floor), a typed word → updated diagnostics, hovers while typing, and the
// time to the first hover after a restart on the unchanged folder.
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { URI } from 'vscode-uri';
import { cpuMs, now, peakRssMb, percentile, rssMb } from './proc';
import { rng } from './corpora';

export interface Latency { n: number; p50: number; p95: number; p99: number }

export interface ServerFigures {
  articles: number;
  skipped: number;
  indexedMs: number | null;
  indexedCpuMs: number | null;
  peakRssMb: number | null;
  links: number | null;
  hover: Latency | null;
  hoverNonEmpty: number;
  floor: Latency | null;
  edit: Latency | null;
  hoverWhileTyping: Latency | null;
  reopenFirstHoverMs: number | null;
  reopenIndexedMs: number | null;
  reopenPeakRssMb: number | null;
  notes: string[];
}

export interface ServerOptions {
  server: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  maxRssMb: number;
  hovers: number;
  edits: number;
  log: (msg: string) => void;
}

const lat = (xs: number[]): Latency | null => (xs.length ? { n: xs.length, p50: percentile(xs, 50), p95: percentile(xs, 95), p99: percentile(xs, 99) } : null);

class Session {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  readonly started = now();
  readonly progress: { at: number; value: any }[] = [];
  private diagWaiters: { uri: string; resolve: (t: number) => void }[] = [];
  exited = false;
  /** The server's own account of an indexing run (time per step), when it logs one. */
  readonly analysed: string[] = [];
  killedFor: string | null = null;
  private readonly guard: NodeJS.Timeout;

  constructor(opts: ServerOptions) {
    this.proc = spawn(process.execPath, [opts.server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: opts.env });
    this.proc.stderr!.on('data', () => undefined);
    this.proc.on('exit', () => { this.exited = true; });
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => {
      const t = now();
      const ready = this.diagWaiters.filter((w) => w.uri === p.uri);
      this.diagWaiters = this.diagWaiters.filter((w) => w.uri !== p.uri);
      for (const w of ready) w.resolve(t);
    });
    this.conn.onNotification('$/progress', (p: { value: unknown }) => void this.progress.push({ at: now(), value: p.value }));
    this.conn.onNotification('window/logMessage', (p: { message: string }) => {
      if (/^Analysed \d+ articles/.test(p.message)) this.analysed.push(p.message);
    });
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    this.conn.onRequest('workspace/codeLens/refresh', () => null);
    this.conn.onRequest('workspace/semanticTokens/refresh', () => null);
    this.conn.onError(() => undefined);
    this.conn.onClose(() => undefined);
    this.conn.listen();
    // Memory guard: a run that grows past the limit is stopped and reported, not left to take
    // the machine down.
    this.guard = setInterval(() => {
      const rss = rssMb(this.proc.pid!);
      if (rss !== null && rss > opts.maxRssMb && !this.killedFor) {
        this.killedFor = `stopped at ${Math.round(rss)} MB resident (limit ${opts.maxRssMb} MB) after ${((now() - this.started) / 1000).toFixed(0)} s`;
        this.proc.kill('SIGKILL');
      }
    }, 250);
  }

  async initialize(folder: string): Promise<void> {
    await this.conn.sendRequest('initialize', {
      processId: process.pid,
      locale: 'en',
      rootUri: URI.file(folder).toString(),
      workspaceFolders: [{ uri: URI.file(folder).toString(), name: path.basename(folder) }],
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
        window: { workDoneProgress: true },
        textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
    });
    await this.conn.sendNotification('initialized', {});
  }

  request<T = any>(method: string, params?: unknown): Promise<T> {
    if (this.exited) return Promise.reject(new Error(this.killedFor ?? 'server exited'));
    return this.conn.sendRequest(method, params) as Promise<T>;
  }

  nextDiagnostics(uri: string): Promise<number> {
    return new Promise((resolve) => this.diagWaiters.push({ uri, resolve }));
  }

  /** Polls the status request (one at a time) until the folder is fully indexed. */
  async waitIndexed(expected: number, deadline: number): Promise<any | null> {
    for (;;) {
      if (this.exited) return null;
      try {
        const s = await Promise.race([this.request('qarina/status'), sleep(Math.max(0, deadline - now())).then(() => null)]);
        if (s && !s.indexing && s.articles + s.skipped.length >= expected) return s;
      } catch {
        return null;
      }
      if (now() > deadline) return null;
      await sleep(100);
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.guard);
    if (!this.exited) {
      try {
        await Promise.race([this.conn.sendRequest('shutdown'), sleep(5000)]);
        await this.conn.sendNotification('exit');
      } catch { /* gone */ }
      await Promise.race([new Promise((r) => this.proc.once('exit', r)), sleep(5000)]);
      if (!this.exited) this.proc.kill('SIGKILL');
    }
    this.conn.dispose();
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0, lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) { line++; lineStart = i + 1; }
  return { line, character: offset - lineStart };
}

interface Target { uri: string; text: string; offsets: number[] }

/** Articles and word offsets to hover, chosen at random (fixed seed). */
function targets(folder: string, files: string[], count: number, seed: number): Target[] {
  const rand = rng(seed);
  const out: Target[] = [];
  for (let i = 0; i < count; i++) {
    const f = files[Math.floor(rand() * files.length)];
    const text = fs.readFileSync(path.join(folder, f), 'utf8');
    const words = [...text.matchAll(/[\u0621-\u064A]{3,}/g)].map((m) => m.index! + 1);
    if (words.length) out.push({ uri: URI.file(path.join(folder, f)).toString(), text, offsets: [words[Math.floor(rand() * words.length)]] });
  }
  return out;
}

export async function measureServer(folder: string, expected: number, opts: ServerOptions): Promise<ServerFigures> {
  const files = fs.readdirSync(folder).filter((f) => /\.(txt|md)$/.test(f)).sort();
  const fig: ServerFigures = {
    articles: 0, skipped: 0, indexedMs: null, indexedCpuMs: null, peakRssMb: null, links: null, hover: null, hoverNonEmpty: 0, floor: null,
    edit: null, hoverWhileTyping: null, reopenFirstHoverMs: null, reopenIndexedMs: null, reopenPeakRssMb: null, notes: [],
  };
  // ---- cold: spawn → fully indexed
  let s = new Session(opts);
  await s.initialize(folder);
  const status = await s.waitIndexed(expected, s.started + opts.timeoutMs);
  if (!status) {
    fig.notes.push(s.killedFor ?? `not indexed after ${Math.round(opts.timeoutMs / 60000)} min`);
    const last = [...s.progress].reverse().find((p) => p.value?.message);
    if (last) fig.notes.push(`last progress: ${last.value.message} at ${((last.at - s.started) / 1000).toFixed(0)} s`);
    fig.peakRssMb = peakRssMb(s.proc.pid!);
    await s.stop();
    return fig;
  }
  fig.indexedMs = now() - s.started;
  fig.indexedCpuMs = cpuMs(s.proc.pid!);
  // The peak up to here is indexing's own; the one reported (after typing) may be later.
  fig.notes.push(`cold: peak RSS when fully indexed ${Math.round(peakRssMb(s.proc.pid!) ?? 0)} MB`);
  fig.articles = status.articles;
  fig.skipped = status.skipped.length;
  fig.links = 2 * (status.links.corroborates + status.links.contradicts + status.links.differentEvent);
  opts.log(`  indexed ${status.articles} articles in ${(fig.indexedMs / 1000).toFixed(1)} s (CPU ${((fig.indexedCpuMs ?? 0) / 1000).toFixed(1)} s)`);

  // ---- hovers, each next to a trivial request (an unknown method: the JSON-RPC round trip)
  const hoverMs: number[] = [], floorMs: number[] = [];
  let good: { uri: string; position: { line: number; character: number } } | null = null;
  const deadline = now() + opts.timeoutMs;
  for (const t of targets(folder, files, opts.hovers, 7)) {
    if (now() > deadline || s.exited) { fig.notes.push(`hovers stopped after ${hoverMs.length}`); break; }
    const position = positionAt(t.text, t.offsets[0]);
    let t0 = now();
    const h = await s.request('textDocument/hover', { textDocument: { uri: t.uri }, position }).catch(() => null);
    hoverMs.push(now() - t0);
    if (h) { fig.hoverNonEmpty++; good ??= { uri: t.uri, position }; }
    t0 = now();
    await s.request('qarina/benchPing').catch(() => null);
    floorMs.push(now() - t0);
  }
  fig.hover = lat(hoverMs);
  fig.floor = lat(floorMs);
  opts.log(`  hover p50 ${fig.hover?.p50.toFixed(2)} p95 ${fig.hover?.p95.toFixed(2)} ms (floor p50 ${fig.floor?.p50.toFixed(2)})`);

  // ---- a typed word → the edited article's diagnostics
  const editMs: number[] = [];
  const typingHoverMs: number[] = [];
  const words = [' الحكومة', ' اليوم', ' الرياض', ' ثلاثة', ' مسؤول'];
  const editTargets = targets(folder, files, opts.edits, 13);
  for (let k = 0; k < editTargets.length && now() < deadline && !s.exited; k++) {
    const t = editTargets[k];
    const opened = s.nextDiagnostics(t.uri);
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: t.uri, languageId: 'plaintext', version: 1, text: t.text } });
    await opened;
    const at = t.text.search(/[.،]/);
    const position = positionAt(t.text, at < 0 ? t.text.length : at);
    const done = s.nextDiagnostics(t.uri);
    const t0 = now();
    await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri: t.uri, version: 2 }, contentChanges: [{ range: { start: position, end: position }, text: words[k % words.length] }] });
    editMs.push((await done) - t0);
    // Typing letter by letter (every 40 ms) in this article while hovering another one.
    const other = editTargets[(k + 1) % editTargets.length];
    let typing = true;
    const hovering = (async () => {
      while (typing) {
        const h0 = now();
        await s.request('textDocument/hover', { textDocument: { uri: other.uri }, position: positionAt(other.text, other.offsets[0]) }).catch(() => null);
        typingHoverMs.push(now() - h0);
      }
    })();
    const word = 'المفاوضات';
    let version = 2;
    let settled = s.nextDiagnostics(t.uri);
    for (let c = 0; c < word.length; c++) {
      const pos = { line: position.line, character: position.character + words[k % words.length].length + 1 + c };
      if (c === 0) await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri: t.uri, version: ++version }, contentChanges: [{ range: { start: { ...pos, character: pos.character - 1 }, end: { ...pos, character: pos.character - 1 } }, text: ' ' }] });
      await s.conn.sendNotification('textDocument/didChange', { textDocument: { uri: t.uri, version: ++version }, contentChanges: [{ range: { start: pos, end: pos }, text: word[c] }] });
      settled = s.nextDiagnostics(t.uri);
      await sleep(40);
    }
    await Promise.race([settled, sleep(opts.timeoutMs)]);
    typing = false;
    await hovering;
  }
  fig.edit = lat(editMs);
  fig.hoverWhileTyping = lat(typingHoverMs);
  opts.log(`  typed word → diagnostics p50 ${fig.edit?.p50.toFixed(0)} p95 ${fig.edit?.p95.toFixed(0)} ms; hover while typing p95 ${fig.hoverWhileTyping?.p95.toFixed(1)} ms`);
  fig.peakRssMb = peakRssMb(s.proc.pid!);
  fig.notes.push(...s.analysed.slice(0, 1).map((m) => `cold: ${m}`));
  await s.stop();

  // ---- reopen the unchanged folder: restart → first hover, and → fully indexed
  s = new Session(opts);
  await s.initialize(folder);
  const reopenDeadline = s.started + opts.timeoutMs;
  if (good) {
    for (;;) {
      const h = await Promise.race([s.request('textDocument/hover', { textDocument: { uri: good.uri }, position: good.position }).catch(() => null), sleep(Math.max(0, reopenDeadline - now())).then(() => null)]);
      if (h) { fig.reopenFirstHoverMs = now() - s.started; break; }
      if (now() > reopenDeadline || s.exited) break;
      await sleep(20);
    }
  }
  const again = await s.waitIndexed(expected, reopenDeadline);
  if (again) fig.reopenIndexedMs = now() - s.started;
  else fig.notes.push(`reopen: ${s.killedFor ?? 'not indexed in time'}`);
  fig.reopenPeakRssMb = peakRssMb(s.proc.pid!);
  fig.notes.push(...s.analysed.slice(0, 1).map((m) => `reopen: ${m}`));
  opts.log(`  reopen: first hover ${fig.reopenFirstHoverMs?.toFixed(0)} ms, indexed ${fig.reopenIndexedMs?.toFixed(0)} ms`);
  await s.stop();
  return fig;
}
