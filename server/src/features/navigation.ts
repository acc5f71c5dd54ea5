// Jumps: Go to Definition / Peek on a sentence gives its corroborating passages; Find All
// References on an entity gives all its mentions in all articles (on a plain sentence: every
// linked passage); the custom sentenceLinks request feeds next/previous navigation in VS Code.
import type { Connection, Location, LocationLink } from 'vscode-languageserver';
import type { Workspace } from '../lsp/workspace';
import { entityAt, linksOfSentence, mentionsOf, sentenceAtOffset, type Decisions } from '../lsp/queries';
import { SentenceLinksRequest, type PassageLocation } from '../protocol';
import { renderReason } from '../engine/crosscheck/reasons';
import { linkId } from '../lsp/queries';
import type { Lang } from './hover';

export function registerNavigation(connection: Connection, ws: Workspace, lang: () => Lang, decisions: Decisions): void {
  connection.onDefinition((params): LocationLink[] | null => {
    const uri = params.textDocument.uri;
    const a = ws.analysis(uri);
    if (!a) return null;
    const s = sentenceAtOffset(a, ws.offset(uri, params.position));
    if (!s) return null;
    const origin = ws.range(uri, s);
    return linksOfSentence(ws, uri, s, decisions)
      .filter((l) => l.relation === 'corroborates')
      .map((l) => {
        const r = ws.range(l.target.path, l.target);
        return { originSelectionRange: origin, targetUri: l.target.path, targetRange: r, targetSelectionRange: r };
      });
  });

  connection.onReferences((params): Location[] | null => {
    const uri = params.textDocument.uri;
    const a = ws.analysis(uri);
    if (!a) return null;
    const offset = ws.offset(uri, params.position);
    const e = entityAt(a, offset);
    if (e?.entity) {
      return mentionsOf(ws, e.entity)
        .filter((m) => params.context.includeDeclaration || m.uri !== uri || m.mention.start !== e.start)
        .map((m) => ({ uri: m.uri, range: ws.range(m.uri, m.mention) }));
    }
    const s = sentenceAtOffset(a, offset);
    if (!s) return null;
    return linksOfSentence(ws, uri, s, decisions).map((l) => ({ uri: l.target.path, range: ws.range(l.target.path, l.target) }));
  });

  connection.onRequest(SentenceLinksRequest, (params) => {
    const a = ws.analysis(params.uri);
    if (!a) return { sentence: null, passages: [] };
    const s = sentenceAtOffset(a, ws.offset(params.uri, params.position));
    if (!s) return { sentence: null, passages: [] };
    const passages: PassageLocation[] = linksOfSentence(ws, params.uri, s, decisions).map((l) => ({
      uri: l.target.path,
      range: ws.range(l.target.path, l.target),
      relation: l.relation,
      score: l.score,
      quote: l.target.quote,
      reasons: l.reasons.map((r) => renderReason(r, lang())),
      status: decisions.linkStatus(l),
      linkId: linkId(l),
    }));
    return { sentence: { id: s.id, range: ws.range(params.uri, s) }, passages };
  });
}
