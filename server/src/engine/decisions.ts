// The user's decisions as input to the analysis: the engine proposes, the user decides, and the
// decisions win. Per article: names added, rejected or retyped, dates added or rejected. Across
// the corpus: canonical entities merged ("the same person") or a mention split off, and spellings
// rejected everywhere. Applied after recognition and before cross-checking, so every feature
// (highlights, hovers, references, links) sees the same corrected facts.
import type { DateMention, EntityMention, EntityType, CanonicalEntity } from './model';
import { norm } from './text/normalize';

export interface ArticleDecisions {
  addedEntities: { start: number; end: number; type: EntityType }[];
  rejectedEntities: { start: number; end: number }[];
  retypedEntities: { start: number; end: number; type: EntityType }[];
  addedDates: { start: number; end: number; value: string }[];
  rejectedDates: { start: number; end: number }[];
}

export interface CorpusDecisions {
  /** Pairs of canonical ids the user declared the same thing: the second joins the first. */
  merges: [string, string][];
  /** Mentions the user split off their canonical entity. */
  splits: { path: string; start: number; end: number }[];
  /** Normalised spellings rejected everywhere ("not an entity" for one surface form). */
  rejectedSurfaces: string[];
}

export const noArticleDecisions = (): ArticleDecisions => ({ addedEntities: [], rejectedEntities: [], retypedEntities: [], addedDates: [], rejectedDates: [] });
export const noCorpusDecisions = (): CorpusDecisions => ({ merges: [], splits: [], rejectedSurfaces: [] });

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const same = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start === b.start && a.end === b.end;

/** Entities after the user's per-article decisions and rejected spellings. */
export function applyEntityDecisions(text: string, auto: EntityMention[], d: ArticleDecisions | undefined, rejectedSurfaces: Set<string>): EntityMention[] {
  let out = auto.filter((e) => !rejectedSurfaces.has(norm(e.text)));
  if (!d) return out;
  out = out.filter((e) => !d.rejectedEntities.some((r) => same(r, e)));
  out = out.map((e) => {
    const re = d.retypedEntities.find((r) => same(r, e));
    return re ? { ...e, type: re.type } : e;
  });
  for (const a of d.addedEntities) {
    if (a.end > text.length || a.start >= a.end) continue;
    // A name the user added replaces automatic ones it overlaps.
    out = out.filter((e) => !overlaps(e, a));
    out.push({ start: a.start, end: a.end, type: a.type, text: text.slice(a.start, a.end), confidence: 1 });
  }
  return out.sort((x, y) => x.start - y.start);
}

export function applyDateDecisions(text: string, auto: DateMention[], d: ArticleDecisions | undefined): DateMention[] {
  if (!d) return auto;
  let out = auto.filter((x) => !d.rejectedDates.some((r) => same(r, x)));
  for (const a of d.addedDates) {
    if (a.end > text.length || a.start >= a.end) continue;
    out = out.filter((x) => !overlaps(x, a));
    out.push({ start: a.start, end: a.end, text: text.slice(a.start, a.end), value: a.value, kind: a.value.startsWith('REF') ? 'relative' : 'absolute', resolved: null, explanation: ['value set by the user'] });
  }
  return out.sort((x, y) => x.start - y.start);
}

/** Apply merges and splits to linked mentions and rebuild the canonical list accordingly. */
export function applyCorpusDecisions(
  docs: { path: string; entities: EntityMention[] }[],
  canonical: CanonicalEntity[],
  d: CorpusDecisions,
): CanonicalEntity[] {
  if (d.merges.length === 0 && d.splits.length === 0) return canonical;
  // Union-find over merged ids so that chains of merges collapse to one id.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    const p = parent.get(x);
    if (!p || p === x) return x;
    const r = find(p);
    parent.set(x, r);
    return r;
  };
  for (const [a, b] of d.merges) {
    const ra = find(a), rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  }
  const byId = new Map(canonical.map((c) => [c.id, c]));
  for (const doc of docs) {
    for (const m of doc.entities) {
      if (!m.entity) continue;
      if (d.splits.some((s) => s.path === doc.path && s.start === m.start && s.end === m.end)) {
        const id = `${m.type}:split:${norm(m.text)}`;
        m.entity = id;
        continue;
      }
      m.entity = find(m.entity);
    }
  }
  // Rebuild spellings from the mentions, keeping each surviving entity's name.
  const rebuilt = new Map<string, CanonicalEntity>();
  for (const doc of docs) {
    for (const m of doc.entities) {
      if (!m.entity) continue;
      let c = rebuilt.get(m.entity);
      if (!c) {
        const old = byId.get(m.entity);
        c = { id: m.entity, type: old?.type ?? m.type, name: old?.name ?? m.text, spellings: [] };
        rebuilt.set(m.entity, c);
      }
      const s = c.spellings.find((x) => x.text === m.text && x.path === doc.path);
      if (s) s.count++;
      else c.spellings.push({ text: m.text, path: doc.path, count: 1 });
    }
  }
  return [...rebuilt.values()].sort((a, b) => a.id.localeCompare(b.id));
}
