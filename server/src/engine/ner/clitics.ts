// Where a name starts inside its first word. ANERcorp (and therefore the tagger) works on whole
// words, so "وإيران" is tagged as one word; by the project's convention the conjunction و/ف and the
// prepositions ب/ك/ل stay outside the span, while the article ال stays inside ("الشرق الأوسط").
// Many names begin with those letters themselves (واشنطن, بغداد, لبنان, فرنسا), so the cut is chosen
// by evidence: how often each candidate form was the first word of a name in training (and in the
// region gazetteer); without evidence only the unambiguous cases are cut.
import type { EntityMention, Token } from '../model';
import { norm } from '../text/normalize';

/** Candidate cuts (in normalised letters) of a normalised word, fewest letters first. */
export function cliticCuts(n: string): number[] {
  const cuts = [0];
  if (!/^[\u0621-\u064A]/.test(n)) return cuts;
  let i = 0;
  if ((n[0] === 'و' || n[0] === 'ف') && n.length - 1 >= 3) { i = 1; cuts.push(1); }
  if (n.startsWith('لل', i) && n.length - i - 1 >= 3) cuts.push(i + 1);
  else if ('بكل'.includes(n[i]) && n.length - i - 1 >= 3) cuts.push(i + 1);
  return cuts;
}

/** Form after the cut, spelled as a name would be spelled alone (لل… → ال… for the lookup). */
function formAfter(n: string, cut: number): string {
  const rest = n.slice(cut);
  return cut > 0 && n[cut - 1] === 'ل' && rest.startsWith('ل') && n.startsWith('لل', cut - 1) ? 'ا' + rest : rest;
}

/**
 * Number of normalised letters to leave out at the front of a name's first word.
 * `known(form)` says how much evidence there is that `form` starts a name.
 */
export function chooseCut(n: string, known: (form: string) => number): number {
  const cuts = cliticCuts(n);
  if (cuts.length === 1) return 0;
  const full = known(n);
  let best = 0, bestScore = full;
  for (const c of cuts.slice(1)) {
    const s = known(formAfter(n, c));
    // A preposition glued to a name is rarer than a name that starts with ب/ك/ل (بريت, لبنان):
    // cutting one needs clearly more evidence than keeping it.
    const isPreposition = !(c === 1 && (n[0] === 'و' || n[0] === 'ف')) && !n.slice(c).startsWith('ال') && !n.startsWith('لل', c - 1);
    if (isPreposition && s < 3 * (full + 1)) continue;
    if (s > bestScore) { best = c; bestScore = s; }
  }
  if (bestScore > 0) return best;
  // No evidence: cut only what cannot be part of a name — a conjunction before a long word, and
  // a preposition before the article (بال…, كال…, and لل… where the article's alef is elided).
  let cut = 0;
  if (n[0] === 'و' && n.length - 1 >= 3) cut = 1;
  if (/^[بك]ال/.test(n.slice(cut)) && n.length - cut - 3 >= 2) cut += 1;
  else if (n.startsWith('لل', cut) && n.length - cut - 2 >= 2) cut += 1;
  return cut;
}

/** Map a count of normalised letters at the front of `word` to original code units (marks kept with their letter). */
export function originalCut(word: string, normCount: number): number {
  if (normCount === 0) return 0;
  let seen = 0;
  for (let i = 0; i < word.length; i++) {
    if (norm(word[i]).length > 0) {
      seen++;
      if (seen === normCount) {
        let j = i + 1;
        while (j < word.length && norm(word[j]).length === 0) j++;
        return j;
      }
    }
  }
  return word.length;
}

/** ب + the article at the start of a word, after an optional و/ف: «بالبيت», «وبالتعاون». */
const PREPOSITION_ARTICLE = /^[وف]?بال/;

/**
 * A word that starts with the preposition ب and the article ("at the …", "with the …") does not
 * continue the name of an organisation, place or thing before it: «مجلس الأمن القومي | بالبيت
 * الأبيض», «جامعة الدول العربية | بالتنسيق». In ANERcorp's training part, of the 50 such words
 * right after an ORG, LOC or MISC word none is inside the name (the three inside names are parts
 * of persons' names: بالاك, المعتز بالله). The tagger sometimes runs through them; the mention
 * ends before such a word.
 */
export function endBeforePrepositions(sentences: { tokens: Token[] }[], text: string, mentions: EntityMention[]): EntityMention[] {
  const out: EntityMention[] = [];
  let s = 0;
  for (const m of mentions) {
    if (m.type === 'PER') { out.push(m); continue; }
    while (s < sentences.length && (!sentences[s].tokens.length || sentences[s].tokens[sentences[s].tokens.length - 1].end <= m.start)) s++;
    const tokens = sentences[s]?.tokens ?? [];
    let end = m.end;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.start <= m.start || t.start >= m.end) continue;
      if (t.kind === 'word' && PREPOSITION_ARTICLE.test(t.norm) && t.norm.length >= 6) {
        let k = i - 1;
        while (k >= 0 && tokens[k].kind === 'punct' && tokens[k].start > m.start) k--;
        end = tokens[k].end;
        break;
      }
    }
    out.push(end === m.end ? m : { ...m, end, text: text.slice(m.start, end) });
  }
  return out;
}
