// One article's sentences turned into the claims cross-checking compares. Each sentence is split
// into its frame (who says it: frame.ts) and its content: weighted content terms (light-stemmed
// words; names as one term carrying their canonical entity id), the dates it states, its counts
// (a number with what it counts: counts.ts), its negations, and whether it denies, declines to
// comment or asserts. Questions and conditions are kept but make no claim. Computed once per
// article version; pair scoring never looks at raw text again.
import type { ArticleAnalysis, DateMention, EntityMention, EntityType, Quantity, SentenceKind, Token } from '../model';
import { norm } from '../text/normalize';
import { countOf, isCombinedTotal, isCountWord, type Count } from './counts';
import { forms, isIn, readFrame, type Mood } from './frame';
import {
  ASSERTION_WORDS, COMMENT_WORDS, CONCESSIVE, CONTINUATION_VERBS, CONTRASTIVE_CONNECTIVES, DECLINE_VERBS, DENIAL_WORDS,
  COMPLEMENTISERS, CONDITIONAL_OPENERS, FUNCTION_WORDS, NEGATION_PARTICLES, QUESTION_WORDS, RELATIVE_PRONOUNS, REPORTING_WORDS, SOURCE_NOUNS, TITLE_WORDS, VERBAL_NEGATION, WH_WORDS,
  CAPTURE_WORDS, DIRECTION_WORDS, LISTING_LABELS, LISTING_LABELS_2, PERPETRATION_PHRASE, PREDICATE_CLASSES, PROSPECTIVE_WORDS, TOWARDS, TRUTH_WORDS, UNTRUE_WORDS,
} from './lexicon';
import { countryOf } from '../entities/places';
import { isTown } from './towns';
import { lightStem, wordForms, wordKeys } from './stems';
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
  /** Negated by a particle of verbs and sentences (VERBAL_NEGATION), not only by "غير" / "عدم". */
  negatedVerbally?: boolean;
  /** The term names who speaks ("وقال مسؤول إسرائيلي إن …", "إردوغان: …", "… حسبما أعلن
   *  محافظ المنطقة"): it is the source of the claim, not part of it. */
  speaker?: boolean;
  /** Every occurrence follows, before the next comma, a word that makes it an aim rather than a
   *  fact (PROSPECTIVE_WORDS: "تستعد للسيطرة", "نحو القصر"). */
  prospective?: boolean;
  /** Every occurrence follows, before the next comma, a condition inside the sentence («في حال
   *  شارك», «إذا وافقت»): supposed, not stated. A condition stated as a rule is still the rule's
   *  content, so only a negation clash (evidence.negatedShared) leaves such a word out. */
  supposed?: boolean;
  /** One of the first two terms after a word of heading for a place (DIRECTION_WORDS): the place
   *  not yet reached ("القصر الرئاسي" in "زحفهم نحو القصر الرئاسي"). */
  aimHead?: boolean;
  /** A word of taking or holding a place (CAPTURE_WORDS: استعادت، دخلوا، أحكموا). */
  capture?: boolean;
  /** The word is part of a count: its number written out or the noun it counts (ثلاثة أشخاص,
   *  30 قتيلا). Such a word restates the count, which is compared as a fact of its own. */
  ofCount?: boolean;
  /** Index of the clause (stretch between commas, colons, quote marks) where the term first occurs. */
  clause: number;
  /** What the word says: a name, a title or nationality describing someone ("الرئيس اليمني"), or
   *  the event itself (what happened, to what, how). */
  role: 'name' | 'title' | 'event';
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
   *  same verdicts, so an edit only re-judges the sentences it changed. Held as the article's
   *  path and a 64-bit hash of the signature: the verdict cache keeps one entry per judged pair
   *  on both sides, and full signatures there cost hundreds of megabytes on a large folder. */
  key: string;
  /** Index in the article's sentence list. */
  index: number;
  id: string;
  start: number;
  end: number;
  kind: SentenceKind;
  quote: string;
  /** Assertion, question or condition: only assertions make claims. */
  mood: Mood;
  /** The day the article reports from (its reference date), when known: two figures for one toll
   *  given on different days are a rising toll, still to be reconciled by the reader. */
  reported: string | null;
  /** Content terms and speaker terms (Term.speaker). */
  terms: Term[];
  /** Sum of the weights of the content terms (not the speaker's), dates and counts. */
  mass: number;
  /** The same per clause, for clauses of at least MIN_CLAUSE_ITEMS terms and facts (0 otherwise):
   *  long news sentences join several statements, and one of them may be all another sentence says. */
  clauseMass: number[];
  /** The weight of the event content (event words, dates, counts: not names, not titles), in all
   *  and per clause. */
  eventMass: number;
  clauseEventMass: number[];
  /** Counts stated as facts (counts of sources, "according to 5 officials", left out), with what they count. */
  counts: Count[];
  /** Clause index of each date and count (parallel to dates / counts). */
  dateClauses: number[];
  countClauses: number[];
  /** The weight of one date or count in the mass. */
  factWeight: number;
  /** Every matching key of every content term, and the first term holding it; the same by primary key. */
  keySet: Map<string, Term>;
  primary: Map<string, Term>;
  /** Spelling-variant keys (stems.ts variantKeys) of every content term's primary key, with the term. */
  variants: Map<string, Term>;
  /** Canonical ids and primary keys of the speaker's terms. */
  speakerKeys: Set<string>;
  /** Enough content to be worth linking (not a share button, a category line or a credit). */
  linkable: boolean;
  /** Share of the mass held by the two heaviest content terms: the most a clash's own words can
   *  add to the coverage of a side (classify.mayGetVerdict). */
  topTwoShare: number;
  /** A date with month and day stated (anchors a long report to an event: classify.anchored). */
  dayDated: boolean;
  dates: DateMention[];
  /** Quantities stated as facts (the `q` of counts, for quick access). */
  quantities: Quantity[];
  /** Every figure of the sentence with a kind to compare it by (percentages, amounts with a unit):
   *  two reports of one fact repeat at least one of its figures (classify.figuresDisagree). */
  figures: Quantity[];
  /** Negation particles as written (continuations such as لا يزال excluded). */
  negations: string[];
  denial?: SpeechAct;
  decline?: SpeechAct;
  assertion?: SpeechAct;
  /** The towns (places below a country) of the article's headline and lead, shared by all its
   *  sentences: where the article reports from. A count stated without a name around it ("أوقع 30
   *  قتيلا") is read, as a reader reads it, as a count of the article's event (places.placeOf). */
  setting: Term[];
  /** What prepareArticle needs to reuse this preparation in the article's next version: the hash
   *  of everything it read (reuseKey; computed when first asked for, from `read`), the weights it
   *  used, its key before the article's setting was added, and the sentence's quantities (counts
   *  and figures point into them). */
  reuse?: { key?: string; read: ArticleAnalysis; weights: Weights; base: string; quantities: Quantity[] };
  /** The sentence dates what it tells more than a month away from the day the article reports from
   *  ("وفي 11 أكتوبر 2014، سقطت شاحنة…"): background, not the article's event. A date after "منذ"
   *  ("تحتله تركيا منذ 1974") starts a state, and dates nothing the sentence tells. */
  background: boolean;
}

