// The statistical tagger at run time: feature weights from server/models/ner.json, emission
// scores, Viterbi path and confidences.
import modelJson from '../../../models/ner.json';
import { regionGazetteer } from '../gazetteer/regions';
import { LABELS, Lexicon, NUM_LABELS, OFFSETS, prefixesOf, neighborFeatures, visitSentence, wordFeatures, type LexEntry, type NerResources, type NerWord, type WordInfo } from './features';
import { marginals, viterbi } from './decode';
import { intValue, readTable, SortedTable, textValue } from './tables';

const K = NUM_LABELS;

export interface NerModelFile {
  about: string;
  attribution: string;
  labels: string[];
  /** Training epochs (informative). */
  epochs?: number;
  /** Scores are divided by this before computing confidences (chosen in training). */
  temperature?: number;
  /** Transition weights prev*K + cur. */
  trans: number[];
  start: number[];
  /** Feature keys ("template=value"), one a line, in code-unit order. */
  featureKeys: string;
  /** Their weights: little-endian 16-bit integers in hundredths, NUM_LABELS per key, base64. */
  featureWeights: string;
  // The tables below are strings of "key<TAB>value" lines (tables.ts).
  /** Normalised words seen as the first word of an entity in training, with their count. */
  entityFirst: string;
  /** Training-part word counts: "total" (never inside a name) or "total,PER,ORG,LOC,MISC". */
  lexicon: string;
  /** Names of the training part (gazetteer keys) with their usual type. */
  names: string;
  /** The lexicon summed by clitic-free core (precomputed: saves stemming every form at load). */
  lexiconCores: string;
  /** Word classes learned from unlabelled text: clitic-free core → "coarse,fine" class. */
  classes?: string;
  /** Person-name parts (normalised) → frequency bucket 1–4. */
  personNames?: string;
  /** Trigger cores learned from the labelled text (see Lexicon.triggers). */
  triggers?: string;
  /** Counts of the news corpus alone, like `lexicon` (NerResources.newsForms). */
  newsLexicon?: string;
  /** Coarse WordNet senses of nouns (NerResources.senses). */
  senses?: string;
  /** Names of institutions called after their seat (البيت الابيض), normalised, one a line: ORG in
   *  the project's conventions (scripts/train/ner-senses.ts seatNames, conventions.ts). */
  seats?: string;
  /** The two spelling tables (NerResources.spelling): "n-gram<TAB>log-ratio" lines. */
  spelling?: [string, string];
}

/** A lexicon value: "total" (never inside a name) or "total,PER,ORG,LOC,MISC". */
function lexValue(t: string, from: number, to: number): LexEntry {
  const comma = t.indexOf(',', from);
  if (comma < 0 || comma > to) return [intValue(t, from, to), 0, 0, 0, 0];
  return t.slice(from, to).split(',').map(Number) as LexEntry;
}

const numberValue = (t: string, from: number, to: number): number => Number(t.slice(from, to));

const classValue = (t: string, from: number, to: number): [number, number] => {
  const comma = t.indexOf(',', from);
  return [intValue(t, from, comma), intValue(t, comma + 1, to)];
};

function resourcesOf(m: NerModelFile): NerResources | null {
  if (!m.classes && !m.personNames && !m.triggers) return null;
  return {
    clusters: new SortedTable(m.classes ?? '', classValue),
    personNames: new SortedTable(m.personNames ?? '', intValue),
    triggers: readTable(m.triggers ?? '', textValue),
    newsForms: m.newsLexicon ? new SortedTable(m.newsLexicon, lexValue) : undefined,
    senses: m.senses ? new SortedTable(m.senses, textValue) : undefined,
    spelling: m.spelling ? [new SortedTable(m.spelling[0], numberValue), new SortedTable(m.spelling[1], numberValue)] : undefined,
  };
}

