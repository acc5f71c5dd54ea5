// From sidecars to the engine's decision inputs (engine/decisions.ts). Only placed items count: an
// orphaned annotation has no trustworthy offsets in the current text, so it waits (kept in the
// sidecar) until it is re-attached.
import type { ArticleDecisions, CorpusDecisions } from '../engine/decisions';
import type { Sidecar } from './format';

const placed = <T extends { orphaned?: boolean }>(x: T) => x.orphaned !== true;

/**
 * Per-article decisions. A user-made or accepted item is "added" (the user's type/value wins and
 * replaces overlapping automatic results, so it survives model changes); a rejected item is rejected.
 */
export function articleDecisionsOf(s: Sidecar): ArticleDecisions {
  const d: ArticleDecisions = { addedEntities: [], rejectedEntities: [], retypedEntities: [], addedDates: [], rejectedDates: [] };
  for (const e of s.entities.filter(placed)) {
    if (e.end <= e.start) continue;
    if (e.status === 'rejected') d.rejectedEntities.push({ start: e.start, end: e.end });
    else if (e.origin === 'user' || e.status === 'accepted') d.addedEntities.push({ start: e.start, end: e.end, type: e.type });
  }
  for (const x of s.dates.filter(placed)) {
    if (x.end <= x.start) continue;
    if (x.status === 'rejected') d.rejectedDates.push({ start: x.start, end: x.end });
    else if (x.origin === 'user' || x.status === 'accepted') d.addedDates.push({ start: x.start, end: x.end, value: x.value });
  }
  return d;
}

/**
 * Corpus decisions from every sidecar: merges and rejected spellings are unions; splits name their
 * article by the path the caller analyses it under (absolute path or URI). idOf maps a stored
 * canonical id to the current one when ids were renamed.
 */
export function corpusDecisionsOf(list: { path: string; sidecar: Sidecar }[], idOf: (id: string) => string = (id) => id): CorpusDecisions {
  const merges = new Map<string, [string, string]>();
  const splits = new Map<string, { path: string; start: number; end: number }>();
  const surfaces = new Set<string>();
  for (const { path, sidecar } of list) {
    for (const m of sidecar.corpus.merges) {
      const pair: [string, string] = [idOf(m.into), idOf(m.from)];
      if (pair[0] !== pair[1]) merges.set(`${pair[0]}\u0000${pair[1]}`, pair);
    }
    for (const sp of sidecar.corpus.splits.filter(placed)) splits.set(`${path}\u0000${sp.start}\u0000${sp.end}`, { path, start: sp.start, end: sp.end });
    for (const r of sidecar.corpus.rejectedSurfaces) if (r.text.trim()) surfaces.add(r.text);
  }
  const byKey = <T>(m: Map<string, T>) => [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, v]) => v);
  return { merges: byKey(merges), splits: byKey(splits), rejectedSurfaces: [...surfaces].sort() };
}

/** Identity of a link across re-analyses: this article's sentence span and the target's path and quote. */
export function linkKey(from: { start: number; end: number }, targetPath: string, targetQuote: string): string {
  return `${from.start}:${from.end}\u0000${targetPath}\u0000${targetQuote}`;
}
