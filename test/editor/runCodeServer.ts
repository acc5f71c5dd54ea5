// Runs the in-editor mocha suite inside code-server (the real VS Code workbench and a real Node
// extension host) served to headless Chromium, then the UI smoke test on the same server.
// Why code-server: these machines reach only npm and Debian, so @vscode/test-electron cannot
// download VS Code here (see shared/notes/real-editor-testing.md); runElectron.ts is used where it can.
//
// code-server has no --extensionDevelopmentPath/--extensionTestsPath flags: with the smoke-test
// driver enabled the workbench reads them from the URL `payload`, and calls window.codeAutomationExit
// with the test runner's exit code when run() settles. Every wait here is bounded.
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { clashArticle, copySampleArticles, oneLineArticle } from '../support/samples';
import { CLASH_ARTICLE, PARAGRAPH_ARTICLE, runSmoke, STORY_ARTICLES } from '../ui/smoke';
import { waitFor } from '../support/waitFor';

const repo = path.resolve(__dirname, '..', '..');
const env = (name: string, fallback?: string): string => {
  const v = process.env[name] ?? fallback;
  if (!v) throw new Error(`${name} is not set: run test/editor/run.sh (it runs setup.sh and exports it)`);
  return v;
};

const SUITE_TIMEOUT_MS = Number(process.env.QARINA_EDITOR_TIMEOUT_MS ?? 300_000);
const outDir = path.join(repo, 'test-output', 'editor');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}


/** A fresh temp folder: a COPY of the sample articles as the workspace (sidecars land there, not in
 *  the repo), plus the server's user-data, extensions and config folders. */
export function prepareTemp(): { root: string; workspace: string; uiWorkspace: string; userData: string; extensions: string; config: string; browserProfile: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qarina-editor-'));
  const workspace = path.join(root, 'workspace');
  copySampleArticles(workspace);
  // The UI test gets its own copy: a fresh window state (the suite's open editors are not
  // restored into it) and no sidecars written by the suite.
  const uiWorkspace = path.join(root, 'articles');
  copySampleArticles(uiWorkspace);
  // And, made from the samples: a story paragraph of many sentences on one line (the CodeLens
  // layout), and an article that contradicts them with hostile text in its sentences (diagnostics
  // and hovers that must read cleanly and stay inert).
  fs.writeFileSync(path.join(uiWorkspace, PARAGRAPH_ARTICLE), oneLineArticle('000_', '001_'));
  fs.writeFileSync(path.join(uiWorkspace, CLASH_ARTICLE), clashArticle());
  // And a short story of real headlines with a toll discrepancy (29 vs 53 killed).
  for (const f of STORY_ARTICLES) fs.copyFileSync(path.join(repo, 'test', 'fixtures', 'stories', 'ahvaz', f), path.join(uiWorkspace, f));
  const userData = path.join(root, 'user-data');
  const settingsDir = path.join(userData, 'User');
  fs.mkdirSync(settingsDir, { recursive: true });
  // Quiet, deterministic workbench: no welcome page, no trust prompt, no update or telemetry traffic.
  fs.writeFileSync(
    path.join(settingsDir, 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'chat.disableAIFeatures': true,
        'editor.hover.delay': 200,
        'editor.minimap.enabled': false,
        // Prose, not code: wrap long Arabic lines so every word of a paragraph is on screen.
        'editor.wordWrap': 'on',
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'workbench.layoutControl.enabled': false,
        'window.zoomLevel': 0,
      },
      null,
      2,
    ),
  );
  const extensions = path.join(root, 'extensions');
  fs.mkdirSync(extensions);
  const config = path.join(root, 'config.yaml');
  const browserProfile = path.join(root, 'chromium');
  return { root, workspace, uiWorkspace, userData, extensions, config, browserProfile };
}

export async function startCodeServer(port: number, t: ReturnType<typeof prepareTemp>, log: fs.WriteStream): Promise<ChildProcess> {
  const node = env('QARINA_NODE24');
  const codeServer = env('QARINA_CODE_SERVER');
  fs.writeFileSync(t.config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    path.join(codeServer, 'out', 'node', 'entry.js'),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--vscode-option', 'enable-smoke-test-driver',
    '--user-data-dir', t.userData,
    '--extensions-dir', t.extensions,
    '--config', t.config,
  ];
  const child = spawn(node, args, {
    cwd: t.root,
    // The extension host is a child of the server and inherits this environment: the suite reads
    // QARINA_EDITOR_REPORT to know where to write its results.
    env: { ...process.env, QARINA_EDITOR_REPORT: path.join(outDir, 'suite.txt'), QARINA_EDITOR_WORKSPACE: t.workspace },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so the whole tree (extension host, language server) is stopped at the end
  });
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  let exited: string | null = null;
  child.on('exit', (code, sig) => (exited = `code-server exited early (code ${code}, signal ${sig}); see ${log.path}`));
  await waitFor(`code-server on port ${port} (/healthz)`, async () => {
    if (exited) throw new Error(exited);
    const r = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
    return r?.ok ? true : undefined;
  }, 60_000, 250);
  return child;
}

