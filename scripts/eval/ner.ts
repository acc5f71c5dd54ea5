// NER quality figures: span-level micro F1 (and per type) on the held-out last sixth of ANERcorp's
// train split (by sentences) and on the held-out WikiFANE article blocks (the parts
// scripts/train-ner.ts never trains on, see scripts/train/ner-data.ts), exact-span P/R/F1 on the
// seed gold (/work/shared/gold/seeds, DATE entries ignored), plus load time and speed.
import * as fs from 'fs';
import * as path from 'path';
import type { EntityMention, EntityType, Token } from '../../server/src/engine/model';
import { tokenize } from '../../server/src/engine/text/tokens';
import { LABELS } from '../../server/src/engine/ner/features';
import type { LoadedModel } from '../../server/src/engine/ner/tagger';
import {
  anercorpFile, readAnercorp, readAnercorpTokens, readWikifane, spansOf, splitAnercorp, splitWikifane, wikifaneFile, type AnerSentence,
} from '../train/ner-data';

export { spansOf };

/** The held-out parts: the last sixth of ANERcorp, and the test blocks of WikiFANE (by article). */
export function heldoutSets(shared: string): { anercorp: AnerSentence[]; wikifane: AnerSentence[] | null } {
  const anercorp = splitAnercorp(readAnercorp(anercorpFile(shared))).heldout;
  if (!fs.existsSync(wikifaneFile(shared))) return { anercorp, wikifane: null };
  const anerTrain = splitAnercorp(readAnercorpTokens(anercorpFile(shared))).train;
  return { anercorp, wikifane: splitWikifane(readWikifane(wikifaneFile(shared), anerTrain)).test };
}

interface Counts { tp: number; fp: number; fn: number }
const prf = (c: Counts) => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p: 100 * p, r: 100 * r, f: p + r ? (200 * p * r) / (p + r) : 0 };
};

export function scoreSpans(pairs: { gold: [number, number, string][]; pred: [number, number, string][] }[]) {
  const types = ['PER', 'ORG', 'LOC', 'MISC'];
  const by: Record<string, Counts> = Object.fromEntries([...types, 'all'].map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  for (const { gold, pred } of pairs) {
    const g = new Set(gold.map((x) => x.join(':')));
    const p = new Set(pred.map((x) => x.join(':')));
    for (const x of pred) { const k = x.join(':'); const c = g.has(k) ? 'tp' : 'fp'; by[x[2]][c]++; by.all[c]++; }
    for (const x of gold) { if (!p.has(x.join(':'))) { by[x[2]].fn++; by.all.fn++; } }
  }
  return Object.fromEntries(Object.entries(by).map(([t, c]) => [t, { ...prf(c), ...c }]));
}

export async function evaluateHeldout(heldout: AnerSentence[], model?: LoadedModel) {
  const { tagSentence, loadModel } = await import('../../server/src/engine/ner/tagger');
  const m = model ?? loadModel();
  const pairs = heldout.map((s) => {
    const tagged = tagSentence(s.words, s.texts, m);
    return { gold: spansOf(s.labels), pred: spansOf(tagged.labels.map((l) => LABELS[l])) };
  });
  return scoreSpans(pairs);
}

/** Held-out sentences as pseudo-articles of DOC_SENTENCES consecutive sentences (ANERcorp has no article marks). */
const DOC_SENTENCES = 20;

/**
 * The product's path on the held-out part: recognizeCorpus over pseudo-articles (corpus-wide
 * consistency on), without the project-convention layer (the gold here follows ANERcorp's).
 * Predicted character spans are mapped back to word units; a span starting after a clitic counts
 * from the word that holds it, as ANERcorp tags whole words.
 */
export async function evaluateHeldoutCorpus(heldout: AnerSentence[], model?: LoadedModel) {
  return scoreSpans(await heldoutCorpusPairs(heldout, model));
}

/** Gold and predicted word-unit spans of each held-out sentence, through the product's path (see evaluateHeldoutCorpus). */
export async function heldoutCorpusPairs(heldout: AnerSentence[], model?: LoadedModel) {
  const { recognizeCorpus } = await import('../../server/src/engine/ner');
  const docs: { path: string; text: string; tokens: Token[]; sentences: { id: string; start: number; end: number; kind: 'body' }[]; sents: AnerSentence[]; offs: number[][] }[] = [];
  for (let d = 0; d * DOC_SENTENCES < heldout.length; d++) {
    const sents = heldout.slice(d * DOC_SENTENCES, (d + 1) * DOC_SENTENCES);
    let text = '';
    const tokens: Token[] = [];
    const sentences: { id: string; start: number; end: number; kind: 'body' }[] = [];
    const offs: number[][] = [];
    sents.forEach((s, si) => {
      const start = text.length;
      const o: number[] = [];
      s.pieces.forEach((p) => {
        const at = text.length + (text.length > start ? 1 : 0);
        text += (text.length > start ? ' ' : '') + p.text;
        tokens.push({ ...p, start: at, end: at + p.text.length, stemStart: at + (p.stemStart - p.start) });
        o.push(at);
      });
      sentences.push({ id: 's' + (si + 1), start, end: text.length, kind: 'body' });
      text += '\n';
      offs.push(o);
    });
    docs.push({ path: 'heldout-' + d, text, tokens, sentences, sents, offs });
  }
  const res = recognizeCorpus(docs, { conventions: false, model });
  const pairs: { gold: [number, number, string][]; pred: [number, number, string][] }[] = [];
  for (const d of docs) {
    const ms = res.get(d.path) ?? [];
    d.sents.forEach((s, si) => {
      const o = d.offs[si];
      const sStart = o[0], sEnd = o[o.length - 1] + s.pieces[s.pieces.length - 1].text.length;
      const idx = (x: number) => { let k = 0; while (k + 1 < o.length && o[k + 1] <= x) k++; return k; };
      const pred = ms.filter((m) => m.start >= sStart && m.end <= sEnd).map((m) => [idx(m.start), idx(m.end - 1) + 1, m.type] as [number, number, string]);
      pairs.push({ gold: spansOf(s.labels), pred });
    });
  }
  return pairs;
}

interface GoldEntity { start: number; end: number; text: string; type: string }

export function readSeeds(shared: string): { path: string; text: string; gold: GoldEntity[] }[] {
  const dir = path.join(shared, 'seeds');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => {
    const goldFile = path.join(shared, 'gold', 'seeds', f.replace(/\.txt$/, '.json'));
    const gold: GoldEntity[] = fs.existsSync(goldFile) ? JSON.parse(fs.readFileSync(goldFile, 'utf8')).entities : [];
    return { path: f, text: fs.readFileSync(path.join(dir, f), 'utf8'), gold: gold.filter((g) => g.type !== 'DATE') };
  });
}

