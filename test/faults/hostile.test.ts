// Hostile article text — markdown links, command: URIs, HTML, a right-to-left override — must stay
// inert wherever the language server shows it: hovers (markdown, rendered here with marked, the
// renderer VS Code uses, HTML allowed as the client allows it), CodeLens titles and tooltips,
// diagnostics, the Annotations view, the outline and workspace symbols, the passage list. An
// article that contradicts the samples carries it (test/support/samples.ts, clashArticle), so its
// sentences are quoted in the other articles' hovers and diagnostics too.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { marked } from 'marked';
import { URI } from 'vscode-uri';
import { LspClient, copySamples, waitFor } from '../protocol/lspClient';
import { clashArticle, HOSTILE } from '../support/samples';

const CLASH = '006_clash.txt';
// A file name that is itself markup.
const ODD_NAME = '007_[x](command:y)<b>.txt';

/** What a piece of hover markdown becomes on screen: the elements and the text. */
function rendered(md: string): { html: string; text: string } {
  const html = marked.parse(md, { async: false }) as string;
  const text = html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return { html, text };
}

/** Elements and attributes a hover may contain: paragraphs, our right-aligned blocks, emphasis,
 *  rules, lists, code, and links to files. Anything else came from an article. */
function activeMarkup(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>/g)) {
    const [tag, close, name, attrs] = m;
    if (close) continue;
    const n = name.toLowerCase();
    if (!['p', 'div', 'strong', 'em', 'hr', 'ul', 'ol', 'li', 'code', 'br', 'a'].includes(n)) found.push(tag);
    else if (n === 'div' && attrs.trim() !== 'align="right"') found.push(tag);
    else if (n === 'a' && !/^\s*href="file:\/\/[^"]*"\s*$/.test(attrs)) found.push(tag);
    else if (n !== 'div' && n !== 'a' && attrs.trim()) found.push(tag);
  }
  return found;
}

/** No override or embedding; our isolates balanced. */
function bidiProblem(s: string): string | null {
  if (/[\u202A-\u202E\u2066\u2068]/.test(s)) return `a bidi control U+${[...s].find((c) => /[\u202A-\u202E\u2066\u2068]/.test(c))!.codePointAt(0)!.toString(16).toUpperCase()}`;
  let depth = 0;
  for (const c of s) {
    if (c === '\u2067') depth++;
    else if (c === '\u2069' && --depth < 0) return 'a PDI that closes nothing';
  }
  return depth === 0 ? null : 'an isolate left open';
}

