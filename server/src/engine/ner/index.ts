// Named-entity recognition (PER, ORG, LOC, MISC; ANERcorp conventions, adapted as the project's
// GUIDELINES say). Steps: the statistical tagger (tagger.ts, trained by scripts/train-ner.ts) over
// each sentence → name spans with clitics left outside (clitics.ts) → demonyms dropped (nisba.ts)
// → the project's conventions where they differ from ANERcorp's (conventions.ts) → corpus-wide
// consistency (consistency.ts).
import type { EntityMention, EntityType, Sentence, Token } from '../model';
import { tokenize, tokensIn } from '../text/tokens';
import { segmentSentences } from '../text/sentences';
import { regionGazetteer } from '../gazetteer/regions';
import { LABELS, NUM_LABELS } from './features';
import { loadModel, tagSentence, type LoadedModel } from './tagger';
import { chooseCut, endBeforePrepositions, originalCut } from './clitics';
import { harmonizeSteps } from './consistency';
import { applyConventions, groupsAsOrganisations, seatsAsOrganisations } from './conventions';
import { dropDemonyms, ownerAdjectives } from './nisba';

export interface NerDoc {
  path: string;
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

const K = NUM_LABELS;

const firstWords = new WeakMap<LoadedModel, Map<string, number>>();
/** Evidence that a normalised form starts a name: training first words, then ICU region names. */
function knownFirst(model: LoadedModel): Map<string, number> {
  const hit = firstWords.get(model);
  if (hit) return hit;
  const m = new Map(model.entityFirst);
  for (const name of regionGazetteer().names.keys()) {
    const first = name.split(' ')[0];
    m.set(first, (m.get(first) ?? 0) + 3);
  }
  firstWords.set(model, m);
  return m;
}

/** Word units of a sentence: tokens inside it; a sentence without tokens is skipped. */
function sentenceTokens(doc: NerDoc): Token[][] {
  const sents = doc.sentences.length ? doc.sentences : [{ id: 's1', start: 0, end: doc.text.length, kind: 'body' as const }];
  return sents.map((s) => tokensIn(doc.tokens, s.start, s.end)).filter((t) => t.length > 0);
}

export interface TaggedDoc {
  doc: NerDoc;
  sentences: { tokens: Token[]; labels: number[]; marg: Float64Array }[];
}

export function tagDoc(doc: NerDoc, model = loadModel()): TaggedDoc {
  const memo = remembered.size > 0 && model === loadModel() ? remembered : null;
  return {
    doc,
    sentences: sentenceTokens(doc).map((tokens) => {
      const known = memo?.get(sentenceKey(tokens));
      if (known) return { tokens, labels: known.labels, marg: known.marg };
      const r = tagSentence(tokens.map((t) => ({ norm: t.norm, kind: t.kind })), tokens.map((t) => t.text), model);
      return { tokens, labels: r.labels, marg: r.marg };
    }),
  };
}

/** Tagged sentences of the committed model by their words (rememberTagged): a sentence's tags
 *  depend on its words alone (form, kind, text), so re-tagging an article after an edit takes the
 *  sentences the edit did not touch from here, and tags only the changed one. Bounded: emptied
 *  when full. */
const remembered = new Map<string, { labels: number[]; marg: Float64Array }>();
const REMEMBERED_MAX = 4000;

function sentenceKey(tokens: Token[]): string {
  return tokens.map((t) => `${t.kind}\u0001${t.norm}\u0001${t.text}`).join('\u0002');
}

/** Remembers the tagging of an article (made by the committed model, here or in a worker thread)
 *  for the next tagDoc of its text: the language server calls it before re-analysing an edited
 *  article. */
export function rememberTagged(tagged: TaggedDoc): void {
  if (remembered.size + tagged.sentences.length > REMEMBERED_MAX) remembered.clear();
  for (const s of tagged.sentences) remembered.set(sentenceKey(s.tokens), { labels: s.labels, marg: s.marg });
}

const TYPES: EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];
/** Per mention found by the tagger: the probability of each of TYPES for its words. */
const typeEvidence = new WeakMap<EntityMention, number[]>();

