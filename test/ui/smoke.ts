// The UI smoke test: drives the real VS Code workbench (code-server in headless Chromium) the way
// a person does — Ctrl+P to open an article, the mouse over words, the command palette — and
// checks what is on screen:
//  - hovering a word of a linked sentence shows the corroborating passages (screenshot hover.png);
//  - hovering a highlighted name shows what it is;
//  - reading order (shared/notes/arabic-in-vscode.md): on each highlighted Arabic line, consecutive
//    words in logical order are laid out right to left, and every highlight box covers exactly the
//    text it belongs to. Semantic-token colouring breaks the first; this catches a regression to it;
//  - Add note from the command palette lands in the sidecar;
//  - CodeLens rows are seen whole, on a story paragraph of many sentences on one line too;
//  - a contradiction's message reads cleanly (the other passage last, in right-to-left order), and
//    the hostile article text it quotes (HTML, command links) shows as text.
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { waitFor } from '../support/waitFor';

// Browser-side code runs inside page.evaluate; the project compiles without the DOM library.
declare const document: any;

export interface SmokeOptions {
  /** Workbench URL with the workspace folder and the extension under development. */
  url: string;
  workspace: string;
  outDir: string;
}

export interface SmokeResult { passed: number; failed: number; lines: string[] }

/** Articles made from the samples in the workspace beside them (runCodeServer.ts writes them):
 *  two samples' paragraphs as one line, and an article that contradicts the samples with hostile
 *  text in its sentences (test/support/samples.ts). */
export const PARAGRAPH_ARTICLE = '005_paragraph.txt';
export const CLASH_ARTICLE = '006_clash.txt';
/** A two-article story of real headlines (test/fixtures/stories/ahvaz): one toll as 29 and as 53 killed. */
export const STORY_ARTICLES = ['ahvaz-1.txt', 'ahvaz-2.txt'];

const EDITOR = '.editor-instance .monaco-editor';
const HOVER = `${EDITOR} .monaco-hover:not(.hidden) .monaco-hover-content`;
const OUR_DECORATION = `${EDITOR} .view-overlays [class*="ced-"]`;

const poll = <T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined | null | false>): Promise<T> => waitFor(what, probe, timeoutMs, 200);

const clean = (s: string) => s.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();

interface Box { left: number; right: number; top: number; bottom: number }
interface WordBox extends Box { text: string; start: number; end: number }
interface Highlight { box: Box; text: string; start: number; end: number; coverage: number; missing: number; extra: number; contiguous: boolean }
interface LineMeasure {
  index: number;
  text: string;
  box: Box;
  pairs: number;
  outOfOrder: string[];
  highlights: Highlight[];
  words: WordBox[];
}

/** Measures every rendered editor line: word boxes (DOM Range over the line's text nodes),
 *  consecutive Arabic word pairs whose later word is not left of the earlier one, and for each of
 *  Qarina's highlight boxes the text under it and how well it covers that text. */
