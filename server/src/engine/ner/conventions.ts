// Where the project's annotation conventions (shared/gold/seeds/GUIDELINES.md) differ from
// ANERcorp's, which the model learned. Two systematic differences, applied as general rules:
//  - ANERcorp leaves the polity noun out of a place name ("قطاع [غزة]", "سلطنة [عمان]"); the
//    project keeps it when it is part of the usual name of the place: a sultanate, kingdom,
//    emirate, republic or strip directly followed by the place name (construct state, no article).
//  - ANERcorp never tags ministries ("وزارة الخارجية" is O throughout); the project tags them as
//    ORG, with a following nisba adjective that says whose ministry it is ("وزارة الخارجية الأميركية").
//  - ANERcorp tags the White House MISC, like mosques, towers and palaces (its Kremlin and Pentagon
//    are ORG); the project tags an institution called after its seat as ORG (seatsAsOrganisations).
import type { EntityMention, Token } from '../model';
import { originalCut } from './clitics';
import { norm } from '../text/normalize';

const POLITY_HEADS = new Set(['سلطنه', 'مملكه', 'جمهوريه', 'قطاع', 'اماره']);
const MINISTRY = 'وزاره';

/**
 * If the word is one of `heads`, possibly behind و/ف and ب/ك/ل ("ووزارة", "لوزارة", "بسلطنة"),
 * the original offset where the head starts; -1 otherwise.
 */
function headStart(t: Token, heads: Set<string>): number {
  const n = t.norm;
  for (const conj of [0, 1]) {
    if (conj && !(n[0] === 'و' || n[0] === 'ف')) continue;
    for (const prep of [0, 1]) {
      if (prep && !'بكل'.includes(n[conj] ?? '')) continue;
      const cut = conj + prep;
      if (heads.has(n.slice(cut))) return t.start + originalCut(t.text, cut);
    }
  }
  return -1;
}

const MINISTRY_HEADS = new Set([MINISTRY]);

export function applyConventions(sentences: { tokens: Token[] }[], text: string, mentions: EntityMention[]): EntityMention[] {
  let list = mentions.slice();
  for (const { tokens } of sentences) {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind !== 'word') continue;
      let start = headStart(t, POLITY_HEADS);
      if (start >= 0 && i + 1 < tokens.length) {
        const next = tokens[i + 1];
        const m = list.find((x) => x.type === 'LOC' && x.start === next.start);
        // The head may have been tagged as a place on its own («[سلطنة] [عمان]»): it joins the name.
        const head = list.filter((x) => x !== m && x.start < next.start && start < x.end);
        if (m && head.every((x) => x.type === 'LOC' && x.start >= start && x.end <= t.end)) {
          list = list.filter((x) => !head.includes(x)).map((x) => (x === m ? { ...m, start, text: text.slice(start, m.end) } : x));
        }
      }
      start = headStart(t, MINISTRY_HEADS);
      if (start >= 0 && i + 1 < tokens.length) {
        const n1 = tokens[i + 1];
        if (n1.kind !== 'word' || !n1.norm.startsWith('ال') || n1.norm.length < 4) continue;
        let end = n1.end;
        const n2 = tokens[i + 2];
        if (n2 && n2.kind === 'word' && n2.norm.startsWith('ال') && /يه$/.test(n2.norm) && n2.norm.length >= 6) end = n2.end;
        // A ministry phrase replaces whatever the model put inside it, unless a longer name holds it.
        if (list.some((x) => x.start <= start && x.end >= end && x.end - x.start > end - start)) continue;
        list = list.filter((x) => !(x.start < end && start < x.end));
        list.push({ start, end, type: 'ORG', text: text.slice(start, end), confidence: 0.8 });
      }
    }
  }
  return list.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * A name tagged MISC that names an institution after its seat («البيت الأبيض أعلن») is ORG in the
 * project's conventions. `seats` holds the normalised names WordNet gives both a building and an
 * organisation sense (scripts/train/ner-senses.ts, shipped in the model). Applied after corpus
 * consistency, which pools the model's own (ANERcorp) types.
 */
export function seatsAsOrganisations(mentions: EntityMention[], seats: Set<string>): EntityMention[] {
  if (!seats.size) return mentions;
  return mentions.map((m) => (m.type === 'MISC' && seats.has(norm(m.text)) ? { ...m, type: 'ORG' } : m));
}

/** Nouns that head the name of an armed or political group («تنظيم داعش», «جماعة الحوثي», «حركة
 *  حماس»): written before the name, outside it. General Arabic news vocabulary, written by hand. */
const GROUP_HEADS = new Set(['تنظيم', 'جماعه', 'حركه', 'ميليشيا', 'ميليشيات', 'مليشيا', 'مليشيات', 'فصيل'].map(norm));

/**
 * A name that the corpus writes right after a group head noun anywhere («تنظيم "داعش"») is a group
 * (ORG), wherever it is written: the tagger, trained on news from before the group existed, may read
 * it as a place, and corpus consistency then spreads that reading («مقتل … في اشتباكات مع «داعش»»
 * placed the group like a town). Only LOC and MISC readings are changed.
 */
export function groupsAsOrganisations(docs: Map<string, EntityMention[]>, texts: Map<string, string>): Map<string, EntityMention[]> {
  const groups = new Set<string>();
  for (const [path, ms] of docs) {
    const text = texts.get(path) ?? '';
    for (const m of ms) {
      // The word before the name, across spaces and quote marks.
      const before = /([\p{L}]+)[\s"«“'»”]*$/u.exec(text.slice(Math.max(0, m.start - 24), m.start));
      if (before && GROUP_HEADS.has(norm(before[1]).replace(/^[وف]/, '')) && !GROUP_HEADS.has(norm(m.text.split(/\s+/)[0]))) groups.add(norm(m.text));
    }
  }
  if (!groups.size) return docs;
  const out = new Map<string, EntityMention[]>();
  for (const [path, ms] of docs) out.set(path, ms.map((m) => ((m.type === 'LOC' || m.type === 'MISC') && groups.has(norm(m.text)) ? { ...m, type: 'ORG' } : m)));
  return out;
}
