// Family: a weekday written with a date — the date is the value and the weekday checks it (or,
// for a day written without its month, chooses the month) — and "الجمعة الثالثة", the third
// Friday of the month.
import { itCases, itNone } from './cases';

describe('a weekday with a date', () => {
  describe('the date wins, the weekday checks it', () => {
    itCases([
      { text: 'الخميس، مارس الثالث والعشرين، 2017', ref: '2017-04-01', span: 'الخميس، مارس الثالث والعشرين، 2017', value: '2017-03-23', resolved: '2017-03-23', explains: /Thursday agrees/ },
      { text: 'أعلن الجمعة، 15 مارس 2024 عن الاتفاق', ref: '2024-04-01', span: 'الجمعة، 15 مارس 2024', value: '2024-03-15', explains: /Friday agrees/ },
      { text: 'صدر البيان الخميس 15 مارس 2024', ref: '2024-04-01', span: 'الخميس 15 مارس 2024', resolved: '2024-03-15', explains: /2024-03-15 is a Friday, the text says Thursday/ },
      { text: 'عقدت الجلسة الثلاثاء 5-3', ref: '2024-05-10', span: 'الثلاثاء 5-3', value: 'XXXX-03-05', resolved: '2024-03-05', explains: /Tuesday agrees/ },
      { text: 'أعلن السبت 5.3.2022 عن التشكيلة', ref: '2024-05-10', span: 'السبت 5.3.2022', value: '2022-03-05', explains: /Saturday agrees/ },
      { text: 'التقى الوزيران الخميس 23/3', ref: '2017-04-01', span: 'الخميس 23/3', resolved: '2017-03-23' },
      { text: 'يوم الاثنين الموافق 15 من الشهر الجاري', ref: '2024-04-10', span: 'يوم الاثنين الموافق 15 من الشهر الجاري', resolved: '2024-04-15', explains: /Monday agrees/ },
      { text: 'افتتح المعرض الأحد 12 مايو', ref: '2024-05-20', span: 'الأحد 12 مايو', resolved: '2024-05-12' },
    ]);
  });

  describe('a weekday with a day number: the weekday chooses the month', () => {
    itCases([
      { text: 'سيصل الوفد يوم الأربعاء 12', ref: '2024-06-10', span: 'يوم الأربعاء 12', value: 'XXXX-XX-12', resolved: '2024-06-12', explains: /falls on a Wednesday/ },
      { text: 'وصل الوفد يوم الأربعاء 12', ref: '2024-06-20', span: 'يوم الأربعاء 12', resolved: '2024-06-12' },
      { text: 'جرت المباراة يوم الثلاثاء 14.', ref: '2024-05-10', span: 'يوم الثلاثاء 14', resolved: '2024-05-14' },
      { text: 'أعلن الجيش انسحابه الجمعة 31.', ref: '2024-06-03', span: 'الجمعة 31', resolved: '2024-05-31' },
      { text: 'السبت السادس عشر من هذا الشهر', ref: '2024-03-10', span: 'السبت السادس عشر من هذا الشهر', resolved: '2024-03-16' },
    ]);
  });

  describe('the n-th weekday of the month', () => {
    itCases([
      { text: 'خرج المتظاهرون في الجمعة الثالثة', ref: '2024-05-10', span: 'الجمعة الثالثة', resolved: '2024-05-17', explains: /third Friday of the month/ },
      { text: 'يعقد الاجتماع في ثاني خميس', ref: '2024-05-01', span: 'ثاني خميس', resolved: '2024-05-09' },
      { text: 'الخميس الأخير من الشهر', ref: '2024-05-10', span: 'الخميس الأخير من الشهر', resolved: '2024-05-30' },
      { text: 'في الأحد الثاني من الشهر المقبل', ref: '2024-05-10', span: 'الأحد الثاني من الشهر المقبل', resolved: '2024-06-09' },
      { text: 'أول اثنين من شهر سبتمبر', ref: '2024-08-20', span: 'أول اثنين من شهر سبتمبر', resolved: '2024-09-02' },
      { text: 'الثلاثاء الثالث من سبتمبر 2024', ref: '2024-05-10', span: 'الثلاثاء الثالث من سبتمبر 2024', resolved: '2024-09-17' },
      { text: 'آخر جمعة من رمضان', ref: '2024-05-10', span: 'آخر جمعة من رمضان', value: 'HXXXX-09', resolved: '2024-04-05', explains: /Umm al-Qura/ },
      { text: 'ثالث ثلاثاء بعد الكريسماس 2023', ref: '2024-05-10', span: 'ثالث ثلاثاء بعد الكريسماس 2023', resolved: '2024-01-09' },
    ]);
  });

  describe('not an n-th weekday of the month, nor a day number', () => {
    itCases([
      { text: 'تظاهروا للجمعة الثالثة على التوالي', ref: '2024-05-10', span: 'لجمعة', value: 'XXXX-WXX-5' },
      { text: 'قتل يوم الأربعاء 12 شخصا', ref: '2024-05-10', span: 'يوم الأربعاء', value: 'XXXX-WXX-3' },
    ]);
    itNone(['قال أحد المسؤولين إن الأحد عشر لاعبا جاهزون']);
  });
});
