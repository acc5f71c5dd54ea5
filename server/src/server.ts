// The Qarina language server: wires LSP to the analysis engine. It serves every .txt/.md article
// of the workspace folders as one corpus — files that are open (incremental sync) and files that
// are not (read from disk, followed through watched-file events) — and answers with standard LSP
// wherever one fits. VS Code-only extras go through the custom requests in protocol.ts.
import * as fs from 'fs/promises';
import {
  CodeActionKind,
  createConnection,
  ErrorCodes,
  ResponseError,
  FileChangeType,
  ProposedFeatures,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Workspace } from './lsp/workspace';
import { registerHover, type Lang } from './features/hover';
import { registerNavigation } from './features/navigation';
import { registerCodeLens } from './features/codeLens';
import { registerSymbols } from './features/symbols';
import { registerHighlights, semanticLegend } from './features/highlights';
import { publishDiagnostics, type SeverityName } from './features/diagnostics';
import { AnnotationsChangedNotification, ServerCommands, StatusRequest } from './protocol';
import { classifyArticle, isArticlePath, isSidecarPath, listArticles, readArticle } from './storage/articleFiles';
import { Annotations } from './lsp/annotations';
import { registerCodeActions } from './features/codeActions';
import { registerCommands } from './features/commands';
import { registerAnnotationTree } from './features/annotationTree';
import { EditorClient, surviveUnhandledRejections } from './lsp/editorClient';
import { countLinkPairs } from './linkCounts';
import { Indexer, LONG_ARTICLE } from './lsp/indexer';
import { AnalysisCache } from './storage/analysisCache';
import { FactsPool } from './workers/factsPool';
import * as os from 'os';
import { AFTER_SHUTDOWN, PendingAnalyses } from './lsp/pendingAnalyses';
import { FramingFilter } from './lsp/framing';
import { FolderWatcher } from './lsp/folderWatcher';
import * as path from 'path';

interface Settings {
  contradictionSeverity: SeverityName;
  referenceDate: string | null;
  sidecars: 'opened' | 'all' | 'never';
}

const DEFAULT_SETTINGS: Settings = { contradictionSeverity: 'information', referenceDate: null, sidecars: 'opened' };

/** `pending`: the connection's message strategy (see lsp/pendingAnalyses.ts); edits are analysed
 *  through it. */
