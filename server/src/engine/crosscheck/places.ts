// Where a count happened: the names that place the event a count belongs to (its own sentence's,
// or else its article's towns), and when two names may name one thing.
import type { Count } from './counts';
import { mayBeSameName } from './names';
import type { PreparedSentence, Term } from './prepare';

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
  return s.setting;
}

/** Two names that may name one thing: a shared matching key, or one name spelled two ways
 *  (names.mayBeSameName) between names of one type. */
export function namesMeet(t: Term, u: Term): boolean {
  return t.keys.some((k) => u.keys.includes(k)) || (!!u.entity && u.entity.type === t.entity?.type && mayBeSameName(t.text, u.text));
}
