// Temporal expressions:
//  - seeds: exact-span precision/recall/F1 and value accuracy against the DATE entries of the seed
//    gold (../shared/gold/seeds/*.json; spans and values follow GUIDELINES.md there);
//  - Duckling's Arabic time corpus (../shared/data/dates/duckling-ar, BSD): each input is
//    recognised at Duckling's fixed reference time (2013-02-12, a Tuesday) with Duckling's
//    future-oriented convention, and passes when the longest expression resolves to the expected
//    value at the expected grain. Reported overall and for the date-level grains (day, week, month,
//    year); clock times (hour, minute, second) are outside what news dates need;
//  - speed on the five seed articles.
import * as fs from 'fs';
import * as path from 'path';
import { findReferenceDate, recognizeDates } from '../../server/src/engine/dates';
import { tokenize } from '../../server/src/engine/text/tokens';
import type { DateMention } from '../../server/src/engine/model';
import { addDays, daysInMonth, iso, parseIso, type YMD } from '../../server/src/engine/dates/calendar';

interface GoldEntity { start: number; end: number; text: string; type: string; value?: string; kind?: string; mod?: string }
interface GoldFile { file: string; entities: GoldEntity[] }

interface DucklingGroup { kind: string; grain: string | null; inputs: string[]; value?: string; start?: string; end?: string; holiday?: string }

const r1 = (x: number) => Math.round(x * 10) / 10;
const verbose = !!process.env.QARINA_EVAL_VERBOSE;

function seeds(shared: string) {
  const dir = path.join(shared, 'gold', 'seeds');
  let tp = 0, fp = 0, fn = 0, valueOk = 0, absTotal = 0, absOk = 0, modOk = 0;
  const misses: string[] = [];
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const gold = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as GoldFile;
    const text = fs.readFileSync(path.join(shared, 'seeds', gold.file), 'utf8');
    const ref = findReferenceDate(text);
    const sys = recognizeDates(text, tokenize(text), ref?.date ?? null);
    const g = gold.entities.filter((e) => e.type === 'DATE');
    const key = (s: { start: number; end: number }) => `${s.start}:${s.end}`;
    const sysBy = new Map(sys.map((d) => [key(d), d]));
    const goldKeys = new Set(g.map(key));
    for (const e of g) {
      const d = sysBy.get(key(e));
      const absolute = e.kind === 'absolute' && e.value !== undefined && /^\d{4}/.test(e.value);
      if (absolute) absTotal++;
      if (d) {
        tp++;
        if (d.value === e.value) valueOk++;
        else misses.push(`${gold.file} value ${JSON.stringify(e.text)}: gold ${e.value}, system ${d.value}`);
        if ((d.mod ?? '') === (e.mod ?? '')) modOk++;
        if (absolute && d.value === e.value) absOk++;
      } else {
        fn++;
        misses.push(`${gold.file} missed ${JSON.stringify(e.text)} [${e.start},${e.end}) ${e.value}`);
      }
    }
    for (const d of sys) if (!goldKeys.has(key(d))) { fp++; misses.push(`${gold.file} extra ${JSON.stringify(d.text)} [${d.start},${d.end}) ${d.value}`); }
  }
  const p = tp / Math.max(1, tp + fp), r = tp / Math.max(1, tp + fn);
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  console.log(`seeds: P ${r1(100 * p)} R ${r1(100 * r)} F1 ${r1(100 * f1)}; values ${valueOk}/${tp}; absolute dates with explicit year right ${absOk}/${absTotal}`);
  for (const m of misses) console.log('  ' + m);
  return {
    'seeds.p': r1(100 * p), 'seeds.r': r1(100 * r), 'seeds.f1': r1(100 * f1),
    'seeds.valueAccuracy': r1((100 * valueOk) / Math.max(1, tp)),
    'seeds.modAccuracy': r1((100 * modOk) / Math.max(1, tp)),
    'seeds.absoluteValuesRight': `${absOk}/${absTotal}`,
  };
}

