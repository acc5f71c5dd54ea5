// Hover: on an entity its type, canonical name and spellings across the corpus; on a date its
// normalised value and how it was resolved; on a quantity its interval; and always, for the
// sentence under the cursor, the passages of other articles that corroborate or contradict it.
import type { Connection, Hover, MarkupContent } from 'vscode-languageserver';
import type { DateMention, EntityMention, Quantity, SentenceLink } from '../engine/model';
import { renderReason } from '../engine/crosscheck/reasons';
import type { Workspace } from '../lsp/workspace';
import { basename, escapeMarkdown, fileLink, rtlBlock, rtlInline } from '../lsp/markdown';
import { dateAt, entityAt, linksOfSentence, mentionsOf, quantityAt, sentenceAtOffset, type Decisions } from '../lsp/queries';

export type Lang = 'en' | 'ar';

const TYPE_NAMES: Record<string, { en: string; ar: string }> = {
  PER: { en: 'Person', ar: 'شخص' },
  ORG: { en: 'Organisation', ar: 'منظمة' },
  LOC: { en: 'Place', ar: 'مكان' },
  MISC: { en: 'Other name', ar: 'اسم آخر' },
};

const RELATION_NAMES: Record<SentenceLink['relation'], { en: string; ar: string }> = {
  corroborates: { en: 'Corroborates', ar: 'يؤيد' },
  contradicts: { en: 'Contradicts', ar: 'يناقض' },
  'different-event': { en: 'Different event?', ar: 'حدث مختلف؟' },
};

export function entityHover(ws: Workspace, e: EntityMention, lang: Lang): string {
  const lines: string[] = [];
  const canon = e.entity ? ws.corpus.canonicalById(e.entity) : undefined;
  lines.push(`**${TYPE_NAMES[e.type][lang]}** · ${e.type}`);
  lines.push(rtlBlock(`**${escapeMarkdown(canon?.name ?? e.text)}**`));
  if (canon) {
    const mentions = e.entity ? mentionsOf(ws, e.entity) : [];
    const perArticle = new Map<string, number>();
    for (const m of mentions) perArticle.set(m.uri, (perArticle.get(m.uri) ?? 0) + 1);
    const spellings = new Map<string, Set<string>>();
    for (const s of canon.spellings) {
      if (!spellings.has(s.text)) spellings.set(s.text, new Set());
      spellings.get(s.text)!.add(basename(s.path));
    }
    lines.push(lang === 'ar' ? 'الكتابات في المدونة:' : 'Spellings across the corpus:');
    for (const [text, files] of spellings) {
      lines.push(`- ${rtlInline(escapeMarkdown(text))} — ${[...files].map(escapeMarkdown).join(', ')}`);
    }
    lines.push(lang === 'ar' ? 'الذكر في كل مقال:' : 'Mentions per article:');
    for (const [uri, n] of [...perArticle].sort((a, b) => b[1] - a[1])) {
      lines.push(`- ${escapeMarkdown(basename(uri))}: ${n}`);
    }
  }
  return lines.join('\n\n');
}

export function dateHover(ws: Workspace, uri: string, d: DateMention, lang: Lang): string {
  const ref = ws.analysis(uri)?.referenceDate;
  const lines = [`**${lang === 'ar' ? 'تاريخ' : 'Date'}** · ${d.kind}`, rtlBlock(escapeMarkdown(d.text))];
  lines.push(`${lang === 'ar' ? 'القيمة' : 'Value'}: \`${d.value}\`${d.mod ? ` (${d.mod})` : ''}`);
  lines.push(`${lang === 'ar' ? 'التاريخ المحدد' : 'Resolved'}: ${d.resolved ? `\`${d.resolved}\`` : lang === 'ar' ? 'غير محدد' : 'not resolved'}`);
  if (ref) lines.push(`${lang === 'ar' ? 'تاريخ المرجع' : 'Reference date'}: \`${ref.date}\` (${ref.source})`);
  else lines.push(lang === 'ar' ? 'لا يوجد تاريخ مرجعي' : 'No reference date: set one with the "Set reference date" command or the CLI.');
  for (const step of d.explanation) lines.push(`- ${escapeMarkdown(step)}`);
  return lines.join('\n\n');
}

