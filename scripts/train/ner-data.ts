// The labelled and unlabelled text the NER is trained and evaluated on, read from ../shared/data
// and brought to the project's word units (text/tokens.ts) and ANERcorp's conventions:
//  - ANERcorp (CAMeL Lab train split, CC BY-SA 4.0): news; one token per line, whole words with
//    their clitics; the last sixth of its sentences is the held-out test part, the sixth before it
//    the development part features are tuned on.
//  - WikiFANE Gold (CC BY-SA 3.0): Arabic Wikipedia, clitic-segmented, 50 fine classes. Its clitics
//    are re-joined to words, its classes mapped to PER/ORG/LOC/MISC, and its span conventions
//    aligned with ANERcorp's (see wikifaneToAnercorp). Split by article blocks into train/dev/test.
//  - ANS (Apache-2.0): news headlines and their rewrites, unlabelled (word clusters only).
// Shared by scripts/train-ner.ts and scripts/eval/ner.ts.
import * as fs from 'fs';
import * as path from 'path';
import type { Token } from '../../server/src/engine/model';
import { tokenize } from '../../server/src/engine/text/tokens';
import { norm } from '../../server/src/engine/text/normalize';
import type { Label, NerWord } from '../../server/src/engine/ner/features';

export interface AnerSentence {
  words: NerWord[];
  texts: string[];
  labels: Label[];
  /** The word units as project tokens, offsets relative to the start of their source token. */
  pieces: Token[];
}

/**
 * Sentences of (token, tag) pairs as sentences of project word units. Each source token
 * ("(د", "وإيران", "2002.") is cut by the same tokenizer the product uses; its tag goes to its word
 * pieces (B on the first, I on the rest) and punctuation pieces get O unless they sit between two
 * word pieces of the entity.
 */
const pieceCache = new Map<string, Token[]>();
const piecesOf = (tok: string): Token[] => {
  let p = pieceCache.get(tok);
  if (!p) { p = tokenize(tok); if (pieceCache.size < 500_000) pieceCache.set(tok, p); }
  return p;
};

export function toWordUnits(tokens: [string, string][]): AnerSentence {
  const cur: AnerSentence = { words: [], texts: [], labels: [], pieces: [] };
  let prevType = '';
  for (const [tok, rawTag] of tokens) {
    const tag = rawTag.replace('PERS', 'PER');
    const pieces = piecesOf(tok);
    if (!pieces.length) continue;
    const type = tag === 'O' ? '' : tag.slice(2);
    // An I- tag whose previous token had another type starts an entity.
    const begins = tag.startsWith('B-') || (tag.startsWith('I-') && prevType !== type);
    const wordIdx = pieces.map((p, i) => (p.kind !== 'punct' ? i : -1)).filter((i) => i >= 0);
    const firstW = wordIdx[0] ?? -1, lastW = wordIdx[wordIdx.length - 1] ?? -1;
    pieces.forEach((p, i) => {
      let l: Label = 'O';
      if (type && firstW >= 0 && i >= firstW && i <= lastW) l = ((i === firstW && begins ? 'B-' : 'I-') + type) as Label;
      else if (type && firstW < 0 && i === 0 && !begins) l = ('I-' + type) as Label; // punctuation inside a name
      cur.words.push({ norm: p.norm, kind: p.kind });
      cur.texts.push(p.text);
      cur.labels.push(l);
      cur.pieces.push(p);
    });
    prevType = type;
  }
  return cur;
}

/** Sentences of a CoNLL-like file: one "token<sep>tag" a line, a blank line between sentences. */
function readColumns(file: string, sep: RegExp): [string, string][][] {
  const out: [string, string][][] = [];
  let cur: [string, string][] = [];
  for (const line of fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (!line.trim()) { if (cur.length) out.push(cur); cur = []; continue; }
    const m = sep.exec(line);
    if (!m) continue;
    cur.push([line.slice(0, m.index).trim(), line.slice(m.index + m[0].length).trim()]);
  }
  if (cur.length) out.push(cur);
  return out;
}

// ---------------------------------------------------------------- ANERcorp

export function anercorpFile(shared: string): string {
  return path.join(shared, 'data', 'anercorp', 'train.txt');
}

export function readAnercorpTokens(file: string): [string, string][][] {
  return readColumns(file, / (?=\S+$)/);
}

