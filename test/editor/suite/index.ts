// Entry of the in-editor test suite (bundled by esbuild to dist/test/editor/index.js). The
// workbench loads it as extensionTestsPath and calls run(); the same bundle serves
// @vscode/test-electron and code-server. The suites are imported statically so that they are in
// the bundle; they define their tests only when run() has installed mocha's globals.
import * as fs from 'fs';
import * as path from 'path';
import { defineReadingTests } from './reading.test';
import { defineAnnotationTests } from './annotations.test';

// mocha is external to the bundle and resolved from the repo's node_modules; mocha 11+ is an ES
// module, so require() may hand back its namespace.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mochaModule = require('mocha');
const Mocha: typeof import('mocha') = mochaModule.Mocha ?? mochaModule.default ?? mochaModule;

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  // What mocha does when it loads a test file: expose describe/it/before… as globals.
  mocha.suite.emit('pre-require', globalThis, 'qarina-editor-suite', mocha);
  defineReadingTests();
  defineAnnotationTests();
  mocha.suite.emit('post-require', globalThis, 'qarina-editor-suite', mocha);

  const repo = path.resolve(__dirname, '..', '..', '..');
  const reportFile = process.env.QARINA_EDITOR_REPORT ?? path.join(repo, 'test-output', 'editor', 'suite.txt');
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    console.log(line);
  };

  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      try {
        fs.mkdirSync(path.dirname(reportFile), { recursive: true });
        fs.writeFileSync(reportFile, lines.join('\n') + '\n');
      } catch (e) {
        console.error(`could not write ${reportFile}: ${String(e)}`);
      }
      if (failures > 0) reject(new Error(`${failures} editor test(s) failed`));
      else resolve();
    });
    const title = (t: Mocha.Runnable) => t.titlePath().join(' › ');
    runner.on('pass', (t) => say(`  ✔ ${title(t)} (${t.duration ?? 0} ms)`));
    runner.on('pending', (t) => say(`  - ${title(t)} (skipped)`));
    runner.on('fail', (t, err: Error) => say(`  ✘ ${title(t)}\n      ${String(err?.stack ?? err).split('\n').slice(0, 6).join('\n      ')}`));
    runner.on('end', () => {
      const s = runner.stats!;
      say(`editor: ${s.passes} passed, ${s.failures} failed${s.pending ? `, ${s.pending} skipped` : ''}`);
    });
  });
}
