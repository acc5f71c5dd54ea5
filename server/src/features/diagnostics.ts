// Contradictions as diagnostics: one per contradicting link, on the sentence, with related
// information pointing at the other passage, so the Problems panel lists every conflict in the
// corpus. Severity is a setting (Information by default).
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import { renderReason } from '../engine/crosscheck/reasons';
import type { Workspace } from '../lsp/workspace';
import { basename } from '../lsp/markdown';
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
      const reasons = l.reasons.map((r) => renderReason(r, lang)).join('; ');
      const other = basename(l.target.path);
      out.push({
        range: ws.range(uri, s),
        severity: SEVERITY[severity],
        source: DIAGNOSTIC_SOURCE,
        code: CONTRADICTION_CODE,
        message: lang === 'ar' ? `يناقضه ${other}: «${l.target.quote}» — ${reasons}` : `Contradicted by ${other}: «${l.target.quote}» — ${reasons}`,
        relatedInformation: [{ location: { uri: l.target.path, range: ws.range(l.target.path, l.target) }, message: l.target.quote }],
        data: { linkId: linkId(l) },
      });
    }
  }
  return out;
}

export function publishDiagnostics(connection: Connection, ws: Workspace, uris: Iterable<string>, lang: Lang, severity: SeverityName, decisions: Decisions): void {
  for (const uri of uris) {
    const diagnostics = ws.corpus.has(uri) ? contradictionDiagnostics(ws, uri, lang, severity, decisions) : [];
    void connection.sendDiagnostics({ uri, diagnostics });
  }
}
