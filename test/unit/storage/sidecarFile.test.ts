import { strict as assert } from 'assert';
import { promises as fs, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  parseSidecar, readSidecar, serializeSidecar, sha256Hex, sidecarPathFor, SidecarProtectedError, writeFileAtomic, writeSidecar,
} from '../../../server/src/storage/sidecarFile';
import { articleText, handSidecar } from './helpers';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'qarina-sidecar-'));

describe('sidecar file', () => {
  it('names the sidecar after the article', () => {
    assert.equal(sidecarPathFor('/x/NAME.txt'), '/x/NAME.txt.annotations.json');
  });

  it('hashes strings as their UTF-8 bytes', () => {
    assert.equal(sha256Hex('عمان'), sha256Hex(Buffer.from('عمان', 'utf8')));
    assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('serialises deterministically: 2-space indent, trailing newline, same bytes whatever the input order', () => {
    const s = handSidecar();
    const json = serializeSidecar(s);
    assert.ok(json.endsWith('}\n'));
    assert.match(json, /^\{\n {2}"schema": "qarina\/annotations@1",\n {2}"generator"/);
    const { path: docPath, ...restOfDocument } = s.document;
    const shuffled = { ...s, entities: [...s.entities].reverse(), document: { ...restOfDocument, path: docPath } };
    assert.notEqual(Object.keys(shuffled.document)[0], 'path');
    assert.equal(serializeSidecar(shuffled), json);
    const starts = s.entities.map((e) => e.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  });

  it('round-trips through parseSidecar', () => {
    const s = handSidecar();
    const r = parseSidecar(serializeSidecar(s));
    assert.equal(r.status, 'ok');
    if (r.status === 'ok') assert.equal(serializeSidecar(r.sidecar), serializeSidecar(s));
  });

  it('writes atomically and leaves no temporary file behind', async () => {
    const dir = tmp();
    const file = path.join(dir, 'out.json');
    await writeFileAtomic(file, 'one\n');
    await writeFileAtomic(file, 'two\n');
    assert.equal(await fs.readFile(file, 'utf8'), 'two\n');
    assert.deepEqual(await fs.readdir(dir), ['out.json']);
  });

  it('leaves no temporary file when the rename fails', async () => {
    const dir = tmp();
    const target = path.join(dir, 'is-a-dir');
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, 'x'), 'x');
    await assert.rejects(writeFileAtomic(target, 'data'));
    assert.deepEqual((await fs.readdir(dir)).sort(), ['is-a-dir']);
  });

  it('writes and reads back a sidecar next to the article', async () => {
    const dir = tmp();
    const article = path.join(dir, 'a.txt');
    await fs.writeFile(article, articleText);
    await writeSidecar(article, handSidecar());
    const r = await readSidecar(article);
    assert.equal(r.status, 'ok');
    assert.equal(await fs.readFile(sidecarPathFor(article), 'utf8'), serializeSidecar(handSidecar()));
  });

  it('reports a missing sidecar as missing', async () => {
    assert.deepEqual(await readSidecar(path.join(tmp(), 'none.txt')), { status: 'missing' });
  });

  const good = () => serializeSidecar(handSidecar());
  const bad: [string, () => string, RegExp][] = [
    ['invalid JSON', () => good().slice(0, 200), /not valid JSON/],
    ['git conflict markers', () => {
      const lines = good().split('\n');
      lines.splice(3, 0, '<<<<<<< HEAD', '  "x": 1,', '=======', '  "x": 2,', '>>>>>>> other');
      return lines.join('\n');
    }, /git conflict markers \(line 4/],
    ['a newer schema version', () => good().replace('qarina/annotations@1', 'qarina/annotations@7'), /written by a newer Qarina/],
    ['a schema violation', () => good().replace(/"type": ?"PER"/, '"type":"PERSON"'), /does not match the schema: \/entities\/\d+\/type/],
    ['a missing field', () => good().replace(/\n {2}"notes": \[\],/, ''), /must have required property 'notes'/],
    ['not a Qarina file', () => '{"hello": 1}\n', /not a Qarina annotations file/],
  ];
  for (const [what, make, reason] of bad) {
    it(`reports ${what} with a reason and never overwrites it`, async () => {
      const content = make();
      const r = parseSidecar(content);
      assert.equal(r.status, 'invalid');
      if (r.status === 'invalid') assert.match(r.reason, reason);
      const dir = tmp();
      const article = path.join(dir, 'a.txt');
      await fs.writeFile(article, articleText);
      await fs.writeFile(sidecarPathFor(article), content);
      await assert.rejects(writeSidecar(article, handSidecar()), (e: unknown) => e instanceof SidecarProtectedError && reason.test(e.reason));
      assert.equal(await fs.readFile(sidecarPathFor(article), 'utf8'), content);
      assert.deepEqual((await fs.readdir(dir)).sort(), ['a.txt', 'a.txt.annotations.json']);
    });
  }

  it('refuses to write a sidecar that violates the schema', async () => {
    const s = handSidecar();
    s.entities[0].start = -1;
    await assert.rejects(writeSidecar(path.join(tmp(), 'a.txt'), s), /does not match the schema/);
  });
});
