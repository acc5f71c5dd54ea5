import { strict as assert } from 'assert';
import * as path from 'node:path';
import { buildSidecar } from '../../../server/src/storage/build';
import { articleDecisionsOf, corpusDecisionsOf, linkKey } from '../../../server/src/storage/decisions';
import { makeAnchor } from '../../../server/src/storage/anchor';
import { serializeSidecar, sha256Hex } from '../../../server/src/storage/sidecarFile';
import { validateSidecar } from '../../../server/src/storage/schema';
import { articleText as text, handAnalysis, handLinks, handSidecar, spanOf } from './helpers';

const rebuild = (previous: ReturnType<typeof handSidecar>, analysis = handAnalysis(text)) => buildSidecar({
  path: 'a.txt', text, sha256: sha256Hex(text), analysis, links: handLinks(text), previous,
  relativePath: (t) => path.posix.relative('/corpus', t),
});

describe('building a sidecar from an analysis', () => {
  it('turns automatic results into suggestions that match the schema', () => {
    const s = handSidecar();
    assert.deepEqual(validateSidecar(s), { ok: true });
    assert.ok(s.entities.every((e) => e.origin === 'auto' && e.status === 'suggested'));
    assert.equal(s.entities.find((e) => e.text === 'جو بايدن')?.entity, 'PER:biden');
    const l = s.links[0];
    assert.equal(l.target.path, 'b.txt');
    assert.equal(l.score, 0.812);
    assert.deepEqual(l.reasons, ['shared names: بايدن = بايدن']);
    assert.equal(text.slice(l.start, l.end), l.text);
  });

  it('is byte-identical when rebuilt from its own output', () => {
    const first = handSidecar();
    const second = rebuild(first);
    assert.equal(serializeSidecar(second), serializeSidecar(first));
  });

  it('writes unbounded quantity ends as null', () => {
    const a = handAnalysis(text);
    a.quantities = [{ ...spanOf(text, 'اثنان'), text: 'اثنان', low: 2, high: Infinity, qualifier: 'أكثر من' }];
    const s = rebuild(null as never, a);
    assert.deepEqual([s.quantities[0].low, s.quantities[0].high, s.quantities[0].qualifier], [2, null, 'أكثر من']);
  });

  it('keeps user decisions over automatic results: rejected, retyped, added, accepted links, notes and corpus decisions', () => {
    const prev = handSidecar();
    const axios = prev.entities.find((e) => e.text === 'أكسيوس')!;
    axios.status = 'rejected';
    const oman = prev.entities.find((e) => e.text === 'سلطنة عُمان')!;
    oman.type = 'ORG'; oman.origin = 'user'; oman.status = 'accepted';
    const bali = spanOf(text, 'أبرام بالي');
    prev.entities.push({ id: 'e-user1', ...makeAnchor(text, bali.start, bali.end), type: 'PER', entity: null, origin: 'user', status: 'accepted' });
    prev.links[0].status = 'rejected';
    prev.notes.push({ id: 'n-1', ...makeAnchor(text, bali.start, bali.end), body: 'من هو؟', created: '2026-11-22T00:00:00Z' });
    prev.corpus.merges.push({ id: 'm-1', into: 'PER:biden', from: 'PER:bayden' });
    prev.document.referenceDate = '2024-05-17';
    prev.document.referenceDateSource = 'user';
    // The fresh analysis knows nothing of the decisions (worst case): they must still win.
    const next = rebuild(prev);
    assert.equal(next.entities.find((e) => e.id === axios.id)?.status, 'rejected');
    assert.equal(next.entities.filter((e) => e.text === 'أكسيوس').length, 1);
    const o = next.entities.filter((e) => e.text === 'سلطنة عُمان');
    assert.deepEqual(o.map((e) => [e.type, e.origin, e.entity]), [['ORG', 'user', 'LOC:oman']]);
    assert.ok(next.entities.some((e) => e.id === 'e-user1'));
    assert.equal(next.links.length, 1);
    assert.equal(next.links[0].status, 'rejected');
    assert.deepEqual(next.notes.map((n) => n.id), ['n-1']);
    assert.deepEqual(next.corpus.merges, prev.corpus.merges);
    assert.deepEqual([next.document.referenceDate, next.document.referenceDateSource], ['2024-05-17', 'user']);
    assert.deepEqual(validateSidecar(next), { ok: true });
    assert.equal(serializeSidecar(rebuild(next)), serializeSidecar(next));
  });

  it('keeps orphaned user annotations and drops orphaned automatic suggestions (the analysis redoes them)', () => {
    const prev = handSidecar();
    prev.entities[0].orphaned = true;
    prev.entities[1].orphaned = true;
    prev.entities[1].status = 'accepted';
    const next = rebuild(prev);
    assert.ok(next.entities.some((e) => e.id === prev.entities[1].id && e.orphaned));
    assert.ok(!next.entities.some((e) => e.orphaned && e.id === prev.entities[0].id));
  });
});

describe('decisions from sidecars', () => {
  it('passes added, accepted and rejected items to the engine, ignoring orphans and plain suggestions', () => {
    const s = handSidecar();
    s.entities[0].status = 'rejected';
    s.entities[1].origin = 'user'; s.entities[1].type = 'ORG';
    s.entities[2].status = 'accepted'; s.entities[2].orphaned = true;
    s.dates[0].status = 'accepted'; s.dates[0].value = 'XXXX-WXX';
    const d = articleDecisionsOf(s);
    assert.deepEqual(d.rejectedEntities, [{ start: s.entities[0].start, end: s.entities[0].end }]);
    assert.deepEqual(d.addedEntities, [{ start: s.entities[1].start, end: s.entities[1].end, type: 'ORG' }]);
    assert.deepEqual(d.addedDates, [{ start: s.dates[0].start, end: s.dates[0].end, value: 'XXXX-WXX' }]);
  });

  it('unites corpus decisions of every sidecar without duplicates', () => {
    const a = handSidecar(), b = handSidecar();
    for (const s of [a, b]) {
      s.corpus.merges.push({ id: 'm', into: 'PER:x', from: 'PER:y' });
      s.corpus.rejectedSurfaces.push({ id: 'r', text: 'الجانب' });
    }
    a.corpus.splits.push({ id: 'x', ...makeAnchor(text, 0, 3), from: 'PER:x' });
    const d = corpusDecisionsOf([{ path: '/c/a.txt', sidecar: a }, { path: '/c/b.txt', sidecar: b }]);
    assert.deepEqual(d.merges, [['PER:x', 'PER:y']]);
    assert.deepEqual(d.rejectedSurfaces, ['الجانب']);
    assert.deepEqual(d.splits, [{ path: '/c/a.txt', start: 0, end: 3 }]);
  });

  it('identifies a link by its sentence span and target, not by its score', () => {
    assert.equal(linkKey({ start: 1, end: 9 }, 'b.txt', 'q'), linkKey({ start: 1, end: 9 }, 'b.txt', 'q'));
    assert.notEqual(linkKey({ start: 1, end: 9 }, 'b.txt', 'q'), linkKey({ start: 1, end: 9 }, 'c.txt', 'q'));
  });
});
