// One article's sentences turned into what cross-checking compares: weighted content terms
// (light-stemmed words; names as one term carrying their canonical entity id), the dates and the
// quantities each sentence states, its negations, and whether it denies, declines to comment or
// asserts. Computed once per article version; pair scoring never looks at raw text again.
import type { ArticleAnalysis, DateMention, EntityMention, EntityType, Quantity, SentenceKind, Token } from '../model';
import { norm } from '../text/normalize';
import {
  ASSERTION_WORDS, COMMENT_WORDS, CONCESSIVE, CONTINUATION_VERBS, DECLINE_VERBS, DENIAL_WORDS,
  COMPLEMENTISERS, FUNCTION_WORDS, NEGATION_PARTICLES, QUESTION_WORDS, REPORTING_WORDS, SOURCE_NOUNS, SPEAKER_OPENERS,
} from './lexicon';
import { lightStem, skeleton, variantKeys, wordKeys } from './stems';
import type { Weights } from './weights';

export interface Term {
  /** Matching keys: the first is the primary one ("E:<id>" for a name). */
  keys: string[];
  /** As written, for reasons. */
  text: string;
  /** Coarse skeleton (stems.ts `skeleton`): the key of the learned contrast lexicon. */
  skel: string;
  /** Spelling-variant keys of the primary key (stems.ts variantKeys). */
  variantKeys: string[];
  /** Informativeness (inverse document frequency in news text). */
  weight: number;
  /** Every occurrence of the term in the sentence is negated (لم يلتق, غير مباشرة). */
  negated: boolean;
  /** The term names who speaks ("وقال مسؤول إسرائيلي إن …", "بحسب مصادر أمريكية"): another
   *  speaker reporting the same thing is not a clash. */
  speaker?: boolean;
  /** Index of the clause (stretch between commas, colons, quote marks) where the term first occurs. */
  clause: number;
  entity?: {
    id: string; type: EntityType; attribution: boolean;
    /** Light stems of the words just before and after the name: its slot in the sentence. */
    left?: string; right?: string;
  };
}

export interface SpeechAct {
  /** The word as written (نفى, رفض … التعليق, أكد, بيان). */
  text: string;
  /** Content terms after the word: what is denied / not commented on. */
  scope: Term[];
}

export interface PreparedSentence {
  path: string;
  /** Everything a verdict depends on (the text, its kind and the facts recognised in it, with
   *  offsets relative to the sentence): two sentences with the same path and signature get the
   *  same verdicts, so an edit only re-judges the sentences it changed. */
  sig: string;
  /** Index in the article's sentence list. */
  index: number;
  id: string;
  start: number;
  end: number;
  kind: SentenceKind;
  quote: string;
  terms: Term[];
  /** Sum of the weights of the terms, dates and quantities. */
  mass: number;
  /** The same per clause, for clauses of at least MIN_CLAUSE_ITEMS terms and facts (0 otherwise):
   *  long news sentences join several statements, and one of them may be all another sentence says. */
  clauseMass: number[];
  /** Light stems of the counted nouns of each quantity (parallel to quantities). */
  quantityUnits: Set<string>[];
  /** Clause index of each date and quantity (parallel to dates / quantities). */
  dateClauses: number[];
  quantityClauses: number[];
  /** The weight of one date or quantity in the mass. */
  factWeight: number;
  /** Every matching key of every term, and the first term holding it; the same by primary key. */
  keySet: Map<string, Term>;
  primary: Map<string, Term>;
  /** Spelling-variant keys (stems.ts variantKeys) of every term's primary key, with the term. */
  variants: Map<string, Term>;
  /** Enough content to be worth linking (not a share button, a category line or a credit). */
  linkable: boolean;
  dates: DateMention[];
  /** Quantities stated as facts (counts of sources, "according to 5 officials", left out). */
  quantities: Quantity[];
  /** Negation particles as written (continuations such as لا يزال excluded). */
  negations: string[];
  denial?: SpeechAct;
  decline?: SpeechAct;
  assertion?: SpeechAct;
}

