// The pieces of NER training that do not need the corpora: WikiFANE's clitic re-joining and span
// alignment, the word-class learner, trigger learning, and what the shipped model file carries.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { alignSpans, articleBlocks, rejoinClitics, type WordStats } from '../../../scripts/train/ner-data';
import { exchangeClusters } from '../../../scripts/train/ner-clusters';
import { decode, trainPerceptron, type Example } from '../../../scripts/train/ner-perceptron';
import { spellingTables } from '../../../scripts/train/ner-spelling';
import { halfOf, nameLikeness } from '../../../server/src/engine/ner/spelling';
import { seatNames, senseKey, wordSenses } from '../../../scripts/train/ner-senses';
import { Lexicon, sentenceFeatures, type NerWord } from '../../../server/src/engine/ner/features';
import { loadModel } from '../../../server/src/engine/ner/tagger';
import { tokenize } from '../../../server/src/engine/text/tokens';

const words = (text: string): NerWord[] => tokenize(text).map((t) => ({ norm: t.norm, kind: t.kind }));

describe('ner training: WikiFANE clitics', () => {
  it('re-joins proclitics to their word and keeps the name tag on the whole word', () => {
    const got = rejoinClitics([['و', 'O'], ['ب', 'O'], ['\u200Eالجزائر', 'B-Nation'], ['ل', 'O'], ['الدولة', 'O'], ['.', 'O']]);
    assert.deepStrictEqual(got, [['وبالجزائر', 'B-Nation'], ['للدولة', 'O'], ['.', 'O']]);
  });

  it('re-joins pronoun suffixes, writing ta marbuta as ta', () => {
    assert.deepStrictEqual(rejoinClitics([['عاصمة', 'O'], ['ها', 'O'], ['نتائج', 'O'], ['ه', 'O']]), [['عاصمتها', 'O'], ['نتائجه', 'O']]);
  });

  it('leaves a suffix-like token after punctuation or a number alone', () => {
    assert.deepStrictEqual(rejoinClitics([['25', 'O'], ['كم', 'O'], ['،', 'O'], ['ها', 'O']]), [['25', 'O'], ['كم', 'O'], ['،', 'O'], ['ها', 'O']]);
  });
});

describe('ner training: WikiFANE spans in ANERcorp conventions', () => {
  // ANERcorp-like statistics: [occurrences, inside a name, alone as PER, ORG, LOC, MISC].
  const stats = new Map<string, WordStats>([
    ['الملك', [68, 2, 0, 0, 0, 0]],
    ['الحكومه', [101, 0, 0, 0, 0, 0]],
    ['المصريه', [20, 0, 0, 0, 0, 0]],
    ['المملكه', [14, 5, 0, 0, 0, 0]],
    ['المتحده', [181, 181, 0, 0, 0, 0]],
    ['دولار', [107, 107, 0, 0, 0, 107]],
  ]);
  const map = (f: string) => ({ Politician: 'PER', Government: 'ORG', Nation: 'LOC' } as Record<string, string>)[f];
  const align = (toks: [string, string][]) => alignSpans(toks, stats, map).map(([w, t]) => `${w}/${t}`).join(' ');

  it('leaves a title outside a person name', () => {
    assert.strictEqual(align([['الملك', 'B-Politician'], ['عبد', 'I-Politician'], ['الله', 'I-Politician']]), 'الملك/O عبد/B-PER الله/I-PER');
  });

  it('drops a description made of common words only', () => {
    assert.strictEqual(align([['الحكومة', 'B-Government'], ['المصرية', 'I-Government']]), 'الحكومة/O المصرية/O');
  });

  it('keeps a head whose next word only continues names', () => {
    assert.strictEqual(align([['المملكة', 'B-Nation'], ['المتحدة', 'I-Nation']]), 'المملكة/B-LOC المتحدة/I-LOC');
  });

  it('gives a word ANERcorp always tags alone as MISC its ANERcorp tag', () => {
    assert.strictEqual(align([['مليون', 'O'], ['دولار', 'O']]), 'مليون/O دولار/B-MISC');
  });

  it('cuts article blocks only where an article opens', () => {
    const opening: [string, string][] = [['بغداد', 'B-Population-Center'], ['هي', 'O'], ['عاصمة', 'O']];
    const other: [string, string][] = [['وفي', 'O'], ['عام', 'O']];
    const sents = Array.from({ length: 200 }, (_, i) => (i === 0 || i === 150 ? opening : other));
    const blocks = articleBlocks(sents);
    assert.strictEqual(blocks[149], 0);
    assert.strictEqual(blocks[150], 1);
    assert.strictEqual(blocks[199], 1);
  });
});