export interface LoadedModel {
  trans: Float64Array;
  start: Float64Array;
  /** template → value → offset of its K weights in `table`. */
  weights: Map<string, Map<string, number>>;
  table: Float64Array;
  entityFirst: Map<string, number>;
  lexicon: Lexicon;
  temperature: number;
  /** Normalised names of institutions called after their seat (NerModelFile.seats). */
  seats: Set<string>;
}

let loaded: LoadedModel | null = null;

/** The committed model (server/models/ner.json), loaded once. */
export function loadModel(): LoadedModel {
  if (!loaded) loaded = modelFrom(modelJson as unknown as NerModelFile);
  return loaded;
}

/** A model from the contents of a model file (the committed one, or one a training script wrote for evaluation). */
export function modelFrom(m: NerModelFile): LoadedModel {
  if (m.labels.join(',') !== LABELS.join(',')) throw new Error('ner.json was trained with other labels');
  // One flat table of weights; the maps hold offsets (no object per feature: faster to load).
  const weights = new Map<string, Map<string, number>>();
  const keys = m.featureKeys.split('\n');
  const bytes = Buffer.from(m.featureWeights, 'base64');
  if (bytes.length !== keys.length * K * 2) throw new Error('ner.json: feature weights do not match the keys');
  // Read the 16-bit integers in place when aligned (the usual case: a large buffer of its own).
  const q = bytes.byteOffset % 2 === 0 ? new Int16Array(bytes.buffer, bytes.byteOffset, keys.length * K) : new Int16Array(Uint8Array.from(bytes).buffer);
  const table = new Float64Array(keys.length * K);
  for (let i = 0; i < table.length; i++) table[i] = q[i] / 100;
  let tm: Map<string, number> | undefined;
  let tmName = '';
  keys.forEach((key, f) => {
    const eq = key.indexOf('=');
    const tmpl = key.slice(0, eq);
    if (tmpl !== tmName) {
      tm = weights.get(tmpl);
      if (!tm) weights.set(tmpl, (tm = new Map()));
      tmName = tmpl;
    }
    tm!.set(key.slice(eq + 1), f * K);
  });
  // Build the gazetteer tables now, so that the first recognition does not pay for them.
  prefixesOf(regionGazetteer());
  const lexicon = new Lexicon(new SortedTable(m.lexicon, lexValue), readTable(m.names, textValue), new SortedTable(m.lexiconCores, lexValue));
  lexicon.res = resourcesOf(m);
  prefixesOf(lexicon.names);
  return {
    temperature: m.temperature ?? 1,
    trans: Float64Array.from(m.trans),
    start: Float64Array.from(m.start),
    weights,
    table,
    entityFirst: readTable(m.entityFirst, intValue),
    lexicon,
    seats: new Set(m.seats ? m.seats.split('\n') : []),
  };
}

export interface TaggedSentence {
  labels: number[];
  /** Marginal probability of the chosen label at each word. */
  probs: number[];
  /** Full marginals T*K. */
  marg: Float64Array;
}

/** Summed weights of the features one word yields (as itself, then as each neighbour: K weights
 *  each, in one array), cached on the word. One array rather than one per slot, and the word's
 *  feature list dropped once summed (only training reads it again, and rebuilds it): a word form
 *  is cached for as long as the process lives, and the analysis workers held ~100 MB of these
 *  after 500 news articles. */
function wordVectors(model: LoadedModel, info: WordInfo): Float64Array {
  if (info.cached && info.cacheModel === model) return info.cached;
  const vecs = new Float64Array((1 + OFFSETS.length) * K);
  let base = 0;
  const table = model.table;
  const acc = (tmpl: string, val: string) => {
    const o = model.weights.get(tmpl)?.get(val);
    if (o !== undefined) for (let k = 0; k < K; k++) vecs[base + k] += table[o + k];
  };
  wordFeatures(info, model.lexicon, acc);
  for (const o of OFFSETS) {
    base += K;
    neighborFeatures(info, o, model.lexicon, acc);
  }
  info.cached = vecs;
  info.cacheModel = model;
  info.uni = undefined;
  return vecs;
}

