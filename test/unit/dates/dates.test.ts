import { strict as assert } from 'assert';
import * as fc from 'fast-check';
import { findReferenceDate, recognizeDates } from '../../../server/src/engine/dates';
import type { DateMention } from '../../../server/src/engine/model';

const find = (text: string, ref: string | null = null, prefer: 'past' | 'future' = 'past') => recognizeDates(text, null, ref, { prefer });
const only = (text: string, ref: string | null = null, prefer: 'past' | 'future' = 'past'): DateMention => {
  const ds = find(text, ref, prefer);
  assert.equal(ds.length, 1, `one date expected in ${text}, got ${JSON.stringify(ds.map((d) => d.text))}`);
  return ds[0];
};

describe('absolute and partial dates', () => {
  it('reads a full date and leaves the preposition out of the span', () => {
    const d = only('يتحدث في حوار المنامة. 18 نوفمبر 2023 - Reuters');
    assert.equal(d.text, '18 نوفمبر 2023');
    assert.equal(d.value, '2023-11-18');
    assert.equal(d.resolved, '2023-11-18');
    assert.equal(d.kind, 'absolute');
  });

  it('keeps "يوم" and "الماضي" outside a day-month span but uses "الماضي" to pick the year', () => {
    const text = 'أجريا محادثات سرية في سلطنة عُمان يوم 10 من كانون الثاني الماضي، “بحثت التهديدات';
    const d = only(text, '2024-01-05');
    assert.equal(d.text, '10 من كانون الثاني');
    assert.equal(d.value, 'XXXX-01-10');
    assert.equal(d.resolved, '2023-01-10');
    assert.ok(d.explanation.some((l) => /year 2023/.test(l) && /past/.test(l)));
  });

  it('reads month names of every tradition from ICU', () => {
    for (const [text, value] of [['في 13 أبريل', 'XXXX-04-13'], ['في 13 نيسان', 'XXXX-04-13'], ['في 13 أفريل', 'XXXX-04-13'], ['في 20 غشت', 'XXXX-08-20'], ['في 3 جانفي', 'XXXX-01-03'], ['في 5 تشرين الأول', 'XXXX-10-05']] as const) {
      assert.equal(only(text).value, value, text);
    }
  });

  it('takes a double month name as one span', () => {
    assert.equal(only('ماكغورك سافر إلى مسقط في 8 أيار/ مايو بعد رحلة').text, '8 أيار/ مايو');
    assert.equal(only('ولد في 8 أيار (مايو) 1990').value, '1990-05-08');
    assert.equal(only('هجمات 11 سبتمبر أيلول 2001').value, '2001-09-11');
  });

  it('infers a missing year from the reference date and says why', () => {
    const d = only('وصل إلى مسقط سرًا في 8 مايو، لإجراء محادثات', '2024-06-01');
    assert.equal(d.value, 'XXXX-05-08');
    assert.equal(d.resolved, '2024-05-08');
    assert.ok(d.explanation.some((l) => l.includes('year 2024 inferred from the reference date 2024-06-01')));
    // A date far after the reference belongs to the previous year in a news report.
    assert.equal(only('في 20 ديسمبر', '2024-01-10').resolved, '2023-12-20');
    // Without a reference date there is no resolution.
    assert.equal(only('في 20 ديسمبر').resolved, null);
  });

  it('keeps years and parts of periods with their mod', () => {
    const end = only('قامت بتعليقه أو إيقافه في نهاية العام 2003".');
    assert.deepEqual([end.text, end.value, end.mod], ['نهاية العام 2003', '2003', 'END']);
    const start = only('وجهت ضربات عدة في أوائل شباط على قواعد');
    assert.deepEqual([start.text, start.value, start.mod], ['أوائل شباط', 'XXXX-02', 'START']);
    assert.equal(only('في منتصف آذار').mod, 'MID');
  });

  it('reads numeric dates in both orders', () => {
    assert.equal(only('نشر بتاريخ 2023/11/18').value, '2023-11-18');
    assert.equal(only('نشر بتاريخ 18-11-2023').value, '2023-11-18');
    assert.equal(only('نشر بتاريخ ١٨/١١/٢٠٢٣').value, '2023-11-18');
  });

  it('does not take an ambiguous month word or a Hijri month that is a name without a cue', () => {
    assert.equal(find('مارس الضغط على الحكومة').length, 0);
    assert.equal(find('الرئيس التركي رجب طيب أردوغان').length, 0);
    assert.equal(only('منذ مارس').value, 'XXXX-03');
  });
});

