import { strict as assert } from 'assert';
import { applyCorpusDecisions, applyDateDecisions, applyEntityDecisions, noArticleDecisions } from '../../../server/src/engine/decisions';
import type { CanonicalEntity, DateMention, EntityMention } from '../../../server/src/engine/model';

const text = 'وصل بريت ماكغورك إلى مسقط يوم 8 مايو.';
const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
const auto: EntityMention[] = [
  { ...span('بريت ماكغورك'), type: 'PER', text: 'بريت ماكغورك' },
  { ...span('مسقط'), type: 'ORG', text: 'مسقط' },
];

describe('user decisions win over automatic results', () => {
  it('removes rejected names, applies retyping and adds the user\'s own names', () => {
    const d = noArticleDecisions();
    d.rejectedEntities.push(span('بريت ماكغورك'));
    d.retypedEntities.push({ ...span('مسقط'), type: 'LOC' });
    d.addedEntities.push({ ...span('ماكغورك'), type: 'PER' });
    const out = applyEntityDecisions(text, auto, d, new Set());
    assert.deepEqual(out.map((e) => [e.text, e.type]), [['ماكغورك', 'PER'], ['مسقط', 'LOC']]);
  });

  it('rejects one spelling everywhere', () => {
    const out = applyEntityDecisions(text, auto, undefined, new Set(['مسقط']));
    assert.deepEqual(out.map((e) => e.text), ['بريت ماكغورك']);
  });

  it('replaces an automatic date that a user-added date overlaps', () => {
    const autoDates: DateMention[] = [{ ...span('8 مايو'), text: '8 مايو', value: 'XXXX-05-08', kind: 'absolute', resolved: null, explanation: [] }];
    const d = noArticleDecisions();
    d.addedDates.push({ ...span('يوم 8 مايو'), value: '2024-05-08' });
    const out = applyDateDecisions(text, autoDates, d);
    assert.equal(out.length, 1);
    assert.equal(out[0].value, '2024-05-08');
    assert.equal(out[0].text, 'يوم 8 مايو');
  });

  it('merges canonical entities the user declared the same, and splits a mention off', () => {
    const docs = [
      { path: 'a', entities: [{ start: 0, end: 5, type: 'PER' as const, text: 'باقري', entity: 'PER:باقري' }] },
      { path: 'b', entities: [{ start: 0, end: 9, type: 'PER' as const, text: 'علي باقري', entity: 'PER:علي_باقري' }, { start: 20, end: 25, type: 'PER' as const, text: 'باقري', entity: 'PER:علي_باقري' }] },
    ];
    const canonical: CanonicalEntity[] = [
      { id: 'PER:باقري', type: 'PER', name: 'باقري', spellings: [{ text: 'باقري', path: 'a', count: 1 }] },
      { id: 'PER:علي_باقري', type: 'PER', name: 'علي باقري', spellings: [{ text: 'علي باقري', path: 'b', count: 1 }, { text: 'باقري', path: 'b', count: 1 }] },
    ];
    const out = applyCorpusDecisions(docs, canonical, { merges: [['PER:علي_باقري', 'PER:باقري']], splits: [{ path: 'b', start: 20, end: 25 }], rejectedSurfaces: [] });
    assert.equal(docs[0].entities[0].entity, 'PER:علي_باقري');
    assert.notEqual(docs[1].entities[1].entity, 'PER:علي_باقري');
    const merged = out.find((c) => c.id === 'PER:علي_باقري')!;
    assert.deepEqual(merged.spellings.map((s) => s.path).sort(), ['a', 'b']);
  });
});
