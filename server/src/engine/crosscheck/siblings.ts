// What one article says elsewhere about a pair of sentences it takes part in. A contradiction is
// judged from two sentences alone; but when each article also states the other's version — one
// congratulation cable to the president of the Maldives and one to the president of Liberia, in
// both newspapers — the two names are two events the articles both report, not two versions of
// one fact. Only the pairs between the same two articles are needed, so an update of either
// article settles it again (CrossChecker.update judges all of them at once).
import type { PreparedSentence } from './prepare';
import type { Verdict } from './classify';

export interface Judged {
  a: PreparedSentence;
  b: PreparedSentence;
  v: Verdict;
}

/**
 * The judged pairs without the name clashes that an article itself resolves: a contradiction that
 * rests only on another name in the same slot is dropped when a sentence of b's article states
 * a's version (corroborates a), or a sentence of a's article states b's version.
 */
export function withoutReportedTwice(judged: Judged[]): Judged[] {
  const clashes = judged.filter(isNameClash);
  if (!clashes.length) return judged;
  // Corroborating partners of each sentence, to look up "another sentence of that article".
  const corroborated = new Map<PreparedSentence, PreparedSentence[]>();
  const note = (x: PreparedSentence, y: PreparedSentence) => {
    const list = corroborated.get(x);
    if (list) list.push(y);
    else corroborated.set(x, [y]);
  };
  for (const { a, b, v } of judged) if (v.relation === 'corroborates') { note(a, b); note(b, a); }
  const statesOther = (x: PreparedSentence, y: PreparedSentence) => (corroborated.get(y) ?? []).some((z) => z !== x && z.path === x.path);
  const dropped = new Set(clashes.filter(({ a, b }) => statesOther(a, b) || statesOther(b, a)));
  return dropped.size ? judged.filter((j) => !dropped.has(j)) : judged;
}

/** A contradiction whose every clash is another name in the same slot (a contradiction's reasons
 *  are its clashes, classify.ts). */
function isNameClash(j: Judged): boolean {
  return j.v.relation === 'contradicts' && j.v.reasons.every((r) => r.code === 'names');
}
