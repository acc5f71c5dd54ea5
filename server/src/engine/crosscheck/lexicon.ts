// General Arabic word classes the cross-checker needs: function words (not evidence that two
// sentences say the same thing), negation particles, denial and assertion verbs, reporting /
// attribution words, and concessive connectives. This is general linguistic knowledge about
// Arabic news prose, written by hand because no library ships it; nothing here is specific to any
// article. Every entry is stored in normalised form (text/normalize.ts `norm`) and compared with
// Token.norm or with Token.stem (proclitics و ف ب ك ل ال stripped).
import { norm } from '../text/normalize';

const set = (words: string): Set<string> => new Set(words.trim().split(/\s+/).map(norm));

/** Prepositions, conjunctions, pronouns, demonstratives, relatives, auxiliaries, particles. */
export const FUNCTION_WORDS = set(`
  في من على إلى الى عن مع لدى لدي عند منذ مذ خلال بين حول نحو ضد عبر دون تجاه إزاء حيال بشأن حتى
  أن إن أنّ إنّ لأن كأن لكن لكنّ بل أو أم ثم إذا إذ اذا إذن لو لولا كي لكي كيف متى أين أينما حيث حيثما
  هذا هذه هذان هاتان هؤلاء ذلك تلك ذاك أولئك هنا هناك هنالك
  الذي التي الذين اللذان اللتان اللاتي اللواتي اللذين اللتين ما ماذا من مَن
  هو هي هم هن هما أنا نحن أنت أنتم إياه إياها إياهم
  كان كانت كانوا كانا يكون تكون يكونوا أصبح أصبحت بات باتت صار صارت ظل ظلت مازال لازال زال يزال تزال
  قد لقد سوف سـ هل أي أيّ كل كلا كلتا بعض جميع عدة عدد أيضا ايضا فقط كذلك كما مثل لدى
  بعد قبل أثناء اثناء عقب إثر اثر فيما بينما وسط جراء إلا الا سوى غير ليس
  يتم تم يجري جرى عبر وفق وفقا طبقا بحسب حسب نقلا نسبة
  ذات ذو ذي أحد احدى إحدى نفس عندما لما
  له لها لهم لهما به بها بهم فيه فيها فيهم منه منها منهم عليه عليها عليهم إليه إليها عنه عنها معه معها
  أنه أنها أنهم أنهما إنه إنها إنهم إنهما لأنه بأن بأنه بأنها
  يا و ف ب ك ل
`);

/**
 * Verbs and nouns that introduce reported speech or a source ("said", "added", "according to",
 * "reported"). They carry no claim of their own: two sentences do not say the same thing because
 * both contain قال.
 */
export const REPORTING_WORDS = set(`
  قال قالت قالوا قالا يقول تقول يقولون قول قوله قولها قولهم
  أضاف أضافت يضيف تضيف أوضح أوضحت يوضح توضح أشار أشارت يشير تشير ذكر ذكرت يذكر تذكر
  نقل نقلت ينقل تنقل أفاد أفادت يفيد تفيد أفادت أورد أوردت تابع تابعت لفت لفتت نوه نوهت
  صرح صرحت يصرح تصرح أبلغ أبلغت قالت وأضاف مضيفا موضحا مشيرا لافتا مؤكدا
  بحسب حسب وفق وفقا وفقاً طبقا نقلا حسبما بحسبما
  مصدر مصادر المصدر المصادر مطلع مطلعة مطلعون مطلعين
  موقع الموقع صحيفة الصحيفة وكالة الوكالة تقرير التقرير
  ورد وردت
`);

/** Negation particles that negate what follows. */
// ما is left out (it is far more often "what" or a relative than a negation), and so are دون /
// بدون ("without": طائرة بدون طيار is a drone, not a negated pilot).
export const NEGATION_PARTICLES = set(`لا لم لن ليس ليست ليسوا لسنا لست ليسا غير عدم`);

/**
 * Negation particles that, followed by these verbs, mean "still / no longer" — continuation, not
 * the negation of a claim (لا يزال "still", ما زال "still", لم يعد "no longer" is kept as negation).
 */
export const CONTINUATION_VERBS = set(`يزال تزال زال زالت يزالون تزالان نزال أزال برح يبرح تبرح فتئ انفك ينفك`);

/**
 * Denial: the speaker says the claim is false ("denied", "refuted", "dismissed as false").
 */
export const DENIAL_WORDS = set(`
  نفى نفت ينفي تنفي نفوا نفي النفي ينفون نافيا نافية
  أنكر أنكرت ينكر تنكر إنكار
  كذب كذبت يكذب تكذب تكذيب
  دحض دحضت يدحض تدحض
  فند فندت يفند تفند
`);

/** Declining to comment: no claim either way, but at odds with an official statement. */
export const DECLINE_VERBS = set(`رفض رفضت يرفض ترفض رفضوا امتنع امتنعت يمتنع تمتنع امتنعوا تحفظ`);
export const COMMENT_WORDS = set(`التعليق تعليق الإدلاء الرد تعقيب التعقيب الإجابة`);
/** What one declines to comment on is the matter, not the question put ("التعليق على سؤال بشأن …"). */
export const QUESTION_WORDS = set(`سؤال سؤالا أسئلة استفسار استفسارات تساؤل تساؤلات طلب`);

/**
 * Assertion: the speaker states or confirms the claim. "Revealed" (كشف) is what media do with
 * others' information, not a first-party statement, so it is left out.
 */
export const ASSERTION_WORDS = set(`
  أكد أكدت يؤكد تؤكد أكدوا تأكيد مؤكدا
  أعلن أعلنت يعلن تعلن أعلنوا إعلان
  اعترف اعترفت يعترف تعترف أقر أقرت يقر تقر
  بيان البيان
`);

/** Words after which the speaker is named ("قال مسؤول إسرائيلي إن", "بحسب مصادر أمريكية"): the
 *  reporting verbs and source prepositions of REPORTING_WORDS, not its nouns (تقرير يكشف …). */
export const SPEAKER_OPENERS = set(`
  قال قالت قالوا قالا يقول تقول يقولون
  أضاف أضافت يضيف تضيف أوضح أوضحت يوضح توضح أشار أشارت يشير تشير ذكر ذكرت يذكر تذكر
  نقل نقلت ينقل تنقل أفاد أفادت يفيد تفيد أورد أوردت تابع تابعت لفت لفتت نوه نوهت
  صرح صرحت يصرح تصرح أبلغ أبلغت
  بحسب حسب وفق وفقا وفقاً طبقا نقلا حسبما بحسبما
`);

/** Complementisers that end a speaker clause: "قال مسؤول إسرائيلي إن …". */
export const COMPLEMENTISERS = set(`إن أن بأن فإن إنه أنه بأنه إنها أنها بأنها إنهم أنهم إنهما أنهما بأنهما`);

/** "Despite" — a denial inside a concessive clause is reported, not endorsed, by the sentence. */
export const CONCESSIVE = set(`رغم برغم الرغم`);

/** Words that mark the sentence as reporting a count of sources (attribution, not a claim). */
export const SOURCE_NOUNS = set(`
  مصدر مصادر مسؤول مسؤولين مسؤولون مسؤولان مسؤولا مسؤولة دبلوماسي دبلوماسيين دبلوماسيون شاهد شهود
  مصدرين مصدران
`);
