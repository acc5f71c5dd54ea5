// Moving between corroborating passages: the CodeLens "3 corroborate · 1 contradicts" opens a peek
// of the passages; "Next/Previous corroborating passage" walks them, landing with the passage
// selected. The list comes from the server (qarina/sentenceLinks), best first.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SentenceLinksRequest, type PassageLocation } from '../../server/src/protocol';

type LspRange = PassageLocation['range'];
const toRange = (r: LspRange) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

export function registerNavigation(context: vscode.ExtensionContext, client: LanguageClient): void {
  // Remember where a walk started so that repeated "next" steps through the same list.
  let walk: { origin: vscode.Location; passages: PassageLocation[]; index: number } | null = null;

  const step = async (delta: 1 | -1) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const here = editor.document.uri.toString();
    const inWalk = walk && walk.passages.some((p, i) => i === walk!.index && p.uri === here && toRange(p.range).contains(editor.selection.active));
    if (!inWalk) {
      const result = await client.sendRequest(SentenceLinksRequest, { uri: here, position: editor.selection.active });
      const passages = result.passages.filter((p) => p.relation === 'corroborates');
      if (passages.length === 0) {
        void vscode.window.setStatusBarMessage('Qarina: no corroborating passage for this sentence', 3000);
        return;
      }
      walk = { origin: new vscode.Location(editor.document.uri, editor.selection.active), passages, index: delta === 1 ? -1 : passages.length };
    }
    const w = walk!;
    w.index = (w.index + delta + w.passages.length) % w.passages.length;
    const p = w.passages[w.index];
    const range = toRange(p.range);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(p.uri));
    const target = await vscode.window.showTextDocument(doc, { selection: range, preserveFocus: false });
    target.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    void vscode.window.setStatusBarMessage(`Qarina: passage ${w.index + 1}/${w.passages.length} (score ${p.score.toFixed(2)})`, 4000);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('qarina.nextPassage', () => step(1)),
    vscode.commands.registerCommand('qarina.previousPassage', () => step(-1)),
    vscode.commands.registerCommand('qarina.showPassages', async (uri: string, position: { line: number; character: number }, locations: { uri: string; range: LspRange }[]) => {
      const locs = locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), toRange(l.range)));
      await vscode.commands.executeCommand('editor.action.peekLocations', vscode.Uri.parse(uri), new vscode.Position(position.line, position.character), locs, 'peek');
    }),
  );
}
