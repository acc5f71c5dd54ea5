// From one article's analysis (plus the previous sidecar) to the sidecar that is written. Automatic
// results are suggestions; previous user decisions win and are carried over; ids are derived from
// content so that re-running on the same text is byte-identical.
import { createHash } from 'node:crypto';
import { DEFAULT_LIMITS } from '../engine/crosscheck';
import { renderReason } from '../engine/crosscheck/reasons';
import type { ArticleAnalysis, SentenceLink } from '../engine/model';
import { version } from '../../../package.json';
import { makeAnchor } from './anchor';
import { linkKey } from './decisions';
import {
  SCHEMA_ID,
  type Sidecar, type SidecarDate, type SidecarEntity, type SidecarLink, type SidecarQuantity,
} from './format';

export const GENERATOR = `qarina ${version}`;

export interface BuildInput {
  /** document.path, as written (the article's basename). */
  path: string;
  text: string;
  sha256: string;
  analysis: ArticleAnalysis;
  /** Links FROM this article. */
  links: SentenceLink[];
  /** Already re-anchored to text. */
  previous: Sidecar | null;
  /** How to write target.path (relative to this sidecar's folder, '/'-separated). */
  relativePath: (absOrUri: string) => string;
  generator?: string;
}

/** Ids from content: kind, quote and which occurrence of that quote it is (stable across edits
 *  elsewhere in the text); a clash with a kept id is resolved by a deterministic salt. */
class Ids {
  private readonly taken = new Set<string>();
  private readonly seen = new Map<string, number>();
  reserve(id: string): void {
    this.taken.add(id);
  }
  next(prefix: string, key: string): string {
    const k = `${prefix}\u0000${key}`;
    const n = (this.seen.get(k) ?? 0) + 1;
    this.seen.set(k, n);
    for (let salt = 0; ; salt++) {
      const id = `${prefix}-${createHash('sha256').update(`${k}\u0000${n}\u0000${salt}`).digest('hex').slice(0, 10)}`;
      if (!this.taken.has(id)) {
        this.taken.add(id);
        return id;
      }
    }
  }
}

const spanKey = (x: { start: number; end: number }) => `${x.start}:${x.end}`;
const finite = (x: number) => (Number.isFinite(x) ? x : null);
const round = (x: number) => Math.round(x * 1000) / 1000;

/** Previous items that must survive: user decisions, and orphans that are the user's. */
function keptFrom<T extends { origin: string; status: string; orphaned?: boolean }>(list: T[] | undefined): T[] {
  return (list ?? []).filter((x) => x.origin === 'user' || x.status !== 'suggested');
}

/** Most automatic links a sidecar keeps for one sentence: as many as the sentence itself chooses
 *  (the cross-checker's per-sentence limits, DEFAULT_LIMITS). A sentence is also linked by the
 *  sentences that choose it, and in a folder of near-copies of one story every sentence is chosen by
 *  every copy (200 copies: 199 links a sentence, a sidecar 30× its article); the reader needs the
 *  most relevant, and the editor still shows every link it finds. (It was 10, fewer than a sentence
 *  chooses: a toll sentence with its six contradictions kept four of its corroborations, and the
 *  sidecars of a story folder disagreed with the editor on what corroborates what.) */
export const MAX_LINKS_PER_SENTENCE = DEFAULT_LIMITS.corroborates + DEFAULT_LIMITS.contradicts + DEFAULT_LIMITS['different-event'];

const RELATION_RANK = { contradicts: 0, corroborates: 1, 'different-event': 2 } as const;

/** The links of each sentence, at most MAX_LINKS_PER_SENTENCE: contradictions first (what a
 *  reader must reconcile), then the most confident. */
export function capPerSentence(links: SentenceLink[]): SentenceLink[] {
  const bySentence = new Map<string, SentenceLink[]>();
  for (const l of links) {
    const k = `${l.from.start}:${l.from.end}`;
    const list = bySentence.get(k);
    if (list) list.push(l);
    else bySentence.set(k, [l]);
  }
  const out: SentenceLink[] = [];
  for (const list of bySentence.values()) {
    if (list.length > MAX_LINKS_PER_SENTENCE) {
      list.sort((x, y) => RELATION_RANK[x.relation] - RELATION_RANK[y.relation] || y.score - x.score || (x.target.path < y.target.path ? -1 : x.target.path > y.target.path ? 1 : x.target.start - y.target.start));
    }
    out.push(...list.slice(0, MAX_LINKS_PER_SENTENCE));
  }
  return out;
}

