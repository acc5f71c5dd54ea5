// W3C Web Annotation Data Model (JSON-LD): one AnnotationCollection per article. Every annotation
// targets the article with a TextQuoteSelector (quote + context, robust to edits) and a
// TextPositionSelector (code-point offsets, as the model specifies).
import { codePointIndex } from './codepoints';
import { exported, replaceExtension, type ExportFile, type ExportItem } from './common';

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

type Json = Record<string, unknown>;

function target(source: string, text: string, x: { start: number; end: number; prefix: string; suffix: string }, cp: (u: number) => number): Json {
  return {
    source,
    selector: [
      { type: 'TextQuoteSelector', exact: text.slice(x.start, x.end), prefix: x.prefix, suffix: x.suffix },
      { type: 'TextPositionSelector', start: cp(x.start), end: cp(x.end) },
    ],
  };
}

const tag = (value: string, purpose = 'tagging'): Json => ({ type: 'TextualBody', purpose, value });

export function w3cCollection(item: ExportItem, all: ExportItem[]): Json {
  const { text, sidecar: s, path } = item;
  const cp = codePointIndex(text);
  const base = `urn:qarina:${encodeURI(path)}`;
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '';
  const items: Json[] = [];
  const anno = (id: string, motivation: string, body: Json[], x: { start: number; end: number; prefix: string; suffix: string }, extra: Json = {}): void => {
    items.push({ id: `${base}#${id}`, type: 'Annotation', motivation, body, target: target(path, text, x, cp), ...extra });
  };
  for (const e of exported(s.entities, text)) {
    anno(e.id, 'classifying', [tag(e.type), ...(e.entity ? [tag(e.entity, 'identifying')] : [])], e);
  }
  for (const d of exported(s.dates, text)) {
    anno(d.id, 'classifying', [tag('DATE'), tag(d.value, 'describing'), ...(d.resolved ? [tag(d.resolved, 'identifying')] : [])], d);
  }
  for (const q of exported(s.quantities, text)) {
    const body = [tag('QUANTITY'), { type: 'TextualBody', purpose: 'describing', value: JSON.stringify({ low: q.low, high: q.high, qualifier: q.qualifier, unit: q.unit }), format: 'application/json' }];
    anno(q.id, 'classifying', body, q);
  }
  for (const l of exported(s.links, text)) {
    const targetPath = normalizePath(dir + l.target.path);
    const other = all.find((x) => x.path === targetPath);
    // Automatic links are stored without the quote (sidecarFile.ts): taken from the other article.
    const quote = l.target.quote || (other ? other.text.slice(l.target.start, l.target.end) : '');
    const selector: Json[] = quote ? [{ type: 'TextQuoteSelector', exact: quote }] : [];
    // Code-point offsets of the other article need its text; without it, the quote alone selects.
    if (other) {
      const ocp = codePointIndex(other.text);
      selector.push({ type: 'TextPositionSelector', start: ocp(l.target.start), end: ocp(l.target.end) });
    }
    anno(l.id, 'linking', [tag(l.relation), { type: 'SpecificResource', purpose: 'linking', source: targetPath, selector }, ...l.reasons.map((r) => tag(r, 'describing'))], l);
  }
  for (const n of exported(s.notes, text)) anno(n.id, 'commenting', [{ type: 'TextualBody', purpose: 'commenting', value: n.body, created: n.created }], n);
  for (const c of exported(s.checks, text)) anno(c.id, 'assessing', [tag('checked', 'assessing')], c, { created: c.checked });
  return {
    '@context': CONTEXT,
    id: base,
    type: 'AnnotationCollection',
    label: path,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** Resolve "." and ".." in a '/'-separated relative path. */
function normalizePath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '..') out.pop();
    else if (part && part !== '.') out.push(part);
  }
  return out.join('/');
}

export function exportW3c(items: ExportItem[]): ExportFile[] {
  return items.map((item) => ({ file: replaceExtension(item.path, '.jsonld'), content: JSON.stringify(w3cCollection(item, items), null, 2) + '\n' }));
}
