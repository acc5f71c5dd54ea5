// The language server over real JSON-RPC: the built dist/server.js is spawned and spoken to over
// stdio exactly as an editor would.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { copySamples, LspClient, positionOf, waitFor } from './lspClient';

const A = '000_733615ac9775bde5.txt';
const B = '001_1c47a185e8d9dee2.txt';

describe('language server over JSON-RPC (samples corpus)', function () {
  /** Articles edited in the editor (not saved): their text there, which positions refer to. */
  const edited = new Map<string, string>();
  this.timeout(120000);
  let client: LspClient;
  let folder: string;
  const uriOf = (name: string) => URI.file(path.join(folder, name)).toString();
  const textOf = (name: string) => fs.readFileSync(path.join(folder, name), 'utf8');

  before(async () => {
    folder = copySamples();
    client = new LspClient();
    const init = await client.initialize(folder);
    const caps = init.capabilities;
    for (const c of ['hoverProvider', 'definitionProvider', 'referencesProvider', 'codeLensProvider', 'documentSymbolProvider', 'workspaceSymbolProvider', 'semanticTokensProvider', 'codeActionProvider', 'executeCommandProvider']) {
      assert.ok(caps[c], `capability ${c}`);
    }
    await client.waitIndexed(5);
  });

  after(async () => {
    await client?.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('indexes every article of the folder from disk and reports progress', async () => {
    const status = await client.request('qarina/status');
    assert.equal(status.articles, 5);
    const messages = client.progress.map((p) => p.message).filter(Boolean);
    assert.ok(messages.some((m: string) => /Indexing \d+\/5 articles/.test(m)), `progress messages: ${messages.join(' | ')}`);
    assert.ok(client.progress.some((p) => p.kind === 'end'));
  });

  it('answers a hover on a name with its canonical form and spellings across the corpus', async () => {
    const hover = await client.request('textDocument/hover', { textDocument: { uri: uriOf(A) }, position: positionOf(textOf(A), 'بريت ماكجورك', 6) });
    assert.ok(hover, 'no hover');
    const md: string = hover.contents.value;
    assert.match(md, /PER/);
    assert.match(md, /ماكجورك/);
    assert.match(md, /ماكغورك/, 'the other spelling of the same person is listed');
    assert.match(md, /<div align="right">/);
  });

  it('shows, on hover of a sentence, the corroborating passage of another article with its confidence and reasons', async () => {
    const hover = await client.request('textDocument/hover', { textDocument: { uri: uriOf(A) }, position: positionOf(textOf(A), 'عقد اثنان من كبار', 1) });
    const md: string = hover.contents.value;
    assert.match(md, new RegExp(B.replace(/[.]/g, '\\\\?.')));
    assert.match(md, /confidence \d{1,3} %/);
    assert.match(md, /Corroborates/);
  });

  it('jumps from a sentence to its corroborating passage (Go to Definition)', async () => {
    const defs = await client.request('textDocument/definition', { textDocument: { uri: uriOf(A) }, position: positionOf(textOf(A), 'عقد اثنان من كبار', 1) });
    assert.ok(Array.isArray(defs) && defs.length > 0, 'no definition');
    const inB = defs.find((d: any) => d.targetUri === uriOf(B));
    assert.ok(inB, `targets: ${defs.map((d: any) => d.targetUri).join(', ')}`);
    const lines = textOf(B).split('\n');
    const r = inB.targetRange;
    assert.match(lines[r.start.line].slice(r.start.character), /أجرى اثنان من كبار المسؤولين/);
  });

  it('finds every mention of an entity in every article (references)', async () => {
    const refs = await client.request('textDocument/references', { textDocument: { uri: uriOf(A) }, position: positionOf(textOf(A), 'جو بايدن', 4), context: { includeDeclaration: true } });
    const files = new Set(refs.map((r: any) => r.uri));
    assert.ok(files.size >= 3, `mentions in ${files.size} articles`);
  });

  it('lists an article\'s entities by type and finds entities by any spelling', async () => {
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: uriOf(A) } });
    const groups = symbols.map((s: any) => s.name);
    assert.ok(groups.some((g: string) => g.includes('PER')) && groups.some((g: string) => g.includes('LOC')), groups.join(', '));
    const found = await client.request('workspace/symbol', { query: 'ماكجورك' });
    assert.ok(found.some((s: any) => /ماك[جغ]ورك/.test(s.name)));
  });

  it('puts a CodeLens with link counts above linked sentences', async () => {
    const lenses = await client.request('textDocument/codeLens', { textDocument: { uri: uriOf(A) } });
    assert.ok(lenses.length > 0);
    assert.ok(lenses.every((l: any) => /corroborate|contradict|different event/.test(l.command.title)));
  });

  it('serves semantic tokens for editors that colour text', async () => {
    const tokens = await client.request('textDocument/semanticTokens/full', { textDocument: { uri: uriOf(A) } });
    assert.ok(tokens.data.length >= 5 * 10);
    assert.equal(tokens.data.length % 5, 0);
  });

  it('follows incremental edits of an open article', async () => {
    const text = textOf(A);
    const uri = await client.open(path.join(folder, A), text);
    const insert = 'سطر جديد في الأعلى.\n';
    edited.set(uri, insert + text);
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: insert }] });
    const pos = positionOf(insert + text, 'بريت ماكجورك', 6);
    const hover = await waitFor(async () => {
      const h = await client.request('textDocument/hover', { textDocument: { uri }, position: pos });
      return h && /ماكجورك/.test(h.contents.value) ? h : undefined;
    }, 10000, 'hover after edit');
    assert.equal(hover.range.start.line, pos.line);
  });

  it('publishes contradictions as diagnostics whose related information points at the other passage', async () => {
    // Where the passage of each contradiction is now: an article edited in the editor (by the test
    // above) moves the passages it holds, and the diagnostics that point into it are republished
    // once its analysis is in — until then they point at the old place.
    const misplaced = (uri: string, d: any): string | null => {
      const rel = d.relatedInformation[0];
      const other = (edited.get(rel.location.uri) ?? fs.readFileSync(URI.parse(rel.location.uri).fsPath, 'utf8')).split('\n');
      const r = rel.location.range;
      const quoted = r.start.line === r.end.line ? other[r.start.line].slice(r.start.character, r.end.character) : other[r.start.line].slice(r.start.character);
      // The passage is quoted as one isolated right-to-left unit (U+2067 … U+2069).
      const message = rel.message.replace(/^\u2067|\u2069$/g, '');
      return quoted.length > 0 && message.startsWith(quoted.slice(0, 20)) ? null : `related range holds the quoted passage: ${quoted.slice(0, 40)} / ${message.slice(0, 40)}`;
    };
    let last = '';
    const all = await waitFor(() => {
      const found = [...client.diagnostics].flatMap(([uri, ds]) => ds.filter((d) => d.code === 'contradiction').map((d) => ({ uri, d })));
      for (const { uri, d } of found) {
        assert.equal(d.source, 'qarina');
        assert.equal(d.severity, 3, 'Information by default');
        assert.ok(d.relatedInformation?.[0], 'related information');
        assert.notEqual(d.relatedInformation[0].location.uri, uri, 'points at another article');
      }
      last = found.map(({ uri, d }) => misplaced(uri, d)).filter(Boolean).join('\n');
      return found.length && !last ? found : undefined;
    }, 20000, 'contradiction diagnostics whose related ranges hold the passages they quote').catch((e) => { throw new Error(`${e.message}\n${last}`); });
    // The seed articles' "declined to comment" against "said in a joint statement" is one of them.
    assert.ok(all.some(({ d }) => /declined to comment/.test(d.message)), all.map(({ d }) => d.message).join('\n'));
  });

  it('survives malformed requests', async () => {
    await assert.rejects(client.request('textDocument/hover', { nonsense: true }));
    await assert.rejects(client.request('qarina/noSuchRequest', {}));
    const status = await client.request('qarina/status');
    assert.equal(status.articles, 5);
  });
});

describe('language server: inputs it must skip', function () {
  this.timeout(60000);
  it('skips empty, binary, non-Arabic and over-large files with a reason, and serves the rest', async () => {
    const folder = copySamples();
    fs.writeFileSync(path.join(folder, 'empty.txt'), '');
    fs.writeFileSync(path.join(folder, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 255, 254]));
    fs.writeFileSync(path.join(folder, 'english.md'), 'This is an English note with no Arabic at all.\n'.repeat(5));
    fs.writeFileSync(path.join(folder, 'huge.txt'), 'مقال طويل جدا. '.repeat(200000));
    const client = new LspClient();
    try {
      await client.initialize(folder);
      const status = await client.waitIndexed(5);
      assert.equal(status.articles, 5);
      const reasons = Object.fromEntries(status.skipped.map((s: any) => [path.basename(URI.parse(s.path).fsPath), s.reason]));
      for (const f of ['empty.txt', 'binary.txt', 'english.md', 'huge.txt']) assert.ok(reasons[f], `${f} should be skipped: ${JSON.stringify(reasons)}`);
      assert.ok(client.logs.some((l) => /huge\.txt/.test(l)), 'a message in the output channel names the skipped file');
    } finally {
      await client.shutdown();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