/** Most articles listed as printing a link's target word for word. */
export const MAX_COPIES = 10;

/** The other articles that print a target passage: one passage per article (an article that
 *  repeats a paragraph 90 times is one source, not 90), at most MAX_COPIES. */
function copiesOf(alsoIn: NonNullable<SentenceLink['alsoIn']>, relativePath: (p: string) => string): NonNullable<SidecarLink['alsoIn']> {
  const seen = new Set<string>();
  const out: NonNullable<SidecarLink['alsoIn']> = [];
  for (const c of alsoIn) {
    if (seen.has(c.path) || out.length >= MAX_COPIES) continue;
    seen.add(c.path);
    out.push({ path: relativePath(c.path), sentence: c.sentence, start: c.start, end: c.end });
  }
  return out;
}

export function buildSidecar(b: BuildInput): Sidecar {
  const { text, analysis: a, previous: p } = b;
  const ids = new Ids();
  const prevKept = {
    entities: keptFrom(p?.entities),
    dates: keptFrom(p?.dates),
    quantities: keptFrom(p?.quantities),
    links: keptFrom(p?.links),
  };
  for (const list of Object.values(prevKept)) for (const x of list) ids.reserve(x.id);
  for (const x of [...(p?.notes ?? []), ...(p?.checks ?? []), ...(p?.corpus.splits ?? []), ...(p?.corpus.merges ?? []), ...(p?.corpus.rejectedSurfaces ?? [])]) ids.reserve(x.id);

  // ---- entities
  const autoEntities = new Map<string, SidecarEntity>();
  for (const e of [...a.entities].sort((x, y) => x.start - y.start || x.end - y.end)) {
    if (e.end <= e.start || e.end > text.length) continue;
    autoEntities.set(spanKey(e), {
      id: ids.next('e', `${e.type}\u0000${text.slice(e.start, e.end)}`),
      ...makeAnchor(text, e.start, e.end),
      type: e.type, entity: e.entity ?? null, origin: 'auto', status: 'suggested',
    });
  }
  const entities: SidecarEntity[] = [];
  for (const k of prevKept.entities) {
    const fresh = k.orphaned ? undefined : autoEntities.get(spanKey(k));
    if (fresh) autoEntities.delete(spanKey(k));
    // The canonical id comes from the fresh linking; the user's type and status stay.
    entities.push(fresh && k.status !== 'rejected' ? { ...k, entity: fresh.entity } : k);
  }
  entities.push(...autoEntities.values());

  // ---- dates
  const autoDates = new Map<string, SidecarDate>();
  for (const d of [...a.dates].sort((x, y) => x.start - y.start || x.end - y.end)) {
    if (d.end <= d.start || d.end > text.length) continue;
    autoDates.set(spanKey(d), {
      id: ids.next('d', text.slice(d.start, d.end)),
      ...makeAnchor(text, d.start, d.end),
      value: d.value, resolved: d.resolved ?? null, origin: 'auto', status: 'suggested',
    });
  }
  const dates: SidecarDate[] = [];
  for (const k of prevKept.dates) {
    const fresh = k.orphaned ? undefined : autoDates.get(spanKey(k));
    if (fresh) autoDates.delete(spanKey(k));
    // The resolution may improve (a new reference date); the user's value stays.
    dates.push(fresh && fresh.value === k.value ? { ...k, resolved: fresh.resolved } : k);
  }
  dates.push(...autoDates.values());

  // ---- quantities
  const autoQuantities = new Map<string, SidecarQuantity>();
  for (const q of [...a.quantities].sort((x, y) => x.start - y.start || x.end - y.end)) {
    if (q.end <= q.start || q.end > text.length) continue;
    autoQuantities.set(spanKey(q), {
      id: ids.next('q', text.slice(q.start, q.end)),
      ...makeAnchor(text, q.start, q.end),
      low: finite(q.low), high: finite(q.high), qualifier: q.qualifier ?? null, unit: q.unit ?? null,
      origin: 'auto', status: 'suggested',
    });
  }
  const quantities: SidecarQuantity[] = [];
  for (const k of prevKept.quantities) {
    if (!k.orphaned) autoQuantities.delete(spanKey(k));
    quantities.push(k);
  }
  quantities.push(...autoQuantities.values());

  // ---- links
  const autoLinks = new Map<string, SidecarLink>();
  const sortedLinks = capPerSentence(b.links).sort((x, y) => x.from.start - y.from.start || x.from.end - y.from.end || (x.target.path < y.target.path ? -1 : x.target.path > y.target.path ? 1 : 0) || x.target.start - y.target.start);
  for (const l of sortedLinks) {
    if (l.from.end <= l.from.start || l.from.end > text.length) continue;
    const targetPath = b.relativePath(l.target.path);
    const key = linkKey(l.from, targetPath, l.target.quote);
    if (autoLinks.has(key)) continue;
    autoLinks.set(key, {
      id: ids.next('l', `${text.slice(l.from.start, l.from.end)}\u0000${targetPath}\u0000${l.target.quote}`),
      ...makeAnchor(text, l.from.start, l.from.end),
      sentence: l.from.sentence, relation: l.relation,
      target: { path: targetPath, sentence: l.target.sentence, start: l.target.start, end: l.target.end, quote: l.target.quote },
      score: round(Math.min(1, Math.max(0, l.score))),
      reasons: l.reasons.map((r) => renderReason(r, 'en')),
      ...(l.alsoIn?.length ? { alsoIn: copiesOf(l.alsoIn, b.relativePath) } : {}),
      origin: 'auto', status: 'suggested',
    });
  }
  // Every source of a claim printed word for word in several articles is written as a link of its
  // own (copyOf names the link it copies), in the room the sentence's cap leaves: a reader of the
  // sidecar, or a tool, finds each source with its offsets, not only the first. (The editor still
  // shows one claim with its sources.)
  const perSentence = new Map<string, number>();
  for (const l of autoLinks.values()) perSentence.set(`${l.start}:${l.end}`, (perSentence.get(`${l.start}:${l.end}`) ?? 0) + 1);
  for (const main of [...autoLinks.values()]) {
    for (const c of main.alsoIn ?? []) {
      const at = `${main.start}:${main.end}`;
      if ((perSentence.get(at) ?? 0) >= MAX_LINKS_PER_SENTENCE) break;
      const key = linkKey(main, c.path, '');
      // (Not again when the user judged that copy already: the kept link stands for it.)
      if (autoLinks.has(key) || prevKept.links.some((k) => k.start === main.start && k.end === main.end && k.target.path === c.path && k.target.start === c.start)) continue;
      perSentence.set(at, (perSentence.get(at) ?? 0) + 1);
      const { alsoIn: _copies, id: _id, target: _target, ...rest } = main;
      void _copies; void _id; void _target;
      autoLinks.set(key, {
        ...rest,
        id: ids.next('l', `${text.slice(main.start, main.end)}\u0000${c.path}\u0000${c.start}`),
        target: { path: c.path, sentence: c.sentence, start: c.start, end: c.end, quote: '' },
        copyOf: main.id,
      });
    }
  }
  const links: SidecarLink[] = [];
  for (const k of prevKept.links) {
    const key = linkKey(k, k.target.path, k.target.quote);
    const fresh = k.orphaned ? undefined : autoLinks.get(key);
    if (fresh) autoLinks.delete(key);
    // Fresh score, reasons and target offsets; the user's relation and status stay.
    links.push(fresh ? withCopies({ ...k, target: fresh.target, sentence: fresh.sentence, score: fresh.score, reasons: fresh.reasons }, fresh.alsoIn) : k);
  }
  links.push(...autoLinks.values());

  // ---- document: a reference date the user chose stays the user's.
  const userDate = p?.document.referenceDateSource === 'user' ? p.document.referenceDate : null;
  const document = {
    path: b.path,
    sha256: b.sha256,
    offsetUnit: 'utf16' as const,
    referenceDate: userDate ?? a.referenceDate?.date ?? null,
    referenceDateSource: userDate ? ('user' as const) : a.referenceDate?.source ?? null,
  };

  return {
    schema: SCHEMA_ID,
    generator: b.generator ?? GENERATOR,
    document,
    sentences: a.sentences.map((s) => ({ id: s.id, start: s.start, end: s.end, kind: s.kind })),
    entities, dates, quantities, links,
    notes: [...(p?.notes ?? [])],
    checks: [...(p?.checks ?? [])],
    corpus: {
      merges: [...(p?.corpus.merges ?? [])],
      splits: [...(p?.corpus.splits ?? [])],
      rejectedSurfaces: [...(p?.corpus.rejectedSurfaces ?? [])],
    },
  };
}


/** A kept link with the fresh list of word-for-word copies of its target (none: the field goes). */
function withCopies(l: SidecarLink, alsoIn: SidecarLink['alsoIn']): SidecarLink {
  const { alsoIn: _stale, ...rest } = l;
  void _stale;
  return alsoIn?.length ? { ...rest, alsoIn } : rest;
}
