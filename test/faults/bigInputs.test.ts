// Big inputs: work per article proportional to its size. A 1.9 MB article (8,000 sentences, 15,000
// links) once kept the server from ever answering again: diagnostics went through every link of
// the article for every sentence (linksOfSentence), 99.8 % of the time in a profile. Here the
// links the corpus hands out are counted as they are read.
import { strict as assert } from 'assert';
import type { Sentence, SentenceLink } from '../../server/src/engine/model';
import { contradictionDiagnostics } from '../../server/src/features/diagnostics';
import { linksOfSentence, noDecisions } from '../../server/src/lsp/queries';
import type { Workspace } from '../../server/src/lsp/workspace';

/** A workspace of one article with `n` sentences, each with two links (one a contradiction), whose
 *  list of links counts every element read. */
function bigArticle(n: number): { ws: Workspace; reads: () => number; sentences: Sentence[] } {
  const uri = 'file:///big.txt';
  const sentences: Sentence[] = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, start: i * 50, end: i * 50 + 49, kind: 'body' }) as unknown as Sentence);
  const links: SentenceLink[] = sentences.flatMap((s, i) => (['corroborates', 'contradicts'] as const).map((relation) => ({
    from: { path: uri, sentence: s.id, start: s.start, end: s.end },
    relation,
    target: { path: 'file:///other.txt', sentence: `s${i}`, start: 0, end: 10, quote: 'نص آخر' },
    score: 0.5,
    reasons: [],
  })));
  let reads = 0;
  const counted = new Proxy(links, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  const range = () => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
  const ws = {
    analysis: () => ({ sentences }),
    corpus: { linksFrom: () => counted, has: () => true },
    range,
  } as unknown as Workspace;
  return { ws, reads: () => reads, sentences };
}

describe('faults: big inputs cost in proportion to their size', function () {
  it('the diagnostics of an article read each of its links a bounded number of times, not once per sentence', () => {
    const n = 3000;
    const { ws, reads } = bigArticle(n);
    const t0 = process.cpuUsage();
    const d = contradictionDiagnostics(ws, 'file:///big.txt', 'en', 'information', noDecisions);
    const cpu = process.cpuUsage(t0);
    assert.equal(d.length, n);
    assert.ok(reads() <= 4 * 2 * n, `${reads()} reads of ${2 * n} links for ${n} sentences`);
    console.log(`      ${n} sentences, ${2 * n} links: ${reads()} link reads, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU`);
  });

  it('the links of one sentence, asked for every sentence in turn (CodeLens, hovers): the same', () => {
    const n = 3000;
    const { ws, reads, sentences } = bigArticle(n);
    for (const s of sentences) assert.equal(linksOfSentence(ws, 'file:///big.txt', s).length, 2);
    assert.ok(reads() <= 4 * 2 * n, `${reads()} reads of ${2 * n} links for ${n} sentences`);
    // Contradictions first.
    assert.equal(linksOfSentence(ws, 'file:///big.txt', sentences[7])[0].relation, 'contradicts');
  });
});
