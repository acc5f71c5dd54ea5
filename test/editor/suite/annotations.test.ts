// The user's decisions (issue 6) through the extension's commands, as the context menu and the
// command palette run them: each lands in the article's .annotations.json sidecar on disk, changes
// what the editor shows, and is still there after the language server restarts and rereads disk.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { QarinaApi } from '../../../client/src/extension';
import type { Sidecar } from '../../../server/src/storage/format';
import { AnnotationTreeRequest, type AnnotationTreeItem } from '../../../server/src/protocol';
import { ARABIC, hoverAt, inside, openArticle, plain, qarina, seed, sidecarPath, waitFor, waitIndexed } from './helpers';

const readSidecar = (uri: vscode.Uri): Sidecar | undefined => {
  try {
    return JSON.parse(fs.readFileSync(sidecarPath(uri), 'utf8')) as Sidecar;
  } catch {
    return undefined; // not written yet, or caught mid-write
  }
};

const pos = (p: vscode.Position) => ({ line: p.line, character: p.character });

export function defineAnnotationTests(): void {
  describe('Annotating an article (sidecar on disk)', function () {
    this.timeout(120_000);
    let api: QarinaApi;
    let uri: vscode.Uri;
    let doc: vscode.TextDocument;
    let rejected: { start: number; end: number; text: string };
    let added: { start: number; end: number; text: string };

    before(async function () {
      this.timeout(180_000);
      api = await qarina();
      uri = seed('002_');
      doc = (await openArticle(api, uri)).document;
    });

    const highlighted = (kind: string) => api.highlighter.applied.get(uri.toString())?.get(kind as never) ?? [];
    const offsets = (r: vscode.Range) => ({ start: doc.offsetAt(r.start), end: doc.offsetAt(r.end), text: doc.getText(r) });

    it('Reject annotation at cursor marks the entity rejected in the sidecar and removes its highlight and hover', async () => {
      const target = [...highlighted('LOC'), ...highlighted('PER'), ...highlighted('ORG')][0];
      assert.ok(target, `${path.basename(uri.fsPath)} has no highlighted entity to reject`);
      rejected = offsets(target);
      const before = plain(await hoverAt(uri, inside(target, doc)));
      assert.match(before, /Person|Place|Organisation|شخص|مكان|منظمة/, `hover before rejecting:\n${before}`);

      await vscode.commands.executeCommand('qarina.rejectAnnotation', uri.toString(), pos(inside(target, doc)), 'entity');

      const entry = await waitFor(`a rejected entity «${rejected.text}» in ${sidecarPath(uri)}`, () =>
        readSidecar(uri)?.entities.find((e) => e.start === rejected.start && e.end === rejected.end && e.status === 'rejected'),
      );
      assert.strictEqual(entry.text, rejected.text);
      await waitFor('the rejected entity to lose its highlight', () =>
        !['PER', 'LOC', 'ORG', 'MISC'].some((k) => highlighted(k).some((r) => r.isEqual(target))) || undefined,
      );
      const after = plain(await hoverAt(uri, inside(target, doc)));
      assert.doesNotMatch(after, /^\s*(Person|Place|Organisation|Other name)\b/, `hover after rejecting still shows the entity:\n${after}`);
    });

    it('Add entity from selection writes a user entity to the sidecar and highlights it', async () => {
      // An Arabic word that nothing highlights yet.
      const taken = [...(api.highlighter.applied.get(uri.toString())?.values() ?? [])].flat();
      const text = doc.getText();
      let range: vscode.Range | undefined;
      for (const m of text.matchAll(/[\u0621-\u064A]{5,}/g)) {
        const r = new vscode.Range(doc.positionAt(m.index!), doc.positionAt(m.index! + m[0].length));
        if (!taken.some((t) => t.intersection(r)) && !(m.index! >= rejected.start && m.index! < rejected.end)) { range = r; break; }
      }
      assert.ok(range, 'no free word to annotate');
      added = offsets(range);

      await vscode.commands.executeCommand('qarina.addEntity', uri.toString(), { start: pos(range.start), end: pos(range.end) }, 'MISC');

      const entry = await waitFor(`user entity «${added.text}» in the sidecar`, () =>
        readSidecar(uri)?.entities.find((e) => e.start === added.start && e.end === added.end && e.origin === 'user'),
      );
      assert.strictEqual(entry.type, 'MISC');
      assert.strictEqual(entry.text, added.text);
      await waitFor(`a MISC highlight on «${added.text}»`, () => highlighted('MISC').some((r) => r.isEqual(range!)) || undefined);
    });

    it('Mark sentence as checked is saved, and Undo takes it back', async () => {
      const p = doc.positionAt(added.start);
      await vscode.commands.executeCommand('qarina.markChecked', uri.toString(), pos(p));
      const check = await waitFor('a checked sentence in the sidecar', () => readSidecar(uri)?.checks.find((c) => c.start <= added.start && added.end <= c.end));
      assert.ok(ARABIC.test(check.text));
      await vscode.commands.executeCommand('qarina.undo');
      await waitFor('Undo to remove the check from the sidecar', () => {
        const s = readSidecar(uri);
        return s && !s.checks.some((c) => c.id === check.id) ? true : undefined;
      });
      // Undo takes back only the last decision.
      assert.ok(readSidecar(uri)!.entities.some((e) => e.start === added.start && e.origin === 'user'), 'Undo removed more than the last decision');
    });

    it('a note on a passage is saved with its text and anchor', async () => {
      // Add note asks for its text in an input box (driven by the UI smoke test); here the same
      // server command it sends is run with the text a user would type.
      const line = doc.lineAt(doc.positionAt(added.start).line);
      const body = 'تحقق من هذا المصدر';
      await api.client.sendRequest('workspace/executeCommand', { command: 'qarina.server.addNote', arguments: [{ uri: uri.toString(), range: { start: pos(line.range.start), end: pos(line.range.end) }, text: body }] });
      const note = await waitFor('the note in the sidecar', () => readSidecar(uri)?.notes.find((n) => n.body === body));
      assert.strictEqual(note.text, line.text.trim());
      assert.strictEqual(doc.getText().slice(note.start, note.end), note.text, 'the note anchor does not match the article text');
    });

    it('after the language server restarts and rereads the sidecars, the decisions still show', async () => {
      await api.client.restart();
      await waitIndexed(api);
      await waitFor('the restarted server to repaint the article with the saved decisions', () => {
        api.highlighter.refreshVisible(); // what a new editor would trigger
        const rejectedGone = !['PER', 'LOC', 'ORG'].some((k) => highlighted(k).some((r) => doc.offsetAt(r.start) === rejected.start && doc.offsetAt(r.end) === rejected.end));
        const addedShown = highlighted('MISC').some((r) => doc.offsetAt(r.start) === added.start && doc.offsetAt(r.end) === added.end);
        return rejectedGone && addedShown ? true : undefined;
      }, 60_000, 500);
      const s = readSidecar(uri)!;
      assert.ok(s.entities.some((e) => e.start === rejected.start && e.status === 'rejected'), 'the rejection was lost');
      assert.ok(s.notes.some((n) => n.body === 'تحقق من هذا المصدر'), 'the note was lost');
    });

    it('editing the article (text before and inside annotated spans, a deleted line) keeps every decision in place or lists it as orphaned', async () => {
      const noteLine = doc.lineAt(doc.positionAt(added.start).line);
      // A rejected name on another line than the note, to type inside it.
      const other = [...highlighted('LOC'), ...highlighted('PER'), ...highlighted('ORG')].find((r) => r.start.line !== noteLine.lineNumber && doc.getText(r).length >= 4);
      assert.ok(other, 'no highlighted name outside the note line');
      const inner = offsets(other);
      await vscode.commands.executeCommand('qarina.rejectAnnotation', uri.toString(), pos(inside(other, doc)), 'entity');
      await waitFor(`the rejection of «${inner.text}» in the sidecar`, () => readSidecar(uri)?.entities.find((e) => e.start === inner.start && e.status === 'rejected'));
      const before = readSidecar(uri)!;
      const decided = (x: { origin?: string; status?: string }) => x.origin === 'user' || x.status === 'rejected' || x.status === 'accepted';
      const decisionIds = [...before.entities.filter(decided).map((e) => e.id), ...before.notes.map((n) => n.id)];
      assert.ok(decisionIds.length >= 4, `expected two rejections, the added entity and the note, got ${decisionIds.length}`);

      // Three edits a user makes: a line typed above everything, a tatweel typed inside a rejected
      // name (after its second letter: no letter loses its marks), and the note's line deleted.
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(0, 0), 'عاجل: تحديث للخبر\n');
      edit.insert(uri, doc.positionAt(inner.start + 2), 'ـ');
      edit.delete(uri, noteLine.rangeIncludingLineBreak);
      assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
      await doc.save();

      let seen = 'no sidecar';
      const after = await waitFor('the sidecar to follow the edit', () => {
        const s = readSidecar(uri);
        if (s) seen = `sha ${s.document.sha256 === before.document.sha256 ? 'unchanged' : 'changed'}, notes ${JSON.stringify(s.notes.map((n) => ({ start: n.start, orphaned: n.orphaned, text: n.text.slice(0, 20) })))}`;
        return s && s.document.sha256 !== before.document.sha256 && s.notes.some((n) => n.orphaned) ? s : undefined;
      }).catch((e: Error) => { throw new Error(`${e.message}; last sidecar: ${seen}`); });
      const text = doc.getText();
      for (const id of decisionIds) {
        const e = [...after.entities, ...after.notes].find((x) => x.id === id);
        assert.ok(e, `decision ${id} was dropped by the edit`);
        if (e.orphaned) continue;
        assert.strictEqual(text.slice(e.start, e.end), e.text, `decision ${id} «${e.text}» is not on its text after the edit`);
      }
      assert.ok(after.notes.find((n) => n.body === 'تحقق من هذا المصدر')?.orphaned, 'the note of the deleted line is not orphaned');
      const r = after.entities.find((e) => e.status === 'rejected' && !e.orphaned && e.text.replace('ـ', '') === inner.text);
      assert.ok(r && r.text.includes('ـ'), `the rejection did not follow its name «${inner.text}»: ${JSON.stringify(after.entities.filter((e) => e.status === 'rejected'))}`);
      await waitFor(`«${r.text}» to stay unhighlighted after the edit`, () =>
        !['PER', 'LOC', 'ORG', 'MISC'].some((k) => highlighted(k).some((h) => doc.offsetAt(h.start) === r.start)) || undefined);
      // The Annotations view lists what could not be placed.
      // By method name: this bundle has its own copy of the protocol library, whose RequestType
      // objects the client's copy does not recognise.
      const tree = await api.client.sendRequest<AnnotationTreeItem[]>(AnnotationTreeRequest.method, { uri: uri.toString() });
      const flat = (items: AnnotationTreeItem[]): AnnotationTreeItem[] => items.flatMap((i) => [i, ...flat(i.children ?? [])]);
      const group = flat(tree).find((i) => /orphan/i.test(i.label));
      assert.ok(group && (group.children?.length ?? 0) >= 1, `the Annotations view lists no orphaned annotations: ${JSON.stringify(tree.map((t) => t.label))}`);
    });
  });
}
