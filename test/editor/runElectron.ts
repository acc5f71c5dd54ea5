// The same in-editor suite under @vscode/test-electron, for machines that can download VS Code
// (QARINA_EDITOR=electron bash test/editor/run.sh). Ours cannot (only npm and Debian are reachable):
// there runCodeServer.ts is used. The workspace is a temp COPY of samples/ so that sidecars never
// land in the repo. Under Linux without a display, run it under xvfb-run.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { copySampleArticles } from '../support/samples';

const repo = path.resolve(__dirname, '..', '..');

async function main(): Promise<number> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qarina-electron-'));
  const workspace = path.join(root, 'workspace');
  copySampleArticles(workspace);
  const outDir = path.join(repo, 'test-output', 'editor');
  fs.mkdirSync(outDir, { recursive: true });
  const report = path.join(outDir, 'suite.txt');
  fs.rmSync(report, { force: true });
  try {
    await runTests({
      version: process.env.QARINA_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: repo,
      extensionTestsPath: path.join(repo, 'dist', 'test', 'editor', 'index.js'),
      extensionTestsEnv: { QARINA_EDITOR_REPORT: report },
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${path.join(root, 'user-data')}`],
    });
    return 0;
  } catch (e) {
    console.error(`[editor] electron run failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    if (fs.existsSync(report)) process.stdout.write(fs.readFileSync(report, 'utf8'));
    fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  }
}

main().then((code) => process.exit(code));