describe('faults: hostile article text is inert everywhere it is shown', function () {
  this.timeout(180_000);
  let client: LspClient;
  let folder: string;
  let clash: string;
  const checked = { hovers: 0, lenses: 0, diagnostics: 0, labels: 0, symbols: 0 };

  before(async () => {
    folder = copySamples();
    fs.writeFileSync(path.join(folder, CLASH), clashArticle());
    fs.writeFileSync(path.join(folder, ODD_NAME), fs.readFileSync(path.join(folder, CLASH), 'utf8').replace('تقرير', 'خبر'));
    client = new LspClient();
    await client.initialize(folder);
    await client.waitIndexed(7);
    clash = await client.open(path.join(folder, CLASH));
  });
  after(async () => {
    await client?.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
    console.log(`      checked ${Object.entries(checked).map(([k, n]) => `${n} ${k}`).join(', ')}`);
  });

  const uris = () => fs.readdirSync(folder).filter((n) => n.endsWith('.txt')).map((n) => URI.file(path.join(folder, n)).toString());

  it('hovers: article text and file names render as text, never as links, images, HTML or reversed writing', async () => {
    let quotedHostile = 0;
    for (const uri of uris()) {
      const text = fs.readFileSync(URI.parse(uri).fsPath, 'utf8');
      const lines = text.split('\n');
      for (let line = 0; line < lines.length; line++) {
        for (const character of [0, Math.floor(lines[line].length / 2)]) {
          if (!lines[line]) continue;
          const h = await client.request('textDocument/hover', { textDocument: { uri }, position: { line, character } });
          if (!h) continue;
          checked.hovers++;
          const md = h.contents.value as string;
          const r = rendered(md);
          assert.deepEqual(activeMarkup(r.html), [], `${path.basename(URI.parse(uri).fsPath)}:${line + 1}: markup from an article is active in the hover:\n${md.slice(0, 1500)}`);
          const bidi = bidiProblem(r.text);
          assert.equal(bidi, null, `${path.basename(URI.parse(uri).fsPath)}:${line + 1}: ${bidi} in the hover:\n${JSON.stringify(r.text.slice(0, 600))}`);
          if (r.text.includes(HOSTILE.markdownLink) || r.text.includes('<img src=x')) quotedHostile++;
        }
      }
    }
    assert.ok(quotedHostile > 0, 'no hover showed the hostile text (as text)');
  });

  it('CodeLens titles and tooltips, and diagnostics: plain text without bidi overrides', async () => {
    await waitFor(() => [...client.diagnostics.values()].some((d) => d.length > 0), 20_000, 'the contradiction diagnostics');
    for (const uri of uris()) {
      for (const l of await client.request('textDocument/codeLens', { textDocument: { uri } })) {
        checked.lenses++;
        for (const s of [l.command.title, l.command.tooltip ?? '']) assert.equal(bidiProblem(s), null, `lens ${JSON.stringify(s)}`);
        assert.ok(!/[<>[\]]/.test(l.command.title), `a lens title carries article text: ${l.command.title}`);
      }
      for (const d of client.diagnostics.get(uri) ?? []) {
        checked.diagnostics++;
        for (const s of [d.message, ...(d.relatedInformation ?? []).map((r: any) => r.message)]) {
          assert.equal(bidiProblem(s), null, `diagnostic ${JSON.stringify(s)}`);
          // One line break at most: the one before the quoted passage.
          assert.ok(!/\n[^«]|\n.*\n/s.test(s), `a line break from an article in ${JSON.stringify(s)}`);
        }
      }
    }
    const diag = client.diagnostics.get(clash) ?? [];
    assert.ok(diag.length > 0 && [...client.diagnostics.values()].flat().some((d) => [d.message, ...(d.relatedInformation ?? []).map((r: any) => r.message)].some((m) => /<img src=x/.test(m))), `no diagnostic quotes the hostile passage:\n${[...client.diagnostics.values()].flat().map((d) => d.message).join('\n')}`);
  });

  it('the Annotations view, the outline and workspace symbols: labels without bidi overrides', async () => {
    // Decisions whose labels are article text: a note with a hostile body, an entity on a hostile span.
    const text = fs.readFileSync(path.join(folder, CLASH), 'utf8');
    const at = (s: string) => {
      const i = text.indexOf(s);
      const line = text.slice(0, i).split('\n').length - 1;
      const character = i - (text.lastIndexOf('\n', i - 1) + 1);
      return { start: { line, character }, end: { line, character: character + s.length } };
    };
    await client.request('workspace/executeCommand', { command: 'qarina.server.addNote', arguments: [{ uri: clash, range: at(HOSTILE.rlo), text: `${HOSTILE.html} ${HOSTILE.strayPdi} ملاحظة` }] });
    await client.request('workspace/executeCommand', { command: 'qarina.server.addEntity', arguments: [{ uri: clash, range: at(HOSTILE.rlo), type: 'ORG' }] });
    const walk = (items: any[]): any[] => items.flatMap((i) => [i, ...walk(i.children ?? [])]);
    const tree = walk(await client.request('qarina/annotationTree', { uri: clash }));
    assert.ok(tree.some((i) => /ملاحظة/.test(i.label)), 'the note is in the view');
    for (const i of tree) {
      checked.labels++;
      for (const s of [i.label, i.description ?? '']) assert.equal(bidiProblem(s), null, `view item ${JSON.stringify(s)}`);
    }
    const walkSymbols = (items: any[]): any[] => items.flatMap((i) => [i, ...walkSymbols(i.children ?? [])]);
    for (const uri of uris()) {
      for (const s of walkSymbols(await client.request('textDocument/documentSymbol', { textDocument: { uri } }))) {
        checked.symbols++;
        assert.equal(bidiProblem(`${s.name} ${s.detail ?? ''}`), null, `outline ${JSON.stringify(s.name)}`);
      }
    }
    for (const s of await client.request('workspace/symbol', { query: '' })) {
      checked.symbols++;
      assert.equal(bidiProblem(`${s.name} ${s.containerName ?? ''}`), null, `workspace symbol ${JSON.stringify(s.name)}`);
    }
  });
});
