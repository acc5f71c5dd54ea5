// CodeLens above the sentences that have links: "3 corroborate · 1 contradicts". Its command is the
// client's qarina.showPassages (peek); the arguments are plain LSP data so other editors can map
// them to their own peek UI.
//
// A news paragraph is often one long line holding many sentences, and an editor draws all the
// lenses of a line in one row, joined by " | ", on one line, clipped at the right edge (measured in
// VS Code on a story article: 16 lenses, 1551 px of text in a 978 px row). So the lenses of a line
// are laid out to fit a row of ROW_CHARS characters:
//  1. one lens per linked sentence, with its own range, in words ("3 corroborate · 1 contradicts");
//  2. if that row is too long, the same lenses with short titles ("✓3 ✗1");
//  3. if still too long, one lens for the line: how many sentences, their total counts, and every
//     sentence's own counts in its tooltip; clicking it peeks at the passages of them all.
// Each lens's tooltip names its sentence by its first words and gives the counts in words, and the
// hover on a sentence lists its passages.
import type { CodeLens, Command, Connection } from 'vscode-languageserver';
import type { Sentence, SentenceLink } from '../engine/model';
import type { Workspace, Range } from '../lsp/workspace';
import { linksOfSentence, type Decisions } from '../lsp/queries';
import { excerpt, rtlIsolate } from '../lsp/plainText';
import type { Lang } from './hover';

export const SHOW_PASSAGES_COMMAND = 'qarina.showPassages';

/** Characters a row of lenses may take: at VS Code's default font a lens character is ~5.7 px
 *  wide (measured), so 72 characters fit an editor column of ~420 px. */
export const ROW_CHARS = 72;
/** What separates two lenses of a row in VS Code. */
const SEPARATOR = ' | ';
/** First words of a sentence in a tooltip. */
const TOOLTIP_QUOTE_CHARS = 60;

export interface LensCounts { corroborates: number; contradicts: number; differentEvent: number }

export function countsOf(links: SentenceLink[]): LensCounts {
  return {
    corroborates: links.filter((l) => l.relation === 'corroborates').length,
    contradicts: links.filter((l) => l.relation === 'contradicts').length,
    differentEvent: links.filter((l) => l.relation === 'different-event').length,
  };
}

export function lensTitle(counts: LensCounts, lang: Lang): string {
  const parts: string[] = [];
  if (lang === 'ar') {
    if (counts.corroborates) parts.push(`${counts.corroborates} يؤيد`);
    if (counts.contradicts) parts.push(`${counts.contradicts} يناقض`);
    if (counts.differentEvent) parts.push(`${counts.differentEvent} حدث مختلف؟`);
  } else {
    if (counts.corroborates) parts.push(`${counts.corroborates} corroborate${counts.corroborates === 1 ? 's' : ''}`);
    if (counts.contradicts) parts.push(`${counts.contradicts} contradict${counts.contradicts === 1 ? 's' : ''}`);
    if (counts.differentEvent) parts.push(`${counts.differentEvent} different event?`);
  }
  return parts.join(' · ');
}

/** The same counts in a few characters, language-neutral: ✓ corroborate, ✗ contradict, ? different event. */
export function shortLensTitle(counts: LensCounts): string {
  const parts: string[] = [];
  if (counts.corroborates) parts.push(`✓${counts.corroborates}`);
  if (counts.contradicts) parts.push(`✗${counts.contradicts}`);
  if (counts.differentEvent) parts.push(`?${counts.differentEvent}`);
  return parts.join(' ');
}

export function summaryLensTitle(sentences: number, counts: LensCounts, lang: Lang): string {
  return lang === 'ar' ? `جمل مرتبطة (${sentences}): ${lensTitle(counts, lang)}` : `${sentences} linked sentences: ${lensTitle(counts, lang)}`;
}

interface Linked { sentence: Sentence; links: SentenceLink[]; counts: LensCounts; range: Range }

const rowLength = (titles: string[]) => titles.reduce((n, t) => n + t.length, 0) + SEPARATOR.length * Math.max(0, titles.length - 1);

/** The lenses of one line's linked sentences (in text order), laid out to fit one row. */
export function lensesOfLine(ws: Workspace, uri: string, linked: Linked[], lang: Lang): CodeLens[] {
  const text = ws.analysis(uri)!.text;
  const sentenceTooltip = (x: Linked) => `«${rtlIsolate(excerpt(text.slice(x.sentence.start, x.sentence.end), TOOLTIP_QUOTE_CHARS))}»: ${lensTitle(x.counts, lang)}`;
  const command = (title: string, tooltip: string, range: Range, links: SentenceLink[]): Command => ({
    title,
    tooltip,
    command: SHOW_PASSAGES_COMMAND,
    arguments: [uri, range.start, links.map((l) => ({ uri: l.target.path, range: ws.range(l.target.path, l.target) }))],
  });
  for (const titleOf of [(x: Linked) => lensTitle(x.counts, lang), (x: Linked) => shortLensTitle(x.counts)]) {
    const titles = linked.map(titleOf);
    if (linked.length === 1 || rowLength(titles) <= ROW_CHARS) {
      return linked.map((x, i) => ({ range: x.range, command: command(titles[i], sentenceTooltip(x), x.range, x.links) }));
    }
  }
  const all = linked.flatMap((x) => x.links);
  const range = { start: linked[0].range.start, end: linked[linked.length - 1].range.end };
  const tooltip = linked.map(sentenceTooltip).join('\n');
  return [{ range, command: command(summaryLensTitle(linked.length, countsOf(all), lang), tooltip, range, all) }];
}

export function codeLenses(ws: Workspace, uri: string, lang: Lang, decisions: Decisions): CodeLens[] {
  const a = ws.analysis(uri);
  if (!a) return [];
  const byLine = new Map<number, Linked[]>();
  for (const s of a.sentences) {
    const links = linksOfSentence(ws, uri, s, decisions);
    if (links.length === 0) continue;
    const range = ws.range(uri, s);
    const line = byLine.get(range.start.line) ?? [];
    line.push({ sentence: s, links, counts: countsOf(links), range });
    byLine.set(range.start.line, line);
  }
  return [...byLine.values()].flatMap((linked) => lensesOfLine(ws, uri, linked, lang));
}

export function registerCodeLens(connection: Connection, ws: Workspace, lang: () => Lang, decisions: Decisions): void {
  connection.onCodeLens((params): CodeLens[] => codeLenses(ws, params.textDocument.uri, lang(), decisions));
}
