// The server's edit path with the corpus-wide entity pass running a slice at a time: an edit that
// comes while it runs is handled before the pass's next slice, the pass gives way (it applies
// nothing read from the older text) and runs again afterwards, and the corpus ends as a fresh
// analysis of the final texts would have it. On the sample articles, in two folders.
import { strict as assert } from 'assert';
import { Corpus } from '../../../server/src/engine/analyze';
import { Indexer } from '../../../server/src/lsp/indexer';
import { Workspace, type ArticleText } from '../../../server/src/lsp/workspace';
import { sampleArticles, sampleText } from '../../support/samples';

const COPIES = 2;

/** Waits for a condition, a turn of the event loop at a time. */
async function until(cond: () => boolean, what: string, limitMs = 60_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > limitMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise<void>((r) => setImmediate(r));
  }
}

function view(c: Corpus) {
  return {
    entities: c.articles().map((a) => [a.path, a.entities.map((e) => `${e.start}:${e.end}:${e.type}:${e.entity}`)]),
    canonical: c.canonical().map((e) => `${e.id}|${e.name}|${e.spellings.length}`),
    links: c.allLinks().map((l) => `${l.from.path}:${l.from.start}>${l.target.path}:${l.target.start} ${l.relation} ${l.score}`),
  };
}

describe('edits during the corpus-wide entity pass (language server)', function () {
  this.timeout(180_000);

  it('lets an edit pre-empt the entity pass, which runs again after it, and ends as a fresh analysis of the final texts', async () => {
    const items: ArticleText[] = [];
    for (let k = 0; k < COPIES; k++) for (const n of sampleArticles()) items.push({ uri: `file:///corpus/copy${String(k).padStart(2, '0')}/${n}`, text: sampleText(n) });
    const ws = new Workspace();
    const logs: string[] = [];
    const published: string[][] = [];
    const indexer = new Indexer(ws, null, () => null, async (uris) => void published.push(uris), (m) => void logs.push(m));
    await indexer.index(items, () => undefined);

    const edited = items[0];
    const first = `${edited.text}\nوقال وزير الخارجية خالد العتيبي إن المحادثات مع بريت ماكغورك ستستأنف الأسبوع المقبل في القاهرة.\n`;
    const second = `${edited.text}\nوقال السفير يوسف المطيري إن الاجتماع عقد في عمان.\n`;
    await indexer.edit({ uri: edited.uri, text: first, version: 2 });
    // The pass that follows the pause in typing starts; a second edit comes while it runs.
    await until(() => indexer.passPhase === 'entities', 'the entity pass to start');
    await indexer.edit({ uri: edited.uri, text: second, version: 3 });
    await until(() => logs.some((m) => /given way to an edit/.test(m)), 'the entity pass to give way');
    await indexer.corpusPassesDone();
    assert.equal(indexer.passPhase, 'idle');

    const fresh = new Corpus();
    fresh.setMany(items.map((it) => ({ path: it.uri, text: it.uri === edited.uri ? second : it.text })));
    const got = view(ws.corpus), want = view(fresh);
    assert.deepEqual(got.entities, want.entities);
    assert.deepEqual(got.canonical, want.canonical);
    assert.deepEqual(got.links, want.links);
    // The name of the second edit is linked corpus-wide, the one of the first is gone.
    assert.ok(ws.corpus.canonical().some((e) => /المطيري/.test(e.name)), 'the second edit\'s name has a canonical entity');
    assert.ok(!ws.corpus.canonical().some((e) => /العتيبي/.test(e.name)), 'the first edit\'s name is gone');
  });
});
