import { strict as assert } from 'assert';
import { promises as fs, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { classifyArticle, isArticlePath, listArticles, MAX_ARTICLE_BYTES } from '../../../server/src/storage/articleFiles';
import { articleText } from './helpers';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('article files', () => {
  it('treats .txt and .md as articles but not their sidecars', () => {
    assert.ok(isArticlePath('/a/b.txt'));
    assert.ok(isArticlePath('/a/B.MD'));
    assert.ok(!isArticlePath('/a/b.txt.annotations.json'));
    assert.ok(!isArticlePath('/a/b.json'));
  });

  it('accepts an Arabic article and strips a UTF-8 BOM, keeping CRLF', () => {
    const crlf = articleText.replace(/\n/g, '\r\n');
    const r = classifyArticle('a.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(crlf)]));
    assert.deepEqual(r, { ok: true, text: crlf });
  });

  const refusals: [string, Uint8Array, RegExp][] = [
    ['an empty file', new Uint8Array(), /empty/],
    ['a whitespace-only file', bytes('  \n\n '), /empty/],
    ['a binary file', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), /binary/],
    ['invalid UTF-8', new Uint8Array([...bytes('مرحبا '), 0xc3, 0x28]), /not UTF-8/],
    ['an English text', bytes('The talks took place in Muscat this week, according to Axios.'), /not Arabic \(0%/],
    ['a file over 2 MB', bytes('ع'.repeat(MAX_ARTICLE_BYTES / 2 + 1)), /over 2 MB/],
  ];
  for (const [what, data, reason] of refusals) {
    it(`refuses ${what} with a clear reason`, () => {
      const r = classifyArticle('x.txt', data);
      assert.ok(!r.ok && reason.test(r.reason), JSON.stringify(r));
    });
  }

  it('refuses a sidecar given as an article', () => {
    const r = classifyArticle('x.txt.annotations.json', bytes('{}'));
    assert.ok(!r.ok && /sidecar/.test(r.reason));
  });

  it('lists articles recursively and sorted, skipping hidden, dependency and build folders and sidecars', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'qarina-list-'));
    for (const f of ['b.txt', 'a.md', 'a.md.annotations.json', 'notes.json', 'sub/c.txt', '.git/d.txt', 'node_modules/e.txt', 'dist/f.txt', '.hidden.txt']) {
      await fs.mkdir(path.dirname(path.join(root, f)), { recursive: true });
      await fs.writeFile(path.join(root, f), 'نص');
    }
    const list = (await listArticles(root)).map((p) => path.relative(root, p).split(path.sep).join('/'));
    assert.deepEqual(list, ['a.md', 'b.txt', 'sub/c.txt']);
  });
});
