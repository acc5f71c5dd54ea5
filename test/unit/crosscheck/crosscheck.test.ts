import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import { CrossChecker, chooseLinks, DEFAULT_LIMITS } from '../../../server/src/engine/crosscheck';
import type { SentenceLink } from '../../../server/src/engine/model';
import { article, exactCount } from './fixtures';

function linksBetween(a: ReturnType<typeof article>, b: ReturnType<typeof article>): SentenceLink[] {
  const cc = new CrossChecker();
  cc.update(a);
  cc.update(b);
  return cc.linksFrom(a.path);
}

const IRAN = { text: 'إيران', type: 'LOC' as const, entity: 'LOC:iran' };

describe('cross-checking: corroboration', () => {
  it('links the same fact worded differently, with the shared words as reasons', () => {
    const a = article('a.txt', 'وألمح العديد من المسؤولين الإيرانيين خلال الأسابيع الأخيرة إلى احتمال تحرك طهران نحو إنتاج أسلحة نووية.');
    const b = article('b.txt', 'وألمح العديد من المسؤولين الإيرانيين في الأسابيع الأخيرة إلى إمكانية تحرك إيران نحو إنتاج الأسلحة النووية.');
    const links = linksBetween(a, b);
    assert.equal(links.length, 1);
    assert.equal(links[0].relation, 'corroborates');
    assert.ok(links[0].score > 0.5 && links[0].score <= 1);
    assert.ok(links[0].reasons.some((r) => r.code === 'words'));
  });

  it('treats different spellings of one person (same canonical id) as the same name', () => {
    const a = article('a.txt', 'وذكرت المصادر أن بريت ماكجورك وصل إلى العاصمة العمانية مسقط لإجراء محادثات غير مباشرة.', {
      entities: [{ text: 'بريت ماكجورك', type: 'PER', entity: 'PER:mcgurk' }, { text: 'مسقط', type: 'LOC', entity: 'LOC:muscat' }],
    });
    const b = article('b.txt', 'وقالت المصادر إن بريت ماكغورك وصل إلى مسقط لإجراء محادثات غير مباشرة مع الإيرانيين.', {
      entities: [{ text: 'بريت ماكغورك', type: 'PER', entity: 'PER:mcgurk' }, { text: 'مسقط', type: 'LOC', entity: 'LOC:muscat' }],
    });
    const [link] = linksBetween(a, b);
    assert.equal(link?.relation, 'corroborates');
    const names = link.reasons.find((r) => r.code === 'names')!;
    assert.match(names.a!, /ماكجورك/);
    assert.match(names.b!, /ماكغورك/);
  });

  it('who is behind a deed, worded with different predicates, is one claim («يقف وراء» / «نفذه» / «تبناه»)', () => {
    const ISIS = { text: 'داعش', type: 'ORG' as const, entity: 'ORG:isis' };
    const KABUL = { text: 'كابول', type: 'LOC' as const, entity: 'LOC:kabul' };
    const facts = { entities: [ISIS, KABUL] };
    const behind = article('a.txt', 'وقالت الشرطة إن تنظيم داعش يقف وراء التفجير الانتحاري في سوق كابول المركزي.', facts);
    const did = article('b.txt', 'وأكد مسؤول أمني أن التفجير الانتحاري في سوق كابول المركزي نفذه تنظيم داعش.', facts);
    const claimed = article('c.txt', 'تبنى تنظيم داعش التفجير الانتحاري في سوق كابول المركزي.', facts);
    assert.equal(linksBetween(behind, did)[0]?.relation, 'corroborates');
    assert.equal(linksBetween(behind, claimed)[0]?.relation, 'corroborates');
    // The predicates are matched to each other, as the reason shows.
    const words = linksBetween(behind, claimed)[0].reasons.find((r) => r.code === 'words')!;
    assert.ok(words.a!.includes('يقف وراء') && words.b!.includes('تبنى'), `the predicates are paired: ${JSON.stringify(words)}`);
  });

  it('an appointment told by the verb and by its verbal noun is one claim («يعين» / «بتعيين»)', () => {
    const facts = { entities: [{ text: 'سالم الحربي', type: 'PER' as const, entity: 'PER:harbi' }, { text: 'تبوك', type: 'LOC' as const, entity: 'LOC:tabuk' }, { text: 'هادي', type: 'PER' as const, entity: 'PER:hadi' }] };
    const a = article('a.txt', 'هادي يعين سالم الحربي محافظا لتبوك', facts);
    const b = article('b.txt', 'وأصدر الرئيس هادي قرارا جمهوريا بتعيين سالم الحربي محافظا لتبوك بعد طرد المتمردين منها.', facts);
    assert.equal(linksBetween(a, b)[0]?.relation, 'corroborates');
  });

  it('the speaker of one report may be the actor of the other (X blamed the rebels / X said the party did it)', () => {
    const DAVUTOGLU = { text: 'داود أوغلو', type: 'PER' as const, entity: 'PER:davutoglu' };
    const a = article('a.txt', 'وحمل داود أوغلو مساء الاثنين المتمردين مسؤولية الهجوم على مركز الشرطة في ماردين.', { entities: [DAVUTOGLU] });
    const b = article('b.txt', 'وقال داود أوغلو إن الهجوم على مركز الشرطة في ماردين نفذه حزب العمال.', { entities: [DAVUTOGLU, { text: 'حزب العمال', type: 'ORG', entity: 'ORG:pkk' }] });
    assert.equal(linksBetween(a, b)[0]?.relation, 'corroborates');
  });

  it('a quotation printed word for word by two outlets is one statement, however much else they add', () => {
    const ERDOGAN = { text: 'أردوغان', type: 'PER' as const, entity: 'PER:erdogan' };
    const a = article('a.txt', 'وقال الرئيس التركي أردوغان خلال مؤتمر صحافي عقده في مطار أنقرة قبيل مغادرته إلى الصين في زيارة رسمية: «نحن في حداد بسبب عمل إرهابي».', { entities: [ERDOGAN] });
    const b = article('b.txt', 'وقال أردوغان في المطار "نحن في حداد بسبب عمل إرهابي أوقع 30 قتيلا والعديد من الجرحى وشرد عشرات العائلات من منازلها".', { entities: [ERDOGAN], quantities: [exactCount('30 قتيلا', 30, 'قتيل')] });
    assert.equal(linksBetween(a, b)[0]?.relation, 'corroborates');
    // The same words outside quotation marks are no quotation (official titles and names of bodies
    // run long on both sides of unrelated reports).
    const unquoted = (x: string) => article('c.txt', x.replace(/[«»"]/g, ''), { entities: [ERDOGAN] });
    assert.deepEqual(linksBetween(unquoted(a.text), article('d.txt', b.text.replace(/"/g, ''), { entities: [ERDOGAN], quantities: [exactCount('30 قتيلا', 30, 'قتيل')] })).map((l) => l.relation), [], 'unquoted runs are not read as a quotation');
  });

  it('matches spelling variants of a word (أميركي / أمريكي)', () => {
    const a = article('a.txt', 'ورفض البيت الأبيض ووزارة الخارجية الأميركية التعليق على المحادثات.');
    const b = article('b.txt', 'ورفض البيت الأبيض ووزارة الخارجية الأمريكية التعليق على المحادثات.');
    const [link] = linksBetween(a, b);
    assert.equal(link?.relation, 'corroborates');
    // As confident as the same sentence written with one spelling.
    const [same] = linksBetween(a, article('c.txt', a.text));
    assert.ok(Math.abs(link.score - same.score) < 0.05, `${link.score} vs ${same.score}`);
  });

  it('compatible numbers corroborate: "more than 300" and 350', () => {
    const a = article('a.txt', 'وأطلقت إيران خلال هذا الهجوم أكثر من 300 صاروخ باتجاه إسرائيل.', {
      entities: [IRAN, { text: 'إسرائيل', type: 'LOC', entity: 'LOC:israel' }],
      quantities: [{ text: 'أكثر من 300 صاروخ', low: 300, high: Infinity, unitStem: 'صاروخ', qualifier: 'أكثر من', value: 300, shape: 'more' }],
    });
    const b = article('b.txt', 'وأطلقت إيران 350 صاروخًا باليستيًا باتجاه إسرائيل.', {
      entities: [IRAN, { text: 'إسرائيل', type: 'LOC', entity: 'LOC:israel' }],
      quantities: [exactCount('350 صاروخًا', 350, 'صاروخ')],
    });
    const [link] = linksBetween(a, b);
    assert.equal(link?.relation, 'corroborates');
    assert.deepEqual(link.reasons.find((r) => r.code === 'quantity'), { code: 'quantity', a: 'أكثر من 300 صاروخ', b: '350 صاروخًا', verdict: 'compatible' });
  });
});

describe('cross-checking: clauses', () => {
  it('two long sentences that share one clause corroborate', () => {
    const a = article('a.txt', 'وأطلقت إيران خلال هذا الهجوم أكثر من 300 مسيرة وصاروخ باتجاه إسرائيل، في أول هجوم مباشر من هذا النوع تشنه طهران ضد تل أبيب، بعد حوالي أسبوعين على قصف إسرائيلي للقنصلية الإيرانية في العاصمة السورية دمشق.');
    const b = article('b.txt', 'وجاء الرد الإيراني بعد قصف إسرائيلي للقنصلية الإيرانية في العاصمة السورية دمشق، وأسفر القصف عن مقتل عدد من قادة الحرس الثوري بينهم الجنرال محمد رضا زاهدي، وفق ما أعلنته وسائل الإعلام الرسمية مساء الاثنين.');
    const [link] = linksBetween(a, b);
    assert.equal(link?.relation, 'corroborates');
  });
});

describe('cross-checking: contradiction', () => {
  it('different figures for one toll of one event contradict (the place names the event)', () => {
    const AHVAZ = { text: 'الأهواز', type: 'LOC' as const, entity: 'LOC:ahvaz' };
    const a = article('a.txt', 'مقتل 29 شخصا في هجوم على استعراض عسكري في الأهواز.', {
      entities: [AHVAZ], quantities: [exactCount('29 شخصا', 29, 'شخص')],
    });
    const b = article('b.txt', 'مقتل 53 شخصا في هجوم على استعراض عسكري في الأهواز.', {
      entities: [AHVAZ], quantities: [exactCount('53 شخصا', 53, 'شخص')],
    });
    const [link] = linksBetween(a, b);
    assert.equal(link?.relation, 'contradicts');
    assert.deepEqual(link.reasons[0], { code: 'figures', a: 'مقتل 29 شخصا', b: 'مقتل 53 شخصا', verdict: 'different' });
  });

  it('a toll of two attacks together is a total, not one attack\'s toll («في تفجيرين»)', () => {
    const GOMBE = { text: 'غومبيه', type: 'LOC' as const, entity: 'LOC:gombe' };
    const one = (n: number, what: string) => article(`${what}-${n}.txt`, `مقتل ${n} شخصا في ${what} استهدف محطة حافلات في غومبيه.`, {
      entities: [GOMBE], quantities: [exactCount(`${n} شخصا`, n, 'شخص')],
    });
    // The control: one bombing's toll against another figure for it is a discrepancy.
    assert.equal(linksBetween(one(29, 'تفجير'), one(37, 'تفجير'))[0]?.relation, 'contradicts');
    // (assert.ok is given its message: without one, Node reads the failing line back from the source,
    // which hangs on this line's Arabic under tsx instead of failing.)
    const links = linksBetween(one(29, 'تفجير'), one(37, 'تفجيرين'));
    assert.deepEqual(links.map((l) => l.relation), [], 'a total of two bombings is neither confirmed nor contradicted by one bombing\'s toll');
    // A period is not several events: a total over two days is compared as it stands.
    assert.equal(linksBetween(one(29, 'يومين'), one(37, 'يومين'))[0]?.relation, 'contradicts');
  });

  it('a toll of two car bombs is a total too: the dual may stand on the event noun\'s complement («في تفجير سيارتين»)', () => {
    const GOMBE = { text: 'غومبيه', type: 'LOC' as const, entity: 'LOC:gombe' };
    const one = (n: number, what: string) => article(`${what}-${n}.txt`, `مقتل ${n} شخصا في ${what} في غومبيه.`, {
      entities: [GOMBE], quantities: [exactCount(`${n} شخصا`, n, 'شخص')],
    });
    // The control: one car bomb's toll against another figure for it is a discrepancy.
    assert.equal(linksBetween(one(19, 'تفجير سيارة مفخخة'), one(23, 'تفجير سيارة مفخخة'))[0]?.relation, 'contradicts');
    const links = linksBetween(one(19, 'تفجير سيارة مفخخة'), one(23, 'تفجير سيارتين مفخختين'));
    assert.deepEqual(links.map((l) => l.relation), [], `a total of two car bombs is neither confirmed nor contradicted by one car bomb's toll: ${JSON.stringify(links.map((l) => l.reasons))}`);
  });

  it('still heading for a place contradicts having taken it («زحفها نحو القصر الرئاسي» / «استعادت القصر الرئاسي»)', () => {
    const MOSUL = { text: 'الموصل', type: 'LOC' as const, entity: 'LOC:mosul' };
    const heading = article('a.txt', 'وواصلت القوات الحكومية زحفها نحو القصر الرئاسي في الموصل لتحريره من المسلحين.', { entities: [MOSUL] });
    const taken = article('b.txt', 'استعادت القوات الحكومية القصر الرئاسي في الموصل من المسلحين.', { entities: [MOSUL] });
    const [link] = linksBetween(heading, taken);
    assert.equal(link?.relation, 'contradicts', 'heading for the palace against having retaken it');
    assert.deepEqual(link.reasons[0], { code: 'status', a: 'القصر الرئاسي', b: 'القصر الرئاسي' });
    // Named where fighting goes on, the palace is not said to be taken.
    const named = article('c.txt', 'وتدور معارك لتطهير المدينة القديمة في الموصل التي تضم القصر الرئاسي من المسلحين.', { entities: [MOSUL] });
    assert.deepEqual(linksBetween(heading, named).filter((l) => l.relation === 'contradicts'), [], 'the palace named, not taken');
    // "نحو" before a number is "about", not a direction.
    const about = article('d.txt', 'وتعود المخطوطة إلى نحو عام 600 ميلادي بحسب الجامعة.');
    const dated = article('e.txt', 'وقالت الجامعة إن المخطوطة كتبت عام 600 ميلادي.');
    assert.deepEqual(linksBetween(about, dated).filter((l) => l.relation === 'contradicts'), [], '«نحو عام 600» is about the year 600');
  });

  it('tolls of two bombings claimed by one group in two towns are two events, not a contradiction', () => {
    const ISIS = { text: 'داعش', type: 'ORG' as const, entity: 'ORG:isis' };
    const town = (name: string, id: string, n: number) => article(`${id}-${n}.txt`, `وفي ${name}، أسفر تفجير انتحاري تبناه تنظيم داعش عن مقتل ${n} شخصا.`, {
      entities: [{ text: name, type: 'LOC', entity: `LOC:${id}` }, ISIS], quantities: [exactCount(`${n} شخصا`, n, 'شخص')],
    });
    // The control: two figures for the bombing of one town are a discrepancy.
    assert.equal(linksBetween(town('سروج', 'suruc', 32), town('سروج', 'suruc', 19))[0]?.relation, 'contradicts');
    const links = linksBetween(town('سروج', 'suruc', 32), town('بغداد', 'baghdad', 19));
    assert.ok(!links.some((l) => l.relation === 'contradicts'), `two towns, two events: ${JSON.stringify(links.map((l) => l.reasons))}`);
  });

  it('a toll in a past year in another town is another event, not a contradiction', () => {
    const a = article('a.txt', 'وهذا أسوأ هجوم في تركيا منذ أن قتل 50 شخصا على الأقل في بلدة ريحانلي قرب الحدود في عام 2013.', {
      entities: [{ text: 'تركيا', type: 'LOC', entity: 'LOC:turkey' }, { text: 'ريحانلي', type: 'LOC', entity: 'LOC:reyhanli' }],
      quantities: [{ text: '50 شخصا', low: 50, high: Infinity, unitStem: 'شخص', value: 50, shape: 'atLeast' }],
    });
    const b = article('b.txt', 'ندد الرئيس التركي بالهجوم الانتحاري الذي أوقع 30 قتيلا على الأقل في مدينة سوروتش التركية قرب الحدود.', {
      entities: [{ text: 'سوروتش', type: 'LOC', entity: 'LOC:suruc' }],
      quantities: [{ text: '30 قتيلا', low: 30, high: Infinity, unitStem: 'قتيل', value: 30, shape: 'atLeast' }],
    });
    assert.ok(!linksBetween(a, b).some((l) => l.relation === 'contradicts'));
  });

  it('the same toll with another spelling of the town corroborates (سروج / سوروتش)', () => {
    const a = article('a.txt', 'أوقع التفجير الانتحاري في بلدة سروج 30 قتيلا على الأقل.', {
      entities: [{ text: 'سروج', type: 'LOC', entity: 'LOC:سروج' }],
      quantities: [{ text: '30 قتيلا', low: 30, high: Infinity, unitStem: 'قتيل', value: 30, shape: 'atLeast' }],
    });
    const b = article('b.txt', 'قتل 30 شخصا في هجوم انتحاري استهدف مدينة سوروتش.', {
      entities: [{ text: 'سوروتش', type: 'LOC', entity: 'LOC:سوروتش' }],
      quantities: [exactCount('30 شخصا', 30, 'شخص')],
    });
    const [link] = linksBetween(a, b);
    assert.equal(link?.relation, 'corroborates');
    assert.ok(link.reasons.some((r) => r.code === 'quantity' && r.verdict === 'compatible'), JSON.stringify(link.reasons));
  });

  it('one toll of one attack corroborates whoever states it (a government\'s condemnation / a prime minister\'s statement)', () => {
    const SURUC = { text: 'سوروتش', type: 'LOC' as const, entity: 'LOC:suruc' };
    const a = article('a.txt', 'أعلن البيت الأبيض إدانته الشديدة للاعتداء الانتحاري الذي أوقع 30 قتيلا على الأقل ونحو مئة جريح في مدينة سوروتش التركية القريبة من الحدود مع سوريا، مؤكدا وقوف واشنطن مع حليفتها.', {
      entities: [{ text: 'البيت الأبيض', type: 'ORG', entity: 'ORG:white-house' }, SURUC], quantities: [exactCount('30 قتيلا', 30, 'قتيل')],
    });
    const b = article('b.txt', 'وقال أحمد داود أوغلو إن العناصر الأولى للتحقيق تفيد بأن تنظيم داعش يقف وراء التفجير الذي أوقع 30 قتيلا في سوروتش، وإن الحكومة ستعزز الإجراءات الأمنية على الحدود.', {
      entities: [{ text: 'أحمد داود أوغلو', type: 'PER', entity: 'PER:davutoglu' }, { text: 'داعش', type: 'ORG', entity: 'ORG:isis' }, SURUC], quantities: [exactCount('30 قتيلا', 30, 'قتيل')],
    });
    const [link] = linksBetween(a, b);
    assert.equal(link?.relation, 'corroborates', JSON.stringify(linksBetween(a, b)));
  });

  it('a toll stated without a name is placed by its article\'s headline (two reports of one shelling)', () => {
    const DAR_SAAD = { text: 'دار سعد', type: 'LOC' as const, entity: 'LOC:dar-saad' };
    const toll = (n: number) => exactCount(`${n} قتيلا`, n, 'قتيل');
    const a = article('a.txt', 'قصف عنيف بصواريخ الكاتيوشا على دار سعد\n\nوأفادت حصيلة رسمية بأن القصف أسفر عن 43 قتيلا.', { entities: [DAR_SAAD], quantities: [toll(43)] });
    const b = article('b.txt', 'مجزرة في دار سعد شمال عدن\n\nوأوضح سكان محليون أن حصيلة قتلى القصف بلغت 57 قتيلا.', { entities: [DAR_SAAD], quantities: [toll(57)] });
    const link = linksBetween(a, b).find((l) => l.relation === 'contradicts');
    assert.ok(link, 'the two tolls should contradict');
    assert.deepEqual(link.reasons[0], { code: 'figures', a: '43 قتيلا', b: '57 قتيلا', verdict: 'different' });
    // Headlines naming two different towns: two events, whatever the figures.
    const c = article('c.txt', 'قصف عنيف على حي المعلا\n\nوأوضح سكان محليون أن حصيلة قتلى القصف بلغت 57 قتيلا.', {
      entities: [{ text: 'المعلا', type: 'LOC', entity: 'LOC:mualla' }], quantities: [toll(57)],
    });
    assert.ok(!linksBetween(a, c).some((l) => l.relation === 'contradicts'));
  });

  it('a toll placed by its headline meets another toll placed by the town in the sentence; "since 1974" dates no event', () => {
    const SURUC = { text: 'سوروتش', type: 'LOC' as const, entity: 'LOC:suruc' };
    const a = article('a.txt', 'إردوغان: التفجير في سوروتش عمل إرهابي\n\nوقال اردوغان خلال زيارة إلى قبرص التي تحتلها تركيا منذ 1974: نحن في حداد بسبب عمل إرهابي أوقع 30 قتيلا والعديد من الجرحى.', {
      entities: [SURUC], dates: [{ text: '1974', value: '1974' }],
      quantities: [exactCount('30 قتيلا', 30, 'قتيل')],
    });
    a.referenceDate = { date: '2015-07-21', source: 'dateline' };
    const b = article('b.txt', 'قال رئيس الوزراء إن السلطات تعرفت على مشتبه به في التفجير الانتحاري الذي أسفر عن سقوط 32 قتيلا في بلدة سوروتش.', {
      entities: [SURUC], quantities: [exactCount('32 قتيلا', 32, 'قتيل')],
    });
    const link = linksBetween(a, b).find((l) => l.from.start >= a.text.indexOf('وقال'));
    assert.equal(link?.relation, 'contradicts');
    assert.equal(link.reasons[0].code, 'figures');
  });

  it('a sentence dated a year before its article is background, not placed by the headline', () => {
    const NILE = { text: 'النيل', type: 'LOC' as const, entity: 'LOC:nile' };
    const a = article('a.txt', 'غرق مركب في النيل\n\nوفي 11 أكتوبر 2014 راح ضحية حادث مماثل 26 شخصا.', {
      entities: [NILE], dates: [{ text: '11 أكتوبر 2014', value: '2014-10-11' }],
      quantities: [exactCount('26 شخصا', 26, 'شخص')],
    });
    a.referenceDate = { date: '2015-07-23', source: 'dateline' };
    const b = article('b.txt', 'مصرع 15 في حادث غرق قارب في النيل\n\nوأشار البيان إلى أن ضحايا الحادث بلغوا 15 شخصا.', {
      entities: [NILE], quantities: [exactCount('15 شخصا', 15, 'شخص')],
    });
    assert.ok(!linksBetween(a, b).some((l) => l.relation === 'contradicts'));
  });

  it('preparing to take a district is not a second source for having taken it', () => {
    const TAWAHI = { text: 'التواهي', type: 'LOC' as const, entity: 'LOC:tawahi' };
    const deed = article('a.txt', 'وسيطرت المقاومة الشعبية على حي التواهي في عدن بعد معارك عنيفة مع الحوثيين.', { entities: [TAWAHI] });
    const aim = article('b.txt', 'وتستعد المقاومة الشعبية للسيطرة على حي التواهي في عدن بعد معارك عنيفة مع الحوثيين.', { entities: [TAWAHI] });
    const again = article('c.txt', 'وأحكمت المقاومة الشعبية سيطرتها على حي التواهي في عدن بعد معارك عنيفة مع الحوثيين.', { entities: [TAWAHI] });
    assert.equal(linksBetween(deed, again)[0]?.relation, 'corroborates');
    assert.deepEqual(linksBetween(deed, aim).filter((l) => l.relation === 'corroborates'), []);
  });

  it('two shared words are a topic, not a second source ("smartphones" in two unrelated reports)', () => {
    const a = article('a.txt', 'يوجد في الهند نحو 150 مليون مستخدم للهواتف الذكية.');
    const b = article('b.txt', 'تجذب الهواتف الذكية والأجهزة اللوحية، اهتمام ركاب الحافلات والقطارات هذه الأيام.');
    assert.deepEqual(linksBetween(a, b), []);
  });

  it('the same kind of news from two towns is two events, not a second source', () => {
    const a = article('a.txt', 'من جهة أخرى، ضيقت المقاومة الشعبية الخناق على الميليشيات الحوثية والقوات الموالية لصالح في قاعدة العند العسكرية في محافظة لحج.', {
      entities: [{ text: 'لحج', type: 'LOC', entity: 'LOC:lahij' }, { text: 'العند', type: 'LOC', entity: 'LOC:anad' }],
    });
    const b = article('b.txt', 'من جهة أخرى، أحبطت المقاومة الشعبية أمس هجوما شنه مسلحون حوثيون وقوات موالية للرئيس السابق علي صالح في مدينة مأرب.', {
      entities: [{ text: 'مأرب', type: 'LOC', entity: 'LOC:marib' }],
    });
    assert.deepEqual(linksBetween(a, b), []);
    // The same sentence about the same town is a second source.
    const c = article('c.txt', 'وضيقت المقاومة الشعبية الخناق على الميليشيات الحوثية والقوات الموالية لصالح في قاعدة العند العسكرية بمحافظة لحج جنوب البلاد.', {
      entities: [{ text: 'لحج', type: 'LOC', entity: 'LOC:lahij' }, { text: 'العند', type: 'LOC', entity: 'LOC:anad' }],
    });
    assert.equal(linksBetween(a, c)[0]?.relation, 'corroborates');
  });

  it('two reports whose figures all differ state two facts (two stock markets on the same day)', () => {
    const points = (text: string) => ({ text, low: +text, high: +text, value: +text, shape: 'exact' as const, unit: 'نقطة', unitStem: 'نقطه' });
    const percent = (text: string, v: number) => ({ text, low: v, high: v, value: v, shape: 'exact' as const, percent: true });
    const a = article('a.txt', 'وارتفع مؤشر السوق في جلسة أمس 0.47 في المائة ليغلق عند مستوى 8087.24 نقطة من خلال قيم تداول تخطت حاجز النصف مليار جنيه.', {
      quantities: [percent('0.47 في المائة', 0.47), points('8087.24')],
    });
    const b = article('b.txt', 'ارتفع مؤشر البورصة العمانية في تعاملات جلسة يوم أمس بواقع 18.36 نقطة أو ما نسبته 0.28 في المائة ليقفل عند مستوى 6590.86 نقطة.', {
      quantities: [points('18.36'), percent('0.28 في المائة', 0.28), points('6590.86')],
    });
    assert.deepEqual(linksBetween(a, b), []);
  });

  it('a denial and a negated statement of the same thing agree («لم تتلق طلبا» / «تنفي تلقيها طلبا»)', () => {
    const MORSI = { text: 'مرسي', type: 'PER' as const, entity: 'PER:morsi' };
    const a = article('a.txt', 'وأكد السفير المصري أن بلاده لم تتلق طلبا جزائريا بالوساطة لمنع تنفيذ حكم الإعدام بحق مرسي.', { entities: [MORSI] });
    const b = article('b.txt', 'مصر تنفي تلقيها طلبا جزائريا لمنع إعدام مرسي', { entities: [{ text: 'مصر', type: 'LOC', entity: 'LOC:egypt' }, MORSI] });
    assert.ok(!linksBetween(a, b).some((l) => l.relation === 'contradicts'));
  });

  it('a day given with its alternative agrees with that alternative («22 أو 23 أغسطس» / «22 أغسطس»)', () => {
    const BARCA = { text: 'برشلونة', type: 'ORG' as const, entity: 'ORG:barcelona' };
    const a = article('a.txt', 'وسيلتقي برشلونة بعد ذلك مع أتلتيك بلباو في مباراتي ذهاب وإياب بكأس السوبر الإسبانية قبل أن يبدأ الدوري في 22 أو 23 أغسطس.', {
      entities: [BARCA], dates: [{ text: '23 أغسطس', value: 'XXXX-08-23' }],
    });
    const b = article('b.txt', 'وسيلعب برشلونة بعد ذلك ضد أتلتيك بلباو في مباراتي ذهاب وعودة بكأس السوبر الإسبانية قبل أن يبدأ الدوري في 22 أغسطس.', {
      entities: [BARCA], dates: [{ text: '22 أغسطس', value: 'XXXX-08-22' }],
    });
    assert.ok(!linksBetween(a, b).some((l) => l.relation === 'contradicts'));
  });

  it('percentages that all differ state two facts (two sectors of two stock markets)', () => {
    const pct = (text: string, v: number) => ({ text, low: v, high: v, value: v, shape: 'exact' as const, percent: true });
    const a = article('a.txt', 'وعلى الصعيد القطاعي، تراجع قطاع الخدمات بنسبة 0.49 في المائة تلاه القطاع المالي بنسبة 0.39 في المائة.', {
      quantities: [pct('0.49 في المائة', 0.49), pct('0.39 في المائة', 0.39)],
    });
    const b = article('b.txt', 'أداء القطاعات ارتفعت جميع القطاعات مقابل تراجع قطاعي التطوير العقاري بنسبة 0.18 في المائة و"الاستثمار الصناعي" بنسبة 0.04 في المائة.', {
      quantities: [pct('0.18 في المائة', 0.18), pct('0.04 في المائة', 0.04)],
    });
    assert.deepEqual(linksBetween(a, b).filter((l) => l.relation === 'corroborates'), []);
    const c = article('c.txt', 'وتراجع قطاع الخدمات في تعاملات أمس بنسبة 0.49 في المائة، تلاه القطاع المالي بنسبة 0.39 في المائة.', {
      quantities: [pct('0.49 في المائة', 0.49), pct('0.39 في المائة', 0.39)],
    });
    assert.equal(linksBetween(a, c)[0]?.relation, 'corroborates');
  });

  it('another country in the same slot of the same statement contradicts', () => {
    const a = article('a.txt', 'إضراب عام يشل الموانئ الرئيسية في مصر منذ صباح اليوم.', { entities: [{ text: 'مصر', type: 'LOC', entity: 'LOC:egypt' }] });
    const b = article('b.txt', 'إضراب عام يشل الموانئ الرئيسية في إسرائيل منذ صباح اليوم.', { entities: [{ text: 'إسرائيل', type: 'LOC', entity: 'LOC:israel' }] });
    const [link] = linksBetween(a, b);
    assert.equal(link?.relation, 'contradicts');
    assert.deepEqual(link.reasons[0], { code: 'names', a: 'مصر', b: 'إسرائيل', verdict: 'different' });
  });

  it('a denial contradicts the assertion of the same fact', () => {
    const a = article('a.txt', 'نفت إيران إجراء محادثات غير مباشرة مع الولايات المتحدة في سلطنة عمان.', { entities: [IRAN] });
    const b = article('b.txt', 'أجرت إيران محادثات غير مباشرة مع الولايات المتحدة في سلطنة عمان هذا الأسبوع.', { entities: [IRAN] });
    const [link] = linksBetween(a, b);
    assert.equal(link?.relation, 'contradicts');
    assert.equal(link.reasons[0].code, 'denial');
    assert.match(link.reasons[0].a!, /^نفت/);
    assert.match(link.reasons[0].b!, /محادثات/);
  });

  it('declining to comment contradicts an official statement on the same talks', () => {
    const a = article('a.txt', 'ورفض البيت الأبيض ووزارة الخارجية الأميركية التعليق على المحادثات غير المباشرة في سلطنة عمان.');
    const b = article('b.txt', 'وقال مسؤولان أمريكيان في بيان مشترك إنهما أجريا محادثات غير مباشرة مع مسؤولين إيرانيين في سلطنة عمان.');
    const [link] = linksBetween(a, b);
    assert.equal(link?.relation, 'contradicts');
    assert.equal(link.reasons[0].code, 'declined');
  });

  it('a shared verb negated on one side only contradicts', () => {
    const a = article('a.txt', 'وأضاف أن الولايات المتحدة لا تعتقد أن المرشد الإيراني اتخذ قرارا باستئناف برنامج التسلح النووي.');
    const b = article('b.txt', 'وأضاف أن الولايات المتحدة تعتقد أن المرشد الإيراني اتخذ قرارا باستئناف برنامج التسلح النووي.');
    const [link] = linksBetween(a, b);
    assert.equal(link?.relation, 'contradicts');
    assert.equal(link.reasons[0].code, 'negation');
  });

  it('dates a day apart for the same event contradict', () => {
    const a = article('a.txt', 'وشنت إيران هجوما بالصواريخ والطائرات المسيرة على إسرائيل في 13 أبريل.', {
      entities: [IRAN, { text: 'إسرائيل', type: 'LOC', entity: 'LOC:israel' }], dates: [{ text: '13 أبريل', value: 'XXXX-04-13' }],
    });
    const b = article('b.txt', 'وشنت إيران هجوما بالصواريخ والطائرات المسيرة على إسرائيل في 14 أبريل.', {
      entities: [IRAN, { text: 'إسرائيل', type: 'LOC', entity: 'LOC:israel' }], dates: [{ text: '14 أبريل', value: 'XXXX-04-14' }],
    });
    const [link] = linksBetween(a, b);
    assert.equal(link?.relation, 'contradicts');
    assert.deepEqual(link.reasons[0], { code: 'date', a: '13 أبريل', b: '14 أبريل', verdict: 'different' });
  });

  it('"still" (لا يزال) is not a negation', () => {
    const a = article('a.txt', 'ولا يزال الحوثيون يهاجمون السفن التجارية في البحر الأحمر قرب اليمن.');
    const b = article('b.txt', 'والحوثيون يهاجمون السفن التجارية في البحر الأحمر قرب اليمن.');
    const [link] = linksBetween(a, b);
    assert.equal(link?.relation, 'corroborates');
  });
});

describe('cross-checking: what is not a contradiction', () => {
  it('the same kind of statement with different dates is a different event, not a contradiction', () => {
    const a = article('a.txt', 'أجرى مسؤولون أمريكيون وإيرانيون محادثات غير مباشرة في مسقط يوم 10 يناير بوساطة عمانية.', {
      dates: [{ text: '10 يناير', value: 'XXXX-01-10' }],
    });
    const b = article('b.txt', 'أجرى مسؤولون أمريكيون وإيرانيون محادثات غير مباشرة في مسقط يوم 8 مايو بوساطة عمانية.', {
      dates: [{ text: '8 مايو', value: 'XXXX-05-08' }],
    });
    const [link] = linksBetween(a, b);
    assert.equal(link?.relation, 'different-event');
    assert.deepEqual(link.reasons[0], { code: 'different-event', a: '10 يناير', b: '8 مايو' });
  });

  it('the same date written with two month names corroborates (8 مايو = 8 أيار/ مايو)', () => {
    const a = article('a.txt', 'وأوضح الموقع أن ماكغورك سافر إلى سلطنة عمان سرا في 8 مايو لإجراء محادثات.', { dates: [{ text: '8 مايو', value: 'XXXX-05-08' }] });
    const b = article('b.txt', 'ونقل الموقع أن ماكغورك سافر إلى سلطنة عمان في 8 أيار/ مايو لإجراء محادثات.', { dates: [{ text: '8 أيار/ مايو', value: 'XXXX-05-08' }] });
    const [link] = linksBetween(a, b);
    assert.equal(link?.relation, 'corroborates');
    assert.deepEqual(link.reasons.find((r) => r.code === 'date'), { code: 'date', a: '8 مايو', b: '8 أيار/ مايو', verdict: 'same' });
  });

  it('a report that adds a detail restates the shorter one, it does not contradict it («وإصابة آخر»)', () => {
    const a = article('a.txt', 'مقتل جندي تركي وإصابة آخر باشتباكات مع مسلحين على الحدود السورية', { entities: [{ text: 'السورية', type: 'LOC', entity: 'LOC:syria' }] });
    const b = article('b.txt', 'مقتل جندي تركي في اشتباك عبر الحدود مع مسلحين في سوريا', { entities: [{ text: 'سوريا', type: 'LOC', entity: 'LOC:syria' }] });
    const links = linksBetween(a, b);
    assert.deepEqual(links.map((l) => l.relation), ['corroborates'], `one side's added words are no clash: ${JSON.stringify(links.map((l) => l.reasons))}`);
  });

  it('two letters swapped by a typing slip are the same word («رواءها» / «وراءها»)', () => {
    const text = (w: string) => `واتهمت السلطات التركية التنظيمين بالوقوف ${w} بعد اسبوع من اعمال عنف سقط فيها قتلى.`;
    const links = linksBetween(article('a.txt', text('رواءها')), article('b.txt', text('وراءها')));
    assert.deepEqual(links.map((l) => l.relation), ['corroborates'], `a slip is no clash: ${JSON.stringify(links.map((l) => l.reasons))}`);
  });

  it('«ألا» before a verb is «أن لا»: both sides negate, no clash; «ألا وهو» ("namely") negates nothing', () => {
    const a = article('a.txt', 'وشدد الوزير على أن الولاء المزدوج مرفوض ويجب ألا يكون له وجود في الدولة الحديثة.');
    const b = article('b.txt', 'وشدد الوزير على أن الولاء المزدوج مرفوض، ويجب أن لا يكون له وجود في الدولة الحديثة.');
    const links = linksBetween(a, b);
    assert.deepEqual(links.map((l) => l.relation), ['corroborates'], `both negate: ${JSON.stringify(links.map((l) => l.reasons))}`);
    const c = article('c.txt', 'وأكد الرئيس أن التعاون واجب تجاه العدو الواحد للكل ألا وهو الإرهاب الذي يضرب المنطقة.');
    const d = article('d.txt', 'وأكد الرئيس أن التعاون واجب تجاه العدو الواحد للكل وهو الإرهاب الذي يضرب المنطقة.');
    assert.deepEqual(linksBetween(c, d).map((l) => l.relation), ['corroborates'], '«ألا وهو» is no negation');
  });

  it('a line of tags after an article («سمات …») states nothing and links to nothing', () => {
    const a = article('a.txt', 'ارتفعت أسعار الذهب أمس مع هبوط الدولار في الأسواق العالمية.\nسمات ارتفاع الدولار الذهب الأسواق');
    const b = article('b.txt', 'الذهب يرتفع مع هبوط الدولار في الأسواق العالمية');
    const fromTags = linksBetween(a, b).filter((l) => a.text.slice(l.from.start, l.from.end).startsWith('سمات'));
    assert.deepEqual(fromTags.map((l) => l.relation), [], 'the tags line is linked to nothing');
  });

  it('another cast is no name clash: two families\' weddings («ابن موقد يحتفل بزفاف مشاري» / «الحربي يحتفل بزفاف ابنه ثامر»)', () => {
    const a = article('a.txt', 'ابن موقد يحتفل بزفاف مشاري', { entities: [{ text: 'موقد', type: 'PER', entity: 'PER:mouqed' }, { text: 'مشاري', type: 'PER', entity: 'PER:mishari' }] });
    const b = article('b.txt', 'الحربي يحتفل بزفاف ابنه ثامر', { entities: [{ text: 'ثامر', type: 'PER', entity: 'PER:thamer' }] });
    const links = linksBetween(a, b);
    assert.ok(!links.some((l) => l.relation === 'contradicts'), `two weddings are no clash: ${JSON.stringify(links.map((l) => l.reasons))}`);
  });

  it('a word under a condition («في حال شارك») is supposed, not stated: no negation clash with «لن تشارك»', () => {
    const a = article('a.txt', 'وأبلغ الأميركيون القيادة العراقية أن طائراتهم لن تشارك في العمليات القتالية التي تخوضها الفصائل المسلحة.');
    const b = article('b.txt', 'وتتحفظ الفصائل المسلحة على العمليات القتالية في حال شارك طيران التحالف، بحسب القيادة العراقية.');
    const links = linksBetween(a, b);
    assert.ok(!links.some((l) => l.relation === 'contradicts'), `a supposed word is no clash: ${JSON.stringify(links.map((l) => l.reasons))}`);
    // The control: the same word stated outright does clash.
    const c = article('c.txt', 'وأبلغ الأميركيون القيادة العراقية أن طائراتهم تشارك في العمليات القتالية التي تخوضها الفصائل المسلحة.');
    assert.equal(linksBetween(a, c)[0]?.relation, 'contradicts');
  });

  it('counts of sources for different claims are not a clash ("three sources" / "5 officials")', () => {
    const a = article('a.txt', 'ونقل الموقع عن ثلاثة مصادر متطابقة أن وفدا إيرانيا وصل إلى سلطنة عمان في نفس الوقت.', {
      quantities: [{ text: 'ثلاثة مصادر', low: 3, high: 3, unitStem: 'مصادر' }],
    });
    const b = article('b.txt', 'ونقل الموقع عن 5 مسؤولين أن ماكغورك سافر إلى سلطنة عمان بعد رحلة إلى السعودية.', {
      quantities: [{ text: '5 مسؤولين', low: 5, high: 5, unitStem: 'مسؤولين' }],
    });
    assert.ok(linksBetween(a, b).every((l) => l.relation !== 'contradicts'));
  });

  it('the same person in another role in another meeting is not a contradiction', () => {
    const bagheri = { text: 'علي باقري', type: 'PER' as const, entity: 'PER:bagheri' };
    const a = article('a.txt', 'وترأس الوفد الإيراني علي باقري كاني، نائب وزير الخارجية الإيراني وكبير المفاوضين النوويين.', {
      entities: [{ text: 'علي باقري كاني', type: 'PER', entity: 'PER:bagheri' }],
    });
    const b = article('b.txt', 'وأوضح أحد المصادر أن كبير المفاوضين النوويين الإيرانيين علي باقري كان ضمن الوفد.', { entities: [bagheri] });
    assert.ok(linksBetween(a, b).every((l) => l.relation !== 'contradicts'));
  });

  it('two different named speakers reporting the same thing corroborate', () => {
    const a = article('a.txt', 'وقال المتحدث باسم وزارة الخارجية الإيرانية ناصر كنعاني إن العمانيين يجرون محادثات غير مباشرة بين الولايات المتحدة وإيران.', {
      entities: [{ text: 'ناصر كنعاني', type: 'PER', entity: 'PER:kanani' }],
    });
    const b = article('b.txt', 'وقال المتحدث باسم وزارة الخارجية الأمريكية ماثيو ميلر إن العمانيين يجرون محادثات غير مباشرة بين الولايات المتحدة وإيران.', {
      entities: [{ text: 'ماثيو ميلر', type: 'PER', entity: 'PER:miller' }],
    });
    const [link] = linksBetween(a, b);
    assert.equal(link?.relation, 'corroborates');
  });

  it('a far-apart date makes numbers that differ a different event, not a contradiction', () => {
    const a = article('a.txt', 'وقتل ثلاثة جنود أمريكيين في هجوم على قاعدة في الأردن يوم 28 يناير.', {
      dates: [{ text: '28 يناير', value: 'XXXX-01-28' }], quantities: [{ text: 'ثلاثة جنود', low: 3, high: 3, unitStem: 'جندي' }],
    });
    const b = article('b.txt', 'وقتل خمسة جنود أمريكيين في هجوم على قاعدة في الأردن يوم 3 مايو.', {
      dates: [{ text: '3 مايو', value: 'XXXX-05-03' }], quantities: [{ text: 'خمسة جنود', low: 5, high: 5, unitStem: 'جندي' }],
    });
    const links = linksBetween(a, b);
    assert.ok(links.length > 0);
    assert.ok(links.every((l) => l.relation === 'different-event'));
  });

  it('names in different slots (where the talks were, whom they were with) are no clash', () => {
    const oman = { text: 'سلطنة عمان', type: 'LOC' as const, entity: 'LOC:oman' };
    const a = article('a.txt', 'عقد مسؤولون أمريكيون محادثات غير مباشرة مع وفد في سلطنة عمان هذا الأسبوع.', { entities: [oman] });
    const b = article('b.txt', 'عقد مسؤولون أمريكيون محادثات غير مباشرة مع إيران هذا الأسبوع.', { entities: [IRAN] });
    assert.ok(linksBetween(a, b).every((l) => l.relation !== 'contradicts'));
  });

  it('a capital named for its country is no clash (طهران / إيران)', () => {
    const a = article('a.txt', 'وألمح العديد من المسؤولين خلال الأسابيع الأخيرة إلى احتمال تحرك طهران نحو إنتاج أسلحة نووية.', { entities: [{ text: 'طهران', type: 'LOC', entity: 'LOC:tehran' }] });
    const b = article('b.txt', 'وألمح العديد من المسؤولين في الأسابيع الأخيرة إلى إمكانية تحرك إيران نحو إنتاج الأسلحة النووية.', { entities: [IRAN] });
    const [link] = linksBetween(a, b);
    assert.equal(link?.relation, 'corroborates');
  });

  it('another name in the same slot is no contradiction when each article also reports the other one (two cables of congratulation)', () => {
    const GHANA = { text: 'غانا', type: 'LOC' as const, entity: 'LOC:ghana' };
    const PERU = { text: 'البيرو', type: 'LOC' as const, entity: 'LOC:peru' };
    const cable = (country: string) => `بعث رئيس الدولة برقية تهنئة إلى رئيس جمهورية ${country} بمناسبة ذكرى استقلال بلاده، متمنيا لشعبها المزيد من التقدم والازدهار.`;
    const a = article('a.txt', `${cable('غانا')}\n\n${cable('البيرو')}`, { entities: [GHANA, PERU] });
    const b = article('b.txt', `${cable('البيرو')}\n\n${cable('غانا')}`, { entities: [PERU, GHANA] });
    const links = linksBetween(a, b);
    assert.ok(links.some((l) => l.relation === 'corroborates'), 'each cable corroborates its twin');
    assert.ok(links.every((l) => l.relation !== 'contradicts'), JSON.stringify(links.map((l) => [l.relation, l.reasons])));
    // The same two sentences, when neither article states the other's version, do clash.
    const c = article('c.txt', cable('غانا'), { entities: [GHANA] });
    const d = article('d.txt', cable('البيرو'), { entities: [PERU] });
    assert.ok(linksBetween(c, d).some((l) => l.relation === 'contradicts' && l.reasons.some((r) => r.code === 'names')));
  });

  it('people counted for different things in one story are two counts ("three people rescued" / "five people on board" / "three people killed")', () => {
    const OSAKA = { text: 'أوساكا', type: 'LOC' as const, entity: 'LOC:osaka' };
    const a = article('a.txt', 'تحطم طائرة صغيرة فوق حي سكني في أوساكا\n\nوقال متحدث باسم فرق الإطفاء إن رجال الإنقاذ تمكنوا من إنقاذ ثلاثة أشخاص من المنازل المحترقة.', {
      entities: [OSAKA], quantities: [{ text: 'ثلاثة', low: 3, high: 3, value: 3, shape: 'exact', unit: 'أشخاص', unitStem: 'اشخاص' }],
    });
    const b = article('b.txt', 'سقوط طائرة سياحية على منازل في أوساكا\n\nوأوضحت الشرطة أن الطائرة كانت تقل خمسة أشخاص عند إقلاعها من المطار.', {
      entities: [OSAKA], quantities: [{ text: 'خمسة', low: 5, high: 5, value: 5, shape: 'exact', unit: 'أشخاص', unitStem: 'اشخاص' }],
    });
    assert.ok(linksBetween(a, b).every((l) => l.relation !== 'contradicts'), JSON.stringify(linksBetween(a, b).map((l) => [l.relation, l.reasons])));
    // Nor do the same figures make one fact: three people rescued are not three people killed.
    const killed = article('k.txt', 'مصرع ثلاثة أشخاص إثر سقوط طائرة سياحية في أوساكا', {
      entities: [OSAKA], quantities: [{ text: 'ثلاثة', low: 3, high: 3, value: 3, shape: 'exact', unit: 'أشخاص', unitStem: 'اشخاص' }],
    });
    assert.deepEqual(linksBetween(a, killed), [], JSON.stringify(linksBetween(a, killed).map((l) => [l.relation, l.reasons])));
    // Counted for the same thing, the two figures clash.
    const c = article('c.txt', 'سقوط طائرة سياحية على منازل في أوساكا\n\nوقال متحدث باسم فرق الإطفاء إن رجال الإنقاذ تمكنوا من إنقاذ خمسة أشخاص من المنازل المحترقة.', {
      entities: [OSAKA], quantities: [{ text: 'خمسة', low: 5, high: 5, value: 5, shape: 'exact', unit: 'أشخاص', unitStem: 'اشخاص' }],
    });
    assert.ok(linksBetween(a, c).some((l) => l.relation === 'contradicts'), JSON.stringify(linksBetween(a, c).map((l) => [l.relation, l.reasons])));
  });

  it('boilerplate lines produce no links', () => {
    const boiler = 'تصنيفات\n\nاخترنا لك\n\nتابعونا عبر فيسبوك\n\nزر الذهاب إلى الأعلى\n\nقصص قد تهمك';
    const cc = new CrossChecker();
    cc.update(article('a.txt', boiler));
    cc.update(article('b.txt', boiler));
    assert.deepEqual(cc.all(), []);
  });
});

describe('cross-checking: choosing what a sentence shows', () => {
  it('of many passages that contradict a toll, shows the one worded most like the sentence, not the surest clash', () => {
    const cc = new CrossChecker();
    const a = article('a.txt', 'وأعلن رئيس الوزراء أن التفجير الانتحاري في بلدة سوروتش أوقع 30 قتيلا وأن منفذه شاب في العشرين.');
    const close = article('b.txt', 'وأعلن رئيس الوزراء أن التفجير الانتحاري في بلدة سوروتش أوقع 32 قتيلا وأن منفذه شاب تركي.');
    const far = article('c.txt', 'وقال شاهد عيان إنه رأى 27 جثة في موقع الانفجار.');
    for (const x of [a, close, far]) cc.update(x);
    const [self] = cc.sentencesOf('a.txt');
    const [b] = cc.sentencesOf('b.txt');
    const [c] = cc.sentencesOf('c.txt');
    const verdict = (score: number) => ({ relation: 'contradicts' as const, score, reasons: [{ code: 'figures', verdict: 'different' }], pDisagree: 0.5, sameness: 0.3 });
    const chosen = chooseLinks(self, [{ other: c, v: verdict(0.9) }, { other: b, v: verdict(0.6) }], { ...DEFAULT_LIMITS, contradicts: 1 });
    assert.deepEqual([...chosen.keys()].map((s) => s.path), ['b.txt']);
  });
});

describe('cross-checking: the link store', () => {
  const a = article('a.txt', 'ورفض البيت الأبيض ووزارة الخارجية الأميركية التعليق على المحادثات.\nوألمح العديد من المسؤولين الإيرانيين خلال الأسابيع الأخيرة إلى احتمال تحرك طهران نحو إنتاج أسلحة نووية.');
  const b = article('b.txt', 'وألمح العديد من المسؤولين الإيرانيين في الأسابيع الأخيرة إلى إمكانية تحرك إيران نحو إنتاج الأسلحة النووية.');

  it('stores every link in both directions, with the reasons mirrored', () => {
    const cc = new CrossChecker();
    cc.update(a);
    cc.update(b);
    const ab = cc.linksFrom('a.txt'), ba = cc.linksFrom('b.txt');
    assert.equal(ab.length, 1);
    assert.equal(ba.length, 1);
    assert.deepEqual(cc.linksTo('a.txt'), ba);
    assert.equal(ab[0].target.sentence, ba[0].from.sentence);
    assert.equal(ab[0].from.sentence, ba[0].target.sentence);
    assert.equal(ab[0].target.quote, b.text.slice(ab[0].target.start, ab[0].target.end));
    for (let i = 0; i < ab[0].reasons.length; i++) {
      assert.equal(ab[0].reasons[i].a, ba[0].reasons[i].b);
      assert.equal(ab[0].reasons[i].b, ba[0].reasons[i].a);
    }
    assert.equal(ab[0].score, ba[0].score);
  });

  it('forgets the links of a removed article on both sides', () => {
    const cc = new CrossChecker();
    cc.update(a);
    cc.update(b);
    cc.remove('b.txt');
    assert.deepEqual(cc.linksFrom('a.txt'), []);
    assert.deepEqual(cc.all(), []);
  });
});

describe('cross-checking: incremental updates', () => {
  // Sentences of two seed articles, recombined into small articles.
  const pool = [
    'عقد اثنان من كبار المسؤولين في إدارة الرئيس الأميركي جو بايدن محادثات غير مباشرة مع مسؤولين إيرانيين في سلطنة عمان.',
    'أجرى اثنان من كبار المسؤولين في إدارة الرئيس جو بايدن محادثات غير مباشرة مع مسؤولين إيرانيين في سلطنة عُمان هذا الأسبوع.',
    'ورفض البيت الأبيض ووزارة الخارجية الأميركية التعليق على سؤال بشأن المحادثات التي استضافتها سلطنة عمان.',
    'وقال مسؤولان أمريكيان في بيان مشترك إنهما أجريا محادثات غير مباشرة مع مسؤولين إيرانيين في سلطنة عُمان.',
    'وألمح العديد من المسؤولين الإيرانيين خلال الأسابيع الأخيرة إلى احتمال تحرك طهران نحو إنتاج أسلحة نووية.',
    'وألمح العديد من المسؤولين الإيرانيين في الأسابيع الأخيرة إلى إمكانية تحرك إيران نحو إنتاج الأسلحة النووية.',
    'وكان هذا أول هجوم مباشر على إسرائيل يتم إطلاقه من الأراضي الإيرانية.',
    'تصنيفات',
  ];
  const op = fc.record({
    kind: fc.constantFrom('update', 'update', 'remove'),
    path: fc.constantFrom('p1.txt', 'p2.txt', 'p3.txt', 'p4.txt'),
    lines: fc.array(fc.nat(pool.length - 1), { minLength: 1, maxLength: 3 }),
  });

  it('settles a kept sentence\'s name clash again with the article\'s edited sentences (same links as a full recompute)', () => {
    // b reports both cables, a one: the clash of a's Ghana cable with b's Peru cable is dropped
    // (b also states a's version). Once b's Ghana cable is edited away, b's Peru sentence, left
    // alone by the edit, clashes with a again.
    const GHANA = { text: 'غانا', type: 'LOC' as const, entity: 'LOC:ghana' };
    const PERU = { text: 'البيرو', type: 'LOC' as const, entity: 'LOC:peru' };
    const cable = (country: string) => `بعث رئيس الدولة برقية تهنئة إلى رئيس جمهورية ${country} بمناسبة ذكرى استقلال بلاده، متمنيا لشعبها المزيد من التقدم والازدهار.`;
    const a = article('a.txt', cable('غانا'), { entities: [GHANA] });
    const b1 = article('b.txt', `${cable('البيرو')}\n\n${cable('غانا')}`, { entities: [PERU, GHANA] });
    const b2 = article('b.txt', `${cable('البيرو')}\n\nوأعلنت هيئة الأرصاد الجوية أن الطقس سيكون معتدلا في معظم المناطق خلال الأسبوع المقبل.`, { entities: [PERU] });
    const cc = new CrossChecker();
    cc.update(a);
    cc.update(b1);
    assert.ok(cc.all().every((l) => l.relation !== 'contradicts'));
    cc.update(b2);
    const fresh = new CrossChecker();
    fresh.update(a);
    fresh.update(b2);
    assert.ok(fresh.all().some((l) => l.relation === 'contradicts'), 'the clash stands alone');
    assert.deepEqual(cc.all(), fresh.all());
  });

  it('gives the same links as a full recompute after any sequence of edits', function () {
    this.timeout(30_000); // 60 random edit sequences; a loaded machine may need more than the default
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 8 }), (ops) => {
        const cc = new CrossChecker();
        const current = new Map<string, ReturnType<typeof article>>();
        for (const o of ops) {
          if (o.kind === 'remove') { cc.remove(o.path); current.delete(o.path); continue; }
          const a = article(o.path, o.lines.map((i) => pool[i]).join('\n'));
          cc.update(a);
          current.set(o.path, a);
        }
        const fresh = new CrossChecker();
        for (const a of [...current.values()].reverse()) fresh.update(a);
        assert.deepEqual(cc.all(), fresh.all());
      }),
      { numRuns: 60 },
    );
  });
});
