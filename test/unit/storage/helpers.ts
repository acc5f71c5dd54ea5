// Shared fixtures for storage tests: a real news excerpt and an analysis written by hand (the
// storage layer must not depend on the recognisers).
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ArticleAnalysis, SentenceLink } from '../../../server/src/engine/model';
import { segmentSentences } from '../../../server/src/engine/text/sentences';
import { buildSidecar } from '../../../server/src/storage/build';
import type { Sidecar } from '../../../server/src/storage/format';
import { sha256Hex } from '../../../server/src/storage/sidecarFile';

export const FIXTURES = path.resolve(__dirname, '../../fixtures');
export const articleText = readFileSync(path.join(FIXTURES, 'storage', 'article.txt'), 'utf8');

/** Span of the n-th (0-based) occurrence of s in text. */
export function spanOf(text: string, s: string, n = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(s, at + 1);
    if (at < 0) throw new Error(`fixture text lacks "${s}" #${n}`);
  }
  return { start: at, end: at + s.length };
}

export function handAnalysis(text: string, p = '/corpus/a.txt'): ArticleAnalysis {
  const ent = (s: string, type: 'PER' | 'ORG' | 'LOC' | 'MISC', n = 0, entity?: string) => ({ ...spanOf(text, s, n), type, text: s, entity });
  return {
    path: p,
    text,
    sentences: segmentSentences(text),
    tokens: [],
    entities: [
      ent('جو بايدن', 'PER', 0, 'PER:biden'),
      ent('سلطنة عُمان', 'LOC', 0, 'LOC:oman'),
      ent('أكسيوس', 'ORG', 0, 'ORG:axios'),
      ent('بريت ماكغورك', 'PER', 0, 'PER:mcgurk'),
    ],
    dates: [{ ...spanOf(text, 'هذا الأسبوع'), text: 'هذا الأسبوع', value: 'REF+P0W', kind: 'relative', resolved: null, explanation: [] }],
    quantities: [{ ...spanOf(text, 'اثنان'), text: 'اثنان', low: 2, high: 2 }],
    referenceDate: null,
  };
}

export function handLinks(text: string, p = '/corpus/a.txt'): SentenceLink[] {
  const s = segmentSentences(text);
  const first = s.find((x) => text.slice(x.start, x.end).includes('أجرى'))!;
  return [{
    from: { path: p, sentence: first.id, start: first.start, end: first.end },
    relation: 'corroborates',
    target: { path: '/corpus/b.txt', sentence: 's2', start: 10, end: 40, quote: 'أجريا محادثات غير مباشرة' },
    score: 0.8123456,
    reasons: [{ code: 'names', verdict: 'same', a: 'بايدن', b: 'بايدن' }],
  }];
}

export function handSidecar(text = articleText, previous: Sidecar | null = null): Sidecar {
  return buildSidecar({
    path: 'a.txt', text, sha256: sha256Hex(text), analysis: handAnalysis(text), links: handLinks(text), previous,
    relativePath: (t) => path.posix.relative('/corpus', t),
  });
}
