// Family: offsets from the reference date — compound ("منذ 2 شهر و 10 أيام"), counted from now
// ("من الآن"), approximate ("قبل بضعة أسابيع", resolved and said to be approximate), colloquial
// ("من أسبوع"), and the days around it ("قبل يوم أمس", "آخر يوم").
import { itCases, itNone } from './cases';

const REF = '2024-05-20';

describe('compound and vague offsets', () => {
  describe('compound offsets', () => {
    itCases([
      { text: 'منذ 2 شهر و 10 أيام', ref: REF, span: 'منذ 2 شهر و 10 أيام', value: 'REF-P2M10D', resolved: '2024-03-10' },
      { text: 'بعد 3 أعوام و 5 أيام من الآن', ref: REF, span: 'بعد 3 أعوام و 5 أيام من الآن', value: 'REF+P3Y5D', resolved: '2027-05-25' },
      { text: 'غادر منذ سنة وشهرين', ref: REF, span: 'منذ سنة وشهرين', value: 'REF-P1Y2M', resolved: '2023-03-20' },
      { text: 'قبل عام ونصف', ref: REF, span: 'قبل عام ونصف', value: 'REF-P1Y6M', resolved: '2022-11-20' },
      { text: 'منذ شهر ونصف', ref: REF, span: 'منذ شهر ونصف', value: 'REF-P1M15D', resolved: '2024-04-05' },
      { text: 'منذ ثلاث سنوات وأربعة أشهر', ref: REF, span: 'منذ ثلاث سنوات وأربعة أشهر', value: 'REF-P3Y4M', resolved: '2021-01-20' },
      { text: 'قبل شهر وأسبوع', ref: REF, span: 'قبل شهر وأسبوع', value: 'REF-P1M7D', resolved: '2024-04-13' },
      { text: 'بعد ثلاثة أسابيع من الآن', ref: REF, span: 'بعد ثلاثة أسابيع من الآن', value: 'REF+P3W', resolved: '2024-06-10' },
      { text: 'بعد أسبوعين من اليوم', ref: REF, span: 'بعد أسبوعين من اليوم', value: 'REF+P2W', resolved: '2024-06-03' },
    ]);
  });

  describe('approximate offsets: resolved, and said to be approximate', () => {
    itCases([
      { text: 'قبل بضعة أسابيع', ref: REF, span: 'قبل بضعة أسابيع', value: 'REF-PXW', resolved: '2024-04-29', explains: /approximate/ },
      { text: 'منذ عدة أشهر', ref: REF, span: 'منذ عدة أشهر', value: 'REF-PXM', resolved: '2024-02-20', explains: /approximate/ },
      { text: 'وصل قبل أيام إلى الرياض', ref: REF, span: 'قبل أيام', value: 'REF-PXD', resolved: '2024-05-17', explains: /approximate/ },
      { text: 'منذ بضع سنوات', ref: REF, span: 'منذ بضع سنوات', value: 'REF-PXY', resolved: '2021-05-20', explains: /approximate/ },
      { text: 'قبل نحو أسبوعين', ref: REF, span: 'قبل نحو أسبوعين', value: 'REF-P2W', resolved: '2024-05-06', explains: /approximate/ },
    ]);
  });

  describe('days around the reference', () => {
    itCases([
      { text: 'قبل يوم أمس', ref: REF, span: 'قبل يوم أمس', value: 'REF-P2D', resolved: '2024-05-18' },
      { text: 'وصل آخر يوم.', ref: REF, span: 'آخر يوم', value: 'REF-P1D', resolved: '2024-05-19' },
      { text: 'تراجعت الأسعار آخر أسبوع', ref: REF, span: 'آخر أسبوع', value: 'REF-P1W', resolved: '2024-W20' },
      { text: 'وصلت من أسبوع.', ref: REF, span: 'من أسبوع', value: 'REF-P1W', resolved: '2024-05-13' },
      { text: 'اشتريتها من يومين', ref: REF, span: 'من يومين', value: 'REF-P2D', resolved: '2024-05-18' },
      // Not "من عام" (a year ago) after a month: "of the year".
      { text: 'الدراسة المنشورة في يوليو من عام.', ref: REF, span: 'يوليو', value: 'XXXX-07' },
    ]);
  });

  describe('not offsets from the reference', () => {
    itNone([
      'استمرت المفاوضات أكثر من أسبوع',
      'بعد عدة أيام من الهجوم',
      'قبل أسبوعين من الانتخابات',
      'تتغير الأسعار من أسبوع إلى آخر',
      'في آخر يوم من المهرجان',
      'كان آخر يوم عمل له',
      'عانى من أسبوع حافل بالأحداث',
      'بقي في منصبه قريبا من سنة',
    ], REF);
  });
});
