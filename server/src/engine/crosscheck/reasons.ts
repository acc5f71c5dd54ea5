// Reasons in the editor's language. The values (a, b) are the words as written in the articles;
// only the frame around them is translated.
import type { Reason } from '../model';

type Lang = 'en' | 'ar';

const VS: Record<Lang, string> = { en: 'vs', ar: 'مقابل' };

const VERDICTS: Record<string, Record<Lang, string>> = {
  compatible: { en: 'compatible', ar: 'متوافقان' },
  different: { en: 'different', ar: 'مختلفان' },
  same: { en: 'same', ar: 'متطابقان' },
  similar: { en: 'similar', ar: 'متقاربان' },
};

const dash = (x?: string) => (x && x.trim() ? x : '—');

function pair(r: Reason, lang: Lang, sep?: string): string {
  return `${dash(r.a)} ${sep ?? VS[lang]} ${dash(r.b)}`;
}

export function renderReason(r: Reason, lang: Lang): string {
  const en = lang === 'en';
  switch (r.code) {
    case 'quantity':
      return `${pair(r, lang)}: ${VERDICTS[r.verdict ?? '']?.[lang] ?? r.verdict ?? ''}`;
    case 'figures':
      return `${en ? 'different figures for the same count' : 'رقمان مختلفان للعدد نفسه'}: ${pair(r, lang)}`;
    case 'reported':
      return `${en ? 'reported on' : 'تاريخا النشر'} ${pair(r, lang)}`;
    case 'date':
      if (r.verdict === 'same') return `${en ? 'same date' : 'التاريخ نفسه'}: ${pair(r, lang, '=')}`;
      if (r.verdict === 'compatible') return `${en ? 'compatible dates' : 'تاريخان متوافقان'}: ${pair(r, lang, '≈')}`;
      return `${en ? 'different dates' : 'تاريخان مختلفان'}: ${pair(r, lang)}`;
    case 'different-event':
      return `${en ? 'different event? dates' : 'حدث مختلف؟ التاريخان'} ${pair(r, lang)}`;
    case 'names':
      if (r.verdict === 'different') return `${en ? 'different names' : 'أسماء مختلفة'}: ${pair(r, lang)}`;
      if (r.verdict === 'same') return `${en ? 'shared names' : 'أسماء مشتركة'}: ${pair(r, lang, '=')}`;
      return `${en ? 'shared names' : 'أسماء مشتركة'}: ${dash(r.a)}`;
    case 'words':
      if (r.verdict === 'similar') return `${en ? 'similar wording' : 'صياغة متقاربة'}: ${pair(r, lang, '≈')}`;
      return `${en ? 'shared words' : 'كلمات مشتركة'}: ${dash(r.a)}`;
    case 'negation':
      return `${en ? 'negation' : 'نفي'}: ${pair(r, lang)}`;
    case 'denial':
      return `${en ? 'denial vs assertion' : 'نفي مقابل تأكيد'}: ${pair(r, lang)}`;
    case 'declined':
      return `${en ? 'declined to comment vs statement' : 'امتناع عن التعليق مقابل تصريح'}: ${pair(r, lang)}`;
    case 'status':
      return `${en ? 'still heading for vs reached' : 'في الطريق إلى مقابل بلغ'}: ${pair(r, lang)}`;
    case 'contrast':
      return `${en ? 'contrasting words' : 'كلمات متعارضة'}: ${pair(r, lang)}`;
    default:
      return r.a || r.b ? `${r.code}: ${pair(r, lang)}` : r.code;
  }
}