/**
 * A sentence needs this many distinct content words to be linked at all; a short one (fewer than
 * MIN_PLAIN_TERMS) must also name someone or something, or state a date or a number. Navigation
 * and share lines ("زر الذهاب إلى الأعلى", "تابعونا عبر فيسبوك", "اخترنا لك") fail this; short
 * headlines ("بكين تشتكي من الحمائية") pass it.
 */
export const MIN_CONTENT_TERMS = 3;
export const MIN_PLAIN_TERMS = 5;

/** Word forms to test against the lexicon: as written (normalised), without proclitics, and
 *  without a leading conjunction only (the proclitic splitter keeps و on short words: ولم). */
function forms(t: Token): string[] {
  const out = [t.norm, t.stem];
  const m = /^[وف](.{2,})$/.exec(t.norm);
  if (m) out.push(m[1]);
  return out;
}

const isIn = (lex: Set<string>, t: Token) => forms(t).some((f) => lex.has(f));

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function tokensOf(tokens: Token[], start: number, end: number): Token[] {
  let lo = 0, hi = tokens.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (tokens[mid].end <= start) lo = mid + 1; else hi = mid; }
  const out: Token[] = [];
  for (let i = lo; i < tokens.length && tokens[i].start < end; i++) out.push(tokens[i]);
  return out;
}

function inSpans<T extends { start: number; end: number }>(spans: T[], start: number, end: number): T[] {
  return spans.filter((s) => s.start < end && start < s.end);
}

/** A name or a count introduced as a source ("according to", "quoted … from", "reported by"). */
function isAttribution(words: Token[], at: number): boolean {
  for (let k = Math.max(0, at - 4); k < at; k++) {
    const w = words[k];
    if (isIn(REPORTING_WORDS, w) || forms(w).some((f) => f === 'عن' || f === 'لموقع' || f === 'لصحيفه' || f === 'لوكاله')) return true;
  }
  return false;
}

/** How many words after a counted noun may hold nouns joined to it by و. */
const UNIT_LIST_WINDOW = 3;

function unitsOf(q: Quantity, words: Token[]): Set<string> {
  const out = new Set<string>();
  if (!q.unitStem) return out;
  out.add(lightStem(q.unitStem));
  const at = words.findIndex((w) => w.start >= q.end);
  if (at < 0) return out;
  for (let k = at + 1; k <= at + UNIT_LIST_WINDOW && k < words.length; k++) {
    const m = /^و(.{2,})$/.exec(words[k].norm);
    if (m && /^[\u0621-\u064A]+$/.test(words[k].stem)) out.add(lightStem(words[k].stem));
  }
  return out;
}

/** A clause is compared on its own when it holds this many terms, dates and quantities. */
export const MIN_CLAUSE_ITEMS = 4;

/** How far a speaker clause can reach after its reporting word. */
const SPEAKER_WINDOW = 6;

/** Start offsets of the words that follow a colon, a comma or a quote mark (a clause break). */
function clauseBreaks(tokens: Token[]): Set<number> {
  const out = new Set<number>();
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i].kind !== 'punct' && tokens[i - 1].kind === 'punct' && /[:,"]/.test(tokens[i - 1].norm)) out.add(tokens[i].start);
  }
  return out;
}

/** Prepare every sentence of an article. */
export function prepareArticle(a: ArticleAnalysis, weights: Weights): PreparedSentence[] {
  return a.sentences.map((s, index) => prepareSentence(a, index, weights));
}