function measureInPage(sel: { editor: string; decoration: string }): LineMeasure[] {
  const editor = document.querySelector(sel.editor);
  if (!editor) return [];
  const LETTER = /[\u0621-\u063A\u0641-\u064A\u0671-\u06D3]/;
  const WORD = /[\u0621-\u063A\u0640-\u065F\u0670-\u06D3]+/g;
  const boxOf = (r: any): Box => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
  const decorations: Box[] = [...document.querySelectorAll(sel.decoration)].map((el: any) => boxOf(el.getBoundingClientRect())).filter((b: Box) => b.right - b.left > 0);
  const out: LineMeasure[] = [];
  const lines = [...editor.querySelectorAll('.view-lines .view-line')];
  lines.forEach((line: any, index: number) => {
    // Map line offsets to (text node, offset).
    const nodes: { node: any; start: number }[] = [];
    const walker = document.createTreeWalker(line, 4 /* SHOW_TEXT */);
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n, start: text.length });
      text += n.nodeValue;
    }
    const rangeBox = (start: number, end: number): Box | null => {
      const r = document.createRange();
      const at = (off: number, isEnd: boolean) => {
        for (let i = nodes.length - 1; i >= 0; i--) {
          if (nodes[i].start < off || (nodes[i].start === off && !isEnd)) return { node: nodes[i].node, offset: off - nodes[i].start };
        }
        return { node: nodes[0].node, offset: 0 };
      };
      const s = at(start, false), e = at(end, true);
      r.setStart(s.node, s.offset);
      r.setEnd(e.node, e.offset);
      const rects = [...r.getClientRects()].filter((x: any) => x.width > 0);
      if (rects.length === 0) return null;
      return { left: Math.min(...rects.map((x: any) => x.left)), right: Math.max(...rects.map((x: any) => x.right)), top: Math.min(...rects.map((x: any) => x.top)), bottom: Math.max(...rects.map((x: any) => x.bottom)) };
    };
    if (nodes.length === 0 || !LETTER.test(text)) return;
    const lb = boxOf(line.getBoundingClientRect());
    const words: WordBox[] = [];
    for (const m of text.matchAll(WORD)) {
      const b = rangeBox(m.index!, m.index! + m[0].length);
      if (b) words.push({ ...b, text: m[0], start: m.index!, end: m.index! + m[0].length });
    }
    const outOfOrder: string[] = [];
    let pairs = 0;
    for (let i = 0; i + 1 < words.length; i++) {
      const a = words[i], b = words[i + 1];
      // Only words separated by spaces: a Latin word or a number in between legitimately
      // changes the visual order of an Arabic run inside a left-to-right line.
      if (!/^[\s\u00a0]+$/.test(text.slice(a.end, b.start))) continue;
      pairs++;
      const ca = (a.left + a.right) / 2, cb = (b.left + b.right) / 2;
      if (!(cb < ca)) outOfOrder.push(`«${a.text}» then «${b.text}»: x ${ca.toFixed(0)} → ${cb.toFixed(0)}`);
    }
    const mid = (lb.top + lb.bottom) / 2;
    const highlights: Highlight[] = [];
    for (const d of decorations) {
      if (d.top > mid || d.bottom < mid) continue;
      // The characters drawn under the box, in logical order.
      const covered: number[] = [];
      const all: number[] = [];
      for (let i = 0; i < text.length; i++) {
        if (/[\s\u00a0]/.test(text[i])) continue;
        const c = rangeBox(i, i + 1);
        if (!c) continue;
        all.push(i);
        const cx = (c.left + c.right) / 2;
        if (cx > d.left && cx < d.right) covered.push(i);
      }
      if (covered.length === 0) continue;
      const lo = covered[0], hi = covered[covered.length - 1];
      const contiguous = all.filter((i) => i >= lo && i <= hi).length === covered.length;
      let end = hi + 1;
      while (end < text.length && /[\u064B-\u065F\u0670]/.test(text[end])) end++;
      const t = rangeBox(lo, end)!;
      const overlap = Math.max(0, Math.min(d.right, t.right) - Math.max(d.left, t.left));
      const width = t.right - t.left;
      highlights.push({ box: d, text: text.slice(lo, end), start: lo, end, coverage: overlap / width, missing: width - overlap, extra: d.right - d.left - width, contiguous });
    }
    out.push({ index, text, box: lb, pairs, outOfOrder, highlights, words });
  });
  return out;
}

interface LensRow { text: string; left: number; right: number; scrollWidth: number; clientWidth: number; tooltips: string[] }

/** Every CodeLens row of the editor: its text, box, whether its text overflows, its tooltips; and
 *  the editor's text area (the scrollbar draws over its right edge). */
