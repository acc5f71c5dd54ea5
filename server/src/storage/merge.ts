// Two writers changed one sidecar: the language server holds the user's latest decisions in
// memory, and meanwhile another writer (a `qarina annotate` run, a second editor window, a git pull)
// replaced the file. A three-way merge of the DECISIONS keeps both sides' changes: from `base` (what
// this writer last saw on disk) to `ours` (what it holds) and to `theirs` (what the file holds now).
// Automatic results are not merged: they come from this writer's analysis and are rebuilt anyway.
// An item changed on both sides keeps ours (the decision the user just made here).
import type { Anchored, Origin, Sidecar, Status } from './format';
import { isUserDecision } from './format';
import { reanchorSidecar } from './anchor';
import { sha256Hex } from './sidecarFile';
import { linkKey } from './decisions';

type Item = { id: string };

// Fields that follow the analysis or the text, not the user's decision.
const VOLATILE = new Set(['entity', 'resolved', 'score', 'reasons', 'prefix', 'suffix', 'sentence', 'target']);

function signature(x: object): string {
  const o = x as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => !VOLATILE.has(k)).sort();
  const target = o.target as { path?: string; quote?: string } | undefined;
  return JSON.stringify([keys.map((k) => [k, o[k]]), target ? [target.path, target.quote] : null]);
}

/** The decisions of one list after a three-way merge. */
function merge3<T extends Item>(base: T[], ours: T[], theirs: T[]): T[] {
  const B = new Map(base.map((x) => [x.id, x]));
  const O = new Map(ours.map((x) => [x.id, x]));
  const out = new Map(theirs.map((x) => [x.id, x]));
  // Added or changed here.
  for (const [id, o] of O) {
    const b = B.get(id);
    if (!b || signature(b) !== signature(o)) out.set(id, o);
  }
  // Removed here (undo, a deleted orphan), and not changed there since.
  for (const [id, b] of B) {
    if (O.has(id)) continue;
    const t = out.get(id);
    if (t && signature(t) === signature(b)) out.delete(id);
  }
  return [...out.values()];
}

/** A list whose items are decisions only when the user made or judged them (entities, …, links):
 *  merged decisions, plus our automatic items that no decision now stands for. */
function mergeAnchored<T extends Anchored & { origin: Origin; status: Status }>(base: T[], ours: T[], theirs: T[]): T[] {
  const decided = merge3(base.filter(isUserDecision), ours.filter(isUserDecision), theirs.filter(isUserDecision));
  // What a decision stands for: an annotation's span, or a link's sentence and target passage.
  const place = (x: T) => {
    const t = (x as { target?: { path: string; quote: string } }).target;
    return t ? linkKey(x, t.path, t.quote) : `${x.start}:${x.end}`;
  };
  const ids = new Set(decided.map((x) => x.id));
  const places = new Set(decided.filter((x) => !x.orphaned).map(place));
  const auto = ours.filter((x) => !isUserDecision(x) && !ids.has(x.id) && !places.has(place(x)));
  return [...decided, ...auto];
}

/**
 * Our sidecar with the decisions of `theirs` merged in. `text` is the article as this writer knows
 * it: base and theirs are re-anchored to it first (they may refer to another version of the text).
 */
export function mergeSidecars(base: Sidecar | null, ours: Sidecar, theirs: Sidecar, text: string): Sidecar {
  const sha = sha256Hex(text);
  const at = (s: Sidecar) => (s.document.sha256 === sha ? s : reanchorSidecar(s, text).sidecar);
  const t = at(theirs);
  ours = at(ours);
  const b = base ? at(base) : { ...t, entities: [], dates: [], quantities: [], links: [], notes: [], checks: [], corpus: { merges: [], splits: [], rejectedSurfaces: [] } };
  // The user's reference date: theirs when it changed there and not here.
  const userDate = (s: Sidecar) => (s.document.referenceDateSource === 'user' ? s.document.referenceDate : null);
  const taken = userDate(ours) === userDate(b) && userDate(t) !== userDate(b) ? t.document : ours.document;
  return {
    ...ours,
    document: { ...ours.document, referenceDate: taken.referenceDate, referenceDateSource: taken.referenceDateSource },
    entities: mergeAnchored(b.entities, ours.entities, t.entities),
    dates: mergeAnchored(b.dates, ours.dates, t.dates),
    quantities: mergeAnchored(b.quantities, ours.quantities, t.quantities),
    links: mergeAnchored(b.links, ours.links, t.links),
    notes: merge3(b.notes, ours.notes, t.notes),
    checks: merge3(b.checks, ours.checks, t.checks),
    corpus: {
      merges: merge3(b.corpus.merges, ours.corpus.merges, t.corpus.merges),
      splits: merge3(b.corpus.splits, ours.corpus.splits, t.corpus.splits),
      rejectedSurfaces: merge3(b.corpus.rejectedSurfaces, ours.corpus.rejectedSurfaces, t.corpus.rejectedSurfaces),
    },
  };
}