export function startServer(connection: Connection, pending = new PendingAnalyses()): void {
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let lang: Lang = 'en';
  let folders: string[] = [];
  const ws = new Workspace();
  const annotations = new Annotations(ws, (msg) => connection.console.log(msg), () => settings.sidecars);

  const log = (msg: string) => connection.console.log(msg);
  // Server→client requests only when the editor declared it answers them; failures logged.
  const editor = new EditorClient(connection, log);

  /** Analyse articles with their sidecars' decisions (re-anchored to the text first). */
  const withDecisions = (uri: string, text: string, version: number | null = null) => ({ uri, text, version, ...annotations.inputFor(uri, text) });

  /** Re-analyse articles whose decisions changed (their text did not), then repaint and save. */
  const reanalyse = async (uris: string[]) => {
    const items = uris.filter((u) => ws.document(u) && ws.corpus.has(u)).map((u) => withDecisions(u, ws.document(u)!.getText()));
    const touched = await indexer.exclusive(() => new Set([...ws.setMany(items), ...ws.corpus.setCorpusDecisions(annotations.corpusDecisions())]));
    await changed([...new Set([...touched, ...uris])].filter((u) => ws.corpus.has(u)));
  };

  // Worker threads for the per-article analysis while indexing, started for it and stopped after
  // it (their memory is given back before cross-checking, the peak of a large folder): one per
  // core when there are several (the main thread only collects their results and answers requests
  // meanwhile: on 2 cores, 2 workers made the facts of 1,000 articles take half the time of 1),
  // at most 4; QARINA_JOBS overrides (0 = none).
  const jobs = () => {
    const given = Number(process.env.QARINA_JOBS);
    const cores = os.availableParallelism();
    return Number.isInteger(given) && given >= 0 ? given : cores < 2 ? 0 : Math.min(4, cores);
  };
  const indexer = new Indexer(ws, AnalysisCache.open(), () => FactsPool.create(jobs()), (uris) => changed(uris), log);

  /** After any change: repaint, re-publish diagnostics and save sidecars of the changed articles. */
  /** Bumped on every change the client is told of: the status request's link count is computed
   *  again only then (counting 14,000 links took 0.3–1 s of the main thread at 1,000 articles,
   *  on every status poll). */
  let generation = 0;
  let linkCount: { generation: number; links: ReturnType<typeof countLinkPairs> } | null = null;
  const changed = async (uris: string[]) => {
    if (uris.length === 0) return;
    generation++;
    // The open articles' diagnostics first (the one being typed in is waited for), before their
    // sidecars are written.
    const open = uris.filter((u) => ws.open.has(u));
    if (open.length) publishDiagnostics(connection, ws, open, lang, settings.contradictionSeverity, annotations);
    const { merged } = await annotations.refresh(uris);
    // Another writer's decisions were merged into these sidecars: analyse with them.
    if (merged.length) void reanalyse(merged);
    publishDiagnostics(connection, ws, uris.filter((u) => !ws.open.has(u)), lang, settings.contradictionSeverity, annotations);
    editor.notify(AnnotationsChangedNotification, { uris });
    editor.refreshSemanticTokens();
    editor.refreshCodeLens();
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    lang = params.locale?.toLowerCase().startsWith('ar') ? 'ar' : 'en';
    const init = (params.initializationOptions ?? {}) as Partial<Settings>;
    settings = { ...settings, ...stripUndefined(init) };
    folders = (params.workspaceFolders ?? []).map((f) => URI.parse(f.uri).fsPath);
    if (folders.length === 0 && params.rootUri) folders = [URI.parse(params.rootUri).fsPath];
    editor.initialize(params.capabilities);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        codeLensProvider: { resolveProvider: false },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        semanticTokensProvider: { legend: semanticLegend, full: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor] },
        executeCommandProvider: { commands: Object.values(ServerCommands) },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'qarina', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    editor.watchConfiguration('qarina');
    await pullSettings();
    // An editor that reports no file changes: the server watches the folders itself.
    if (!editor.watchFiles([{ globPattern: '**/*.{txt,md}' }, { globPattern: '**/*.annotations.json' }])) {
      const watcher = new FolderWatcher((f) => !path.basename(f).startsWith('.') && (isArticlePath(f) || isSidecarPath(f)), filesChanged, log);
      watcher.start(folders);
      connection.onExit(() => watcher.dispose());
    }
    await indexFolders();
  });

  async function pullSettings() {
    try {
      const s = await editor.configuration('qarina');
      if (s) {
        settings = {
          contradictionSeverity: s.diagnostics?.contradictionSeverity ?? settings.contradictionSeverity,
          referenceDate: s.referenceDate || null,
          sidecars: s.sidecars?.write ?? settings.sidecars,
        };
        // Only when it changed: setOptions re-analyses the whole corpus (before a folder is indexed
        // it has nothing to analyse, but loaded the tagger's model for it: 0.3–0.5 s before the
        // first answer, and the main thread's copy of the model held all through indexing).
        if ((ws.corpus.analyzeOptions.settingReferenceDate ?? null) !== settings.referenceDate) ws.corpus.setOptions({ settingReferenceDate: settings.referenceDate });
      }
    } catch (e) {
      log(`Could not read settings: ${String(e)}`);
    }
  }

  connection.onDidChangeConfiguration(async () => {
    await pullSettings();
    await changed(ws.uris());
  });

  /** Read every article of the workspace folders from disk, reporting LSP work-done progress
   *  with counts (when the editor shows progress); requests are answered all along (lsp/indexer.ts). */
  async function indexFolders() {
    ws.indexing = true;
    const progress = await editor.progress();
    let last = 0;
    const report = (message: string, percentage: number) => {
      // At most a few reports a second: each is a message to the client.
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      progress.report(percentage, message);
    };
    try {
      const files: string[] = [];
      // One bad file or folder never stops the others: each is skipped with its reason.
      const skip = (file: string, reason: string) => { ws.skip(URI.file(file).toString(), reason); log(`Skipped ${file}: ${reason}`); };
      for (const folder of folders) files.push(...(await listArticles(folder, skip)));
      progress.begin('Qarina', 0, `Indexing 0/${files.length} articles`, false);
      const items: { uri: string; text: string }[] = [];
      const READ_BATCH = 64;
      // The sidecars of a batch are read while the next batch of articles is.
      const sidecars: Promise<void>[] = [];
      for (let i = 0; i < files.length; i += READ_BATCH) {
        const batch = files.slice(i, i + READ_BATCH).map((file) => ({ file, uri: URI.file(file).toString() })).filter((f) => !ws.open.has(f.uri));
        const read = await Promise.all(batch.map(async (f) => ({ ...f, verdict: await readArticle(f.file) })));
        const ok: string[] = [];
        for (const { file, uri, verdict } of read) {
          if (verdict.ok) { items.push({ uri, text: verdict.text }); ok.push(uri); }
          else skip(file, verdict.reason);
        }
        const loading = annotations.loadAll(ok);
        loading.catch(() => undefined); // awaited (and its failure reported) below
        sidecars.push(loading);
        report(`Indexing ${Math.min(files.length, i + READ_BATCH)}/${files.length} articles`, 0);
      }
      progress.report(0, `Indexing ${files.length}/${files.length} articles`);
      await Promise.all(sidecars);
      const touched = await indexer.index(items.map((it) => withDecisions(it.uri, it.text)), report, folders.join('\n'), (joining) => annotations.corpusDecisions(joining));
      log(`Indexed ${ws.uris().length} articles (${ws.skipped.size} skipped) in ${folders.length} folder(s).`);
      await changed(touched.length ? touched : ws.uris());
    } catch (e) {
      log(`Indexing failed: ${e instanceof Error ? e.stack : String(e)}`);
    } finally {
      ws.indexing = false;
      progress.done();
    }
  }

  // Open editors: incremental sync, kept in our own TextDocuments.
  const openDocs = new Map<string, TextDocument>();
  connection.onDidOpenTextDocument(async ({ textDocument }) => {
    if (!isArticleUri(textDocument.uri)) return;
    const doc = TextDocument.create(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text);
    openDocs.set(textDocument.uri, doc);
    ws.open.add(textDocument.uri);
    annotations.markOpened(textDocument.uri);
    await analyseText(textDocument.uri, doc.getText(), doc.version);
  });

  connection.onDidChangeTextDocument(async ({ textDocument, contentChanges }) => {
    const doc = openDocs.get(textDocument.uri);
    if (!doc) return;
    TextDocument.update(doc, contentChanges, textDocument.version);
    // Once for a burst of edits (the latest text), before the next request at the latest: the edited
    // article at once, the corpus-wide passes after a pause (lsp/indexer.ts).
    pending.schedule(textDocument.uri, async () => {
      if (openDocs.get(textDocument.uri) !== doc) return;
      const text = doc.getText();
      if (ws.corpus.has(textDocument.uri) && classifyArticle(URI.parse(textDocument.uri).fsPath, Buffer.from(text, 'utf8')).ok) {
        await annotations.ensureLoaded(textDocument.uri);
        await indexer.edit(withDecisions(textDocument.uri, text, doc.version));
      } else {
        await analyseText(textDocument.uri, text, doc.version);
      }
    });
  });

  connection.onDidCloseTextDocument(async ({ textDocument }) => {
    openDocs.delete(textDocument.uri);
    ws.open.delete(textDocument.uri);
    // Fall back to the file on disk (the editor may have discarded unsaved changes); a document
    // that is not a file (untitled, remote) has no other copy and leaves the corpus.
    if (URI.parse(textDocument.uri).scheme !== 'file') await changed(ws.remove(textDocument.uri).concat(textDocument.uri));
    else await reloadFromDisk(textDocument.uri);
  });

  async function analyseText(uri: string, text: string, version: number | null) {
    const verdict = classifyArticle(URI.parse(uri).fsPath, Buffer.from(text, 'utf8'));
    if (!verdict.ok) {
      log(`Skipped ${uri}: ${verdict.reason}`);
      await changed(ws.skip(uri, verdict.reason).concat(uri));
      return;
    }
    await annotations.ensureLoaded(uri);
    // Opening an article whose text is already analysed (the file as on disk) needs no analysis.
    if (ws.corpus.get(uri)?.text === text && !pending.has(uri)) {
      ws.setTexts([{ uri, text, version }]);
      await changed([uri]);
      return;
    }
    // A long article (opened while the folder is indexed, say) goes the indexing way: its facts in a
    // worker thread, so that requests are answered meanwhile.
    if (text.length > LONG_ARTICLE) await changed(await indexer.index([withDecisions(uri, text, version)], () => undefined));
    else await changed(await indexer.exclusive(() => ws.setMany([withDecisions(uri, text, version)])));
  }

  async function reloadFromDisk(uri: string) {
    const file = URI.parse(uri).fsPath;
    // Deleted (or renamed): it leaves the corpus.
    if (!(await fs.lstat(file).then(() => true, () => false))) {
      await changed(ws.remove(uri).concat(uri));
      return;
    }
    const verdict = await readArticle(file);
    if (!verdict.ok) {
      log(`Skipped ${file}: ${verdict.reason}`);
      await changed(ws.skip(uri, verdict.reason).concat(uri));
      return;
    }
    await analyseText(uri, verdict.text, null);
  }

  connection.onDidChangeWatchedFiles(({ changes }) => filesChanged(changes));

  /** Files changed on disk (told by the editor, or seen by our own watcher). */
  async function filesChanged(changes: { uri: string; type: FileChangeType }[]) {
    let decisions = false;
    for (const c of changes) {
      if (c.uri.endsWith('.annotations.json')) {
        const article = c.uri.slice(0, -'.annotations.json'.length);
        if (ws.corpus.has(article) && (await annotations.reloadExternal(article))) decisions = true;
        continue;
      }
      if (!isArticleUri(c.uri) || ws.open.has(c.uri)) continue;
      if (!isInFolders(URI.parse(c.uri).fsPath)) continue;
      if (c.type === FileChangeType.Deleted) await changed(ws.remove(c.uri).concat(c.uri));
      else await reloadFromDisk(c.uri);
    }
    // New decisions on disk: one re-analysis for the whole batch.
    if (decisions) await reanalyse(ws.uris());
  }

  function isInFolders(file: string): boolean {
    return folders.some((f) => file === f || file.startsWith(f.endsWith('/') ? f : f + '/'));
  }

  connection.onRequest(StatusRequest, () => ({
    articles: ws.uris().length,
    skipped: [...ws.skipped].map(([path, reason]) => ({ path, reason })),
    entities: ws.corpus.canonical().length,
    // Pairs of passages (not link ends), without the links the user rejected: as the CLI counts.
    links: (linkCount?.generation === generation ? linkCount : (linkCount = { generation, links: countLinkPairs(ws.corpus.allLinks().filter((l) => annotations.linkStatus(l) !== 'rejected')) })).links,
    indexing: ws.indexing,
  }));

  // Requests after shutdown (rerouted by lsp/pendingAnalyses.ts).
  connection.onRequest(AFTER_SHUTDOWN, (p: { method?: string }) => new ResponseError(ErrorCodes.InvalidRequest, `${p?.method ?? 'request'}: the server is shutting down`));

  const language = () => lang;
  registerHover(connection, ws, language, annotations);
  registerNavigation(connection, ws, language, annotations);
  registerCodeLens(connection, ws, language, annotations);
  registerSymbols(connection, ws, annotations);
  registerHighlights(connection, ws, annotations);
  registerCodeActions(connection, ws, language);
  registerCommands(connection, {
    ws,
    annotations,
    reanalyse,
    writeAll: async () => ({ ...(await annotations.refresh(ws.uris(), true)), articles: ws.uris().length }),
  });
  registerAnnotationTree(connection, ws, annotations);

  connection.listen();
}

function isArticleUri(uri: string): boolean {
  return /\.(txt|md)$/i.test(uri) && !uri.endsWith('.annotations.json');
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

// Started as a program (by the VS Code client over IPC, or by any editor with --stdio).
if (require.main === module) {
  // A promise nobody awaited must not end the session (and lose unsaved decisions): logged instead.
  surviveUnhandledRejections();
  const pending = new PendingAnalyses((msg) => process.stderr.write(msg + '\n'));
  const options = { messageStrategy: pending };
  if (process.argv.includes('--stdio')) {
    // stdin through the framing filter (lsp/framing.ts); stdout carries the protocol, so anything
    // written to the console goes to the editor's log instead.
    const connection = createConnection(ProposedFeatures.all, process.stdin.pipe(new FramingFilter((msg) => connection.console.warn(msg))), process.stdout, options);
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) console[level] = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
    startServer(connection, pending);
  } else {
    startServer(createConnection(ProposedFeatures.all, options), pending);
  }
}
