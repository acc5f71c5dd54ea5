// One esbuild config, several entry points (as in vscode-eslint): the VS Code client, the
// language server, the CLI, the evaluation and benchmark commands, and the in-editor test suite.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const entries = {
  client: 'client/src/extension.ts',
  server: 'server/src/server.ts',
  cli: 'server/src/cli/main.ts',
  factsWorker: 'server/src/workers/factsWorker.ts',
  eval: 'scripts/eval.ts',
  bench: 'scripts/bench.ts',
  'test/editor/index': 'test/editor/suite/index.ts',
};

// The engine's build: a hash of everything the per-article analysis depends on (engine sources,
// models, the package version). The persistent analysis cache (server/src/storage/analysisCache.ts)
// keys its entries with it, so a changed engine never reads results of another.
function engineBuild() {
  const crypto = require('crypto');
  const h = crypto.createHash('sha256');
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else { h.update(p); h.update(fs.readFileSync(p)); }
    }
  };
  walk('server/src/engine');
  walk('server/models');
  h.update(require('./package.json').version);
  return h.digest('hex').slice(0, 16);
}

async function main() {
  const entryPoints = Object.fromEntries(Object.entries(entries).filter(([, f]) => fs.existsSync(f)));
  const ctx = await esbuild.context({
    entryPoints,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outdir: 'dist',
    sourcemap: !production,
    minify: production,
    // vscode is provided by the extension host; mocha is loaded from node_modules by the test runner.
    external: ['vscode', 'mocha'],
    loader: { '.json': 'json' },
    define: { __QARINA_ENGINE__: JSON.stringify(engineBuild()) },
    logLevel: 'warning',
  });
  if (watch) { await ctx.watch(); return; }
  await ctx.rebuild();
  await ctx.dispose();
  asciiOnly();
  const cli = path.join('dist', 'cli.js');
  if (fs.existsSync(cli)) fs.chmodSync(cli, 0o755);
}

// esbuild escapes non-ASCII characters in strings, templates and identifiers, but leaves them in
// regular-expression literals and comments (Arabic letters in the engine's patterns). One such
// character makes V8 hold the whole bundle's source as two bytes per character: 33 MB instead of
// 17 MB in every thread that loads it (the server and each analysis worker). They are escaped
// here: \uXXXX means the same character in a regular expression (also in a class, and a
// surrogate pair under the u flag) and is inert in a comment. No such character follows a
// backslash in the output (an identity escape would break); checked, and thrown on if it ever does.
function asciiOnly() {
  for (const f of fs.readdirSync('dist')) {
    if (!f.endsWith('.js')) continue;
    const file = path.join('dist', f);
    const text = fs.readFileSync(file, 'utf8');
    if (!/[^\x00-\x7f]/.test(text)) continue;
    if (/\\[^\x00-\x7f]/.test(text)) throw new Error(`${file}: a non-ASCII character after a backslash; cannot escape it safely`);
    fs.writeFileSync(file, text.replace(/[^\x00-\x7f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')));
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
