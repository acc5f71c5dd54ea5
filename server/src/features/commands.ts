// The user's decisions as server commands (workspace/executeCommand): the client, code actions and
// any LSP editor send them; each one changes the sidecars (recorded for undo), re-analyses the
// articles it touches with the new decisions and saves. Arguments are one JSON object each, in the
// shapes client/src/annotationCommands.ts sends.
import type { Connection } from 'vscode-languageserver';
import { randomUUID } from 'crypto';
import type { EntityType } from '../engine/model';
import type { Anchored, Sidecar, SidecarEntity, Status } from '../storage/format';
import { makeAnchor } from '../storage/anchor';
import { linkKey } from '../storage/decisions';
import type { Annotations } from '../lsp/annotations';
import type { Workspace } from '../lsp/workspace';
import { dateAt, entityAt, linkId, positionInside, quantityAt, sentenceAtOffset } from '../lsp/queries';
import { ServerCommands } from '../protocol';
import { basename } from '../lsp/markdown';

type Pos = { line: number; character: number };
type RangeArg = { start: Pos; end: Pos };
export interface CommandResult { message: string; uris?: string[] }

const ENTITY_TYPES: EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];
const DATE_VALUE = /^(\d{4}|XXXX)(-(\d\d|XX|W\d\d|WXX))?(-(\d\d|\d|XX))?$|^REF[+-]P(\d+|X)[DWMY]$/;

export interface CommandContext {
  ws: Workspace;
  annotations: Annotations;
  /** Re-analyse these articles with their (changed) decisions, then repaint and save. */
  reanalyse: (uris: string[]) => Promise<void>;
  /** Write every article's sidecar now (the "Annotate folder" command). */
  writeAll: () => Promise<{ written: number; protectedFiles: number; articles: number }>;
}

const newId = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

class UserError extends Error {}

export function registerCommands(connection: Connection, ctx: CommandContext): void {
  const handlers = makeHandlers(ctx);
  connection.onExecuteCommand(async ({ command, arguments: args }) => {
    const handler = handlers[command];
    if (!handler) return { message: `Unknown command ${command}` };
    try {
      return await handler((args?.[0] ?? {}) as Record<string, any>);
    } catch (e) {
      // A bad argument or a stale position is the user's to know about, not a server crash.
      const message = e instanceof UserError ? e.message : `Failed: ${e instanceof Error ? e.message : String(e)}`;
      if (!(e instanceof UserError)) connection.console.error(`${command}: ${e instanceof Error ? e.stack : String(e)}`);
      void connection.window.showWarningMessage(`Qarina: ${message}`);
      return { message };
    }
  });
}