export function readAnercorp(file: string): AnerSentence[] {
  return readAnercorpTokens(file).map(toWordUnits).filter((s) => s.words.length > 0);
}

/** Train / held-out split: the last sixth of the sentences is held out (the test part). */
export function splitAnercorp<T>(sents: T[]): { train: T[]; heldout: T[] } {
  const cut = sents.length - Math.floor(sents.length / 6);
  return { train: sents.slice(0, cut), heldout: sents.slice(cut) };
}

/** The training part again cut in two: the last fifth of it (a sixth of ANERcorp) is the dev part. */
export function splitAnercorpDev<T>(train: T[]): { fit: T[]; dev: T[] } {
  const cut = train.length - Math.floor(train.length / 5);
  return { fit: train.slice(0, cut), dev: train.slice(cut) };
}

// ---------------------------------------------------------------- WikiFANE

export function wikifaneFile(shared: string): string {
  return path.join(shared, 'data', 'wikifane', 'wikifane-gold.txt');
}

/**
 * WikiFANE's fine classes in the project's four types. "Group" (nationalities, religious and
 * ethnic groups: المسلمين، الفرنسيون، الاوروبيين) is not a name in ANERcorp's conventions, where
 * nationality words are O; vehicles, weapons and other products are MISC as in ANERcorp
 * (كلاشنيكوف، سوخوي). Classes not listed are O.
 */
export const WIKIFANE_TYPES: Record<string, 'PER' | 'ORG' | 'LOC' | 'MISC'> = {};
for (const c of ['Politician', 'Artist', 'Athlete', 'Scientist', 'Businessperson', 'Engineer', 'Lawyer', 'Police', 'Religious_PER', 'Other_PER']) WIKIFANE_TYPES[c] = 'PER';
for (const c of ['Government', 'Commercial', 'Educational', 'Media', 'Non-Governmental', 'Sports', 'Religious_ORG', 'Medical-Science', 'Entertainment']) WIKIFANE_TYPES[c] = 'ORG';
for (const c of ['Nation', 'Population-Center', 'State-or-Province', 'County-or-District', 'Continent', 'GPE-Cluster', 'Water-Body', 'Land-Region-Natural', 'Celestial', 'Building-Grounds', 'Subarea-Facility', 'Airport', 'Path']) WIKIFANE_TYPES[c] = 'LOC';
for (const c of ['Book', 'Movie', 'Software', 'Hardware', 'Sound', 'Air', 'Land', 'Water', 'Projectile', 'Blunt', 'Sharp', 'Shooting', 'Exploding', 'Nuclear', 'Food', 'Drug', 'Plant', 'Chemical']) WIKIFANE_TYPES[c] = 'MISC';

const PROCLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);
// Pronoun suffixes written apart (عاصمة ها → عاصمتها). "ي" and "ك" are left alone: as separate
// tokens they are mostly segmentation noise or the preposition ك; "كم" is mostly kilometres.
const ENCLITICS = new Set(['ه', 'ها', 'هم', 'هما', 'هن', 'نا']);
const ARABIC_WORD = /^[\u0621-\u064A]+$/;

/**
 * Re-join WikiFANE's clitic segmentation into written words, as ANERcorp and raw text have them:
 * "و ب الجزائر" → "وبالجزائر", "ل الدولة" → "للدولة", "عاصمة ها" → "عاصمتها". A word takes the tag of
 * its first part that is inside a name (a conjunction before a name is O, the name's B- tag goes
 * to the whole word, as in ANERcorp's "وإيران B-LOC").
 */
export function rejoinClitics(tokens: [string, string][]): [string, string][] {
  const out: [string, string][] = [];
  let pending: [string, string] | null = null; // proclitics waiting for their word
  for (const [raw, tag] of tokens) {
    const w = raw.replace(/[\u200E\u200F]/g, '');
    if (!w) continue;
    if (pending) {
      if (ARABIC_WORD.test(w)) {
        let word = w;
        if (pending[0].endsWith('ل') && w.startsWith('ال')) word = w.slice(1); // ل + الدولة → للدولة
        const t: string = pending[1] !== 'O' ? pending[1] : tag;
        if (PROCLITICS.has(w)) { pending = [pending[0] + word, t]; continue; }
        out.push([pending[0] + word, t]);
        pending = null;
        continue;
      }
      out.push(pending);
      pending = null;
    }
    if (PROCLITICS.has(w)) { pending = [w, tag]; continue; }
    const prev = out[out.length - 1];
    if (ENCLITICS.has(w) && prev && ARABIC_WORD.test(prev[0]) && prev[0].length >= 2) {
      prev[0] = prev[0].replace(/ة$/, 'ت') + w;
      continue;
    }
    out.push([w, tag]);
  }
  if (pending) out.push(pending);
  return out;
}

