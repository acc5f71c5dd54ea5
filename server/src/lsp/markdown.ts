// Safe, readable Arabic in hovers. Article text is untrusted: it is escaped so that no markdown,
// HTML or command link inside an article can render or run. Arabic passages are wrapped in
// <div align="right"> with Unicode isolates (U+2067 … U+2069), which VS Code's sanitizer keeps and
// which keep word order intact (measured: ../shared/notes/arabic-in-vscode.md). The isolates are
// only added to hover text, never to the article; the article's own bidi controls are removed
// (plainText.ts), so that none of them can reverse or unbalance the hover.
import { stripBidiControls } from './plainText';

// ':' and '@' too: an escaped one still shows, but a URL ("https://…", "www.…") or an e-mail
// address in an article is then not turned into a link by the renderer's autolinking.
const MD_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~:@]/g;

export function escapeMarkdown(text: string): string {
  return stripBidiControls(text)
    .replace(/&/g, '&amp;')
    .replace(MD_SPECIAL, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '\\' + c))
    .replace(/\r?\n/g, ' ');
}

/** An Arabic (or mixed) passage as a right-aligned, isolated block. */
export function rtlBlock(markdown: string): string {
  return `<div align="right">\n\n\u2067${markdown}\u2069\n\n</div>`;
}

/** A right-to-left isolate for inline use inside a line (no alignment change). */
export function rtlInline(markdown: string): string {
  return `\u2067${markdown}\u2069`;
}

/** A link that opens a file at a range: VS Code reads #Lline,col-Lline,col (1-based). */
export function fileLink(label: string, uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const frag = `L${range.start.line + 1},${range.start.character + 1}-L${range.end.line + 1},${range.end.character + 1}`;
  return `[${label}](${uri}#${frag})`;
}

export function basename(uri: string): string {
  const clean = uri.split(/[?#]/)[0];
  return decodeURIComponent(clean.slice(clean.lastIndexOf('/') + 1));
}
