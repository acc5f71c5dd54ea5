// Periods and offsets relative to the reference: "الشهر الماضي", "هذا الأسبوع", "العام قبل
// الماضي", "الأسابيع الأخيرة", "آخر أسبوع", "قبل أيام", "منذ عدة أشهر", "بعد يومين", compound
// offsets ("منذ شهرين و10 أيام", "قبل عام ونصف"), "من أسبوع", "في وقت سابق من هذا الشهر".
import type { Match, RelSem, Unit } from '../sem';
import { UNIT_WORDS } from '../lexicon';
import { parseCardinalWords, VAGUE } from '../../quantities/numberWords';
import { dirOf, type Reader } from './reader';
import { endsDate, wordBefore } from './context';
import { dayWords } from './dayWords';
import { month } from './month';
import { yearWords } from './year';

/** A count before a unit: digits, number words, "عدة"/"بضعة" (unknown). A conjunction may be
 *  attached to the first word when the count continues a compound ("وعشرة أيام"). */
function count(g: Reader, i: number, conj = false): { len: number; n: number | null } | undefined {
  const n = g.num(i);
  if (n !== undefined) return { len: 1, n };
  let w = g.w(i);
  if (!w) return undefined;
  // "وعشرة" in a compound; not "واحد", whose و is its own.
  if (conj && /^و../.test(w) && parseCardinalWords([w], 0) === null) w = w.slice(1);
  if (w === 'عده' || w === 'بضعه' || w === 'بضع' || w === 'عدد' || w === 'بعض') return { len: 1, n: null };
  if (VAGUE[w]) return undefined;
  const c = parseCardinalWords([w, ...g.words(i + 1, 3)], 0);
  if (c && c.low === c.high && c.value > 0) return { len: c.length, n: c.value };
  return undefined;
}

/** A unit with its count: "أيام", "يومين", "ثلاثة أيام", "أسبوع", "عدة أشهر" ("وشهرين" inside a
 *  compound, `conj`). */
function countedUnit(g: Reader, i: number, conj = false): { len: number; unit: Unit; n: number | null } | undefined {
  const c = count(g, i, conj);
  const k = c ? i + c.len : i;
  let w = g.w(k) ?? '';
  if (conj && !c && /^و../.test(w)) w = w.slice(1);
  const u = UNIT_WORDS[w];
  if (!u) return undefined;
  if (c) return { len: k - i + 1, unit: u.unit, n: c.n };
  if (u.count) return { len: 1, unit: u.unit, n: u.count };
  if (u.plural) return { len: 1, unit: u.unit, n: null };
  // "عام واحد": one written after the unit.
  if (g.isWord(k + 1, 'واحد', 'واحده')) return { len: 2, unit: u.unit, n: 1 };
  return { len: 1, unit: u.unit, n: 1 };
}

/** Units from the largest, to order the parts of a compound offset. */
const UNIT_RANK: Record<Unit, number> = { Y: 5, M: 4, W: 3, D: 2, H: 1 };

/** Half of a unit in smaller units ("عام ونصف" = a year and six months). */
const HALF: Partial<Record<Unit, { unit: Unit; n: number }>> = { Y: { unit: 'M', n: 6 }, M: { unit: 'D', n: 15 } };

/** The further parts of a compound offset after a counted unit ending at k: "و 10 أيام",
 *  "وشهرين", "ونصف". Each part is a smaller unit than the one before. */
function compoundParts(g: Reader, k: number, first: Unit): { j: number; more: { unit: Unit; n: number }[] } {
  const more: { unit: Unit; n: number }[] = [];
  let last = first;
  for (;;) {
    const sepWord = g.isWord(k, 'و');
    const q = sepWord ? k + 1 : k;
    if (!sepWord && !/^و/.test(g.w(k) ?? '')) break;
    const half = g.form(q, (w) => w === 'نصف');
    if (half && (sepWord || half.skip === 1) && HALF[last] && !more.length) {
      more.push(HALF[last]!);
      k = q + 1;
      break;
    }
    const cu = countedUnit(g, q, !sepWord);
    if (!cu || cu.n === null || UNIT_RANK[cu.unit] >= UNIT_RANK[last] || cu.unit === 'H') break;
    more.push({ unit: cu.unit, n: cu.n });
    last = cu.unit;
    k = q + cu.len;
  }
  return { j: k, more };
}

