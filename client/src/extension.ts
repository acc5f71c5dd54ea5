// The VS Code client: starts the language server (IPC) and adds what only VS Code can show —
// highlight decorations that keep Arabic reading order, passage navigation, annotation commands
// and the Annotations view. Everything else comes from the server over standard LSP.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { Highlighter } from './highlighter';
import { registerNavigation } from './navigation';
import { registerAnnotationCommands } from './annotationCommands';
import { AnnotationsView } from './annotationsView';
import { StatusItem } from './statusItem';
import { AnnotationsChangedNotification } from '../../server/src/protocol';

export interface QarinaApi {
  client: LanguageClient;
  /** Resolves once the server has started and indexed the workspace. */
  ready: Promise<void>;
  highlighter: Highlighter;
}

export const ARTICLE_SELECTOR = [
  { scheme: 'file', language: 'plaintext' },
  { scheme: 'file', language: 'markdown' },
  { scheme: 'file', language: 'qarina-article' },
  { scheme: 'untitled', language: 'qarina-article' },
];

export async function activate(context: vscode.ExtensionContext): Promise<QarinaApi> {
  const output = vscode.window.createOutputChannel('Qarina', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const config = () => vscode.workspace.getConfiguration('qarina');
  const clientOptions: LanguageClientOptions = {
    documentSelector: ARTICLE_SELECTOR,
    outputChannel: output,
    markdown: { isTrusted: false, supportHtml: true },
    initializationOptions: {
      contradictionSeverity: config().get('diagnostics.contradictionSeverity'),
      referenceDate: config().get('referenceDate') || null,
      sidecars: config().get('sidecars.write'),
    },
    middleware: {
      // Foreground-colour tokens split Arabic lines and scramble word order in VS Code, so
      // semantic tokens are only served when the user opts in (background decorations are used).
      provideDocumentSemanticTokens: (document, token, next) =>
        config().get<string>('highlight.style') === 'semanticTokens' ? next(document, token) : undefined,
    },
  };
  const client = new LanguageClient('qarina', 'Qarina', serverOptions, clientOptions);
  const highlighter = new Highlighter(client, config);
  context.subscriptions.push(highlighter);

  const view = new AnnotationsView(client);
  context.subscriptions.push(vscode.window.registerTreeDataProvider('qarina.annotations', view));
  const status = new StatusItem(client);
  context.subscriptions.push(status);

  registerNavigation(context, client);
  registerAnnotationCommands(context, client, view);

  const ready = client.start().then(() => {
    context.subscriptions.push(
      client.onNotification(AnnotationsChangedNotification, ({ uris }) => {
        highlighter.refresh(uris);
        view.refresh();
        void status.update();
      }),
    );
    highlighter.refreshVisible();
    void status.update();
  });
  context.subscriptions.push({ dispose: () => void client.stop() });
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('qarina.highlight')) highlighter.rebuildStyles();
    }),
  );
  await ready;
  return { client, ready, highlighter };
}

export function deactivate(): void {
  // The client is stopped through context.subscriptions.
}
