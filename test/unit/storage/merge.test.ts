// Three-way merge of the user's decisions when two writers changed one sidecar (the editor holds
// new decisions while `qarina annotate` or another window replaced the file).
import { strict as assert } from 'assert';
import type { Sidecar } from '../../../server/src/storage/format';
import { mergeSidecars } from '../../../server/src/storage/merge';
import { makeAnchor } from '../../../server/src/storage/anchor';
import { articleText, handSidecar, spanOf } from './helpers';

const clone = (s: Sidecar) => structuredClone(s);
const note = (text: string, body: string, id: string) => ({ id, ...makeAnchor(text, spanOf(text, 'جو بايدن').start, spanOf(text, 'جو بايدن').end), body, created: '2024-05-14T10:00:00Z' });
const entityStatus = (s: Sidecar, text: string) => s.entities.find((e) => e.text === text)?.status;

describe('merging two writers’ decisions', () => {
  const base = handSidecar();

  it('keeps the decisions each side added', () => {
    const ours = clone(base);
    ours.notes.push(note(articleText, 'ours', 'n-ours'));
    const theirs = clone(base);
    theirs.entities.find((e) => e.text === 'أكسيوس')!.status = 'rejected';
    theirs.corpus.rejectedSurfaces.push({ id: 'r-1', text: 'هذا' });
    const m = mergeSidecars(base, ours, theirs, articleText);
    assert.deepEqual(m.notes.map((n) => n.body), ['ours']);
    assert.equal(entityStatus(m, 'أكسيوس'), 'rejected');
    assert.equal(m.entities.filter((e) => e.text === 'أكسيوس').length, 1, 'the suggestion and the decision on one name are one item');
    assert.deepEqual(m.corpus.rejectedSurfaces.map((r) => r.text), ['هذا']);
  });

  it('applies a removal made on one side when the other did not touch the item', () => {
    const both = clone(base);
    both.notes.push(note(articleText, 'shared', 'n-1'));
    const ours = clone(both);
    ours.notes = []; // undone here
    const theirs = clone(both);
    theirs.checks.push({ id: 'c-1', ...makeAnchor(articleText, 0, 10), sentence: 's1', checked: '2024-05-14T10:00:00Z' });
    const m = mergeSidecars(both, ours, theirs, articleText);
    assert.deepEqual(m.notes, []);
    assert.deepEqual(m.checks.map((c) => c.id), ['c-1']);
    // The other way round: removed there, untouched here.
    const m2 = mergeSidecars(both, clone(both), { ...clone(both), notes: [] }, articleText);
    assert.deepEqual(m2.notes, []);
  });

  it('prefers this side’s decision when both changed the same item', () => {
    const ours = clone(base);
    ours.entities.find((e) => e.text === 'جو بايدن')!.status = 'accepted';
    const theirs = clone(base);
    theirs.entities.find((e) => e.text === 'جو بايدن')!.status = 'rejected';
    assert.equal(entityStatus(mergeSidecars(base, ours, theirs, articleText), 'جو بايدن'), 'accepted');
  });

  it('places their decisions in this side’s version of the text', () => {
    // They wrote against the text before a paragraph was added at the top here.
    const edited = 'فقرة جديدة أضيفت في أعلى المقال.\n\n' + articleText;
    const ours = handSidecar(edited);
    const theirs = clone(base);
    theirs.notes.push(note(articleText, 'theirs', 'n-theirs'));
    const m = mergeSidecars(base, ours, theirs, edited);
    const n = m.notes.find((x) => x.body === 'theirs')!;
    assert.ok(n && !n.orphaned, 'their note is placed');
    assert.equal(edited.slice(n.start, n.end), 'جو بايدن');
  });

  it('takes their reference date unless the user set one here', () => {
    const theirs = clone(base);
    theirs.document = { ...theirs.document, referenceDate: '2024-05-10', referenceDateSource: 'user' };
    assert.equal(mergeSidecars(base, clone(base), theirs, articleText).document.referenceDate, '2024-05-10');
    const ours = clone(base);
    ours.document = { ...ours.document, referenceDate: '2024-05-12', referenceDateSource: 'user' };
    assert.equal(mergeSidecars(base, ours, theirs, articleText).document.referenceDate, '2024-05-12');
  });

  it('keeps the other links of a sentence when one of its links is decided', () => {
    const withTwo = clone(base);
    const l = withTwo.links[0];
    withTwo.links.push({ ...l, id: 'l-other', target: { ...l.target, path: 'c.txt', quote: 'نص آخر' } });
    const theirs = clone(withTwo);
    theirs.links[0].status = 'accepted';
    const m = mergeSidecars(withTwo, clone(withTwo), theirs, articleText);
    assert.deepEqual(m.links.map((x) => `${x.target.path} ${x.status}`).sort(), ['b.txt accepted', 'c.txt suggested']);
  });

  it('without a common base, keeps every decision of both sides', () => {
    const ours = clone(base);
    ours.notes.push(note(articleText, 'ours', 'n-ours'));
    const theirs = clone(base);
    theirs.notes.push(note(articleText, 'theirs', 'n-theirs'));
    assert.deepEqual(mergeSidecars(null, ours, theirs, articleText).notes.map((n) => n.body).sort(), ['ours', 'theirs']);
  });
});
