// Periods and offsets relative to the reference: "الشهر الماضي", "هذا الأسبوع", "الأسابيع
// الأخيرة", "قبل أيام", "منذ عدة أشهر", "بعد يومين", "في وقت سابق من هذا الشهر".
import type { Match, Unit } from '../sem';
import { UNIT_WORDS } from '../lexicon';
import { parseCardinalWords, VAGUE } from '../../quantities/numberWords';
import { dirOf, type Reader } from './reader';
import { dayWords } from './dayWords';

/** A count before a unit: digits, number words, "عدة"/"بضعة" (unknown). */
function count(g: Reader, i: number): { len: number; n: number | null } | undefined {
  const n = g.num(i);
  if (n !== undefined) return { len: 1, n };
  const w = g.w(i);
  if (!w) return undefined;
  if (w === 'عده' || w === 'بضعه' || w === 'بضع' || w === 'عدد' || w === 'بعض') return { len: 1, n: null };
  if (VAGUE[w]) return undefined;
  const c = parseCardinalWords(g.words(i, 4), 0);
  if (c && c.low === c.high && c.value > 0) return { len: c.length, n: c.value };
  return undefined;
}

/** A unit with its count: "أيام", "يومين", "ثلاثة أيام", "أسبوع", "عدة أشهر". */
function countedUnit(g: Reader, i: number): { len: number; unit: Unit; n: number | null } | undefined {
  const c = count(g, i);
  const k = c ? i + c.len : i;
  const u = UNIT_WORDS[g.w(k) ?? ''];
  if (!u) return undefined;
  if (c) return { len: k - i + 1, unit: u.unit, n: c.n };
  if (u.count) return { len: 1, unit: u.unit, n: u.count };
  if (u.plural) return { len: 1, unit: u.unit, n: null };
  return { len: 1, unit: u.unit, n: 1 };
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
  const d = dirOf(g.w(i + 1));
  if (d === undefined) return undefined;
  return { i, skip: f.skip, j: i + 2, sem: { t: 'rel', unit: u.unit, n: Math.abs(d), sign: d, anchor: 'period' } };
}

/** "قبل أيام", "منذ عدة أشهر", "قبل أسبوع", "بعد يومين" — not "قبل أيام من الانتخابات". */
export function agoRel(g: Reader, i: number): Match | undefined {
  const p = g.form(i, (w) => w === 'قبل' || w === 'منذ' || w === 'بعد');
  if (!p) return undefined;
  // "قبل نحو شهر", "منذ حوالي أسبوعين": an approximate count is still the same point.
  const approx = g.isWord(i + 1, 'نحو', 'حوالي', 'قرابه', 'زهاء') ? 1 : 0;
  const cu = countedUnit(g, i + 1 + approx);
  if (!cu) return undefined;
  const j = i + 1 + approx + cu.len;
  // "منذ عام 1931": the unit introduces a year, not a count.
  if (g.num(j) !== undefined) return undefined;
  // Anchored to an event, not to now.
  if (g.isForm(j, 'من', 'علي', 'عن')) return undefined;
  const sign = p.w === 'بعد' ? 1 : -1;
  // "منذ" with a bare singular unit is a duration ("منذ عام" = a year ago), still a point.
  return { i, skip: p.skip, j, sem: { t: 'rel', unit: cu.unit, n: cu.n, sign, anchor: 'ago' } };
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
