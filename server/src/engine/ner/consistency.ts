// Corpus-wide consistency, as news readers expect: a name the tagger found confidently in one
// place is the same name where it recurs (in the same or another article), and it keeps one type.
//  1. Every mention's words (clitics removed from the first) form a key; each key gets a type by
//     confidence-weighted vote over all its mentions.
//  2. Mentions are retyped to their key's type when the vote is clear.
//  3. Untagged occurrences of a confident key are tagged (a mention of part of it, of its type,
//     grows to the whole key), unless training text shows the words are
//     mostly not a name (common words that happen to be tagged once). A person's surname alone
//     ("بايدن" after "جو بايدن") counts as an occurrence of that person.
import type { EntityMention, EntityType, Token } from '../model';
import { norm } from '../text/normalize';
import type { Lexicon } from './features';
import { chooseCut, cliticCuts, originalCut } from './clitics';

export interface TaggedDocLike {
  doc: { path: string; text: string };
  sentences: { tokens: Token[] }[];
}

const TYPE_ORDER: EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];
const MIN_KEY_WEIGHT = 0.3;
const CLEAR_VOTE = 0.7;
const MAX_KEY_WORDS = 6;

function keyOf(text: string): string {
  return norm(text).split(/\s+/).filter(Boolean).join(' ');
}

/** Share of training occurrences of a word that were inside a name (1 when never seen). */
function nameShare(lex: Lexicon, word: string): { share: number; count: number } {
  const e = lex.forms.get(word);
  if (!e || e[0] === 0) return { share: 1, count: 0 };
  return { share: (e[1] + e[2] + e[3] + e[4]) / e[0], count: e[0] };
}

