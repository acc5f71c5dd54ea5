// The frame of a news sentence around its claim: who is said to say it (the attribution: "وقال
// رئيس الوزراء التركي إن …", "إردوغان: …", "… حسبما أعلن محافظ المنطقة") and whether the
// sentence asserts anything at all (a question or a condition does not). Two sentences do not
// state the same fact because the same minister speaks in both; what he says must match. So the
// words of the attribution are kept apart from the claim's content, and the speaker is compared
// on its own.
import type { Token } from '../model';
import {
  ASSERTION_WORDS, COMPLEMENTISERS, CONDITIONAL_OPENERS, DENIAL_WORDS, HEADLINE_SPEECH_VERBS,
  SPEAKER_OPENERS, TRAILING_ATTRIBUTION, WH_WORDS, YES_NO,
} from './lexicon';

export type Mood = 'assert' | 'question' | 'conditional';

export interface Frame {
  /** Indices (into the sentence's words) of the words that name the source of the statement. */
  speaker: Set<number>;
  mood: Mood;
}

/** Word forms to test against a lexicon: as written (normalised), without proclitics, and
 *  without a leading conjunction only (the proclitic splitter keeps و on short words: ولم). */
export function forms(t: Token): string[] {
  const out = [t.norm, t.stem];
  const m = /^[وف](.{2,})$/.exec(t.norm);
  if (m) out.push(m[1]);
  return out;
}

export const isIn = (lex: Set<string>, t: Token | undefined) => !!t && forms(t).some((f) => lex.has(f));

/** How far an attribution reaches from its speech word to the complementiser (إن / أن) that
 *  opens what was said: "أعلن رئيس الحكومة التركية أحمد داود أوغلو، أمس، أن …". */
const TO_COMPLEMENTISER = 10;
/** Without a complementiser, a speech verb's speaker is the next few words ("وقال أوغلو «…»"). */
const SPEAKER_WINDOW = 6;
/** A headline label before a colon ("إردوغان: …", "الناطق الرسمي لـ«مقاومة» عدن: …"). */
const LABEL_WORDS = 5;

/** Verbs of saying that take a complementiser clause: the clause is the claim, the rest the frame. */
const isSpeech = (t: Token) => isIn(SPEAKER_OPENERS, t) || isIn(ASSERTION_WORDS, t) || isIn(DENIAL_WORDS, t);

/**
 * @param words the sentence's word tokens (no punctuation), in order
 * @param breakBefore for each word, the punctuation right before it (":" , "," , '"' or "")
 * @param quote the sentence as written
 * @param who for each word, whether it can name a speaker: part of a name, a title or office, a
 *   nationality, a source noun ("مصادر", "مسؤول")
 */
export function readFrame(words: Token[], breakBefore: string[], quote: string, who: boolean[]): Frame {
  const speaker = new Set<number>();
  const mark = (from: number, to: number) => { for (let k = from; k <= to && k < words.length; k++) speaker.add(k); };

  // A label before a colon near the start of the sentence names the speaker (or the place the
  // report is filed from: "تركيا: مقتل 30 …") when it holds a name or a title; "لليوم الرابع: …"
  // is part of the statement.
  const colon = breakBefore.findIndex((b, i) => i > 0 && b.includes(':'));
  if (colon > 0 && colon <= LABEL_WORDS && who.slice(0, colon).some(Boolean)) mark(0, colon - 1);

  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    // A headline's speaker comes before its speech verb: "رئيس الوزراء التركي يعلن تحديد …".
    if (i >= 1 && i <= LABEL_WORDS && isIn(HEADLINE_SPEECH_VERBS, w) && !breakBefore.slice(1, i + 1).some((b) => b)) {
      mark(0, i);
      continue;
    }
    if (isSpeech(w)) {
      // "قال X إن …", "أعلن X أن …": up to the complementiser, through commas.
      let j = -1;
      for (let k = i + 1; k <= i + TO_COMPLEMENTISER && k < words.length; k++) {
        if (breakBefore[k].includes(':') || breakBefore[k].includes('"')) { j = k - 1; break; }
        if (isIn(COMPLEMENTISERS, words[k])) { j = k; break; }
      }
      if (j >= i) { mark(i, j); i = j; continue; }
      // "وقال أوغلو «…»" / "بحسب مصادر أمريكية": a reporting word's speaker is the name or title
      // that follows it; "أوضح ترامب اهتمامه بشأن سوريا" goes on with what he said.
      if (isIn(SPEAKER_OPENERS, w)) {
        let k = i + 1;
        while (k < words.length && k <= i + SPEAKER_WINDOW && !breakBefore[k] && who[k]) k++;
        mark(i, k - 1);
        i = k - 1;
      }
      continue;
    }
    // "…، حسبما أعلن محافظ المنطقة", "… وفق الناطق باسم المقاومة": the source closes the sentence.
    if (i >= 3 && isIn(TRAILING_ATTRIBUTION, w)) {
      let k = i + 1;
      while (k < words.length && k <= i + SPEAKER_WINDOW && !breakBefore[k]) k++;
      mark(i, k - 1);
      i = k - 1;
    }
  }
  return { speaker, mood: moodOf(words, quote) };
}

/**
 * A yes/no question ("هل يمكن القول إن الحكومة تستطيع العودة؟") asserts nothing; a wh-question
 * presupposes what it asks about ("ما تعليقكم على تعيين نايف البكري محافظا لعدن؟" takes the
 * appointment as given), so it is read as stating that.
 */
function moodOf(words: Token[], quote: string): Mood {
  const first = words[0];
  if (isIn(YES_NO, first)) return 'question';
  if (/[?؟]["'”»)\]\s.]*$/.test(quote) && !words.slice(0, 3).some((w) => isIn(WH_WORDS, w))) return 'question';
  if (isIn(CONDITIONAL_OPENERS, first)) return 'conditional';
  // "وفي حال ثبتت …", "وفي حالة …".
  if (first && forms(first).includes('في') && /^(حال|حاله)$/.test(words[1]?.stem ?? '')) return 'conditional';
  return 'assert';
}
