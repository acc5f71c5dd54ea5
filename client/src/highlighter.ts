// Highlighting that keeps Arabic readable. VS Code lays each line out left to right and isolates
// every styled span, so foreground colours (semantic tokens, `color` decorations) cut an Arabic
// line into pieces that come out in the wrong order. Background and bottom-border decorations are
// drawn behind the text and do not split it (../shared/notes/arabic-in-vscode.md), so those are
// the only styles used here.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { HighlightsRequest, type HighlightKind, type HighlightSpan } from '../../server/src/protocol';

const KINDS: HighlightKind[] = ['PER', 'ORG', 'LOC', 'MISC', 'DATE', 'QUANTITY'];

/** Setting key under qarina.highlight.* and theme colour id for each kind. */
export const KIND_SETTINGS: Record<HighlightKind, { setting: string; color: string }> = {
  PER: { setting: 'person', color: 'qarina.personBackground' },
  ORG: { setting: 'organization', color: 'qarina.organizationBackground' },
  LOC: { setting: 'place', color: 'qarina.placeBackground' },
  MISC: { setting: 'otherName', color: 'qarina.otherNameBackground' },
  DATE: { setting: 'date', color: 'qarina.dateBackground' },
  QUANTITY: { setting: 'quantity', color: 'qarina.quantityBackground' },
};

export class Highlighter implements vscode.Disposable {
  private types = new Map<HighlightKind, vscode.TextEditorDecorationType>();
  /** Last ranges applied per document and kind (read by the tests through the extension API). */
  readonly applied = new Map<string, Map<HighlightKind, vscode.Range[]>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient, private readonly config: () => vscode.WorkspaceConfiguration) {
    this.rebuildStyles();
    this.disposables.push(vscode.window.onDidChangeVisibleTextEditors(() => this.refreshVisible()));
  }

  rebuildStyles(): void {
    for (const t of this.types.values()) t.dispose();
    this.types.clear();
    const style = this.config().get<string>('highlight.style', 'background');
    for (const kind of KINDS) {
      const color = new vscode.ThemeColor(KIND_SETTINGS[kind].color);
      const options: vscode.DecorationRenderOptions =
        style === 'border'
          ? { borderWidth: '0 0 2px 0', borderStyle: 'none none solid none', borderColor: color }
          : { backgroundColor: color, borderRadius: '2px' };
      this.types.set(kind, vscode.window.createTextEditorDecorationType(options));
    }
    this.refreshVisible();
  }

  refreshVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) void this.paint(editor);
  }

  refresh(uris: string[]): void {
    const wanted = new Set(uris);
    for (const editor of vscode.window.visibleTextEditors) {
      if (wanted.has(editor.document.uri.toString())) void this.paint(editor);
    }
  }

  private enabled(kind: HighlightKind): boolean {
    const cfg = this.config();
    if (cfg.get<string>('highlight.style') === 'semanticTokens') return false;
    return cfg.get<boolean>(`highlight.${KIND_SETTINGS[kind].setting}`, true);
  }

  private async paint(editor: vscode.TextEditor): Promise<void> {
    if (this.client.state !== 2 /* Running */) return;
    const uri = editor.document.uri.toString();
    let result;
    try {
      result = await this.client.sendRequest(HighlightsRequest, { uri });
    } catch {
      return;
    }
    const byKind = new Map<HighlightKind, vscode.Range[]>(KINDS.map((k) => [k, []]));
    for (const s of result.spans as HighlightSpan[]) {
      byKind.get(s.kind)!.push(new vscode.Range(s.range.start.line, s.range.start.character, s.range.end.line, s.range.end.character));
    }
    for (const kind of KINDS) {
      const ranges = this.enabled(kind) ? byKind.get(kind)! : [];
      editor.setDecorations(this.types.get(kind)!, ranges);
      byKind.set(kind, ranges);
    }
    this.applied.set(uri, byKind);
  }

  dispose(): void {
    for (const t of this.types.values()) t.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
