// The language server under faults, over JSON-RPC as an editor speaks to it: malformed messages,
// unknown methods, positions beyond the end of the text, a burst of 1,000 edits, requests after
// shutdown (refused, as the protocol says). After each: the process is still running and answers. Memory stays flat under
// repeated bursts of edits (measured in-process, on the heap after garbage collection).
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { PassThrough } from 'stream';
import * as v8 from 'v8';
import * as vm from 'vm';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { createMessageConnection } from 'vscode-jsonrpc/node';
import { URI } from 'vscode-uri';
import { startServer } from '../../server/src/server';
import { PendingAnalyses } from '../../server/src/lsp/pendingAnalyses';
import { parseSidecar, sha256Hex } from '../../server/src/storage/sidecarFile';
import { copySamples, LspClient, samplesWithOpenArticle } from '../protocol/lspClient';
import { LONG, SEED } from '../support/faults';
import { waitFor } from '../support/waitFor';

const A = '000_733615ac9775bde5.txt';
type Pos = { line: number; character: number };

/** An answer (a result or an error response) within `ms`, or a failure naming what hung. */
async function answered(client: LspClient, method: string, params: unknown, ms = 20_000): Promise<{ result?: any; error?: any }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      client.request(method, params).then((result) => ({ result }), (error) => {
        if (/the server exited/.test(String(error?.message))) throw error;
        return { error };
      }),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer to ${method} ${JSON.stringify(params)?.slice(0, 120)} within ${ms} ms`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

describe('faults: the language server keeps serving', function () {
  this.timeout(LONG ? 1_800_000 : 180_000);
  let client: LspClient;
  let folder: string;
  let uri: string;
  let text: string;
  const alive = async () => {
    assert.equal(client.exit, null, `the server exited: ${JSON.stringify(client.exit)}\n${client.stderr.slice(-2000)}`);
    const r = await answered(client, 'qarina/status', undefined);
    assert.equal(r.result?.articles, 5, JSON.stringify(r));
  };

  before(async () => {
    ({ client, folder, text, uri } = await samplesWithOpenArticle(A));
  });
  after(async () => {
    await client?.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('malformed JSON-RPC: bad JSON, non-messages, broken headers, broken UTF-8', async () => {
    const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const cases: [string, string | Buffer][] = [
      ['a body that is not JSON', frame('{not json at all')],
      ['JSON that is not a message', frame('{"foo": 1}')],
      ['JSON-RPC 1.0', frame('{"jsonrpc":"1.0","id":77,"method":"qarina/status"}')],
      ['an id without a method', frame('{"jsonrpc":"2.0","id":78}')],
      ['a response nobody asked for', frame('{"jsonrpc":"2.0","id":9999,"result":{}}')],
      ['a batch', frame('[{"jsonrpc":"2.0","id":79,"method":"qarina/status"}]')],
      ['null', frame('null')],
      ['params of the wrong type', frame('{"jsonrpc":"2.0","id":80,"method":"textDocument/hover","params":"x"}')],
      ['an unknown header', `X-Foo: bar\r\n${frame('{}')}`],
      ['a header without Content-Length', 'Content-Type: x\r\n\r\n'],
      ['a line that is not a header', 'hello world\r\n\r\n'],
      ['a Content-Length that is not a number', 'Content-Length: abc\r\n\r\n'],
      ['bytes that are not UTF-8', Buffer.concat([Buffer.from('Content-Length: 4\r\n\r\n'), Buffer.from([0xff, 0xfe, 0x7b, 0x7d])])],
    ];
    for (const [name, bytes] of cases) {
      client.proc.stdin.write(bytes);
      try {
        await alive();
      } catch (e) {
        throw new Error(`after ${name}: ${(e as Error).message}`);
      }
    }
  });

  it('unknown methods: an error for a request, nothing for a notification', async () => {
    const r = await answered(client, 'qarina/noSuchRequest', { x: 1 });
    assert.equal(r.error?.code, -32601, JSON.stringify(r));
    await client.notify('qarina/noSuchNotification', { x: 1 });
    await client.notify('$/noSuchNotification', null);
    await alive();
  });

  it('positions beyond the end, negative or not numbers, in every request that takes one', async () => {
    const positions: Pos[] = [{ line: 1_000_000, character: 0 }, { line: 2, character: 1_000_000 }, { line: -5, character: -3 }, { line: 1.5, character: 2.5 }, { line: 'x', character: null } as unknown as Pos];
    const far = { line: 1_000_000, character: 1_000_000 };
    const td = { uri };
    let n = 0;
    for (const p of positions) {
      const requests: [string, unknown][] = [
        ['textDocument/hover', { textDocument: td, position: p }],
        ['textDocument/definition', { textDocument: td, position: p }],
        ['textDocument/references', { textDocument: td, position: p, context: { includeDeclaration: true } }],
        ['textDocument/codeAction', { textDocument: td, range: { start: p, end: far }, context: { diagnostics: [] } }],
        ['qarina/sentenceLinks', { uri, position: p }],
        ['workspace/executeCommand', { command: 'qarina.server.rejectAnnotation', arguments: [{ uri, position: p, kind: 'entity' }] }],
        ['workspace/executeCommand', { command: 'qarina.server.markChecked', arguments: [{ uri, position: p }] }],
        ['workspace/executeCommand', { command: 'qarina.server.addNote', arguments: [{ uri, range: { start: p, end: p }, text: 'x' }] }],
      ];
      for (const [method, params] of requests) {
        await answered(client, method, params);
        n++;
      }
    }
    for (const [method, params] of [
      ['textDocument/codeLens', { textDocument: { uri: 'file:///nowhere/a.txt' } }],
      ['textDocument/hover', { textDocument: { uri: 'untitled:a.txt' }, position: { line: 0, character: 0 } }],
      ['qarina/highlights', { uri: 'file:///nowhere/a.txt' }],
      ['qarina/annotationTree', { uri: 'not a uri' }],
      ['textDocument/semanticTokens/full', { textDocument: { uri: 'file:///nowhere/a.md' } }],
      ['workspace/symbol', { query: '\u202E'.repeat(10_000) }],
    ] as [string, unknown][]) {
      await answered(client, method, params);
      n++;
    }
    // Edits beyond the end, to a document never opened, and a document that is not a file.
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: far, end: far }, text: '' }] });
    await client.notify('textDocument/didChange', { textDocument: { uri: 'file:///nowhere/b.txt', version: 2 }, contentChanges: [{ text: 'x' }] });
    await client.notify('textDocument/didOpen', { textDocument: { uri: 'ftp://host/c.txt', languageId: 'plaintext', version: 1, text: 'نص قصير عن المحادثات في سلطنة عمان.' } });
    await client.notify('textDocument/didClose', { textDocument: { uri: 'ftp://host/c.txt' } });
    assert.equal(fs.existsSync('/c.txt.annotations.json'), false, 'a sidecar was written for a document that is not a file');
    await alive();
    assert.ok(n > 40);
  });

  it('commands given ranges outside the article are refused, not clamped', async () => {
    const highlights = async () => JSON.stringify((await answered(client, 'qarina/highlights', { uri })).result);
    const before = await highlights();
    const lines = text.split('\n');
    const cases: [string, unknown][] = [
      ['qarina.server.addEntity', { uri, range: { start: { line: 1e9, character: 0 }, end: { line: -1, character: 0 } }, type: 'PER' }],
      ['qarina.server.addEntity', { uri, range: { start: { line: 0, character: 0 }, end: { line: lines.length + 5, character: 0 } }, type: 'ORG' }],
      ['qarina.server.addEntity', { uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: lines[0].length + 100 } }, type: 'LOC' }],
      ['qarina.server.addDate', { uri, range: { start: { line: -3, character: 0 }, end: { line: 2, character: 4 } }, value: '2024-05-14' }],
      ['qarina.server.addNote', { uri, range: { start: { line: 0, character: 0 }, end: { line: 1e9, character: 1e9 } }, text: 'x' }],
      ['qarina.server.markChecked', { uri, position: { line: 1e9, character: 0 } }],
    ];
    for (const [command, arg] of cases) {
      const r = await answered(client, 'workspace/executeCommand', { command, arguments: [arg] });
      assert.match(r.result?.message ?? '', /is not in/, `${command} ${JSON.stringify(arg)}: ${JSON.stringify(r)}`);
    }
    assert.equal(await highlights(), before, 'an annotation was made from a range outside the article');
    await alive();
  });

  it('1,000 edits in a burst: the server catches up, answers, and holds the text the editor holds', async () => {
    // Seeded random edits, as an editor sends them (incremental ranges on the current text).
    const mirror = TextDocument.create(uri, 'plaintext', 2, text);
    const edits = fc.sample(fc.record({ at: fc.nat(), len: fc.nat(5), insert: fc.constantFrom('', 'ا', 'بَّ', '\r\n', 'ـ', '\u200C', ' كلمة ', '\u{1F600}') }), { seed: SEED, numRuns: 1000 });
    const t0 = Date.now();
    let version = 2;
    const sends: Promise<void>[] = [];
    for (const e of edits) {
      const t = mirror.getText();
      let start = e.at % (t.length + 1);
      // Keep surrogate pairs whole, as an editor does.
      if (start > 0 && /[\uDC00-\uDFFF]/.test(t[start] ?? '')) start--;
      let end = Math.min(t.length, start + e.len);
      if (end < t.length && /[\uDC00-\uDFFF]/.test(t[end])) end++;
      const change = { range: { start: mirror.positionAt(start), end: mirror.positionAt(end) }, text: e.insert };
      version++;
      TextDocument.update(mirror, [change], version);
      sends.push(client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] }));
    }
    await Promise.all(sends);
    const r = await answered(client, 'textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } }, 60_000);
    const caughtUp = Date.now() - t0;
    assert.ok(!r.error, JSON.stringify(r.error));
    // The server catches up: the analysis it serves becomes that of the last version.
    let served: unknown;
    await waitFor('the analysis of the last version', async () => (served = (await answered(client, 'qarina/highlights', { uri })).result?.version) === version, 60_000);
    assert.equal(served, version, 'the analysis is of the last version');
    // The sidecar of the opened article is written for the text the server holds: the editor's.
    const sidecar = path.join(folder, `${A}.annotations.json`);
    await waitFor('the sidecar of the edited text', () => {
      const s = parseSidecar(fs.readFileSync(sidecar, 'utf8'));
      return s.status === 'ok' && s.sidecar.document.sha256 === sha256Hex(mirror.getText());
    }, 30_000);
    await alive();
    console.log(`      1,000 edits sent; first answer ${caughtUp} ms after the first edit`);
  });

  it('requests after shutdown are refused with InvalidRequest, and exit ends the process cleanly', async () => {
    const other = new LspClient();
    const f = copySamples();
    try {
      await other.initialize(f);
      await other.waitIndexed(5);
      await other.request('shutdown');
      const u = await other.open(path.join(f, A));
      for (const [m, p] of [['textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 2 } }], ['qarina/status', undefined], ['shutdown', undefined]] as [string, unknown][]) {
        const r = await answered(other, m, p);
        assert.equal(r.error?.code, -32600, `${m} after shutdown: ${JSON.stringify(r)}`);
      }
      await other.notify('exit');
      await waitFor('the process to end after exit', () => other.exit, 10_000);
      assert.deepEqual(other.exit, { code: 0, signal: null });
    } finally {
      other.proc.kill();
      fs.rmSync(f, { recursive: true, force: true });
    }
  });

  it('bad files and folders in the workspace: each skipped with its reason, the rest indexed and served', async () => {
    const f = copySamples();
    const other = new LspClient();
    try {
      // Over 2 GiB (sparse: no disk space used), a link to nothing, a link loop, and, when the tests
      // do not run as root (who reads everything), a file and a folder nobody may read.
      const huge = fs.openSync(path.join(f, 'huge.txt'), 'w');
      fs.ftruncateSync(huge, 2.5 * 2 ** 30);
      fs.closeSync(huge);
      fs.symlinkSync(path.join(f, 'nowhere.txt'), path.join(f, 'gone.txt'));
      fs.symlinkSync(path.join(f, 'loop.txt'), path.join(f, 'loop.txt'));
      const root = process.getuid?.() === 0;
      if (!root) {
        fs.writeFileSync(path.join(f, 'locked.txt'), text);
        fs.chmodSync(path.join(f, 'locked.txt'), 0o000);
        fs.mkdirSync(path.join(f, 'closed'));
        fs.writeFileSync(path.join(f, 'closed', 'a.txt'), text);
        fs.chmodSync(path.join(f, 'closed'), 0o000);
      }
      await other.initialize(f);
      const status = await other.waitIndexed(5);
      assert.equal(status.articles, 5, JSON.stringify(status));
      const reason = (name: string) => status.skipped.find((x: { path: string }) => x.path.endsWith(`/${name}`))?.reason;
      assert.match(reason('huge.txt') ?? 'not reported', /over 2 MB/);
      assert.match(reason('gone.txt') ?? 'not reported', /link to nothing/);
      assert.match(reason('loop.txt') ?? 'not reported', /loop/);
      if (!root) {
        assert.match(reason('locked.txt') ?? 'not reported', /permission denied/);
        assert.match(reason('closed') ?? 'not reported', /permission denied/);
      }
      const u = await other.open(path.join(f, A));
      const h = await answered(other, 'textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 2 } });
      assert.ok(!h.error, JSON.stringify(h.error));
      assert.ok(!other.logs.some((l) => /Indexing failed/.test(l)), other.logs.join('\n'));
    } finally {
      await other.shutdown();
      if (fs.existsSync(path.join(f, 'closed'))) fs.chmodSync(path.join(f, 'closed'), 0o700);
      fs.rmSync(f, { recursive: true, force: true });
    }
  });

  it('memory stays flat over repeated bursts of edits (heap after garbage collection)', async () => {
    v8.setFlagsFromString('--expose_gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const f = copySamples();
    const up = new PassThrough(), down = new PassThrough();
    const pending = new PendingAnalyses();
    const server = createConnection(ProposedFeatures.all, new StreamMessageReader(up), new StreamMessageWriter(down), { messageStrategy: pending });
    startServer(server, pending);
    const c = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    c.onRequest(() => null);
    c.listen();
    try {
      const root = URI.file(f).toString();
      await c.sendRequest('initialize', { processId: null, rootUri: root, workspaceFolders: [{ uri: root, name: 'samples' }], capabilities: {} });
      await c.sendNotification('initialized', {});
      await waitFor('indexing', async () => {
        const s = (await c.sendRequest('qarina/status')) as { indexing: boolean; articles: number };
        return !s.indexing && s.articles === 5;
      }, 60_000);
      const u = URI.file(path.join(f, A)).toString();
      await c.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'plaintext', version: 1, text } });
      const heap = () => {
        gc();
        gc();
        return process.memoryUsage().heapUsed / 2 ** 20;
      };
      let version = 1;
      const rounds: number[] = [];
      for (let round = 0; round < (LONG ? 10 : 4); round++) {
        for (let i = 0; i < 1000; i++) {
          // Delete the first letter, then put it back: the text returns to where it was.
          version++;
          void c.sendNotification('textDocument/didChange', { textDocument: { uri: u, version }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: i % 2 ? 0 : 1 } }, text: i % 2 ? text[0] : '' }] });
        }
        await c.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 3 } });
        rounds.push(heap());
      }
      // The first round fills caches; after it, growth would be a leak.
      const growth = rounds[rounds.length - 1] - rounds[1];
      console.log(`      heap after each round of 1,000 edits: ${rounds.map((m) => m.toFixed(1)).join(', ')} MB`);
      assert.ok(growth < 3, `the heap grew by ${growth.toFixed(1)} MB over ${rounds.length - 2} rounds of 1,000 edits`);
    } finally {
      c.dispose();
      server.dispose();
      fs.rmSync(f, { recursive: true, force: true });
    }
  });
});
