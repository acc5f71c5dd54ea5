// The statistical tagger at run time: feature weights from server/models/ner.json, emission
// scores, Viterbi path and confidences.
import modelJson from '../../../models/ner.json';
import { LABELS, Lexicon, NUM_LABELS, unigramFeatures, visitSentence, type LexEntry, type NerWord } from './features';
import { marginals, viterbi } from './decode';

const K = NUM_LABELS;

export interface NerModelFile {
  about: string;
  attribution: string;
  labels: string[];
  /** Scores are divided by this before computing confidences (chosen in training). */
  temperature?: number;
  /** Transition weights prev*K + cur. */
  trans: number[];
  start: number[];
  /** Feature → flat pairs [label index, weight, label index, weight, …]. */
  feats: Record<string, number[]>;
  /** Normalised words seen as the first word of an entity in training, with their count. */
  entityFirst: Record<string, number>;
  /** Training-part word counts: a number (never inside a name) or [total, PER, ORG, LOC, MISC]. */
  lexicon: Record<string, number | LexEntry>;
  /** Names of the training part (gazetteer keys) with their usual type. */
  names: Record<string, string>;
}

export interface LoadedModel {
  trans: Float64Array;
  start: Float64Array;
  /** template → value → weights per label. */
  weights: Map<string, Map<string, Float64Array>>;
  entityFirst: Map<string, number>;
  lexicon: Lexicon;
  temperature: number;
}

let loaded: LoadedModel | null = null;

export function loadModel(): LoadedModel {
  if (loaded) return loaded;
  const m = modelJson as unknown as NerModelFile;
  if (m.labels.join(',') !== LABELS.join(',')) throw new Error('ner.json was trained with other labels');
  const weights = new Map<string, Map<string, Float64Array>>();
  for (const key in m.feats) {
    const pairs = m.feats[key];
    const w = new Float64Array(K);
    for (let i = 0; i < pairs.length; i += 2) w[pairs[i]] = pairs[i + 1];
    const eq = key.indexOf('=');
    const tmpl = key.slice(0, eq);
    let tm = weights.get(tmpl);
    if (!tm) weights.set(tmpl, (tm = new Map()));
    tm.set(key.slice(eq + 1), w);
  }
  loaded = {
    temperature: m.temperature ?? 1,
    trans: Float64Array.from(m.trans),
    start: Float64Array.from(m.start),
    weights,
    entityFirst: new Map(Object.entries(m.entityFirst)),
    lexicon: new Lexicon(Object.entries(m.lexicon ?? {}).map(([k, v]) => [k, typeof v === 'number' ? [v, 0, 0, 0, 0] : v] as [string, LexEntry]), Object.entries(m.names ?? {})),
  };
  return loaded;
}

export interface TaggedSentence {
  labels: number[];
  /** Marginal probability of the chosen label at each word. */
  probs: number[];
  /** Full marginals T*K. */
  marg: Float64Array;
}

/** Emission scores of a sentence: T*K. Unigram parts are summed once per distinct word. */
export function emissions(model: LoadedModel, words: NerWord[], texts: string[]): Float64Array {
  const T = words.length;
  const emit = new Float64Array(T * K);
  let base = 0;
  const add = (w: Float64Array | undefined) => {
    if (!w) return;
    for (let k = 0; k < K; k++) emit[base + k] += w[k];
  };
  visitSentence(words, texts, model.lexicon, {
    at(t, info) {
      base = t * K;
      if (!info.uniWeights || info.uniModel !== model) {
        const u = new Float64Array(K);
        for (const [tmpl, val] of unigramFeatures(info)) {
          const w = model.weights.get(tmpl)?.get(val);
          if (w) for (let k = 0; k < K; k++) u[k] += w[k];
        }
        info.uniWeights = u;
        info.uniModel = model;
      }
      add(info.uniWeights);
    },
    feat(tmpl, val) { add(model.weights.get(tmpl)?.get(val)); },
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