function lensRowsInPage(editorSel: string): { rows: LensRow[]; area: { left: number; right: number; scrollbar: number } } {
  const ed = document.querySelector(editorSel);
  const guard = ed.querySelector('.overflow-guard').getBoundingClientRect();
  const bar = ed.querySelector('.scrollbar.vertical');
  const rows = [...ed.querySelectorAll('.codelens-decoration')].map((el: any) => {
    const r = el.getBoundingClientRect();
    return { text: el.textContent, left: r.left, right: r.right, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, tooltips: [...el.querySelectorAll('a')].map((a: any) => a.getAttribute('title') ?? '') };
  });
  return { rows, area: { left: guard.left, right: guard.right, scrollbar: bar ? bar.getBoundingClientRect().width : 0 } };
}

/** Arabic words and numbers of an element's text, in logical order, with their boxes: pairs on one
 *  visual line separated only by spaces, an ellipsis or isolates must run right to left. */
function wordOrderInPage(sel: { root: string; startsWith: string }): { text: string; pairs: number; outOfOrder: string[] } | null {
  const root = document.querySelector(sel.root);
  if (!root) return null;
  // VS Code renders a message's line breaks as <br>: text nodes and <br> only.
  const el = [...root.querySelectorAll('*')].find((e: any) => (e.textContent as string).startsWith(sel.startsWith) && [...e.childNodes].every((c: any) => c.nodeType === 3 || c.nodeName === 'BR'));
  if (!el) return null;
  let t = '';
  const words: { w: string; s: number; e: number; x: number; y: number }[] = [];
  for (const node of [...el.childNodes] as any[]) {
    if (node.nodeType !== 3) { t += '\n'; continue; }
    const v = node.nodeValue as string;
    for (const m of v.matchAll(/[\u0621-\u064A\u0660-\u0669]+|[0-9]+/g) as any) {
      const r = document.createRange();
      r.setStart(node, m.index);
      r.setEnd(node, m.index + m[0].length);
      const b = r.getClientRects()[0];
      if (b) words.push({ w: m[0], s: t.length + m.index, e: t.length + m.index + m[0].length, x: (b.left + b.right) / 2, y: Math.round(b.top) });
    }
    t += v;
  }
  let pairs = 0;
  const outOfOrder: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i], b = words[i + 1];
    if (a.y !== b.y || !/^[\s\u2066-\u2069\u2026]+$/.test(t.slice(a.e, b.s)) || (/^[0-9]+$/.test(a.w) && /^[0-9]+$/.test(b.w))) continue;
    pairs++;
    if (!(b.x < a.x)) outOfOrder.push(`«${a.w}» then «${b.w}»: x ${a.x.toFixed(0)} → ${b.x.toFixed(0)}`);
  }
  return { text: t, pairs, outOfOrder };
}

