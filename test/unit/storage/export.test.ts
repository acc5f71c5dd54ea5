import { strict as assert } from 'assert';
import { makeAnchor } from '../../../server/src/storage/anchor';
import { exportCorpus } from '../../../server/src/storage/export';
import { codePointIndex } from '../../../server/src/storage/export/codepoints';
import { articleText as text, handSidecar, spanOf } from './helpers';

// An emoji (two UTF-16 units, one code point) and a supplementary-plane letter before the entities.
const prefix = '📰 خبر 𝔸\n';
const shifted = prefix + text;
const sidecarFor = (t: string) => handSidecar(t);
const items = () => [{ path: 'world/a.txt', text: shifted, sidecar: sidecarFor(shifted) }];
const cpLen = (s: string) => Array.from(s).length;

describe('export', () => {
  it('converts UTF-16 offsets to code points', () => {
    const cp = codePointIndex('a😀b');
    assert.deepEqual([0, 1, 3, 4].map(cp), [0, 1, 2, 3]);
  });

  it('brat: T lines with code-point offsets, values as notes, no rejected items', () => {
    const its = items();
    const axios = its[0].sidecar.entities.find((e) => e.text === 'أكسيوس')!;
    axios.status = 'rejected';
    const files = exportCorpus('brat', its);
    assert.deepEqual(files.map((f) => f.file), ['annotation.conf', 'world/a.txt', 'world/a.ann']);
    const ann = files[2].content;
    const biden = spanOf(shifted, 'جو بايدن');
    const start = cpLen(shifted.slice(0, biden.start));
    assert.equal(start, biden.start - 2);
    assert.match(ann, new RegExp(`^T\\d+\\tPER ${start} ${start + 8}\\tجو بايدن$`, 'm'));
    assert.equal(Array.from(shifted).slice(start, start + 8).join(''), 'جو بايدن');
    assert.match(ann, /^#\d+\tAnnotatorNotes T\d+\tREF\+P0W$/m);
    assert.ok(!ann.includes('أكسيوس'));
  });

  it('brat: a span crossing a line break becomes fragments', () => {
    const t = 'قال الرئيس\nجو بايدن اليوم';
    const s = handSidecar(text);
    s.entities = [{ id: 'e1', ...makeAnchor(t, 4, 19), type: 'PER', entity: null, origin: 'user', status: 'accepted' }];
    s.dates = []; s.quantities = []; s.links = [];
    const ann = exportCorpus('brat', [{ path: 'x.txt', text: t, sidecar: s }])[2].content;
    assert.equal(ann, 'T1\tPER 4 10;11 19\tالرئيس جو بايدن\n');
  });

  it('W3C: TextQuoteSelector and TextPositionSelector in code points', () => {
    const [file] = exportCorpus('w3c', items());
    assert.equal(file.file, 'world/a.jsonld');
    const doc = JSON.parse(file.content);
    assert.equal(doc['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(doc.type, 'AnnotationCollection');
    const biden = doc.first.items.find((a: any) => a.target.selector[0].exact === 'جو بايدن');
    const pos = biden.target.selector.find((s: any) => s.type === 'TextPositionSelector');
    assert.equal(Array.from(shifted).slice(pos.start, pos.end).join(''), 'جو بايدن');
    assert.equal(biden.motivation, 'classifying');
    assert.deepEqual(biden.body.map((b: any) => b.value), ['PER', 'PER:biden']);
    const link = doc.first.items.find((a: any) => a.motivation === 'linking');
    assert.equal(link.body[1].source, 'world/b.txt');
  });

  it('JSON Lines: one article per line, code-point offsets that slice the mention', () => {
    const [file] = exportCorpus('jsonl', [...items(), { path: 'a.txt', text, sidecar: handSidecar() }]);
    const lines = file.content.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.path), ['a.txt', 'world/a.txt']);
    const l = lines[1];
    assert.equal(l.offsetUnit, 'codepoint');
    for (const e of l.entities) assert.equal(Array.from(l.text as string).slice(e.start, e.end).join(''), e.text);
    assert.equal(l.dates[0].value, 'REF+P0W');
  });
});
