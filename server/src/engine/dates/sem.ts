// What a recognised temporal expression means, before it is written as a TIMEX-like value and
// resolved against a reference date (resolve/).

export type Mod = 'START' | 'MID' | 'END';
/** Calendar units, and hours ('H': "منذ ساعات", "خلال الساعات الـ24 الماضية"). */
export type Unit = 'H' | 'D' | 'W' | 'M' | 'Y';
/** -1 past ("الماضي"), 0 current ("هذا", "الجاري"), +1 future ("المقبل"). */
export type Dir = -1 | 0 | 1;

/** A calendar date, possibly partial: any of year, month, day. */
export interface DateSem {
  t: 'date';
  y?: number;
  m?: number;
  d?: number;
  /** The year was written with two digits (19/05/22): `y` holds them, the century is inferred. */
  y2?: boolean;
  /** Hijri calendar fields (y/m/d are then Hijri). */
  hijri?: boolean;
  /** The year given relative to the reference ("من العام الماضي" → -1). */
  yearRel?: number;
  /** The month given relative to the reference ("من هذا الشهر" → 0). */
  monthRel?: number;
  /** A past/future marker after the expression ("كانون الثاني الماضي"), outside the span. */
  dir?: Dir;
  mod?: Mod;
  /** The weekday that was also written ("الخميس 15 آب"), to check and explain. */
  wd?: number;
  /** A quarter or half of the year ("Q1", "H2"). */
  part?: string;
  /** A decade, as its first three digits (199 = the 1990s). */
  decade?: number;
}

export interface WeekdaySem {
  t: 'weekday';
  wd: number;
  dir?: Dir;
  /** Week relative to the reference's week ("الاثنين من الأسبوع الماضي" → -1). */
  weekOff?: number;
  /** How many such weekdays away with `dir` ("الخميس بعد القادم" → 2); 1 when absent. */
  steps?: number;
  mod?: Mod;
}

/** Deictic or counted relative expressions: REF±P{n}{unit}. */
export interface RelSem {
  t: 'rel';
  unit: Unit;
  /** Count; null for an unspecified count (أيام، عدة أشهر). */
  n: number | null;
  sign: -1 | 0 | 1;
  /** period: the calendar unit itself (الشهر الماضي); ago: a point n units away (قبل أسبوع);
   *  window: the last/next n units (الأسابيع الأخيرة). */
  anchor: 'period' | 'ago' | 'window';
  /** Further parts of a compound offset ("منذ شهرين و10 أيام" → [{ D, 10 }]). */
  more?: { unit: Unit; n: number }[];
  /** The words that make the offset approximate ("بضعة", "نحو", a bare plural "أيام"). */
  approx?: string;
  mod?: Mod;
  /** The weekday written with it ("أمس الاثنين"), to check and explain. */
  wd?: number;
}

export interface RangeSem {
  t: 'range';
  from: DateSem;
  to: DateSem;
}

export interface HolidaySem {
  t: 'holiday';
  name: string;
  /** Fixed Hijri day (عيد الفطر = 1 Shawwal) or a whole Hijri month (رمضان). */
  hijri?: { m: number; d?: number };
  greg?: { m: number; d: number };
  easter?: boolean;
  y?: number;
  yearIsHijri?: boolean;
  mod?: Mod;
}

/** n-th (or last, n = -1) weekday / week / day of a month, or n-th weekday after a day. */
export interface NthSem {
  t: 'nth';
  n: number;
  what: 'weekday' | 'week' | 'day';
  wd?: number;
  month: DateSem;
  /** "ثالث ثلاثاء بعد الكريسماس": counted from this day instead of from the month's start. */
  after?: DaySem;
}

/** A time of day as the text gives it. */
export interface ClockTime {
  /** 0–23 once the part of the day placed it; as written (1–12) when `halfKnown` is false. */
  h: number;
  min: number;
  sec?: number;
  /** A part of the day (or a 24-hour reading) told a.m. from p.m. ("الساعة 3" alone does not). */
  halfKnown: boolean;
  /** The words that placed the hour ("بعد الظهر"), for the explanation. */
  period?: string;
  /** A time zone written after the time ("بتوقيت غرينتش"), kept for the explanation. */
  zone?: string;
}

/** Meanings that name one day, which a clock time or a part of the day can be on. */
export type DaySem = DateSem | WeekdaySem | RelSem | HolidaySem | NthSem;

/** A clock time, with the day it is on when the text gives one ("الخميس الساعة 8 مساءً"). */
export interface TimeSem extends ClockTime {
  t: 'time';
  /** The end of a range of clock times ("من الساعة 3 إلى الساعة 4"). */
  until?: { h: number; min: number; sec?: number };
  day?: DaySem;
}

/** TIMEX parts of the day: morning, midday, afternoon, evening, night. */
export type DayPart = 'MO' | 'MI' | 'AF' | 'EV' | 'NI';

/** A part of a named day: "مساء الخميس", "صباح اليوم", "الليلة الماضية". */
export interface DayPartSem {
  t: 'daypart';
  part: DayPart;
  /** The words that name the part, for the explanation. */
  words: string;
  day: DaySem;
}

export type Sem = DateSem | WeekdaySem | RelSem | RangeSem | HolidaySem | NthSem | TimeSem | DayPartSem;

export interface Match {
  /** First token, normalised letters skipped in it (clitics), and end token (exclusive). */
  i: number;
  skip: number;
  j: number;
  sem: Sem;
}

/** Meanings that name one day, which a clock time or a part of the day can be on. */
export function isDay(sem: Sem): sem is DaySem {
  switch (sem.t) {
    case 'date': return sem.d !== undefined;
    case 'weekday': return true;
    case 'rel': return sem.unit === 'D' && sem.anchor !== 'window';
    case 'nth': return sem.what !== 'week';
    case 'holiday': return sem.greg !== undefined || sem.hijri?.d !== undefined || !!sem.easter;
    default: return false;
  }
}
