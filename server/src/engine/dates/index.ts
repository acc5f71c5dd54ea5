// Arabic temporal expressions: recognition (grammar/, one file per family of expressions, over the
// scan.ts tokens), TIMEX-like values and resolution against a reference date (resolve/), and the
// article's own dateline.
import type { DateMention, Token } from '../model';
import { Grammar } from './grammar';
import { scan, type Scan } from './scan';
import type { Match } from './sem';
import { parseReference, resolveSem, type Prefer } from './resolve';

export interface DateOptions {
  /** 'past' (news, default): partial dates and weekdays at or before the reference date;
   *  'future' (Duckling's assistant convention): the next occurrence. */
  prefer?: Prefer;
}

/**
 * Every temporal expression in `text`, in order, with UTF-16 offsets into `text`. `tokens` (the
 * shared tokenisation) is accepted for the pipeline's contract; the grammar needs its own finer
 * token stream (digits and separators apart, clitic readings), built from the same normalisation.
 */
export function recognizeDates(text: string, _tokens: Token[] | null, referenceDate: string | null, options: DateOptions = {}): DateMention[] {
  const sc = scan(text);
  const ref = parseReference(referenceDate);
  const out: DateMention[] = [];
  for (const m of expressionsOf(sc)) {
    const { start, end } = sc.span(m.i, m.j, m.skip);
    const r = resolveSem(m.sem, ref, options.prefer ?? 'past');
    const mention: DateMention = { start, end, text: text.slice(start, end), value: r.value, kind: r.kind, resolved: r.resolved, explanation: r.explanation };
    if (r.mod) mention.mod = r.mod;
    if (ref) mention.explanation.push(`reference date ${referenceDate}`);
    out.push(mention);
  }
  return out;
}

/** The grammar's expressions of a scanned text, left to right, kept on the scan: they do not
 *  depend on the reference date, and an article's text is read twice (for its dateline, with no
 *  reference date, then resolved against the date chosen), once more when a reference date
 *  changes. */
function expressionsOf(sc: Scan): Match[] {
  if (sc.expressions) return sc.expressions;
  const g = new Grammar(sc.toks);
  const out: Match[] = [];
  let i = 0;
  while (i < sc.toks.length) {
    const m = g.at(i);
    if (!m) { i++; continue; }
    out.push(m);
    i = Math.max(m.j, i + 1);
  }
  sc.expressions = out;
  return out;
}

/** Words that introduce a publication date ("نشر في", "تاريخ النشر", "آخر تحديث"). */
const PUBLICATION_CUE = /(نشر|تاريخ|تحديث|محدث|published|updated|posted)/i;

/** A date followed by a picture credit is the date of a photo in a caption, not of the article. */
const PHOTO_CREDIT = /^\s*[-–—|(]?\s*(reuters|afp|ap|getty|epa|رويترز|أ\s*ف\s*ب|ا\s*ف\s*ب|أرشيف|ارشيف|صورة)/i;

/**
 * The article's own date: the first complete date (day, month and year) in its first lines — a
 * dateline such as "نشر في 18 نوفمبر 2023" or "2023/11/18" — preferring one introduced by a
 * publication word. Null when the opening has no complete date.
 */
export function findReferenceDate(text: string): { date: string; evidence: string } | null {
  const head = text.slice(0, 2500);
  const mentions = recognizeDates(head, null, null).filter(
    (d) => d.resolved && /^\d{4}-\d{2}-\d{2}(T|$)/.test(d.resolved) && (d.kind === 'absolute' || d.kind === 'hijri') && !PHOTO_CREDIT.test(head.slice(d.end, d.end + 25)),
  );
  if (!mentions.length) return null;
  const cued = mentions.find((d) => PUBLICATION_CUE.test(head.slice(Math.max(0, d.start - 40), d.start)));
  const pick = cued ?? mentions[0];
  const lineStart = head.lastIndexOf('\n', pick.start) + 1;
  const lineEnd = head.indexOf('\n', pick.end);
  const evidence = head.slice(lineStart, lineEnd < 0 ? head.length : lineEnd).trim();
  return { date: pick.resolved!.slice(0, 10), evidence: evidence.length > 160 ? pick.text : evidence };
}

export { resolveSem } from './resolve';
