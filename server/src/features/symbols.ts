// Document symbols list the article's entities by type; workspace symbols find canonical
// entities by any of their spellings (matched on normalised text, so hamza/alef/diacritic
// variants of the query still find them).
import { SymbolKind, type Connection, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import type { EntityType } from '../engine/model';
import { norm } from '../engine/text/normalize';
import type { Workspace } from '../lsp/workspace';
import { mentionsOf, type Decisions } from '../lsp/queries';
import { plainLabel } from '../lsp/plainText';

const KIND: Record<EntityType, SymbolKind> = { PER: SymbolKind.Variable, ORG: SymbolKind.Class, LOC: SymbolKind.Namespace, MISC: SymbolKind.Constant };
const GROUP: Record<EntityType, string> = { PER: 'People (PER)', ORG: 'Organisations (ORG)', LOC: 'Places (LOC)', MISC: 'Other names (MISC)' };

export function registerSymbols(connection: Connection, ws: Workspace, decisions: Decisions): void {
  connection.onDocumentSymbol((params): DocumentSymbol[] => {
    const uri = params.textDocument.uri;
    const a = ws.analysis(uri);
    if (!a) return [];
    const groups: DocumentSymbol[] = [];
    for (const type of ['PER', 'ORG', 'LOC', 'MISC'] as EntityType[]) {
      const byEntity = new Map<string, DocumentSymbol>();
      for (const e of a.entities) {
        if (e.type !== type || decisions.statusOf(uri, 'entity', e.start, e.end) === 'rejected') continue;
        const key = e.entity ?? e.text;
        const range = ws.range(uri, e);
        const existing = byEntity.get(key);
        if (existing) {
          existing.children!.push({ name: plainLabel(e.text), kind: KIND[type], range, selectionRange: range });
          existing.detail = `${existing.children!.length} mentions`;
        } else {
          const canon = e.entity ? ws.corpus.canonicalById(e.entity) : undefined;
          // Names are article text: shown on one line, without bidi controls (lsp/plainText.ts).
          byEntity.set(key, { name: plainLabel(canon?.name ?? e.text), detail: '1 mention', kind: KIND[type], range, selectionRange: range, children: [{ name: plainLabel(e.text), kind: KIND[type], range, selectionRange: range }] });
        }
      }
      if (byEntity.size === 0) continue;
      const children = [...byEntity.values()];
      groups.push({ name: GROUP[type], detail: `${children.length}`, kind: SymbolKind.Namespace, range: children[0].range, selectionRange: children[0].selectionRange, children });
    }
    return groups;
  });

  connection.onWorkspaceSymbol((params): SymbolInformation[] => {
    const q = norm(params.query.trim());
    const out: SymbolInformation[] = [];
    for (const c of ws.corpus.canonical()) {
      const spellings = [...new Set(c.spellings.map((s) => s.text))];
      if (q && !spellings.some((s) => norm(s).includes(q)) && !norm(c.name).includes(q)) continue;
      const first = mentionsOf(ws, c.id)[0];
      if (!first) continue;
      out.push({ name: plainLabel(c.name), kind: KIND[c.type], containerName: plainLabel(spellings.filter((s) => s !== c.name).join(' = ')) || c.type, location: { uri: first.uri, range: ws.range(first.uri, first.mention) } });
      if (out.length >= 500) break;
    }
    return out;
  });
}
