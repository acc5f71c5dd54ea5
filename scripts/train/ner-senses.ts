// Coarse word senses for the NER, from Arabic WordNet and Wiktionary (Open Multilingual Wordnet,
// ../shared/data/wordnet, CC BY-SA 3.0) joined with Princeton WordNet 3.0's hypernyms (Debian
// package wordnet-base, /usr/share/wordnet): whether a word names an organisation (حزب، فيلق،
// وزارة، جيش), another group, a person (رئيس، جنرال), a place, a building, a residence, a time.
// Training data never shows most organisation heads of new news («فيلق» is in neither ANERcorp nor
// WikiFANE); WordNet knows them as kinds of "organization", so the model can learn from the heads
// it has seen (حزب، مجلس، منظمة) what such a head does to the words after it.
import * as fs from 'fs';
import * as path from 'path';
import { norm } from '../../server/src/engine/text/normalize';

export const WORDNET_DIR = process.env.WORDNET_DIR ?? '/usr/share/wordnet';

// Princeton WordNet 3.0 noun synsets whose hyponyms get a sense letter.
const ROOTS: [string, string][] = [
  ['08008335', 'o'], // organization, organisation
  ['04341686', 'b'], // structure, construction (buildings)
  ['03259505', 'r'], // dwelling, home (residences, palaces)
];
// Lexicographer files (supersenses) that get a letter of their own.
const LEXFILES: Record<string, string> = { '14': 'g', '18': 'p', '15': 'l', '28': 't', '10': 'c' };

/** Whether instances (proper nouns: علي the person, بالي the island) get senses too. */
const INSTANCES = process.env.NER_SENSE_INSTANCES !== '0';

/** Synset id ("08212527-n") → its sense letters, from WordNet's noun data. */
function synsetLetters(dir: string): Map<string, string> {
  const hyper = new Map<string, string[]>();
  const skip = new Set<string>();
  const lexfile = new Map<string, string>();
  for (const line of fs.readFileSync(path.join(dir, 'data.noun'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' ');
    const id = f[0];
    lexfile.set(id, f[1]);
    const w = parseInt(f[3], 16);
    let k = 4 + 2 * w;
    const p = Number(f[k++]);
    const ups: string[] = [];
    let instance = false;
    for (let j = 0; j < p; j++, k += 4) {
      if ((f[k] === '@' || f[k] === '@i') && f[k + 2] === 'n') ups.push(f[k + 1]);
      if (f[k] === '@i') instance = true;
    }
    hyper.set(id, ups);
    if (instance && !INSTANCES) skip.add(id);
  }
  const memo = new Map<string, Set<string>>();
  const ancestors = (id: string): Set<string> => {
    let s = memo.get(id);
    if (s) return s;
    s = new Set([id]);
    memo.set(id, s);
    for (const u of hyper.get(id) ?? []) for (const a of ancestors(u)) s.add(a);
    return s;
  };
  const out = new Map<string, string>();
  for (const id of hyper.keys()) {
    if (skip.has(id)) continue;
    const anc = ancestors(id);
    let letters = LEXFILES[lexfile.get(id)!] ?? '';
    for (const [root, l] of ROOTS) if (anc.has(root)) letters += l;
    if (letters) out.set(id + '-n', letters);
  }
  return out;
}

/** The key a lemma or word is looked up by: normalised, without the article. */
export const senseKey = (s: string) => { const n = norm(s); return n.startsWith('ال') && n.length >= 5 ? n.slice(2) : n; };

/**
 * Normalised Arabic single-word noun lemma (article removed) → its sense letters, sorted and
 * unique ("go": a group that is an organisation). Nouns with none of the senses are left out.
 */
export function wordSenses(shared: string, dir = WORDNET_DIR): Map<string, string> {
  const letters = synsetLetters(dir);
  const acc = new Map<string, Set<string>>();
  const files = ['arb-wn-data-arb.tab', 'arb-wn-nodia-arb.tab', 'wikt-arb.tab'].map((f) => path.join(shared, 'data', 'wordnet', f));
  for (const file of files) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const [id, kind, lemma] = line.split('\t');
      if (!lemma || !id.endsWith('-n') || !(kind === 'lemma' || kind === 'arb:lemma' || kind === 'arb:lemma:brokenplural')) continue;
      const l = letters.get(id);
      if (!l) continue;
      const key = senseKey(lemma.trim());
      if (!/^[\u0621-\u064A]{2,}$/.test(key)) continue;
      let s = acc.get(key);
      if (!s) acc.set(key, (s = new Set()));
      for (const c of l) s.add(c);
    }
  }
  const out = new Map<string, string>();
  for (const [k, s] of [...acc].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out.set(k, [...s].sort().join(''));
  return out;
}

