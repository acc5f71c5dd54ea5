// Lookups shared by the LSP features: what is at an offset, the links of a sentence, the mentions
// of a canonical entity. All work on the analysed corpus; no LSP types here beyond URIs.
import type { ArticleAnalysis, DateMention, EntityMention, Quantity, Sentence, SentenceLink } from '../engine/model';
import { sentenceAt } from '../engine/text/sentences';
import type { Workspace } from './workspace';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export interface Decisions {
  /** Status of an annotation by kind and span, from the user's decisions in the sidecar. */
  statusOf(uri: string, kind: 'entity' | 'date' | 'quantity', start: number, end: number): 'suggested' | 'accepted' | 'rejected';
  linkStatus(link: SentenceLink): 'suggested' | 'accepted' | 'rejected';
}

export const noDecisions: Decisions = {
  statusOf: () => 'suggested',
  linkStatus: () => 'suggested',
};

function covering<T extends { start: number; end: number }>(items: T[], offset: number): T | undefined {
  return items.find((x) => x.start <= offset && offset < x.end) ?? items.find((x) => x.end === offset && offset > x.start);
}

export function entityAt(a: ArticleAnalysis, offset: number): EntityMention | undefined {
  return covering(a.entities, offset);
}

export function dateAt(a: ArticleAnalysis, offset: number): DateMention | undefined {
  return covering(a.dates, offset);
}

export function quantityAt(a: ArticleAnalysis, offset: number): Quantity | undefined {
  return covering(a.quantities, offset);
}

export function sentenceAtOffset(a: ArticleAnalysis, offset: number): Sentence | undefined {
  const i = sentenceAt(a.sentences, offset);
  if (i < 0) return undefined;
  const s = a.sentences[i];
  return offset <= s.end ? s : undefined;
}

const RELATION_ORDER = { contradicts: 0, corroborates: 1, 'different-event': 2 } as const;

/** An article's links grouped by sentence, most relevant first within each: built once per list
 *  of links (the corpus hands out the same array until the article's links change), so that a pass
 *  over every sentence of an article (diagnostics, CodeLens) costs the article's links once, not
 *  once per sentence. A 1.9 MB article has tens of thousands of sentences and links. */
const bySentenceCache = new WeakMap<SentenceLink[], Map<string, SentenceLink[]>>();

function linksBySentence(links: SentenceLink[]): Map<string, SentenceLink[]> {
  let m = bySentenceCache.get(links);
  if (!m) {
    m = new Map();
    for (const l of links) {
      const list = m.get(l.from.sentence);
      if (list) list.push(l);
      else m.set(l.from.sentence, [l]);
    }
    for (const list of m.values()) list.sort((x, y) => RELATION_ORDER[x.relation] - RELATION_ORDER[y.relation] || y.score - x.score || x.target.path.localeCompare(y.target.path));
    bySentenceCache.set(links, m);
  }
  return m;
}

/** Links from one sentence, most relevant first: contradictions (few, and what a reader must
 *  reconcile), then corroborations, then different events; within each, the most confident first. */
export function linksOfSentence(ws: Workspace, uri: string, sentence: Sentence, decisions: Decisions = noDecisions): SentenceLink[] {
  const mine = linksBySentence(ws.corpus.linksFrom(uri)).get(sentence.id) ?? [];
  return mine.filter((l) => ws.corpus.has(l.target.path) && decisions.linkStatus(l) !== 'rejected');
}

/** Whether a position names a place in the text (a line it has, a character within that line,
 *  end of line included). An editor never sends others; a command given one is refused, not
 *  clamped (line 1e9 clamped to the end once made one entity of the whole article). */
export function positionInside(doc: TextDocument, p: { line: number; character: number }): boolean {
  if (!(p.line >= 0 && p.line < doc.lineCount && p.character >= 0)) return false;
  return doc.offsetAt(p) - doc.offsetAt({ line: p.line, character: 0 }) === p.character;
}

export interface Mention { uri: string; mention: EntityMention }

export function mentionsOf(ws: Workspace, entityId: string): Mention[] {
  const out: Mention[] = [];
  for (const uri of ws.uris()) {
    for (const m of ws.analysis(uri)!.entities) if (m.entity === entityId) out.push({ uri, mention: m });
  }
  return out;
}

/** A link's identity for user decisions: both sentences by article and quote position. */
export function linkId(l: SentenceLink): string {
  return `${l.from.path}#${l.from.start}-${l.from.end}>${l.target.path}#${l.target.start}-${l.target.end}`;
}
