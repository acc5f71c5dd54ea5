// brat standoff (.ann next to a .txt): "T1<TAB>TYPE START END<TAB>text" with offsets in characters
// (code points). A span crossing a line break is written as fragments ("0 5;6 10"), as brat
// requires; values (date values, quantity intervals, canonical ids) and notes go in AnnotatorNotes.
import { codePointIndex } from './codepoints';
import { exported, replaceExtension, type ExportFile, type ExportItem } from './common';

function fragments(text: string, start: number, end: number, cp: (u: number) => number): string {
  const parts: string[] = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n' || text[i] === '\r') {
      // Trim whitespace at fragment edges; brat rejects empty fragments.
      let a = s, b = i;
      while (a < b && /\s/.test(text[a])) a++;
      while (b > a && /\s/.test(text[b - 1])) b--;
      if (b > a) parts.push(`${cp(a)} ${cp(b)}`);
      s = i + 1;
    }
  }
  return parts.join(';');
}

const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ');

export function bratAnn(item: ExportItem): string {
  const { text, sidecar: s } = item;
  const cp = codePointIndex(text);
  const lines: string[] = [];
  let t = 0, note = 0;
  const add = (type: string, start: number, end: number, comment?: string) => {
    const frag = fragments(text, start, end, cp);
    if (!frag) return;
    const id = `T${++t}`;
    lines.push(`${id}\t${type} ${frag}\t${oneLine(text.slice(start, end))}`);
    if (comment) lines.push(`#${++note}\tAnnotatorNotes ${id}\t${oneLine(comment)}`);
  };
  for (const e of exported(s.entities, text)) add(e.type, e.start, e.end, e.entity ?? undefined);
  for (const d of exported(s.dates, text)) add('DATE', d.start, d.end, d.resolved ? `${d.value} (${d.resolved})` : d.value);
  for (const q of exported(s.quantities, text)) {
    const range = q.low === q.high && q.low !== null ? `${q.low}` : `[${q.low ?? '-inf'}, ${q.high ?? 'inf'}]`;
    add('QUANTITY', q.start, q.end, [range, q.unit].filter(Boolean).join(' '));
  }
  for (const n of exported(s.notes, text)) add('NOTE', n.start, n.end, n.body);
  return lines.join('\n') + (lines.length ? '\n' : '');
}

export const BRAT_CONF = [
  '[entities]', 'PER', 'ORG', 'LOC', 'MISC', 'DATE', 'QUANTITY', 'NOTE',
  '[relations]', '', '[events]', '', '[attributes]', '',
].join('\n') + '\n';

/** A brat collection: every article's text (as .txt) with its .ann, plus annotation.conf. */
export function exportBrat(items: ExportItem[]): ExportFile[] {
  const out: ExportFile[] = [{ file: 'annotation.conf', content: BRAT_CONF }];
  for (const item of items) {
    out.push({ file: replaceExtension(item.path, '.txt'), content: item.text });
    out.push({ file: replaceExtension(item.path, '.ann'), content: bratAnn(item) });
  }
  return out;
}
