// Cross-checking quality and speed:
//  - seeds: the gold sentence pairs of the five seed articles (../shared/gold/seeds-pairs.json):
//    share of the corroborations found, hard negatives called contradictions (must be none), and
//    every contradiction link the system makes (few, each with its reasons);
//  - ANS dev: each pair becomes a corpus of two one-sentence articles run through the normal
//    pipeline; corroborates = agree, contradicts = disagree, nothing / different-event = other;
//    accuracy and macro-F1;
//  - latency of the incremental update after an edit in a 50-article corpus.
import * as fs from 'fs';
import * as path from 'path';
import type { ArticleAnalysis, SentenceLink } from '../../server/src/engine/model';
import { CrossChecker } from '../../server/src/engine/crosscheck';
import { renderReason } from '../../server/src/engine/crosscheck/reasons';
import { segmentSentences } from '../../server/src/engine/text/sentences';
import { tokenize } from '../../server/src/engine/text/tokens';
import { countLinkPairs, describeLinks } from '../../server/src/linkCounts';

export interface Doc { path: string; text: string }

type Analyzer = (docs: Doc[]) => { articles: ArticleAnalysis[]; links: SentenceLink[] };

/** Text-only analyses (no names, dates or numbers): the fallback while the full pipeline is missing. */
export function basicAnalyses(docs: Doc[]): ArticleAnalysis[] {
  return docs.map((d) => ({
    path: d.path, text: d.text, sentences: segmentSentences(d.text), tokens: tokenize(d.text),
    entities: [], dates: [], quantities: [], referenceDate: null,
  }));
}

let chosen: { analyze: Analyzer; full: boolean } | undefined;

/**
 * The project's pipeline (analyze.ts: names with canonical ids, dates with values, quantities) when
 * it loads; the text-only fallback only when it cannot be imported (modules still being written).
 * The figures say which one was used (`pipeline: 'full' | 'text-only'`).
 */
export async function pipeline(): Promise<{ analyze: Analyzer; full: boolean }> {
  if (chosen) return chosen;
  try {
    const m = await import('../../server/src/engine/analyze');
    chosen = { analyze: (docs) => m.analyzeCorpus(docs), full: true };
  } catch (e) {
    console.log(`(full pipeline unavailable: ${(e as Error).message.split('\n')[0]}; text-only analyses)`);
    chosen = {
      analyze: (docs) => {
        const articles = basicAnalyses(docs);
        const cc = new CrossChecker();
        for (const a of articles) cc.update(a);
        return { articles, links: cc.all() };
      },
      full: false,
    };
  }
  return chosen;
}

interface GoldPair {
  id: string;
  relation: 'corroborates' | 'not-contradiction';
  a: { file: string; quote: string };
  b: { file: string; quote: string };
  hardNegative?: boolean;
  note?: string;
}

function sentenceIdsOf(a: ArticleAnalysis, quote: string): string[] {
  const at = a.text.indexOf(quote);
  if (at < 0) throw new Error(`quote not found in ${a.path}: ${quote}`);
  const end = at + quote.length;
  return a.sentences.filter((s) => s.start < end && at < s.end).map((s) => s.id);
}

function linkBetween(links: SentenceLink[], pa: string, sa: string[], pb: string, sb: string[]): SentenceLink[] {
  return links.filter((l) =>
    (l.from.path === pa && sa.includes(l.from.sentence) && l.target.path === pb && sb.includes(l.target.sentence)) ||
    (l.from.path === pb && sb.includes(l.from.sentence) && l.target.path === pa && sa.includes(l.target.sentence)));
}

const short = (s: string, n = 90) => (s.length > n ? s.slice(0, n) + '…' : s).replace(/\s+/g, ' ');

