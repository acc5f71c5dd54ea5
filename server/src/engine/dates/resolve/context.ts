// What every resolver shares: the reference date and reading direction, the shape of a
// resolution, English names for the explanations, and the mod (part of a period) line.
import type { DateKind } from '../../model';
import { isoWeekday, type YMD } from '../calendar';
import type { Mod } from '../sem';

export type Prefer = 'past' | 'future';

export interface Resolution {
  value: string;
  kind: DateKind;
  mod?: Mod;
  resolved: string | null;
  explanation: string[];
}

export interface Ctx {
  ref: YMD | null;
  prefer: Prefer;
  refText: string;
}

export const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const HIJRI_EN = ['Muharram', 'Safar', 'Rabi I', 'Rabi II', 'Jumada I', 'Jumada II', 'Rajab', "Sha'ban", 'Ramadan', 'Shawwal', "Dhu al-Qi'dah", 'Dhu al-Hijjah'];
export const WEEKDAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const UNIT_EN: Record<string, string> = { D: 'day', W: 'week', M: 'month', Y: 'year' };

/** Days a partial date may lie after the reference and still be read in the reference's year. */
export const FUTURE_SLACK_DAYS = 31;

/** The line that checks a weekday written with a date against the date ("الخميس 15 آب"). */
export function weekdayCheck(wd: number, date: YMD, resolved: string, hint = ''): string {
  const w = isoWeekday(date);
  return w === wd ? `weekday ${WEEKDAYS_EN[wd - 1]} agrees with ${resolved}` : `note: ${resolved} is a ${WEEKDAYS_EN[w - 1]}, the text says ${WEEKDAYS_EN[wd - 1]}${hint}`;
}

export function withMod<T extends Resolution>(r: T, mod: Mod | undefined): T {
  if (mod) {
    r.mod = mod;
    r.explanation.push(`part of the period: ${mod === 'START' ? 'beginning' : mod === 'MID' ? 'middle' : 'end'} (mod ${mod})`);
  }
  return r;
}
