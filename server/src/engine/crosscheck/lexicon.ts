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
  كان كانت كانوا كانا يكون تكون يكونوا يكن تكن يكونا نكن أكن أصبح أصبحت بات باتت صار صارت ظل ظلت مازال لازال زال يزال تزال
  قد لقد سوف سـ هل أي أيّ كل كلا كلتا بعض جميع عدة عدد أيضا ايضا فقط كذلك كما لدى
  بعد قبل أثناء اثناء عقب إثر اثر فيما بينما وسط جراء إلا الا سوى غير ليس
  يتم تم يجري جرى عبر وفق وفقا طبقا بحسب حسب نقلا نسبة
  ذات ذو ذي أحد احدى إحدى نفس عندما لما
  له لها لهم لهما به بها بهم فيه فيها فيهم منه منها منهم عليه عليها عليهم إليه إليها عنه عنها معه معها
  أنه أنها أنهم أنهما إنه إنها إنهم إنهما لأنه بأن بأنه بأنها
  يا و ف ب ك ل
  الأقل الاقل الأكثر الاكثر تقريبا حوالي حوالى قرابة زهاء يناهز يقارب
  جانبه جانبها جانبهم جهته جهتها جهتهم ناحيته ناحيتها بدوره بدورها
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

/** The negation particles of verbs and sentences ("لم يلتق", "ليس نابعا"): "غير" and "عدم" negate a
 *  noun or an adjective and mostly make another word of it ("غير مباشرة" = indirect, "غير معروف" =
 *  unknown), so only these found a contradiction. */
export const VERBAL_NEGATION = set(`لا لم لن ليس ليست ليسوا لسنا لست ليسا`);

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

/** "True", negated ("غير صحيحة") or lacking ("عارية عن الصحة"): a report called untrue is denied. */
export const TRUTH_WORDS = set(`صحيح صحيحة صحيحه الصحة الصحه دقيق دقيقة دقيقه`);
export const UNTRUE_WORDS = set(`عار عارية عاريه عارٍ`);

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

/** Particles of a yes/no question. */
export const YES_NO = set(`هل أهل`);

/** Question words of a wh-question (what, why, how, when, where, who, which, how many). */
export const WH_WORDS = set(`ما ماذا لماذا كيف متى أين من أي كم`);

/**
 * Openers of a condition or a supposition: "إذا ما تأكد تورط …", "لو". What follows is not
 * asserted, so it neither corroborates nor contradicts a report of the fact. ("في حال" is read as
 * two words; a sentence-initial "إن" is emphatic, not a condition.)
 */
export const CONDITIONAL_OPENERS = set(`إذا اذا لو لولا`);

/** Discourse connectives that read like a negation but are not one: "غير أن" / "بيد أن" = however. */
/** Words that put what follows them in the clause ahead, as an aim, not a fact: verbs of preparing,
 *  intending, trying and heading for, and the particles of direction ("تستعد للسيطرة على…",
 *  "زحفهم نحو القصر"). A sentence saying someone heads for or prepares to do X does not state X. */
export const PROSPECTIVE_WORDS = set(`
  يستعد تستعد يستعدون تستعدان استعد استعدت استعدوا استعدادا استعداد
  يسعى تسعى يسعون سعيا يعتزم تعتزم يعتزمون اعتزم اعتزمت ينوي تنوي ينوون
  يحاول تحاول يحاولون محاولة محاولات يخطط تخطط يخططون يتجه تتجه يتجهون
  زحف زحفهم زحفها يزحف تزحف يزحفون باتجاه صوب سوف
`);
/** The words of heading for a place (نحو القصر, باتجاه قصر الرئاسة, صوب القاعدة): what follows
 *  is where one is not yet. */
export const DIRECTION_WORDS = set(`نحو باتجاه صوب`);
/** Taking, entering or holding a place (استعادت القصر، دخلوا الحي، أحكموا سيطرتهم، استكملت تمشيط):
 *  a place named with one of these in its clause is reached, not still aimed at. */
export const CAPTURE_WORDS = set(`
  سيطر سيطرت سيطروا سيطرنا يسيطر تسيطر يسيطرون نسيطر السيطرة سيطرة سيطرتهم سيطرتها
  استعاد استعادت استعادوا استعدنا يستعيد تستعيد يستعيدون استعادة
  دخل دخلت دخلوا دخلنا يدخل تدخل يدخلون دخول
  حرر حررت حرروا حررنا يحرر تحرر يحررون تحرير تحريرها تحريره
  طهر طهرت طهروا طهرنا يطهر تطهر تطهير
  أحكم أحكمت أحكموا أحكمنا يحكم تحكم إحكام
  استولى استولت استولوا يستولي تستولي استيلاء
  اقتحم اقتحمت اقتحموا اقتحمنا يقتحم تقتحم اقتحام
  استكمل استكملت استكملوا استكملنا يستكمل تستكمل استكمال
  انتزع انتزعت انتزعوا انتزاع
`);

