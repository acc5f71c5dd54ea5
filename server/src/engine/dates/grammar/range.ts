// Ranges of dates: "13 الى 15 تموز", "من 1-8 شهر أيلول", "يوليو 13-15", "من 13 تموز الى 15
// تموز", "بين 13 و15 يوليو", "بين عامي 2003 و2005".
import type { DateSem, Match } from '../sem';
import type { Reader } from './reader';
import { dayFirst, monthFirst } from './calendarDate';
import { day } from './dayNumber';
import { month } from './month';
import { trailingYear, year, yearPhrase } from './year';

function rangeSep(g: Reader, i: number): number {
  if (g.isPunct(i, '-')) return 1;
  const f = g.form(i, (w) => w === 'الي' || w === 'حتي' || w === 'لغايه');
  if (f) return 1;
  if (g.isWord(i, 'و')) return 1;
  return 0;
}

export function range(g: Reader, i: number): Match | undefined {
  // day SEP date
  const d1 = day(g, i);
  if (d1) {
    let k = i + d1.len;
    const s = rangeSep(g, k);
    if (s) {
      k += s;
      const second = dayFirst(g, k);
      if (second && second.sem.d !== undefined && second.sem.d > d1.d) {
        return { i, skip: d1.skip, j: second.match.j, sem: { t: 'range', from: { ...second.sem, d: d1.d, dir: undefined }, to: second.sem } };
      }
    }
  }
  // month day SEP day
  const m = month(g, i);
  if (m && m.m !== undefined) {
    let k = i + m.len;
    const a = g.num(k);
    if (a !== undefined && a <= 31 && g.digits(k)!.length <= 2) {
      const s = rangeSep(g, k + 1);
      const b = s ? g.num(k + 1 + s) : undefined;
      if (b !== undefined && b > a && b <= 31) {
        k = k + 2 + s;
        const to: DateSem = { t: 'date', m: m.m, d: b };
        const y = trailingYear(g, k);
        if (y) { k += y.len; if (y.y !== undefined) to.y = y.y; if (y.yearRel !== undefined) to.yearRel = y.yearRel; }
        return { i, skip: m.skip, j: k, sem: { t: 'range', from: { ...to, d: a }, to } };
      }
    }
  }
  // date SEP date
  const a = dayFirst(g, i) ?? monthFirst(g, i);
  if (a) {
    const k = a.match.j;
    const s = rangeSep(g, k);
    if (s && !g.isWord(k, 'و') || (s && g.isForm(i - 1, 'بين'))) {
      const b = dayFirst(g, k + s) ?? monthFirst(g, k + s);
      if (b) {
        const from: DateSem = { ...a.sem };
        if (from.m === undefined && from.monthRel === undefined) from.m = b.sem.m;
        if (from.y === undefined && from.yearRel === undefined) { if (b.sem.y !== undefined) from.y = b.sem.y; if (b.sem.yearRel !== undefined) from.yearRel = b.sem.yearRel; }
        return { i: a.match.i, skip: a.match.skip, j: b.match.j, sem: { t: 'range', from, to: b.sem } };
      }
    }
  }
  // year SEP year: "بين عامي 2003 و2005", "2003-2005" after a cue
  const y1 = yearPhrase(g, i, false) ?? (g.cueBefore(i) ? yearPhrase(g, i, true) : undefined);
  if (y1) {
    const k = i + y1.len;
    const s = rangeSep(g, k);
    const y2 = s ? year(g, k + s) : undefined;
    if (y2 && y2.y > y1.y && y2.y - y1.y < 200) return { i, skip: y1.skip, j: k + s + y2.len, sem: { t: 'range', from: { t: 'date', y: y1.y }, to: { t: 'date', y: y2.y } } };
  }
  return undefined;
}
