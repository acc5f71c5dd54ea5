// Hijri dates: converted with ICU's Umm al-Qura calendar; a missing Hijri year is the one nearest
// the reference date; "رمضان 2019" (a Hijri month with a Gregorian year) is the one in that year.
import { addDays, gregorianToHijri, hijriToGregorian, iso, pad2, toDays } from '../calendar';
import type { DateSem } from '../sem';
import { FUTURE_SLACK_DAYS, HIJRI_EN, weekdayCheck, withMod, type Ctx, type Resolution } from './context';

export function resolveHijriDate(sem: DateSem, ctx: Ctx): Resolution {
  const lines: string[] = [];
  const hm = sem.m, hd = sem.d;
  const desc = `${hd !== undefined ? hd + ' ' : ''}${hm !== undefined ? HIJRI_EN[hm - 1] : ''}${sem.y !== undefined ? ' ' + sem.y : ''} AH`.trim();
  lines.push(`Hijri date ${desc}`);
  let hy = sem.y ?? null;
  let gregYear = false;
  if (hy !== null && hy >= 1600 && hm !== undefined) {
    // "رمضان 2019": a Hijri month with a Gregorian year — the one that falls in that year.
    const gy = hy;
    const h0 = gregorianToHijri({ y: gy, m: 1, d: 1 }).y;
    hy = [h0, h0 + 1].find((c) => hijriToGregorian({ y: c, m: hm, d: hd ?? 1 })?.y === gy) ?? null;
    gregYear = true;
    if (hy !== null) lines.push(`the year ${gy} is Gregorian: ${HIJRI_EN[hm - 1]} of that year is in Hijri year ${hy}`);
  }
  if (hy === null && !gregYear && ctx.ref && hm !== undefined) {
    const refH = gregorianToHijri(ctx.ref);
    const cands = [refH.y - 1, refH.y, refH.y + 1];
    const r = toDays(ctx.ref);
    let best: number | null = null, bestScore = Infinity;
    for (const c of cands) {
      const g = hijriToGregorian({ y: c, m: hm, d: hd ?? 1 });
      if (!g) continue;
      const diff = toDays(g) - r;
      const score = sem.dir === -1 ? (diff < 0 ? -diff : Infinity)
        : sem.dir === 1 ? (diff > 0 ? diff : Infinity)
        : ctx.prefer === 'future' ? (diff >= 0 ? diff : Infinity) : diff > FUTURE_SLACK_DAYS ? Infinity : Math.abs(diff);
      if (score < bestScore) { bestScore = score; best = c; }
    }
    hy = best;
    const how = sem.dir === -1 ? 'last one before it ("past")' : sem.dir === 1 ? 'first one after it ("next")' : `nearest ${ctx.prefer === 'future' ? 'next' : 'past'} occurrence`;
    if (hy !== null) lines.push(`Hijri year ${hy} inferred from the reference date ${ctx.refText} (${how})`);
  }
  let value = `H${sem.y ?? 'XXXX'}${hm !== undefined ? '-' + pad2(hm) : ''}${hd !== undefined ? '-' + pad2(hd) : ''}`;
  let resolved: string | null = null;
  if (hy !== null && hm !== undefined) {
    const start = hijriToGregorian({ y: hy, m: hm, d: hd ?? 1 });
    if (start) {
      if (hd !== undefined) {
        resolved = iso(start);
        lines.push(`converted with the Umm al-Qura calendar (ICU): ${resolved}`);
        if (sem.wd !== undefined) lines.push(weekdayCheck(sem.wd, start, resolved));
      } else {
        const next = hijriToGregorian({ y: hm === 12 ? hy + 1 : hy, m: hm === 12 ? 1 : hm + 1, d: 1 });
        resolved = next ? `${iso(start)}/${iso(addDays(next, -1))}` : iso(start);
        lines.push(`Hijri month ${HIJRI_EN[hm - 1]} ${hy} spans ${resolved} (Umm al-Qura calendar, ICU)`);
      }
      if (sem.y !== undefined && (hd !== undefined || gregYear)) value = resolved;
    }
  } else if (hy !== null && hm === undefined) {
    const a = hijriToGregorian({ y: hy, m: 1, d: 1 }), b = hijriToGregorian({ y: hy + 1, m: 1, d: 1 });
    if (a && b) { resolved = `${iso(a)}/${iso(addDays(b, -1))}`; lines.push(`Hijri year ${hy} spans ${resolved}`); }
  }
  return withMod({ value, kind: 'hijri', resolved, explanation: lines }, sem.mod);
}