/** "نحو" heads for a place, or before a number means "about" (نحو 30 قتيلا): direction only then. */
export const TOWARDS = set(`نحو`);

export const CONTRASTIVE_CONNECTIVES = set(`غير بيد`);

/**
 * Imperfect speech verbs that follow their speaker in headlines ("رئيس الوزراء يعلن تحديد …",
 * "الجيش يؤكد …"): what comes before them is the speaker.
 */
export const HEADLINE_SPEECH_VERBS = set(`
  يعلن تعلن يؤكد تؤكد يقول تقول ينفي تنفي يكشف تكشف يتهم تتهم يحذر تحذر يدعو تدعو يطالب تطالب
  يرفض ترفض يدين تدين يعترف تعترف
`);

/**
 * Attributions that close a sentence ("…، حسبما أعلن محافظ المنطقة", "وفق الناطق باسم …",
 * "كما أعلن مكتبه"): from the word on, the words name the source, not the fact.
 */
export const TRAILING_ATTRIBUTION = set(`حسبما بحسب حسب وفق وفقا وفقاً طبقا نقلا`);

/**
 * What a count counts, when the counted noun says it or a predicate next to a count of people
 * does ("مقتل 30 شخصا", "30 شخصا قتلوا", "أودى بحياة 32 شخصا"): the casualty and detention
 * frames of news reports. Forms are normalised; they are matched as written, without proclitics,
 * and by light stem. General Arabic, written by hand (no library groups these forms).
 */
export const COUNT_CONCEPTS: Record<string, Set<string>> = {
  killed: set(`
    قتيل قتيلا قتلى قتلي مقتل قتل قتلوا قتلت يقتل تقتل اغتيال ضحية ضحايا ضحيته ضحيتها ضحاياه
    شهيد شهيدا شهداء استشهاد استشهد استشهدوا وفاة وفيات توفي توفوا حتف حتفهم حتفه بحياة بحياه موتى
    جثة جثث الهلاك هلاك
  `),
  wounded: set(`جريح جريحا جرحى جرحي جرح جرحوا إصابة اصابة إصابات اصابات أصيب اصيب أصيبوا اصيبوا مصاب مصابا مصابين مصابون`),
  detained: set(`معتقل معتقلا معتقلين اعتقال اعتقل اعتقلت موقوف موقوفين توقيف أوقف أسير أسيرا أسرى اسرى أسر سجين سجناء قبض القبض تقبض يقبض`),
  missing: set(`مفقود مفقودا مفقودين مفقودون فقدان`),
  displaced: set(`نازح نازحا نازحين نازحون نزوح مهجر مهجرين تهجير لاجئ لاجئا لاجئين لاجئون`),
};

/** Counted nouns that only say "people": what happened to them comes from the predicate next to the count. */
export const PERSON_NOUNS = set(`شخص شخصا أشخاص اشخاص مدني مدنيا مدنيين مدنيون مواطن مواطنا مواطنين مواطنون فرد فردا أفراد نسمة إنسان إنسانا`);

/** Relative pronouns: they open a relative clause, which tells a second fact about a noun. */
export const RELATIVE_PRONOUNS = set(`الذي التي الذين اللذين اللتين اللذان اللتان اللواتي اللاتي`);

/**
 * Titles and offices that describe a person or body named next to them ("الرئيس اليمني عبد ربه
 * منصور هادي", "رئيس الوزراء التركي", "المتحدث باسم …"): they say who, not what happened.
 */
export const TITLE_WORDS = set(`
  رئيس الرئيس رئيسة وزير الوزير وزيرة وزراء الوزراء ناطق الناطق متحدث المتحدث متحدثة قائد القائد زعيم الزعيم
  أمين الأمين سفير السفير مبعوث المبعوث مستشار المستشار نائب النائب مدير المدير حاكم الحاكم ملك الملك أمير الأمير
  محافظ المحافظ وكيل الوكيل مسؤول المسؤول مسؤولون مسؤولين عام العام أعلى الأعلى سابق السابق رسمي الرسمي
  حكومة الحكومة مجلس المجلس قيادة القيادة عضو أعضاء السيد الشيخ الدكتور العميد اللواء العقيد الجنرال
  كبير كبار كبيرة بارز البارز بارزة أبرز رفيع الرفيع
  معاليه سموه فخامته سماحته جلالته حضرته معالي سمو فخامة سماحة جلالة
  خادم الحرمين الشريفين
`);

