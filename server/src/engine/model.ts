// The facts the engine produces. Pure data: no LSP or VS Code types here.
// Every offset is a UTF-16 code-unit index into the ORIGINAL article text, end exclusive.

export interface Span {
  start: number;
  end: number;
}

export type SentenceKind = 'headline' | 'heading' | 'caption' | 'bullet' | 'dateline' | 'credit' | 'body';

export interface Sentence extends Span {
  /** "s1", "s2", … in document order. */
  id: string;
  kind: SentenceKind;
}

/** A word as written (display unit) plus its matching forms. */
export interface Token extends Span {
  /** The original text of the token. */
  text: string;
  /** Normalised form (see text/normalize.ts), clitics still attached. */
  norm: string;
  /** Normalised stem with proclitics (و ف ب ك ل ال) stripped, for matching. */
  stem: string;
  /** Offset where the stem starts in the original text (after stripped clitics). */
  stemStart: number;
  /** 'word' for Arabic/Latin letters, 'number' for digits, 'punct' otherwise. */
  kind: 'word' | 'number' | 'punct';
}

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface EntityMention extends Span {
  type: EntityType;
  text: string;
  /** Model confidence in [0,1] when available. */
  confidence?: number;
  /** Canonical entity id, the same for every mention of one real-world thing across the corpus
   *  (filled by entities/linking). */
  entity?: string;
}

/** One real-world thing across the corpus. */
export interface CanonicalEntity {
  id: string;
  type: EntityType;
  /** The display name (the fullest, most frequent spelling). */
  name: string;
  /** Every spelling used, with where and how often. */
  spellings: { text: string; path: string; count: number }[];
}

export type DateKind = 'absolute' | 'relative' | 'weekday' | 'range' | 'hijri' | 'time';

export interface DateMention extends Span {
  text: string;
  /** TIMEX-like value: 2023-11-18, XXXX-05-08, XXXX-01, 2003, XXXX-WXX-2, REF+P0W, REF-P1M, … */
  value: string;
  kind: DateKind;
  mod?: 'START' | 'MID' | 'END';
  /** ISO date (or YYYY-MM / YYYY; with "Thh:mm" for clock times) once a reference date allows
   *  resolution; null otherwise. */
  resolved: string | null;
  /** Human-readable steps that produced value/resolved (year inference is always explained). */
  explanation: string[];
}

export interface Quantity extends Span {
  text: string;
  /** Closed/open interval the expression allows; equal for an exact number. */
  low: number;
  high: number;
  /** The qualifier that widened the interval ("أكثر من", "نحو", …), if any. */
  qualifier?: string;
  /** The counted noun as written ("صاروخ"), if found. */
  unit?: string;
  /** Normalised stem of the counted noun, for comparing quantities across articles. */
  unitStem?: string;
  percent?: boolean;
  /** The number as written (its face value), before a qualifier widened it: 30 in "30 على الأقل". */
  value?: number;
  /** What the qualifier does to the face value; 'vague' for counts such as "عشرات" (dozens). */
  shape?: QuantityShape;
  /** Other readings of an ambiguous digit string: "12.500" is 12.5 or 12 500 in Arabic news. */
  readings?: number[];
  /** The unit the number is rounded to when it is written rounded ("7 مليارات": 1e9); 1 for exact counts. */
  precision?: number;
}

export type QuantityShape = 'exact' | 'more' | 'atLeast' | 'less' | 'atMost' | 'about' | 'range' | 'vague';

export interface ArticleAnalysis {
  path: string;
  text: string;
  sentences: Sentence[];
  tokens: Token[];
  entities: EntityMention[];
  dates: DateMention[];
  quantities: Quantity[];
  /** Reference date used to resolve relative expressions, and where it came from. */
  referenceDate: { date: string; source: 'user' | 'cli' | 'dateline' | 'file-name' | 'setting' } | null;
}

export type Relation = 'corroborates' | 'contradicts' | 'different-event';

/** Why two sentences are linked; rendered in English or Arabic by crosscheck/reasons.ts. */
export interface Reason {
  code: string;
  /** The words/values on this side and the other side (e.g. "أكثر من 300" / "350"). */
  a?: string;
  b?: string;
  /** Verdict such as "compatible" / "clash". */
  verdict?: string;
}

export interface SentenceRef {
  path: string;
  sentence: string;
  start: number;
  end: number;
}

export interface SentenceLink {
  from: SentenceRef;
  relation: Relation;
  target: SentenceRef & { quote: string };
  /** In [0,1]: the estimated probability that the relation is right. */
  score: number;
  reasons: Reason[];
  /** Other articles that print the target passage word for word (wire copy): the same claim,
   *  more sources. */
  alsoIn?: SentenceRef[];
}