describe('Hijri dates and holidays', () => {
  it('converts a full Hijri date with ICU (Umm al-Qura)', () => {
    const d = only('الموافق 15 رمضان 1445 هـ');
    assert.equal(d.kind, 'hijri');
    assert.equal(d.resolved, '2024-03-25');
  });

  it('places Eid al-Adha in the year of the reference date', () => {
    assert.equal(only('عيد الأضحى', '2013-02-12', 'future').resolved, '2013-10-15');
  });
});

describe('weekdays and relative expressions', () => {
  it('reads weekdays with ISO numbers and keeps "يوم" in the span', () => {
    const d = only('قال المتحدث باسم وزارة الخارجية، يوم الاثنين، إن', '2024-05-29');
    assert.equal(d.text, 'يوم الاثنين');
    assert.equal(d.value, 'XXXX-WXX-1');
    assert.equal(d.resolved, '2024-05-27');
    assert.equal(only('العاصمة مسقط، الثلاثاء، واجتمعا').value, 'XXXX-WXX-2');
  });

  it('does not read "بين الاثنين" (between the two) as Monday', () => {
    assert.equal(find('خلاف بين الاثنين').length, 0);
  });

  it('writes relative expressions as REF offsets', () => {
    assert.equal(only('في سلطنة عمان هذا الأسبوع حول').value, 'REF+P0W');
    assert.equal(only('في سلطنة عمان الشهر الماضي بوساطة', '2024-06-10').resolved, '2024-05');
    assert.equal(only('المسؤولين خلال الأسابيع الأخيرة إلى').value, 'REF-PXW');
    assert.equal(only('بهذه الطريقة منذ عدة أشهر، موضحاً').text, 'منذ عدة أشهر');
    assert.equal(only('بهذه الطريقة منذ عدة أشهر، موضحاً').value, 'REF-PXM');
    const earlier = only('برحلة إلى سلطنة عمان في وقت سابق من هذا الشهر لإجراء محادثات');
    assert.deepEqual([earlier.text, earlier.value], ['في وقت سابق من هذا الشهر', 'REF+P0M']);
    assert.equal(only('و قبل أيام، وصل سلطان عمان').text, 'قبل أيام');
    assert.equal(only('ارتفع النفط امس الثلاثاء', '2013-02-13').resolved, '2013-02-12');
    assert.equal(only('العام المقبل', '2013-02-12').resolved, '2014');
  });

  it('reads the day before yesterday, two-unit windows, quarters and decades', () => {
    assert.equal(only('أعلنت أمس الأول الاثنين', '2013-02-13').resolved, '2013-02-11');
    assert.equal(only('خلال العامين الماضيين').value, 'REF-P2Y');
    assert.equal(only('في الربع الأول من العام 2023').value, '2023-Q1');
    assert.equal(only('في أوائل التسعينيات من القرن الماضي').value, '199X');
    assert.equal(only('منذ عام 1931').value, '1931');
  });

  it('does not read a named day or "that day" as today', () => {
    assert.equal(find('احتفلت المملكة باليوم الوطني').length, 0);
    assert.equal(find('منذ ذلك اليوم').length, 0);
    assert.equal(only('ويلتقي المالكي اليوم الرئيس الأميركي', '2006-07-25').resolved, '2006-07-25');
  });

  it('leaves event-anchored spans and bare adverbs alone', () => {
    assert.equal(find('بعد عدة أيام من الهجوم').length, 0);
    assert.equal(find('لا تقوم حالياً بالأنشطة').length, 0);
    assert.equal(find('في وقت سابق قال').length, 0);
  });
});

