// Sidecars stay proportionate to their article: automatic links are capped per sentence (the most
// relevant kept) and stored without repeating any text; the user's decisions on links keep their
// quotes; older sidecars, with every quote, still read; one annotation per line.
import { strict as assert } from 'assert';
import * as path from 'node:path';
import type { SentenceLink } from '../../../server/src/engine/model';
import { buildSidecar, MAX_COPIES, MAX_LINKS_PER_SENTENCE } from '../../../server/src/storage/build';
import { reanchorSidecar } from '../../../server/src/storage/anchor';
import { parseSidecar, serializeSidecar, sha256Hex } from '../../../server/src/storage/sidecarFile';
import { validateSidecar } from '../../../server/src/storage/schema';
import { articleText as text, handAnalysis, handLinks, handSidecar } from './helpers';

/** `n` links from the sentence of handLinks to as many passages of other articles. */
function manyLinks(n: number): SentenceLink[] {
  const [l] = handLinks(text);
  return Array.from({ length: n }, (_, i) => ({
    ...l,
    relation: i === n - 1 ? 'contradicts' as const : 'corroborates' as const,
    target: { ...l.target, path: `/corpus/b${String(i).padStart(3, '0')}.txt`, quote: `${l.target.quote} ${i}` },
    score: i === n - 1 ? 0.2 : 0.3 + i / 1000,
  }));
}

const build = (links: SentenceLink[], previous: ReturnType<typeof handSidecar> | null = null, t = text) => buildSidecar({
  path: 'a.txt', text: t, sha256: sha256Hex(t), analysis: handAnalysis(t), links, previous,
  relativePath: (x) => path.posix.relative('/corpus', x),
});

