// Calendar words. Month and weekday names come from ICU (Intl.DateTimeFormat) for every Arabic
// locale of the Arab world, so each naming tradition is covered: Egyptian/Gulf (يناير…),
// Levantine/Iraqi (كانون الثاني…), Maghreb (جانفي، ماي، غشت…), Mauritanian. Hijri month names
// come from ICU's Islamic calendars. Everything is stored in the normalised spelling (norm).
import { norm } from '../text/normalize';
import type { Unit } from './sem';

/** Regions whose Arabic locale ICU may know; unknown ones fall back to plain "ar" (deduplicated). */
const ARAB_REGIONS = ['AE', 'BH', 'DJ', 'DZ', 'EG', 'EH', 'ER', 'IL', 'IQ', 'JO', 'KM', 'KW', 'LB', 'LY', 'MA', 'MR', 'OM', 'PS', 'QA', 'SA', 'SD', 'SO', 'SS', 'SY', 'TD', 'TN', 'YE'];

export function arabicLocales(): string[] {
  const wanted = ['ar', ...ARAB_REGIONS.map((r) => `ar-${r}`)];
  return Intl.DateTimeFormat.supportedLocalesOf(wanted);
}

/** Normalised multi-word name → number (month 1–12, weekday ISO 1–7). Names are word arrays. */
export interface NameEntry { words: string[]; value: number; surface: string }

function addName(list: NameEntry[], surface: string, value: number) {
  const words = norm(surface).split(/\s+/).filter(Boolean);
  if (!words.length) return;
  if (!list.some((e) => e.value === value && e.words.join(' ') === words.join(' '))) list.push({ words, value, surface });
}

function buildGregorianMonths(): NameEntry[] {
  const list: NameEntry[] = [];
  // One formatter per locale (constructing formatters is the costly part): the long names are
  // the ones news prints; Arabic locales have no distinct stand-alone or abbreviated forms.
  for (const loc of arabicLocales()) {
    const f = new Intl.DateTimeFormat(`${loc}-u-ca-gregory`, { month: 'long', timeZone: 'UTC' });
    for (let m = 1; m <= 12; m++) addName(list, f.format(new Date(Date.UTC(2021, m - 1, 15))), m);
  }
  // Spellings news uses beside ICU's: the second word without its article (كانون ثاني، تشرين
  // أول), and the Egyptian -يه endings of June/July (يونيه، يوليه).
  for (const e of [...list]) {
    if (e.words.length === 2 && e.words[1].startsWith('ال')) addName(list, `${e.words[0]} ${e.words[1].slice(2)}`, e.value);
    if (e.words.length === 1 && /^يو.+يو$/.test(e.words[0])) addName(list, e.words[0].replace(/يو$/, 'يه'), e.value);
  }
  // Drop numeric "short" forms some locales give.
  return list.filter((e) => !/\d/.test(e.words.join('')));
}

function buildHijriMonths(): NameEntry[] {
  const list: NameEntry[] = [];
  for (const cal of ['islamic-umalqura', 'islamic-civil']) {
    const f = new Intl.DateTimeFormat(`ar-u-ca-${cal}-nu-latn`, { month: 'long', timeZone: 'UTC' });
    const num = new Intl.DateTimeFormat(`en-u-ca-${cal}-nu-latn`, { month: 'numeric', timeZone: 'UTC' });
    // Walk one Hijri year in two-week steps to collect the 12 month names with their numbers.
    for (let day = 0; day < 360; day += 14) {
      const d = new Date(Date.UTC(2023, 6, 20) + day * 86_400_000);
      const m = +num.format(d);
      if (m >= 1 && m <= 12) addName(list, f.format(d), m);
    }
  }
  // Spelling variants that news uses for the same names: the genitive ذي of ذو (في ذي الحجة),
  // جمادى الثانية for جمادى الآخرة, ربيع الثاني for ربيع الآخر.
  for (const e of [...list]) {
    const s = e.words.join(' ');
    // "المحرم": Muharram is the one month news also names with the article.
    const variants = [s.replace(/^محرم$/, 'المحرم'), s.replace(/^ذو /, 'ذي '), s.replace(/^ذو /, 'ذا '), s.replace(/الاخره$/, 'الثانيه'), s.replace(/الاخر$/, 'الثاني'), s.replace(/الثاني$/, 'الاخر'), s.replace(/الثانيه$/, 'الاخره'), s.replace(/الاولي$/, 'الاول')];
    for (const v of variants) if (v !== s) addName(list, v, e.value);
  }
  return list;
}

