// Contradictions as diagnostics: one per contradicting link, on the sentence, with related
// information pointing at the other passage, so the Problems panel lists every conflict in the
// corpus. Severity is a setting (Information by default).
// The message reads left to right as English does: who contradicts and why (the clashing values),
// then, on a line of its own, the start of the other passage, «quoted» and isolated as one
// right-to-left unit; the whole passage is the related information. Measured in VS Code on a story
// article: on one line with the reasons, the quote was clipped at the right edge of the Problems
// panel and the problem widget (F8), which hides the START of a right-to-left text; on its own line
// it is seen whole there and in the hover, and the reasons are never pushed out of sight.
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import { renderReason } from '../engine/crosscheck/reasons';
import type { Workspace } from '../lsp/workspace';
import { basename } from '../lsp/markdown';
import { excerpt, isolateArabicRuns, oneLine, rtlIsolate } from '../lsp/plainText';
import { linkId, linksOfSentence, type Decisions } from '../lsp/queries';
import type { Lang } from './hover';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';
const SEVERITY: Record<SeverityName, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'qarina';
export const CONTRADICTION_CODE = 'contradiction';

export function contradictionDiagnostics(ws: Workspace, uri: string, lang: Lang, severity: SeverityName, decisions: Decisions): Diagnostic[] {
  const a = ws.analysis(uri);
  if (!a) return [];
  const out: Diagnostic[] = [];
  for (const s of a.sentences) {
    for (const l of linksOfSentence(ws, uri, s, decisions)) {
      if (l.relation !== 'contradicts') continue;
      const other = oneLine(basename(l.target.path));
      out.push({
        range: ws.range(uri, s),
        severity: SEVERITY[severity],
        source: DIAGNOSTIC_SOURCE,
        code: CONTRADICTION_CODE,
        message: contradictionMessage(other, l.reasons.map((r) => oneLine(renderReason(r, lang))), l.target.quote, lang),
        relatedInformation: [{ location: { uri: l.target.path, range: ws.range(l.target.path, l.target) }, message: rtlIsolate(oneLine(l.target.quote)) }],
        data: { linkId: linkId(l) },
      });
    }
  }
  return out;
}

/** Longest start of the other passage quoted in a message (UTF-16 units, cut at a space). */
export const QUOTE_CHARS = 80;

/** "Contradicted by FILE (REASONS):" and on a line of its own "«QUOTE»": every Arabic run isolated,
 *  the quote last. */
export function contradictionMessage(other: string, reasons: string[], quote: string, lang: Lang): string {
  const why = reasons.length ? ` (${reasons.join('; ')})` : '';
  const frame = isolateArabicRuns(lang === 'ar' ? `يناقضه ${other}${why}` : `Contradicted by ${other}${why}`);
  return `${frame}:\n«${rtlIsolate(excerpt(quote, QUOTE_CHARS))}»`;
}

/** The articles whose last published diagnostics were not empty, per connection. */
const shown = new WeakMap<Connection, Set<string>>();

/**
 * Publishes the diagnostics of these articles, those of `first` before the others (the article
 * being typed in). An article that is not open, with no diagnostics now and none shown, is not
 * sent an empty list: the client already shows nothing (open ones always are: editors and tests
 * take a publication as "analysed"). That matters on a large folder: each message waits for a turn
 * of the event loop (vscode-jsonrpc's writer), and 1,000 empty lists after indexing once held a
 * hover's answer back for 15 s behind them while the cross-checker was rebuilt.
 */
export function publishDiagnostics(connection: Connection, ws: Workspace, uris: Iterable<string>, lang: Lang, severity: SeverityName, decisions: Decisions, first: Iterable<string> = []): void {
  let nonEmpty = shown.get(connection);
  if (!nonEmpty) shown.set(connection, (nonEmpty = new Set()));
  const ordered = new Set(first);
  for (const uri of uris) ordered.add(uri);
  for (const uri of ordered) {
    const diagnostics = ws.corpus.has(uri) ? contradictionDiagnostics(ws, uri, lang, severity, decisions) : [];
    if (diagnostics.length === 0 && !nonEmpty.delete(uri) && !ws.open.has(uri)) continue;
    if (diagnostics.length) nonEmpty.add(uri);
    void connection.sendDiagnostics({ uri, diagnostics });
  }
}