export async function evaluateSeeds(shared: string, verbose = true): Promise<Record<string, number>> {
  const { analyze } = await pipeline();
  const dir = path.join(shared, 'seeds');
  const docs = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ path: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
  const { articles, links } = analyze(docs);
  const byPath = new Map(articles.map((a) => [a.path, a]));
  const gold: GoldPair[] = JSON.parse(fs.readFileSync(path.join(shared, 'gold', 'seeds-pairs.json'), 'utf8')).pairs;
  let corr = 0, corrFound = 0, hard = 0, hardContradicted = 0;
  if (verbose) console.log('seed pairs:');
  for (const g of gold) {
    const A = byPath.get(g.a.file)!, B = byPath.get(g.b.file)!;
    const found = linkBetween(links, g.a.file, sentenceIdsOf(A, g.a.quote), g.b.file, sentenceIdsOf(B, g.b.quote));
    const rel = found.map((l) => `${l.relation} ${l.score.toFixed(2)}`).join(', ') || 'no link';
    let ok = true;
    if (g.relation === 'corroborates') { corr++; if (found.some((l) => l.relation === 'corroborates')) corrFound++; else ok = false; }
    if (g.hardNegative || g.relation === 'not-contradiction') {
      hard++;
      if (found.some((l) => l.relation === 'contradicts')) { hardContradicted++; ok = false; }
    }
    if (verbose) console.log(`  ${ok ? 'ok  ' : 'MISS'} ${g.id.padEnd(4)} ${g.relation.padEnd(17)} → ${rel}`);
  }
  // Every link is stored in both directions; count each pair once.
  const once = links.filter((l) => l.from.path < l.target.path);
  const contradictions = once.filter((l) => l.relation === 'contradicts');
  if (verbose) {
    console.log(`corroborations found: ${corrFound}/${corr}; hard negatives called contradictions: ${hardContradicted}/${hard}`);
    console.log(describeLinks(countLinkPairs(links))); // worded as the CLI and the status bar word it
    for (const l of contradictions) {
      const from = byPath.get(l.from.path)!;
      console.log(`  ✗ ${l.from.path}:${l.from.sentence} «${short(from.text.slice(l.from.start, l.from.end))}»`);
      console.log(`    ${l.target.path}:${l.target.sentence} «${short(l.target.quote)}»  score ${l.score.toFixed(2)}`);
      console.log(`    ${l.reasons.map((r) => renderReason(r, 'en')).join('; ')}`);
    }
  }
  return {
    seedCorroborationRecall: corr ? corrFound / corr : 0,
    seedCorroborationsFound: corrFound,
    seedCorroborations: corr,
    seedHardNegativesContradicted: hardContradicted,
    seedContradictionLinks: contradictions.length,
    seedDifferentEventLinks: once.filter((l) => l.relation === 'different-event').length,
    seedLinks: once.length,
  };
}

/** Minimal CSV reader for the ANS files (quoted fields may hold commas and doubled quotes). */
export function readCsv(file: string): Record<string, string>[] {
  const text = fs.readFileSync(file, 'utf8');
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.some((x) => x.length)) rows.push(row);
      row = [];
    } else field += c;
  }
  if (field.length || row.length) { row.push(field); rows.push(row); }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}

export type Stance = 'agree' | 'disagree' | 'other';
export const STANCES: Stance[] = ['agree', 'disagree', 'other'];

export function stanceOf(links: SentenceLink[]): Stance {
  if (links.some((l) => l.relation === 'contradicts')) return 'disagree';
  if (links.some((l) => l.relation === 'corroborates')) return 'agree';
  return 'other';
}

export function scores(gold: Stance[], pred: Stance[]): Record<string, number> {
  const out: Record<string, number> = {};
  let correct = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === pred[i]) correct++;
  out.accuracy = correct / gold.length;
  let f1sum = 0;
  for (const c of STANCES) {
    let tp = 0, fp = 0, fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (pred[i] === c && gold[i] === c) tp++;
      else if (pred[i] === c) fp++;
      else if (gold[i] === c) fn++;
    }
    const p = tp + fp ? tp / (tp + fp) : 0, r = tp + fn ? tp / (tp + fn) : 0;
    const f1 = p + r ? (2 * p * r) / (p + r) : 0;
    out[`${c}P`] = p; out[`${c}R`] = r; out[`${c}F1`] = f1;
    f1sum += f1;
  }
  out.macroF1 = f1sum / STANCES.length;
  return out;
}

/** One ANS pair as a corpus of two one-sentence articles. */
export function pairDocs(s1: string, s2: string): Doc[] {
  return [{ path: 'ans/s1.txt', text: s1.trim() }, { path: 'ans/s2.txt', text: s2.trim() }];
}