export function harmonize(
  tagged: TaggedDocLike[],
  mentions: Map<string, EntityMention[]>,
  lex: Lexicon,
  known: (form: string) => number,
  evidence: (m: EntityMention) => number[] | undefined = () => undefined,
): Map<string, EntityMention[]> {
  const steps = harmonizeSteps(tagged, mentions, lex, known, evidence);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** harmonize in steps: yields after each document of each of its passes over the documents, so that the
 *  language server can answer an edit in between (ner/index.ts recognizeCorpusSteps). */
export function* harmonizeSteps(
  tagged: TaggedDocLike[],
  mentions: Map<string, EntityMention[]>,
  lex: Lexicon,
  known: (form: string) => number,
  evidence: (m: EntityMention) => number[] | undefined = () => undefined,
): Generator<void, Map<string, EntityMention[]>> {
  // 1. Votes per key.
  const votes = new Map<string, Map<EntityType, number>>();
  const vote = (key: string, type: EntityType, w: number) => {
    let m = votes.get(key);
    if (!m) votes.set(key, (m = new Map()));
    m.set(type, (m.get(type) ?? 0) + w);
  };
  for (const list of mentions.values()) {
    for (const m of list) {
      const key = keyOf(m.text);
      vote(key, m.type, m.confidence ?? 0.5);
      const words = key.split(' ');
      if (m.type === 'PER' && words.length >= 2 && words[words.length - 1].length >= 3) vote(words[words.length - 1], 'PER', m.confidence ?? 0.5);
    }
    yield;
  }
  const typeOf = new Map<string, { type: EntityType; weight: number; share: number }>();
  for (const [key, m] of votes) {
    let best: EntityType = 'MISC', bw = -1, total = 0;
    for (const [t, w] of m) { total += w; if (w > bw) { bw = w; best = t; } }
    typeOf.set(key, { type: best, weight: bw, share: bw / total });
  }
  // A name that labelled text never showed is typed from its contexts alone, each mention on its
  // own («موقع "أكسيوس"» once MISC, once ORG). Its mentions together say more than any one ("one
  // sense per discourse", Gale, Church & Yarowsky 1992): the type most probable over all of them,
  // summing each mention's probabilities of the types, is given to all of them.
  const pooled = new Map<string, { p: number[]; n: number }>();
  for (const list of mentions.values()) {
    for (const m of list) {
      const ev = evidence(m);
      if (!ev) continue;
      const key = keyOf(m.text);
      if (!key.split(' ').every((w, i) => nameShare(lex, i === 0 ? w.slice(chooseCut(w, known)) : w).count === 0)) continue;
      let acc = pooled.get(key);
      if (!acc) pooled.set(key, (acc = { p: [0, 0, 0, 0], n: 0 }));
      // Each mention counts once: its type probabilities given that it is a name.
      const z = ev.reduce((a, b) => a + b, 0) || 1;
      ev.forEach((x, k) => { acc!.p[k] += x / z; });
      acc.n++;
    }
    yield;
  }
  for (const [key, { p, n }] of pooled) {
    if (n < 2) continue;
    const k = p.indexOf(Math.max(...p));
    const v = typeOf.get(key);
    if (v) typeOf.set(key, { type: TYPE_ORDER[k], weight: v.weight, share: 1 });
  }
  const confident = new Map<string, { type: EntityType; weight: number }>();
  const firstWords = new Set<string>();
  for (const [key, v] of typeOf) {
    if (v.weight < MIN_KEY_WEIGHT || v.share < CLEAR_VOTE) continue;
    confident.set(key, v);
    firstWords.add(key.split(' ')[0]);
  }
  const out = new Map<string, EntityMention[]>();
  for (const t of tagged) {
    const list = (mentions.get(t.doc.path) ?? []).map((m) => {
      const v = typeOf.get(keyOf(m.text));
      return v && v.type !== m.type && v.share >= CLEAR_VOTE ? { ...m, type: v.type } : m;
    });
    // 3. Untagged occurrences of confident keys.
    const covered = (s: number, e: number) => list.some((m) => m.start < e && s < m.end);
    const added: EntityMention[] = [];
    for (const sent of t.sentences) {
      const toks = sent.tokens;
      for (let i = 0; i < toks.length; i++) {
        if (toks[i].kind !== 'word') continue;
        // Cheap test first: can any confident key start with this word (after a clitic cut)?
        if (!cliticCuts(toks[i].norm).some((c) => firstWords.has(toks[i].norm.slice(c)))) continue;
        const cut = chooseCut(toks[i].norm, known);
        const firstNorm = toks[i].norm.slice(cut);
        if (!firstWords.has(firstNorm)) continue;
        let key = firstNorm;
        let best: { k: number; v: { type: EntityType; weight: number } } | null = null;
        for (let k = 1; i + k <= toks.length && k <= MAX_KEY_WORDS; k++) {
          if (k > 1) key += ' ' + toks[i + k - 1].norm;
          const v = confident.get(key);
          if (!v) continue;
          if (k === 1) {
            const ns = nameShare(lex, firstNorm);
            if (ns.count >= 3 && ns.share < 0.5) continue;
          }
          best = { k, v }; // the longest key starting here wins
        }
        if (!best) continue;
        const start = toks[i].start + originalCut(toks[i].text, cut);
        const end = toks[i + best.k - 1].end;
        if (added.some((m) => m.start < end && start < m.end)) continue;
        if (covered(start, end)) {
          // Shorter mentions inside a longer confident key become the whole name: of the same type
          // («بايدن» in «جو بايدن»), or of another type when the corpus's evidence for the whole
          // name (the summed confidence of its mentions) outweighs the mention's own confidence
          // («بريت» taken for a place after «للشرق الأوسط», inside «بريت ماكغورك», a name typed
          // PER in eight other places). A mention reaching outside the key is left as it is.
          const inside = list.filter((m) => m.start < end && start < m.end);
          const yields = (m: EntityMention) => m.type === best!.v.type || best!.v.weight > (m.confidence ?? 0.5);
          if (best.k < 2 || !inside.every((m) => m.start >= start && m.end <= end && m.end - m.start < end - start && yields(m))) continue;
          for (const m of inside) list.splice(list.indexOf(m), 1);
        }
        added.push({ start, end, type: best.v.type, text: t.doc.text.slice(start, end), confidence: Math.round(Math.min(0.9, best.v.weight / 2) * 1000) / 1000 });
        i += best.k - 1;
      }
    }
    out.set(t.doc.path, [...list, ...added].sort((a, b) => a.start - b.start || a.end - b.end));
    yield;
  }
  return out;
}
