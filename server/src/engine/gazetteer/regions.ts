// Place names from ICU (Intl.DisplayNames, Arabic): every two-letter region code and every UN M49
// area code that ICU names, in the long and short styles. These are well-kept lists (CLDR), not
// hand-typed names. A few codes name organisations rather than places (EU, UN) and a few are
// placeholders (XA, XB, ZZ) or common nouns (001 "the world"); those are set apart here.
import { norm } from '../text/normalize';

const ORG_CODES = new Set(['EU', 'UN', 'EZ']);
const SKIP_CODES = new Set(['XA', 'XB', 'ZZ', '001', 'QO']);

export interface RegionGazetteer {
  /** Normalised names (words joined by one space) → 'LOC' | 'ORG'. */
  names: Map<string, 'LOC' | 'ORG'>;
  /** Longest name in words. */
  maxWords: number;
}

let cached: RegionGazetteer | null = null;

function variants(name: string): string[] {
  // "ميانمار (بورما)" → both names; "الكونغو - كينشاسا" → the whole and the first part.
  const out = new Set<string>();
  const paren = /^(.*?)\s*\((.*)\)\s*$/.exec(name);
  if (paren) { out.add(paren[1]); out.add(paren[2]); } else out.add(name);
  for (const v of [...out]) {
    const dash = v.split(/\s+-\s+/);
    if (dash.length > 1) out.add(dash[0]);
  }
  return [...out].map((v) => v.trim()).filter((v) => v.length > 1);
}

export function regionGazetteer(): RegionGazetteer {
  if (cached) return cached;
  const names = new Map<string, 'LOC' | 'ORG'>();
  const codes: string[] = [];
  for (let a = 65; a < 91; a++) for (let b = 65; b < 91; b++) codes.push(String.fromCharCode(a, b));
  for (let i = 1; i < 1000; i++) codes.push(String(i).padStart(3, '0'));
  const styles: Intl.DisplayNames[] = [];
  for (const style of ['long', 'short'] as const) {
    try { styles.push(new Intl.DisplayNames('ar', { type: 'region', fallback: 'none', style })); } catch { /* ICU without Arabic data */ }
  }
  for (const code of codes) {
    if (SKIP_CODES.has(code)) continue;
    for (const dn of styles) {
      let name: string | undefined;
      try { name = dn.of(code); } catch { name = undefined; }
      if (!name) continue;
      for (const v of variants(name)) {
        const key = norm(v).split(/\s+/).filter(Boolean).join(' ');
        if (key) names.set(key, ORG_CODES.has(code) ? 'ORG' : 'LOC');
      }
    }
  }
  let maxWords = 1;
  for (const k of names.keys()) maxWords = Math.max(maxWords, k.split(' ').length);
  cached = { names, maxWords };
  return cached;
}
