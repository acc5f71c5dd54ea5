// Cross-checking on real news: the labelled story folders of ../shared/data/stories-dev (or every
// `<story>.gold.json` + `<story>/` pair in $QARINA_STORIES), scored exactly as that folder's README
// says (and as ../shared/tools/score-stories.mjs does on written sidecars):
//  - for each anchor sentence, the `corroborates` / `contradicts` links of the sentence overlapping
//    it; a link's target is matched to the labelled candidate it overlaps in that article;
//  - link precision = links whose relation equals the candidate's label / links landing on a
//    labelled candidate (links to unlabelled sentences are counted apart);
//  - recall = labelled corroborates + contradicts candidates reached by some link / all of them;
//  - contradiction precision and contradictions found, likewise for `contradicts`.
// Each folder is annotated as one corpus through the full pipeline (analyze.ts), like `qarina
// annotate`. With QARINA_EVAL_DUMP=1 the links of every anchor are written, with their labels, to
// test-output/stories/<story>.txt for reading.
import * as fs from 'fs';
import * as path from 'path';
import type { SentenceLink } from '../../server/src/engine/model';
import { analyzeCorpus } from '../../server/src/engine/analyze';
import { buildSidecar } from '../../server/src/storage/build';
import { sha256Hex } from '../../server/src/storage/sidecarFile';
import type { ArticleAnalysis } from '../../server/src/engine/model';

type Label = 'corroborates' | 'contradicts' | 'related' | 'unrelated';
interface Span { start: number; end: number }
interface Candidate extends Span { article: string; text: string; label: Label; why?: string }
interface Anchor extends Span { article: string; text: string; candidates: Candidate[] }
interface Gold { folder: string; anchors: Anchor[] }

/** A link as a sidecar stores it (what the reference scorer reads), with its article's path. */
export interface ScoredLink {
  from: Span & { path: string; sentence: string };
  relation: SentenceLink['relation'];
  target: Span & { path: string; quote: string };
  score: number;
  /** As the sidecar writes them (English). */
  reasons: string[];
  /** A word-for-word copy of another link's target (Sidecar link copyOf). */
  copy: boolean;
}

export interface StoryScore {
  links: number; labelled: number; good: number; unlabelled: number;
  contra: number; contraGood: number;
  gold: number; goldFound: number; goldContra: number; goldContraFound: number;
  /** For calibration: every link landing on a labelled candidate, with its score and whether it was right. */
  scored: { score: number; right: boolean; relation: string }[];
}

const overlap = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export function emptyScore(): StoryScore {
  return { links: 0, labelled: 0, good: 0, unlabelled: 0, contra: 0, contraGood: 0, gold: 0, goldFound: 0, goldContra: 0, goldContraFound: 0, scored: [] };
}

export function addScores(x: StoryScore, y: StoryScore): StoryScore {
  const out = emptyScore();
  for (const k of Object.keys(out) as (keyof StoryScore)[]) {
    if (k === 'scored') out.scored = [...x.scored, ...y.scored];
    else (out[k] as number) = (x[k] as number) + (y[k] as number);
  }
  return out;
}

/** The scoring rule of stories-dev/README.md over links held in memory (both directions stored). */
export function scoreStory(gold: Gold, sentencesOf: (article: string) => ({ id: string } & Span)[], links: ScoredLink[], dump?: string[]): StoryScore {
  const s = emptyScore();
  for (const a of gold.anchors) {
    const sent = sentencesOf(a.article).find((x) => overlap(x, a));
    const mine = links.filter((l) => l.from.path === a.article && (l.relation === 'corroborates' || l.relation === 'contradicts') &&
      (l.from.sentence === sent?.id || overlap(l.from, a)));
    const reached = new Set<Candidate>(), reachedByContra = new Set<Candidate>();
    dump?.push(`\n== ${a.article} «${a.text}»`);
    for (const l of mine) {
      const c = a.candidates.find((c) => c.article === path.basename(l.target.path) && overlap(c, l.target));
      s.links++;
      if (l.relation === 'contradicts') s.contra++;
      const tag = !c ? 'UNLABELLED' : c.label === l.relation ? 'ok' : `WRONG (${c.label})`;
      dump?.push(`  ${l.relation === 'contradicts' ? '✗' : '✓'} ${l.score.toFixed(2)} ${tag.padEnd(22)} ${l.target.path}: «${l.target.quote.slice(0, 160)}»\n      ${l.reasons.join('; ')}${l.copy ? ' (a word-for-word copy of another link\'s target)' : ''}`);
      if (!c) { s.unlabelled++; continue; }
      s.labelled++;
      const right = c.label === l.relation;
      s.scored.push({ score: l.score, right, relation: l.relation });
      if (right) s.good++;
      if (l.relation === 'contradicts' && c.label === 'contradicts') { s.contraGood++; reachedByContra.add(c); }
      if (c.label === 'corroborates' || c.label === 'contradicts') reached.add(c);
    }
    for (const c of a.candidates) {
      if (c.label === 'corroborates' || c.label === 'contradicts') {
        s.gold++;
        if (reached.has(c)) s.goldFound++;
        else dump?.push(`  MISSED ${c.label.padEnd(12)} ${c.article}: «${c.text.slice(0, 160)}»${c.why ? `  // ${c.why}` : ''}`);
      }
      if (c.label === 'contradicts') { s.goldContra++; if (reachedByContra.has(c)) s.goldContraFound++; }
    }
  }
  return s;
}

const pct = (n: number, d: number) => (d ? (100 * n) / d : 0);

export function describe(name: string, s: StoryScore): string {
  const f = (n: number, d: number) => `${pct(n, d).toFixed(1)} (${n}/${d})`;
  return `${name}: ${s.links} links from anchors (${s.unlabelled} to unlabelled sentences); link precision ${f(s.good, s.labelled)}; ` +
    `recall ${f(s.goldFound, s.gold)}; contradiction precision ${f(s.contraGood, s.contra)}; contradictions found ${s.goldContraFound}/${s.goldContra}`;
}

/** Reliability of the link scores: for score bins, the share of links that were right. */
export function calibration(s: StoryScore, bins = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01]): string {
  const rows: string[] = [];
  for (let i = 0; i + 1 < bins.length; i++) {
    const inBin = s.scored.filter((x) => x.score >= bins[i] && x.score < bins[i + 1]);
    if (!inBin.length) continue;
    const mean = inBin.reduce((t, x) => t + x.score, 0) / inBin.length;
    rows.push(`[${bins[i].toFixed(1)}, ${Math.min(1, bins[i + 1]).toFixed(1)}): ${inBin.length} links, mean score ${mean.toFixed(2)}, right ${pct(inBin.filter((x) => x.right).length, inBin.length).toFixed(0)} %`);
  }
  return rows.join('\n  ');
}

