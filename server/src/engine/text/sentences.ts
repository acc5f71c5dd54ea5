// Sentence segmentation for news text: ICU's sentence boundaries (Intl.Segmenter) inside each
// line, plus what news pages need on top of it:
//  - every line break ends a sentence: headlines, captions, datelines, bullets and credit lines
//    stand on their own line, often without final punctuation;
//  - markdown headings ("# …") and bullets ("•", "-", "*", "1.") are stripped from the span and
//    recorded as the sentence kind; "[text](#)" links stay inside their sentence;
//  - ICU splits after abbreviations such as "د." (doctor) and initials: a break right after a
//    single letter followed by "." is undone;
//  - "؟" ends a sentence (ICU knows it); "،" and "؛" do not (they separate clauses).
import type { Sentence, SentenceKind } from '../model';

const sentenceSegmenter = new Intl.Segmenter('ar', { granularity: 'sentence' });

const HEADING = /^(#{1,6})\s+/;
const BULLET = /^(?:[•●▪◦‣∙·\-*+]|\d{1,3}[.)])\s+/;
const TERMINAL = /[.!?؟…]["'”»)\]]*$/;
const ABBREVIATION_END = /(?:^|[\s(])[\u0621-\u064Aa-zA-Z]\.\s*$/;

interface Piece { start: number; end: number }

function trimPiece(text: string, start: number, end: number): Piece {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

function splitLine(text: string, lineStart: number, lineEnd: number): Piece[] {
  const line = text.slice(lineStart, lineEnd);
  const pieces: Piece[] = [];
  for (const seg of sentenceSegmenter.segment(line)) {
    const p = trimPiece(text, lineStart + seg.index, lineStart + seg.index + seg.segment.length);
    if (p.end <= p.start) continue;
    const prev = pieces[pieces.length - 1];
    if (prev && ABBREVIATION_END.test(text.slice(prev.start, prev.end))) prev.end = p.end;
    else pieces.push(p);
  }
  return pieces;
}

export function segmentSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let lineStart = 0;
  let firstContentLine = true;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const raw = text.slice(lineStart, lineEnd);
    let contentStart = lineStart;
    let kind: SentenceKind = 'body';
    const leading = raw.match(/^\s*/)![0].length;
    const rest = raw.slice(leading);
    const heading = rest.match(HEADING);
    const bullet = rest.match(BULLET);
    if (heading) { kind = 'heading'; contentStart += leading + heading[0].length; }
    else if (bullet) { kind = 'bullet'; contentStart += leading + bullet[0].length; }
    const pieces = splitLine(text, contentStart, lineEnd > 0 && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd);
    if (pieces.length > 0) {
      const content = text.slice(pieces[0].start, pieces[pieces.length - 1].end);
      // A line that does not end like a sentence is a headline (first line) or a caption-like
      // line (subtitle, photo caption, dateline, "read also" link).
      if (kind === 'body' && !TERMINAL.test(content) && (firstContentLine || pieces.length === 1)) {
        kind = firstContentLine ? 'headline' : 'caption';
      }
      for (const p of pieces) out.push({ id: `s${out.length + 1}`, start: p.start, end: p.end, kind });
      firstContentLine = false;
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  return out;
}

/** Index of the sentence containing offset (or the nearest one before it); -1 if none. */
export function sentenceAt(sentences: Sentence[], offset: number): number {
  let lo = 0, hi = sentences.length - 1, best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].start <= offset) { best = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return best;
}
