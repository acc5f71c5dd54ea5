// Article text shown as PLAIN text by the editor: diagnostic messages, CodeLens titles and
// tooltips, labels of the Annotations view. Editors render none of these as markdown or HTML, so
// the one way an article can act on them is through bidi controls: a U+202E (right-to-left
// override) or a stray U+2069 (pop isolate) in an article would reverse or unbalance the rest of
// the message. Article text loses its explicit embedding, override and isolate controls (they
// carry no words), and Arabic runs are wrapped in isolates of our own, so that a message that mixes
// English, file names, numbers and Arabic reads in each part's own order
// (shared/notes/arabic-in-vscode.md: isolates keep word order; VS Code keeps them).
// Hover markdown has its own escaping in markdown.ts.

/** LRE RLE PDF LRO RLO and LRI RLI FSI PDI: the controls that open or close a directional scope.
 *  (LRM, RLM and ALM only steer neighbouring neutrals and cannot leak out of an isolate.) */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const RLI = '\u2067';
const PDI = '\u2069';

export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** A label made of article text (a name, a note): its bidi controls removed and line breaks made
 *  spaces; nothing else changes, so a name still equals the text it names, less those controls. */
export function plainLabel(text: string): string {
  return stripBidiControls(text).replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, ' ');
}

/** Article text on one line: controls removed, every run of whitespace (newlines, tabs) one space. */
export function oneLine(text: string): string {
  return stripBidiControls(text).replace(/\s+/g, ' ').trim();
}

/** The start of a passage, cut at a space (never inside a word, so a letter keeps its marks), at
 *  most `max` UTF-16 units plus an ellipsis. */
export function excerpt(text: string, max: number): string {
  const t = oneLine(text);
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max);
  return (cut > max / 2 ? t.slice(0, cut) : t.slice(0, max)).replace(/[\s،,.:;؛]+$/, '') + '…';
}

/** An Arabic passage as one right-to-left unit inside a left-to-right message. */
export function rtlIsolate(text: string): string {
  return `${RLI}${stripBidiControls(text)}${PDI}`;
}

// A run of Arabic words with the numbers, spaces and punctuation inside it (and a number that
// opens it): isolated as a whole, so that "31 قتيلا" keeps its number on the right of its word and
// "32 بحياة … شخصا" reads in one direction.
const ARABIC = '\\u0600-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF\\uFB50-\\uFDFF\\uFE70-\\uFEFF';
const INSIDE = `${ARABIC}0-9\\s.,%:;()«»"'\\-–…`;
const ARABIC_RUN = new RegExp(`(?:[0-9][0-9.,]*\\s*)?[${ARABIC}](?:[${INSIDE}]*[${ARABIC}0-9])?`, 'g');

/** Every Arabic run of a mixed message isolated; the rest (English, file names) left as it is. */
export function isolateArabicRuns(text: string): string {
  return stripBidiControls(text).replace(ARABIC_RUN, (run) => `${RLI}${run}${PDI}`);
}
