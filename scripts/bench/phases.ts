// Profiling helper (not part of the bench run): the server's indexing steps in one process over
// the first N articles of the news archive, with the live heap (after a full GC) and the CPU time
// of every step, so that memory and time can be attributed to a step. Facts are computed once and
// kept in a file (argument 2), as the server's analysis cache would hold them. PHASES_DROP=1 then
// drops the parts of the cross-checker's state one after the other (a part's own size is better
// read by dropping it alone: what a later drop frees depends on the earlier ones); PHASES_SNAPSHOT
// / PHASES_SNAPSHOT2 write heap snapshots at the end / after the drops.
//   node --expose-gc --import tsx scripts/bench/phases.ts N factsFile
// (or bundled with esbuild, as the README's figures were measured: tsx's own code adds to the heap).
import * as fs from 'fs';
import * as path from 'path';
import * as v8 from 'v8';
import { Corpus } from '../../server/src/engine/analyze';
import { packFacts, unpackFacts, type PackedFacts } from '../../server/src/engine/facts';
import { internTokens } from '../../server/src/workers/internTokens';
import { newsArticles } from './corpora';

const n = Number(process.argv[2] ?? 1000);
const factsFile = process.argv[3] ?? '/tmp/qarina-phases-facts.bin';
const shared = process.env.QARINA_SHARED ?? path.resolve(__dirname, '..', '..', 'shared');
const files = newsArticles(path.join(shared, 'data', 'news', 'saudinewsnet-2015-07-23_27.tar.xz'), '/tmp/qarina-phases').slice(0, n);
const inputs = files.map((f) => ({ path: 'file://' + f, text: fs.readFileSync(f, 'utf8') }));
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (x: number) => (x / 1048576).toFixed(1);
let cpu = process.cpuUsage();
function mark(step: string): void {
  const c = process.cpuUsage(cpu);
  gc();
  const m = process.memoryUsage();
  console.log(`${step.padEnd(22)} cpu ${((c.user + c.system) / 1e6).toFixed(2)} s  heap ${mb(m.heapUsed)} MB  external ${mb(m.external + m.arrayBuffers)} MB  rss ${mb(m.rss)} MB`);
  cpu = process.cpuUsage();
}
const corpus = new Corpus();
let packed: PackedFacts[];
if (fs.existsSync(factsFile)) {
  // Typed arrays that v8.deserialize returns are views of the file's buffer: copied, so that the
  // facts hold only their own bytes (as those a worker sends).
  packed = v8.deserialize(fs.readFileSync(factsFile)) as PackedFacts[];
  for (const p of packed) for (const t of p.tagged) { t.labels = t.labels.slice(); t.marg = t.marg.slice(); }
}
else {
  packed = inputs.map((i) => packFacts(corpus.computeFacts(i)));
  fs.writeFileSync(factsFile, v8.serialize(packed));
}
mark('start (packed facts)');
corpus.stage(inputs.map((input, k) => {
  const facts = unpackFacts(input.path, input.text, packed[k]);
  // As the server does with facts from its workers and its cache.
  if (!process.env.PHASES_NO_INTERN) internTokens(facts.tokens);
  return { input, facts };
}));
packed = [];
mark('staged');
const touched = corpus.refreshEntities(new Set(inputs.map((i) => i.path)));
mark('entities');
for (const p of touched) corpus.crossCheck(p);
mark('cross-checked');
corpus.settleLinks();
mark('settled');
const links = corpus.allLinks();
console.log(`links ${links.length}`);
if (process.env.PHASES_SNAPSHOT) console.log(v8.writeHeapSnapshot(process.env.PHASES_SNAPSHOT));
if (process.env.PHASES_DROP) {
  // What each part of the cross-checker's state holds: dropped one after the other.
  const ck = (corpus as any).checker;
  const prepared: any[] = [...ck.prepared.values()].flat();
  console.log(`tokens ${[...(corpus as any).entries.values()].reduce((x: number, e: any) => x + e.analysis.tokens.length, 0)}`);
  console.log(`prepared sentences ${prepared.length}, terms ${prepared.reduce((x, s) => x + s.terms.length, 0)}, verdict rows ${ck.verdicts.size}, verdict entries ${[...ck.verdicts.values()].reduce((x: number, r: Map<string, unknown>) => x + r.size, 0)}, non-null ${[...ck.verdicts.values()].reduce((x: number, r: Map<string, unknown>) => x + [...r.values()].filter(Boolean).length, 0)}`);
  ck.links.clear(); mark('- links');
  ck.chosen.clear(); ck.pairs.clear(); mark('- pairs, chosen');
  ck.verdicts.clear(); mark('- verdicts');
  (ck as any).index = null; mark('- index');
  for (const s of prepared) s.reuse = undefined; mark('- reuse');
  for (const s of prepared) { s.keySet = s.primary = s.variants = s.speakerKeys = null; } mark('- key maps');
  for (const s of prepared) s.terms = null; mark('- terms');
  ck.prepared.clear(); ck.byKey.clear(); prepared.length = 0; mark('- prepared');
  const entries: any[] = [...(corpus as any).entries.values()];
  (corpus as any).tagged.clear(); for (const e of entries) e.facts = null; mark('- facts, tagged');
  for (const e of entries) { e.analysis.tokens = null; } mark('- tokens');
  if (process.env.PHASES_SNAPSHOT2) console.log(v8.writeHeapSnapshot(process.env.PHASES_SNAPSHOT2));
}