describe('clock times', () => {
  it('places the hour with the part of the day that follows it', () => {
    const d = only('انفجرت العبوة عند الساعة الثالثة وربع عصراً قرب السفارة');
    assert.equal(d.text, 'الساعة الثالثة وربع عصراً');
    assert.equal(d.value, 'XXXX-XX-XXT15:15');
    assert.equal(d.resolved, null, 'a time with no day written is not placed on a date in news');
    assert.ok(d.explanation.some((l) => /عصرا/.test(l)));
    assert.equal(only('الساعة 12 إلا ربعاً قبل الظهر').value, 'XXXX-XX-XXT11:45');
    assert.equal(only('الثامنة هذه الليلة').value, 'XXXX-XX-XXT20:00');
    assert.equal(only('الساعة الرابعة وأربعون دقيقة بعد العصر').value, 'XXXX-XX-XXT16:40');
    // Gulf news writes minutes after a dot too, once "الساعة" or a part of the day says it is a time.
    assert.equal(only('الساعة 1.30 ظهراً').value, 'XXXX-XX-XXT13:30');
    assert.equal(only('من 4.30 عصرا').value, 'XXXX-XX-XXT16:30');
  });

  it('attaches the time to the day written before or after it and resolves both', () => {
    const a = only('وصل الوفد يوم الخميس الساعة 8 مساءً بالتوقيت المحلي', '2024-05-10');
    assert.equal(a.value, 'XXXX-WXX-4T20:00');
    assert.equal(a.resolved, '2024-05-09T20:00');
    assert.ok(a.explanation.some((l) => /المحلي/.test(l)), 'the time zone is explained');
    const b = only('بدأت الجلسة في الساعة العاشرة صباحاً من يوم 8 أيار 2024');
    assert.equal(b.resolved, '2024-05-08T10:00');
  });

  it('reads a range of clock times with the part of the day written once', () => {
    const d = only('من الساعة 3 إلى الساعة 4 بعد العصر', '2013-02-12');
    assert.equal(d.value, 'XXXX-XX-XXT15:00/XXXX-XX-XXT16:00');
  });

  it('says when a.m. or p.m. is not written, and leaves durations and scores alone', () => {
    assert.ok(only('حوالي الساعة 3').explanation.some((l) => /a\.m\. or p\.m\./.test(l)));
    assert.deepEqual(find('استمر الاجتماع ساعة واحدة ثم ثلاث ساعات أخرى'), []);
    assert.deepEqual(find('فاز الفريق 2:1 في الساعة الأولى من المباراة'), []);
  });

  it('keeps a part of a named day in the span with its TIMEX code', () => {
    const a = only('وصل الوفد مساء أمس إلى مسقط', '2024-05-10');
    assert.equal(a.text, 'مساء أمس');
    assert.equal(a.value, 'REF-P1DTEV');
    assert.equal(a.resolved, '2024-05-09TEV');
    assert.equal(only('فجر الثلاثاء').value, 'XXXX-WXX-2TMO');
    assert.equal(only('الليلة الماضية', '2024-05-10').resolved, '2024-05-09TNI');
    assert.equal(only('مساء الخميس الساعة 8', '2024-05-10').resolved, '2024-05-09T20:00');
    assert.deepEqual(find('قالت صباح الخير للجميع في تلك الليلة'), []);
  });

  it('writes hours before or after the reference as REF-PT…H and does not place them on a day', () => {
    const a = only('وقال مسؤول منذ ساعات إن الوفد وصل', '2024-05-10');
    assert.deepEqual([a.text, a.value, a.resolved], ['منذ ساعات', 'REF-PTXH', null]);
    assert.equal(only('خلال الساعات الـ24 الماضية', '2024-05-10').value, 'REF-PT24H');
    assert.equal(only('قبل ساعتين').value, 'REF-PT2H');
    assert.deepEqual(find('على مدار 24 ساعة وقبل ساعات من الاجتماع'), []);
  });

  it('keeps a dateline with a clock time as the reference date', () => {
    assert.equal(findReferenceDate('نشر في 18 نوفمبر 2023 الساعة 10:45\nنص الخبر')?.date, '2023-11-18');
  });
});

describe('reference date from the article', () => {
  it('finds a dateline in the first lines', () => {
    const r = findReferenceDate('عنوان الخبر\nنشر في 18 نوفمبر 2023\nنص الخبر يوم الاثنين');
    assert.equal(r?.date, '2023-11-18');
    assert.ok(r?.evidence.includes('18 نوفمبر 2023'));
    assert.equal(findReferenceDate('خبر بلا تاريخ الاثنين'), null);
  });
});

describe('spans', () => {
  it('lie inside the text and never split a letter from its marks', () => {
    const pieces = ['في ', 'يوم ', 'الاثنين', ' 18 ', 'نوفمبر', ' 2023', 'الماضي', 'أمسِ', ' منذُ ', 'عدة أشهرٍ', 'وَ', '١٢', '/', 'مايو', 'ـ', '\u064B', ' أيار', '(', ')', 'هذا الأسبوع', '،', '\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        let last = 0;
        for (const d of find(s, '2024-06-01')) {
          assert.ok(d.start >= last && d.start < d.end && d.end <= s.length);
          assert.equal(s.slice(d.start, d.end), d.text);
          // A span never starts on a combining mark nor ends right before one.
          assert.ok(!/^[\u064B-\u065F\u0670]/.test(d.text));
          assert.ok(!/[\u064B-\u065F\u0670]/.test(s[d.end] ?? ''));
          last = d.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});
