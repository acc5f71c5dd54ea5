// Nationality adjectives and demonyms are not names (ANERcorp and the project agree: الأميركي,
// إيرانيان, عمانيين). The tagger sometimes takes a one-word demonym of an unfamiliar spelling for
// a name; the morphology says otherwise: a place name plus a nisba ending (ي, ية, يون, يين,
// يان, يا, ...) is a demonym. Place names come from ICU's region list and the training names.
import type { EntityMention } from '../model';
import { norm } from '../text/normalize';
import { splitProclitics } from '../text/tokens';
import { regionGazetteer } from '../gazetteer/regions';
import type { Lexicon } from './features';

const NISBA_ENDINGS = ['يتين', 'يين', 'يون', 'يان', 'يتان', 'يه', 'يا', 'ي'];

const places = new WeakMap<Lexicon, Set<string>>();

function placeCores(lex: Lexicon): Set<string> {
  const hit = places.get(lex);
  if (hit) return hit;
  const s = new Set<string>();
  const add = (name: string) => {
    if (name.includes(' ')) return;
    s.add(splitProclitics(name).stem);
  };
  for (const [name, type] of regionGazetteer().names) if (type === 'LOC') add(name);
  for (const [name, type] of lex.names.names) if (type === 'LOC') add(name);
  places.set(lex, s);
  return s;
}

/** Whether a one-word mention is a demonym of a known place ("إيرانياً" → إيران + يا). */
export function isDemonym(text: string, lex: Lexicon): boolean {
  const n = norm(text);
  if (/\s/.test(n)) return false;
  const core = splitProclitics(n).stem;
  const p = placeCores(lex);
  if (p.has(core)) return false;
  for (const end of NISBA_ENDINGS) {
    if (!core.endsWith(end) || core.length - end.length < 3) continue;
    const base = core.slice(0, -end.length);
    // إيران → إيراني; أميركا → أميركي; سوريا → سوري (a final alef or يا gives way to the ending).
    if (p.has(base) || p.has(base + 'ا') || p.has(base + 'ه') || p.has(base + 'يا')) return true;
  }
  return false;
}

export function dropDemonyms(mentions: EntityMention[], lex: Lexicon): EntityMention[] {
  return mentions.filter((m) => !isDemonym(m.text, lex));
}
