import { strict as assert } from 'assert';
import { chooseReferenceDate, dateInPath } from '../../../server/src/engine/analyze';

describe('reference date: a publication day in the file name or folder', () => {
  it('reads the day from a file name or its folder, nearest the file first', () => {
    assert.equal(dateInPath('stories/2015-07-21_aawsat_00001.txt'), '2015-07-21');
    assert.equal(dateInPath('/home/me/news/2015-07-26/okaz_01384.txt'), '2015-07-26');
    assert.equal(dateInPath('2015-07-26/2015-07-25_okaz.txt'), '2015-07-25');
    assert.equal(dateInPath('C:\\\\archive\\\\20150726-okaz.txt'), '2015-07-26');
    assert.equal(dateInPath('file:///news/2024.05.08%20alyaum.txt'), '2024-05-08');
  });

  it('never reads a serial number or an impossible day as a date', () => {
    assert.equal(dateInPath('okaz_01384.txt'), null);
    assert.equal(dateInPath('article-120150726993.txt'), null);
    assert.equal(dateInPath('000_a20231105b9775bde5.txt'), null);
    assert.equal(dateInPath('2015-02-30_okaz.txt'), null);
    assert.equal(dateInPath('2015-13-01_okaz.txt'), null);
  });

  it('comes after a dateline in the text and before the editor setting', () => {
    const text = 'الرياض - واس\n\nقال المتحدث أمس إن الاجتماع سيعقد اليوم.';
    assert.deepEqual(chooseReferenceDate({ path: '2015-07-26/okaz.txt', text }, { settingReferenceDate: '2020-01-01' }), { date: '2015-07-26', source: 'file-name' });
    assert.deepEqual(chooseReferenceDate({ path: 'okaz.txt', text }, { settingReferenceDate: '2020-01-01' }), { date: '2020-01-01', source: 'setting' });
    assert.deepEqual(chooseReferenceDate({ path: '2015-07-26/okaz.txt', text }, { cliReferenceDate: '2016-03-03' }), { date: '2016-03-03', source: 'cli' });
    const dated = 'عنوان الخبر\nنشر في 18 نوفمبر 2023\nنص الخبر يوم الاثنين';
    assert.deepEqual(chooseReferenceDate({ path: '2015-07-26/okaz.txt', text: dated }, {}), { date: '2023-11-18', source: 'dateline' });
  });
});
