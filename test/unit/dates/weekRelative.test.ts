// Family: weekdays placed by their week or by "next"/"last". Reference 2024-05-15 is a Wednesday
// of ISO week 20 (Monday 13 – Sunday 19 May).
import { itCases, itNone } from './cases';

const REF = '2024-05-15';

describe('week-relative days', () => {
  describe('the week written before or after the weekday', () => {
    itCases([
      { text: 'يصل الوفد هذا الأسبوع الخميس', ref: REF, span: 'هذا الأسبوع الخميس', value: 'XXXX-WXX-4', resolved: '2024-05-16', explains: /Monday to Sunday/ },
      { text: 'تبدأ المحادثات الأسبوع المقبل يوم الاثنين', ref: REF, span: 'الأسبوع المقبل يوم الاثنين', resolved: '2024-05-20' },
      { text: 'وصل الأسبوع الماضي السبت', ref: REF, span: 'الأسبوع الماضي السبت', resolved: '2024-05-11' },
      { text: 'في الأسبوع المقبل، يوم الأحد', ref: REF, span: 'الأسبوع المقبل، يوم الأحد', resolved: '2024-05-26' },
      { text: 'الأسبوع القادم الثلاثاء', ref: REF, span: 'الأسبوع القادم الثلاثاء', resolved: '2024-05-21' },
      { text: 'الأحد من الأسبوع الماضي', ref: REF, span: 'الأحد من الأسبوع الماضي', resolved: '2024-05-12' },
      { text: 'الاثنين من هذا الأسبوع', ref: REF, span: 'الاثنين من هذا الأسبوع', resolved: '2024-05-13' },
      { text: 'الأسبوع بعد المقبل يوم الخميس', ref: REF, span: 'الأسبوع بعد المقبل يوم الخميس', resolved: '2024-05-30' },
    ]);
  });

  describe('"next" and "last" weekdays, with the convention in the explanation', () => {
    itCases([
      { text: 'يوم الخميس القادم', ref: REF, span: 'يوم الخميس القادم', value: 'XXXX-WXX-4', resolved: '2024-05-16', explains: /first Thursday after the reference date/ },
      { text: 'الخميس القادم', ref: '2024-05-16', span: 'الخميس القادم', resolved: '2024-05-23', explains: /first Thursday after/ },
      { text: 'يوم الاثنين المقبل', ref: REF, span: 'يوم الاثنين المقبل', resolved: '2024-05-20' },
      { text: 'الخميس بعد القادم', ref: REF, span: 'الخميس بعد القادم', resolved: '2024-05-23', explains: /after next/ },
      { text: 'الجمعة قبل الماضية', ref: REF, span: 'الجمعة قبل الماضية', resolved: '2024-05-03' },
      { text: 'السبت الماضي', ref: REF, span: 'السبت الماضي', resolved: '2024-05-11' },
      { text: 'الأربعاء الماضي', ref: REF, span: 'الأربعاء الماضي', resolved: '2024-05-08' },
    ]);
  });

  describe('weeks and years two away', () => {
    itCases([
      { text: 'الأسبوع بعد المقبل', ref: REF, span: 'الأسبوع بعد المقبل', value: 'REF+P2W', resolved: '2024-W22' },
      { text: 'العام قبل الماضي', ref: REF, span: 'العام قبل الماضي', value: 'REF-P2Y', resolved: '2022' },
      { text: 'الشهر قبل الماضي', ref: REF, span: 'الشهر قبل الماضي', value: 'REF-P2M', resolved: '2024-03' },
    ]);
  });

  describe('weekday names that are not days', () => {
    itCases([
      { text: 'شارك الأسبوع الماضي الأحد عشر لاعبا', ref: REF, span: 'الأسبوع الماضي', value: 'REF-P1W' },
      { text: 'قال الخميس إن الاثنين سيلتقيان', ref: REF, span: 'الخميس', value: 'XXXX-WXX-4' },
      { text: 'أعلن مسؤول الاثنين أن العمليات ستستمر', ref: REF, span: 'الاثنين', value: 'XXXX-WXX-1' },
    ]);
    itNone(['وقع خلاف بين الاثنين', 'جاء الأحد عشر لاعبا', 'كلا الاثنين غاب'], REF);
  });
});
