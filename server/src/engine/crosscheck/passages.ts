// Quotations two sentences print word for word: a speaker's words restated by two outlets («نحن في
// حداد بسبب عمل إرهابي»). A long enough run of quoted words shared by both, with content words that
// are not names or titles, is the same statement however much else the two sentences add (a toll,
// who said it, where). Only quoted words: outside quotes, long shared runs are mostly official
// titles and the names of bodies («وكيل الوزارة للتفتيش وتطوير بيئة العمل»), which state nothing
// (measured on four news days: most such links were wrong).
import { norm } from '../text/normalize';
import { FUNCTION_WORDS, REPORTING_WORDS, TITLE_WORDS } from './lexicon';
import type { PreparedSentence } from './prepare';

/** Words a shared run must hold, and content words among them (not names, titles, function words):
 *  a name with its titles («خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز») is no statement. */
export const RUN_WORDS = 5;
export const RUN_CONTENT = 3;

/** The words of a sentence's quoted stretches («…», "…", “…”; an unclosed quote runs to the end),
 *  with a break word between stretches so that no run spans two quotations. */
function wordsOf(s: PreparedSentence): string[] {
  const out: string[] = [];
  for (const m of s.quote.matchAll(/[«"“]([^»"”]*)[»"”]?/g)) {
    out.push(...norm(m[1]).split(/[^\p{L}\p{N}]+/u).filter(Boolean), '\u0000');
  }
  return out;
}

/** Whether the two sentences share a run of RUN_WORDS words with RUN_CONTENT content words. */
export function sharePassage(a: PreparedSentence, b: PreparedSentence): boolean {
  const wa = wordsOf(a), wb = wordsOf(b);
  if (wa.length < RUN_WORDS || wb.length < RUN_WORDS) return false;
  const names = new Set<string>();
  for (const s of [a, b]) for (const t of s.terms) if (t.entity || t.role === 'title') for (const w of norm(t.text).split(/\s+/)) names.add(w);
  const content = (w: string) => w.length >= 3 && !FUNCTION_WORDS.has(w) && !REPORTING_WORDS.has(w) && !TITLE_WORDS.has(w) && !TITLE_WORDS.has(w.replace(/^ال/, '')) && !names.has(w);
  // Runs start where a RUN_WORDS-gram of a is found in b, then extend word by word.
  const at = new Map<string, number[]>();
  for (let j = 0; j + RUN_WORDS <= wb.length; j++) {
    const k = wb.slice(j, j + RUN_WORDS).join(' ');
    if (k.includes('\u0000')) continue;
    const list = at.get(k);
    if (list) list.push(j); else at.set(k, [j]);
  }
  for (let i = 0; i + RUN_WORDS <= wa.length; i++) {
    const starts = at.get(wa.slice(i, i + RUN_WORDS).join(' '));
    if (!starts) continue;
    for (const j of starts) {
      let n = RUN_WORDS;
      while (i + n < wa.length && j + n < wb.length && wa[i + n] === wb[j + n] && wa[i + n] !== '\u0000') n++;
      if (wa.slice(i, i + n).filter(content).length >= RUN_CONTENT) return true;
    }
  }
  return false;
}