/** A system date as the days it covers and its grain, the way Duckling states values. */
interface Covered { start: YMD; end: YMD; grain: 'day' | 'week' | 'month' | 'quarter' | 'year' | 'interval' }

function ymOf(s: string): { y: number; m: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  return m ? { y: +m[1], m: +m[2] } : null;
}

function weekStart(s: string): YMD | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(s);
  if (!m) return null;
  // ISO week 1 contains January 4th.
  const jan4 = { y: +m[1], m: 1, d: 4 };
  const dow = (new Date(Date.UTC(jan4.y, 0, 4)).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(jan4, -dow + 7 * (+m[2] - 1));
}

function single(s: string): Covered | null {
  const q = /^(\d{4})-([QH])(\d)$/.exec(s);
  if (q) {
    const y = +q[1], months = q[2] === 'Q' ? 3 : 6, first = (+q[3] - 1) * months + 1, last = first + months - 1;
    return { start: { y, m: first, d: 1 }, end: { y, m: last, d: daysInMonth(y, last) }, grain: q[2] === 'Q' ? 'quarter' : 'interval' };
  }
  const d = parseIso(s);
  if (d && s.length === 10) return { start: d, end: d, grain: 'day' };
  const w = weekStart(s);
  if (w) return { start: w, end: addDays(w, 6), grain: 'week' };
  const ym = ymOf(s);
  if (ym) return { start: { y: ym.y, m: ym.m, d: 1 }, end: { y: ym.y, m: ym.m, d: daysInMonth(ym.y, ym.m) }, grain: 'month' };
  if (/^\d{4}$/.test(s)) return { start: { y: +s, m: 1, d: 1 }, end: { y: +s, m: 12, d: 31 }, grain: 'year' };
  return null;
}

/** Duckling's parts of a month: beginning = days 1–10, middle = the 15th, end = day 21 on. */
function covered(d: DateMention): Covered | null {
  if (!d.resolved) return null;
  if (d.resolved.includes('/')) {
    const [a, b] = d.resolved.split('/').map(single);
    return a && b ? { start: a.start, end: b.end, grain: 'interval' } : null;
  }
  const c = single(d.resolved);
  if (!c || !d.mod || c.grain !== 'month') return c;
  const { y, m } = c.start;
  if (d.mod === 'START') return { start: { y, m, d: 1 }, end: { y, m, d: 10 }, grain: 'interval' };
  if (d.mod === 'MID') return { start: { y, m, d: 15 }, end: { y, m, d: 15 }, grain: 'day' };
  return { start: { y, m, d: 21 }, end: c.end, grain: 'interval' };
}

/** Characters of "2013-02-12T15:23:24" that a clock grain states. */
const CLOCK_GRAIN: Record<string, number> = { Hour: 13, Minute: 16, Second: 19 };
const GRAIN: Record<string, Covered['grain']> = { Day: 'day', Week: 'week', Month: 'month', Quarter: 'quarter', Year: 'year' };

