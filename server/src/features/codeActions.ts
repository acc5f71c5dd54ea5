// Quick actions where the cursor is: accept, reject or retype the entity or date under it, add the
// selection as a name, confirm or reject the links of a contradiction diagnostic, mark the sentence
// as checked. Each action runs a server command, so the decision is stored in the sidecar.
import { CodeActionKind, type CodeAction, type Connection } from 'vscode-languageserver';
import type { EntityType } from '../engine/model';
import type { Workspace } from '../lsp/workspace';
import { dateAt, entityAt, sentenceAtOffset } from '../lsp/queries';
import { ServerCommands } from '../protocol';
import type { Lang } from './hover';
import { CONTRADICTION_CODE } from './diagnostics';

const TYPES: EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

export function registerCodeActions(connection: Connection, ws: Workspace, lang: () => Lang): void {
  connection.onCodeAction((params): CodeAction[] => {
    const uri = params.textDocument.uri;
    const a = ws.analysis(uri);
    if (!a) return [];
    const start = ws.offset(uri, params.range.start);
    const end = ws.offset(uri, params.range.end);
    const position = params.range.start;
    const ar = lang() === 'ar';
    const actions: CodeAction[] = [];
    const cmd = (title: string, command: string, args: object, kind: string = CodeActionKind.QuickFix): CodeAction => ({ title, kind, command: { title, command, arguments: [args] } });

    const e = entityAt(a, start);
    if (e) {
      const name = `«${e.text}» (${e.type})`;
      actions.push(cmd(ar ? `قبول ${name}` : `Accept ${name}`, ServerCommands.acceptAnnotation, { uri, position, kind: 'entity' }));
      actions.push(cmd(ar ? `رفض ${name}: ليس اسمًا` : `Reject ${name}: not an entity`, ServerCommands.rejectAnnotation, { uri, position, kind: 'entity' }));
      for (const t of TYPES) if (t !== e.type) actions.push(cmd(ar ? `تغيير النوع إلى ${t}` : `Retype as ${t}`, ServerCommands.retypeEntity, { uri, position, type: t }, CodeActionKind.Refactor));
      actions.push(cmd(ar ? 'فصل هذا الذكر عن الكيان' : 'Split this mention off its entity', ServerCommands.splitEntity, { uri, position }, CodeActionKind.Refactor));
      actions.push(cmd(ar ? `رفض كل «${e.text}»` : `Reject every «${e.text}»`, ServerCommands.bulkRejectSurface, { uri, position }, CodeActionKind.Refactor));
    }
    const d = dateAt(a, start);
    if (d) {
      actions.push(cmd(ar ? `قبول التاريخ «${d.text}»` : `Accept date «${d.text}» = ${d.value}`, ServerCommands.acceptAnnotation, { uri, position, kind: 'date' }));
      actions.push(cmd(ar ? `رفض التاريخ «${d.text}»` : `Reject date «${d.text}»`, ServerCommands.rejectAnnotation, { uri, position, kind: 'date' }));
    }
    if (!e && end > start && end - start <= 200) {
      const text = a.text.slice(start, end).trim();
      if (text) for (const t of TYPES) actions.push(cmd(ar ? `إضافة «${text}» كـ ${t}` : `Add «${text}» as ${t}`, ServerCommands.addEntity, { uri, range: params.range, type: t }, CodeActionKind.Refactor));
    }
    for (const diag of params.context.diagnostics) {
      if (diag.code !== CONTRADICTION_CODE || !diag.data?.linkId) continue;
      actions.push({ ...cmd(ar ? 'تأكيد التناقض' : 'Confirm this contradiction', ServerCommands.confirmLink, { linkId: diag.data.linkId }), diagnostics: [diag] });
      actions.push({ ...cmd(ar ? 'رفض التناقض' : 'Reject this contradiction (not a conflict)', ServerCommands.rejectLink, { linkId: diag.data.linkId }), diagnostics: [diag], isPreferred: false });
    }
    if (sentenceAtOffset(a, start)) actions.push(cmd(ar ? 'تعليم الجملة كمُتحقَّق منها' : 'Mark sentence as checked', ServerCommands.markChecked, { uri, position }, CodeActionKind.Refactor));
    return actions;
  });
}
