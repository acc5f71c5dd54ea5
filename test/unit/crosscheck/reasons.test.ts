import { strict as assert } from 'assert';
import { renderReason } from '../../../server/src/engine/crosscheck/reasons';

describe('cross-checking reasons', () => {
  it('renders number agreement and clashes in English and Arabic', () => {
    const r = { code: 'quantity', a: 'أكثر من 300', b: '350', verdict: 'compatible' };
    assert.equal(renderReason(r, 'en'), 'أكثر من 300 vs 350: compatible');
    assert.equal(renderReason(r, 'ar'), 'أكثر من 300 مقابل 350: متوافقان');
    assert.equal(renderReason({ ...r, b: '200', verdict: 'different' }, 'en'), 'أكثر من 300 vs 200: different');
  });

  it('renders dates, names, denials and different events', () => {
    assert.equal(renderReason({ code: 'date', a: '8 مايو', b: '8 أيار/ مايو', verdict: 'same' }, 'en'), 'same date: 8 مايو = 8 أيار/ مايو');
    assert.equal(renderReason({ code: 'names', a: 'ماكجورك', b: 'ماكغورك', verdict: 'same' }, 'ar'), 'أسماء مشتركة: ماكجورك = ماكغورك');
    assert.equal(renderReason({ code: 'different-event', a: 'يناير', b: 'مايو' }, 'en'), 'different event? dates يناير vs مايو');
    assert.equal(renderReason({ code: 'declined', a: 'رفض … التعليق', b: 'بيان' }, 'en'), 'declined to comment vs statement: رفض … التعليق vs بيان');
    assert.equal(renderReason({ code: 'denial', a: 'نفى', b: 'أكد' }, 'ar'), 'نفي مقابل تأكيد: نفى مقابل أكد');
  });

  it('never renders an empty side as blank', () => {
    assert.equal(renderReason({ code: 'negation', a: 'لم يلتق', b: '' }, 'en'), 'negation: لم يلتق vs —');
    assert.equal(renderReason({ code: 'unknown-code' }, 'en'), 'unknown-code');
  });
});