export async function runSmoke(page: Page, o: SmokeOptions): Promise<SmokeResult> {
  fs.mkdirSync(o.outDir, { recursive: true });
  for (const f of fs.readdirSync(o.outDir)) if (/\.(png|json)$/.test(f)) fs.rmSync(path.join(o.outDir, f));
  const lines: string[] = [];
  let passed = 0, failed = 0;
  const check = async (name: string, fn: () => Promise<string | void>) => {
    const t0 = Date.now();
    try {
      const detail = await fn();
      passed++;
      lines.push(`  ✔ ui › ${name} (${Date.now() - t0} ms)${detail ? `\n      ${detail}` : ''}`);
    } catch (e) {
      failed++;
      lines.push(`  ✘ ui › ${name}\n      ${e instanceof Error ? e.message : String(e)}`);
      await page.screenshot({ path: path.join(o.outDir, `failed-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`) }).catch(() => undefined);
    }
  };
  const article = fs.readdirSync(o.workspace).filter((n) => /^000_.*\.txt$/.test(n))[0];
  const measure = async () => {
    // Everything below is about the article opened with Ctrl+P: make sure it is still the one shown.
    const tab = clean((await page.locator('.tabs-container .tab.active').first().textContent()) ?? '');
    if (!tab.includes(article)) throw new Error(`the active editor is «${tab}», not ${article}`);
    return page.evaluate(measureInPage, { editor: EDITOR, decoration: OUR_DECORATION });
  };
  const hoverAt = async (x: number, y: number, want: RegExp, timeoutMs = 15_000) => {
    // Start from no hover, as a reader who moves the mouse onto a word.
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await poll('the previous hover to close', 5_000, async () => (await page.locator(HOVER).count()) === 0);
    await page.mouse.move(x, y, { steps: 3 });
    let seen = '';
    try {
      return await poll(`a hover matching ${want} at (${x.toFixed(0)}, ${y.toFixed(0)})`, timeoutMs, async () => {
        seen = clean((await page.locator(HOVER).allTextContents()).join('\n'));
        return want.test(seen) ? seen : undefined;
      });
    } catch (e) {
      throw new Error(`${e instanceof Error ? e.message : String(e)}; hover text seen: ${JSON.stringify(seen.slice(0, 300))}`);
    }
  };

  // tsx compiles with esbuild's keepNames, which wraps inner functions in __name(); the browser
  // side of page.evaluate needs that helper too.
  await page.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  await page.goto(o.url);

  /** Ctrl+P, the file name, Enter; then wait for the text, Qarina's highlights and CodeLens, and a
   *  layout that no longer moves (CodeLens rows arrive a little later and push the lines down). */
  /** The hover at the cursor, as a keyboard user opens it (F1, Show or Focus Hover), once its text matches. */
  const hoverAtCursor = async (what: string, expected: RegExp): Promise<string> => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.type('Show or Focus Hover');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show or Focus Hover' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    return poll(what, 15_000, async () => {
      const t = clean((await page.locator(HOVER).allTextContents()).join('\n'));
      return expected.test(t) ? t : undefined;
    });
  };
  const openWithCtrlP = async (name: string) => {
    // Quick Open lists a file once the workbench's file search has answered; when the typed name
    // went to another widget or the search came late, the palette is opened again (up to three
    // times) rather than waited on longer.
    for (let attempt = 1; ; attempt++) {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      // Focus the workbench without clicking into an article (a click on a sentence moves the
      // cursor, and Control held over it underlines it as a link to its passages).
      if ((await page.locator(`${EDITOR}`).count()) === 0) await page.locator('.monaco-workbench .part.editor').click();
      else await page.locator('.tabs-container .tab.active').first().click();
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
      await page.keyboard.type(name);
      try {
        await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 10_000 });
        break;
      } catch (e) {
        if (attempt >= 3) throw e;
        console.log(`      Quick Open did not list ${name} (attempt ${attempt}): opening it again`);
      }
    }
    await page.keyboard.press('Enter');
    await poll(`${name} in the active tab`, 10_000, async () => clean((await page.locator('.tabs-container .tab.active').first().textContent()) ?? '').startsWith(name));
    await page.locator(`${EDITOR} .view-line`).first().waitFor({ timeout: 10_000 });
    await poll('the article text in the editor', 10_000, async () => ((await page.locator(`${EDITOR} .view-lines`).textContent()) ?? '').match(/[\u0621-\u064A]{3}/));
    await poll('Qarina highlights in the editor', 90_000, async () => (await page.locator(OUR_DECORATION).count()) > 0);
    await poll('CodeLens above the linked sentences', 60_000, async () => (await page.locator(`${EDITOR} .codelens-decoration`).count()) > 0);
    let previous = '', same = 0;
    await poll('the editor layout to settle', 20_000, async () => {
      const now = JSON.stringify(await page.locator(`${EDITOR} .view-line`).evaluateAll((els: any[]) => els.slice(0, 30).map((e) => Math.round(e.getBoundingClientRect().top)))) + (await page.locator(`${EDITOR} .codelens-decoration`).allTextContents()).join('|');
      same = now === previous ? same + 1 : 0;
      previous = now;
      return same >= 3;
    });
  };

  /** Every CodeLens row on screen must show its whole text inside the editor. */
  const lensRowsWhole = async (): Promise<string> => {
    const { rows, area } = await page.evaluate(lensRowsInPage, EDITOR);
    if (rows.length === 0) throw new Error('no CodeLens on screen');
    const problems: string[] = [];
    for (const r of rows) {
      if (r.scrollWidth > r.clientWidth + 1) problems.push(`clipped: ${r.scrollWidth} px of text in ${r.clientWidth} px: ${r.text.slice(0, 120)}`);
      if (r.right > area.right + 1 || r.left < area.left - 1) problems.push(`outside the editor (${r.left.toFixed(0)}–${r.right.toFixed(0)}, editor ${area.left.toFixed(0)}–${area.right.toFixed(0)}): ${r.text.slice(0, 120)}`);
      if (r.tooltips.some((t) => !/«.+»: \d/.test(t))) problems.push(`a lens without the tooltip that names its sentence: ${JSON.stringify(r.tooltips)}`);
    }
    if (problems.length) throw new Error(problems.join('\n      '));
    const under = rows.filter((r) => r.right > area.right - area.scrollbar).length;
    return `${rows.length} rows whole, the widest ${Math.max(...rows.map((r) => r.right - r.left)).toFixed(0)} px of ${(area.right - area.left).toFixed(0)}${under ? ` (${under} reach under the scrollbar, where VS Code right-aligns a row above an Arabic line)` : ''}: ${rows.map((r) => r.text).join(' ‖ ').slice(0, 300)}`;
  };

  await check('open the article with Ctrl+P', async () => {
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The explorer shows the workspace once the workbench is ready for input.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    await openWithCtrlP(article);
    await page.screenshot({ path: path.join(o.outDir, 'editor.png') });
    return `opened ${article}; ${await page.locator(OUR_DECORATION).count()} highlight boxes on screen`;
  });

  await check('reading order: highlighted Arabic lines read right to left and highlights cover their names', async () => {
    const measured = await measure();
    const highlighted = measured.filter((l) => l.highlights.length > 0);
    if (highlighted.length === 0) throw new Error('no highlighted Arabic line on screen');
    const problems: string[] = [];
    let pairs = 0, boxes = 0;
    for (const l of highlighted) {
      pairs += l.pairs;
      for (const p of l.outOfOrder) problems.push(`line ${l.index + 1}: ${p}`);
      for (const h of l.highlights) {
        boxes++;
        if (!h.contiguous) problems.push(`line ${l.index + 1}: the highlight over «${h.text}» covers text that is not contiguous in reading order`);
        // Monaco places boxes from its own whole-pixel measurements: allow 1.5 px either side.
        if (h.missing > 1.5) problems.push(`line ${l.index + 1}: the highlight leaves ${h.missing.toFixed(1)} px of «${h.text}» (${(h.coverage * 100).toFixed(1)}%) uncovered`);
        if (h.extra > 3) problems.push(`line ${l.index + 1}: the highlight over «${h.text}» is ${h.extra.toFixed(1)} px wider than it`);
      }
    }
    fs.writeFileSync(path.join(o.outDir, 'reading-order.json'), JSON.stringify(highlighted.map(({ words: _w, ...l }) => l), null, 2));
    if (pairs === 0) throw new Error('no pair of consecutive Arabic words on the highlighted lines');
    if (problems.length) throw new Error(`${problems.length} reading-order problem(s) on ${highlighted.length} highlighted lines:\n      ${problems.slice(0, 12).join('\n      ')}`);
    return `${highlighted.length} highlighted lines, ${pairs} word pairs in right-to-left order, ${boxes} highlight boxes covering their text`;
  });

  await check('hover on a highlighted name says what it is', async () => {
    const measured = await measure();
    const h = measured.flatMap((l) => l.highlights).find((x) => x.text.length >= 3);
    if (!h) throw new Error('no highlighted name on screen');
    const text = await hoverAt((h.box.left + h.box.right) / 2, (h.box.top + h.box.bottom) / 2, /Person|Place|Organisation|Other name|Date|Quantity|شخص|مكان|منظمة|تاريخ|كمية/);
    if (!text.includes(h.text)) throw new Error(`the hover over «${h.text}» does not mention it: ${text.slice(0, 300)}`);
    await page.screenshot({ path: path.join(o.outDir, 'hover-entity.png') });
    return `«${h.text}»: ${text.slice(0, 120)}…`;
  });

  await check('hover on a word of a linked sentence lists the corroborating passages', async () => {
    const measured = await measure();
    // CodeLens lines sit above linked sentences; hover a plain word of the first line below one.
    const lenses = await page.locator(`${EDITOR} .codelens-decoration`).evaluateAll((els: any[]) => els.map((e) => ({ text: e.textContent as string, bottom: e.getBoundingClientRect().bottom as number })));
    const lens = lenses.find((l) => /corroborat|يؤيد/.test(l.text));
    if (!lens) throw new Error(`no CodeLens announcing corroborating passages on screen (lenses: ${lenses.map((l) => l.text).join(' | ') || 'none'})`);
    const line = measured.filter((l) => l.box.top >= lens.bottom - 2).sort((a, b) => a.box.top - b.box.top)[0];
    if (!line) throw new Error('no line under the CodeLens');
    // The linked sentence may start in the middle of that line (after a title ending in ".."): its
    // words are the last ones of the line, so try plain words from the end of the line backwards.
    const candidates = line.words.filter((w) => w.text.length >= 3 && !line.highlights.some((h) => w.start < h.end && h.start < w.end)).reverse().slice(0, 4);
    if (candidates.length === 0) throw new Error(`no plain word on line ${line.index + 1}`);
    let text = '', word = candidates[0];
    const misses: string[] = [];
    for (const w of candidates) {
      try {
        text = await hoverAt((w.left + w.right) / 2, (w.top + w.bottom) / 2, /In the other articles|في المقالات الأخرى/, 5_000);
        word = w;
        break;
      } catch (e) {
        misses.push(`«${w.text}»: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (!text) throw new Error(`no word of the line under the lens shows the passages:\n      ${misses.join('\n      ')}`);
    if (!/Corroborates|يؤيد/.test(text)) throw new Error(`the hover lists no corroborating passage: ${text.slice(0, 300)}`);
    if (!/\d{3}_[0-9a-f]+\.txt/.test(text)) throw new Error(`the hover names no other article: ${text.slice(0, 300)}`);
    await page.screenshot({ path: path.join(o.outDir, 'hover.png') });
    return `lens "${lens.text}"; hover over «${word.text}»${misses.length ? ` (after ${misses.length} word(s) of the previous sentence)` : ''}: ${text.slice(0, 100)}…`;
  });

  await check('Add note from the command palette saves it in the sidecar', async () => {
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    const measured = await measure();
    const w = measured.find((l) => l.words.length > 3)?.words[1];
    if (!w) throw new Error('no line to annotate');
    await page.mouse.click((w.left + w.right) / 2, (w.top + w.bottom) / 2);
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.type('Qarina: Add note');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Add note' }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
    await poll('the note input box', 10_000, async () => /Note for the selected passage/.test((await page.locator('.quick-input-widget').textContent()) ?? ''));
    const body = `ui-note ${Date.now()}`;
    await page.keyboard.type(body);
    await page.keyboard.press('Enter');
    const sidecar = path.join(o.workspace, `${article}.annotations.json`);
    const note = await poll(`the note in ${sidecar}`, 20_000, async () => {
      const s = JSON.parse(fs.readFileSync(sidecar, 'utf8')) as { notes: { body: string; text: string }[] };
      return s.notes.find((n) => n.body === body);
    });
    if (!note.text.includes(w.text)) throw new Error(`the note is anchored on «${note.text}», not on the clicked line with «${w.text}»`);
    return `note anchored on «${note.text.slice(0, 40)}…»`;
  });

  await check('control: the same lines coloured with semantic tokens instead (the style Qarina avoids)', async () => {
    // Shows that the reading-order measurement above can see the damage it guards against: with
    // foreground colours VS Code cuts Arabic lines into isolated pieces laid out left to right.
    // Reported, not asserted: it measures VS Code, not Qarina.
    const before = (await measure()).filter((l) => l.highlights.length > 0);
    const keys = new Set(before.map((l) => l.text));
    const pairsBefore = before.reduce((n, l) => n + l.pairs, 0);
    const settings = path.join(o.workspace, '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    const colours = { person: '#4ea8ff', organization: '#5fd35f', place: '#ffa64d', otherName: '#c39bff', date: '#ff6b6b', quantity: '#d7a08d' };
    fs.writeFileSync(settings, JSON.stringify({ 'qarina.highlight.style': 'semanticTokens', 'editor.semanticTokenColorCustomizations': { enabled: true, rules: colours } }, null, 2));
    let detail: string;
    try {
      await poll('the highlight boxes to go', 20_000, async () => (await page.locator(OUR_DECORATION).count()) === 0);
      let wrong = 0, pairs = 0, example = '';
      try {
        await poll('coloured names on the same lines', 20_000, async () => {
          const same = (await measure()).filter((l) => keys.has(l.text));
          wrong = same.reduce((n, l) => n + l.outOfOrder.length, 0);
          pairs = same.reduce((n, l) => n + l.pairs, 0);
          example = same.flatMap((l) => l.outOfOrder)[0] ?? '';
          return wrong > 0;
        });
        await page.screenshot({ path: path.join(o.outDir, 'semantic-tokens.png') });
        detail = `background boxes: 0/${pairsBefore} word pairs out of order; semantic-token colours: ${wrong}/${pairs} (e.g. ${example})`;
      } catch {
        detail = `semantic-token colours left all ${pairs} pairs in order too (VS Code may now keep Arabic order with foreground colours)`;
      }
    } finally {
      fs.rmSync(path.dirname(settings), { recursive: true, force: true });
    }
    await poll('the highlight boxes to come back', 30_000, async () => (await page.locator(OUR_DECORATION).count()) > 0);
    return detail;
  });

  await check('CodeLens rows are seen whole: above the sample article and above a paragraph of many sentences on one line', async () => {
    await openWithCtrlP(article);
    const sample = await lensRowsWhole();
    await openWithCtrlP(PARAGRAPH_ARTICLE);
    const paragraph = await lensRowsWhole();
    await page.screenshot({ path: path.join(o.outDir, 'codelens-paragraph.png') });
    return `${article}: ${sample}\n      ${PARAGRAPH_ARTICLE}: ${paragraph}`;
  });

  await check('a contradiction reads cleanly, the passage it quotes last and right to left, and hostile text in it stays text', async () => {
    // The clash article gives sample 001 a different figure for the same count.
    const contradicted = fs.readdirSync(o.workspace).filter((n) => /^001_.*\.txt$/.test(n))[0];
    await openWithCtrlP(contradicted);
    // Go to the contradiction as a reader does: F8 (next problem) until the clash's, then show the hover there.
    await page.locator(`${EDITOR} .view-line`).first().click();
    await page.keyboard.press('Control+Home');
    let marker = '';
    const seen: string[] = [];
    for (let i = 0; i < 8 && !marker.includes(CLASH_ARTICLE); i++) {
      await page.keyboard.press('F8');
      const before = marker;
      marker = await poll('the problem widget', 10_000, async () => {
        const t = clean((await page.locator(`${EDITOR} .marker-widget`).first().textContent().catch(() => null)) ?? '');
        return t && t !== before ? t : undefined;
      });
      seen.push(marker.slice(0, 80));
    }
    await page.screenshot({ path: path.join(o.outDir, 'problem.png') });
    if (!/Contradicted by/.test(marker) || !marker.includes(CLASH_ARTICLE)) throw new Error(`F8 shows no contradiction by ${CLASH_ARTICLE}: ${seen.join(' | ')}`);
    await page.keyboard.press('Escape');
    const hover = await hoverAtCursor('the hover of the contradicted sentence', /Contradicted by/);
    await page.screenshot({ path: path.join(o.outDir, 'diagnostic.png') });
    const root = `${EDITOR} .monaco-hover:not(.hidden)`;
    const order = await page.evaluate(wordOrderInPage, { root, startsWith: 'Contradicted by' });
    if (!order) {
      const seenHtml = await page.locator(root).evaluate((h: any) => [...h.querySelectorAll('*')].filter((e: any) => /Contradicted by/.test(e.textContent) && e.children.length < 4).map((e: any) => e.outerHTML.slice(0, 300)).join(' ‖ '));
      throw new Error(`no diagnostic message element in the hover: ${seenHtml}`);
    }
    const m = clean(order.text);
    if (!new RegExp(`^Contradicted by ${CLASH_ARTICLE.replace('.', '\\.')} \\(.+\\): «[^«»]+»$`).test(m)) throw new Error(`the message is not "who (why): «passage»": ${m}`);
    if (order.pairs === 0) throw new Error(`no Arabic word pair to measure in ${m}`);
    if (order.outOfOrder.length) throw new Error(`${order.outOfOrder.length}/${order.pairs} word pairs of the message out of reading order: ${order.outOfOrder.slice(0, 6).join('; ')}`);
    // The passage of the other article quoted in the diagnostic and in Qarina's hover carries HTML
    // and command links: they must be text on screen, not elements.
    const active = await page.locator(root).evaluate((h: any) => [...h.querySelectorAll('img, script, iframe, a')].filter((e: any) => e.tagName !== 'A' || /اخرج|اضغط/.test(e.textContent) || /^command:workbench/.test(e.getAttribute('href') ?? '')).map((e: any) => e.outerHTML.slice(0, 120)));
    if (active.length) throw new Error(`article text rendered as elements: ${active.join(' ')}`);
    if (!hover.includes('<img src=x')) throw new Error(`the hostile passage is not shown as text: ${hover.slice(0, 400)}`);
    return `${order.pairs} word pairs of the message in right-to-left order; HTML and command links of the quoted article shown as text; «${m.slice(0, 160)}…»`;
  });

  await check('a story: the toll discrepancy read with F8 with both figures, and the second source listed first in a headline\'s hover', async () => {
    const [first, second] = STORY_ARTICLES;
    await openWithCtrlP(first);
    await page.locator(`${EDITOR} .view-line`).first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('F8');
    const marker = await poll('the problem widget', 10_000, async () => {
      const t = clean((await page.locator(`${EDITOR} .marker-widget`).first().textContent().catch(() => null)) ?? '');
      return /Contradicted by/.test(t) ? t : undefined;
    });
    await page.screenshot({ path: path.join(o.outDir, 'story-toll.png') });
    if (!marker.includes(second) || !/\b29\b/.test(marker) || !/\b53\b/.test(marker)) throw new Error(`F8 does not show the toll discrepancy with ${second}: ${marker.slice(0, 300)}`);
    await page.keyboard.press('Escape');
    // Line 5: «Iran arrests 22 people suspected of the Ahvaz attack», restated by the other outlet.
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    const hover = await hoverAtCursor('the hover of the headline', /In the other articles/);
    await page.screenshot({ path: path.join(o.outDir, 'story-hover.png') });
    const listed = /(Corroborates|Contradicts|Different event\?) · (\S+\.txt)/.exec(hover);
    if (!listed || listed[1] !== 'Corroborates' || listed[2] !== second) throw new Error(`the headline's hover does not list ${second} first as corroborating: ${hover.slice(0, 400)}`);
    await page.keyboard.press('Escape');
    return `F8: «${marker.slice(0, 120)}…»; hover of line 5 lists first: ${listed[1]} · ${listed[2]}`;
  });

  return { passed, failed, lines };
}
