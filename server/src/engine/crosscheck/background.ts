// The background vocabulary (server/models/background.json, written by `npm run train:background`):
// how many sentences of general Arabic text — news, Wikipedia, news headlines — hold each matching
// key. It makes a word's weight as evidence say how informative the word is in general, not in the
// folder being read.
import raw from '../../../models/background.json';

export interface Background {
  about: string;
  attribution: string;
  docs: number;
  df: Record<string, number>;
}

export const background: Background = raw as Background;
