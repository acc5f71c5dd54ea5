// What a reader of the seed articles sees in the editor: highlights, hovers on names and sentences,
// jumps to corroborating passages in the other articles, CodeLens, diagnostics and the outline.
// Every expectation is checked against what the editor itself reports (outline, references), not
// against answers written into the test.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { QarinaApi } from '../../../client/src/extension';
import { ARABIC, hoverAt, inside, openArticle, people, plain, qarina, seed, seedFiles, targetOf, waitFor, words, type LocationLike } from './helpers';

const base = (u: vscode.Uri) => path.basename(u.fsPath);

/** A sentence of the article with corroborating passages, found through its CodeLens. */
async function corroboratedSentence(uri: vscode.Uri): Promise<{ range: vscode.Range; title: string }> {
  const lenses = await waitFor(`CodeLens of ${base(uri)}`, async () => {
    const l = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
    return l.length ? l : undefined;
  });
  const lens = lenses.find((l) => /corroborat/i.test(l.command?.title ?? ''));
  assert.ok(lens, `no sentence of ${base(uri)} has corroborating passages; lenses: ${lenses.map((l) => l.command?.title).join(' | ')}`);
  return { range: lens.range, title: lens.command!.title };
}

export function defineReadingTests(): void {
  describe('Reading a seed article in VS Code', function () {
    this.timeout(120_000);
    let api: QarinaApi;
    let uri: vscode.Uri;
    let doc: vscode.TextDocument;

    before(async function () {
      this.timeout(180_000);
      api = await qarina();
      uri = seed('000_');
      doc = (await openArticle(api, uri)).document;
    });

    it('highlights people and places with ranges that cover the names the outline lists', async () => {
      const byKind = api.highlighter.applied.get(uri.toString())!;
      for (const kind of ['PER', 'LOC'] as const) {
        const ranges = byKind.get(kind) ?? [];
        assert.ok(ranges.length > 0, `no ${kind} highlight in ${base(uri)}`);
        for (const r of ranges) {
          const text = doc.getText(r);
          assert.ok(ARABIC.test(text), `${kind} highlight ${JSON.stringify(text)} holds no Arabic letter`);
          assert.strictEqual(text, text.trim(), `${kind} highlight ${JSON.stringify(text)} starts or ends with a space`);
        }
      }
      const mentions = (await people(uri)).flatMap((p) => p.mentions.map((m) => m.range));
      assert.ok(mentions.length > 0, 'the outline lists no person');
      const per = byKind.get('PER')!;
      for (const m of mentions) {
        assert.ok(per.some((r) => r.contains(m)), `person mention ${JSON.stringify(doc.getText(m))} at line ${m.start.line + 1} is not highlighted`);
      }
    });

    it('hover on a person shows the canonical name and the spellings used across the corpus', async () => {
      const ppl = await people(uri);
      // A person named in several articles: its hover must list spellings with the files using them.
      let checked = 0;
      for (const p of ppl) {
        const m = p.mentions[0];
        const refs = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, inside(m.range, doc))) ?? [];
        const files = new Set(refs.map((r) => r.uri.toString()));
        if (files.size < 2) continue;
        const text = plain(await hoverAt(uri, inside(m.range, doc)));
        assert.match(text, /Person|شخص/, `hover on ${m.name} does not say it is a person:\n${text}`);
        assert.ok(text.includes(p.name), `hover on ${m.name} lacks the canonical name ${p.name}:\n${text}`);
        assert.match(text, /Spellings across the corpus|الكتابات في المدونة/, `hover on ${m.name} lists no spellings:\n${text}`);
        // Every spelling found by Find All References appears in the hover.
        for (const r of refs) {
          const other = await vscode.workspace.openTextDocument(r.uri);
          const spelling = other.getText(r.range);
          assert.ok(text.includes(spelling), `hover on ${m.name} lacks the spelling ${JSON.stringify(spelling)} used in ${base(r.uri)}:\n${text}`);
        }
        checked++;
      }
      assert.ok(checked > 0, `no person of ${base(uri)} is named in another article (people: ${ppl.map((p) => p.name).join(', ')})`);
    });

    it('hover on a sentence lists the passages of other articles that corroborate it', async () => {
      const s = await corroboratedSentence(uri);
      const text = plain(await hoverAt(uri, s.range.start));
      assert.match(text, /In the other articles|في المقالات الأخرى/, `sentence hover has no passages:\n${text}`);
      assert.match(text, /Corroborates|يؤيد/, `sentence hover names no corroboration:\n${text}`);
      const others = seedFiles().map((f) => path.basename(f)).filter((n) => n !== base(uri));
      assert.ok(others.some((n) => text.includes(n)), `sentence hover names none of the other articles:\n${text}`);
    });

    it('go to definition on a sentence lands on a passage of another article about the same thing', async () => {
      const s = await corroboratedSentence(uri);
      const defs = (await vscode.commands.executeCommand<LocationLike[]>('vscode.executeDefinitionProvider', uri, s.range.start)) ?? [];
      assert.ok(defs.length > 0, `no definition for the sentence at line ${s.range.start.line + 1} whose lens says "${s.title}"`);
      const source = words(doc.getText(s.range));
      const hover = plain(await hoverAt(uri, s.range.start)).replace(/\s+/g, ' ');
      // The hover quotes the best passages and counts the rest ("and 2 more"); the jump offers them all.
      const more = Number(/and (\d+) more|و(\d+) غيرها/.exec(hover)?.slice(1).find(Boolean) ?? 0);
      const unquoted: string[] = [];
      for (const d of defs) {
        const t = targetOf(d);
        assert.notStrictEqual(t.uri.toString(), uri.toString(), 'a corroborating passage must come from another article');
        const target = await vscode.workspace.openTextDocument(t.uri);
        assert.ok(target.validateRange(t.range).isEqual(t.range), `range ${JSON.stringify(t.range)} lies outside ${base(t.uri)}`);
        const passage = target.getText(t.range);
        assert.ok(ARABIC.test(passage) && passage.trim().length > 10, `target passage in ${base(t.uri)} is ${JSON.stringify(passage)}`);
        // The jump lands on exactly one whole sentence of the other article, the one the hover quotes.
        const there = (await api.client.sendRequest('qarina/sentenceLinks', { uri: t.uri.toString(), position: { line: t.range.start.line, character: t.range.start.character } })) as { sentence: { range: { start: { line: number; character: number }; end: { line: number; character: number } } } | null };
        assert.ok(there.sentence, `no sentence at the target in ${base(t.uri)}`);
        const sr = there.sentence.range;
        assert.ok(t.range.isEqual(new vscode.Range(sr.start.line, sr.start.character, sr.end.line, sr.end.character)), `the target range in ${base(t.uri)} is not the whole sentence there:\n${passage}\n---\n${target.getText(new vscode.Range(sr.start.line, sr.start.character, sr.end.line, sr.end.character))}`);
        // (VS Code orders the locations by file and position, not by score.)
        if (!hover.includes(passage.replace(/\s+/g, ' ').trim())) unquoted.push(passage);
        const shared = [...words(passage)].filter((w) => source.has(w));
        assert.ok(shared.length >= 1, `target passage in ${base(t.uri)} shares no word with the sentence:\n${doc.getText(s.range)}\n---\n${passage}`);
      }
      assert.ok(unquoted.length <= more, `${unquoted.length} passages the sentence jumps to are neither quoted in its hover nor among the ${more} it counts:\n${unquoted.join('\n')}\n---\n${hover}`);
    });

    it('find all references on a person spans at least two articles', async () => {
      const spans: string[] = [];
      for (const p of await people(uri)) {
        const refs = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, inside(p.mentions[0].range, doc))) ?? [];
        const files = new Set(refs.map((r) => r.uri.toString()));
        spans.push(`${p.name}: ${files.size}`);
        if (files.size >= 2) {
          for (const r of refs) {
            const other = await vscode.workspace.openTextDocument(r.uri);
            assert.ok(ARABIC.test(other.getText(r.range)), `reference in ${base(r.uri)} at ${r.range.start.line + 1} is not a name`);
          }
          return;
        }
      }
      assert.fail(`no person's references span two articles (${spans.join('; ')})`);
    });

    it('shows CodeLens with passage counts above linked sentences, opening the passages', async () => {
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
      assert.ok(lenses.length > 0, 'no CodeLens');
      for (const l of lenses) {
        // In words; in short form when a line holds several linked sentences; or one summary per line.
        assert.match(l.command?.title ?? '', /\d+ (corroborate|contradict|different)|\d+ (يؤيد|يناقض|حدث)|^[✓✗?]\d+( [✓✗?]\d+)*$/, `unexpected lens title ${l.command?.title}`);
        assert.match(l.command?.tooltip ?? '', /«.+»: \d/, `the lens names no sentence: ${l.command?.tooltip}`);
        assert.strictEqual(l.command?.command, 'qarina.showPassages');
      }
    });

    it('Next corroborating passage opens the other article with the passage selected, Previous walks back', async () => {
      const s = await corroboratedSentence(uri);
      const defs = ((await vscode.commands.executeCommand<LocationLike[]>('vscode.executeDefinitionProvider', uri, s.range.start)) ?? []).map(targetOf);
      assert.ok(defs.length > 0, 'no corroborating passage to walk to');
      const editor = await vscode.window.showTextDocument(doc, { preview: false });
      editor.selection = new vscode.Selection(s.range.start, s.range.start);
      const key = (u: vscode.Uri, r: vscode.Range) => `${u.toString()}#${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
      const passages = new Set(defs.map((d) => key(d.uri, d.range)));
      /** Waits until the active editor shows one of the passages selected, other than `not`. */
      const landed = (step: string, not?: string) =>
        waitFor(`${step} to open a corroborating passage with it selected (passages: ${[...passages].map((p) => path.basename(p)).join(', ')})`, () => {
          const e = vscode.window.activeTextEditor;
          if (!e || e.selection.isEmpty) return undefined;
          const k = key(e.document.uri, e.selection);
          return passages.has(k) && k !== not ? k : undefined;
        }, 15_000);
      await vscode.commands.executeCommand('qarina.nextPassage');
      const first = await landed('Next passage');
      assert.ok(!first.startsWith(uri.toString() + '#'), 'Next passage stayed in the same article');
      if (defs.length >= 2) {
        await vscode.commands.executeCommand('qarina.nextPassage');
        const second = await landed('Next passage (again)', first);
        await vscode.commands.executeCommand('qarina.previousPassage');
        await landed('Previous passage', second);
        assert.strictEqual(key(vscode.window.activeTextEditor!.document.uri, vscode.window.activeTextEditor!.selection), first, 'Previous did not walk back to the first passage');
      } else {
        // One passage: Previous wraps around to it.
        await vscode.commands.executeCommand('qarina.previousPassage');
        assert.strictEqual(await landed('Previous passage'), first);
      }
    });

    it('shows contradictions as diagnostics pointing at the other passage', async function () {
      // The samples hold one: the White House "declined to comment" against a joint statement.
      const all = await waitFor('contradiction diagnostics on the samples', () => {
        const found = vscode.languages.getDiagnostics().flatMap(([u, ds]) => ds.filter((d) => d.source === 'qarina').map((d) => ({ u, d })));
        return found.length > 0 && found;
      });
      for (const { u, d } of all) {
        assert.ok(d.relatedInformation?.length, `diagnostic in ${base(u)} line ${d.range.start.line + 1} has no related information`);
        for (const ri of d.relatedInformation!) {
          assert.notStrictEqual(ri.location.uri.toString(), u.toString(), 'a contradiction points at another article');
          const other = await vscode.workspace.openTextDocument(ri.location.uri);
          assert.ok(ARABIC.test(other.getText(ri.location.range)), `related passage in ${base(ri.location.uri)} is empty`);
        }
      }
    });

    it('the outline lists the article’s entities by type, each mention on its own text', async () => {
      const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
      const groups = symbols.map((s) => s.name);
      assert.ok(groups.some((g) => /PER/.test(g)) && groups.some((g) => /LOC/.test(g)), `outline groups: ${groups.join(', ')}`);
      for (const g of symbols) {
        assert.ok(g.children.length > 0, `empty group ${g.name}`);
        for (const e of g.children) {
          for (const m of e.children) assert.strictEqual(doc.getText(m.range), m.name, `mention of ${e.name} at line ${m.range.start.line + 1}`);
        }
      }
    });
  });
}