export function stop(child: ChildProcess | undefined): void {
  if (!child?.pid || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
}

export async function launchBrowser(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.QARINA_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=en-US'],
  });
}

/** Opens the workbench with the extension under development and the compiled suite; resolves with
 *  the suite's exit code (window.codeAutomationExit). */
async function runSuite(page: Page, port: number, workspace: string, consoleLog: fs.WriteStream): Promise<number> {
  const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${p}`;
  const suite = path.join(repo, 'dist', 'test', 'editor', 'index.js');
  if (!fs.existsSync(suite)) throw new Error(`${suite} is missing: run \`node esbuild.js\` first`);
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(repo)],
    ['extensionTestsPath', remote(suite)],
  ]);
  let settle!: (code: number) => void;
  const exited = new Promise<number>((r) => (settle = r));
  await page.exposeFunction('codeAutomationExit', (code: number) => settle(Number(code)));
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => consoleLog.write(`[automation ${type}] ${JSON.stringify(args)}\n`));
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`;
  await page.goto(url);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `The extension test suite did not report within ${SUITE_TIMEOUT_MS / 1000} s (window.codeAutomationExit was never called). ` +
              'Either the suite hung, or the workbench ignored the payload (code-server must run with --vscode-option enable-smoke-test-driver). ' +
              `Logs: ${outDir}`,
          ),
        ),
      SUITE_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  fs.mkdirSync(outDir, { recursive: true });
  fs.rmSync(path.join(outDir, 'suite.txt'), { force: true });
  const t = prepareTemp();
  const serverLog = fs.createWriteStream(path.join(outDir, 'code-server.log'));
  const consoleLog = fs.createWriteStream(path.join(outDir, 'browser-console.log'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  let context: BrowserContext | undefined;
  let failed = 0;
  const totals = { passed: 0, failed: 0 };
  const onSignal = () => {
    stop(child);
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    console.log(`[editor] workspace copy: ${t.workspace}`);
    child = await startCodeServer(port, t, serverLog);
    console.log(`[editor] code-server up on 127.0.0.1:${port} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    context = await launchBrowser(t.browserProfile);
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
    page.on('pageerror', (e) => consoleLog.write(`[pageerror] ${e.stack ?? e.message}\n`));

    const code = await runSuite(page, port, t.workspace, consoleLog);
    const report = path.join(outDir, 'suite.txt');
    if (fs.existsSync(report)) {
      const text = fs.readFileSync(report, 'utf8');
      process.stdout.write(text);
      const m = /(\d+) passed, (\d+) failed/.exec(text);
      if (m) { totals.passed += Number(m[1]); totals.failed += Number(m[2]); }
    } else console.log(`[editor] the suite wrote no report at ${report}`);
    console.log(`[editor] extension test suite exit code ${code} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    if (code !== 0) failed++;

    if (process.env.QARINA_EDITOR_SKIP_UI === '1') {
      console.log('[editor] UI smoke test skipped (QARINA_EDITOR_SKIP_UI=1)');
    } else {
      await page.close();
      const ui = await context.newPage();
      ui.on('console', (m) => consoleLog.write(`[ui ${m.type()}] ${m.text()}\n`));
      const result = await runSmoke(ui, {
        // The extension under development again, without the test runner.
        url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(t.uiWorkspace)}&payload=${encodeURIComponent(JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${repo}`]]))}`,
        workspace: t.uiWorkspace,
        outDir: path.join(repo, 'test-output', 'ui'),
      });
      for (const line of result.lines) console.log(line);
      console.log(`ui: ${result.passed} passed, ${result.failed} failed`);
      totals.passed += result.passed;
      totals.failed += result.failed;
      if (result.failed > 0) failed++;
    }
  } catch (e) {
    console.error(`[editor] FAILED: ${e instanceof Error ? e.message : String(e)}`);
    failed++;
  } finally {
    await context?.close().catch(() => undefined);
    stop(child);
    serverLog.end();
    consoleLog.end();
    if (process.env.QARINA_EDITOR_KEEP !== '1') fs.rmSync(t.root, { recursive: true, force: true, maxRetries: 3 });
    else console.log(`[editor] kept ${t.root}`);
  }
  console.log(`[editor] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  // One closing count for the extension suite and the UI test together.
  console.log(`real-editor: ${totals.passed} passed, ${totals.failed + (failed && !totals.failed ? 1 : 0)} failed`);
  return failed ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
