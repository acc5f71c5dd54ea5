// How links between articles are counted and said: the same in the CLI summary, the status bar and
// `npm run eval`. A link joins two passages and the engine holds it once from each end (A→B and
// B→A), so counting link ends doubles it; we count pairs of passages. One wording, with plurals.
// No engine import: the VS Code client bundles this file too.

export interface LinkCounts {
  corroborates: number;
  contradicts: number;
  differentEvent: number;
}

interface End { path: string; start: number; end: number }

/** Pairs of passages per relation; a link seen from both ends counts once. */
export function countLinkPairs(links: Iterable<{ from: End; target: End; relation: string }>): LinkCounts {
  const seen = new Set<string>();
  const counts: LinkCounts = { corroborates: 0, contradicts: 0, differentEvent: 0 };
  for (const l of links) {
    const ends = [l.from, l.target].map((e) => `${e.path}\u0000${e.start}:${e.end}`).sort();
    const key = `${l.relation}\u0000${ends.join('\u0000')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (l.relation === 'corroborates') counts.corroborates++;
    else if (l.relation === 'contradicts') counts.contradicts++;
    else if (l.relation === 'different-event') counts.differentEvent++;
  }
  return counts;
}

export const plural = (n: number, one: string, many = one + 's'): string => `${n} ${n === 1 ? one : many}`;

export function totalPairs(c: LinkCounts): number {
  return c.corroborates + c.contradicts + c.differentEvent;
}

/** ["157 corroborations", "1 contradiction", "3 different events"]: different events only when there are some. */
export function linkCountParts(c: LinkCounts): string[] {
  const parts = [plural(c.corroborates, 'corroboration'), plural(c.contradicts, 'contradiction')];
  if (c.differentEvent) parts.push(plural(c.differentEvent, 'different event'));
  return parts;
}

/** "161 linked pairs: 157 corroborations, 1 contradiction, 3 different events". */
export function describeLinks(c: LinkCounts): string {
  return `${plural(totalPairs(c), 'linked pair')}: ${linkCountParts(c).join(', ')}`;
}
