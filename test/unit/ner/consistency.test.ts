// The steps after the tagger that work on mentions alone: corpus-wide consistency (consistency.ts)
// and the project's conventions (conventions.ts), on hand-made mentions over real sentences.
import * as assert from 'assert';
import type { EntityMention } from '../../../server/src/engine/model';
import { harmonize } from '../../../server/src/engine/ner/consistency';
import { applyConventions } from '../../../server/src/engine/ner/conventions';
import { loadModel } from '../../../server/src/engine/ner/tagger';
import { tokenize } from '../../../server/src/engine/text/tokens';

const mention = (text: string, part: string, type: EntityMention['type'], confidence = 0.9, from = 0): EntityMention => {
  const start = text.indexOf(part, from);
  return { start, end: start + part.length, type, text: part, confidence };
};
const doc = (path: string, text: string) => ({ doc: { path, text }, sentences: [{ tokens: tokenize(text) }] });
const shown = (ms: EntityMention[] | undefined) => (ms ?? []).map((m) => `${m.type}:${m.text}`);

describe('ner: corpus consistency', () => {
  const A = 'وقال الرئيس الأميركي جو بايدن إن بلاده لن تسمح بذلك.';
  const B = 'وأكد جو بايدن أن المفاوضات مستمرة.';
  const lex = loadModel().lexicon;
  const known = () => 0;

  it('grows a mention of part of a confident name to the whole name', () => {
    const out = harmonize([doc('a', A), doc('b', B)], new Map([['a', [mention(A, 'جو بايدن', 'PER')]], ['b', [mention(B, 'بايدن', 'PER', 0.6)]]]), lex, known);
    assert.deepStrictEqual(shown(out.get('b')), ['PER:جو بايدن']);
  });

  it('leaves a mention inside the name whose type the corpus disputes as it is', () => {
    const out = harmonize([doc('a', A), doc('b', B)], new Map([['a', [mention(A, 'جو بايدن', 'PER')]], ['b', [mention(B, 'بايدن', 'LOC', 0.9)]]]), lex, known);
    assert.deepStrictEqual(shown(out.get('b')), ['LOC:بايدن']);
  });
});

describe('ner: conventions', () => {
  const S = 'وصل المبعوث إلى سلطنة عمان أمس.';

  it('keeps the polity noun in a place name', () => {
    assert.deepStrictEqual(shown(applyConventions([{ tokens: tokenize(S) }], S, [mention(S, 'عمان', 'LOC')])), ['LOC:سلطنة عمان']);
  });

  it('joins a polity noun tagged as a place of its own to the name', () => {
    assert.deepStrictEqual(shown(applyConventions([{ tokens: tokenize(S) }], S, [mention(S, 'سلطنة', 'LOC'), mention(S, 'عمان', 'LOC')])), ['LOC:سلطنة عمان']);
  });
});
