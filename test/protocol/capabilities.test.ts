// Editors other than VS Code: the server asks the client for something (a refresh, a progress bar,
// settings, a registration) only when the client declared it can answer, and a request the client
// fails never brings the server down.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { copySamples, LspClient, positionOf, waitFor, type EditorKind } from './lspClient';

const A = '000_733615ac9775bde5.txt';
const B = '001_1c47a185e8d9dee2.txt';
const SENTENCE = 'عقد اثنان من كبار';
/** Words of the passage of B that corroborates SENTENCE in A. */
const PASSAGE = 'اثنان من كبار المسؤولين';
/** B's file name, as the hover's markdown writes it (dots may be escaped). */
const NAMES_B = new RegExp(B.replace(/[.]/g, '\\\\?.'));

/** Index the samples, open A, edit it, hover the sentence: the whole round an editor makes. */
async function session(kind: EditorKind) {
  const folder = copySamples();
  const client = new LspClient({}, kind);
  try {
    await client.initialize(folder);
    await client.waitIndexed(5);
    const file = path.join(folder, A);
    const text = fs.readFileSync(file, 'utf8');
    const uri = await client.open(file, text);
    const insert = 'سطر جديد في الأعلى.\n';
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: insert }] });
    const position = positionOf(insert + text, SENTENCE, 1);
    const hover = await client.whileRunning(waitFor(async () => {
      const h = await client.request('textDocument/hover', { textDocument: { uri }, position });
      return h && NAMES_B.test(h.contents.value) ? h : undefined;
    }, 20_000, 'a hover on the edited article naming the corroborating article'));
    const lenses = await client.request('textDocument/codeLens', { textDocument: { uri } });
    const status = await client.request('qarina/status');
    // Before shutdown: the server must still be running here.
    return { client, hover: hover.contents.value as string, lenses, status, exitedEarly: client.exit };
  } finally {
    await client.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

describe('language server: editors with fewer capabilities', function () {
  this.timeout(120_000);

  it('serves an editor that declares no optional capability, and sends it no request', async () => {
    const { client, hover, lenses, status, exitedEarly } = await session('none');
    assert.deepEqual(client.requests.map((r) => r.method), [], 'requests sent to a client that declared none of them');
    assert.ok(hover.includes(PASSAGE), `the hover shows the corroborating passage:\n${hover}`);
    assert.ok(lenses.length > 0, 'CodeLens');
    assert.equal(status.articles, 5);
    assert.equal(exitedEarly, null, `the server exited: ${client.stderr}`);
  });

  it('stays up and keeps serving when the editor fails every request it declared', async () => {
    const { client, hover, status, exitedEarly } = await session('failing');
    const asked = new Set(client.requests.map((r) => r.method));
    // The failures really happened: each kind of request was sent, and answered with an error.
    for (const m of ['window/workDoneProgress/create', 'workspace/configuration', 'client/registerCapability', 'workspace/semanticTokens/refresh', 'workspace/codeLens/refresh']) {
      assert.ok(asked.has(m), `${m} was not sent (sent: ${[...asked].join(', ')})`);
    }
    assert.ok(hover.includes(PASSAGE), `the hover shows the corroborating passage:\n${hover}`);
    assert.equal(status.articles, 5);
    assert.equal(exitedEarly, null, `the server exited: ${client.stderr}`);
    assert.doesNotMatch(client.stderr, /unhandled rejection/i);
    assert.ok(client.logs.some((l) => /refresh failed/.test(l)), `the failures are logged: ${client.logs.join('\n')}`);
  });

  it('sends a VS Code-like editor the refreshes it declared', async () => {
    const { client } = await session('full');
    const asked = new Set(client.requests.map((r) => r.method));
    for (const m of ['workspace/semanticTokens/refresh', 'workspace/codeLens/refresh', 'window/workDoneProgress/create']) assert.ok(asked.has(m), `${m} (sent: ${[...asked].join(', ')})`);
  });
});