describe('ner training: word classes', () => {
  it('puts words that share their contexts in one class, deterministically', () => {
    const sents: string[][] = [];
    for (const city of ['بغداد', 'دمشق', 'عمان', 'القاهره']) for (const verb of ['وصل', 'سافر', 'عاد']) sents.push([verb, 'الي', city, '.']);
    for (const name of ['محمد', 'احمد', 'علي']) for (const verb of ['قال', 'اكد', 'اعلن']) sents.push([verb, name, 'ان', 'الوضع']);
    const a = exchangeClusters(sents, 6, { minCount: 1 });
    const b = exchangeClusters(sents, 6, { minCount: 1 });
    assert.deepStrictEqual([...a], [...b]);
    const cities = new Set(['بغداد', 'دمشق', 'عمان', 'القاهره'].map((w) => a.get(w)));
    const names = new Set(['محمد', 'احمد', 'علي'].map((w) => a.get(w)));
    assert.strictEqual(cities.size, 1, 'cities in one class');
    assert.strictEqual(names.size, 1, 'first names in one class');
    assert.notDeepStrictEqual([...cities], [...names]);
  });
});

describe('ner features: short quotations', () => {
  const quoteFeats = (text: string) => {
    const toks = tokenize(text);
    return sentenceFeatures(toks.map((t) => ({ norm: t.norm, kind: t.kind })), toks.map((t) => t.text), null).map((f, i) => `${toks[i].text}:${f.filter((x) => x.startsWith('q=')).join(',')}`);
  };

  it('marks the first, inner and last word of a quoted title, and a quoted word alone', () => {
    assert.deepStrictEqual(quoteFeats('رواية " أولاد حارتنا " عام'), ['رواية:', '":', 'أولاد:q=f', 'حارتنا:q=l', '":', 'عام:']);
    assert.deepStrictEqual(quoteFeats('فيلم « كليك » و « ذهب مع الريح »').filter((x) => x.includes('q=')), ['كليك:q=s', 'ذهب:q=f', 'مع:q=i', 'الريح:q=l']);
  });

  it('leaves long quotations (speech, not titles) and unclosed quotes unmarked', () => {
    assert.deepStrictEqual(quoteFeats('وقال " إن الوضع في المدينة صعب جدا اليوم " أمس').filter((x) => x.includes('q=')), []);
    assert.deepStrictEqual(quoteFeats('وقال " إن الوضع صعب').filter((x) => x.includes('q=')), []);
  });
});

describe('ner training: perceptron', () => {
  // Feature 0 marks a person, 1 an ordinary word, 2 a place (label indices: O 0, B-PER 1, B-LOC 5).
  const ex = (feats: number[], gold: number[]): Example => ({ feats: feats.map((f) => Int32Array.of(f)), gold });
  const data = [ex([0, 1], [1, 0]), ex([1, 2], [0, 5]), ex([2, 0, 1], [5, 1, 0]), ex([1, 1, 0], [0, 0, 1]), ex([0, 2], [1, 5])];

  it('gives the same weights for the same seed and other weights for another sentence order (NER_SEED)', () => {
    const a = trainPerceptron(data, 3, 10), b = trainPerceptron(data, 3, 10);
    assert.deepStrictEqual([...a.W], [...b.W], 'same seed, same weights');
    const c = trainPerceptron(data, 3, 10, undefined, undefined, 7);
    assert.notDeepStrictEqual([...a.W], [...c.W], 'another seed, another order: other averaged weights');
    assert.deepStrictEqual(data.map((e) => decode(e, a)), data.map((e) => e.gold), 'it learns the training sentences');
  });
});