export async function evaluateSeeds(shared: string, verbose = false, model?: LoadedModel) {
  const { recognizeCorpus } = await import('../../server/src/engine/ner');
  const { segmentSentences } = await import('../../server/src/engine/text/sentences');
  const seeds = readSeeds(shared);
  const docs = seeds.map((s) => ({ path: s.path, text: s.text, tokens: tokenize(s.text), sentences: segmentSentences(s.text) }));
  const t0 = performance.now();
  const res = recognizeCorpus(docs, { model });
  const ms = performance.now() - t0;
  const pairs = seeds.map((s) => {
    const pred: EntityMention[] = res.get(s.path) ?? [];
    const gold = s.gold.map((g) => [g.start, g.end, g.type] as [number, number, string]);
    const p = pred.map((m) => [m.start, m.end, m.type] as [number, number, string]);
    if (verbose) {
      const gk = new Set(gold.map((x) => x.join(':'))), pk = new Set(p.map((x) => x.join(':')));
      for (const x of p) if (!gk.has(x.join(':'))) console.log(`  FP ${s.path.slice(0, 3)} ${x[2]} «${s.text.slice(x[0], x[1])}» @${x[0]}`);
      for (const x of gold) if (!pk.has(x.join(':'))) console.log(`  FN ${s.path.slice(0, 3)} ${x[2]} «${s.text.slice(x[0], x[1])}» @${x[0]}`);
    }
    return { gold, pred: p };
  });
  return { scores: scoreSpans(pairs), ms };
}

/**
 * Recognition time for the five seeds and for 50 articles (the seeds repeated), after loading and
 * one warm-up run; median of 3. Wall and CPU time: on a busy machine the CPU time is the fairer figure.
 */