/** How ANERcorp labels each normalised word: [occurrences, inside a name, then alone as a
 *  one-word name of each type: PER, ORG, LOC, MISC]. */
export type WordStats = [number, number, number, number, number, number];
const TYPE_INDEX: Record<string, number> = { PER: 2, PERS: 2, ORG: 3, LOC: 4, MISC: 5 };

export function anercorpWordStats(sents: [string, string][][]): Map<string, WordStats> {
  const m = new Map<string, WordStats>();
  for (const s of sents) s.forEach(([w, t], k) => {
    const n = norm(w);
    const e = m.get(n) ?? [0, 0, 0, 0, 0, 0];
    e[0]++;
    if (t !== 'O') {
      e[1]++;
      const alone = t.startsWith('B-') && !(s[k + 1]?.[1] ?? 'O').startsWith('I-');
      if (alone) e[TYPE_INDEX[t.slice(2)]]++;
    }
    m.set(n, e);
  });
  return m;
}

/**
 * Align WikiFANE's spans with ANERcorp's conventions, with ANERcorp's own statistics as the guide
 * (no hand list): a leading word that ANERcorp almost never puts inside a name (titles الامير،
 * الشيخ، الملك; heads شركة، جمهورية; generic nouns الحكومة، الجيش) is left outside the span, as
 * ANERcorp does ("الملك [عبد الله]", "شركة [ابل]"). When nothing but such words or a word ANERcorp
 * only ever continues a name with ("المتحدة") would remain, the span is kept whole if its second
 * word only ever continues names ("المملكة المتحدة"), and dropped otherwise ("الحكومة المصرية", a
 * description, not a name).
 */
export function alignSpans(tokens: [string, string][], stats: Map<string, WordStats>, mapType: (fine: string) => string | undefined): [string, string][] {
  const oish = (w: string) => { const e = stats.get(norm(w)); return !!e && e[0] >= 3 && e[1] <= 0.1 * e[0]; };
  const out: [string, string][] = tokens.map(([w]) => [w, 'O']);
  let i = 0;
  while (i < tokens.length) {
    const tag = tokens[i][1];
    if (tag === 'O') { i++; continue; }
    const fine = tag.slice(2);
    let j = i + 1;
    while (j < tokens.length && tokens[j][1] === 'I-' + fine) j++;
    const type = mapType(fine);
    if (type) {
      let a = i;
      while (a < j && oish(tokens[a][0])) a++;
      // A word ANERcorp only ever has inside a name, never first ("المتحدة"): the head stays.
      const n = a < j ? norm(tokens[a][0]) : '';
      const e = stats.get(n);
      if (a > i && a < j && e && e[0] >= 2 && e[1] === e[0] && !startsNames.has(n)) a = i;
      if (a < j) for (let k = a; k < j; k++) out[k][1] = (k === a ? 'B-' : 'I-') + type;
    }
    i = j;
  }
  // Words WikiFANE leaves outside names but ANERcorp tags alone as MISC nearly always
  // (currencies, religions, prizes: دولار، الاسلام، نوبل) get ANERcorp's tag, so the two corpora
  // do not teach opposite things about the same word. (Places and people WikiFANE leaves out are
  // other senses of the word: مشهد "scene", عمان; those stay O.)
  for (let k = 0; k < out.length; k++) {
    if (out[k][1] !== 'O' || (k > 0 && out[k - 1][1] !== 'O') || (k + 1 < out.length && out[k + 1][1] !== 'O')) continue;
    const e = stats.get(norm(out[k][0]));
    if (!e || e[0] < MIN_IMPORT) continue;
    if (e[5] >= IMPORT_SHARE * e[0]) out[k][1] = 'B-MISC';
  }
  return out;
}

const MIN_IMPORT = 5;
const IMPORT_SHARE = 0.7;

/** Normalised words that ANERcorp has as the first word of a name (filled by readWikifane). */
const startsNames = new Set<string>();

