// Cross-checking as an editor sees it, over real JSON-RPC: the sample articles (five outlets on
// US–Iran talks in Oman) plus a two-article story of real headlines that report one toll as 29 and
// as 53 killed (test/fixtures/stories/ahvaz, from the ANS corpus).
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { copySamples, LspClient, positionOf, waitFor } from './lspClient';

const STORY = path.resolve(__dirname, '..', 'fixtures', 'stories', 'ahvaz');
const A = '000_733615ac9775bde5.txt';
const B = '001_1c47a185e8d9dee2.txt';

describe('cross-checking over JSON-RPC (samples and a story with a toll discrepancy)', function () {
  this.timeout(120000);
  let client: LspClient;
  let folder: string;
  const uriOf = (name: string) => URI.file(path.join(folder, name)).toString();
  const textOf = (name: string) => fs.readFileSync(path.join(folder, name), 'utf8');

  before(async () => {
    folder = copySamples();
    for (const f of ['ahvaz-1.txt', 'ahvaz-2.txt']) fs.copyFileSync(path.join(STORY, f), path.join(folder, f));
    client = new LspClient();
    await client.initialize(folder);
    await client.waitIndexed(7);
  });

  after(async () => {
    await client?.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** The passages a hover lists, in order: the file each one is in and its quote. */
  const listed = (md: string) => [...md.matchAll(/(Corroborates|Contradicts|Different event\?) · \[([^\]]+)\]/g)].map((m) => ({ relation: m[1], file: m[2].replace(/\\/g, '') }));

  it('lists first, in the hover of a sentence, the other outlet that states the same fact', async () => {
    // «Two senior officials of Biden's administration held indirect talks with Iranian officials in
    // Oman this week», and in the other outlet «Two senior officials … held indirect talks …».
    const hover = await client.request('textDocument/hover', { textDocument: { uri: uriOf(A) }, position: positionOf(textOf(A), 'عقد اثنان من كبار', 1) });
    const md: string = hover.contents.value;
    const first = listed(md)[0];
    assert.deepEqual(first, { relation: 'Corroborates', file: B }, md);
    assert.match(md.slice(md.indexOf(first.file)), /أجرى اثنان من كبار المسؤولين/, 'the passage of the other outlet is quoted');
  });

  it('shows the second source of a story headline first, with its confidence', async () => {
    const hover = await client.request('textDocument/hover', { textDocument: { uri: uriOf('ahvaz-1.txt') }, position: positionOf(textOf('ahvaz-1.txt'), 'إيران تقبض على 22', 2) });
    const md: string = hover.contents.value;
    assert.deepEqual(listed(md)[0], { relation: 'Corroborates', file: 'ahvaz-2.txt' }, md);
    assert.match(md, /confidence \d{1,3} %/);
    assert.match(md, /22/, 'the agreeing count is a reason');
  });

  it('publishes a toll discrepancy as a diagnostic naming both figures, pointing at the other passage', async () => {
    const [d] = await waitFor(() => {
      const ds = (client.diagnostics.get(uriOf('ahvaz-1.txt')) ?? []).filter((x) => x.code === 'contradiction');
      return ds.length ? ds : undefined;
    }, 20000, 'a contradiction diagnostic on ahvaz-1.txt');
    assert.match(d.message, /different figures for the same count/);
    assert.match(d.message, /29/);
    assert.match(d.message, /53/);
    assert.equal(d.range.start.line, 0, 'on the headline that gives 29 killed');
    const rel = d.relatedInformation?.[0];
    assert.ok(rel, 'related information');
    assert.equal(path.basename(URI.parse(rel.location.uri).fsPath), 'ahvaz-2.txt');
    assert.equal(rel.location.range.start.line, 0, 'the other headline, 53 killed');
    // And the same discrepancy seen from the other article.
    const other = await waitFor(() => (client.diagnostics.get(uriOf('ahvaz-2.txt')) ?? []).find((x) => x.code === 'contradiction'), 20000, 'the contradiction on ahvaz-2.txt');
    assert.match(other.message, /53/);
  });

  it('does not call the restated headlines of the story contradictions', async () => {
    const ds = client.diagnostics.get(uriOf('ahvaz-1.txt')) ?? [];
    assert.deepEqual(ds.filter((x) => x.code === 'contradiction').map((x) => x.range.start.line), [0]);
  });
});