export async function measureSpeed(shared: string) {
  const { recognizeCorpus } = await import('../../server/src/engine/ner');
  const { segmentSentences } = await import('../../server/src/engine/text/sentences');
  const docs = readSeeds(shared).map((s) => ({ path: s.path, text: s.text, tokens: tokenize(s.text), sentences: segmentSentences(s.text) }));
  const fifty = Array.from({ length: 50 }, (_, i) => ({ ...docs[i % docs.length], path: `copy${i}` }));
  const fiftyTokens = fifty.reduce((n, d) => n + d.tokens.length, 0);
  const time = (d: typeof docs) => {
    const runs: [number, number][] = [];
    for (let r = 0; r < 3; r++) {
      const t0 = performance.now(), c0 = process.cpuUsage();
      recognizeCorpus(d);
      const c = process.cpuUsage(c0);
      runs.push([performance.now() - t0, (c.user + c.system) / 1000]);
    }
    runs.sort((a, b) => a[0] - b[0]);
    return runs[1];
  };
  recognizeCorpus(docs);
  const [seedsMs, seedsCpuMs] = time(docs);
  const [fiftyMs, fiftyCpuMs] = time(fifty);
  return { seedsMs, seedsCpuMs, fiftyMs, fiftyCpuMs, fiftyTokens };
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export async function evaluate(shared: string): Promise<Record<string, number | string>> {
  // Load = importing the tagger module (which parses ner.json) and building the lookup tables.
  const t0 = performance.now(), c0 = process.cpuUsage();
  const { loadModel } = await import('../../server/src/engine/ner/tagger');
  loadModel();
  const loadMs = performance.now() - t0;
  const lc = process.cpuUsage(c0);
  const loadCpuMs = (lc.user + lc.system) / 1000;
  const sets = heldoutSets(shared);
  const res: Record<string, number | string> = {};
  for (const [name, sents] of [['anercorp.heldout', sets.anercorp], ['wikifane.heldout', sets.wikifane]] as const) {
    if (!sents) { console.log(`(${name}: data missing, skipped)`); continue; }
    const tagger = await evaluateHeldout(sents);
    const held = await evaluateHeldoutCorpus(sents);
    res[`${name}.f1`] = r1(held.all.f);
    res[`${name}.p`] = r1(held.all.p);
    res[`${name}.r`] = r1(held.all.r);
    for (const t of ['PER', 'ORG', 'LOC', 'MISC'] as EntityType[]) res[`${name}.${t}.f1`] = r1(held[t].f);
    // The sequence model alone, sentence by sentence (no corpus consistency).
    res[`${name}.taggerOnly.f1`] = r1(tagger.all.f);
  }
  const seeds = await evaluateSeeds(shared, !!process.env.QARINA_VERBOSE);
  res['seeds.f1'] = r1(seeds.scores.all.f);
  res['seeds.p'] = r1(seeds.scores.all.p);
  res['seeds.r'] = r1(seeds.scores.all.r);
  for (const t of ['PER', 'ORG', 'LOC', 'MISC'] as EntityType[]) res[`seeds.${t}.f1`] = r1(seeds.scores[t].f);
  res['modelLoadMs'] = r1(loadMs);
  res['modelLoadCpuMs'] = r1(loadCpuMs);
  res['seeds.tagMs'] = r1(seeds.ms);
  const speed = await measureSpeed(shared);
  res['speed.seedsMs'] = r1(speed.seedsMs);
  res['speed.seedsCpuMs'] = r1(speed.seedsCpuMs);
  res['speed.fiftyDocsMs'] = r1(speed.fiftyMs);
  res['speed.fiftyDocsCpuMs'] = r1(speed.fiftyCpuMs);
  // Tokens (words and punctuation) recognised per second of CPU, the whole recognizeCorpus path.
  res['speed.tokensPerCpuSec'] = Math.round(speed.fiftyTokens / (speed.fiftyCpuMs / 1000));
  res['modelBytes'] = fs.statSync(path.join(repoRoot(), 'server', 'models', 'ner.json')).size;
  for (const [k, v] of Object.entries(res)) console.log(`${k}: ${v}`);
  return res;
}

/** The repository root, whether this runs from scripts/eval/ (tsx) or bundled into dist/eval.js. */
function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

// Run on its own only as `tsx scripts/eval/ner.ts` (not when bundled into dist/eval.js).
if (process.argv[1] && /eval[\\/]ner\.ts$/.test(process.argv[1])) {
  const repo = repoRoot();
  evaluate(process.env.QARINA_SHARED ?? path.resolve(repo, '..', 'shared')).catch((e) => { console.error(e); process.exit(1); });
}