export interface WikiSentence extends AnerSentence {
  /** Index of the article block the sentence belongs to. */
  block: number;
}

/**
 * WikiFANE as project word units, in ANERcorp's conventions. `anerTrain` is the ANERcorp training
 * part: only its statistics guide the alignment (never the held-out part).
 */
export function readWikifane(file: string, anerTrain: [string, string][][]): WikiSentence[] {
  const stats = anercorpWordStats(anerTrain);
  startsNames.clear();
  for (const s of anerTrain) s.forEach(([w, t], k) => { if (t.startsWith('B-') || (t.startsWith('I-') && (k === 0 || s[k - 1][1] === 'O'))) startsNames.add(norm(w)); });
  const raw = readColumns(file, /\t/);
  const blocks = articleBlocks(raw);
  const out: WikiSentence[] = [];
  raw.forEach((s, k) => {
    const joined = rejoinClitics(s);
    const aligned = alignSpans(joined, stats, (f) => WIKIFANE_TYPES[f]);
    const u = toWordUnits(aligned);
    if (u.words.length) out.push({ ...u, block: blocks[k] });
  });
  return out;
}

/**
 * Article blocks of WikiFANE. The file has no article marks, but an article opens with a
 * definition ("X ، هي دولة …", "X ( بالانجليزية : … ) هو …"): NUM_BLOCKS blocks of about equal
 * size, each boundary moved forward to the next such opening sentence, so that no article is cut
 * (a missed opening only merges two articles into one block).
 */
export const NUM_BLOCKS = 40;
export function articleBlocks(sents: [string, string][][]): number[] {
  const opens = sents.map((s) => {
    const ws = s.slice(0, 14).map(([w]) => w.replace(/[\u200E\u200F]/g, ''));
    return s[0][1] !== 'O' && ws.some((w) => w === 'هو' || w === 'هي' || w === 'هم' || w === 'هما');
  });
  const size = sents.length / NUM_BLOCKS;
  const starts: number[] = [0];
  for (let b = 1; b < NUM_BLOCKS; b++) {
    let at = Math.round(b * size);
    while (at < sents.length && !opens[at]) at++;
    if (at > starts[starts.length - 1] && at < sents.length) starts.push(at);
  }
  const block = new Array<number>(sents.length);
  let b = 0;
  for (let k = 0; k < sents.length; k++) { while (b + 1 < starts.length && k >= starts[b + 1]) b++; block[k] = b; }
  return block;
}

/** WikiFANE split by article blocks: every eighth block is test, the blocks four later are dev. */
export function splitWikifane<T extends { block: number }>(sents: T[]): { train: T[]; dev: T[]; test: T[] } {
  return {
    train: sents.filter((s) => s.block % 8 !== 7 && s.block % 8 !== 3),
    dev: sents.filter((s) => s.block % 8 === 3),
    test: sents.filter((s) => s.block % 8 === 7),
  };
}

// ---------------------------------------------------------------- ANS (unlabelled)

/** Distinct sentences of ANS train (headlines and their rewrites), as word units. */
export function readAnsSentences(shared: string): NerWord[][] {
  const file = path.join(shared, 'data', 'ans', 'train.csv');
  if (!fs.existsSync(file)) return [];
  const seen = new Set<string>();
  const out: NerWord[][] = [];
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/).slice(1)) {
    // Columns s1,s2,stance; the sentences have no commas of their own in practice, but quoted
    // fields are handled anyway.
    const fields = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((f) => f.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')) ?? [];
    for (const f of fields.slice(0, 2)) {
      if (!f || seen.has(f)) continue;
      seen.add(f);
      out.push(tokenize(f).map((t) => ({ norm: t.norm, kind: t.kind })));
    }
  }
  return out;
}

/** Spans [start, end, type] of a BIO label sequence (label indices or names). */
export function spansOf(labels: readonly string[]): [number, number, string][] {
  const out: [number, number, string][] = [];
  let s = -1, type = '';
  labels.forEach((l, i) => {
    if (l.startsWith('B-') || (l.startsWith('I-') && l.slice(2) !== type) || l === 'O') {
      if (s >= 0) out.push([s, i, type]);
      s = -1; type = '';
      if (l !== 'O') { s = i; type = l.slice(2); }
    }
  });
  if (s >= 0) out.push([s, labels.length, type]);
  return out;
}
