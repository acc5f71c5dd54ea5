// Arabic number words (cardinals and ordinals), in the NORMALISED spelling of text/normalize.ts
// (ة→ه, ى→ي, hamza forms → ا, ئ→ي). Shared by quantities (counts) and dates (day numbers such as
// "الثالث عشر", month numbers such as "شهر عشرة"). Generic linguistic knowledge, not corpus lists.

/** Units 1–10, masculine and feminine, with the case forms news uses. */
export const UNITS: Record<string, number> = {
  'واحد': 1, 'واحده': 1, 'احد': 1, 'احدي': 1,
  'اثنان': 2, 'اثنين': 2, 'اثنتان': 2, 'اثنتين': 2, 'اثنا': 2, 'اثني': 2, 'اثنتا': 2, 'اثنتي': 2,
  'ثلاث': 3, 'ثلاثه': 3, 'اربع': 4, 'اربعه': 4, 'خمس': 5, 'خمسه': 5, 'ست': 6, 'سته': 6,
  'سبع': 7, 'سبعه': 7, 'ثمان': 8, 'ثماني': 8, 'ثمانيه': 8, 'تسع': 9, 'تسعه': 9, 'عشر': 10, 'عشره': 10,
  // Colloquial (Egyptian, Levantine) spellings, with ث said and written ت: "ألفين واتنين وعشرين".
  'اتنين': 2, 'تلات': 3, 'تلاته': 3, 'تمانيه': 8, 'تمنيه': 8,
};

/** Colloquial one-word teens ("ألفين وتسعتاشر" = 2019), read like a unit word. */
export const COLLOQUIAL_TEENS: Record<string, number> = {
  'حداشر': 11, 'اتناشر': 12, 'تلتاشر': 13, 'اربعتاشر': 14, 'اربعطاشر': 14, 'خمستاشر': 15, 'خمسطاشر': 15,
  'ستاشر': 16, 'سطاشر': 16, 'سبعتاشر': 17, 'سبعطاشر': 17, 'تمنتاشر': 18, 'تمنطاشر': 18, 'تسعتاشر': 19, 'تسعطاشر': 19,
};

export const TENS: Record<string, number> = {
  'عشرون': 20, 'عشرين': 20, 'ثلاثون': 30, 'ثلاثين': 30, 'اربعون': 40, 'اربعين': 40,
  'خمسون': 50, 'خمسين': 50, 'ستون': 60, 'ستين': 60, 'سبعون': 70, 'سبعين': 70,
  'ثمانون': 80, 'ثمانين': 80, 'تسعون': 90, 'تسعين': 90,
  'تلاتين': 30, 'تمانين': 80,
};

/** Hundreds written as one word (مئة/مائة, مئتان, ثلاثمئة …). */
export const HUNDREDS: Record<string, number> = (() => {
  const r: Record<string, number> = {};
  for (const h of ['ميه', 'مايه']) {
    r[h] = 100;
    r[h.replace('ه', 'تان')] = 200; r[h.replace('ه', 'تين')] = 200; r[h.replace('ه', 'تا')] = 200; r[h.replace('ه', 'تي')] = 200;
    const prefixes: [string, number][] = [['ثلاث', 3], ['اربع', 4], ['خمس', 5], ['ست', 6], ['سبع', 7], ['ثمان', 8], ['ثماني', 8], ['تسع', 9]];
    for (const [p, v] of prefixes) r[p + h] = v * 100;
  }
  return r;
})();

/** Multipliers: singular, dual (2×), plural (counted by a preceding 3–10). */
export const SCALES: Record<string, { value: number; dual?: boolean; plural?: boolean }> = {
  'الف': { value: 1e3 }, 'الفا': { value: 1e3 }, 'الفان': { value: 1e3, dual: true }, 'الفين': { value: 1e3, dual: true },
  // The dual in construct drops its ن: "ألفي جندي" (two thousand soldiers).
  'الفي': { value: 1e3, dual: true },
  'الاف': { value: 1e3, plural: true }, 'الوف': { value: 1e3, plural: true },
  'مليون': { value: 1e6 }, 'مليونا': { value: 1e6 }, 'مليونان': { value: 1e6, dual: true }, 'مليونين': { value: 1e6, dual: true }, 'ملايين': { value: 1e6, plural: true },
  'مليار': { value: 1e9 }, 'مليارا': { value: 1e9 }, 'ملياران': { value: 1e9, dual: true }, 'مليارين': { value: 1e9, dual: true }, 'مليارات': { value: 1e9, plural: true },
  'ملايير': { value: 1e9, plural: true }, 'بليون': { value: 1e9 }, 'بلايين': { value: 1e9, plural: true },
  'تريليون': { value: 1e12 }, 'تريليونات': { value: 1e12, plural: true },
};

