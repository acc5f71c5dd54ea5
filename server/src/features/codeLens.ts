// A CodeLens above each sentence that has links: "3 corroborate · 1 contradicts". Its command is
// the client's qarina.showPassages (peek); the arguments are plain LSP data so other editors can
// map them to their own peek UI.
import type { CodeLens, Connection } from 'vscode-languageserver';
import type { Workspace } from '../lsp/workspace';
import { linksOfSentence, type Decisions } from '../lsp/queries';
import type { Lang } from './hover';

export const SHOW_PASSAGES_COMMAND = 'qarina.showPassages';

export function lensTitle(counts: { corroborates: number; contradicts: number; differentEvent: number }, lang: Lang): string {
  const parts: string[] = [];
  if (lang === 'ar') {
    if (counts.corroborates) parts.push(`${counts.corroborates} يؤيد`);
    if (counts.contradicts) parts.push(`${counts.contradicts} يناقض`);
    if (counts.differentEvent) parts.push(`${counts.differentEvent} حدث مختلف؟`);
  } else {
    if (counts.corroborates) parts.push(`${counts.corroborates} corroborate${counts.corroborates === 1 ? 's' : ''}`);
    if (counts.contradicts) parts.push(`${counts.contradicts} contradict${counts.contradicts === 1 ? 's' : ''}`);
    if (counts.differentEvent) parts.push(`${counts.differentEvent} different event?`);
  }
  return parts.join(' · ');
}

export function registerCodeLens(connection: Connection, ws: Workspace, lang: () => Lang, decisions: Decisions): void {
  connection.onCodeLens((params): CodeLens[] => {
    const uri = params.textDocument.uri;
    const a = ws.analysis(uri);
    if (!a) return [];
    const lenses: CodeLens[] = [];
    for (const s of a.sentences) {
      const links = linksOfSentence(ws, uri, s, decisions);
      if (links.length === 0) continue;
      const counts = {
        corroborates: links.filter((l) => l.relation === 'corroborates').length,
        contradicts: links.filter((l) => l.relation === 'contradicts').length,
        differentEvent: links.filter((l) => l.relation === 'different-event').length,
      };
      const range = ws.range(uri, s);
      const locations = links.map((l) => ({ uri: l.target.path, range: ws.range(l.target.path, l.target) }));
      lenses.push({ range, command: { title: lensTitle(counts, lang()), command: SHOW_PASSAGES_COMMAND, arguments: [uri, range.start, locations] } });
    }
    return lenses;
  });
}