/** The story folders to evaluate: stories-dev, plus held-out ones when QARINA_STORIES names a folder. */
export function storyFolders(shared: string): { gold: string; dir: string }[] {
  const roots = [path.join(shared, 'data', 'stories-dev'), ...(process.env.QARINA_STORIES ? [process.env.QARINA_STORIES] : [])];
  const out: { gold: string; dir: string }[] = [];
  for (const root of roots) {
    if (!fs.existsSync(root)) continue;
    for (const f of fs.readdirSync(root).sort()) {
      if (!f.endsWith('.gold.json')) continue;
      const dir = path.join(root, f.replace(/\.gold\.json$/, ''));
      if (fs.existsSync(dir)) out.push({ gold: path.join(root, f), dir });
    }
  }
  return out;
}

/** The links of the sidecars `qarina annotate` would write for these articles. */
function sidecarLinks(articles: ArticleAnalysis[], all: SentenceLink[]): ScoredLink[] {
  const out: ScoredLink[] = [];
  const texts = new Map(articles.map((a) => [a.path, a.text]));
  for (const a of articles) {
    const sc = buildSidecar({ path: a.path, text: a.text, sha256: sha256Hex(a.text), analysis: a, links: all.filter((l) => l.from.path === a.path), previous: null, relativePath: (p) => p });
    for (const l of sc.links) {
      const t = l.target;
      out.push({
        from: { path: a.path, sentence: l.sentence ?? '', start: l.start, end: l.end }, relation: l.relation,
        // Automatic links are stored without quotes: the target's text, for the dump.
        target: { path: t.path, start: t.start, end: t.end, quote: t.quote || (texts.get(t.path) ?? '').slice(t.start, t.end) },
        score: l.score, reasons: l.reasons, copy: !!l.copyOf,
      });
    }
  }
  return out;
}

export async function evaluate(shared: string): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  let total = emptyScore();
  const dumpDir = process.env.QARINA_EVAL_DUMP ? path.resolve(__dirname, '..', 'test-output', 'stories') : undefined;
  if (dumpDir) fs.mkdirSync(dumpDir, { recursive: true });
  for (const { gold: goldFile, dir } of storyFolders(shared)) {
    const gold: Gold = JSON.parse(fs.readFileSync(goldFile, 'utf8'));
    const docs = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ path: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
    const t0 = Date.now();
    const { articles, links: all } = analyzeCorpus(docs);
    // Scored on what `qarina annotate` writes into the sidecars, which the reference scorer reads
    // (storage/build.ts: at most MAX_LINKS_PER_SENTENCE links a sentence, the sources of a claim
    // printed word for word each as a link of its own).
    const links = sidecarLinks(articles, all);
    const byPath = new Map(articles.map((a) => [a.path, a]));
    const dump: string[] | undefined = dumpDir ? [] : undefined;
    const s = scoreStory(gold, (p) => byPath.get(p)?.sentences ?? [], links, dump);
    if (dumpDir && dump) fs.writeFileSync(path.join(dumpDir, `${gold.folder}.txt`), dump.join('\n') + '\n');
    const name = gold.folder ?? path.basename(dir);
    console.log(`${describe(name, s)}  [${docs.length} articles, ${Date.now() - t0} ms]`);
    const pairs = links.filter((l) => l.from.path < l.target.path);
    console.log(`  whole folder: ${pairs.length} linked pairs (${pairs.filter((l) => l.relation === 'contradicts').length} contradictions) for ${docs.length} articles`);
    out[`${name}.precision`] = pct(s.good, s.labelled);
    out[`${name}.recall`] = pct(s.goldFound, s.gold);
    out[`${name}.contradictionPrecision`] = pct(s.contraGood, s.contra);
    out[`${name}.contradictionsFound`] = `${s.goldContraFound}/${s.goldContra}`;
    total = addScores(total, s);
  }
  console.log(describe('all story folders', total));
  console.log(`  calibration (links on labelled candidates):\n  ${calibration(total)}`);
  out['all.precision'] = pct(total.good, total.labelled);
  out['all.recall'] = pct(total.goldFound, total.gold);
  out['all.contradictionPrecision'] = pct(total.contraGood, total.contra);
  out['all.contradictionsFound'] = `${total.goldContraFound}/${total.goldContra}`;
  out['all.contradictionRecall'] = pct(total.goldContraFound, total.goldContra);
  return out;
}
