// Features of one word for the sequence model. The same function serves ANERcorp tokens (at
// training time) and the words of raw articles (at run time): both are first cut into the
// project's word units (text/tokens.ts, Intl.Segmenter), so the model sees the same units.
import { splitProclitics } from '../text/tokens';
import { regionGazetteer } from '../gazetteer/regions';
import type { WordTable } from './tables';
import { nameLikenessBucket } from './spelling';

export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Label = (typeof LABELS)[number];
export const NUM_LABELS = LABELS.length;

/** The minimum a word must carry: its normalised form and kind. */
export interface NerWord {
  norm: string;
  kind: 'word' | 'number' | 'punct';
}

export interface WordInfo {
  n: string;
  core: string;
  pre: string;
  shape: string;
  /** Last two letters of the core. */
  x2?: string;
  /** Final ي of the normalised form: '1' written ى (alef maqsura: على), '0' written ي (علي); '' otherwise. */
  ya: string;
  /** Spelling bucket (spelling.ts), computed once per distinct word, and the tables it is for. */
  sp?: string;
  spFor?: object;
  /** Features of the word alone as [template, value] pairs (computed once per distinct word). */
  uni?: [string, string][];
  /** Run-time cache: summed weights of the word's own features and of its features as a
   *  neighbour at −2, −1, +1, +2 (K each, one after the other), under the model `cacheModel`. */
  cached?: Float64Array;
  cacheModel?: object;
  /** What the sentence features read of this word in one lexicon (lexValues). */
  lx?: WordLexValues;
  /** The form without و/ف and a preposition (stripParticles of `n`), computed once per word. */
  bare?: string;
  /** Per name list (by NameList.id): whether the word can begin one of its names (startsName). */
  startsName?: boolean[];
}

/** The values of a word that the sentence features read from a lexicon: computed once per word
 *  and lexicon instead of at every occurrence (each is one to three table lookups). */
interface WordLexValues {
  lex: Lexicon;
  res: NerResources | null;
  /** wn(), cn(): the form and the core, or '?' when the lexicon does not know them. */
  wn: string;
  cn: string;
  /** The lexicon's counts of the core, and the news lexicon's of the form (lexFeatures). */
  lc: LexEntry | undefined;
  nw: LexEntry | undefined;
  /** classesOf(); NONE without resources. */
  k1: string;
  k2: string;
  /** personBucket(), nameShareBucket(), sensesOf(), the trigger kinds of the core; NONE without resources. */
  pg: string;
  share: string;
  ss: string;
  tr: string;
}

const ARABIC = /[\u0621-\u064A]/;
const LATIN = /[a-z]/i;

