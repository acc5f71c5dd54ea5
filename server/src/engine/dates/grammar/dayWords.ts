// Days named relative to the reference: أمس، البارحة، أول أمس، أمس الأول، قبل يوم أمس، غدا، بعد غد،
// اليوم.
import type { Match } from '../sem';
import { ORDINALS } from '../../quantities/numberWords';
import { dirOf, type Reader } from './reader';

const DAY_WORDS = new Set(['امس', 'البارحه', 'امبارح', 'غدا', 'بكره', 'بكرا', 'اليوم', 'الغد']);
const NEAR_DAYS = new Set(['غد', 'الغد', 'بكره', 'بكرا', 'امس', 'البارحه', 'امبارح']);

export function dayWords(g: Reader, i: number): Match | undefined {
  const mk = (len: number, skip: number, n: number): Match => ({ i, skip, j: i + len, sem: { t: 'rel', unit: 'D', n: Math.abs(n), sign: (Math.sign(n) as -1 | 0 | 1), anchor: 'period' } });
  // "يوم/اليوم" + (قبل|بعد) …: "يوم بعد غد", "اليوم الذي بعد الغد", "اليوم القبل البارحة"
  let k = i, skip = 0, lead = false;
  const y = g.form(i, (w) => w === 'يوم' || w === 'اليوم');
  if (y && (g.isForm(i + 1, 'بعد', 'قبل', 'الذي', 'الي', 'القبل', 'غد', 'امس'))) {
    k = i + 1; skip = y.skip; lead = true;
    if (g.isWord(k, 'الذي', 'الي')) k++;
  }
  let pre = g.form(k, (w) => w === 'بعد' || w === 'قبل' || w === 'القبل' || w === 'اول');
  // "أول أمس" takes no preposition: "باول أمس" is the name Powell before "أمس".
  if (pre && pre.w === 'اول' && !/^[وف]*$/.test(g.toks[k].n.slice(0, g.toks[k].n.length - 3))) pre = undefined;
  if (pre) {
    // "قبل يوم أمس" (the day before yesterday), "بعد يوم غد".
    const y2 = !lead && g.isWord(k + 1, 'يوم') ? 1 : 0;
    const nx = g.form(k + 1 + y2, (w) => NEAR_DAYS.has(w));
    if (nx) {
      const future = nx.w === 'غد' || nx.w === 'الغد' || nx.w === 'بكره' || nx.w === 'بكرا';
      if (pre.w === 'بعد' && future) return mk(k + 2 + y2 - i, lead ? skip : pre.skip, 2);
      if (pre.w !== 'بعد' && !future) return mk(k + 2 + y2 - i, lead ? skip : pre.skip, -2);
    }
    if (lead) return undefined;
  }
  if (lead) {
    const nx = g.form(k, (w) => w === 'غد' || w === 'امس');
    if (nx) return mk(k + 1 - i, skip, nx.w === 'غد' ? 1 : -1);
    return undefined;
  }
  const f = g.form(i, (w) => DAY_WORDS.has(w));
  if (!f) return undefined;
  // "أمس الأول" = the day before yesterday.
  if (f.w === 'امس' && g.isWord(i + 1, 'الاول')) return mk(2, f.skip, -2);
  if (f.w === 'اليوم') {
    // "اليوم الماضي/السابق" = yesterday; "اليوم التالي" = the next day (relative to the story,
    // not to now: left out); "اليوم" alone = today — but not "ذلك اليوم" (that day) nor a named
    // day ("اليوم الوطني", "اليوم العالمي للمرأة", "اليوم الأول من …").
    const d = dirOf(g.w(i + 1));
    if (d === -1) return mk(2, f.skip, -1);
    if (d !== undefined) return undefined;
    if (g.isForm(i - 1, 'هذا', 'ذلك', 'تلك', 'نفس', 'ذات')) return undefined;
    const nx = g.w(i + 1);
    // A following nisba adjective or ordinal names a day (اليوم الوطني، اليوم الأول); a following
    // noun phrase is just the next words of the sentence ("يلتقي اليوم الرئيس").
    if (nx && nx.startsWith('ال') && (/(ي|يه)$/.test(nx) || ORDINALS[nx.slice(2)] !== undefined) && !g.weekday(i + 1, false)) return undefined;
    if (g.isWord(i + 1, 'نفسه', 'ذاته')) return undefined;
    // "في اليوم 14 من الإضراب": a day counted in a story, not today.
    if (g.num(i + 1) !== undefined && (g.isForm(i - 1, 'في') || g.isWord(i + 2, 'من', 'علي'))) return undefined;
    return mk(1, f.skip, 0);
  }
  if (f.w === 'الغد') return f.skip > 0 || g.isForm(i - 1, 'يوم') ? mk(1, f.skip, 1) : undefined;
  return mk(1, f.skip, f.w === 'امس' || f.w === 'البارحه' || f.w === 'امبارح' ? -1 : 1);
}