export function makeHandlers(ctx: CommandContext): Record<string, (a: Record<string, any>) => Promise<CommandResult>> {
  const { ws, annotations } = ctx;

  const article = (uri: unknown) => {
    if (typeof uri !== 'string') throw new UserError('No article given.');
    const a = ws.analysis(uri);
    if (!a || !annotations.sidecar(uri)) throw new UserError(`${basename(uri)} is not an analysed article.`);
    return a;
  };
  const offsetOf = (uri: string, p: unknown): number => {
    if (!isPos(p)) throw new UserError('No position given.');
    if (!positionInside(ws.document(uri)!, p)) throw new UserError(`Line ${p.line + 1}, character ${p.character + 1} is not in ${basename(uri)}.`);
    return ws.offset(uri, p);
  };
  const spanOf = (uri: string, r: unknown): { start: number; end: number } => {
    if (!r || typeof r !== 'object' || !isPos((r as RangeArg).start) || !isPos((r as RangeArg).end)) throw new UserError('No range given.');
    for (const p of [(r as RangeArg).start, (r as RangeArg).end]) if (!positionInside(ws.document(uri)!, p)) throw new UserError(`Line ${p.line + 1}, character ${p.character + 1} is not in ${basename(uri)}.`);
    let start = ws.offset(uri, (r as RangeArg).start), end = ws.offset(uri, (r as RangeArg).end);
    if (start > end) [start, end] = [end, start];
    const text = ws.document(uri)!.getText();
    // Trim spaces the selection caught; keep a letter with its marks (offsets stay on boundaries).
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (start === end) throw new UserError('The selection is empty.');
    return { start, end };
  };
  const textOf = (uri: string) => ws.document(uri)!.getText();
  const act = async (label: string, uris: string[], fn: (s: Map<string, Sidecar>) => void, message: string): Promise<CommandResult> => {
    annotations.change(label, uris, fn);
    await ctx.reanalyse(uris);
    return { message, uris };
  };

  /** The sidecar entry of the annotation at a position (entity, date or quantity), created if the analysis has it. */
  const annotationAt = (uri: string, s: Sidecar, offset: number, kind?: string): { list: (Anchored & { status: Status; origin: string })[]; item: Anchored & { status: Status; origin: string }; kind: string } => {
    const a = ws.analysis(uri)!;
    const tryKind = (k: 'entity' | 'date' | 'quantity') => {
      const found = k === 'entity' ? entityAt(a, offset) : k === 'date' ? dateAt(a, offset) : quantityAt(a, offset);
      const list = (k === 'entity' ? s.entities : k === 'date' ? s.dates : s.quantities) as (Anchored & { status: Status; origin: string })[];
      // Rejected items are no longer in the analysis: look in the sidecar too.
      const item = found
        ? list.find((x) => !x.orphaned && x.start === found.start && x.end === found.end)
        : list.find((x) => !x.orphaned && x.start <= offset && offset < x.end);
      return item ? { list, item, kind: k } : null;
    };
    const order: ('entity' | 'date' | 'quantity')[] = kind === 'date' ? ['date', 'entity', 'quantity'] : kind === 'quantity' ? ['quantity', 'entity', 'date'] : ['entity', 'date', 'quantity'];
    for (const k of order) {
      const r = tryKind(k);
      if (r) return r;
    }
    throw new UserError('There is no entity, date or number here.');
  };

  const setStatus = (status: Status, verb: string) => async (args: Record<string, any>) => {
    const uri = args.uri as string;
    article(uri);
    const s = annotations.sidecar(uri)!;
    const { item, kind } = annotationAt(uri, s, offsetOf(uri, args.position), args.kind);
    return act(`${verb} «${item.text}»`, [uri], (m) => {
      const cur = m.get(uri)!;
      const list = (kind === 'entity' ? cur.entities : kind === 'date' ? cur.dates : cur.quantities) as (Anchored & { status: Status })[];
      const x = list.find((y) => y.id === item.id);
      if (x) x.status = status;
    }, `${verb} «${item.text}» (${kind})`);
  };

  const decideLink = (status: Status, verb: string) => async (args: Record<string, any>): Promise<CommandResult> => {
    const id = args.linkId;
    if (typeof id !== 'string') throw new UserError('No link given.');
    const link = ws.corpus.allLinks().find((l) => linkId(l) === id);
    if (!link) throw new UserError('That link no longer exists (the text changed).');
    const uris = [link.from.path, link.target.path];
    for (const u of uris) article(u);
    return act(`${verb} link`, uris, (m) => {
      // Both directions of the pair: a rejected contradiction is rejected from either side.
      for (const [from, to, fromSpan, quote] of [
        [link.from.path, link.target.path, link.from, link.target.quote],
        [link.target.path, link.from.path, link.target, textOf(link.from.path).slice(link.from.start, link.from.end)],
      ] as const) {
        const s = m.get(from)!;
        const toRel = relativeTo(from, to);
        const want = linkKey(fromSpan, toRel, quote);
        for (const l of s.links) if (!l.orphaned && linkKey(l, l.target.path, l.target.quote) === want) l.status = status;
      }
    }, `${verb} the link to ${basename(link.target.path)}`);
  };

  return {
    [ServerCommands.acceptAnnotation]: setStatus('accepted', 'Accepted'),
    [ServerCommands.rejectAnnotation]: setStatus('rejected', 'Rejected'),

    [ServerCommands.retypeEntity]: async (args) => {
      const uri = args.uri as string;
      article(uri);
      if (!ENTITY_TYPES.includes(args.type)) throw new UserError(`Unknown entity type ${args.type}.`);
      const s = annotations.sidecar(uri)!;
      const { item } = annotationAt(uri, s, offsetOf(uri, args.position), 'entity');
      return act(`Retype «${item.text}»`, [uri], (m) => {
        const x = m.get(uri)!.entities.find((y) => y.id === item.id);
        if (x) Object.assign(x, { type: args.type, origin: 'user', status: 'accepted' });
      }, `«${item.text}» is now ${args.type}`);
    },

    [ServerCommands.addEntity]: async (args) => {
      const uri = args.uri as string;
      article(uri);
      if (!ENTITY_TYPES.includes(args.type)) throw new UserError(`Unknown entity type ${args.type}.`);
      const span = spanOf(uri, args.range);
      const anchor = makeAnchor(textOf(uri), span.start, span.end);
      return act(`Add «${anchor.text}»`, [uri], (m) => {
        const s = m.get(uri)!;
        // The user's name replaces suggestions it overlaps.
        s.entities = s.entities.filter((x) => x.orphaned || x.origin === 'user' || x.status !== 'suggested' || x.end <= span.start || x.start >= span.end);
        const e: SidecarEntity = { id: newId('e'), ...anchor, type: args.type, entity: null, origin: 'user', status: 'accepted' };
        s.entities.push(e);
      }, `Added «${anchor.text}» as ${args.type}`);
    },

    [ServerCommands.addDate]: async (args) => {
      const uri = args.uri as string;
      article(uri);
      if (typeof args.value !== 'string' || !DATE_VALUE.test(args.value)) throw new UserError(`«${args.value}» is not a TIMEX-like value.`);
      const span = spanOf(uri, args.range);
      const anchor = makeAnchor(textOf(uri), span.start, span.end);
      return act(`Add date «${anchor.text}»`, [uri], (m) => {
        const s = m.get(uri)!;
        s.dates = s.dates.filter((x) => x.orphaned || x.origin === 'user' || x.status !== 'suggested' || x.end <= span.start || x.start >= span.end);
        s.dates.push({ id: newId('d'), ...anchor, value: args.value, resolved: null, origin: 'user', status: 'accepted' });
      }, `Added the date «${anchor.text}» = ${args.value}`);
    },

    [ServerCommands.addNote]: async (args) => {
      const uri = args.uri as string;
      article(uri);
      if (typeof args.text !== 'string' || !args.text.trim()) throw new UserError('The note is empty.');
      const span = spanOf(uri, args.range);
      const anchor = makeAnchor(textOf(uri), span.start, span.end);
      return act('Add note', [uri], (m) => {
        m.get(uri)!.notes.push({ id: newId('n'), ...anchor, body: args.text.trim(), created: new Date().toISOString() });
      }, 'Note added');
    },

    [ServerCommands.markChecked]: async (args) => {
      const uri = args.uri as string;
      const a = article(uri);
      const sentence = sentenceAtOffset(a, offsetOf(uri, args.position));
      if (!sentence) throw new UserError('There is no sentence here.');
      const existing = annotations.sidecar(uri)!.checks.find((c) => !c.orphaned && c.start === sentence.start && c.end === sentence.end);
      return act(existing ? 'Unmark checked' : 'Mark checked', [uri], (m) => {
        const s = m.get(uri)!;
        if (existing) s.checks = s.checks.filter((c) => c.id !== existing.id);
        else s.checks.push({ id: newId('c'), ...makeAnchor(textOf(uri), sentence.start, sentence.end), sentence: sentence.id, checked: new Date().toISOString() });
      }, existing ? 'Sentence no longer marked as checked' : 'Sentence marked as checked');
    },

    [ServerCommands.mergeEntities]: async (args) => {
      const ids: string[] = [];
      for (const side of [args.a, args.b]) {
        if (!side || typeof side.uri !== 'string') throw new UserError('Two entities are needed.');
        const a = article(side.uri);
        const e = entityAt(a, offsetOf(side.uri, side.position));
        if (!e?.entity) throw new UserError('There is no entity at one of the two places.');
        ids.push(e.entity);
      }
      if (ids[0] === ids[1]) return { message: 'These are already the same entity.' };
      const uri = args.a.uri as string;
      return act('Merge entities', [uri], (m) => {
        m.get(uri)!.corpus.merges.push({ id: newId('m'), into: ids[0], from: ids[1] });
      }, `Merged ${ids[1]} into ${ids[0]}`).then(async (r) => {
        await ctx.reanalyse(ws.uris());
        return r;
      });
    },

    [ServerCommands.splitEntity]: async (args) => {
      const uri = args.uri as string;
      const a = article(uri);
      const e = entityAt(a, offsetOf(uri, args.position));
      if (!e?.entity) throw new UserError('There is no linked entity here.');
      return act(`Split «${e.text}»`, [uri], (m) => {
        m.get(uri)!.corpus.splits.push({ id: newId('x'), ...makeAnchor(textOf(uri), e.start, e.end), from: e.entity! });
      }, `«${e.text}» split off ${e.entity}`).then(async (r) => {
        await ctx.reanalyse(ws.uris());
        return r;
      });
    },

    [ServerCommands.bulkAccept]: async (args) => {
      const uri = args.uri as string;
      article(uri);
      const type = args.type as string;
      if (type !== 'DATE' && !ENTITY_TYPES.includes(type as EntityType)) throw new UserError(`Unknown type ${type}.`);
      let n = 0;
      return act(`Accept all ${type}`, [uri], (m) => {
        const s = m.get(uri)!;
        const list: (Anchored & { status: Status; type?: string })[] = type === 'DATE' ? s.dates : s.entities.filter((x) => x.type === type);
        for (const x of list) if (!x.orphaned && x.status === 'suggested') { x.status = 'accepted'; n++; }
      }, `Accepted every suggested ${type}`).then((r) => ({ ...r, message: `Accepted ${n} suggested ${type}` }));
    },

    [ServerCommands.bulkRejectSurface]: async (args) => {
      const uri = args.uri as string;
      const a = article(uri);
      const e = entityAt(a, offsetOf(uri, args.position));
      if (!e) throw new UserError('There is no entity here.');
      return act(`Reject every «${e.text}»`, [uri], (m) => {
        m.get(uri)!.corpus.rejectedSurfaces.push({ id: newId('r'), text: e.text });
      }, `«${e.text}» rejected in every article`).then(async (r) => {
        await ctx.reanalyse(ws.uris());
        return r;
      });
    },

    [ServerCommands.confirmLink]: decideLink('accepted', 'Confirmed'),
    [ServerCommands.rejectLink]: decideLink('rejected', 'Rejected'),

    [ServerCommands.deleteOrphan]: async (args) => {
      const uri = args.uri as string;
      article(uri);
      return act('Delete orphaned annotation', [uri], (m) => {
        const s = m.get(uri)!;
        const keep = (x: Anchored) => !(x.orphaned && x.id === args.id);
        s.entities = s.entities.filter(keep); s.dates = s.dates.filter(keep); s.quantities = s.quantities.filter(keep);
        s.links = s.links.filter(keep); s.notes = s.notes.filter(keep); s.checks = s.checks.filter(keep);
        s.corpus.splits = s.corpus.splits.filter(keep);
      }, 'Orphaned annotation deleted');
    },

    [ServerCommands.reattachOrphan]: async (args) => {
      const uri = args.uri as string;
      article(uri);
      const span = spanOf(uri, args.range);
      const anchor = makeAnchor(textOf(uri), span.start, span.end);
      return act('Re-attach annotation', [uri], (m) => {
        const s = m.get(uri)!;
        for (const list of [s.entities, s.dates, s.quantities, s.links, s.notes, s.checks, s.corpus.splits] as Anchored[][]) {
          for (const x of list) if (x.id === args.id && x.orphaned) { Object.assign(x, anchor); delete x.orphaned; }
        }
      }, `Re-attached to «${anchor.text}»`);
    },

    [ServerCommands.setReferenceDate]: async (args) => {
      const uri = args.uri as string;
      article(uri);
      const date = args.date ?? null;
      if (date !== null && !(typeof date === 'string' && /^\d{4}-\d\d-\d\d$/.test(date) && !Number.isNaN(Date.parse(date)))) throw new UserError(`«${date}» is not a date (YYYY-MM-DD).`);
      return act('Set reference date', [uri], (m) => {
        const d = m.get(uri)!.document;
        d.referenceDate = date;
        d.referenceDateSource = date ? 'user' : null;
      }, date ? `Reference date set to ${date}` : 'Reference date cleared');
    },

    [ServerCommands.undo]: async () => {
      const r = annotations.undo();
      if (!r) return { message: 'Nothing to undo.' };
      await ctx.reanalyse(r.uris);
      return { message: `Undone: ${r.label}`, uris: r.uris };
    },

    [ServerCommands.annotateFolder]: async () => {
      const r = await ctx.writeAll();
      const kept = r.protectedFiles ? `; ${r.protectedFiles} sidecar(s) left untouched because they could not be read (see the output)` : '';
      return { message: `Annotated ${r.articles} articles, ${r.written} sidecar(s) written${kept}` };
    },
  };
}

function isPos(p: unknown): p is Pos {
  return !!p && typeof p === 'object' && Number.isInteger((p as Pos).line) && Number.isInteger((p as Pos).character);
}

/** A target path as sidecars store it: relative to the folder of the article that links. */
function relativeTo(fromUri: string, toUri: string): string {
  const a = fromUri.split('/'), b = toUri.split('/');
  let i = 0;
  while (i < a.length - 1 && i < b.length - 1 && a[i] === b[i]) i++;
  return [...Array(a.length - 1 - i).fill('..'), ...b.slice(i)].map(decodeURIComponent).join('/');
}