function prepareSentence(a: ArticleAnalysis, index: number, weights: Weights): PreparedSentence {
  const s = a.sentences[index];
  const words = tokensOf(a.tokens, s.start, s.end).filter((t) => t.kind !== 'punct');
  const entities = inSpans(a.entities, s.start, s.end);
  const dates = inSpans(a.dates, s.start, s.end);
  const quantitiesAll = inSpans(a.quantities, s.start, s.end);

  const terms: Term[] = [];
  const byKey = new Map<string, Term>();
  const negations: string[] = [];
  let negateNext = false;
  let denial: SpeechAct | undefined;
  let decline: SpeechAct | undefined;
  let assertion: SpeechAct | undefined;
  let concessiveAt = -10;
  const scopeStarts: { act: SpeechAct; from: number }[] = [];

  // The speaker clause: from a reporting word (قال, بحسب, نقلا عن) to the complementiser إن / أن,
  // a colon or a comma, at most SPEAKER_WINDOW words.
  let speakerUntil = -1;
  const addTerm = (t: Omit<Term, 'clause'>, at: number) => {
    if (at <= speakerUntil) t.speaker = true;
    const prev = byKey.get(t.keys[0]);
    if (prev) { prev.negated = prev.negated && t.negated; return; }
    const term: Term = { ...t, clause };
    byKey.set(term.keys[0], term);
    terms.push(term);
    for (const sc of scopeStarts) if (at >= sc.from) sc.act.scope.push(term);
  };

  const entityDone = new Set<EntityMention>();
  const skip = new Set<number>();
  const breaks = clauseBreaks(tokensOf(a.tokens, s.start, s.end));
  let clause = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (i > 0 && breaks.has(w.start)) clause++;
    if (i <= speakerUntil && (breaks.has(w.start) || isIn(COMPLEMENTISERS, w))) speakerUntil = -1;
    if (isIn(SPEAKER_OPENERS, w)) speakerUntil = i + SPEAKER_WINDOW;
    if (skip.has(i)) continue;
    const ent = entities.find((e) => overlaps(e, w));
    if (ent) {
      if (entityDone.has(ent)) continue;
      entityDone.add(ent);
      const id = ent.entity ?? `T:${norm(ent.text)}`;
      const entWords = words.filter((x) => overlaps(ent, x));
      const keys = [`E:${id}`, ...entWords.flatMap((x) => wordKeys(x.stem).slice(0, 1))];
      const weight = Math.max(weights.entity, ...entWords.map((x) => weights.idf(wordKeys(x.stem)[0])));
      const last = i + entWords.length - 1;
      // The word before a name governs its slot (في X / في Y, مع X / مع Y, تهديدات X / تهديدات Y);
      // the word after only when it is a content word ("X هذا الأسبوع" says nothing of the slot).
      const slot = (w?: Token) => (w ? lightStem(w.stem) || w.norm : undefined);
      const after = words[last + 1];
      addTerm({
        keys, text: ent.text, skel: keys[0], variantKeys: [], weight, negated: negateNext,
        entity: {
          id, type: ent.type, attribution: isAttribution(words, i),
          left: slot(words[i - 1]), right: after && !isIn(FUNCTION_WORDS, after) ? slot(after) : undefined,
        },
      }, i);
      negateNext = false;
      continue;
    }
    if (CONCESSIVE.has(w.stem) || CONCESSIVE.has(w.norm)) concessiveAt = i;
    if (isIn(NEGATION_PARTICLES, w)) {
      const next = words[i + 1];
      if (next && isIn(CONTINUATION_VERBS, next)) { i++; continue; }
      negations.push(w.text);
      negateNext = true;
      continue;
    }
    if (isIn(DENIAL_WORDS, w) && !denial) {
      // "Despite X's denial" reports the denial; the sentence itself asserts.
      if (i - concessiveAt > 3) {
        denial = { text: w.text, scope: [] };
        scopeStarts.push({ act: denial, from: i + 1 });
      }
      continue;
    }
    if (isIn(DECLINE_VERBS, w) && !decline) {
      const j = words.slice(i + 1, i + 8).findIndex((x) => isIn(COMMENT_WORDS, x));
      if (j >= 0) {
        // The words between (who declined) stay content; the scope is what follows التعليق.
        decline = { text: `${w.text} … ${words[i + 1 + j].text}`, scope: [] };
        scopeStarts.push({ act: decline, from: i + 2 + j });
        skip.add(i + 1 + j);
        for (let k = i + 2 + j; k < Math.min(words.length, i + 5 + j); k++) if (isIn(QUESTION_WORDS, words[k])) skip.add(k);
        continue;
      }
    }
    if (isIn(ASSERTION_WORDS, w) && !assertion) {
      assertion = { text: w.text, scope: [] };
      scopeStarts.push({ act: assertion, from: i + 1 });
      continue;
    }
    if (w.kind === 'number') continue;
    if (inSpans(dates, w.start, w.end).length) continue;
    if (isIn(FUNCTION_WORDS, w) || isIn(REPORTING_WORDS, w)) continue;
    if (!/[\u0621-\u064Aa-z]/.test(w.stem) || w.stem.length < 2) continue;
    const keys = wordKeys(w.stem);
    addTerm({ keys, text: w.text, skel: skeleton(w.stem), variantKeys: variantKeys(keys[0]), weight: weights.idf(keys[0]), negated: negateNext }, i);
    negateNext = false;
  }

  // Counts of sources ("three sources", "5 officials") say who reported, not what happened.
  const quantities = quantitiesAll.filter((q) => {
    const unit = q.unitStem ?? (q.unit ? norm(q.unit) : '');
    if (!unit || !(SOURCE_NOUNS.has(unit) || SOURCE_NOUNS.has(unit.replace(/^(ال|لل|ب|ل)/, '')))) return true;
    const at = words.findIndex((w) => w.start >= q.start);
    return !(at >= 0 && isAttribution(words, at));
  });

  // The counted things of each quantity: its counted noun and the nouns joined to it by و
  // ("300 مسيرة وصاروخ", "350 صاروخًا باليستيًا وطائرة"), as light stems, so that counts of the
  // same things are compared even when the two articles list them in another order.
  const quantityUnits = quantities.map((q) => unitsOf(q, words));
  const canonical = quantities.map((q, i) => (q.unitStem ? { ...q, unitStem: [...quantityUnits[i]][0] } : q));
  quantities.splice(0, quantities.length, ...canonical);

  // Dates and quantities count like names: two sentences that give the same date share content.
  const factWeight = weights.entity;
  const mass = terms.reduce((x, t) => x + t.weight, 0) + factWeight * (dates.length + quantities.length);
  const clauseAt = (at: number) => {
    let c = 0;
    for (let i = 1; i < words.length && words[i].start <= at; i++) if (breaks.has(words[i].start)) c++;
    return c;
  };
  const dateClauses = dates.map((d) => clauseAt(d.start));
  const quantityClauses = quantities.map((q) => clauseAt(q.start));
  const clauseMass = new Array<number>(clause + 1).fill(0);
  const clauseItems = new Array<number>(clause + 1).fill(0);
  for (const t of terms) { clauseMass[t.clause] += t.weight; clauseItems[t.clause]++; }
  for (const c of [...dateClauses, ...quantityClauses]) { clauseMass[c] += factWeight; clauseItems[c]++; }
  for (let c = 0; c <= clause; c++) if (clauseItems[c] < MIN_CLAUSE_ITEMS || clause === 0) clauseMass[c] = 0;
  const keySet = new Map<string, Term>();
  const primary = new Map<string, Term>();
  const variants = new Map<string, Term>();
  for (const t of terms) {
    if (!primary.has(t.keys[0])) primary.set(t.keys[0], t);
    for (const k of t.keys) if (!keySet.has(k)) keySet.set(k, t);
    for (const v of t.variantKeys) if (!variants.has(v)) variants.set(v, t);
  }
  const arabicTerms = terms.filter((t) => /[\u0621-\u064A]/.test(t.text)).length;
  const rel = (x: { start: number; end: number }) => `${x.start - s.start}:${x.end - s.start}`;
  const sig = JSON.stringify([
    s.kind, a.text.slice(s.start, s.end),
    entities.map((e) => [rel(e), e.type, e.entity ?? '']),
    dates.map((d) => [rel(d), d.value, d.resolved ?? '']),
    quantitiesAll.map((q) => [rel(q), q.low, q.high, q.unitStem ?? '', q.unit ?? '', !!q.percent]),
  ]);
  return {
    path: a.path, sig, index, id: s.id, start: s.start, end: s.end, kind: s.kind,
    quote: a.text.slice(s.start, s.end),
    terms, mass, clauseMass, dateClauses, quantityClauses, quantityUnits, factWeight, keySet, primary, variants,
    linkable: s.kind !== 'credit' && arabicTerms >= MIN_CONTENT_TERMS &&
      (arabicTerms >= MIN_PLAIN_TERMS || entities.length > 0 || dates.length > 0 || quantitiesAll.length > 0),
    dates, quantities, negations, denial, decline, assertion,
  };
}
