// Status bar: how many articles are served, how many were skipped and the link counts (pairs of
// passages, worded as the CLI summary words them: server/src/linkCounts.ts).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { describeLinks, linkCountParts, plural } from '../../server/src/linkCounts';
import { StatusRequest } from '../../server/src/protocol';

export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'Qarina';
    this.item.command = 'qarina.showOutput';
  }

  async update(): Promise<void> {
    try {
      const s = await this.client.sendRequest(StatusRequest);
      this.item.text = `$(references) Qarina: ${[plural(s.articles, 'article'), ...linkCountParts(s.links)].join(' · ')}`;
      const skipped = s.skipped.length ? `Skipped:\n${s.skipped.map((x) => `${x.path}: ${x.reason}`).join('\n')}` : 'All articles indexed';
      this.item.tooltip = `${describeLinks(s.links)} between articles\n${skipped}`;
      this.item.show();
    } catch {
      this.item.hide();
    }
  }

  dispose(): void {
    this.item.dispose();
  }
}