/**
 * Names of institutions called after their seat: proper names that Princeton WordNet lists both
 * as a building (an instance: the White House the residence, the Pentagon the building) and, under
 * the same English name, as an organisation or group (the White House, "the chief executive
 * department of the United States government"; the Pentagon, "the United States military
 * establishment"). With the Arabic lemmas of Arabic WordNet and Wiktionary that gives البيت الأبيض,
 * البنتاغون and وزارة الدفاع الأمريكية (Downing Street is a street, the Kremlin only a citadel). The
 * project's convention (shared/gold/seeds) tags such a name as ORG where ANERcorp, which the model
 * learned, tags the White House MISC like a mosque or a tower (its Kremlin and Pentagon are ORG):
 * conventions.ts retypes a MISC mention whose text is one of these names. Normalised Arabic
 * lemmas of either synset (Arabic WordNet, Wiktionary), sorted.
 */
export function seatNames(shared: string, dir = WORDNET_DIR): string[] {
  const letters = synsetLetters(dir);
  const lemmasOf = new Map<string, string[]>();
  const instanceBuilding = new Set<string>();
  for (const line of fs.readFileSync(path.join(dir, 'data.noun'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' ');
    const w = parseInt(f[3], 16);
    const lemmas = Array.from({ length: w }, (_, j) => f[4 + 2 * j].toLowerCase());
    lemmasOf.set(f[0], lemmas);
    let k = 4 + 2 * w;
    const p = Number(f[k++]);
    let instance = false;
    for (let j = 0; j < p; j++, k += 4) if (f[k] === '@i') instance = true;
    const l = letters.get(f[0] + '-n') ?? '';
    if (instance && /[br]/.test(l)) instanceBuilding.add(f[0]);
  }
  // English lemma → its noun synsets; a lemma with an organisation synset and an instance-building one.
  const synsetsOf = new Map<string, string[]>();
  for (const [id, ls] of lemmasOf) for (const l of ls) { let a = synsetsOf.get(l); if (!a) synsetsOf.set(l, (a = [])); a.push(id); }
  const seatSynsets = new Set<string>();
  for (const ids of synsetsOf.values()) {
    if (!ids.some((id) => instanceBuilding.has(id)) || !ids.some((id) => /[og]/.test(letters.get(id + '-n') ?? ''))) continue;
    for (const id of ids) if (instanceBuilding.has(id) || /[og]/.test(letters.get(id + '-n') ?? '')) seatSynsets.add(id);
  }
  const out = new Set<string>();
  const files = ['arb-wn-data-arb.tab', 'arb-wn-nodia-arb.tab', 'wikt-arb.tab'].map((f) => path.join(shared, 'data', 'wordnet', f));
  for (const file of files) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const [id, kind, lemma] = line.split('\t');
      if (!lemma || !id.endsWith('-n') || !(kind === 'lemma' || kind === 'arb:lemma') || !seatSynsets.has(id.slice(0, -2))) continue;
      const key = norm(lemma.trim());
      if (/^[\u0621-\u064A]{2,}( [\u0621-\u064A]{2,})*$/.test(key)) out.add(key);
    }
  }
  return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

// `tsx scripts/train/ner-senses.ts word…`: the senses of some words (development aid).
if (process.argv[1] && /ner-senses\.ts$/.test(process.argv[1])) {
  const m = wordSenses(path.resolve(__dirname, '..', '..', '..', 'shared'));
  console.log(`${m.size} words, ${[...m].reduce((n, [k, v]) => n + k.length + v.length + 2, 0)} characters`);
  for (const w of process.argv.slice(2)) console.log(w, m.get(senseKey(w)) ?? '-');
  if (process.env.SEATS) console.log(seatNames(path.resolve(__dirname, '..', '..', '..', 'shared')).join('\n'));
}
