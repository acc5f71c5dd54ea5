// A worker thread of the facts pool (factsPool.ts): analyses one article at a time and sends its
// facts back packed (typed arrays are transferred, not copied).
import { parentPort } from 'worker_threads';
import { factsFor, type AnalyzeOptions, type ArticleInput } from '../engine/analyze';
import { packFacts } from '../engine/facts';

parentPort!.on('message', (m: { id: number; input: ArticleInput; options: AnalyzeOptions }) => {
  try {
    const packed = packFacts(factsFor(m.input, m.options));
    const transfer = [packed.tokStart.buffer, packed.tokEnd.buffer, packed.tokStemStart.buffer, packed.tokKind.buffer, ...packed.tagged.flatMap((t) => [t.labels.buffer, t.marg.buffer])];
    parentPort!.postMessage({ id: m.id, packed }, transfer as ArrayBuffer[]);
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
