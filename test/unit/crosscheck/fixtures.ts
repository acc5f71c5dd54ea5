// Small articles for the cross-checking tests: real sentences, with the facts the other
// recognisers would supply (names with canonical ids, dates, quantities) given by hand so that
// these tests check cross-checking alone.
import type { ArticleAnalysis, DateMention, EntityMention, EntityType, Quantity } from '../../../server/src/engine/model';
import { segmentSentences } from '../../../server/src/engine/text/sentences';
import { tokenize } from '../../../server/src/engine/text/tokens';

export interface Facts {
  entities?: { text: string; type: EntityType; entity: string }[];
  dates?: { text: string; value: string }[];
  quantities?: { text: string; low: number; high: number; unit?: string; unitStem?: string; percent?: boolean; qualifier?: string; value?: number; shape?: Quantity['shape'] }[];
}

function spanOf(text: string, part: string): { start: number; end: number } {
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`"${part}" not in text`);
  return { start, end: start + part.length };
}

export function article(path: string, text: string, facts: Facts = {}): ArticleAnalysis {
  const entities: EntityMention[] = (facts.entities ?? []).map((e) => ({ ...spanOf(text, e.text), text: e.text, type: e.type, entity: e.entity }));
  const dates: DateMention[] = (facts.dates ?? []).map((d) => ({ ...spanOf(text, d.text), text: d.text, value: d.value, kind: 'absolute', resolved: null, explanation: [] }));
  const quantities: Quantity[] = (facts.quantities ?? []).map((q) => ({ ...spanOf(text, q.text), ...q }));
  return {
    path, text, sentences: segmentSentences(text), tokens: tokenize(text),
    entities: entities.sort((a, b) => a.start - b.start), dates, quantities, referenceDate: null,
  };
}

/** An exact count as the quantity recogniser gives it ("30 قتيلا": 30, counted noun قتيل). */
export function exactCount(text: string, value: number, unitStem: string): NonNullable<Facts['quantities']>[number] {
  return { text, low: value, high: value, unitStem, value, shape: 'exact' };
}
