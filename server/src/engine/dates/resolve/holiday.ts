// Holidays: fixed Gregorian days, Western Easter, and Hijri feasts converted with ICU.
import { addDays, gregorianToHijri, hijriToGregorian, iso, pad2, toDays, westernEaster, type YMD } from '../calendar';
import type { HolidaySem } from '../sem';
import { FUTURE_SLACK_DAYS, HIJRI_EN, withMod, type Ctx, type Resolution } from './context';

function holidayInGregorianYear(sem: HolidaySem, y: number): { start: YMD; end: YMD } | null {
  if (sem.greg) { const d = { y, m: sem.greg.m, d: sem.greg.d }; return { start: d, end: d }; }
  if (sem.easter) { const d = westernEaster(y); return { start: d, end: d }; }
  if (sem.hijri) {
    const hy0 = gregorianToHijri({ y, m: 1, d: 1 }).y;
    for (const hy of [hy0, hy0 + 1]) {
      const s = hijriToGregorian({ y: hy, m: sem.hijri.m, d: sem.hijri.d ?? 1 });
      if (s && s.y === y) {
        if (sem.hijri.d !== undefined) return { start: s, end: s };
        const nx = hijriToGregorian({ y: sem.hijri.m === 12 ? hy + 1 : hy, m: sem.hijri.m === 12 ? 1 : sem.hijri.m + 1, d: 1 });
        return { start: s, end: nx ? addDays(nx, -1) : s };
      }
    }
  }
  return null;
}

export function resolveHoliday(sem: HolidaySem, ctx: Ctx): Resolution {
  const lines = [`holiday ${sem.name}${sem.hijri ? ` (${sem.hijri.d ? sem.hijri.d + ' ' : ''}${HIJRI_EN[sem.hijri.m - 1]})` : ''}`];
  let occ: { start: YMD; end: YMD } | null = null;
  if (sem.y !== undefined) {
    if (sem.yearIsHijri && sem.hijri) {
      const s = hijriToGregorian({ y: sem.y, m: sem.hijri.m, d: sem.hijri.d ?? 1 });
      if (s) occ = { start: s, end: s };
    } else occ = holidayInGregorianYear(sem, sem.y);
    if (occ) lines.push(`in the year ${sem.y}`);
  } else if (ctx.ref) {
    const r = toDays(ctx.ref);
    let best: { start: YMD; end: YMD } | null = null, bestScore = Infinity;
    for (const y of [ctx.ref.y - 1, ctx.ref.y, ctx.ref.y + 1]) {
      const o = holidayInGregorianYear(sem, y);
      if (!o) continue;
      const diff = toDays(o.start) - r;
      const score = ctx.prefer === 'future' ? (toDays(o.end) >= r ? Math.max(diff, 0) : Infinity) : diff > FUTURE_SLACK_DAYS ? Infinity : Math.abs(diff);
      if (score < bestScore) { bestScore = score; best = o; }
    }
    occ = best;
    if (occ) lines.push(`occurrence ${iso(occ.start)} chosen from the reference date ${ctx.refText} (nearest ${ctx.prefer === 'future' ? 'coming' : 'past'} one)`);
  }
  let resolved: string | null = null;
  if (occ) {
    resolved = toDays(occ.start) === toDays(occ.end) ? iso(occ.start) : `${iso(occ.start)}/${iso(occ.end)}`;
    if (sem.hijri) lines.push('Hijri dates converted with the Umm al-Qura calendar (ICU)');
  }
  let value: string;
  if (sem.y !== undefined && resolved) value = resolved;
  else if (sem.greg) value = `XXXX-${pad2(sem.greg.m)}-${pad2(sem.greg.d)}`;
  else if (sem.hijri) value = `HXXXX-${pad2(sem.hijri.m)}${sem.hijri.d ? '-' + pad2(sem.hijri.d) : ''}`;
  else value = 'XXXX-XX-XX';
  return withMod({ value, kind: sem.hijri ? 'hijri' : 'absolute', resolved, explanation: lines }, sem.mod);
}
