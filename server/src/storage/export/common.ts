// What every export shares: which annotations are exported (placed, not rejected) and where the
// output files go.
import type { Sidecar } from '../format';

export interface ExportItem {
  /** The article's path relative to the exported folder, '/'-separated (e.g. "world/a.txt"). */
  path: string;
  text: string;
  sidecar: Sidecar;
}

export interface ExportFile {
  /** Relative output path, '/'-separated. */
  file: string;
  content: string;
}

/** Rejected annotations are the user's "no", and orphans have no place in the current text. */
export function exported<T extends { status?: string; orphaned?: boolean; start: number; end: number }>(list: T[], text: string): T[] {
  return list
    .filter((x) => x.status !== 'rejected' && x.orphaned !== true && x.end > x.start && x.end <= text.length)
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

export function replaceExtension(p: string, ext: string): string {
  return p.replace(/\.(txt|md)$/i, '') + ext;
}