export function quantityHover(q: Quantity, lang: Lang): string {
  const fmt = (n: number) => (Number.isFinite(n) ? String(n) : n > 0 ? '∞' : '−∞');
  const lines = [`**${lang === 'ar' ? 'كمية' : 'Quantity'}**`, rtlBlock(escapeMarkdown(q.text))];
  lines.push(`${lang === 'ar' ? 'المجال' : 'Interval'}: ${q.low === q.high ? fmt(q.low) : `${fmt(q.low)} … ${fmt(q.high)}`}${q.percent ? ' %' : ''}`);
  if (q.qualifier) lines.push(`${lang === 'ar' ? 'المقيِّد' : 'Qualifier'}: ${rtlInline(escapeMarkdown(q.qualifier))}`);
  if (q.unit) lines.push(`${lang === 'ar' ? 'المعدود' : 'Counted'}: ${rtlInline(escapeMarkdown(q.unit))}`);
  return lines.join('\n\n');
}

/** One reason line. In Arabic the whole line reads right to left; in English ("number: أكثر من
 *  300 vs 350") each Arabic run is isolated on its own, so the English label keeps its place and
 *  every quoted passage reads in its own order. */
function reasonLine(r: string, lang: Lang): string {
  if (lang === 'ar') return rtlInline(escapeMarkdown(r));
  return r.split(ARABIC_RUN).map((part, i) => (i % 2 ? rtlInline(escapeMarkdown(part)) : escapeMarkdown(part))).join('');
}
// A run of Arabic words, with the digits, spaces and punctuation between them (captured for split).
const ARABIC_RUN = /([\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF](?:[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF0-9\s.,%،]*[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF0-9])?)/;

/** How many linked passages a hover shows; the rest are counted and reached with Find All
 *  References or Next/Previous passage. */
const HOVER_LINKS = 5;

export function linksHover(ws: Workspace, links: SentenceLink[], lang: Lang, decisions: Decisions): string {
  if (links.length === 0) return '';
  const ar = lang === 'ar';
  const lines = [`**${ar ? 'في المقالات الأخرى' : 'In the other articles'}** (${links.length})`];
  for (const l of links.slice(0, HOVER_LINKS)) {
    const targetRange = ws.range(l.target.path, l.target);
    const status = decisions.linkStatus(l);
    const confidence = `${ar ? 'الثقة' : 'confidence'} ${Math.round(l.score * 100)} %`;
    const head = `${RELATION_NAMES[l.relation][lang]} · ${fileLink(escapeMarkdown(basename(l.target.path)), l.target.path, targetRange)} · ${confidence}${status === 'accepted' ? ' ✓' : ''}`;
    lines.push('---', head, rtlBlock(escapeMarkdown(l.target.quote)));
    // The same words printed by other articles: one claim, more sources.
    if (l.alsoIn?.length) {
      const copies = l.alsoIn.map((c) => fileLink(escapeMarkdown(basename(c.path)), c.path, ws.range(c.path, c)));
      lines.push(`${ar ? 'النص نفسه أيضًا في' : 'Word for word also in'}: ${copies.join(', ')}`);
    }
    const reasons = l.reasons.map((r) => renderReason(r, lang));
    if (reasons.length) lines.push(reasons.map((r) => `- ${reasonLine(r, lang)}`).join('\n'));
  }
  const more = links.length - HOVER_LINKS;
  if (more > 0) lines.push('---', ar ? `و${more} غيرها (البحث عن كل المراجع)` : `and ${more} more (Find All References)`);
  return lines.join('\n\n');
}

export function registerHover(connection: Connection, ws: Workspace, lang: () => Lang, decisions: Decisions): void {
  connection.onHover((params): Hover | null => {
    const uri = params.textDocument.uri;
    const a = ws.analysis(uri);
    if (!a) return null;
    const offset = ws.offset(uri, params.position);
    const parts: string[] = [];
    const e = entityAt(a, offset);
    const d = dateAt(a, offset);
    const q = quantityAt(a, offset);
    let range;
    if (e && decisions.statusOf(uri, 'entity', e.start, e.end) !== 'rejected') { parts.push(entityHover(ws, e, lang())); range = ws.range(uri, e); }
    else if (d && decisions.statusOf(uri, 'date', d.start, d.end) !== 'rejected') { parts.push(dateHover(ws, uri, d, lang())); range = ws.range(uri, d); }
    else if (q) { parts.push(quantityHover(q, lang())); range = ws.range(uri, q); }
    const s = sentenceAtOffset(a, offset);
    if (s) {
      const links = linksHover(ws, linksOfSentence(ws, uri, s, decisions), lang(), decisions);
      if (links) parts.push(links);
      range ??= ws.range(uri, s);
    }
    if (parts.length === 0) return null;
    const contents: MarkupContent = { kind: 'markdown', value: parts.join('\n\n---\n\n') };
    return { contents, range };
  });
}
