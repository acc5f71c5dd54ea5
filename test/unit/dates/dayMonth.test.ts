// Family: a day number with a month name, in all the ways news joins them: a space, "من", a full
// stop, a dash or a slash, the month first ("فبراير-3"), "أول مارس" (the first of March).
import { itCases, itNone } from './cases';

describe('a day number with a month', () => {
  describe('punctuation between the day, the month and the year', () => {
    itCases([
      { text: 'تقرر عقد الاجتماع يوم 5. مارس', ref: '2024-04-10', span: '5. مارس', value: 'XXXX-03-05', resolved: '2024-03-05' },
      { text: 'بدأت الحملة في 5- مارس الماضي', ref: '2024-04-10', span: '5- مارس', value: 'XXXX-03-05', resolved: '2024-03-05' },
      { text: 'تنتهي المهلة في فبراير-3 حسب الجدول', ref: '2024-01-20', span: 'فبراير-3', value: 'XXXX-02-03', resolved: '2024-02-03' },
      { text: 'وقع الاتفاق في 20. ديسمبر. 2019 في الدوحة', ref: '2024-05-10', span: '20. ديسمبر. 2019', value: '2019-12-20' },
      { text: 'ولد في 5/مارس/1990 في حلب', ref: '2024-05-10', span: '5/مارس/1990', value: '1990-03-05' },
      { text: 'افتتح المعرض في 5-مارس-2019', ref: '2024-05-10', span: '5-مارس-2019', value: '2019-03-05' },
      { text: 'أعلن ذلك في مارس 5, 2019', ref: '2024-05-10', span: 'مارس 5, 2019', value: '2019-03-05' },
      { text: 'جرت الانتخابات في 5 مارس، 2019', ref: '2024-05-10', span: '5 مارس، 2019', value: '2019-03-05' },
      { text: 'يوم 7 - يونيو شهد تطورات', ref: '2024-06-20', span: '7 - يونيو', value: 'XXXX-06-07', resolved: '2024-06-07' },
      { text: 'صدر المرسوم في 3 /يناير/ 2020', ref: '2024-05-10', span: '3 /يناير/ 2020', value: '2020-01-03' },
      { text: 'تمتد المهلة حتى 30.نوفمبر', ref: '2024-11-10', span: '30.نوفمبر', value: 'XXXX-11-30', resolved: '2024-11-30' },
      { text: 'يحتفل المسلمون في 10- محرم بذكرى عاشوراء', ref: '2024-05-10', span: '10- محرم', value: 'HXXXX-01-10' },
    ]);
  });

  describe('"أول" before a month is its first day', () => {
    itCases([
      { text: 'بدأ العمل بالقرار أول مارس', ref: '2024-04-10', span: 'أول مارس', value: 'XXXX-03-01', resolved: '2024-03-01' },
      { text: 'تنطلق البطولة أول أبريل المقبل', ref: '2024-03-20', span: 'أول أبريل', value: 'XXXX-04-01', resolved: '2024-04-01' },
      { text: 'منذ أول يناير 2024 ارتفعت الأسعار', ref: '2024-05-10', span: 'أول يناير 2024', value: '2024-01-01' },
      { text: 'في أول رمضان', ref: '2024-05-10', span: 'أول رمضان', value: 'HXXXX-09-01' },
    ]);
  });

  describe('"أوائل" and "أول العام" stay parts of periods', () => {
    itCases([
      { text: 'في أوائل مارس', ref: '2024-04-10', span: 'أوائل مارس', value: 'XXXX-03' },
      { text: 'منذ أول العام', ref: '2024-04-10', span: 'أول العام', value: 'REF+P0Y' },
    ]);
  });

  describe('not a date', () => {
    itNone([
      'بلغ عددهم 5. مارس الرئيس ضغوطا على البرلمان',
      'صوت 5- مارس النواب حقهم',
    ]);
  });
});
