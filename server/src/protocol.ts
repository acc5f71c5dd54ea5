// The custom part of the Qarina protocol, shared by the client and the server (the one protocol
// module, as rust-analyzer's lsp_ext.ts). Everything a generic LSP editor can use goes through
// standard LSP requests; what is here serves VS Code-only UI (decorations that keep Arabic reading
// order, the annotations tree, navigation between corroborating passages).
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

export type HighlightKind = 'PER' | 'ORG' | 'LOC' | 'MISC' | 'DATE' | 'QUANTITY';

export interface HighlightSpan {
  kind: HighlightKind;
  /** LSP range (UTF-16 positions) of the span. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  status: 'suggested' | 'accepted' | 'rejected';
}

export interface HighlightsParams { uri: string }
export interface HighlightsResult { uri: string; version: number | null; spans: HighlightSpan[] }
/** The spans to paint in a document (entities, dates, quantities): the client draws them with
 *  background/border decorations, which keep Arabic word order, instead of semantic tokens. */
export const HighlightsRequest = new RequestType<HighlightsParams, HighlightsResult, void>('qarina/highlights');

export interface PassageLocation {
  uri: string;
  range: HighlightSpan['range'];
  relation: 'corroborates' | 'contradicts' | 'different-event';
  score: number;
  quote: string;
  reasons: string[];
  status: 'suggested' | 'accepted' | 'rejected';
  linkId: string;
}

export interface SentenceLinksParams { uri: string; position: { line: number; character: number } }
export interface SentenceLinksResult {
  /** The sentence at the position, or null when the position is outside every sentence. */
  sentence: { id: string; range: HighlightSpan['range'] } | null;
  passages: PassageLocation[];
}
/** Linked passages of the sentence at a position, best first (for next/previous navigation). */
export const SentenceLinksRequest = new RequestType<SentenceLinksParams, SentenceLinksResult, void>('qarina/sentenceLinks');

export interface CorpusStatus {
  articles: number;
  skipped: { path: string; reason: string }[];
  entities: number;
  links: { corroborates: number; contradicts: number; differentEvent: number };
  indexing: boolean;
}
export const StatusRequest = new RequestType0<CorpusStatus, void>('qarina/status');

/** Sent when a document's highlights, links or annotations changed, so the client repaints. */
export const AnnotationsChangedNotification = new NotificationType<{ uris: string[] }>('qarina/annotationsChanged');

export interface AnnotationTreeItem {
  label: string;
  description?: string;
  kind: 'group' | 'entity' | 'date' | 'quantity' | 'decision' | 'orphan' | 'note' | 'link';
  uri?: string;
  range?: HighlightSpan['range'];
  annotationId?: string;
  children?: AnnotationTreeItem[];
}
export interface AnnotationTreeParams { uri: string | null }
/** The "Annotations" view: the current article's annotations and the corpus's entities. */
export const AnnotationTreeRequest = new RequestType<AnnotationTreeParams, AnnotationTreeItem[], void>('qarina/annotationTree');

/** Commands the server executes (workspace/executeCommand); arguments are one JSON object. */
export const ServerCommands = {
  confirmLink: 'qarina.server.confirmLink',
  rejectLink: 'qarina.server.rejectLink',
  acceptAnnotation: 'qarina.server.acceptAnnotation',
  rejectAnnotation: 'qarina.server.rejectAnnotation',
  retypeEntity: 'qarina.server.retypeEntity',
  addEntity: 'qarina.server.addEntity',
  addDate: 'qarina.server.addDate',
  addNote: 'qarina.server.addNote',
  markChecked: 'qarina.server.markChecked',
  mergeEntities: 'qarina.server.mergeEntities',
  splitEntity: 'qarina.server.splitEntity',
  bulkAccept: 'qarina.server.bulkAccept',
  bulkRejectSurface: 'qarina.server.bulkRejectSurface',
  deleteOrphan: 'qarina.server.deleteOrphan',
  reattachOrphan: 'qarina.server.reattachOrphan',
  undo: 'qarina.server.undo',
  annotateFolder: 'qarina.server.annotateFolder',
  setReferenceDate: 'qarina.server.setReferenceDate',
} as const;
