// A minimal LSP client for the protocol tests: spawns the BUILT server (dist/server.js) over stdio
// and speaks JSON-RPC to it. By default it plays an editor like VS Code: it declares and answers
// the server→client requests (progress, dynamic registration, configuration, refresh). It can also
// play an editor that declares no optional capability and answers no request, or one that declares
// them all and fails every one. Every request the server sends is recorded. Tests wait for
// conditions, never for fixed times.
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { createMessageConnection, ErrorCodes, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { URI } from 'vscode-uri';
import { tempSampleCopy } from '../support/samples';
import { waitFor as waitUntil } from '../support/waitFor';

export const REPO = path.resolve(__dirname, '../..');
export const SERVER = path.join(REPO, 'dist', 'server.js');

export interface Diagnostics { uri: string; diagnostics: any[] }

/** `full`: declares and answers what VS Code does. `none`: declares no optional capability and
 *  answers every request with MethodNotFound, as a minimal editor does. `failing`: declares them
 *  all and answers every request with an error. */
export type EditorKind = 'full' | 'none' | 'failing';

/** The client capabilities of a VS Code-like editor, for the server→client requests. */
const FULL_CAPABILITIES = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceFolders: true,
    semanticTokens: { refreshSupport: true },
    codeLens: { refreshSupport: true },
  },
  window: { workDoneProgress: true },
  textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] }, publishDiagnostics: { relatedInformation: true } },
};

export class LspClient {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly conn: MessageConnection;
  readonly diagnostics = new Map<string, any[]>();
  readonly logs: string[] = [];
  readonly progress: any[] = [];
  /** Every request the server sent to this client, in order. */
  readonly requests: { method: string; params: unknown }[] = [];
  stderr = '';
  /** Set when the server process ended. */
  exit: { code: number | null; signal: string | null } | null = null;
  /** Rejects when the server process ends: requests and waits fail at once instead of hanging. */
  private readonly ended: Promise<never>;

  constructor(settings: Record<string, unknown> = {}, readonly kind: EditorKind = 'full') {
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run "npm run build" first`);
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    this.proc.stderr.on('data', (d) => (this.stderr += d.toString()));
    this.ended = new Promise<never>((_, reject) =>
      this.proc.on('exit', (code, signal) => {
        this.exit = { code, signal };
        reject(new Error(`the server exited (code ${code}, signal ${signal}); stderr:\n${this.stderr.slice(-3000)}`));
      }),
    );
    this.ended.catch(() => undefined);
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: Diagnostics) => void this.diagnostics.set(p.uri, p.diagnostics));
    this.conn.onNotification('window/logMessage', (p: { message: string }) => void this.logs.push(p.message));
    this.conn.onNotification('$/progress', (p: any) => void this.progress.push(p.value));
    this.conn.onRequest((method: string, params: unknown) => {
      this.requests.push({ method, params });
      if (kind === 'none') return new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`);
      if (kind === 'failing') return new ResponseError(ErrorCodes.InternalError, `${method} failed in the editor`);
      if (method === 'workspace/configuration') return (params as { items: unknown[] }).items.map(() => ({ ...settings }));
      return null;
    });
    this.conn.listen();
  }

  async initialize(folder: string, locale = 'en'): Promise<any> {
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      locale,
      rootUri: URI.file(folder).toString(),
      workspaceFolders: [{ uri: URI.file(folder).toString(), name: path.basename(folder) }],
      capabilities: this.kind === 'none' ? {} : FULL_CAPABILITIES,
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  request<T = any>(method: string, params?: unknown): Promise<T> {
    return this.whileRunning(this.conn.sendRequest(method, params) as Promise<T>);
  }

  /** `p`, or a failure as soon as the server process ends. */
  whileRunning<T>(p: Promise<T>): Promise<T> {
    return Promise.race([p, this.ended]);
  }

  notify(method: string, params?: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  async open(file: string, text?: string): Promise<string> {
    const uri = URI.file(file).toString();
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: text ?? fs.readFileSync(file, 'utf8') } });
    return uri;
  }

  /** Wait until the server reports a finished index (status request), bounded. */
  async waitIndexed(articles: number, timeoutMs = 60000): Promise<any> {
    const indexed = waitFor(async () => {
      const s = await this.request('qarina/status');
      return !s.indexing && s.articles >= articles ? s : undefined;
    }, timeoutMs, `server did not index ${articles} articles`);
    return this.whileRunning(indexed);
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.request('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.notify('exit');
    } catch {
      // already gone
    }
    this.conn.dispose();
    this.proc.kill();
  }
}

/** Poll `check` until it returns a value (not undefined/false), or fail after the deadline. */
export function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs: number, what: string): Promise<T> {
  return waitUntil(what, check, timeoutMs, 50);
}

/** A fresh copy of the bundled sample articles, and nothing else that `npm start` or `qarina export`
 *  may have left in samples/ (tests must never write sidecars into the repo). */
export function copySamples(): string {
  return tempSampleCopy('qarina-proto-');
}

/** A server on a fresh copy of the samples, fully indexed, with one article open in the editor. */
export async function samplesWithOpenArticle(article: string): Promise<{ client: LspClient; folder: string; text: string; uri: string }> {
  const folder = copySamples();
  const client = new LspClient();
  await client.initialize(folder);
  await client.waitIndexed(5);
  const text = fs.readFileSync(path.join(folder, article), 'utf8');
  const uri = await client.open(path.join(folder, article), text);
  return { client, folder, text, uri };
}

export function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not found in text: ${needle}`);
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}
