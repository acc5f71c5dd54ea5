// The "Annotations" tree: the current article's entities by type with counts, dates, the user's
// decisions, orphaned annotations and notes, and the corpus's entities. Clicking jumps to the span.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AnnotationTreeRequest, type AnnotationTreeItem } from '../../server/src/protocol';

export class AnnotationsView implements vscode.TreeDataProvider<AnnotationTreeItem> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly client: LanguageClient) {
    vscode.window.onDidChangeActiveTextEditor(() => this.refresh());
  }

  refresh(): void {
    this.emitter.fire();
  }

  async getChildren(element?: AnnotationTreeItem): Promise<AnnotationTreeItem[]> {
    if (element) return element.children ?? [];
    if (this.client.state !== 2) return [];
    const uri = vscode.window.activeTextEditor?.document.uri.toString() ?? null;
    try {
      return await this.client.sendRequest(AnnotationTreeRequest, { uri });
    } catch {
      return [];
    }
  }

  getTreeItem(item: AnnotationTreeItem): vscode.TreeItem {
    const t = new vscode.TreeItem(item.label, item.children?.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    t.description = item.description;
    t.contextValue = item.kind;
    if (item.kind === 'group') t.collapsibleState = vscode.TreeItemCollapsibleState.Expanded;
    if (item.uri && item.range) {
      const r = new vscode.Range(item.range.start.line, item.range.start.character, item.range.end.line, item.range.end.character);
      t.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(item.uri), { selection: r }] };
    }
    if (item.kind === 'orphan') t.iconPath = new vscode.ThemeIcon('warning');
    return t;
  }
}
