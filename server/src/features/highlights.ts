// What to paint: entities, dates and quantities of a document. Two outputs of the same list:
// the custom qarina/highlights request (VS Code paints background/border decorations, which keep
// Arabic reading order) and standard semantic tokens for other LSP editors (VS Code uses them only
// when the user opts in, because foreground colours split Arabic lines and scramble word order).
import type { Connection, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { Workspace } from '../lsp/workspace';
import type { Decisions } from '../lsp/queries';
import { HighlightsRequest, type HighlightKind, type HighlightSpan } from '../protocol';

export const TOKEN_TYPES: HighlightKind[] = ['PER', 'ORG', 'LOC', 'MISC', 'DATE', 'QUANTITY'];
const TOKEN_TYPE_NAMES = ['person', 'organization', 'place', 'otherName', 'date', 'quantity'];
export const semanticLegend: SemanticTokensLegend = { tokenTypes: TOKEN_TYPE_NAMES, tokenModifiers: ['accepted'] };

interface Span { kind: HighlightKind; start: number; end: number; status: HighlightSpan['status'] }

export function spansOf(ws: Workspace, uri: string, decisions: Decisions): Span[] {
  const a = ws.analysis(uri);
  if (!a) return [];
  const spans: Span[] = [];
  for (const e of a.entities) spans.push({ kind: e.type, start: e.start, end: e.end, status: decisions.statusOf(uri, 'entity', e.start, e.end) });
  for (const d of a.dates) spans.push({ kind: 'DATE', start: d.start, end: d.end, status: decisions.statusOf(uri, 'date', d.start, d.end) });
  for (const q of a.quantities) {
    // A quantity inside a date ("18 نوفمبر 2023") is the date's business.
    if (a.dates.some((d) => d.start <= q.start && q.end <= d.end)) continue;
    spans.push({ kind: 'QUANTITY', start: q.start, end: q.end, status: decisions.statusOf(uri, 'quantity', q.start, q.end) });
  }
  return spans.filter((s) => s.status !== 'rejected').sort((x, y) => x.start - y.start || y.end - x.end);
}

export function registerHighlights(connection: Connection, ws: Workspace, decisions: Decisions): void {
  connection.onRequest(HighlightsRequest, (params) => {
    const doc = ws.document(params.uri);
    return {
      uri: params.uri,
      version: doc?.version ?? null,
      spans: spansOf(ws, params.uri, decisions).map((s) => ({ kind: s.kind, status: s.status, range: ws.range(params.uri, s) })),
    };
  });

  connection.languages.semanticTokens.on((params): SemanticTokens => {
    const uri = params.textDocument.uri;
    const doc = ws.document(uri);
    if (!doc) return { data: [] };
    const data: number[] = [];
    let prevLine = 0, prevChar = 0;
    let lastEnd = -1;
    for (const s of spansOf(ws, uri, decisions)) {
      if (s.start < lastEnd) continue; // tokens must not overlap
      // Semantic tokens may not span lines: emit one token per line piece.
      let start = s.start;
      while (start < s.end) {
        const pos = doc.positionAt(start);
        const lineEndOffset = doc.offsetAt({ line: pos.line + 1, character: 0 });
        const end = Math.min(s.end, pos.line + 1 < doc.lineCount ? lineEndOffset - 1 : s.end);
        if (end <= start) break;
        const deltaLine = pos.line - prevLine;
        const deltaChar = deltaLine === 0 ? pos.character - prevChar : pos.character;
        data.push(deltaLine, deltaChar, end - start, TOKEN_TYPES.indexOf(s.kind), s.status === 'accepted' ? 1 : 0);
        prevLine = pos.line; prevChar = pos.character;
        start = lineEndOffset;
      }
      lastEnd = s.end;
    }
    return { data };
  });
}
