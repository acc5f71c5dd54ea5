// Calendar arithmetic on plain (UTC) dates: ISO strings, weeks starting on Monday (ISO 8601),
// Hijri ↔ Gregorian through ICU's Islamic calendars (Intl), and the movable feasts.

export interface YMD { y: number; m: number; d: number }

const DAY = 86_400_000;

export function toDays(x: YMD): number {
  const t = new Date(0);
  t.setUTCFullYear(x.y, x.m - 1, x.d);
  t.setUTCHours(0, 0, 0, 0);
  return Math.floor(t.getTime() / DAY);
}

export function fromDays(n: number): YMD {
  const t = new Date(n * DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function addDays(x: YMD, n: number): YMD {
  return fromDays(toDays(x) + n);
}

export function addMonths(x: YMD, n: number): YMD {
  const idx = x.y * 12 + (x.m - 1) + n;
  const y = Math.floor(idx / 12), m = idx - y * 12 + 1;
  return { y, m, d: Math.min(x.d, daysInMonth(y, m)) };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate() || (m === 2 ? 28 : 30);
}

export function isValid(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export function isoWeekday(x: YMD): number {
  const w = ((toDays(x) % 7) + 7 + 3) % 7; // 1970-01-01 was a Thursday (ISO 4)
  return w + 1;
}

export function mondayOf(x: YMD): YMD {
  return addDays(x, 1 - isoWeekday(x));
}

/** ISO 8601 week label (2013-W07) of a date. */
export function isoWeek(x: YMD): string {
  const thursday = addDays(x, 4 - isoWeekday(x));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  const week = Math.floor((toDays(thursday) - toDays(jan1)) / 7) + 1;
  return `${thursday.y}-W${String(week).padStart(2, '0')}`;
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function iso(x: YMD): string {
  return `${String(x.y).padStart(4, '0')}-${pad2(x.m)}-${pad2(x.d)}`;
}

export function parseIso(s: string): YMD | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return null;
  const r = { y: +m[1], m: +m[2], d: +m[3] };
  return isValid(r.y, r.m, r.d) ? r : null;
}

// ICU Islamic calendars. Umm al-Qura is the official calendar of Saudi Arabia and what most
// Arabic media print; the arithmetic (civil) calendar is the fallback outside its range.
const hijriFormatters = new Map<string, Intl.DateTimeFormat>();
function hijriFormatter(cal: string): Intl.DateTimeFormat {
  let f = hijriFormatters.get(cal);
  if (!f) {
    f = new Intl.DateTimeFormat(`en-u-ca-${cal}-nu-latn`, { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
    hijriFormatters.set(cal, f);
  }
  return f;
}

export function gregorianToHijri(x: YMD, cal = 'islamic-umalqura'): YMD {
  const parts = hijriFormatter(cal).formatToParts(new Date(toDays(x) * DAY));
  const get = (t: string) => +(parts.find((p) => p.type === t)?.value ?? NaN);
  return { y: get('year'), m: get('month'), d: get('day') };
}

/**
 * Gregorian date of a Hijri date, by searching ICU's calendar: estimate with the mean Hijri year
 * (354.367 days) and correct by the difference ICU reports, a few steps at most.
 */
export function hijriToGregorian(h: YMD, cal = 'islamic-umalqura'): YMD | null {
  // 1 Muharram 1 AH ≈ 622-07-16 (day -490,… in epoch days). Estimate, then walk.
  const epoch = toDays({ y: 622, m: 7, d: 16 });
  let guess = epoch + Math.round((h.y - 1) * 354.36667 + (h.m - 1) * 29.5306 + (h.d - 1));
  for (let step = 0; step < 8; step++) {
    const got = gregorianToHijri(fromDays(guess), cal);
    if (!Number.isFinite(got.y)) return null;
    const diff = (h.y - got.y) * 354 + (h.m - got.m) * 29.5 + (h.d - got.d);
    if (got.y === h.y && got.m === h.m && got.d === h.d) return fromDays(guess);
    if (Math.abs(diff) < 0.5) break;
    guess += Math.round(diff);
  }
  // Day 30 that the month does not have, or a one-day wobble: scan around the estimate.
  for (let delta = -3; delta <= 3; delta++) {
    const got = gregorianToHijri(fromDays(guess + delta), cal);
    if (got.y === h.y && got.m === h.m && got.d === h.d) return fromDays(guess + delta);
  }
  return null;
}

/** Western Easter Sunday (anonymous Gregorian algorithm). */
export function westernEaster(y: number): YMD {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30, i = Math.floor(c / 4), k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}