/**
 * Units of money and measure: a figure in these ("3.2 مليار دولار", "100 ألف ريال", "10 كيلومترات")
 * is an amount, not a count of people or things in an event, and two amounts in one story are most
 * often amounts of different things; they may agree, they never found a contradiction.
 */
export const MEASURE_UNITS = set(`
  دولار دولارا دولارات يورو ريال ريالا ريالات جنيه جنيها جنيهات دينار دينارا دنانير درهم درهما دراهم
  ليرة ليرات شيقل شيكل روبل ين يوان فرنك روبية سنت سنتا سنتات بنس
  توقيت بتوقيت
  كيلومتر كيلومترا كيلومترات كلم كم متر مترا أمتار ميل أميال قدم طن أطنان كيلوغرام كيلوغراما كغ غرام
  برميل براميل لتر لترا ميغاواط كيلوواط هكتار فدان دونم درجة درجات نقطة نقاط
  ساعة ساعات دقيقة دقائق ثانية ثوان يوم أيام يوما أسبوع أسابيع شهر أشهر شهور سنة سنوات عام أعوام
`);

/** Words after which a number is an identifier, not a count ("بالرمز 159", "رقم 12"). */
/** The casualty frames (COUNT_CONCEPTS) and counts of people: the counts a toll discrepancy is
 *  about. Counts of other things (goals, deals, projects) in two reports of one day are most often
 *  counts of different things. */
export const PEOPLE_CONCEPTS = new Set([...Object.keys(COUNT_CONCEPTS), 'person']);

export const IDENTIFIER_WORDS = set(`رقم الرقم برقم رمز الرمز بالرمز كود الكود`);

/**
 * Predicates that news reports of one event word in different ways, grouped by what they state:
 * who is behind a deed (نفذه / تبناه / نسب إلى / أعلن مسؤوليته / يقف وراء, with وراء: see
 * PERPETRATION_PHRASE) and an appointment (عيّن / تعيين: the verb and its verbal noun share no
 * stem). A word of a class also matches the other words of its class (prepare.ts adds the class
 * key), so «يقف وراء الاعتداء» meets «نفذ الهجوم». Forms are stems (proclitics and ال stripped),
 * matched by their light stem. General Arabic news vocabulary, written by hand: the shipped WordNet
 * synsets are too broad for it (they joined unrelated reports).
 * Measured and left out: a class of attack words (هجوم / اعتداء / تفجير / انفجار) joined reports
 * of different attacks (story link precision 95 → 91 %, 5 of 6 new news links wrong); a class of
 * condemnation verbs (ندد / أدان / استنكر) joined different bodies condemning one statement, which
 * are different facts (most of 14 new news links wrong).
 */
export const PREDICATE_CLASSES: Record<string, string[]> = {
  perpetration: `نفذ نفذه نفذها نفذت نفذوا ينفذ تنفذ منفذ منفذو منفذي تبنى تبناه تبنت تبناها يتبنى تتبنى تبني نسب نسبته نسبت نسبها ينسب تنسب مسؤولية مسؤوليته مسؤوليتها`.split(/\s+/),
  appointment: `عين عينت يعين تعين تعيين تعيينه`.split(/\s+/),
};

/** «يقف وراء» / «بالوقوف وراء»: the standing word names who is behind a deed when وراء follows it. */
export const PERPETRATION_PHRASE = { verbs: set(`يقف تقف وقف وقفت يقفون وقوف`), after: set(`وراء وراءه وراءها ورا`) };

/** Labels news sites print before a list of tags or links to other articles («سمات الحرارة
 *  الرياح», «اقرأ أيضا: …»): what follows is no statement of the article. General site
 *  boilerplate, written by hand. Matched on the first one or two words of a sentence, normalised. */
export const LISTING_LABELS = set(`سمات وسوم الوسوم تاغ هاشتاغ`);
export const LISTING_LABELS_2 = new Set([
  'الكلمات الدلالية', 'كلمات دلالية', 'الكلمات المفتاحية', 'كلمات مفتاحية', 'اقرأ أيضا', 'اقرأ أيضاً', 'إقرأ أيضا', 'إقرأ أيضاً',
  'شاهد أيضا', 'شاهد أيضاً', 'مواضيع ذات', 'أخبار ذات', 'اخبار ذات', 'موضوعات ذات',
].map((x) => x.split(' ').map(norm).join(' ')));