/**
 * A sentence needs this many distinct content words to be linked at all; a short one (fewer than
 * MIN_PLAIN_TERMS) must also name someone or something, or state a date or a number. Navigation
 * and share lines ("زر الذهاب إلى الأعلى", "تابعونا عبر فيسبوك", "اخترنا لك") fail this; short
 * headlines ("بكين تشتكي من الحمائية") pass it.
 */
export const MIN_CONTENT_TERMS = 3;
/** A title reaches at most this many words before the name it describes. */
const TITLE_PHRASE = 4;
export const MIN_PLAIN_TERMS = 5;

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

/** A clause is compared on its own when it holds this many terms, dates and counts, weighing at
 *  least MIN_CLAUSE_MASS (idf units: four or five informative words), so that a stretch such as
 *  "وعلى مطار عدن الدولي" is not taken for a statement of its own. */
export const MIN_CLAUSE_ITEMS = 4;
export const MIN_CLAUSE_MASS = 25;

/** For each word, the clause punctuation right before it (":", ",", '"', or "" for none). */
function punctuationBefore(all: Token[], words: Token[]): string[] {
  const out: string[] = [];
  let k = 0;
  for (const w of words) {
    let p = '';
    while (k < all.length && all[k].start < w.start) {
      if (all[k].kind === 'punct' && /[:,";]/.test(all[k].norm)) p += all[k].norm;
      k++;
    }
    while (k < all.length && all[k].start <= w.start) k++;
    out.push(p);
  }
  return out;
}

/** A title, an office or a nationality adjective ("التركي", "اليمنية"): words that describe who. */
/** The words of a name that name its bearer: not the father's and forefathers' names after بن / ابن /
 *  بنت («محمد بن سلمان» is not «الملك سلمان»), but the family name after آل («… بن عبدالعزيز آل
 *  سعود»). Matching one of them is a partial match of the name (matchSide). */
function ownNameWords(words: Token[]): Token[] {
  const at = words.findIndex((w) => PATRONYMIC.has(w.norm));
  if (at < 0) return words;
  const family = words.findIndex((w, i) => i > at && w.norm === 'ال');
  return [...words.slice(0, at), ...(family > at ? words.slice(family + 1) : [])];
}
const PATRONYMIC = new Set(['بن', 'ابن', 'بنت']);

/** «محمد بن سلمان»: a person named with their father, in any longer form of the name
 *  («محمد بن سلمان بن عبدالعزيز»); one key for the two, which the own-name words alone do not give. */
function lineageKey(words: Token[]): string[] {
  const at = words.findIndex((w) => PATRONYMIC.has(w.norm));
  return at >= 1 && at + 1 < words.length ? [`N:${lightStem(words[at - 1].stem)} ${lightStem(words[at + 1].stem)}`] : [];
}

/** A title, an office or a nationality adjective: depends on the word's form (norm and stem)
 *  only, so remembered per form (bounded). */
const titles = new Map<string, Map<string, boolean>>();
let titleForms = 0;
function isTitle(w: Token): boolean {
  let byStem = titles.get(w.norm);
  if (!byStem) {
    if (titleForms >= 200_000) { titles.clear(); titleForms = 0; }
    titles.set(w.norm, (byStem = new Map()));
  }
  let v = byStem.get(w.stem);
  if (v === undefined) {
    byStem.set(w.stem, (v = isTitleForm(w)));
    titleForms++;
  }
  return v;
}

function isTitleForm(w: Token): boolean {
  const stem = lightStem(w.stem);
  // "مستشاري الرئيس", "مسؤولو الوزارة": the plural in construct.
  const construct = /^(.{3,})[يو]$/.exec(stem)?.[1];
  return isIn(TITLE_WORDS, w) || TITLE_WORDS.has(stem) || (!!construct && TITLE_WORDS.has(construct)) || isNationality(stem);
}

const nationalities = new Map<string, boolean>();
/** The adjective of a country (تركي → تركيا, يمني → اليمن, إيراني → إيران), through ICU's names. */
function isNationality(stem: string): boolean {
  let v = nationalities.get(stem);
  if (v === undefined) {
    const m = /^(.{2,}?)(ي|يه)$/.exec(stem);
    v = !!m && [m[1], m[1] + 'ا', m[1] + 'يا'].some((b) => !!countryOf([b]));
    nationalities.set(stem, v);
  }
  return v;
}

/** Prepare every sentence of an article. */
export function prepareArticle(a: ArticleAnalysis, weights: Weights, previous?: readonly PreparedSentence[]): PreparedSentence[] {
  // An edit changes one or two sentences of an article: the others are taken from its previous
  // preparation when everything their preparation reads is the same (reuseKey), moved to their
  // new offsets, instead of being read again (most of a typed word's wait once the tagger was
  // spared the unchanged sentences).
  // The reuse keys are hashed only when there is a previous version to compare with (a folder
  // indexed once never needs them: they were a sixth of preparing it), from what the article held
  // when it was read: `read`, a copy of the article's fields (the arrays are replaced, never
  // changed in place, when the article changes).
  const before = new Map<string, PreparedSentence>();
  for (const p of previous ?? []) if (p.path === a.path && p.reuse && p.reuse.weights === weights) before.set(reuseKeyOf(p), p);
  const read: ArticleAnalysis = { ...a };
  const out = a.sentences.map((_, i) => {
    const key = before.size ? reuseKey(read, i) : undefined;
    const old = key === undefined ? undefined : before.get(key);
    const s = (old && moved(old, a, i)) || prepareSentence(a, i, weights);
    s.reuse = { key, read, weights, base: s.key, quantities: inSpans(a.quantities, a.sentences[i].start, a.sentences[i].end) };
    return s;
  });
  const setting = settingOf(out);
  // The setting takes part in the verdicts (evidence.sharedContext), so it is part of each
  // sentence's identity for the verdict cache: a new headline re-judges the article's counts.
  const tag = setting.length ? hash64(setting.map((t) => t.keys[0]).join('\u0000')) : '';
  for (const s of out) {
    s.setting = setting;
    if (tag) s.key += `\u0000${tag}`;
  }
  return out;
}

/** A prepared sentence's reuse key (see PreparedSentence.reuse), hashed once. */
function reuseKeyOf(p: PreparedSentence): string {
  const r = p.reuse!;
  return (r.key ??= reuseKey(r.read, p.index));
}

/** Everything prepareSentence reads of an article for one sentence, with offsets relative to the
 *  sentence (so that a sentence moved by an edit before it is still the same), hashed: its kind,
 *  text and the few characters before it (a date at its start is read with them: SINCE), its
 *  tokens, the entities (but their confidence), dates and quantities it overlaps, and the
 *  article's path and reference date. */
function reuseKey(a: ArticleAnalysis, index: number): string {
  const s = a.sentences[index];
  const rel = <T extends { start: number; end: number }>(x: T) => ({ ...x, start: x.start - s.start, end: x.end - s.start });
  const dates = inSpans(a.dates, s.start, s.end);
  const from = Math.max(0, Math.min(s.start, ...dates.map((d) => d.start)) - 8);
  return hash64(JSON.stringify([
    a.path, a.referenceDate ?? null, s.kind, a.text.slice(from, s.end), s.start - from,
    tokensOf(a.tokens, s.start, s.end).map((t) => ({ ...rel(t), stemStart: t.stemStart - s.start })),
    // An entity's confidence is not read here (and moves with any edit of the corpus).
    inSpans(a.entities, s.start, s.end).map((e) => ({ ...rel(e), confidence: undefined })),
    dates.map(rel),
    inSpans(a.quantities, s.start, s.end).map(rel),
  ]));
}

/** A sentence prepared before, at its place in the new version of the article: the same reading
 *  (reuseKey is the same), with its offsets and the article's own date and quantity objects. */
function moved(old: PreparedSentence, a: ArticleAnalysis, index: number): PreparedSentence | null {
  const s = a.sentences[index];
  const delta = s.start - old.start;
  const quantitiesAll = inSpans(a.quantities, s.start, s.end);
  const oldAll = old.reuse!.quantities;
  if (quantitiesAll.length !== oldAll.length) return null;
  const q = (x: Quantity) => quantitiesAll[oldAll.indexOf(x)];
  const counts = old.counts.map((c) => ({ ...c, q: q(c.q), start: c.start + delta, end: c.end + delta }));
  const figures = old.figures.map(q);
  // Every count and figure is one of the sentence's quantities; prepared afresh if ever not.
  if (counts.some((c) => !c.q) || figures.some((f) => !f)) return null;
  return {
    ...old, key: old.reuse!.base, index, id: s.id, start: s.start, end: s.end, setting: [],
    dates: inSpans(a.dates, s.start, s.end), counts, quantities: counts.map((c) => c.q), figures,
  };
}

/** A line of tags or links to other articles, told by its label (lexicon.LISTING_LABELS). */
function isListing(words: Token[]): boolean {
  if (!words.length) return false;
  return LISTING_LABELS.has(words[0].norm) || (words.length > 1 && LISTING_LABELS_2.has(`${words[0].norm} ${words[1].norm}`));
}

/** «ألا» written for «أن لا» before a verb («يجب ألا يكون» = «يجب أن لا يكون»): a negation. Told
 *  from «إلا» ("except", hamza below) by the written hamza, which normalisation removes (the bare
 *  «الا» is written for both and left unread), and from «ألا وهو» ("namely") by the imperfect verb
 *  that follows it. */
const CONTRACTED_NEGATION = /^[وف]?ألا$/;
const IMPERFECT = /^[يتنأ][\u0621-\u064A]{2,}/;

/** The predicate class (lexicon.PREDICATE_CLASSES) of a word's primary key, if any. */
let classOfKey: Map<string, string> | undefined;
function predicateClass(key: string): string | undefined {
  if (!classOfKey) {
    classOfKey = new Map();
    for (const [c, words] of Object.entries(PREDICATE_CLASSES)) for (const x of words) classOfKey.set(wordKeys(norm(x))[0], c);
  }
  return classOfKey.get(key);
}

/** Sentences of an article read as its headline and lead. */
const SETTING_SENTENCES = 2;

/** The towns of an article's first sentences (the speaker's too: «سروج: مقتل 30 …» names the
 *  place), one term per town; countries, people and groups are named by every report of a story. */
function settingOf(sentences: PreparedSentence[]): Term[] {
  const out = new Map<string, Term>();
  for (const s of sentences.slice(0, SETTING_SENTENCES)) {
    for (const t of s.terms) if (isTown(t) && !out.has(t.keys[0])) out.set(t.keys[0], t);
  }
  return [...out.values()];
}

function prepareSentence(a: ArticleAnalysis, index: number, weights: Weights): PreparedSentence {
  const s = a.sentences[index];
  const quote = a.text.slice(s.start, s.end);
  const all = tokensOf(a.tokens, s.start, s.end);
  const words = all.filter((t) => t.kind !== 'punct');
  const breakBefore = punctuationBefore(all, words);
  const entitiesHere = inSpans(a.entities, s.start, s.end);
  const who = words.map((w) => entitiesHere.some((e) => overlaps(e, w)) || isTitle(w) || isIn(REPORTING_WORDS, w) || isIn(SOURCE_NOUNS, w));
  const frame = readFrame(words, breakBefore, quote, who);
  // A parenthesis closing the sentence credits a photo or a source ("(أرشيف)", "(رويترز)"): it is
  // not part of the claim.
  const credit = /\(([^()]{1,40})\)[\s.،,]*$/.exec(quote);
  if (credit) {
    const from = s.start + credit.index;
    words.forEach((w, i) => { if (w.start >= from) frame.speaker.add(i); });
  }
  // Clauses for comparing parts of long sentences: stretches between punctuation, and relative
  // clauses ("… الاعتداء الانتحاري | الذي استهدف الاثنين بلدة سروج …"), which add a second fact.
  // ("مَن الذي مثل طهران" is a question, not a relative clause.)
  const clauseStart = words.map((w, i) => i > 0 && (!!breakBefore[i] || (isIn(RELATIVE_PRONOUNS, w) && !isIn(WH_WORDS, words[i - 1]))));
  const entities = inSpans(a.entities, s.start, s.end);
  const dates = inSpans(a.dates, s.start, s.end);
  const quantitiesAll = inSpans(a.quantities, s.start, s.end);

  const terms: Term[] = [];
  const byKey = new Map<string, Term>();
  const negations: string[] = [];
  let negateNext = false;
  // Where an aim announced by a PROSPECTIVE_WORDS word starts (-1: none); it ends at a comma.
  let aimFrom = -1;
  let supposedFrom = -1;
  // How many of the next terms name the place a DIRECTION_WORDS word heads for (Term.aimHead).
  let headsLeft = 0;
  let verbalNegation = false;
  let denial: SpeechAct | undefined;
  let decline: SpeechAct | undefined;
  let assertion: SpeechAct | undefined;
  let concessiveAt = -10;
  const scopeStarts: { act: SpeechAct; from: number }[] = [];

  // Primary keys of the words that say what a count counts, kept out of the counts' contexts.
  const countWords = new Set<string>();
  const addTerm = (t: Omit<Term, 'clause' | 'role'>, at: number) => {
    if (frame.speaker.has(at)) t.speaker = true;
    if (headsLeft > 0 && t.prospective && !t.speaker) { t.aimHead = true; headsLeft--; }
    const prev = byKey.get(t.keys[0]);
    if (prev) {
      if (!t.prospective) delete prev.prospective;
      if (!t.ofCount) delete prev.ofCount;
      prev.negated = prev.negated && t.negated;
      if (!prev.negated) delete prev.negatedVerbally;
      // A name said both as the speaker and in the claim is part of the claim.
      if (!t.speaker) prev.speaker = false;
      return;
    }
    // The usual fields written out, not spread: a spread copy keeps the two added last out of line
    // (~40 bytes more for each of the ~170,000 terms of 1,000 articles).
    const { keys, text, skel, variantKeys, weight, negated, ...more } = t;
    const term: Term = { keys, text, skel, variantKeys, weight, negated, clause, role: t.entity ? 'name' : isTitle(words[at]) || titlePhrase[at] ? 'title' : 'event', ...more };
    byKey.set(term.keys[0], term);
    terms.push(term);
    if (!term.speaker) for (const sc of scopeStarts) if (at >= sc.from) sc.act.scope.push(term);
  };

  // A title before a person's name, with the words of its construct ("مستشار الأمن القومي جيك
  // سوليفان", "وزير الخارجية الأمريكي أنتوني بلينكن"): who the person is, not what happened.
  const titlePhrase = words.map(() => false);
  for (const e of entities) {
    if (e.type !== 'PER') continue;
    const first = words.findIndex((w) => overlaps(e, w));
    let title = -1;
    for (let j = first - 1; j >= 0 && j >= first - TITLE_PHRASE; j--) {
      // A comma may stand between the title and the name ("مستشار الأمن القومي، جيك سوليفان").
      if ((j + 1 < first && breakBefore[j + 1]) || entities.some((x) => overlaps(x, words[j]))) break;
      if (isTitle(words[j])) title = j;
    }
    for (let j = Math.max(title, 0); title >= 0 && j < first; j++) titlePhrase[j] = true;
  }
  const entityDone = new Set<EntityMention>();
  const skip = new Set<number>();
  let clause = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (clauseStart[i]) clause++;
    if (/[,:]/.test(breakBefore[i])) { aimFrom = -1; supposedFrom = -1; headsLeft = 0; }
    if (skip.has(i)) continue;
    const ent = entities.find((e) => overlaps(e, w));
    if (ent) {
      if (entityDone.has(ent)) continue;
      entityDone.add(ent);
      const id = ent.entity ?? `T:${norm(ent.text)}`;
      const entWords = words.filter((x) => overlaps(ent, x));
      const keys = [`E:${id}`, ...ownNameWords(entWords).flatMap((x) => wordKeys(x.stem).slice(0, 1)), ...lineageKey(entWords)];
      const weight = Math.max(weights.entity, ...entWords.map((x) => weights.idf(wordKeys(x.stem)[0])));
      const last = i + entWords.length - 1;
      // The word before a name governs its slot (في X / في Y, مع X / مع Y, تهديدات X / تهديدات Y);
      // the word after only when it is a content word ("X هذا الأسبوع" says nothing of the slot).
      const slot = (w?: Token) => (w ? lightStem(w.stem) || w.norm : undefined);
      const after = words[last + 1];
      // A negation before a name ("لا X ولا Y", "غير X") says nothing of the name itself.
      addTerm({
        keys, text: ent.text, skel: keys[0], variantKeys: [], weight, negated: false,
        entity: {
          id, type: ent.type, attribution: isAttribution(words, i),
          left: slot(words[i - 1]), right: after && !isIn(FUNCTION_WORDS, after) ? slot(after) : undefined,
        },
      }, i);
      negateNext = false;
      continue;
    }
    if (CONCESSIVE.has(w.stem) || CONCESSIVE.has(w.norm)) concessiveAt = i;
    if (isIn(PROSPECTIVE_WORDS, w) || (isIn(TOWARDS, w) && words[i + 1] && words[i + 1].kind !== 'number' && !inSpans(quantitiesAll, words[i + 1].start, words[i + 1].end).length)) {
      // The marker itself stays a content word (زحف, محاولة say what happened); what follows it,
      // to the next comma, is the aim (quote marks do not end it: تستعد للسيطرة على "حي التواهي").
      aimFrom = i + 1;
      // (Not before a number: "نحو عام 600" is "about the year 600".)
      const numberNext = words.slice(i + 1, i + 4).some((x) => x.kind === 'number' || inSpans(quantitiesAll, x.start, x.end).length > 0);
      if (isIn(DIRECTION_WORDS, w) && !numberNext) headsLeft = 2;
    }
    // A condition inside the sentence («… في حال شارك طيران التحالف», «إذا وافقت»): what follows,
    // to the next comma, is supposed, not stated (Term.supposed).
    if (i > 0 && (isIn(CONDITIONAL_OPENERS, w) || (forms(w).includes('في') && /^(حال|حاله)$/.test(words[i + 1]?.stem ?? '')))) supposedFrom = i + 1;
    // "غير أن" / "بيد أن" = "however": a connective, not a negation.
    if (isIn(CONTRASTIVE_CONNECTIVES, w) && isIn(COMPLEMENTISERS, words[i + 1])) { i++; continue; }
    const contracted = CONTRACTED_NEGATION.test(w.text) && IMPERFECT.test(words[i + 1]?.text ?? '');
    if (isIn(NEGATION_PARTICLES, w) || contracted) {
      const next = words[i + 1];
      if (next && isIn(CONTINUATION_VERBS, next)) { i++; continue; }
      // "… غير صحيحة" / "… عارية عن الصحة": the report before it is denied, as by نفى.
      if (next && isIn(TRUTH_WORDS, next) && !denial) { denial = { text: `${w.text} ${next.text}`, scope: [] }; i++; continue; }
      if (!frame.speaker.has(i)) negations.push(w.text);
      negateNext = true;
      verbalNegation = isIn(VERBAL_NEGATION, w) || contracted;
      continue;
    }
    if (isIn(UNTRUE_WORDS, w) && isIn(TRUTH_WORDS, words[i + 2]) && !denial) { denial = { text: `${w.text} ${words[i + 1].text} ${words[i + 2].text}`, scope: [] }; i += 2; continue; }
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
    const wf = wordForms(w.stem);
    const { skel, variantKeys } = wf;
    // A predicate of a class (lexicon.PREDICATE_CLASSES) also matches the other words of its class.
    // («يقف وراء»: وراء is part of the predicate, not a word of its own.)
    const behind = isIn(PERPETRATION_PHRASE.verbs, w) && isIn(PERPETRATION_PHRASE.after, words[i + 1]);
    if (behind) skip.add(i + 1);
    const cls = predicateClass(wf.keys[0]) ?? (behind ? 'perpetration' : undefined);
    const keys = cls ? [...wf.keys, `P:${cls}`] : wf.keys;
    const countWord = isCountWord(w);
    if (countWord) countWords.add(keys[0]);
    const ofCount = countWord || inSpans(quantitiesAll, w.start, w.end).length > 0;
    addTerm({ keys, text: behind ? `${w.text} ${words[i + 1].text}` : w.text, skel, variantKeys, weight: weights.idf(keys[0]), negated: negateNext, ...(negateNext && verbalNegation ? { negatedVerbally: true } : {}), ...(aimFrom >= 0 && i >= aimFrom ? { prospective: true } : {}), ...(supposedFrom >= 0 && i >= supposedFrom ? { supposed: true } : {}), ...(ofCount ? { ofCount: true } : {}), ...(isIn(CAPTURE_WORDS, w) ? { capture: true } : {}) }, i);
    negateNext = false;
  }

  // Counts of sources ("three sources", "5 officials") say who reported, not what happened.
  const quantities = quantitiesAll.filter((q) => {
    const unit = q.unitStem ?? (q.unit ? norm(q.unit) : '');
    if (!unit || !(SOURCE_NOUNS.has(unit) || SOURCE_NOUNS.has(unit.replace(/^(ال|لل|ب|ل)/, '')))) return true;
    const at = words.findIndex((w) => w.start >= q.start);
    return !(at >= 0 && isAttribution(words, at));
  });
  const counts = quantities.map((q) => countOf(q, words, breakBefore)).filter((c): c is Count => !!c);
  // A total over several events (في هجومين) is no one event's count.
  const isName = (w: Token) => entities.some((e) => overlaps(e, w));
  const quantityAt = (w: Token) => quantities.find((q) => q.start <= w.start && w.start < q.end);
  for (const c of counts) if (isCombinedTotal(c, words, breakBefore, isName, quantityAt)) c.combined = true;

  // Dates and counts count like names: two sentences that give the same date share content.
  const factWeight = weights.entity;
  const content = terms.filter((t) => !t.speaker);
  const mass = content.reduce((x, t) => x + t.weight, 0) + factWeight * (dates.length + counts.length);
  const clauseAt = (at: number) => {
    let c = 0;
    for (let i = 1; i < words.length && words[i].start <= at; i++) if (clauseStart[i]) c++;
    return c;
  };
  const dateClauses = dates.map((d) => clauseAt(d.start));
  const countClauses = counts.map((c) => clauseAt(c.q.start));
  // What event each count is a count of: the content of its clause, or of the whole sentence when
  // the clause is only the count.
  const eventTerms = content.filter((t) => !countWords.has(t.keys[0]) && !t.ofCount);
  counts.forEach((c, i) => {
    const inClause = eventTerms.filter((t) => t.clause === countClauses[i]);
    c.context = (inClause.length >= 2 ? inClause : eventTerms).map((t) => t.keys[0]);
  });
  const clauseMass = new Array<number>(clause + 1).fill(0);
  const clauseItems = new Array<number>(clause + 1).fill(0);
  for (const t of content) { clauseMass[t.clause] += t.weight; clauseItems[t.clause]++; }
  for (const c of [...dateClauses, ...countClauses]) { clauseMass[c] += factWeight; clauseItems[c]++; }
  for (let c = 0; c <= clause; c++) {
    if (clauseItems[c] < MIN_CLAUSE_ITEMS || clauseMass[c] < MIN_CLAUSE_MASS || clause === 0) clauseMass[c] = 0;
  }
  const clauseEventMass = new Array<number>(clause + 1).fill(0);
  for (const t of content) if (t.role === 'event') clauseEventMass[t.clause] += t.weight;
  for (const c of [...dateClauses, ...countClauses]) clauseEventMass[c] += factWeight;
  const eventMass = clauseEventMass.reduce((x, y) => x + y, 0);
  const keySet = new Map<string, Term>();
  const primary = new Map<string, Term>();
  const variants = new Map<string, Term>();
  const speakerKeys = new Set<string>();
  for (const t of terms) {
    if (t.speaker) { speakerKeys.add(t.keys[0]); continue; }
    if (!primary.has(t.keys[0])) primary.set(t.keys[0], t);
    for (const k of t.keys) if (!keySet.has(k)) keySet.set(k, t);
    for (const v of t.variantKeys) if (!variants.has(v)) variants.set(v, t);
  }
  const arabicTerms = content.filter((t) => /[\u0621-\u064A]/.test(t.text)).length;
  const rel = (x: { start: number; end: number }) => `${x.start - s.start}:${x.end - s.start}`;
  const sig = hash64(JSON.stringify([
    s.kind, quote, a.referenceDate?.date ?? null,
    entities.map((e) => [rel(e), e.type, e.entity ?? '']),
    dates.map((d) => [rel(d), d.value, d.resolved ?? '']),
    quantitiesAll.map((q) => [rel(q), q.low, q.high, q.unitStem ?? '', q.unit ?? '', !!q.percent]),
  ]));
  return {
    path: a.path, key: `${a.path}\u0000${sig}`, index, id: s.id, start: s.start, end: s.end, kind: s.kind, quote, mood: frame.mood, reported: a.referenceDate?.date ?? null,
    terms, mass, clauseMass, eventMass, clauseEventMass, dateClauses, countClauses, counts, factWeight, keySet, primary, variants, speakerKeys,
    linkable: s.kind !== 'credit' && !isListing(words) && arabicTerms >= MIN_CONTENT_TERMS &&
      (arabicTerms >= MIN_PLAIN_TERMS || entities.length > 0 || dates.length > 0 || quantitiesAll.length > 0),
    dates, quantities: counts.map((c) => c.q), figures: quantitiesAll.filter((q) => q.percent || q.unitStem), negations, denial, decline, assertion,
    topTwoShare: mass > 0 ? content.map((t) => t.weight).sort((x, y) => y - x).slice(0, 2).reduce((x, y) => x + y, 0) / mass : 0,
    dayDated: dates.some((d) => DAY_VALUE.test(d.value)),
    setting: [],
    background: dates.some((d) => !SINCE.test(a.text.slice(Math.max(0, d.start - 8), d.start)) && monthsAway(d.resolved ?? d.value, a.referenceDate?.date ?? null) > 1),
  };
}

/** "منذ" just before a date. */
const SINCE = /(^|[^\p{L}])منذ\s*$/u;

/** Months between a date value (2014-10-11, 2014-10, 2014) and the report date, when both years are
 *  known; 0 otherwise. A year alone is compared by its January. */
function monthsAway(value: string, reported: string | null): number {
  const v = /^(\d{4})(?:-(\d{2}))?/.exec(value), r = /^(\d{4})-(\d{2})/.exec(reported ?? '');
  if (!v || !r) return 0;
  const month = v[2] ? +v[2] : +r[2];
  return Math.abs(+v[1] * 12 + month - (+r[1] * 12 + +r[2]));
}

/** A date value with month and day (2024-05-08, XXXX-05-08). */
export const DAY_VALUE = /^(\d{4}|XXXX)-\d{2}-\d{2}$/;

/** Two independent 32-bit FNV-1a hashes of a string, as 16 hex digits: a content identity for the
 *  verdict cache (written here because the engine takes no Node imports; a collision needs two
 *  different sentences of one article with the same 64-bit hash). */
function hash64(text: string): string {
  let h1 = 0x811c9dc5, h2 = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}