/** Mentions of a tagged document: BIO runs → spans in the original text, clitics outside. */
export function mentionsOf(tagged: TaggedDoc, known: (form: string) => number): EntityMention[] {
  const out: EntityMention[] = [];
  const text = tagged.doc.text;
  for (const s of tagged.sentences) {
    let i = 0;
    while (i < s.labels.length) {
      const l = LABELS[s.labels[i]];
      if (l === 'O' || s.tokens[i].kind === 'punct') { i++; continue; }
      const type = l.slice(2);
      let j = i + 1;
      while (j < s.labels.length && LABELS[s.labels[j]] === 'I-' + type) j++;
      // Trailing punctuation is never part of a name.
      let e = j;
      while (e > i + 1 && s.tokens[e - 1].kind === 'punct') e--;
      const first = s.tokens[i];
      const cut = chooseCut(first.norm, known);
      const start = first.start + originalCut(first.text, cut);
      const end = s.tokens[e - 1].end;
      // Confidence: mean marginal probability of the span's tags (calibrated in training).
      let conf = 0;
      for (let t = i; t < e; t++) {
        const want = LABELS.indexOf((t === i ? 'B-' : 'I-') + type as (typeof LABELS)[number]);
        conf += s.marg[t * K + want] / (e - i);
      }
      if (end > start) {
        const m: EntityMention = { start, end, type: type as EntityType, text: text.slice(start, end), confidence: Math.round(conf * 1000) / 1000 };
        // How likely each type is for these words (mean marginal of its B-/I- tags), for the
        // corpus-wide choice of a type (consistency.ts).
        typeEvidence.set(m, TYPES.map((ty) => {
          let p = 0;
          for (let t = i; t < e; t++) p += (s.marg[t * K + LABELS.indexOf(('B-' + ty) as (typeof LABELS)[number])] + s.marg[t * K + LABELS.indexOf(('I-' + ty) as (typeof LABELS)[number])]) / (e - i);
          return p;
        }));
        out.push(m);
      }
      i = j;
    }
  }
  return out;
}

export interface NerOptions {
  /** Apply the project's conventions where they differ from ANERcorp's (conventions.ts); default true. */
  conventions?: boolean;
  /** Tagged documents kept between calls, by path (reused while the text is the same): the language
   *  server reruns corpus-wide recognition on every edit, and only the edited article needs the
   *  tagger again. */
  cache?: Map<string, TaggedDoc>;
  /** Another model than the committed one (evaluation of models trained for development). */
  model?: LoadedModel;
}

export function recognizeCorpus(docs: NerDoc[], options: NerOptions = {}): Map<string, EntityMention[]> {
  return drain(recognizeCorpusSteps(docs, options));
}

/** Runs a generator of steps (see recognizeCorpusSteps) to its end. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** recognizeCorpus in steps: it yields after each document of every per-document loop, so that a
 *  caller (the language server) can do it a slice at a time and answer an edit in between. */
export function* recognizeCorpusSteps(docs: NerDoc[], options: NerOptions = {}): Generator<void, Map<string, EntityMention[]>> {
  const model = options.model ?? loadModel();
  const tagged: TaggedDoc[] = [];
  for (const d of docs) {
    const hit = options.cache?.get(d.path);
    if (hit && hit.doc.text === d.text) tagged.push(hit);
    else {
      const t = tagDoc(d, model);
      options.cache?.set(d.path, t);
      tagged.push(t);
    }
    yield;
  }
  // Evidence for clitic cuts: training first words, region names, and words this corpus's own
  // first pass put at the start of a name ("بريت" tagged alone elsewhere keeps its ب).
  const base = knownFirst(model);
  const corpusFirst = new Map<string, number>();
  for (const t of tagged) {
    for (const s of t.sentences) {
      s.labels.forEach((l, i) => { if (LABELS[l].startsWith('B-')) corpusFirst.set(s.tokens[i].norm, (corpusFirst.get(s.tokens[i].norm) ?? 0) + 1); });
    }
    yield;
  }
  const known = (f: string) => (base.get(f) ?? 0) + (corpusFirst.get(f) ?? 0);
  const first = new Map<string, EntityMention[]>();
  for (const t of tagged) {
    const spans = endBeforePrepositions(t.sentences, t.doc.text, dropDemonyms(mentionsOf(t, known), model.lexicon));
    const ms = ownerAdjectives(t.sentences, t.doc.text, spans, model.lexicon);
    first.set(t.doc.path, options.conventions === false ? ms : applyConventions(t.sentences, t.doc.text, ms));
    yield;
  }
  const out = yield* harmonizeSteps(tagged, first, model.lexicon, known, (m) => typeEvidence.get(m));
  if (options.conventions !== false) {
    for (const [p, ms] of out) {
      out.set(p, seatsAsOrganisations(ms, model.seats));
      yield;
    }
    return groupsAsOrganisations(out, new Map(tagged.map((t) => [t.doc.path, t.doc.text])));
  }
  return out;
}

/** Entities of one text on its own. */
export function recognize(text: string): EntityMention[] {
  const doc: NerDoc = { path: '', text, tokens: tokenize(text), sentences: segmentSentences(text) };
  return recognizeCorpus([doc]).get('') ?? [];
}
