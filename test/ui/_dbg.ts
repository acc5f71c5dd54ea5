import * as fs from 'fs';
import * as path from 'path';
import { freePort, prepareTemp, startCodeServer, stop, launchBrowser } from '../editor/runCodeServer';
(async () => {
  const t = prepareTemp();
  const log = fs.createWriteStream('/tmp/qe/dbg/cs.log');
  const port = await freePort();
  const child = await startCodeServer(port, t, log);
  const ctx = await launchBrowser(t.browserProfile);
  const page = ctx.pages()[0];
  await page.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  const repo = path.resolve(__dirname, '..', '..');
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(t.uiWorkspace)}&payload=${encodeURIComponent(JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${repo}`]]))}`);
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  await page.locator('.monaco-workbench .part.editor').click();
  await page.keyboard.press('Control+P');
  await page.keyboard.type('000_');
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.editor-instance .monaco-editor .codelens-decoration').first().waitFor({ timeout: 90_000 });
  await page.waitForTimeout(3000); // debug only
  const tries: [number, number][] = [[941, 117], [900, 117], [700, 117], [941, 180]];
  for (const [x, y] of tries) {
    await page.mouse.move(5, 5);
    await page.mouse.move(x, y, { steps: 3 });
    await page.waitForTimeout(1500);
    const t2 = await page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').allTextContents();
    console.log(x, y, JSON.stringify(t2.join('|').slice(0, 200)));
    const el = await page.evaluate(([x, y]) => { const e = (globalThis as any).document.elementFromPoint(x, y); return e ? e.className + ' / ' + (e.textContent ?? '').slice(0, 30) : null; }, [x, y]);
    console.log('  element', el);
    await page.screenshot({ path: `/tmp/qe/dbg/h-${x}-${y}.png` });
  }
  await ctx.close();
  stop(child);
  process.exit(0);
})();
