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

  it('gives the whole name to a mention of another type inside it when the corpus says more for the name', () => {
    const C = 'وقال منسق البيت الأبيض للشرق الأوسط بريت ماكغورك إن المحادثات جرت.';
    const D = 'وأكد بريت ماكغورك أن المحادثات مستمرة.';
    const E = 'والتقى بريت ماكغورك مسؤولين عمانيين.';
    const out = harmonize([doc('c', C), doc('d', D), doc('e', E)], new Map([
      ['c', [mention(C, 'الشرق الأوسط', 'LOC'), mention(C, 'بريت', 'LOC', 0.7)]],
      ['d', [mention(D, 'بريت ماكغورك', 'PER', 0.8)]],
      ['e', [mention(E, 'بريت ماكغورك', 'PER', 0.8)]],
    ]), lex, known);
    assert.deepStrictEqual(shown(out.get('c')), ['LOC:الشرق الأوسط', 'PER:بريت ماكغورك']);
  });

  it('types a name training never saw by what all its mentions say together', () => {
    const F = 'ونقل موقع "أكسيوس" عن مسؤولين أن المحادثات جرت.';
    const G = 'حسبما أفاد موقع "أكسيوس".';
    const H = 'وأشار "أكسيوس" إلى أن المحادثات مستمرة.';
    const f = mention(F, 'أكسيوس', 'ORG', 0.4), g = mention(G, 'أكسيوس', 'MISC', 0.35), h = mention(H, 'أكسيوس', 'ORG', 0.38);
    // Each mention's probabilities of PER, ORG, LOC, MISC, as the tagger gives them.
    const ev = new Map([[f, [0.1, 0.4, 0.05, 0.3]], [g, [0.1, 0.3, 0.05, 0.35]], [h, [0.1, 0.38, 0.05, 0.3]]]);
    const out = harmonize([doc('f', F), doc('g', G), doc('h', H)], new Map([['f', [f]], ['g', [g]], ['h', [h]]]), lex, known, (m) => ev.get(m));
    assert.deepStrictEqual(['f', 'g', 'h'].flatMap((k) => shown(out.get(k))), ['ORG:أكسيوس', 'ORG:أكسيوس', 'ORG:أكسيوس']);
    // Without the tagger's probabilities, the split vote leaves each mention as it was.
    const plain = harmonize([doc('f', F), doc('g', G), doc('h', H)], new Map([['f', [f]], ['g', [g]], ['h', [h]]]), lex, known);
    assert.deepStrictEqual(shown(plain.get('g')), ['MISC:أكسيوس']);
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
