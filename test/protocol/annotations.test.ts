// The user's decisions through the language server: each command is sent over JSON-RPC as an
// editor sends it, and the sidecar on disk is what is checked — it must hold the decision, follow
// edits of the article, list what cannot be placed as orphaned, and never overwrite a corrupt file.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { copySamples, LspClient, positionOf, samplesWithOpenArticle, waitFor } from './lspClient';

const A = '000_733615ac9775bde5.txt';
const B = '001_1c47a185e8d9dee2.txt';

const sidecarOf = (folder: string, name: string) => path.join(folder, `${name}.annotations.json`);
const readSidecar = (folder: string, name: string): any | undefined => {
  try {
    return JSON.parse(fs.readFileSync(sidecarOf(folder, name), 'utf8'));
  } catch {
    return undefined;
  }
};
const command = (client: LspClient, command: string, args: object) => client.request('workspace/executeCommand', { command, arguments: [args] });

describe('annotating through the language server', function () {
  this.timeout(120000);
  let client: LspClient;
  let folder: string;
  let uri: string;
  let text: string;
  let version = 1;

  const edit = async (range: { start: { line: number; character: number }; end: { line: number; character: number } }, newText: string) => {
    version++;
    await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: newText }] });
  };

  before(async () => {
    ({ client, folder, text, uri } = await samplesWithOpenArticle(A));
  });

  after(async () => {
    await client?.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('writes sidecars only for articles the user opened', async () => {
    await waitFor(() => readSidecar(folder, A), 20000, 'sidecar of the opened article');
    assert.equal(readSidecar(folder, B), undefined, 'an article never opened gets no sidecar');
  });

  it('stores a rejected entity in the sidecar and keeps it rejected after the article is edited', async () => {
    const name = 'بريت ماكجورك';
    const r = await command(client, 'qarina.server.rejectAnnotation', { uri, position: positionOf(text, name, 2), kind: 'entity' });
    assert.match(r.message, /Rejected/);
    const rejected = await waitFor(() => readSidecar(folder, A)?.entities.find((e: any) => e.text === name && e.status === 'rejected'), 10000, 'rejected entity in the sidecar');
    assert.equal(text.slice(rejected.start, rejected.end), name);

    // Insert a line at the top: the decision must follow its text.
    const insert = 'تحديث: أضيفت هذه الجملة في الأعلى.\n';
    await edit({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, insert);
    text = insert + text;
    const moved = await waitFor(() => {
      const e = readSidecar(folder, A)?.entities.find((x: any) => x.text === name && x.status === 'rejected');
      return e && e.start === rejected.start + insert.length ? e : undefined;
    }, 10000, 'rejected entity moved with the edit');
    assert.equal(text.slice(moved.start, moved.end), name);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, name, 2) });
    assert.ok(!hover || !/\bPER\b/.test(hover.contents.value), 'a rejected name is no longer shown as an entity');
  });

  it('adds a name the model missed, and undo takes it back', async () => {
    // "مصادر مطلعة" (informed sources) is no name: the user adds it anyway, as users do.
    const target = 'مصادر مطلعة';
    const start = positionOf(text, target), end = positionOf(text, target, target.length);
    await command(client, 'qarina.server.addEntity', { uri, range: { start, end }, type: 'ORG' });
    await waitFor(() => readSidecar(folder, A)?.entities.find((e: any) => e.text === target && e.origin === 'user' && e.type === 'ORG'), 10000, 'user entity in the sidecar');
    const r = await command(client, 'qarina.server.undo', {});
    assert.match(r.message, /Undone/);
    await waitFor(() => (readSidecar(folder, A)?.entities.some((e: any) => e.text === target && e.origin === 'user') ? undefined : true), 10000, 'undo removed the user entity');
  });

  it('keeps a note on a deleted sentence as orphaned instead of dropping it', async () => {
    const lines = text.split('\n');
    const line = lines.findIndex((l, i) => i > 2 && l.trim().length > 40);
    const range = { start: { line, character: 0 }, end: { line, character: lines[line].length } };
    await command(client, 'qarina.server.addNote', { uri, range, text: 'تحقق من هذا الرقم' });
    await waitFor(() => readSidecar(folder, A)?.notes.find((n: any) => n.body === 'تحقق من هذا الرقم'), 10000, 'note in the sidecar');
    await edit({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, '');
    text = [...lines.slice(0, line), ...lines.slice(line + 1)].join('\n');
    const note = await waitFor(() => readSidecar(folder, A)?.notes.find((n: any) => n.body === 'تحقق من هذا الرقم' && n.orphaned), 10000, 'note kept as orphaned');
    assert.ok(note.text.length > 40, 'the orphan keeps its quote so the user can re-attach it');
    const tree = await client.request('qarina/annotationTree', { uri });
    const article = tree[0];
    assert.ok(article.children.some((g: any) => /Orphaned/.test(g.label) && g.children.length >= 1), 'the Annotations view lists the orphan');
  });
});