export async function evaluateAns(shared: string, split = 'dev', verbose = true): Promise<Record<string, number>> {
  const { analyze } = await pipeline();
  const rows = readCsv(path.join(shared, 'data', 'ans', `${split}.csv`));
  const gold: Stance[] = [], pred: Stance[] = [];
  const confusion = new Map<string, number>();
  for (const r of rows) {
    const { links } = analyze(pairDocs(r.s1, r.s2));
    const g = r.stance as Stance, p = stanceOf(links);
    gold.push(g); pred.push(p);
    confusion.set(`${g}>${p}`, (confusion.get(`${g}>${p}`) ?? 0) + 1);
  }
  const s = scores(gold, pred);
  if (verbose) {
    console.log(`ANS ${split}: ${rows.length} pairs; accuracy ${(100 * s.accuracy).toFixed(1)}, macro-F1 ${(100 * s.macroF1).toFixed(1)}`);
    for (const c of STANCES) console.log(`  ${c.padEnd(8)} P ${(100 * s[`${c}P`]).toFixed(1)} R ${(100 * s[`${c}R`]).toFixed(1)} F1 ${(100 * s[`${c}F1`]).toFixed(1)}`);
    console.log(`  confusion (gold>pred): ${[...confusion].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  return s;
}

/** Median time of CrossChecker.update after an edit, in a corpus of n perturbed copies of the seeds. */
export async function measureUpdate(shared: string, n = 50, verbose = true): Promise<Record<string, number>> {
  const { analyze } = await pipeline();
  const dir = path.join(shared, 'seeds');
  const base = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const docs: Doc[] = [];
  for (let i = 0; i < n; i++) {
    const paras = base[i % base.length].split('\n\n');
    const k = Math.floor(i / base.length) % paras.length;
    const text = [...paras.slice(k), ...paras.slice(0, k)].join('\n\n').replace(/\d+/g, (d) => String(Number(d) + (i % 7)));
    docs.push({ path: `copy${String(i).padStart(3, '0')}.txt`, text });
  }
  const { articles } = analyze(docs);
  const cc = new CrossChecker();
  let t0 = performance.now();
  for (const a of articles) cc.update(a);
  // Links are chosen when read (crosscheck/index.ts): a full cross-check includes choosing them.
  cc.settle();
  const full = performance.now() - t0;
  const times: number[] = [];
  for (let r = 0; r < 7; r++) {
    const a = articles[(r * 7) % articles.length];
    const edited = basicAnalyses([{ path: a.path, text: a.text + `\nوقال مسؤول إن المحادثات ستستأنف قريبا في مسقط ${r}.` }])[0];
    const withFacts = { ...edited, entities: a.entities, dates: a.dates, quantities: a.quantities };
    t0 = performance.now();
    cc.update(withFacts);
    cc.linksFrom(a.path); cc.linksTo(a.path);
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  const median = times[Math.floor(times.length / 2)];
  const pairs = cc.all().length / 2;
  if (verbose) console.log(`update latency: ${n} articles, full cross-check ${full.toFixed(0)} ms, one edited article → update median ${median.toFixed(1)} ms (max ${times[times.length - 1].toFixed(1)} ms), ${pairs} linked pairs`);
  return { updateMedianMs: median, fullCrossCheckMs: full, articles: n };
}

export async function evaluate(shared: string): Promise<Record<string, number | string>> {
  const { full } = await pipeline();
  const seeds = await evaluateSeeds(shared);
  const ans = await evaluateAns(shared, 'dev');
  const speed = await measureUpdate(shared, 50);
  return {
    pipeline: full ? 'full' : 'text-only',
    ...seeds,
    // The stance model's thresholds are chosen on dev (train-stance.ts), so dev is not held out.
    ansThresholdsTunedOn: 'dev',
    ansDevAccuracy: ans.accuracy,
    ansDevMacroF1: ans.macroF1,
    ansDevAgreeF1: ans.agreeF1,
    ansDevDisagreeF1: ans.disagreeF1,
    ansDevOtherF1: ans.otherF1,
    updateMedianMs50: speed.updateMedianMs,
  };
}
