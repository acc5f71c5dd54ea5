// Export of sidecars to formats other tools read.
import { exportBrat } from './brat';
import type { ExportFile, ExportItem } from './common';
import { exportJsonl } from './jsonl';
import { exportW3c } from './w3c';

export type ExportFormat = 'brat' | 'w3c' | 'jsonl';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['brat', 'w3c', 'jsonl'];
export type { ExportFile, ExportItem };

export function exportCorpus(format: ExportFormat, items: ExportItem[]): ExportFile[] {
  const sorted = [...items].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  switch (format) {
    case 'brat': return exportBrat(sorted);
    case 'w3c': return exportW3c(sorted);
    case 'jsonl': return exportJsonl(sorted);
  }
}