describe('language server: reopening a workspace', function () {
  this.timeout(120000);

  it('keeps the decisions of an existing sidecar when the article is opened while the folder is still being indexed', async () => {
    const folder = copySamples();
    const name = 'بريت ماكجورك';
    const text = fs.readFileSync(path.join(folder, A), 'utf8');
    let client = new LspClient();
    try {
      // First session: the user rejects a name; the sidecar holds the decision.
      await client.initialize(folder);
      await client.waitIndexed(5);
      let uri = await client.open(path.join(folder, A), text);
      await waitFor(() => readSidecar(folder, A), 20000, 'sidecar of the opened article');
      await command(client, 'qarina.server.rejectAnnotation', { uri, position: positionOf(text, name, 2), kind: 'entity' });
      await waitFor(() => readSidecar(folder, A)?.entities.find((e: any) => e.text === name && e.status === 'rejected'), 10000, 'rejected entity in the sidecar');
      await client.shutdown();

      // Second session: the editor restores the open article at once, before indexing is done (as
      // VS Code does when a workspace is reopened or the server restarts).
      client = new LspClient();
      await client.initialize(folder);
      uri = await client.open(path.join(folder, A), text);
      await client.waitIndexed(5);
      const at = positionOf(text, name);
      const spans = await waitFor(async () => {
        const r = await client.request('qarina/highlights', { uri });
        return r.spans.length ? r.spans : undefined;
      }, 20000, 'highlights of the reopened article');
      const span = spans.find((s: any) => s.range.start.line === at.line && s.range.start.character === at.character);
      assert.ok(!span || span.status === 'rejected', `the rejected name is shown as ${span?.status}`);
      assert.ok(readSidecar(folder, A)?.entities.some((e: any) => e.text === name && e.status === 'rejected'), 'the sidecar lost the rejection');
    } finally {
      await client.shutdown();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('language server: a corrupt sidecar', function () {
  this.timeout(120000);
  for (const [what, content] of [
    ['invalid JSON', '{ "schema": "qarina/annotations@1", '],
    ['git conflict markers', '<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> theirs\n'],
    ['a newer schema version', JSON.stringify({ schema: 'qarina/annotations@9', document: {} }) + '\n'],
  ] as const) {
    it(`with ${what} is reported, left untouched, and the article is still analysed`, async () => {
      const folder = copySamples();
      const file = sidecarOf(folder, A);
      fs.writeFileSync(file, content);
      const client = new LspClient();
      try {
        await client.initialize(folder);
        await client.waitIndexed(5);
        const text = fs.readFileSync(path.join(folder, A), 'utf8');
        const uri = await client.open(path.join(folder, A), text);
        const hover = await waitFor(async () => {
          const h = await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'بريت ماكجورك', 2) });
          return h && /ماكجورك/.test(h.contents.value) ? h : undefined;
        }, 20000, 'article analysed despite its corrupt sidecar');
        assert.ok(hover);
        await command(client, 'qarina.server.rejectAnnotation', { uri, position: positionOf(text, 'بريت ماكجورك', 2), kind: 'entity' });
        await command(client, 'qarina.server.annotateFolder', {});
        assert.equal(fs.readFileSync(file, 'utf8'), content, 'the corrupt sidecar is never overwritten');
        assert.ok(client.logs.some((l) => l.includes(path.basename(file)) || l.includes(URI.file(file).fsPath)), `the problem is reported: ${client.logs.join('\n')}`);
        const tree = await client.request('qarina/annotationTree', { uri });
        assert.ok(JSON.stringify(tree).includes('Sidecar not written'));
      } finally {
        await client.shutdown();
        fs.rmSync(folder, { recursive: true, force: true });
      }
    });
  }
});