function buildWeekdays(): NameEntry[] {
  const list: NameEntry[] = [];
  for (const loc of arabicLocales()) {
    const f = new Intl.DateTimeFormat(loc, { weekday: 'long', timeZone: 'UTC' });
    // 2024-01-01 was a Monday (ISO 1).
    for (let i = 0; i < 7; i++) addName(list, f.format(new Date(Date.UTC(2024, 0, 1 + i))), i + 1);
  }
  // Forms without the article and with ه for ة, as written after يوم/كل or in colloquial text
  // (يوم اثنين، الجمعه); and the shortened الثلاثا/الاربعا.
  for (const e of [...list]) {
    if (e.words.length !== 1) continue;
    const w = e.words[0];
    const forms = [w, w.replace(/اء$/, 'ا')];
    for (const f of forms) { addName(list, f, e.value); if (f.startsWith('ال')) addName(list, f.slice(2), e.value); }
  }
  return list;
}

export const GREGORIAN_MONTHS: NameEntry[] = buildGregorianMonths();
export const HIJRI_MONTHS: NameEntry[] = buildHijriMonths();
export const WEEKDAYS: NameEntry[] = buildWeekdays();

/**
 * Month names that are also common words (مارس "he practised", آب/أب "father", ماي, نيسان the car
 * maker, تموز the deity, صفر "zero" — a score "2-صفر"): accepted alone only with a calendar cue
 * around them.
 */
export const AMBIGUOUS_MONTHS = new Set(['مارس', 'اب', 'ماي', 'نيسان', 'تموز', 'جوان', 'صفر'].map(norm));


// Calendar units, normalised, with their TIMEX letter; singular, dual and plural forms.
export const UNIT_WORDS: Record<string, { unit: Unit; count?: number; plural?: boolean }> = {
  'ساعه': { unit: 'H' }, 'ساعات': { unit: 'H', plural: true }, 'ساعتين': { unit: 'H', count: 2 }, 'ساعتان': { unit: 'H', count: 2 },
  'يوم': { unit: 'D' }, 'يوما': { unit: 'D' }, 'يومين': { unit: 'D', count: 2 }, 'يومان': { unit: 'D', count: 2 }, 'ايام': { unit: 'D', plural: true },
  'اسبوع': { unit: 'W' }, 'اسبوعا': { unit: 'W' }, 'اسبوعين': { unit: 'W', count: 2 }, 'اسبوعان': { unit: 'W', count: 2 }, 'اسابيع': { unit: 'W', plural: true },
  'شهر': { unit: 'M' }, 'شهرا': { unit: 'M' }, 'شهرين': { unit: 'M', count: 2 }, 'شهران': { unit: 'M', count: 2 }, 'اشهر': { unit: 'M', plural: true }, 'شهور': { unit: 'M', plural: true },
  'عام': { unit: 'Y' }, 'عاما': { unit: 'Y' }, 'عامين': { unit: 'Y', count: 2 }, 'عامان': { unit: 'Y', count: 2 }, 'اعوام': { unit: 'Y', plural: true },
  'سنه': { unit: 'Y' }, 'سنة': { unit: 'Y' }, 'سنوات': { unit: 'Y', plural: true }, 'سنين': { unit: 'Y', plural: true }, 'سنتين': { unit: 'Y', count: 2 }, 'سنتان': { unit: 'Y', count: 2 },
};

/** Adjectives after a unit or a weekday that place it relative to now. */
export const PAST_WORDS = new Set(['الماضي', 'الماضيه', 'السابق', 'السابقه', 'المنصرم', 'المنصرمه', 'الفايت', 'الفايته', 'المنقضي', 'الاخير', 'الاخيره', 'الاخيرين', 'الماضيين', 'الماضيان']);
export const FUTURE_WORDS = new Set(['المقبل', 'المقبله', 'القادم', 'القادمه', 'التالي', 'التاليه', 'الجاي', 'الجايه', 'المقبلين', 'القادمين', 'المقبلان', 'القادمان']);
export const PRESENT_WORDS = new Set(['الجاري', 'الجاريه', 'الحالي', 'الحاليه', 'هذا', 'هذه']);

/** Parts of a period → mod. */
export const PART_WORDS: Record<string, 'START' | 'MID' | 'END'> = {
  'اوايل': 'START', 'مطلع': 'START', 'بدايه': 'START', 'بدايات': 'START', 'مستهل': 'START', 'اول': 'START', 'اوله': 'START', 'مفتتح': 'START',
  'منتصف': 'MID', 'اواسط': 'MID', 'وسط': 'MID', 'نص': 'MID', 'نصف': 'MID', 'منتصفه': 'MID',
  'اواخر': 'END', 'نهايه': 'END', 'اخر': 'END', 'ختام': 'END', 'خواتيم': 'END', 'اخير': 'END',
};

/** Words before a bare month name or year that make it a date ("في يناير", "منذ أبريل"). */
export const CUE_BEFORE = new Set(['في', 'منذ', 'حتي', 'خلال', 'قبل', 'بعد', 'شهر', 'شهري', 'مطلع', 'اوايل', 'اواخر', 'منتصف', 'نهايه', 'بدايه', 'اواسط', 'مستهل', 'من', 'الي', 'بين', 'اثناء', 'طوال', 'لغايه', 'ابتداء', 'اعتبارا', 'مع', 'الفتره', 'فتره', 'عامي', 'سنتي', 'بحلول']);
