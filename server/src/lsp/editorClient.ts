// What the server asks of the editor. LSP lets a server send a request to the client only when the
// client said it can answer it: refreshing semantic tokens or CodeLens, creating a progress bar,
// reading settings, registering for more notifications each sit behind a client capability. An
// editor that did not declare one (Neovim 0.7, a minimal client) answers MethodNotFound, and an
// unhandled rejection of that answer used to end the server. So every server→client request goes
// through here: sent only when its capability was declared, and a failure is logged, never thrown —
// a refresh the editor missed costs a stale view, not the session and not the user's annotations.
//
// The server sends no other request (no workspace/diagnostic/refresh, inlay hint or inline value
// refresh, no applyEdit or showDocument); notifications need no capability.
import {
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type FileSystemWatcher,
  type NotificationType,
  type WorkDoneProgressServerReporter,
} from 'vscode-languageserver/node';

export interface ClientAbilities {
  semanticTokensRefresh: boolean;
  codeLensRefresh: boolean;
  workDoneProgress: boolean;
  configuration: boolean;
  configurationRegistration: boolean;
  watchedFilesRegistration: boolean;
}

/** Which server→client requests this editor declared it answers (missing means no). */
export function abilitiesOf(caps: ClientCapabilities | undefined): ClientAbilities {
  return {
    semanticTokensRefresh: caps?.workspace?.semanticTokens?.refreshSupport === true,
    codeLensRefresh: caps?.workspace?.codeLens?.refreshSupport === true,
    workDoneProgress: caps?.window?.workDoneProgress === true,
    configuration: caps?.workspace?.configuration === true,
    configurationRegistration: caps?.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    watchedFilesRegistration: caps?.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
  };
}

const neverCancelled: CancellationToken = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };

/** Progress for an editor that shows none (or refused to create it): every call does nothing. */
export const silentProgress: WorkDoneProgressServerReporter = {
  token: neverCancelled,
  begin() {},
  report() {},
  done() {},
};

export class EditorClient {
  private can: ClientAbilities = abilitiesOf(undefined);

  constructor(
    private readonly connection: Connection,
    private readonly log: (message: string) => void,
  ) {}

  /** From the initialize request's capabilities. */
  initialize(caps: ClientCapabilities | undefined): void {
    this.can = abilitiesOf(caps);
  }

  get abilities(): Readonly<ClientAbilities> {
    return this.can;
  }

  refreshSemanticTokens(): void {
    if (this.can.semanticTokensRefresh) this.settle('workspace/semanticTokens/refresh', this.connection.languages.semanticTokens.refresh());
  }

  refreshCodeLens(): void {
    if (this.can.codeLensRefresh) this.settle('workspace/codeLens/refresh', this.connection.sendRequest(CodeLensRefreshRequest.type));
  }

  /** A work-done progress bar in the editor, or a silent one when it has none or refuses. */
  async progress(): Promise<WorkDoneProgressServerReporter> {
    if (!this.can.workDoneProgress) return silentProgress;
    try {
      return await this.connection.window.createWorkDoneProgress();
    } catch (e) {
      this.log(`window/workDoneProgress/create failed: ${messageOf(e)}`);
      return silentProgress;
    }
  }

  /** The editor's settings under `section`, or null when it cannot tell or fails to. */
  async configuration(section: string): Promise<any> {
    if (!this.can.configuration) return null;
    try {
      return (await this.connection.workspace.getConfiguration(section)) ?? null;
    } catch (e) {
      this.log(`workspace/configuration failed: ${messageOf(e)}`);
      return null;
    }
  }

  /** Ask to be told when settings under `section` change (editors without dynamic registration
   *  send didChangeConfiguration anyway, or never). */
  watchConfiguration(section: string): void {
    if (this.can.configurationRegistration) this.settle('client/registerCapability', this.connection.client.register(DidChangeConfigurationNotification.type, { section }));
  }

  /** Ask the editor to report changes of these files on disk; returns whether it was asked. */
  watchFiles(watchers: FileSystemWatcher[]): boolean {
    if (!this.can.watchedFilesRegistration) return false;
    this.settle('client/registerCapability', this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }));
    return true;
  }

  /** A notification (no capability needed); a failure to send it is logged. */
  notify<P extends object>(type: NotificationType<P>, params: P): void {
    this.settle(type.method, this.connection.sendNotification(type.method, params));
  }

  private settle(what: string, p: Promise<unknown>): void {
    p.then(undefined, (e) => this.log(`${what} failed: ${messageOf(e)}`));
  }
}

/** Last line of defence: a promise nobody awaited that rejects is reported on stderr (which every
 *  editor keeps in its log of the server) instead of ending the process, Node's default. Not sent
 *  over the connection: the rejection may be the connection failing. */
export function surviveUnhandledRejections(write: (line: string) => void = (l) => process.stderr.write(l + '\n')): void {
  process.on('unhandledRejection', (reason) => write(`qarina: unhandled rejection (server kept running): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
