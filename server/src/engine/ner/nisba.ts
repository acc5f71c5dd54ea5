// Nationality adjectives and demonyms are not names (ANERcorp and the project agree: الأميركي,
// إيرانيان, عمانيين). The tagger sometimes takes a one-word demonym of an unfamiliar spelling for
// a name; the morphology says otherwise: a place name plus a nisba ending (ي, ية, يون, يين,
// يان, يا, ...) is a demonym. Place names come from ICU's region list and the training names.
import type { EntityMention, Token } from '../model';
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

/** A word the labelled text knows as a common word: seen MIN_COMMON times, mostly outside names. */
const MIN_COMMON = 3;
const COMMON_SHARE = 0.5;

/** Whether a normalised word carries the article (ال, or لل after the preposition). */
function hasArticle(n: string): boolean {
  return /(ال|لل)$/.test(n.slice(0, splitProclitics(n).prefixLength));
}

/** An organisation head learned from the labelled text (حزب, جامعه: the first word of ORG names). */
function isHead(n: string, lex: Lexicon): boolean {
  return /\bhORG\b/.test(lex.res?.triggers.get(splitProclitics(n).stem) ?? '');
}

function isCommonWord(normForm: string, lex: Lexicon): boolean {
  const e = lex.cores.get(splitProclitics(normForm).stem);
  return !!e && e[0] >= MIN_COMMON && (e[1] + e[2] + e[3] + e[4]) / e[0] < COMMON_SHARE;
}

/**
 * An organisation named by common words alone says whose it is with a nationality adjective that
 * belongs to the name: «مجلس الأمن القومي الأميركي», «الحرس الثوري الإيراني», «وكالة الأنباء
 * المصرية» (ANERcorp's training part: 156 such adjectives inside an ORG name, 74 outside; the project's
 * GUIDELINES the same). A name that is itself a proper name leaves the adjective outside as a
 * description: «نادي تشيلسي الإنجليزي», «نوكيا الفنلندية», «فيلق القدس الإيراني». The tagger
 * cannot see that difference (a feature of the whole span), so the span grows here, after decoding:
 * an ORG mention whose every word is a common word in the labelled text, followed directly by a
 * demonym with the article, takes it in (and trimNationality, below, does the reverse).
 */
export function ownerAdjectives(sentences: { tokens: Token[] }[], text: string, mentions: EntityMention[], lex: Lexicon): EntityMention[] {
  if (!mentions.some((m) => m.type === 'ORG')) return mentions;
  const out = mentions.slice();
  for (const { tokens } of sentences) {
    if (!tokens.length) continue;
    const from = tokens[0].start, to = tokens[tokens.length - 1].end;
    for (let k = 0; k < out.length; k++) {
      const m = out[k];
      if (m.type !== 'ORG' || m.start < from || m.end > to) continue;
      const a = tokens.findIndex((t) => t.end > m.start);
      const j = tokens.findIndex((t) => t.end === m.end);
      const next = tokens[j + 1];
      if (a < 0 || j < a || !next || next.kind !== 'word' || !next.norm.startsWith('ال')) continue;
      if (!isDemonym(next.text, lex)) continue;
      if (out.some((x) => x !== m && x.start < next.end && next.start < x.end)) continue;
      let common = true;
      for (let i = a; i <= j && common; i++) common = tokens[i].kind === 'word' && isCommonWord(tokens[i].norm, lex);
      if (!common) continue;
      out[k] = { ...m, end: next.end, text: text.slice(m.start, next.end) };
    }
  }
  return trimNationality(sentences, text, out, lex);
}

/**
 * The other side of ownerAdjectives: an organisation whose name holds a proper name (a word
 * without the article that is neither a common word nor an organisation head) leaves a nationality
 * adjective after it outside, as ANERcorp does («[نادي تشيلسي] الإنجليزي», «[جامعة ريكو]
 * اليابانية», «[لوموند] الفرنسية»); the tagger sometimes runs the name over it. (Trimming a
 * nationality adjective at the start of a name as well, «للكيني [كيبلاغات كيبكورير]», gave +1 news
 * / −3 Wikipedia dev names: not kept.)
 */
function trimNationality(sentences: { tokens: Token[] }[], text: string, mentions: EntityMention[], lex: Lexicon): EntityMention[] {
  const out: EntityMention[] = [];
  let s = 0;
  for (const m of mentions) {
    while (s < sentences.length && (!sentences[s].tokens.length || sentences[s].tokens[sentences[s].tokens.length - 1].end <= m.start)) s++;
    const tokens = sentences[s]?.tokens ?? [];
    const a = tokens.findIndex((t) => t.end > m.start);
    const j = tokens.findIndex((t) => t.end === m.end);
    if (a < 0 || j <= a) { out.push(m); continue; }
    const start = m.start;
    let end = m.end;
    const last = tokens[j];
    if (m.type === 'ORG' && last.kind === 'word' && last.norm.startsWith('ال') && isDemonym(last.text, lex)) {
      let proper = false;
      for (let i = a; i < j && !proper; i++) proper = tokens[i].kind === 'word' && !hasArticle(tokens[i].norm) && !isCommonWord(tokens[i].norm, lex) && !isHead(tokens[i].norm, lex);
      if (proper && tokens[j - 1].kind === 'word') end = tokens[j - 1].end;
    }
    out.push(end === m.end ? m : { ...m, end, text: text.slice(start, end) });
  }
  return out;
}
