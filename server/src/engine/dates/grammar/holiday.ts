// Holidays: عيد الفطر، عيد الأضحى، عيد الميلاد (الكريسماس)، عيد الفصح، رأس السنة الهجرية/الميلادية، يوم عرفة،
// المولد النبوي، شهر رمضان — with an optional year.
import type { Match, Sem } from '../sem';
import type { Reader } from './reader';
import { trailingYear } from './year';

export function holiday(g: Reader, i: number): Match | undefined {
  const eid = g.form(i, (w) => w === 'عيد');
  let k = i + 1;
  let sem: Sem | undefined;
  if (eid) {
    const nx = g.w(k);
    if (nx === 'الفطر') sem = { t: 'holiday', name: 'عيد الفطر', hijri: { m: 10, d: 1 } };
    else if (nx === 'الاضحي') sem = { t: 'holiday', name: 'عيد الأضحى', hijri: { m: 12, d: 10 } };
    else if (nx === 'الميلاد' && !g.isWord(k + 1, 'ال')) sem = { t: 'holiday', name: 'عيد الميلاد', greg: { m: 12, d: 25 } };
    else if (nx === 'الفصح' || nx === 'القيامه') sem = { t: 'holiday', name: 'عيد الفصح', easter: true };
    else if (nx === 'الكريسماس' || nx === 'كريسماس') sem = { t: 'holiday', name: 'عيد الميلاد', greg: { m: 12, d: 25 } };
    if (sem) { k++; if (g.isWord(k, 'المجيد', 'المبارك', 'السعيد')) k++; }
  } else if (g.isForm(i, 'كريسماس', 'الكريسماس')) {
    // Christmas by its borrowed name.
    sem = { t: 'holiday', name: 'عيد الميلاد', greg: { m: 12, d: 25 } }; k = i + 1;
  } else if (g.isForm(i, 'راس') && g.isWord(i + 1, 'السنه') && g.isWord(i + 2, 'الهجريه')) {
    sem = { t: 'holiday', name: 'رأس السنة الهجرية', hijri: { m: 1, d: 1 } }; k = i + 3;
  } else if (g.isForm(i, 'راس') && g.isWord(i + 1, 'السنه') && g.isWord(i + 2, 'الميلاديه')) {
    sem = { t: 'holiday', name: 'رأس السنة الميلادية', greg: { m: 1, d: 1 } }; k = i + 3;
  } else if (g.isForm(i, 'يوم') && g.isWord(i + 1, 'عرفه', 'عرفات')) {
    sem = { t: 'holiday', name: 'يوم عرفة', hijri: { m: 12, d: 9 } }; k = i + 2;
  } else if (g.isForm(i, 'المولد') && g.isWord(i + 1, 'النبوي')) {
    sem = { t: 'holiday', name: 'المولد النبوي', hijri: { m: 3, d: 12 } }; k = i + 2;
  } else if (g.isForm(i, 'رمضان', 'شهر')) {
    // "رمضان 2019", "شهر رمضان": the whole month. Bare "رمضان" is also a personal name.
    const withShahr = g.isForm(i, 'شهر') && g.isWord(i + 1, 'رمضان');
    if (withShahr || g.isForm(i, 'رمضان')) {
      k = withShahr ? i + 2 : i + 1;
      const y = trailingYear(g, k);
      if (!withShahr && !(y && y.y !== undefined)) return undefined;
      sem = { t: 'holiday', name: 'رمضان', hijri: { m: 9 } };
    }
  }
  if (!sem || sem.t !== 'holiday') return undefined;
  const y = trailingYear(g, k);
  if (y && y.y !== undefined) { sem.y = y.y; sem.yearIsHijri = y.hijri || y.y < 1600; k += y.len; }
  return { i, skip: g.toks[i].forms.find((f) => ['عيد', 'راس', 'يوم', 'المولد', 'رمضان', 'شهر', 'كريسماس', 'الكريسماس'].includes(f.w))?.skip ?? 0, j: k, sem };
}
