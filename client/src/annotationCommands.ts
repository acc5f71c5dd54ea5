// The user's decisions: add, accept, reject, retype, merge and split entities; add dates; confirm
// or reject links; mark sentences checked; notes; bulk actions; undo. The client only gathers the
// user's choice (selection, quick pick, input box) and asks the server, which owns the sidecars.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ServerCommands, SentenceLinksRequest } from '../../server/src/protocol';
import type { AnnotationsView } from './annotationsView';

const ENTITY_TYPES = [
  { label: 'PER', description: 'Person · شخص' },
  { label: 'ORG', description: 'Organisation · منظمة' },
  { label: 'LOC', description: 'Place · مكان' },
  { label: 'MISC', description: 'Other name · اسم آخر' },
];

type Pos = { line: number; character: number };
const pos = (p: vscode.Position): Pos => ({ line: p.line, character: p.character });
const range = (r: vscode.Range) => ({ start: pos(r.start), end: pos(r.end) });

export function registerAnnotationCommands(context: vscode.ExtensionContext, client: LanguageClient, view: AnnotationsView): void {
  const run = async (command: string, args: object) => {
    const result = (await client.sendRequest('workspace/executeCommand', { command, arguments: [args] })) as { message?: string } | null;
    if (result?.message) void vscode.window.setStatusBarMessage(`Qarina: ${result.message}`, 4000);
    view.refresh();
    return result;
  };
  const editorOrWarn = () => {
    const e = vscode.window.activeTextEditor;
    if (!e) void vscode.window.showWarningMessage('Qarina: open an article first.');
    return e;
  };
  const pickType = async (placeHolder: string) => (await vscode.window.showQuickPick(ENTITY_TYPES, { placeHolder }))?.label;

  const register = (id: string, fn: (...args: any[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  register('qarina.addEntity', async (uri?: string, r?: { start: Pos; end: Pos }, type?: string) => {
    const e = editorOrWarn();
    if (!uri && (!e || e.selection.isEmpty)) return void vscode.window.showWarningMessage('Qarina: select the name first.');
    type ??= await pickType('Type of the selected name');
    if (!type) return;
    await run(ServerCommands.addEntity, { uri: uri ?? e!.document.uri.toString(), range: r ?? range(e!.selection), type });
  });
  register('qarina.addDate', async () => {
    const e = editorOrWarn();
    if (!e || e.selection.isEmpty) return void vscode.window.showWarningMessage('Qarina: select the date first.');
    const value = await vscode.window.showInputBox({ prompt: 'Normalised value (TIMEX-like: 2024-05-08, XXXX-05-08, REF-P1M)', validateInput: (v) => (/^(\d{4}|XXXX)(-(\d\d|XX|W\d\d|WXX))?(-(\d\d|\d))?$|^REF[+-]P(\d+|X)[DWMY]$/.test(v) ? null : 'Not a TIMEX-like value') });
    if (!value) return;
    await run(ServerCommands.addDate, { uri: e.document.uri.toString(), range: range(e.selection), value });
  });
  const atCursor = (command: string, extra: () => Promise<object | undefined> = async () => ({})) => async (uri?: string, p?: Pos, kind?: string) => {
    const e = vscode.window.activeTextEditor;
    const args = { uri: uri ?? e?.document.uri.toString(), position: p ?? (e ? pos(e.selection.active) : undefined), kind };
    if (!args.uri || !args.position) return;
    const more = await extra();
    if (!more) return;
    await run(command, { ...args, ...more });
  };
  register('qarina.acceptAnnotation', atCursor(ServerCommands.acceptAnnotation));
  register('qarina.rejectAnnotation', atCursor(ServerCommands.rejectAnnotation));
  register('qarina.retypeEntity', async (uri?: string, p?: Pos, type?: string) => {
    type ??= await pickType('New type for this entity');
    if (type) await atCursor(ServerCommands.retypeEntity, async () => ({ type }))(uri, p);
  });
  register('qarina.splitEntity', atCursor(ServerCommands.splitEntity));
  register('qarina.markChecked', atCursor(ServerCommands.markChecked));
  register('qarina.bulkRejectSurface', atCursor(ServerCommands.bulkRejectSurface));
  register('qarina.mergeEntities', async () => {
    const e = editorOrWarn();
    if (!e) return;
    const symbols = (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '')) ?? [];
    const pick = await vscode.window.showQuickPick(
      symbols.map((s) => ({ label: s.name, description: s.containerName, s })),
      { placeHolder: 'Merge the entity at the cursor with… (the same real-world thing)' },
    );
    if (!pick) return;
    await run(ServerCommands.mergeEntities, { a: { uri: e.document.uri.toString(), position: pos(e.selection.active) }, b: { uri: pick.s.location.uri.toString(), position: pos(pick.s.location.range.start) } });
  });
  register('qarina.bulkAccept', async () => {
    const e = editorOrWarn();
    if (!e) return;
    const type = (await vscode.window.showQuickPick([...ENTITY_TYPES, { label: 'DATE', description: 'Dates' }], { placeHolder: 'Accept every suggestion of this type in the article' }))?.label;
    if (type) await run(ServerCommands.bulkAccept, { uri: e.document.uri.toString(), type });
  });
  register('qarina.addNote', async () => {
    const e = editorOrWarn();
    if (!e) return;
    const text = await vscode.window.showInputBox({ prompt: 'Note for the selected passage' });
    if (text) await run(ServerCommands.addNote, { uri: e.document.uri.toString(), range: range(e.selection.isEmpty ? e.document.lineAt(e.selection.active.line).range : e.selection), text });
  });
  const decideLink = (command: string, verb: string) => async (linkId?: string) => {
    if (!linkId) {
      const e = editorOrWarn();
      if (!e) return;
      const links = await client.sendRequest(SentenceLinksRequest, { uri: e.document.uri.toString(), position: pos(e.selection.active) });
      const pick = await vscode.window.showQuickPick(
        links.passages.map((p) => ({ label: `${p.relation} · ${p.score.toFixed(2)}`, description: p.uri.slice(p.uri.lastIndexOf('/') + 1), detail: p.quote, id: p.linkId })),
        { placeHolder: `${verb} which link of this sentence?` },
      );
      linkId = pick?.id;
    }
    if (linkId) await run(command, { linkId });
  };
  register('qarina.confirmLink', decideLink(ServerCommands.confirmLink, 'Confirm'));
  register('qarina.rejectLink', decideLink(ServerCommands.rejectLink, 'Reject'));
  register('qarina.undo', () => run(ServerCommands.undo, {}));
  register('qarina.annotateFolder', () => run(ServerCommands.annotateFolder, {}));
  register('qarina.setReferenceDate', async () => {
    const e = editorOrWarn();
    if (!e) return;
    const date = await vscode.window.showInputBox({ prompt: 'Reference date for this article (YYYY-MM-DD; empty to clear)', validateInput: (v) => (v === '' || /^\d{4}-\d\d-\d\d$/.test(v) ? null : 'Use YYYY-MM-DD') });
    if (date !== undefined) await run(ServerCommands.setReferenceDate, { uri: e.document.uri.toString(), date: date || null });
  });
  register('qarina.deleteOrphan', (uri: string, id: string) => run(ServerCommands.deleteOrphan, { uri, id }));
  register('qarina.reattachOrphan', async (uri: string, id: string) => {
    const e = editorOrWarn();
    if (!e || e.selection.isEmpty) return void vscode.window.showWarningMessage('Qarina: select where the annotation belongs, then re-attach.');
    await run(ServerCommands.reattachOrphan, { uri, id, range: range(e.selection) });
  });
  register('qarina.showOutput', () => client.outputChannel.show());
}