describe('compact sidecars: links capped and stored without repeated text', () => {
  it(`keeps at most ${MAX_LINKS_PER_SENTENCE} automatic links a sentence: the contradiction first, then the most confident`, () => {
    const s = build(manyLinks(60));
    assert.equal(s.links.length, MAX_LINKS_PER_SENTENCE);
    assert.ok(s.links.some((l) => l.relation === 'contradicts'), 'the contradiction was dropped');
    const scores = s.links.filter((l) => l.relation === 'corroborates').map((l) => l.score).sort();
    assert.ok(scores[0] >= 0.3 + (60 - MAX_LINKS_PER_SENTENCE) / 1000 - 1e-9, `a weaker link kept: ${scores[0]}`);
  });

  it(`lists one passage per article that prints the target word for word, at most ${MAX_COPIES} articles`, () => {
    const [l] = handLinks(text);
    // One article repeating the passage 90 times, and 30 other articles printing it once.
    const alsoIn = [
      ...Array.from({ length: 90 }, (_, i) => ({ path: '/corpus/big.txt', sentence: `s${i}`, start: i * 100, end: i * 100 + 30 })),
      ...Array.from({ length: 30 }, (_, i) => ({ path: `/corpus/c${i}.txt`, sentence: 's1', start: 0, end: 30 })),
    ];
    const s = build([{ ...l, alsoIn }]);
    const copies = s.links[0].alsoIn ?? [];
    assert.equal(copies.length, MAX_COPIES);
    assert.equal(new Set(copies.map((c) => c.path)).size, copies.length, 'one article listed twice');
    assert.equal(copies[0].path, 'big.txt');
  });

  it('writes each other source of a word-for-word copied claim as a link of its own (copyOf), within the sentence\'s cap', () => {
    const [l] = handLinks(text);
    const alsoIn = Array.from({ length: 3 }, (_, i) => ({ path: `/corpus/c${i}.txt`, sentence: 's2', start: 10, end: 40 }));
    const s = build([{ ...l, alsoIn }]);
    const main = s.links.find((x) => !x.copyOf)!;
    const copies = s.links.filter((x) => x.copyOf);
    assert.deepEqual(copies.map((x) => x.target.path), ['c0.txt', 'c1.txt', 'c2.txt']);
    assert.ok(copies.every((x) => x.copyOf === main.id && x.relation === main.relation && x.start === main.start && x.target.start === 10), 'a copy names its link and keeps its sentence, relation and the copy\'s offsets');
    // Built again over its own sidecar: the same links, no copy twice.
    assert.equal(build([{ ...l, alsoIn }], s).links.length, s.links.length);
    // A sentence already at the cap gets no copies.
    const full = build([...manyLinks(60).map((x, i) => (i === 0 ? { ...x, alsoIn } : x))]);
    assert.equal(full.links.length, MAX_LINKS_PER_SENTENCE);
  });

  it('a link the user judged is kept whatever the cap', () => {
    const links = manyLinks(60);
    const first = build(links);
    const weakest = build([links[0]]).links[0];
    const previous = { ...first, links: [...first.links, { ...weakest, status: 'rejected' as const }] };
    const again = build(links, previous);
    assert.ok(again.links.some((l) => l.status === 'rejected' && l.target.path === weakest.target.path));
  });

  it('stores automatic links without quotes or context, and decisions with theirs; valid against the schema', () => {
    const s = build(manyLinks(3));
    s.links[0] = { ...s.links[0], status: 'accepted' };
    const json = serializeSidecar(s);
    const r = parseSidecar(json);
    assert.equal(r.status, 'ok');
    if (r.status !== 'ok') return;
    assert.deepEqual(validateSidecar(r.sidecar), { ok: true });
    const [accepted, ...auto] = [...r.sidecar.links].sort((a, b) => (a.status === 'accepted' ? -1 : b.status === 'accepted' ? 1 : 0));
    assert.equal(accepted.target.quote, s.links[0].target.quote);
    assert.equal(accepted.text, text.slice(accepted.start, accepted.end));
    for (const l of auto) assert.deepEqual([l.text, l.prefix, l.suffix, l.target.quote], ['', '', '', '']);
    // No passage of the article or of the other articles is repeated by the automatic links.
    const sentence = JSON.stringify(text.slice(accepted.start, accepted.end)).slice(1, -1);
    assert.equal(json.split(sentence).length - 1, 1, 'the sentence is written more than once');
  });

  it('one annotation per line, and the same bytes when rebuilt from its own output', () => {
    const s = build(manyLinks(3));
    const json = serializeSidecar(s);
    const lines = json.split('\n');
    assert.ok(s.entities.every((e) => lines.some((l) => l.includes(`"id":"${e.id}"`) && l.includes(`"status":"${e.status}"`))));
    const r = parseSidecar(json);
    assert.equal(r.status, 'ok');
    if (r.status === 'ok') assert.equal(serializeSidecar(build(manyLinks(3), r.sidecar)), json);
  });

  it('reads an older sidecar with every quote, fully indented, and keeps its link decisions', () => {
    const old = build(manyLinks(3));
    old.links[1] = { ...old.links[1], status: 'rejected' };
    const r = parseSidecar(JSON.stringify(old, null, 2) + '\n');
    assert.equal(r.status, 'ok');
    if (r.status !== 'ok') return;
    const again = build(manyLinks(3), r.sidecar);
    assert.equal(again.links.find((l) => l.status === 'rejected')?.target.quote, old.links[1].target.quote);
  });

  it('after the article changed, the compact automatic links are dropped (rebuilt by the analysis), decisions re-found', () => {
    const s = build(manyLinks(3));
    s.links[0] = { ...s.links[0], status: 'accepted' };
    const r = parseSidecar(serializeSidecar(s));
    assert.equal(r.status, 'ok');
    if (r.status !== 'ok') return;
    const edited = 'سطر جديد في أول المقال.\n' + text;
    const moved = reanchorSidecar(r.sidecar, edited).sidecar;
    assert.equal(moved.links.length, 1);
    assert.equal(moved.links[0].status, 'accepted');
    assert.ok(!moved.links[0].orphaned);
    assert.equal(edited.slice(moved.links[0].start, moved.links[0].end), s.links[0].text);
  });
});
