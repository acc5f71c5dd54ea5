// Shared by the in-editor suites: getting the extension's API, opening seed articles, waiting for
// conditions (never fixed sleeps) and reading hovers the way a user reads them.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { QarinaApi } from '../../../client/src/extension';
import type { CorpusStatus } from '../../../server/src/protocol';


export const EXTENSION_ID = 'qarina.qarina';

import { waitFor } from '../../support/waitFor';
export { waitFor };

let apiPromise: Promise<QarinaApi> | undefined;

/** The activated extension's API, once the server runs and has indexed the whole workspace. */
export function qarina(): Promise<QarinaApi> {
  apiPromise ??= (async () => {
    const ext = await waitFor('the Qarina extension to be installed in the extension host', () => vscode.extensions.getExtension<QarinaApi>(EXTENSION_ID), 30_000);
    const api = await ext.activate();
    await api.ready;
    await waitIndexed(api);
    return api;
  })();
  return apiPromise;
}

export async function waitIndexed(api: QarinaApi, articles = seedFiles().length): Promise<CorpusStatus> {
  return waitFor(`the server to index ${articles} articles`, async () => {
    const s = (await api.client.sendRequest('qarina/status')) as CorpusStatus;
    return !s.indexing && s.articles >= articles ? s : undefined;
  }, 120_000, 250);
}

export function workspaceDir(): string {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('No workspace folder is open (the runner opens a copy of samples/)');
  return f.uri.fsPath;
}

export function seedFiles(): string[] {
  return fs.readdirSync(workspaceDir()).filter((n) => /^\d{3}_.*\.txt$/.test(n)).sort().map((n) => path.join(workspaceDir(), n));
}

export function seed(prefix: string): vscode.Uri {
  const f = seedFiles().find((p) => path.basename(p).startsWith(prefix));
  if (!f) throw new Error(`No seed article ${prefix}* in ${workspaceDir()}`);
  return vscode.Uri.file(f);
}

export function sidecarPath(uri: vscode.Uri): string {
  return uri.fsPath + '.annotations.json';
}

/** Opens an article in an editor and waits until its highlights were painted. */
export async function openArticle(api: QarinaApi, uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  await waitFor(`highlights of ${path.basename(uri.fsPath)}`, () => {
    const byKind = api.highlighter.applied.get(uri.toString());
    return byKind && [...byKind.values()].some((r) => r.length > 0) ? true : undefined;
  }, 60_000);
  return editor;
}

/** Hover text as a reader sees it: markdown and HTML stripped, bidi isolates removed. */
export function plain(markdown: string): string {
  return markdown
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~:@])/g, '$1')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
    .replace(/\*\*/g, '')
    .replace(/[ \t]+/g, ' ');
}

export async function hoverAt(uri: vscode.Uri, pos: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

export function inside(r: vscode.Range, doc: vscode.TextDocument): vscode.Position {
  // One character into the range: the start itself may also end the previous span.
  return doc.positionAt(Math.min(doc.offsetAt(r.start) + 1, doc.offsetAt(r.end) - 1));
}

export const ARABIC = /[\u0600-\u06FF]/;

/** Normalised words of a passage, for comparing what two passages talk about. */
export function words(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.replace(/[\u064B-\u065F\u0670\u0640]/g, '').split(/[^\u0621-\u064A\w]+/u)) {
    const n = w.replace(/[أإآ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه').replace(/^(و|ف)?(ال|بال|لل|وال)?/, '');
    if (n.length >= 3) out.add(n);
  }
  return out;
}

export type LocationLike = vscode.Location | vscode.LocationLink;
export function targetOf(l: LocationLike): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in l ? { uri: l.targetUri, range: l.targetSelectionRange ?? l.targetRange } : { uri: l.uri, range: l.range };
}

export interface PerEntity {
  name: string;
  mentions: vscode.DocumentSymbol[];
}

/** The article's people as the outline lists them: canonical name and the mentions in this article. */
export async function people(uri: vscode.Uri): Promise<PerEntity[]> {
  const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
  const group = symbols.find((s) => /\(PER\)/.test(s.name));
  return (group?.children ?? []).map((e) => ({ name: e.name, mentions: e.children }));
}