function passes(g: DucklingGroup, mentions: DateMention[]): boolean {
  if (!mentions.length) return false;
  const main = mentions.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  // Clock times: the resolved date and time, to the grain Duckling states.
  const clockLen = CLOCK_GRAIN[g.grain ?? ''];
  if (clockLen && g.value) return !!main.resolved && main.resolved.length >= 13 && main.resolved.slice(0, clockLen) === g.value.slice(0, clockLen);
  if (clockLen && !g.value && g.start && g.end && main.resolved?.includes('T')) {
    // A clock interval: Duckling's end is exclusive at the grain (3 to 4 p.m. ends at 17:00).
    const [s, e] = main.resolved.split('/');
    if (!s || !e) return false;
    const end = new Date(e + ':00Z');
    if (g.grain === 'Hour') end.setUTCHours(end.getUTCHours() + 1);
    return s.slice(0, clockLen) === g.start.slice(0, clockLen) && end.toISOString().slice(0, clockLen) === g.end.slice(0, clockLen);
  }
  const c = covered(main);
  if (!c) return false;
  if (/Interval/i.test(g.kind) || (!g.value && (g.start || g.end))) {
    // Duckling intervals are [start, end) at the grain; open intervals state one bound only.
    const s = g.start ? g.start.slice(0, 10) : null;
    const endDay = g.end ? parseIso(g.end.slice(0, 10)) : null;
    const e = endDay ? iso(addDays(endDay, -1)) : null;
    return (s === null || iso(c.start) === s) && (e === null || iso(c.end) === e) && (s !== null || e !== null);
  }
  const want = GRAIN[g.grain ?? ''];
  if (!want || !g.value) return false;
  // A part of a month (START) stated at day grain is its first day ("بداية شهر 3").
  if (want === 'day' && main.mod === 'START' && c.grain === 'interval') return iso(c.start) === g.value.slice(0, 10);
  return c.grain === want && iso(c.start) === g.value.slice(0, 10);
}

function duckling(shared: string) {
  const file = path.join(shared, 'data', 'dates', 'duckling-ar', 'duckling_time_ar.json');
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { groups: DucklingGroup[] };
  const ref = '2013-02-12';
  let all = 0, allOk = 0, dl = 0, dlOk = 0;
  const fails: string[] = [];
  for (const g of data.groups) {
    const dateLevel = ['Day', 'Week', 'Month', 'Quarter', 'Year'].includes(g.grain ?? '');
    for (const input of g.inputs) {
      const ms = recognizeDates(input, null, ref, { prefer: 'future' });
      const ok = passes(g, ms);
      all++; if (ok) allOk++;
      if (dateLevel) { dl++; if (ok) dlOk++; }
      if (!ok && (dateLevel || verbose)) fails.push(`${g.grain}${dateLevel ? '' : ' (time)'} ${JSON.stringify(input)}: want ${g.value ?? `${g.start}..${g.end}`}; got ${ms.map((m) => `${JSON.stringify(m.text)}=${m.value}→${m.resolved}${m.mod ? ' ' + m.mod : ''}`).join(', ') || 'nothing'}`);
    }
  }
  console.log(`duckling-ar: overall ${allOk}/${all}, date-level ${dlOk}/${dl}`);
  for (const f of fails) console.log('  ' + f);
  return {
    'duckling.passRate': r1((100 * allOk) / all),
    'duckling.dateLevel.passRate': r1((100 * dlOk) / dl),
    'duckling.dateLevel.inputs': dl,
    'duckling.inputs': all,
  };
}

function speed(shared: string) {
  const dir = path.join(shared, 'seeds');
  const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const tokens = texts.map((t) => tokenize(t));
  const run = () => { for (let k = 0; k < texts.length; k++) recognizeDates(texts[k], tokens[k], '2024-06-01'); };
  for (let k = 0; k < 10; k++) run(); // warm-up (JIT, Intl caches), as in a running server
  const times: number[] = [];
  for (let k = 0; k < 30; k++) { const t0 = performance.now(); run(); times.push(performance.now() - t0); }
  times.sort((a, b) => a - b);
  const med = times[times.length >> 1];
  console.log(`speed: five seeds in ${med.toFixed(1)} ms (median of 30 runs after 10 warm-up runs; fastest ${times[0].toFixed(1)} ms)`);
  return { 'seeds.ms': Math.round(med * 10) / 10, 'seeds.msFastest': Math.round(times[0] * 10) / 10 };
}

export async function evaluate(shared: string): Promise<Record<string, number | string>> {
  return { ...seeds(shared), ...duckling(shared), ...speed(shared) };
}

if (process.argv[1] && /eval[\\/]dates\.ts$/.test(process.argv[1])) {
  const repo = path.resolve(__dirname, '..', '..');
  const shared = process.env.QARINA_SHARED ?? path.resolve(repo, '..', 'shared');
  evaluate(shared).then((r) => console.log(r));
}
