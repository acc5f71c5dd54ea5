// Country names from ICU (Intl.DisplayNames in the Arabic locales) and the descriptive words that
// news puts in front of a place or an organisation's name, so that سلطنة عمان, عُمان and عمان,
// or جمهورية مصر العربية and مصر, reduce to one country.
import { nameTokens, placeToken, stripArticle } from './spelling';

/** Words for a kind of state, in front of a country's name (سلطنة عمان, دولة قطر). */
const STATE_WORDS = new Set(['مملكه', 'جمهوريه', 'سلطنه', 'دوله', 'اماره']);
/** Adjectives of a state's official style (المملكة العربية السعودية, جمهورية مصر العربية). */
const STATE_ADJECTIVES = new Set(['عربيه', 'اسلاميه', 'ديمقراطيه', 'ديموقراطيه', 'شعبيه', 'اتحاديه', 'هاشميه', 'متحده', 'فيدراليه', 'فدراليه', 'اشتراكيه']);
/** Words for a kind of place in front of its name (قطاع غزة, مدينة حلب, ولاية تكساس). */
export const PLACE_WORDS = new Set(['قطاع', 'مدينه', 'محافظه', 'منطقه', 'ولايه', 'اقليم', 'بلده', 'قريه', 'مخيم', 'ضاحيه', 'حي', 'عاصمه', ...STATE_WORDS]);
/** Words for a kind of organisation in front of its name (حركة حماس, وكالة رويترز). */
export const ORG_WORDS = new Set(['وزاره', 'حركه', 'منظمه', 'جماعه', 'حزب', 'تنظيم', 'ميليشيا', 'مليشيا', 'وكاله', 'صحيفه', 'جريده', 'موقع', 'قناه', 'شبكه', 'شركه', 'مجموعه', 'جمعيه', 'هيئه', 'مجله']);

// The Arabic locales whose ICU data name some countries differently (ar-SA: أوروغواي, سبتة ومليلية).
const LOCALES = ['ar', 'ar-SA'];

/** The state's name without state words and official-style adjectives; null when nothing is left. */
function reduceStateName(keys: string[]): string[] | null {
  let k = keys;
  let changed = false;
  if (k.length > 1 && STATE_WORDS.has(k[0])) {
    k = k.slice(1);
    changed = true;
  }
  const kept = k.filter((t) => !STATE_ADJECTIVES.has(t));
  if (kept.length !== k.length) changed = true;
  if (!changed || kept.length === 0) return null;
  return kept;
}

let aliases: Map<string, string> | undefined;

/** A one-word place name folds -ية/-يا (سورية/سوريا); in longer names -ية is an adjective. */
export function foldPlace(keys: string[]): string[] {
  return keys.length === 1 ? [placeToken(keys[0])] : keys;
}

/** Country names common in Arabic news that ICU does not give (normalised, article-free). */
const COMMON_NAMES: Record<string, string> = { 'امريكا': 'US', 'اميركا': 'US' };

/** Article-free key (tokens joined by a space) → region code, for every Arabic name ICU knows. */
function countryAliases(): Map<string, string> {
  if (aliases) return aliases;
  const full = new Map<string, string>();
  const reduced = new Map<string, Set<string>>();
  const namers: Intl.DisplayNames[] = [];
  for (const locale of LOCALES) {
    for (const style of ['long', 'short'] as const) {
      try {
        namers.push(new Intl.DisplayNames(locale, { type: 'region', style, fallback: 'none' }));
      } catch {
        // A runtime without this locale's data: the others still name the countries.
      }
    }
  }
  for (let a = 65; a < 91; a++) {
    for (let b = 65; b < 91; b++) {
      const code = String.fromCharCode(a, b);
      for (const namer of namers) {
        let name: string | undefined;
        try {
          name = namer.of(code);
        } catch {
          name = undefined;
        }
        {
          if (!name || /[()]/.test(name) || /^[A-Z]/.test(name)) continue;
          const keys = nameTokens(name).map(stripArticle);
          if (keys.length === 0) continue;
          const fk = foldPlace(keys).join(' ');
          if (!full.has(fk)) full.set(fk, code);
          const r = reduceStateName(keys);
          if (r) {
            const rk = foldPlace(r).join(' ');
            if (!reduced.has(rk)) reduced.set(rk, new Set());
            reduced.get(rk)!.add(code);
          }
        }
      }
    }
  }
  aliases = new Map(full);
  // Names of everyday news that ICU's region names lack (it says "الولايات المتحدة" only).
  for (const [name, code] of Object.entries(COMMON_NAMES)) if (!aliases.has(name)) aliases.set(name, code);
  // A reduced style is only an alias when it names one country and is no other country's name.
  for (const [k, codes] of reduced) if (codes.size === 1 && !full.has(k)) aliases.set(k, [...codes][0]);
  return aliases;
}

/** The region code a place name (article-free tokens) stands for, if it is a country under any of its styles. */
export function countryOf(keys: string[]): string | undefined {
  const table = countryAliases();
  const lookup = (k: string[]) => table.get(foldPlace(k).join(' '));
  const direct = lookup(keys);
  if (direct) return direct;
  const r = reduceStateName(keys);
  if (r) {
    const c = lookup(r);
    if (c) return c;
  }
  // The country's own adjective after a multi-word name (الولايات المتحدة الأمريكية).
  if (keys.length >= 3 && keys[keys.length - 1].endsWith('يه')) {
    const base = keys.slice(0, -1);
    const rb = reduceStateName(base);
    const c = lookup(base) ?? (rb ? lookup(rb) : undefined);
    if (c) return c;
  }
  return undefined;
}
