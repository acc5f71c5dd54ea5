// The server's requests to the editor: sent only when declared, and never fatal when they fail.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import type { Connection } from 'vscode-languageserver/node';
import { abilitiesOf, EditorClient, silentProgress } from '../../../server/src/lsp/editorClient';

const FULL = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    semanticTokens: { refreshSupport: true },
    codeLens: { refreshSupport: true },
  },
  window: { workDoneProgress: true },
};

/** A connection whose every server→client request fails, recording what was sent. */
function failingConnection(sent: string[]): Connection {
  const fail = (method: string) => {
    sent.push(method);
    return Promise.reject(new Error(`${method}: MethodNotFound`));
  };
  return {
    languages: { semanticTokens: { refresh: () => fail('workspace/semanticTokens/refresh') } },
    sendRequest: (type: { method: string }) => fail(type.method),
    sendNotification: (method: string) => fail(method),
    window: { createWorkDoneProgress: () => fail('window/workDoneProgress/create') },
    workspace: { getConfiguration: () => fail('workspace/configuration') },
    client: { register: () => fail('client/registerCapability') },
  } as unknown as Connection;
}

/** Resolves once pending promise callbacks have run. */
const settled = () => new Promise((r) => setImmediate(r));

describe('requests to the editor', () => {
  it('reads which requests the editor declared it answers; nothing when it declared nothing', () => {
    assert.deepEqual(Object.values(abilitiesOf({})).filter(Boolean), []);
    assert.deepEqual(Object.values(abilitiesOf(FULL)).filter((v) => !v), []);
  });

  it('sends an editor with no optional capability no request at all', async () => {
    const sent: string[] = [];
    const editor = new EditorClient(failingConnection(sent), () => undefined);
    editor.initialize({});
    editor.refreshSemanticTokens();
    editor.refreshCodeLens();
    editor.watchConfiguration('qarina');
    assert.equal(editor.watchFiles([{ globPattern: '**/*.txt' }]), false);
    assert.equal(await editor.progress(), silentProgress);
    assert.equal(await editor.configuration('qarina'), null);
    assert.deepEqual(sent, []);
  });

  it('logs, and does not throw, when the editor fails a request it declared', async () => {
    const sent: string[] = [];
    const logged: string[] = [];
    const editor = new EditorClient(failingConnection(sent), (m) => logged.push(m));
    editor.initialize(FULL);
    editor.refreshSemanticTokens();
    editor.refreshCodeLens();
    editor.watchConfiguration('qarina');
    editor.watchFiles([{ globPattern: '**/*.txt' }]);
    assert.equal(await editor.progress(), silentProgress, 'a silent progress instead');
    assert.equal(await editor.configuration('qarina'), null);
    await settled();
    assert.equal(sent.length, 6, sent.join(', '));
    assert.equal(logged.length, 6, logged.join('\n'));
    assert.ok(logged.every((l) => /failed: .*MethodNotFound/.test(l)));
  });

  it('keeps the process running after a rejection nobody handled, and says so on stderr', function () {
    this.timeout(30_000);
    const module = path.resolve(__dirname, '../../../server/src/lsp/editorClient.ts');
    const script = `const { surviveUnhandledRejections } = require(${JSON.stringify(module)});
      surviveUnhandledRejections();
      Promise.reject(new Error('the editor answered MethodNotFound'));
      setTimeout(() => console.log('still running'), 0);`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /still running/);
    assert.match(r.stderr, /unhandled rejection \(server kept running\).*MethodNotFound/);
  });
});
