// Which place names name a country and which a town: every report of a story names its country,
// while a town or a district places one event. Kept apart from prepare.ts and places.ts, which both
// need it (prepare.ts picks an article's towns, places.ts what places a count).
import { countryOf } from '../entities/places';
import type { EntityType } from '../model';
import { norm } from '../text/normalize';

/** A name as the cross-checker holds it (a Term of prepare.ts). */
export interface PlaceName {
  text: string;
  entity?: { id: string; type: EntityType };
}

/** The country (ICU region code) a place term names, if it names one — also through its
 *  adjective (التركية → تركيا, السورية → سوريا, اليمني → اليمن), which NER often tags as a place. */
export function countryOfTerm(t: PlaceName): string | undefined {
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

/** A place below the country: a town, a district, a province. */
export function isTown(t: PlaceName): boolean {
  return t.entity?.type === 'LOC' && !countryOfTerm(t);
}
