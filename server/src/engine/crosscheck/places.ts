// Where a count happened: the names that place the event a count belongs to, and which of them
// are countries (every report of a story names its country; a town or a district places one event).
import { countryOf } from '../entities/places';
import { norm } from '../text/normalize';
import type { Count } from './counts';
import type { PreparedSentence, Term } from './prepare';

/** The country (ICU region code) a place term names, if it names one — also through its
 *  adjective (التركية → تركيا, السورية → سوريا, اليمني → اليمن), which NER often tags as a place. */
export function countryOfTerm(t: Term): string | undefined {
  // The mention as written, then the canonical name (the id after its type).
  for (const name of [t.text, t.entity!.id.replace(/^[A-Z]+:/, '')]) {
    const words = norm(name).split(/[_\s]+/).filter(Boolean).map((w) => w.replace(/^ال(?=..)/, ''));
    const c = countryOf(words) ?? countryOf(norm(name).split(/[_\s]+/).filter(Boolean));
    if (c) return c;
    const m = words.length === 1 ? /^(.{2,}?)(يه|ي)$/.exec(words[0]) : null;
    if (m) for (const base of [m[1], m[1] + 'ا', m[1] + 'يا']) { const n = countryOf([base]); if (n) return n; }
  }
  return undefined;
}

const isName = (t: Term | undefined): t is Term => !!t?.entity && t.entity.type !== 'MISC';

/**
 * The names around a count (people, organisations, places; MISC left out: currencies and
 * nationalities place nothing). A count with no name around it is a count of the article's own
 * event, placed by the towns and districts of its headline and lead (not countries, not the groups
 * and people a story's reports all name) — unless the sentence dates itself away from the
 * article's day (background: another event).
 */
export function placeOf(c: Count, s: PreparedSentence): Term[] {
  const own = c.context.map((k) => s.primary.get(k)).filter(isName);
  if (own.length || s.background) return own;
  return s.setting.filter(isTown);
}

/** A place below the country: a town, a district, a province. */
export function isTown(t: Term): boolean {
  return t.entity?.type === 'LOC' && !countryOfTerm(t);
}
