// The sidecar format: NAME.txt.annotations.json next to each article. Every offset is a UTF-16
// code-unit index into the article text, end exclusive. Every annotation carries an Anchor (quote
// plus text before and after) so it can be re-found after the article changes.

export const SCHEMA_ID = 'qarina/annotations@1';
/** The version number inside SCHEMA_ID; sidecars with a larger one were written by a newer Qarina. */
export const SCHEMA_VERSION = 1;
export const SCHEMA_PREFIX = 'qarina/annotations@';

export type Origin = 'auto' | 'user';
export type Status = 'suggested' | 'accepted' | 'rejected';

/** prefix/suffix: up to ANCHOR_CONTEXT UTF-16 units of the text around the quote. */
export interface Anchor {
  start: number;
  end: number;
  text: string;
  prefix: string;
  suffix: string;
}

export const ANCHOR_CONTEXT = 32;

/** orphaned: could not be re-found; start/end are the last known ones. */
export interface Anchored extends Anchor {
  id: string;
  orphaned?: boolean;
}

export type SidecarEntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface SidecarEntity extends Anchored {
  type: SidecarEntityType;
  entity: string | null;
  origin: Origin;
  status: Status;
}

export interface SidecarDate extends Anchored {
  value: string;
  resolved: string | null;
  origin: Origin;
  status: Status;
}

/** low/high null = unbounded on that side. */
export interface SidecarQuantity extends Anchored {
  low: number | null;
  high: number | null;
  qualifier: string | null;
  unit: string | null;
  origin: Origin;
  status: Status;
}

export type SidecarRelation = 'corroborates' | 'contradicts' | 'different-event';

/** The Anchor is the sentence of THIS article (text = its quote). */
export interface SidecarLink extends Anchored {
  sentence: string;
  relation: SidecarRelation;
  /** path RELATIVE to this sidecar's folder (e.g. "OTHER.txt"). */
  target: { path: string; sentence: string; start: number; end: number; quote: string };
  score: number;
  reasons: string[];
  /** Other articles that print the target passage word for word (wire copy): the same claim,
   *  more sources (paths relative to this sidecar's folder). */
  alsoIn?: { path: string; sentence: string; start: number; end: number }[];
  /** Set on a link to a word-for-word copy of another link's target (that link's id): one claim,
   *  one more source. */
  copyOf?: string;
  origin: Origin;
  status: Status;
}

export interface SidecarNote extends Anchored {
  body: string;
  created: string;
}

/** A sentence the user marked as checked (ISO time). */
export interface SidecarCheck extends Anchored {
  sentence: string;
  checked: string;
}

/** Canonical ids: `from` joins `into`. */
export interface SidecarMerge {
  id: string;
  into: string;
  from: string;
}

/** This mention split off canonical `from`. */
export interface SidecarSplit extends Anchored {
  from: string;
}

/** A spelling rejected everywhere. */
export interface SidecarRejectedSurface {
  id: string;
  text: string;
}

export type ReferenceDateSource = 'user' | 'cli' | 'dateline' | 'file-name' | 'setting';

export interface SidecarDocument {
  path: string;
  sha256: string;
  offsetUnit: 'utf16';
  referenceDate: string | null;
  referenceDateSource: ReferenceDateSource | null;
}

export interface SidecarSentence {
  id: string;
  start: number;
  end: number;
  kind: string;
}

export interface Sidecar {
  schema: typeof SCHEMA_ID;
  /** "qarina 0.1.0" */
  generator: string;
  document: SidecarDocument;
  sentences: SidecarSentence[];
  entities: SidecarEntity[];
  dates: SidecarDate[];
  quantities: SidecarQuantity[];
  links: SidecarLink[];
  notes: SidecarNote[];
  checks: SidecarCheck[];
  corpus: { merges: SidecarMerge[]; splits: SidecarSplit[]; rejectedSurfaces: SidecarRejectedSurface[] };
}

/** True when the user decided something about this item (it must survive re-analysis). */
export function isUserDecision(x: { origin?: Origin; status?: Status; orphaned?: boolean }): boolean {
  return x.origin === 'user' || (x.status !== undefined && x.status !== 'suggested') || x.orphaned === true;
}

export function emptySidecar(path: string, sha256: string, generator = 'qarina'): Sidecar {
  return {
    schema: SCHEMA_ID,
    generator,
    document: { path, sha256, offsetUnit: 'utf16', referenceDate: null, referenceDateSource: null },
    sentences: [],
    entities: [],
    dates: [],
    quantities: [],
    links: [],
    notes: [],
    checks: [],
    corpus: { merges: [], splits: [], rejectedSurfaces: [] },
  };
}

/** Deterministic order of every array: start, end, then id. */
export function bySpan<T extends { start: number; end: number; id: string }>(a: T, b: T): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
