// What an article's analysis holds that depends on its text alone (and on the date its relative
// expressions resolve against): sentences, tokens, dates, quantities and the tagger's output.
// This is the expensive, per-article part of the pipeline; it is a pure function of its inputs,
// so it can run in worker threads and be kept in a persistent cache. The corpus-wide passes (NER
// consistency, entity linking, cross-checking) run on top of it in analyze.ts.
//
// `packFacts`/`unpackFacts` turn facts into a compact form for the cache and for messages between
// threads: columns of numbers in typed arrays and the token strings joined, instead of one object
// per token (a thousand articles hold some 300,000 tokens).
import type { DateMention, Quantity, Sentence, Token } from './model';
import { segmentSentences } from './text/sentences';
import { tokenize } from './text/tokens';
import { findReferenceDate, recognizeDates } from './dates';
import { recognizeQuantities } from './quantities';
import { tagDoc, type TaggedDoc } from './ner';

export interface ArticleFacts {
  sentences: Sentence[];
  tokens: Token[];
  /** The dateline found in the text (the reference date actually used is chosen in analyze.ts). */
  dateline: string | null;
  /** The date relative expressions were resolved against. */
  referenceDate: string | null;
  /** Dates resolved against `referenceDate`, before the user's decisions. */
  dates: DateMention[];
  /** Quantities given those dates (recomputed when the user's decisions change the dates). */
  quantities: Quantity[];
  /** The tagger's labels and marginals per sentence (NER runs corpus-wide on top of them). */
  tagged: TaggedDoc;
}

/** The dateline of a text: the one per-article fact the reference date depends on. */
export function datelineOf(text: string): string | null {
  return findReferenceDate(text)?.date ?? null;
}

/** The per-article analysis of `text`, with relative dates resolved against `referenceDate`. */
export function analyzeFacts(path: string, text: string, referenceDate: string | null, dateline: string | null = datelineOf(text)): ArticleFacts {
  const sentences = segmentSentences(text);
  const tokens = tokenize(text);
  const dates = recognizeDates(text, tokens, referenceDate);
  const quantities = recognizeQuantities(text, tokens, dates);
  const tagged = tagDoc({ path, text, tokens, sentences });
  return { sentences, tokens, dateline, referenceDate, dates, quantities, tagged };
}

/** The same facts with dates (and so quantities) resolved against another reference date. */
export function withReferenceDate(f: ArticleFacts, text: string, referenceDate: string | null): ArticleFacts {
  const dates = recognizeDates(text, f.tokens, referenceDate);
  return { ...f, referenceDate, dates, quantities: recognizeQuantities(text, f.tokens, dates) };
}

const KINDS: Token['kind'][] = ['word', 'number', 'punct'];
const SEP = '\u0001';

export interface PackedFacts {
  v: 1;
  sentences: Sentence[];
  tokStart: Int32Array;
  tokEnd: Int32Array;
  tokStemStart: Int32Array;
  tokKind: Uint8Array;
  /** norm and stem of every token, joined with U+0001 (token text is sliced from the article);
   *  as arrays in the rare text that contains U+0001 itself. */
  tokNorm: string | string[];
  tokStem: string | string[];
  dateline: string | null;
  referenceDate: string | null;
  dates: DateMention[];
  quantities: Quantity[];
  /** Per tagged sentence: its tokens as a range of the article's tokens, labels and marginals. */
  tagged: { from: number; to: number; labels: Uint8Array; marg: Float64Array }[];
}

export function packFacts(f: ArticleFacts): PackedFacts {
  const n = f.tokens.length;
  const tokStart = new Int32Array(n), tokEnd = new Int32Array(n), tokStemStart = new Int32Array(n), tokKind = new Uint8Array(n);
  const index = new Map<Token, number>();
  f.tokens.forEach((t, i) => {
    tokStart[i] = t.start; tokEnd[i] = t.end; tokStemStart[i] = t.stemStart; tokKind[i] = KINDS.indexOf(t.kind);
    index.set(t, i);
  });
  const tagged = f.tagged.sentences.map((s) => {
    const from = s.tokens.length ? index.get(s.tokens[0])! : 0;
    return { from, to: from + s.tokens.length, labels: Uint8Array.from(s.labels), marg: s.marg };
  });
  return {
    v: 1,
    sentences: f.sentences,
    tokStart, tokEnd, tokStemStart, tokKind,
    tokNorm: joined(f.tokens.map((t) => t.norm)),
    tokStem: joined(f.tokens.map((t) => t.stem)),
    dateline: f.dateline,
    referenceDate: f.referenceDate,
    dates: f.dates,
    quantities: f.quantities,
    tagged,
  };
}

const joined = (xs: string[]) => (xs.some((x) => x.includes(SEP)) ? xs : xs.join(SEP));

export function unpackFacts(path: string, text: string, p: PackedFacts): ArticleFacts {
  const norms = typeof p.tokNorm === 'string' ? p.tokNorm.split(SEP) : p.tokNorm;
  const stems = typeof p.tokStem === 'string' ? p.tokStem.split(SEP) : p.tokStem;
  const tokens: Token[] = new Array(p.tokStart.length);
  for (let i = 0; i < tokens.length; i++) {
    tokens[i] = { start: p.tokStart[i], end: p.tokEnd[i], text: text.slice(p.tokStart[i], p.tokEnd[i]), norm: norms[i], stem: stems[i], stemStart: p.tokStemStart[i], kind: KINDS[p.tokKind[i]] };
  }
  const tagged: TaggedDoc = {
    doc: { path, text, tokens, sentences: p.sentences },
    sentences: p.tagged.map((s) => ({ tokens: tokens.slice(s.from, s.to), labels: Array.from(s.labels), marg: s.marg })),
  };
  return { sentences: p.sentences, tokens, dateline: p.dateline, referenceDate: p.referenceDate, dates: p.dates, quantities: p.quantities, tagged };
}