/** Fractions that multiply a following scale ("نصف مليار"). */
export const FRACTIONS: Record<string, number> = { 'نصف': 0.5, 'ربع': 0.25, 'ثلث': 1 / 3, 'ثلاثه ارباع': 0.75 };

/** Vague plurals of a power of ten ("عشرات" = tens of): the interval they allow. */
export const VAGUE: Record<string, [number, number]> = {
  'عشرات': [20, 99], 'مئات': [200, 999], 'ميات': [200, 999], 'مييات': [200, 999],
  'الاف': [2000, 9999], 'الوف': [2000, 9999], 'ملايين': [2e6, 999e6], 'مليارات': [2e9, 999e9],
  'بضع': [3, 9], 'بضعه': [3, 9], 'عده': [3, 10], 'عدد': [2, 10],
};

/** Ordinals (masculine and feminine; "اول" also as a bare adjective). Value 1–10. */
export const ORDINALS: Record<string, number> = {
  'اول': 1, 'اولي': 1, 'حادي': 1, 'حاديه': 1,
  'ثاني': 2, 'ثانيه': 2, 'ثان': 2, 'ثالث': 3, 'ثالثه': 3, 'رابع': 4, 'رابعه': 4, 'خامس': 5, 'خامسه': 5,
  'سادس': 6, 'سادسه': 6, 'سابع': 7, 'سابعه': 7, 'ثامن': 8, 'ثامنه': 8, 'تاسع': 9, 'تاسعه': 9,
  'عاشر': 10, 'عاشره': 10,
};

/**
 * A normalised word with its proclitics removed, each way they can be read: an optional
 * conjunction (و ف), then an optional preposition (ب ل ك), then an optional article (ال; "لل" is
 * ل + ال with the alef elided). `skip` counts the normalised letters removed, so spans can start
 * after the clitics. The word itself comes first.
 */
export function bareForms(w: string): { skip: number; w: string }[] {
  const out: { skip: number; w: string }[] = [{ skip: 0, w }];
  const add = (skip: number, rest: string) => {
    if (rest.length >= 2 && !out.some((o) => o.skip === skip && o.w === rest)) out.push({ skip, w: rest });
  };
  const conj = [{ skip: 0, w }];
  if ((w[0] === 'و' || w[0] === 'ف') && w.length > 3) conj.push({ skip: 1, w: w.slice(1) });
  for (const c of conj) {
    add(c.skip, c.w);
    const preps = [c];
    if (c.w.startsWith('لل') && c.w.length > 3) {
      add(c.skip + 1, 'ا' + c.w.slice(1)); // للعام → العام (span starts at the second ل)
      add(c.skip + 2, c.w.slice(2)); // → عام
      continue;
    }
    if ('بلك'.includes(c.w[0]) && c.w.length > 3) preps.push({ skip: c.skip + 1, w: c.w.slice(1) });
    for (const p of preps) {
      add(p.skip, p.w);
      if (p.w.startsWith('ال') && p.w.length > 3) add(p.skip + 2, p.w.slice(2));
    }
  }
  return out;
}

/** Words that can begin a cardinal number (to skip all others cheaply). */
export const NUMBER_STARTERS = new Set<string>([...Object.keys(UNITS), ...Object.keys(COLLOQUIAL_TEENS), ...Object.keys(TENS), ...Object.keys(HUNDREDS), ...Object.keys(SCALES), ...Object.keys(VAGUE)]);

