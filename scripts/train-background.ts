// `npm run train:background`: the background vocabulary of cross-checking (server/models/background.json):
// in how many sentences of general Arabic text each matching key occurs, so that a word's weight as
// evidence says how informative it is in general — not in the folder being read, where a story's
// own words are everywhere. From the shippable corpora in ../shared/data: ANERcorp (news, CC BY-SA
// 4.0), WikiFANE (Wikipedia, CC BY-SA 3.0) and the ANS sentences (news headlines, Apache-2.0).
// Deterministic. Keys seen in fewer than two sentences are left out (they weigh as unseen).
import * as fs from 'fs';
import * as path from 'path';
import { tokenize } from '../server/src/engine/text/tokens';
import { wordKeys } from '../server/src/engine/crosscheck/stems';
import { readCsv } from './eval/crosscheck';
import { requireShared } from './sharedData';

const repo = path.resolve(__dirname, '..');

/** Sentences of a one-token-per-line corpus ("token TAG" or "token<TAB>TAG", blank line between). */
function conllSentences(file: string): string[] {
  const out: string[] = [];
  let words: string[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const token = line.replace(/[\uFEFF\u200E\u200F]/g, '').trim().split(/[\t ]/)[0];
    if (!token) { if (words.length) out.push(words.join(' ')); words = []; continue; }
    words.push(token);
  }
  if (words.length) out.push(words.join(' '));
  return out;
}

/** WikiFANE writes clitics apart ("و الحكومة", "عاصمة ها"); joined back as news writes them. */
function joinClitics(sentence: string): string {
  return sentence.replace(/(^| )([وفبكل]) (?=\S)/g, '$1$2').replace(/ (ها|هم|هما|هن|ه|ي|نا|كم|ك)(?= |$)/g, '$1');
}

function main(): void {
  const shared = requireShared('npm run train:background', ['data/anercorp/train.txt', 'data/wikifane/wikifane-gold.txt', 'data/ans/train.csv']);
  const sources: [string, string[]][] = [
    ['ANERcorp', conllSentences(path.join(shared, 'data', 'anercorp', 'train.txt'))],
    ['WikiFANE', conllSentences(path.join(shared, 'data', 'wikifane', 'wikifane-gold.txt')).map(joinClitics)],
    ['ANS', [...new Set(['train.csv', 'dev.csv'].flatMap((f) => readCsv(path.join(shared, 'data', 'ans', f)).flatMap((r) => [r.s1, r.s2])))]],
  ];
  const df = new Map<string, number>();
  let docs = 0;
  for (const [name, sentences] of sources) {
    for (const s of sentences) {
      const keys = new Set(tokenize(s).filter((t) => t.kind === 'word').map((t) => wordKeys(t.stem)[0]));
      for (const k of keys) df.set(k, (df.get(k) ?? 0) + 1);
      docs++;
    }
    console.log(`${name}: ${sentences.length} sentences`);
  }
  const kept: Record<string, number> = {};
  for (const k of [...df.keys()].sort()) if (df.get(k)! >= 2) kept[k] = df.get(k)!;
  const model = {
    about: 'Qarina background vocabulary: for each matching key of cross-checking (a light-stemmed word, server/src/engine/crosscheck/stems.ts), the number of sentences of general Arabic text it occurs in, out of `docs`. Written by scripts/train-background.ts (npm run train:background).',
    attribution: 'Derived from ANERcorp (Benajiba, Rosso & Benedí Ruiz 2007; CAMeL Lab split, Obeid et al. 2020), licensed CC BY-SA 4.0; WikiFANE Gold (Alotaibi & Lee, COLING 2014), licensed CC BY-SA 3.0; and the ANS corpus (Khouja 2020, github.com/latynt/ans), licensed Apache-2.0. This file is a derivative of CC BY-SA works and is distributed under CC BY-SA 4.0.',
    docs,
    df: kept,
  };
  const out = path.join(repo, 'server', 'models', 'background.json');
  fs.writeFileSync(out, JSON.stringify(model) + '\n');
  console.log(`wrote ${path.relative(repo, out)}: ${docs} sentences, ${Object.keys(kept).length} keys (${(fs.statSync(out).size / 1024).toFixed(0)} KB)`);
}

main();
