// Span edges after decoding (server/src/engine/ner/clitics.ts, nisba.ts): where a name the tagger
// found ends, on short sentences of the kind found in news (the seed articles' wording).
import * as assert from 'assert';
import type { EntityMention, EntityType } from '../../../server/src/engine/model';
import { endBeforePrepositions } from '../../../server/src/engine/ner/clitics';
import { ownerAdjectives } from '../../../server/src/engine/ner/nisba';
import { loadModel } from '../../../server/src/engine/ner/tagger';
import { tokenize } from '../../../server/src/engine/text/tokens';

/** One sentence's tokens, and a mention of `type` over the words `from`..`to` (inclusive) of it. */
function sentence(text: string) {
  const tokens = tokenize(text);
  const words = tokens.filter((t) => t.kind === 'word');
  const mention = (type: EntityType, from: number, to: number): EntityMention => {
    const start = words[from].start, end = words[to].end;
    return { start, end, type, text: text.slice(start, end), confidence: 0.9 };
  };
  return { text, sentences: [{ tokens }], mention };
}
const shown = (ms: EntityMention[]) => ms.map((m) => `${m.type}:${m.text}`);

describe('ner: a name ends before a word with the preposition ب and the article', () => {
  it('an organisation does not run on into «بالبيت الأبيض»', () => {
    const s = sentence('وقال متحدث باسم مجلس الأمن القومي بالبيت الأبيض إن');
    const out = endBeforePrepositions(s.sentences, s.text, [s.mention('ORG', 3, 7)]);
    assert.deepStrictEqual(shown(out), ['ORG:مجلس الأمن القومي']);
  });

  it('a person’s name that holds such a word stays whole (المعتز بالله)', () => {
    const s = sentence('وقال المعتز بالله إن');
    const out = endBeforePrepositions(s.sentences, s.text, [s.mention('PER', 1, 2)]);
    assert.deepStrictEqual(shown(out), ['PER:المعتز بالله']);
  });

  it('a name whose inner word carries only the preposition ل stays whole', () => {
    const s = sentence('وقالت الوكالة الدولية للطاقة الذرية إن');
    const out = endBeforePrepositions(s.sentences, s.text, [s.mention('ORG', 1, 4)]);
    assert.deepStrictEqual(shown(out), ['ORG:الوكالة الدولية للطاقة الذرية']);
  });
});

describe('ner: nationality adjectives after an organisation', () => {
  const lex = loadModel().lexicon;

  it('belong to a name made of common words (whose institution it is)', () => {
    const s = sentence('لكن متحدثا باسم مجلس الأمن القومي الأميركي نفى ذلك');
    const out = ownerAdjectives(s.sentences, s.text, [s.mention('ORG', 3, 5)], lex);
    assert.deepStrictEqual(shown(out), ['ORG:مجلس الأمن القومي الأميركي']);
  });

  it('stay outside a name that holds a proper name', () => {
    const s = sentence('وقعت مذكرة تفاهم مع جامعة ريكو اليابانية أمس');
    assert.deepStrictEqual(shown(ownerAdjectives(s.sentences, s.text, [s.mention('ORG', 4, 5)], lex)), ['ORG:جامعة ريكو']);
    assert.deepStrictEqual(shown(ownerAdjectives(s.sentences, s.text, [s.mention('ORG', 4, 6)], lex)), ['ORG:جامعة ريكو']);
  });

  it('leave other types and other adjectives alone', () => {
    const s = sentence('زار الرئيس مصر الفرعونية والاتحاد الأوروبي');
    const ms = [s.mention('LOC', 2, 2), s.mention('ORG', 4, 5)];
    assert.deepStrictEqual(shown(ownerAdjectives(s.sentences, s.text, ms, lex)), ['LOC:مصر', 'ORG:والاتحاد الأوروبي']);
  });
});
