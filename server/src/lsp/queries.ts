// Lookups shared by the LSP features: what is at an offset, the links of a sentence, the mentions
// of a canonical entity. All work on the analysed corpus; no LSP types here beyond URIs.
import type { ArticleAnalysis, DateMention, EntityMention, Quantity, Sentence, SentenceLink } from '../engine/model';
import { sentenceAt } from '../engine/text/sentences';
import type { Workspace } from './workspace';

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

/** Links from one sentence, most relevant first: contradictions (few, and what a reader must
 *  reconcile), then corroborations, then different events; within each, the most confident first. */
export function linksOfSentence(ws: Workspace, uri: string, sentence: Sentence, decisions: Decisions = noDecisions): SentenceLink[] {
  return ws.corpus
    .linksFrom(uri)
    .filter((l) => l.from.sentence === sentence.id && ws.corpus.has(l.target.path))
    .filter((l) => decisions.linkStatus(l) !== 'rejected')
    .sort((x, y) => RELATION_ORDER[x.relation] - RELATION_ORDER[y.relation] || y.score - x.score || x.target.path.localeCompare(y.target.path));
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