/** "الشهر الماضي", "هذا الأسبوع", "العام المقبل", "السنة الحالية", "اليوم السابق". */
export function periodRel(g: Reader, i: number): Match | undefined {
  const th = g.form(i, (w) => w === 'هذا' || w === 'هذه');
  if (th) {
    const u = g.w(i + 1);
    if (u && u.startsWith('ال') && UNIT_WORDS[u.slice(2)] && !UNIT_WORDS[u.slice(2)].plural && !UNIT_WORDS[u.slice(2)].count) {
      return { i, skip: th.skip, j: i + 2, sem: { t: 'rel', unit: UNIT_WORDS[u.slice(2)].unit, n: 0, sign: 0, anchor: 'period' } };
    }
  }
  const f = g.form(i, (w) => w.startsWith('ال') && !!UNIT_WORDS[w.slice(2)]);
  if (!f) return undefined;
  const u = UNIT_WORDS[f.w.slice(2)];
  if (u.count) {
    // "العامين الماضيين", "الأسبوعين المقبلين": the last/next two units.
    const d = dirOf(g.w(i + 1));
    if (d === undefined || d === 0) return undefined;
    return { i, skip: f.skip, j: i + 2, sem: { t: 'rel', unit: u.unit, n: u.count, sign: d, anchor: 'window' } };
  }
  if (u.plural) {
    // "الأسابيع الأخيرة", "الأشهر الثلاثة الماضية", "الأيام القليلة المقبلة"
    let k = i + 1;
    let n: number | null = null;
    const c = parseCardinalWords(g.words(k, 3).map((x) => x.replace(/^ال/, '')), 0);
    if (c && c.low === c.high) { n = c.value; k += c.length; }
    // "الساعات الـ24 الماضية", "الأيام 10 الأخيرة"
    else if (g.num(k) !== undefined || (g.isWord(k, 'ال') && g.num(k + 1) !== undefined)) { k += g.num(k) !== undefined ? 0 : 1; n = g.num(k)!; k++; }
    else if (g.isWord(k, 'القليله', 'العشر')) k++;
    const d = dirOf(g.w(k));
    if (d === undefined || d === 0) return undefined;
    return { i, skip: f.skip, j: k + 1, sem: { t: 'rel', unit: u.unit, n, sign: d, anchor: 'window' } };
  }
  // "العام قبل الماضي", "الأسبوع بعد المقبل": two units away.
  // Not "اليوم قبل الأخير" (the last day but one, of a story).
  const d2 = g.isWord(i + 2, 'الاخير', 'الاخيره') ? undefined : dirOf(g.w(i + 2));
  if ((g.isWord(i + 1, 'قبل') && d2 === -1) || (g.isWord(i + 1, 'بعد') && d2 === 1)) return { i, skip: f.skip, j: i + 3, sem: { t: 'rel', unit: u.unit, n: 2, sign: d2, anchor: 'period' } };
  const d = dirOf(g.w(i + 1));
  if (d === undefined) return undefined;
  return { i, skip: f.skip, j: i + 2, sem: { t: 'rel', unit: u.unit, n: Math.abs(d), sign: d, anchor: 'period' } };
}

/** Words before a count that make it approximate ("قبل نحو شهر"); the point is the same. */
const ABOUT = ['نحو', 'حوالي', 'قرابه', 'زهاء'];

/**
 * "قبل أيام", "منذ عدة أشهر", "قبل أسبوع", "بعد يومين", compound offsets ("منذ 2 شهر و 10 أيام",
 * "قبل عام ونصف"), and "من الآن"/"من اليوم" after them ("بعد ثلاثة أسابيع من الآن") — not an
 * offset from an event ("قبل أيام من الانتخابات").
 */
export function agoRel(g: Reader, i: number): Match | undefined {
  const p = g.form(i, (w) => w === 'قبل' || w === 'منذ' || w === 'بعد');
  if (!p) return colloquialAgo(g, i);
  const about = g.isWord(i + 1, ...ABOUT) ? 1 : 0;
  const cu = countedUnit(g, i + 1 + about);
  if (!cu) return undefined;
  let j = i + 1 + about + cu.len;
  // "منذ عام 1931", "منذ عام ألفين": the unit introduces a year, not a count.
  if (g.num(j) !== undefined || yearWords(g, j)) return undefined;
  const parts = cu.n !== null && cu.unit !== 'H' ? compoundParts(g, j, cu.unit) : { j, more: [] };
  j = parts.j;
  // "من الآن", "من اليوم": counted from now, which is the reference anyway.
  if (g.isWord(j, 'من') && g.isWord(j + 1, 'الان', 'اليوم')) j += 2;
  // Anchored to an event, not to now.
  else if (g.isForm(j, 'من', 'علي', 'عن')) return undefined;
  const sign = p.w === 'بعد' ? 1 : -1;
  const sem: RelSem = { t: 'rel', unit: cu.unit, n: cu.n, sign, anchor: 'ago' };
  if (parts.more.length) sem.more = parts.more;
  if (about) sem.approx = g.w(i + 1)!;
  // "منذ" with a bare singular unit is a duration ("منذ عام" = a year ago), still a point.
  return { i, skip: p.skip, j, sem };
}

