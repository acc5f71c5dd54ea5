// The server's view of the workspace: which article files exist, their current text (from an open
// editor when there is one, else from disk), which were skipped and why, and the analysed corpus.
// Corpus keys are document URIs; relative paths are only made when writing sidecars.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Corpus, type AnalyzeOptions, type ArticleInput } from '../engine/analyze';
import type { ArticleDecisions } from '../engine/decisions';
import type { ArticleAnalysis, Span } from '../engine/model';

export interface Range { start: { line: number; character: number }; end: { line: number; character: number } }

export interface ArticleText {
  uri: string;
  text: string;
  /** The editor's version for open documents; null/undefined for text read from disk. */
  version?: number | null;
  userReferenceDate?: string | null;
  decisions?: ArticleDecisions;
}

export class Workspace {
  readonly corpus: Corpus;
  /** Current text of every indexed article (open or not), as a TextDocument for positions. */
  private readonly docs = new Map<string, TextDocument>();
  readonly open = new Set<string>();
  readonly skipped = new Map<string, string>();
  indexing = false;

  constructor(options: AnalyzeOptions = {}) {
    this.corpus = new Corpus(options);
  }

  document(uri: string): TextDocument | undefined {
    return this.docs.get(uri);
  }

  analysis(uri: string): ArticleAnalysis | undefined {
    return this.corpus.get(uri);
  }

  uris(): string[] {
    return this.corpus.paths();
  }

  /** Record new text for articles and re-analyse; returns the URIs whose results changed. */
  setMany(items: ArticleText[]): string[] {
    this.setTexts(items);
    return this.corpus.setMany(items.map(inputOf));
  }

  /** Record new text for articles (positions, versions) without analysing them. */
  setTexts(items: ArticleText[]): void {
    for (const it of items) {
      const old = this.docs.get(it.uri);
      // Re-analysis with the same text (a decision changed) keeps the editor's version.
      const version = it.version ?? (old && old.getText() === it.text ? old.version : 0);
      this.docs.set(it.uri, TextDocument.create(it.uri, languageOf(it.uri), version, it.text));
      this.skipped.delete(it.uri);
    }
  }

  remove(uri: string): string[] {
    this.docs.delete(uri);
    return this.corpus.delete(uri);
  }

  skip(uri: string, reason: string): string[] {
    this.skipped.set(uri, reason);
    return this.corpus.has(uri) ? this.remove(uri) : [];
  }

  range(uri: string, span: Span): Range {
    const doc = this.docs.get(uri)!;
    return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
  }

  offset(uri: string, position: { line: number; character: number }): number {
    return this.docs.get(uri)!.offsetAt(position);
  }
}

export function inputOf(it: ArticleText): ArticleInput {
  return { path: it.uri, text: it.text, userReferenceDate: it.userReferenceDate, decisions: it.decisions };
}

function languageOf(uri: string): string {
  return uri.endsWith('.md') ? 'markdown' : 'plaintext';
}