export interface NumberWordMatch {
  value: number;
  /** Number of word tokens consumed. */
  length: number;
  /** True when the value is only approximate (عشرات …): then [low, high] holds. */
  low: number;
  high: number;
}

function stripAl(w: string): string {
  return w.startsWith('ال') && w.length > 3 ? w.slice(2) : w;
}

function unitValue(w: string): number | undefined {
  return UNITS[w] ?? COLLOQUIAL_TEENS[w];
}

/**
 * Cardinal number words starting at words[i] (normalised, one string per word token, with
 * punctuation tokens as their character). Handles 1–10, teens ("ثلاثة عشر"), tens with units
 * ("خمسة وعشرون"), hundreds, and scales ("ثلاثة آلاف", "مليونان"). Returns null when words[i] is
 * not a number word.
 */
export function parseCardinalWords(words: string[], i: number): NumberWordMatch | null {
  let total = 0;
  let current = 0;
  let k = i;
  let any = false;
  let low = 0, high = 0, vague = false;
  const first = words[i];
  if (first === undefined) return null;
  if (VAGUE[first] && !UNITS[first]) {
    // "عشرات الآلاف", "مئات الملايين": a vague count of a scale.
    const [lo, hi] = VAGUE[first];
    const next = words[i + 1] ? stripAl(words[i + 1]) : '';
    const sc = SCALES[next];
    if (sc && sc.plural) return { value: lo * sc.value, length: 2, low: lo * sc.value, high: hi * sc.value + (sc.value - 1) };
    return { value: lo, length: 1, low: lo, high: hi };
  }
  while (k < words.length) {
    const raw = words[k];
    // Conjunction "و" joins parts: "خمسة وعشرون", "مئة وعشرة".
    const w = any && raw.startsWith('و') && raw.length > 2 ? raw.slice(1) : raw;
    if (any && w === raw && !SCALES[w] && !(w === 'عشر' || w === 'عشره')) break;
    if (unitValue(w) !== undefined && !(w === 'عشر' || w === 'عشره') ) {
      // Teens: "ثلاثة عشر", "احدى عشرة", "اثنا عشر".
      const nx = words[k + 1];
      if (nx === 'عشر' || nx === 'عشره') { current += unitValue(w)! + 10; k += 2; any = true; continue; }
      current += unitValue(w)!; k++; any = true; continue;
    }
    if ((w === 'عشر' || w === 'عشره') && !any) { current += 10; k++; any = true; continue; }
    if (TENS[w] !== undefined) { current += TENS[w]; k++; any = true; continue; }
    if (HUNDREDS[w] !== undefined) { current += HUNDREDS[w]; k++; any = true; continue; }
    if ((w === 'ميه' || w === 'مايه') && current > 0 && current < 10) { current *= 100; k++; continue; }
    const sc = SCALES[w];
    if (sc) {
      if (sc.dual) { total += (current || 1) * 2 * sc.value; current = 0; }
      else { total += (current || 1) * sc.value; current = 0; }
      k++; any = true; continue;
    }
    break;
  }
  if (!any) return null;
  const value = total + current;
  if (vague) return { value, length: k - i, low, high };
  return { value, length: k - i, low: value, high: value };
}

/**
 * Ordinal day numbers 1–31 from words: "الأول", "الثالث عشر", "السابع عشرة", "الحادي والعشرين",
 * "الثالث والعشرون", "العشرين", "الثلاثين". Returns the value and the word count.
 */
export function parseOrdinalWords(words: string[], i: number): { value: number; length: number } | null {
  const w0 = words[i];
  if (!w0) return null;
  const w = stripAl(w0);
  const o = ORDINALS[w];
  if (o !== undefined) {
    const nx = words[i + 1];
    if (nx === 'عشر' || nx === 'عشره') return { value: (o === 1 ? 1 : o) + 10, length: 2 };
    if (nx && nx.startsWith('و')) {
      const t = TENS[stripAl(nx.slice(1))];
      if (t !== undefined) return { value: o + t, length: 2 };
    }
    if (w === 'حادي' || w === 'حاديه') return null;
    return { value: o, length: 1 };
  }
  const t = TENS[w];
  if (t !== undefined && w0.startsWith('ال')) return { value: t, length: 1 };
  return null;
}