function shapeOf(w: NerWord, text: string, core: string): string {
  if (w.kind === 'number') return /^\d{4}$/.test(w.norm) ? 'Y' : 'D';
  if (w.kind === 'punct') return 'P' + (/["'()]/.test(w.norm) ? 'q' : /[.!?]/.test(w.norm) ? 'e' : /[,;:]/.test(w.norm) ? 'c' : 'o');
  if (LATIN.test(text)) return /^[A-Z]/.test(text) ? (/^[A-Z0-9-]+$/.test(text) ? 'LU' : 'Lc') : 'Ll';
  if (!ARABIC.test(core)) return 'X';
  const len = core.length;
  return 'A' + (len <= 2 ? '2' : len === 3 ? '3' : len <= 5 ? '5' : '6');
}

// Word analyses are cached by form: news text repeats its words, and a cached object keeps its
// strings (and their hashes) for the feature lookups.
// One map per kind and final-ي writing (KIND_INDEX + ya), keyed by the form: no key string is
// built per word.
const infoCaches = Array.from({ length: 9 }, () => new Map<string, WordInfo>());
let infoCacheSize = 0;
const INFO_CACHE_MAX = 100_000;
const KIND_INDEX: Record<NerWord['kind'], number> = { word: 0, number: 3, punct: 6 };

// Normalisation writes final ى as ي, so the preposition على and the name علي share a form; how
// the word was written is kept apart (writers who use ي for ى make it a hint, not a rule).
const ALEF_MAQSURA_END = /\u0649[\u064B-\u0652\u0670]*$/;

function info(w: NerWord, text: string): WordInfo {
  const ya = w.kind === 'word' && w.norm.endsWith('ي') ? (ALEF_MAQSURA_END.test(text) ? '1' : '0') : '';
  const key = LATIN.test(text) ? text : w.norm;
  const cache = infoCaches[KIND_INDEX[w.kind] + (ya === '' ? 0 : ya === '0' ? 1 : 2)];
  const hit = cache.get(key);
  if (hit) return hit;
  const n = w.norm;
  let wi: WordInfo;
  if (w.kind !== 'word') wi = { n, core: n, pre: '', shape: shapeOf(w, text, n), ya };
  else {
    const split = splitProclitics(n);
    wi = { n, core: split.stem, pre: n.slice(0, split.prefixLength), shape: shapeOf(w, text, split.stem), ya };
  }
  if (infoCacheSize >= INFO_CACHE_MAX) { for (const m of infoCaches) m.clear(); infoCacheSize = 0; }
  cache.set(key, wi);
  infoCacheSize++;
  return wi;
}

/** Features of a word on its own. */
export function unigramFeatures(w: WordInfo): [string, string][] {
  if (w.uni) return w.uni;
  const f: [string, string][] = [
    ['b', '1'], ['p', w.pre], ['sh', w.shape],
    ['c<2', w.core.slice(0, 2)], ['c<3', w.core.slice(0, 3)],
    ['c>1', w.core.slice(-1)], ['c>2', w.core.slice(-2)], ['c>3', w.core.slice(-3)],
    ['nis', isNisba(w) ? '1' : '0'],
  ];
  if (w.shape[0] === 'A' || w.shape[0] === 'L') {
    const padded = '^' + w.core + '$';
    for (let k = 0; k + 3 <= padded.length; k++) f.push(['n3', padded.slice(k, k + 3)]);
  }
  // A letter taken off as a proclitic without an article after it (ب, ل, ك, و, ف) may be the
  // name's own first letter (بايدن, لاريجاني, فيسبوك): the word's beginning as written, too.
  if (w.pre && !w.pre.endsWith('ال') && !w.pre.endsWith('لل')) f.push(['f<2', w.n.slice(0, 2)], ['f<3', w.n.slice(0, 3)], ['f<4', w.n.slice(0, 4)]);
  w.uni = f;
  return f;
}

/** Names as runs of normalised words ("الشرق الاوسط"), first word without و/ف/ب/ك/ل. */
export interface NameList {
  names: Map<string, string>;
  maxWords: number;
  /** Every word-level prefix of a name ("الولايات", "الولايات المتحده"), built on first use. */
  prefixes?: Set<string>;
  /** A number for this list (WordInfo.startsName), given on first use. */
  id?: number;
}

let nameListIds = 0;

/** Whether a word can begin a name of the list (as written or without its particles): known once
 *  per word and list, so that the words that begin none (most) cost one array read. */
function startsName(x: WordInfo, gz: NameList, prefixes: Set<string>): boolean {
  const id = gz.id ?? (gz.id = nameListIds++);
  const memo = x.startsName ?? (x.startsName = []);
  let v = memo[id];
  if (v === undefined) memo[id] = v = prefixes.has(x.n) || prefixes.has(bareOf(x));
  return v;
}

export function prefixesOf(gz: NameList): Set<string> {
  if (gz.prefixes) return gz.prefixes;
  const p = new Set<string>();
  for (const name of gz.names.keys()) {
    let i = name.indexOf(' ');
    while (i >= 0) { p.add(name.slice(0, i)); i = name.indexOf(' ', i + 1); }
    p.add(name);
  }
  gz.prefixes = p;
  return p;
}

/**
 * Gazetteer tags per word: 'B'/'I' + type when a run of words spells a listed name (the first
 * word may carry proclitics). Longest match wins, left to right.
 */
function gazetteerTags(infos: WordInfo[], gz: NameList): string[] {
  const tags: string[] = new Array(infos.length).fill('');
  const prefixes = prefixesOf(gz);
  for (let i = 0; i < infos.length; i++) {
    if (!infos[i].core || !startsName(infos[i], gz, prefixes)) continue;
    let best = 0;
    let type = '';
    // First word: as written, or with the conjunction/preposition removed (article kept).
    const a = infos[i].n, b = bareOf(infos[i]);
    for (const first of a === b ? [a] : [a, b]) {
      let key = first;
      for (let k = 1; k <= gz.maxWords && i + k <= infos.length; k++) {
        if (k > 1) key += ' ' + infos[i + k - 1].n;
        if (!prefixes.has(key)) break;
        const t = gz.names.get(key);
        if (t && k > best) { best = k; type = t; }
      }
    }
    if (best) {
      tags[i] = 'B' + type;
      for (let k = 1; k < best; k++) tags[i + k] = 'I' + type;
      i += best - 1;
    }
  }
  return tags;
}

/** Remove و/ف and a preposition ب/ك/ل from a normalised word, keeping the article (لل → ال). */
export function stripParticles(n: string): string {
  let s = n;
  if ((s[0] === 'و' || s[0] === 'ف') && s.length > 3) s = s.slice(1);
  if (s.startsWith('لل') && s.length > 3) return 'ا' + s.slice(1);
  if ('بكل'.includes(s[0] ?? '') && s.startsWith('ال', 1) && s.length > 4) return s.slice(1);
  return s;
}

/**
 * What the model knows beyond labelled counts: word classes learned from unlabelled text, a
 * gazetteer of person-name parts, and trigger words learned from the labelled text.
 */
export interface NerResources {
  /** Clitic-free core → [coarse class, fine class] (scripts/train/ner-clusters.ts). */
  clusters: WordTable<[number, number]>;
  /** Normalised person-name parts (Wikidata, CC0) → frequency bucket 1–4. */
  personNames: WordTable<number>;
  /** Core → the kinds of trigger it is: "h" + type (first word inside names of that type:
   *  حزب، جامعه، منظمه) and "p" + type (word right before names of that type: شركه، الرييس). */
  triggers: Map<string, string>;
  /** Counts of the news corpus alone (ANERcorp), by normalised form: the lexicon above mixes
   *  news with Wikipedia, where many words of news names are common words (جو "air", مسقط راس
   *  "birthplace", علي for على); absent in models trained on news only. */
  newsForms?: WordTable<LexEntry>;
  /** Noun (normalised, article removed) → coarse WordNet senses, sorted letters: o organisation,
   *  g group, p person, l place, b building, r residence, t time, c communication
   *  (scripts/train/ner-senses.ts); absent in models trained without them. */
  senses?: WordTable<string>;
  /** Character n-gram → log-ratio (person-name part vs other word), one table per half of the
   *  words (spelling.ts); absent in models trained without them. */
  spelling?: [WordTable<number>, WordTable<number>];
}

/** Counts of a normalised form in labelled text: [total, PER, ORG, LOC, MISC]. */
export type LexEntry = [number, number, number, number, number];

/**
 * What labelled text says about words: how often each form (as written, normalised) and each
 * clitic-free core occurred, and how often inside a name of each type. At run time this is the
 * whole training part; while training, each fold sees the lexicon of the OTHER folds, so the model
 * learns how far to trust it on words it has not seen.
 */
export class Lexicon {
  readonly forms: WordTable<LexEntry>;
  readonly cores: WordTable<LexEntry>;
  /** Names of the labelled text (2+ occurrences, or 1 for multi-word names) with their usual type. */
  readonly names: NameList;
  /** Clusters, person names and triggers (absent in models trained without them). */
  res: NerResources | null = null;
  /** `cores` given (a loaded model) are taken as they are, like a `forms` or `names` Map. */
  constructor(forms: Iterable<[string, LexEntry]> | WordTable<LexEntry>, names: Iterable<[string, string]>, cores?: WordTable<LexEntry>) {
    this.names = { names: names instanceof Map ? names : new Map(names), maxWords: 1 };
    for (const k of this.names.names.keys()) this.names.maxWords = Math.min(8, Math.max(this.names.maxWords, k.split(' ').length));
    if (cores) {
      this.forms = forms as WordTable<LexEntry>;
      this.cores = cores;
      return;
    }
    const fm = new Map<string, LexEntry>(), cm = new Map<string, LexEntry>();
    for (const [n, e] of forms as Iterable<[string, LexEntry]>) {
      fm.set(n, e);
      const core = splitProclitics(n).stem;
      const c = cm.get(core) ?? [0, 0, 0, 0, 0];
      for (let i = 0; i < 5; i++) c[i] += e[i];
      cm.set(core, c);
    }
    this.forms = fm;
    this.cores = cm;
  }
  /** Names (as gazetteer keys) of labelled sentences with their majority type. */
  static names(sents: { words: NerWord[]; labels: readonly string[] }[]): Map<string, string> {
    const counts = new Map<string, Map<string, number>>();
    for (const s of sents) {
      let i = 0;
      while (i < s.labels.length) {
        const l = s.labels[i];
        if (!l.startsWith('B-')) { i++; continue; }
        const type = l.slice(2);
        let j = i + 1;
        while (j < s.labels.length && s.labels[j] === 'I-' + type) j++;
        const key = [stripParticles(s.words[i].norm), ...s.words.slice(i + 1, j).map((w) => w.norm)].join(' ');
        let m = counts.get(key);
        if (!m) counts.set(key, (m = new Map()));
        m.set(type, (m.get(type) ?? 0) + 1);
        i = j;
      }
    }
    const out = new Map<string, string>();
    for (const [key, m] of [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      let best = '', bc = 0, total = 0;
      for (const [t, c] of m) { total += c; if (c > bc) { bc = c; best = t; } }
      if (total >= 2 || key.includes(' ')) out.set(key, best);
    }
    return out;
  }

  /**
   * Trigger words of labelled sentences, by clitic-free core: cores that are the first word of
   * names of a type (ORG heads like حزب) or the word right before them (titles, شركه), at least
   * MIN_TRIGGER times and in at least TRIGGER_SHARE of their occurrences.
   */
  static triggers(sents: { words: NerWord[]; labels: readonly string[] }[]): Map<string, string> {
    const total = new Map<string, number>();
    const hits = new Map<string, Map<string, number>>();
    const hit = (core: string, kind: string) => {
      let m = hits.get(core);
      if (!m) hits.set(core, (m = new Map()));
      m.set(kind, (m.get(kind) ?? 0) + 1);
    };
    for (const s of sents) {
      const cores = s.words.map((w) => (w.kind === 'word' ? splitProclitics(w.norm).stem : ''));
      cores.forEach((c) => { if (c) total.set(c, (total.get(c) ?? 0) + 1); });
      s.labels.forEach((l, i) => {
        if (!l.startsWith('B-')) return;
        const type = l.slice(2);
        if (cores[i] && s.labels[i + 1] === 'I-' + type) hit(cores[i], 'h' + type);
        if (i > 0 && cores[i - 1] && s.labels[i - 1] === 'O') hit(cores[i - 1], 'p' + type);
      });
    }
    const out = new Map<string, string>();
    for (const [core, m] of [...hits].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const n = total.get(core) ?? 0;
      const kinds = [...m].filter(([, c]) => c >= MIN_TRIGGER && c >= TRIGGER_SHARE * n).map(([k]) => k).sort();
      if (kinds.length) out.set(core, kinds.join('|'));
    }
    return out;
  }

  /** Counts of labelled sentences; `weight` says how many times a sentence counts (its domain's weight). */
  static count<S extends { words: NerWord[]; labels: readonly string[] }>(sents: S[], weight: (s: S) => number = () => 1): Map<string, LexEntry> {
    const m = new Map<string, LexEntry>();
    const idx: Record<string, number> = { PER: 1, ORG: 2, LOC: 3, MISC: 4 };
    for (const s of sents) {
      const n = weight(s);
      s.words.forEach((w, i) => {
        if (w.kind !== 'word') return;
        const e = m.get(w.norm) ?? [0, 0, 0, 0, 0];
        e[0] += n;
        const l = s.labels[i];
        if (l !== 'O') e[idx[l.slice(2)]] += n;
        m.set(w.norm, e);
      });
    }
    return m;
  }
}

const MIN_TRIGGER = 3;
const TRIGGER_SHARE = 0.2;

const TYPES = ['PER', 'ORG', 'LOC', 'MISC'];
const bucket = (n: number) => (n === 0 ? 0 : Math.min(5, 1 + Math.floor(Math.log2(n))));

/** Lexicon evidence of one entry as a few coarse features. */
const SMALL = ['0', '1', '2', '3', '4', '5'];
const TYPE_SHARE = TYPES.map((t) => SMALL.map((k) => t + k));
// Template names are constants so that the run-time lookups hash no fresh strings.
const LEX_TEMPLATES: Record<string, [string, string, string, string]> = {};
for (const p of ['lw', 'lc', 'lc-1', 'lc+1', 'lc-2', 'lc+2', 'nw', 'nw-1', 'nw+1']) LEX_TEMPLATES[p] = [p, p + 'f', p + 'e', p + 't'];

function lexFeatures(prefix: string, e: LexEntry | undefined, emit: FeatureSink): void {
  const [none, f, en, t] = LEX_TEMPLATES[prefix];
  if (!e) { emit(none, 'none'); return; }
  emit(f, SMALL[bucket(e[0])]);
  const ent = e[1] + e[2] + e[3] + e[4];
  emit(en, SMALL[Math.round((4 * ent) / e[0])]);
  if (ent > 0) {
    let best = 1;
    for (let k = 2; k <= 4; k++) if (e[k] > e[best]) best = k;
    emit(t, TYPE_SHARE[best - 1][Math.round((4 * e[best]) / e[0])]);
  }
}

/** Nisba-shaped word (الأميركي, الإيرانية, عمانيين): adjectives of origin that sit between a title and a name. */
function isNisba(w: WordInfo): boolean {
  return w.shape[0] === 'A' && w.core.length >= 4 && /(ي|يه|يين|يون|يا)$/.test(w.core) && w.pre.endsWith('ال');
}

const BOS: WordInfo = { n: '<s>', core: '<s>', pre: '', shape: 'S', ya: '' };
const EOS: WordInfo = { n: '</s>', core: '</s>', pre: '', shape: 'S', ya: '' };

export type FeatureSink = (template: string, value: string) => void;

const isWordInfo = (x: WordInfo) => x.shape[0] === 'A' || x.shape[0] === 'L';

// Word identities only for words the lexicon knows, '?' otherwise. While training, the lexicon is
// that of the other folds, so the model meets "unseen" words as it will at run time and learns to
// read them from their shape, letters and context.
const wn = (x: WordInfo, lex: Lexicon | null) => (!lex || x === BOS || x === EOS || lex.forms.has(x.n) ? x.n : '?');
const cn = (x: WordInfo, lex: Lexicon | null) => (!lex || x === BOS || x === EOS || lex.cores.has(x.core) ? x.core : '?');
const x2 = (x: WordInfo) => x.x2 ?? (x.x2 = x.core.slice(-2));

const CLASS_IDS = Array.from({ length: 1024 }, (_, i) => String(i));
const NONE = '-';

/** Coarse and fine word classes of a word (by its clitic-free core), '-' when unknown. */
function classesOf(w: WordInfo, res: NerResources): [string, string] {
  if (!isWordInfo(w)) return [w.shape, w.shape];
  const k = res.clusters.get(w.core);
  return k ? [CLASS_IDS[k[0]], CLASS_IDS[k[1]]] : [NONE, NONE];
}

/** WordNet senses of a word (as written, without the article, or its clitic-free core), '-' if none. */
function sensesOf(w: WordInfo, res: NerResources): string {
  if (!isWordInfo(w)) return w.shape;
  const t = res.senses!;
  const n = w.n.startsWith('ال') && w.n.length >= 5 ? w.n.slice(2) : w.n;
  return t.get(n) ?? t.get(w.core) ?? NONE;
}

/** How name-like the word's spelling is (spelling.ts), '-' for words not in Arabic letters. */
function spellingOf(w: WordInfo, res: NerResources): string {
  if (w.shape[0] !== 'A' || !res.spelling) return NONE;
  if (w.spFor !== res.spelling) { w.sp = nameLikenessBucket(w.core, res.spelling); w.spFor = res.spelling; }
  return w.sp!;
}

/** Person-name gazetteer bucket of a word (as written, or without its proclitics), '-' if absent. */
function personBucket(w: WordInfo, res: NerResources): string {
  if (!isWordInfo(w)) return NONE;
  const b = res.personNames.get(w.n) ?? res.personNames.get(w.core) ?? res.personNames.get(stripParticles(w.n));
  return b ? SMALL[b] : NONE;
}

/** Share of a word's labelled occurrences inside names, in fifths ('u' unknown; the shape for non-words). */
function nameShareBucket(w: WordInfo, lex: Lexicon): string {
  if (!isWordInfo(w)) return w.shape;
  const e = lex.forms.get(w.n);
  if (!e) return 'u';
  return SMALL[Math.round((4 * (e[1] + e[2] + e[3] + e[4])) / e[0])];
}

function lexValues(x: WordInfo, lex: Lexicon): WordLexValues {
  const hit = x.lx;
  if (hit && hit.lex === lex && hit.res === lex.res) return hit;
  const res = lex.res;
  const [k1, k2] = res ? classesOf(x, res) : [NONE, NONE];
  const v: WordLexValues = {
    lex, res,
    wn: wn(x, lex),
    cn: cn(x, lex),
    lc: isWordInfo(x) ? lex.cores.get(x.core) : undefined,
    nw: res?.newsForms && isWordInfo(x) ? res.newsForms.get(x.n) : undefined,
    k1, k2,
    pg: res ? personBucket(x, res) : NONE,
    share: nameShareBucket(x, lex),
    ss: res?.senses ? sensesOf(x, res) : NONE,
    tr: res ? res.triggers.get(x.core) ?? NONE : NONE,
  };
  x.lx = v;
  return v;
}

const bareOf = (x: WordInfo): string => x.bare ?? (x.bare = stripParticles(x.n));

/** Features of the word itself: letters, shape, identity and lexicon evidence. */
export function wordFeatures(w: WordInfo, lex: Lexicon | null, emit: FeatureSink): void {
  for (const [t, v] of unigramFeatures(w)) emit(t, v);
  emit('w', wn(w, lex));
  emit('c', cn(w, lex));
  if (w.ya) emit('wy', wn(w, lex) + '|' + w.ya);
  if (lex && isWordInfo(w)) { lexFeatures('lw', lex.forms.get(w.n), emit); lexFeatures('lc', lex.cores.get(w.core), emit); }
  const res = lex?.res;
  if (res) {
    const [k1, k2] = classesOf(w, res);
    emit('k1', k1);
    emit('k2', k2);
    const pg = personBucket(w, res);
    emit('pg', pg);
    emit('pgs', pg + '|' + w.shape);
    emit('tr', res.triggers.get(w.core) ?? NONE);
    if (res.newsForms && isWordInfo(w)) lexFeatures('nw', res.newsForms.get(w.n), emit);
    if (res.senses) emit('ss', sensesOf(w, res));
    // Only for words that neither the labelled text nor the name list knows: the others have better evidence.
    if (res.spelling && pg === NONE && lex && !lex.forms.has(w.n)) emit('sp', spellingOf(w, res));
  }
}

export const OFFSETS = [-2, -1, 1, 2] as const;

const RES_TEMPLATES: Record<number, string[]> = {};
for (const o of OFFSETS) { const k = o < 0 ? String(o) : '+' + o; RES_TEMPLATES[o] = ['k1' + k, 'k2' + k, 'pg' + k, 'tr' + k]; }

/** Features that a neighbour at `offset` (−2, −1, +1, +2) contributes, from that word alone. */
export function neighborFeatures(x: WordInfo, offset: number, lex: Lexicon | null, emit: FeatureSink): void {
  if (!lex) {
    emitNeighbor(x, offset, wn(x, null), cn(x, null), emit);
    return;
  }
  // The word's lexicon values are read once per word, not once per offset (lexValues).
  const v = lexValues(x, lex);
  const res = v.res;
  if (res) {
    const [t1, t2, tp, tr] = RES_TEMPLATES[offset];
    emit(t1, v.k1);
    if (offset === -1 || offset === 1) {
      emit(t2, v.k2);
      emit(tp, v.pg);
      if (res.newsForms && isWordInfo(x)) lexFeatures(offset === -1 ? 'nw-1' : 'nw+1', v.nw, emit);
      if (res.senses) emit(offset === -1 ? 'ss-1' : 'ss+1', v.ss);
    }
    emit(tr, v.tr);
  }
  emitNeighbor(x, offset, v.wn, v.cn, emit);
  if (isWordInfo(x)) lexFeatures(offset === -2 ? 'lc-2' : offset === 2 ? 'lc+2' : offset === -1 ? 'lc-1' : 'lc+1', v.lc, emit);
}

/** The neighbour's identity, core and shape features (those that need no lexicon resources). */
function emitNeighbor(x: WordInfo, offset: number, w: string, c: string, emit: FeatureSink): void {
  if (offset === -2) { emit('w-2', w); emit('c-2', c); emit('sh-2', x.shape); return; }
  if (offset === 2) { emit('w+2', w); emit('c+2', c); emit('sh+2', x.shape); return; }
  if (offset === -1) { emit('w-1', w); emit('c-1', c); emit('x-1', x2(x)); return; }
  emit('w+1', w); emit('c+1', c); emit('p+1', x.pre); emit('x+1', x2(x));
}

export interface SentenceSink {
  /** Word t starts; its own features follow. */
  at(t: number, info: WordInfo): void;
  /** The word's own features (wordFeatures). */
  word(info: WordInfo): void;
  /** A neighbour's features (neighborFeatures). */
  neighbor(info: WordInfo, offset: number): void;
  /** Features that depend on two words or on the sentence. */
  feat: FeatureSink;
  /** A feature whose value is parts joined with '|' (`c` absent: two parts): the same as
   *  feat(template, a + '|' + b [+ '|' + c]), which it is when absent. The run-time tagger looks
   *  the parts up without building the string. */
  joined?(template: string, a: string, b: string, c?: string): void;
}

/**
 * Visit the features of every word of one sentence, grouped so that the run-time tagger can cache
 * the parts that depend on one word only. `texts` are the words as written (Latin capitals only).
 * Deterministic: fixed order.
 */
export function visitSentence(words: NerWord[], texts: string[], lex: Lexicon | null, sink: SentenceSink): void {
  const infos = words.map((w, i) => info(w, texts[i]));
  const gz = gazetteerTags(infos, regionGazetteer());
  const ge = lex ? gazetteerTags(infos, lex.names) : [];
  const at = (i: number): WordInfo => (i < 0 ? BOS : i >= infos.length ? EOS : infos[i]);
  const gzAt = (i: number): string => (i < 0 || i >= gz.length ? '-' : gz[i] || '-');
  const emit = sink.feat;
  const joined = sink.joined ? sink.joined.bind(sink) : (t: string, a: string, b: string, c?: string) => emit(t, c === undefined ? a + '|' + b : a + '|' + b + '|' + c);
  // The word's lexicon values (lexValues), cached on the word: cn() without a lexicon is the core.
  const cnOf = lex ? (x: WordInfo) => lexValues(x, lex).cn : (x: WordInfo) => x.core;
  const quoted = quotePositions(words, texts);
  for (let i = 0; i < infos.length; i++) {
    const w = infos[i];
    sink.at(i, w);
    sink.word(w);
    const p1 = at(i - 1), n1 = at(i + 1);
    for (const o of OFFSETS) sink.neighbor(at(i + o), o);
    joined('sh-1', p1.shape, w.shape);
    joined('sh+1', w.shape, n1.shape);
    const wc = cnOf(w);
    joined('ww-1', cnOf(p1), wc);
    joined('ww+1', wc, cnOf(n1));
    if (quoted[i] !== '-') { emit('q', quoted[i]); joined('qs', quoted[i], w.shape); }
    emit('g', gzAt(i));
    emit('g-1', gzAt(i - 1));
    emit('g+1', gzAt(i + 1));
    // The nearest word before that is not a nisba adjective: "الرئيس الأميركي جو" links the
    // title to the name across the adjective.
    let b = i - 1;
    while (b >= 0 && b >= i - 3 && isNisba(infos[b])) b--;
    if (b < i - 1) emit('pn', cnOf(at(b)));
    const res = lex?.res;
    if (lex && res) {
      // Conjunctions for names whose words are also common words (علي "on", جو "air"): how
      // name-like this word is (person-name list, share of its labelled occurrences inside names)
      // together with how name-like its neighbours are, and with the title or trigger before it.
      const v0 = lexValues(w, lex), vp = lexValues(p1, lex), vn = lexValues(n1, lex);
      const pg0 = v0.pg, pgp = vp.pg, pgn = vn.pg;
      const sh0 = v0.share, shp = vp.share, shn = vn.share;
      joined('pgx', pg0, pgn);
      joined('pgv', pgp, pg0);
      joined('lsx', sh0, shn, pgn);
      joined('lsv', shp, sh0, pgp);
      joined('tpg', lexValues(at(b), lex).tr, pg0, sh0);
      // A head noun's sense with how name-like the next word is: «فيلق القدس», «حزب الله».
      if (res.senses) joined('ssx', v0.ss, vn.ss, shn);
    }
    if (lex) {
      emit('ge', ge[i] || '-');
      emit('ge-1', ge[i - 1] || '-');
      emit('ge+1', ge[i + 1] || '-');
      emit('gge', (ge[i] || '-') + (gz[i] || '-'));
    }
  }
}

const QUOTE_CLOSE: Record<string, string> = { '"': '"', '«': '»', '“': '”' };
const MAX_QUOTED = 6;

/**
 * Where each word stands in a short quotation: 'f' first, 'i' inside, 'l' last, 's' the only word,
 * '-' outside one. News quotes the titles of books, films, programmes and events («رواية "أولاد
 * حارتنا"»), often common words or words training never saw; where the quotation opens and closes
 * marks where such a name may start and end. On the dev parts (product path, three sentence orders)
 * news F1 82.4 / 81.9 / 81.7 → 82.3 / 82.9 / 82.4, Wikipedia 66.1 / 65.9 / 66.2 → 66.2 / 65.8 / 65.7.
 */
function quotePositions(words: NerWord[], texts: string[]): string[] {
  const out: string[] = new Array(words.length).fill('-');
  for (let i = 0; i < words.length; i++) {
    const close = words[i].kind === 'punct' ? QUOTE_CLOSE[texts[i]] : undefined;
    if (!close) continue;
    let j = i + 1;
    while (j < words.length && words[j].kind !== 'punct' && j - i - 1 < MAX_QUOTED) j++;
    if (j >= words.length || j === i + 1 || texts[j] !== close) continue;
    if (j === i + 2) out[i + 1] = 's';
    else { out[i + 1] = 'f'; for (let k = i + 2; k < j - 1; k++) out[k] = 'i'; out[j - 1] = 'l'; }
    i = j;
  }
  return out;
}

/** Feature strings ("template=value") of every word of one sentence, for training and tests. */
export function sentenceFeatures(words: NerWord[], texts: string[], lex: Lexicon | null): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  const push: FeatureSink = (t, v) => { cur.push(t + '=' + v); };
  visitSentence(words, texts, lex, {
    at() { cur = []; out.push(cur); },
    word(info) { wordFeatures(info, lex, push); },
    neighbor(info, offset) { neighborFeatures(info, offset, lex, push); },
    feat: push,
  });
  return out;
}
