// The server's own watch over the workspace folders, for editors that do not report file changes
// (no dynamic registration of workspace/didChangeWatchedFiles: Neovim without a watcher plugin,
// Helix, many small clients). Without it a sidecar edited by hand, or replaced by `git pull` or a
// `qarina annotate` run, stays unseen in the server's memory: its decisions are merged back only at
// the next write, and are missing from the editor's view until then. Events are gathered and
// handed over in one batch once the folder is quiet for a moment (an annotate run writes hundreds of
// sidecars in a burst; each would otherwise re-analyse the corpus).
// fs.watch with `recursive` (Linux since Node 20, macOS and Windows natively) is enough: what it
// reports is only a hint; the handler reads the files and compares with what it knows.
import { watch, type FSWatcher } from 'node:fs';
import * as path from 'node:path';
import { FileChangeType, type FileEvent } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { existsSync } from 'node:fs';

const QUIET_MS = 200;

export class FolderWatcher {
  private readonly watchers: FSWatcher[] = [];
  private readonly pending = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly relevant: (file: string) => boolean,
    private readonly handle: (changes: FileEvent[]) => Promise<void>,
    private readonly log: (msg: string) => void,
  ) {}

  /** Watch these folders (and everything under them). */
  start(folders: string[]): void {
    for (const folder of folders) {
      try {
        const w = watch(folder, { recursive: true, persistent: false }, (_event, name) => {
          if (!name) return;
          const file = path.join(folder, name.toString());
          if (this.relevant(file)) this.note(file);
        });
        w.on('error', (e) => this.log(`Watching ${folder} stopped: ${e.message}`));
        this.watchers.push(w);
      } catch (e) {
        this.log(`Cannot watch ${folder} for changes (${(e as Error).message}); sidecars edited outside the editor are seen at the next write only.`);
      }
    }
  }

  private note(file: string): void {
    this.pending.set(file, file);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), QUIET_MS);
  }

  private async flush(): Promise<void> {
    const files = [...this.pending.keys()];
    this.pending.clear();
    const changes: FileEvent[] = files.map((f) => ({ uri: URI.file(f).toString(), type: existsSync(f) ? FileChangeType.Changed : FileChangeType.Deleted }));
    try {
      await this.handle(changes);
    } catch (e) {
      this.log(`Handling file changes failed: ${e instanceof Error ? e.stack : String(e)}`);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const w of this.watchers) w.close();
    this.watchers.length = 0;
  }
}