/** Words before "من" + a count that make it a comparison, an approximation or a share, not "ago"
 *  ("أكثر من أسبوع", "لأقل من عامين", "ما يقارب من 15 عاما", "أقل من 55 عاما"). */
const NOT_AGO_BEFORE = new Set(['اكثر', 'اقل', 'ازيد', 'اكتر', 'بدلا', 'بدل', 'اقرب', 'اطول', 'اقصر', 'ابعد', 'اكبر', 'اصغر', 'مده', 'فتره', 'خلال', 'طوال', 'طيله', 'واحد', 'واحده', 'جزء', 'نوع', 'اي', 'كل', 'مزيد', 'اعتبارا', 'ابتداء', 'بين', 'يقارب', 'يناهز', 'يزيد', 'يقل', 'قرابه', 'قريبا', 'نحو', 'حوالي', 'زهاء', 'ما', 'اعمار', 'عمر', 'عمره', 'بعمر']);

/**
 * Colloquial "من أسبوع", "من يومين" (a week ago, two days ago; Egyptian and Levantine), only where
 * nothing follows it in its clause and no comparison comes before it: "من أسبوع إلى آخر", "أكثر
 * من أسبوع", "من أسبوع حافل" are not dates.
 */
function colloquialAgo(g: Reader, i: number): Match | undefined {
  const f = g.form(i, (w) => w === 'من');
  if (!f || f.skip > 0) return undefined;
  // Nor after a month name or a number ("يوليو من عام 2014").
  if (wordBefore(g, i, NOT_AGO_BEFORE) || g.num(i - 1) !== undefined || month(g, i - 1)) return undefined;
  const cu = countedUnit(g, i + 1);
  if (!cu || cu.n === null || cu.unit === 'H') return undefined;
  const j = i + 1 + cu.len;
  const next = g.tok(j);
  if (next && !(next.kind === 'p' && '.,;!?)'.includes(next.n)) && !g.isWord(j, 'تقريبا', 'فقط', 'بس', 'بالضبط')) return undefined;
  return { i, skip: 0, j, sem: { t: 'rel', unit: cu.unit, n: cu.n, sign: -1, anchor: 'ago' } };
}

/** "آخر يوم", "آخر أسبوع", "آخر شهر": the one before the current one, as "الأسبوع الأخير" — not
 *  the last of something named after it ("آخر يوم من المهرجان", "آخر يوم عمل"). */
export function lastUnit(g: Reader, i: number): Match | undefined {
  const f = g.form(i, (w) => w === 'اخر');
  if (!f) return undefined;
  const u = UNIT_WORDS[g.w(i + 1) ?? ''];
  if (!u || u.count || u.plural || u.unit === 'H') return undefined;
  if (!endsDate(g, i + 2) || g.isForm(i + 2, 'من', 'في', 'علي') || g.weekday(i + 2, false)) return undefined;
  return { i, skip: f.skip, j: i + 2, sem: { t: 'rel', unit: u.unit, n: 1, sign: -1, anchor: 'period' } };
}

/** "في وقت سابق من هذا الشهر", "في وقت لاحق من العام الجاري", "في وقت سابق اليوم". */
export function earlierLater(g: Reader, i: number): Match | undefined {
  let k = i, skip = 0;
  const fi = g.form(i, (w) => w === 'في');
  if (fi) { k++; skip = fi.skip; }
  if (!g.isWord(k, 'وقت')) return undefined;
  if (!g.isWord(k + 1, 'سابق', 'لاحق', 'مبكر', 'متاخر', 'مبكره')) return undefined;
  let q = k + 2;
  if (g.isWord(q, 'من')) q++;
  const inner = periodRel(g, q) ?? dayWords(g, q);
  if (!inner || inner.sem.t !== 'rel' || inner.sem.anchor !== 'period') return undefined;
  return { i, skip: fi ? skip : g.toks[k].forms[0].skip, j: inner.j, sem: inner.sem };
}