/** Slot of a neighbour's vector in wordVectors: −2, −1, +1, +2 → 1, 2, 3, 4. */
const offsetSlot = (offset: number) => (offset < 0 ? offset + 3 : offset + 2);

/** Offsets of one joined template's weights by its parts (parts → … → offset), or null when
 *  the parts cannot be told apart in the model's keys (a part that contains '|' itself): such a
 *  template is looked up by its joined string. */
type PartsTable = Map<string, unknown> | null;

const partsTables = new WeakMap<LoadedModel, Map<string, PartsTable>>();

/** The model's keys of a template whose values are `parts` strings joined with '|', split into
 *  nested maps: the tagger looks a feature up by its parts, without building and hashing the
 *  joined string at every word (SentenceSink.joined). Built once per template from the model's
 *  own keys, so its size is fixed by the model. */
function partsTable(model: LoadedModel, tmpl: string, parts: number): PartsTable {
  let byTemplate = partsTables.get(model);
  if (!byTemplate) partsTables.set(model, (byTemplate = new Map()));
  const hit = byTemplate.get(tmpl);
  if (hit !== undefined) return hit;
  let root: Map<string, unknown> | null = new Map();
  for (const [val, o] of model.weights.get(tmpl) ?? []) {
    const xs = val.split('|');
    if (xs.length !== parts) { root = null; break; }
    let m = root;
    for (let i = 0; i < parts - 1; i++) {
      let next = m.get(xs[i]) as Map<string, unknown> | undefined;
      if (!next) m.set(xs[i], (next = new Map()));
      m = next;
    }
    m.set(xs[parts - 1], o);
  }
  byTemplate.set(tmpl, root);
  return root;
}

/** Emission scores of a sentence: T*K. */
export function emissions(model: LoadedModel, words: NerWord[], texts: string[]): Float64Array {
  const T = words.length;
  const emit = new Float64Array(T * K);
  const table = model.table;
  let base = 0;
  const add = (w: Float64Array, slot: number) => {
    const from = slot * K;
    for (let k = 0; k < K; k++) emit[base + k] += w[from + k];
  };
  let tables = partsTables.get(model);
  if (!tables) partsTables.set(model, (tables = new Map()));
  const byTemplate = tables;
  const addWeights = (o: number | undefined) => {
    if (o !== undefined) for (let k = 0; k < K; k++) emit[base + k] += table[o + k];
  };
  visitSentence(words, texts, model.lexicon, {
    at(t) { base = t * K; },
    word(info) { add(wordVectors(model, info), 0); },
    neighbor(info, offset) { add(wordVectors(model, info), offsetSlot(offset)); },
    feat(tmpl, val) { addWeights(model.weights.get(tmpl)?.get(val)); },
    joined(tmpl, a, b, c) {
      let parts = byTemplate.get(tmpl);
      if (parts === undefined) parts = partsTable(model, tmpl, c === undefined ? 2 : 3);
      if (!parts) { addWeights(model.weights.get(tmpl)?.get(c === undefined ? a + '|' + b : a + '|' + b + '|' + c)); return; }
      const m = (parts.get(a) as Map<string, unknown> | undefined)?.get(b);
      addWeights((c === undefined ? m : (m as Map<string, unknown> | undefined)?.get(c)) as number | undefined);
    },
  });
  return emit;
}

export function tagSentence(words: NerWord[], texts: string[], model = loadModel()): TaggedSentence {
  const T = words.length;
  if (T === 0) return { labels: [], probs: [], marg: new Float64Array(0) };
  const emit = emissions(model, words, texts);
  const labels = viterbi(emit, T, model.trans, model.start);
  const tau = model.temperature;
  const marg = tau === 1 ? marginals(emit, T, model.trans, model.start) : marginals(emit.map((x) => x / tau), T, model.trans.map((x) => x / tau), model.start.map((x) => x / tau));
  return { labels, probs: labels.map((l, t) => marg[t * K + l]), marg };
}
