// One string per distinct word form in the main thread's tokens. Facts that come from a worker
// thread or from the analysis cache carry their own copy of every token's text, norm and stem
// (three strings per token: ~90 bytes), though most tokens repeat a form seen before: 1,000 news
// articles hold ~310,000 tokens of far fewer forms. Tokens are given the copy seen first instead,
// equal strings, so the analysis is the same.
import type { Token } from '../engine/model';

/** The first copy of each form seen, cleared when it grows past FORMS (forms are kept while any
 *  token holds them, whatever happens to this table). */
const forms = new Map<string, string>();
const FORMS = 300_000;

function one(s: string): string {
  const seen = forms.get(s);
  if (seen !== undefined) return seen;
  if (forms.size >= FORMS) forms.clear();
  forms.set(s, s);
  return s;
}

/** Replaces each token's text, norm and stem by the first equal string seen. */
export function internTokens(tokens: Token[]): void {
  for (const t of tokens) {
    t.text = one(t.text);
    t.norm = one(t.norm);
    t.stem = one(t.stem);
  }
}