describe('ner training: triggers and resources', () => {
  it('learns organisation heads and titles from labelled sentences', () => {
    const s = (text: string, labels: string[]) => ({ words: words(text), labels });
    const sents = [1, 2, 3].flatMap(() => [
      s('قال حزب الامة', ['O', 'B-ORG', 'I-ORG']),
      s('قال الرئيس بايدن', ['O', 'O', 'B-PER']),
    ]);
    const t = Lexicon.triggers(sents);
    assert.strictEqual(t.get('حزب'), 'hORG');
    assert.strictEqual(t.get('رييس'), 'pPER');
    assert.ok(!t.has('امه'), 'a word inside names but never first is no trigger');
  });

  it('turn into features only when the model has them (classes by clitic-free core)', () => {
    const w = words('قال الرئيس بايدن');
    const lex = new Lexicon([], []);
    const plain = sentenceFeatures(w, w.map(() => ''), lex).flat();
    lex.res = { clusters: new Map([['ايدن', [3, 17]]]), personNames: new Map([['بايدن', 2]]), triggers: new Map([['رييس', 'pPER']]) };
    const rich = sentenceFeatures(w, w.map(() => ''), lex);
    assert.ok(!plain.some((f) => f.startsWith('k1=')));
    assert.ok(rich[2].includes('k1=3') && rich[2].includes('k2=17') && rich[2].includes('pg=2'));
    assert.ok(rich[2].includes('tr-1=pPER'));
  });

  it('give an unseen organisation head its WordNet sense, and the name after it the head\'s sense', () => {
    const w = words('وقال فيلق القدس');
    const lex = new Lexicon([], []);
    assert.ok(!sentenceFeatures(w, w.map(() => ''), lex).flat().some((f) => f.startsWith('ss')));
    lex.res = { clusters: new Map(), personNames: new Map(), triggers: new Map(), senses: new Map([['فيلق', 'go'], ['قال', 'c']]) };
    const f = sentenceFeatures(w, w.map(() => ''), lex);
    assert.ok(f[1].includes('ss=go'), 'the head itself');
    assert.ok(f[2].includes('ss-1=go') && f[2].includes('ss=-'), 'the word after the head');
    assert.ok(f[0].includes('ss=c'), 'a clitic-bearing word is looked up by its core (وقال → قال)');
  });
});

describe('ner training: spelling tables (NER_SPELLING=1)', () => {
  it('score a word by the half of the words it is not in, names above common words', () => {
    const names = ['ماكغورك', 'سوليفان', 'باتيل', 'كيبلاغات', 'روديكتور', 'فيدانت', 'ايغلاند', 'نتنياهو', 'كوفي', 'خاجيبور', 'ليفربول', 'فيليب'];
    const words = ['الحكومه', 'المحادثات', 'يتوقع', 'الاقتصاديه', 'مدرب', 'المستشفي', 'الدوليه', 'قال', 'التعليق', 'المتحده', 'السياسيه', 'الانتخابات'];
    const tables = spellingTables([...names, ...names.map((n) => n + 'ي')], [...words, ...words.map((w) => 'و' + w)]);
    assert.ok(halfOf('ماكغورك') === halfOf('ماكغورك') && [0, 1].includes(halfOf('باتيل')));
    assert.ok(nameLikeness('كيبكورير', tables) > nameLikeness('الاجتماعيه', tables));
  });
});

describe('ner training: WordNet senses', () => {
  // A fixture in WordNet's own formats (six synsets, a few Arabic lemmas).
  const dir = path.resolve(__dirname, '..', '..', 'fixtures', 'wordnet');
  const senses = wordSenses(dir, dir);

  it('gives a noun under "organization" the organisation and group senses, a kind of person the person sense', () => {
    assert.equal(senses.get('فيلق'), 'go');
    assert.equal(senses.get(senseKey('رئيس')), 'p');
  });

  it('keys lemmas without diacritics and article, and leaves out multi-word lemmas and nouns without a sense', () => {
    assert.equal(senses.get('منظمه'), 'go', 'المنظمة → منظمه');
    assert.ok(!senses.has('كيان') && ![...senses.keys()].some((k) => k.includes(' ')));
  });

  it('names an institution after its seat when its English name is both a building and an organisation', () => {
    // White_House: a government building (instance) and the executive department; a government
    // building in general, or the corps (an organisation only), is not such a name.
    assert.deepStrictEqual(seatNames(dir, dir), ['البيت الابيض']);
  });
});

describe('ner model file', () => {
  const file = path.resolve(__dirname, '..', '..', '..', 'server', 'models', 'ner.json');
  const model = JSON.parse(fs.readFileSync(file, 'utf8'));

  it('carries the licence notice of the corpora it was trained from', () => {
    assert.match(model.attribution, /ANERcorp/);
    assert.match(model.attribution, /WikiFANE/);
    assert.match(model.attribution, /CC BY-SA 4\.0/);
    assert.match(model.attribution, /Arabic WordNet .*CC BY-SA 3\.0.*Princeton WordNet/);
  });

  it('stays under 10 MB and loads its word classes, person names, triggers and noun senses', () => {
    assert.ok(fs.statSync(file).size <= 10 * 1024 * 1024, `${fs.statSync(file).size} bytes`);
    const res = loadModel().lexicon.res;
    assert.ok(res && res.clusters.size > 5000 && res.personNames.size > 10000 && res.triggers.size > 20 && (res.senses?.size ?? 0) > 1000);
  });
});
