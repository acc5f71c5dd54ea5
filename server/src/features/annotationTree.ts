// The "Annotations" view's data: for the current article, its entities by type with counts, its
// dates, the user's decisions, orphaned annotations and notes; for the corpus, its canonical
// entities. Served through the custom qarina/annotationTree request.
import type { Connection } from 'vscode-languageserver';
import type { Workspace } from '../lsp/workspace';
import type { Annotations } from '../lsp/annotations';
import { AnnotationTreeRequest, type AnnotationTreeItem } from '../protocol';
import { basename } from '../lsp/markdown';
import { plainLabel } from '../lsp/plainText';

const TYPE_LABEL: Record<string, string> = { PER: 'People', ORG: 'Organisations', LOC: 'Places', MISC: 'Other names' };

export function annotationTree(ws: Workspace, annotations: Annotations, uri: string | null): AnnotationTreeItem[] {
  const items: AnnotationTreeItem[] = [];
  const a = uri ? ws.analysis(uri) : undefined;
  if (uri && a) {
    const article: AnnotationTreeItem[] = [];
    for (const type of ['PER', 'ORG', 'LOC', 'MISC']) {
      const mentions = a.entities.filter((e) => e.type === type);
      if (!mentions.length) continue;
      const byName = new Map<string, AnnotationTreeItem>();
      for (const m of mentions) {
        const key = m.entity ?? m.text;
        const name = (m.entity && ws.corpus.canonicalById(m.entity)?.name) || m.text;
        let node = byName.get(key);
        if (!node) byName.set(key, (node = { label: name, kind: 'entity', uri, range: ws.range(uri, m), children: [] }));
        node.children!.push({ label: m.text, kind: 'entity', uri, range: ws.range(uri, m), description: annotations.statusOf(uri, 'entity', m.start, m.end) });
        node.description = `${node.children!.length}`;
      }
      article.push({ label: TYPE_LABEL[type], description: `${mentions.length}`, kind: 'group', children: [...byName.values()] });
    }
    if (a.dates.length) {
      article.push({ label: 'Dates', description: `${a.dates.length}`, kind: 'group', children: a.dates.map((d) => ({ label: d.text, description: d.resolved ?? d.value, kind: 'date', uri, range: ws.range(uri, d) })) });
    }
    const decisions = annotations.userItems(uri);
    if (decisions.length) article.push({ label: 'Your decisions', description: `${decisions.length}`, kind: 'group', children: decisions.map((d) => ({ ...d, uri, range: d.range ?? undefined })) });
    const notes = annotations.notes(uri);
    if (notes.length) article.push({ label: 'Notes', description: `${notes.length}`, kind: 'group', children: notes.map((n) => ({ ...n, uri })) });
    const orphans = annotations.orphans(uri);
    if (orphans.length) article.push({ label: 'Orphaned (text changed)', description: `${orphans.length}`, kind: 'group', children: orphans.map((o) => ({ ...o, uri })) });
    const problem = annotations.problem(uri);
    if (problem) article.push({ label: 'Sidecar not written', description: problem, kind: 'orphan', uri });
    items.push({ label: basename(uri), kind: 'group', children: article });
  }
  const corpus = ws.corpus.canonical()
    .map((c) => ({ c, n: c.spellings.reduce((s, x) => s + x.count, 0) }))
    .sort((x, y) => y.n - x.n)
    .slice(0, 200)
    .map(({ c, n }): AnnotationTreeItem => ({
      label: c.name,
      description: `${c.type} · ${n} · ${[...new Set(c.spellings.map((s) => s.text))].join(' = ')}`,
      kind: 'entity',
      children: c.spellings.map((s) => ({ label: s.text, description: `${basename(s.path)} ×${s.count}`, kind: 'entity' as const, uri: s.path })),
    }));
  items.push({ label: `Corpus: ${ws.uris().length} articles`, description: `${ws.corpus.canonical().length} entities`, kind: 'group', children: corpus });
  return items.map(plainItem);
}

/** Labels are article text (names, quotes, notes): one line each, without bidi controls that could
 *  reverse or unbalance the row. */
function plainItem(i: AnnotationTreeItem): AnnotationTreeItem {
  return { ...i, label: plainLabel(i.label), description: i.description === undefined ? undefined : plainLabel(i.description), children: i.children?.map(plainItem) };
}

export function registerAnnotationTree(connection: Connection, ws: Workspace, annotations: Annotations): void {
  connection.onRequest(AnnotationTreeRequest, (params) => annotationTree(ws, annotations, params.uri));
}
