// JSON Lines for training other tools: one article per line with its text and its accepted or
// suggested annotations (rejected ones left out). Offsets are code points, so that
// text[start:end] in Python gives the mention.
import { codePointIndex } from './codepoints';
import { exported, type ExportFile, type ExportItem } from './common';

export function jsonlLine(item: ExportItem): string {
  const { text, sidecar: s } = item;
  const cp = codePointIndex(text);
  const span = (x: { start: number; end: number }) => ({ start: cp(x.start), end: cp(x.end), text: text.slice(x.start, x.end) });
  return JSON.stringify({
    path: item.path,
    offsetUnit: 'codepoint',
    referenceDate: s.document.referenceDate,
    text,
    entities: exported(s.entities, text).map((e) => ({ ...span(e), type: e.type, entity: e.entity, origin: e.origin, status: e.status })),
    dates: exported(s.dates, text).map((d) => ({ ...span(d), value: d.value, resolved: d.resolved, origin: d.origin, status: d.status })),
    quantities: exported(s.quantities, text).map((q) => ({ ...span(q), low: q.low, high: q.high, qualifier: q.qualifier, unit: q.unit, origin: q.origin, status: q.status })),
  });
}

export function exportJsonl(items: ExportItem[]): ExportFile[] {
  return [{ file: 'corpus.jsonl', content: items.map((i) => jsonlLine(i) + '\n').join('') }];
}
