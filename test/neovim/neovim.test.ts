// A second real editor: Neovim (0.7, from Debian; `npm run test:neovim` installs it) runs headless
// with its own LSP client against the built server (`node dist/server.js --stdio`), as a Neovim
// user would configure it. session.lua does what a reader does and writes down what happened;
// this file starts it, bounds it, and judges the result.
import { strict as assert } from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { tempSampleCopy } from '../support/samples';

const REPO = path.resolve(__dirname, '..', '..');
const SERVER = path.join(REPO, 'dist', 'server.js');
const ARTICLE = '000_733615ac9775bde5.txt';
const OTHER = '001_1c47a185e8d9dee2.txt';
/** The start of a sentence of ARTICLE, and words of the passage of OTHER that corroborates it. */
const SENTENCE = 'عقد اثنان من كبار';
const PASSAGE = 'أجرى اثنان من كبار المسؤولين';
const INSERT = 'سطر جديد في الأعلى.';
const TIMEOUT_MS = 60_000;

function findNeovim(): string {
  const nvim = process.env.QARINA_NVIM || 'nvim';
  const v = spawnSync(nvim, ['--version'], { encoding: 'utf8' });
  if (v.status !== 0) throw new Error(`Neovim not found (${nvim}): run \`bash test/editor/setup.sh --neovim\` (npm run test:neovim does)`);
  return nvim;
}

interface Session {
  initialized?: boolean;
  indexed?: boolean;
  progress?: string[];
  sentence_line?: number;
  hover?: string;
  definition?: { file: string; line: string };
  sentence_line_after_edit?: number;
  hover_after_edit?: string;
  alive_before_stop?: boolean;
  exit?: { code: number; signal: number };
  error?: string;
}

/** Runs session.lua in headless Neovim with a private config, data and log folder. */
async function runSession(nvim: string, folder: string, scratch: string): Promise<{ session: Session; log: string }> {
  const resultFile = path.join(scratch, 'result.json');
  const xdg = (name: string) => fs.mkdirSync(path.join(scratch, name), { recursive: true }) ?? path.join(scratch, name);
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: xdg('config'),
    XDG_DATA_HOME: xdg('data'),
    XDG_STATE_HOME: xdg('state'),
    XDG_CACHE_HOME: xdg('cache'), // Neovim's lsp.log goes here
    QARINA_NODE: process.execPath,
    QARINA_SERVER: SERVER,
    QARINA_NVIM_FOLDER: folder,
    QARINA_NVIM_ARTICLE: ARTICLE,
    QARINA_NVIM_OTHER_ARTICLE: OTHER,
    QARINA_NVIM_SENTENCE: SENTENCE,
    QARINA_NVIM_INSERT: INSERT,
    QARINA_NVIM_TIMEOUT_MS: String(TIMEOUT_MS),
    QARINA_NVIM_RESULT: resultFile,
  };
  const child = spawn(nvim, ['--headless', '--clean', '-n', '-c', `luafile ${path.join(__dirname, 'session.lua')}`], {
    cwd: folder,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group: the server it started goes with it on a timeout
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const limit = 3 * TIMEOUT_MS;
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ }
      resolve(null);
    }, limit);
    child.on('exit', (c) => { clearTimeout(timer); resolve(c); });
  });
  const logFile = path.join(scratch, 'cache', 'nvim', 'lsp.log');
  const log = `${output}\n${fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-4000) : '(no lsp.log)'}`;
  if (code === null) throw new Error(`Neovim did not finish within ${limit / 1000} s:\n${log}`);
  if (!fs.existsSync(resultFile)) throw new Error(`Neovim exited (code ${code}) without writing ${resultFile}:\n${log}`);
  return { session: JSON.parse(fs.readFileSync(resultFile, 'utf8')), log };
}

describe('Neovim (headless, its built-in LSP client)', function () {
  this.timeout(4 * TIMEOUT_MS);
  let session: Session;
  let log: string;
  let folder: string;
  let scratch: string;

  before(async () => {
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run "npm run build" first`);
    const nvim = findNeovim();
    folder = tempSampleCopy('qarina-nvim-');
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'qarina-nvim-home-'));
    ({ session, log } = await runSession(nvim, folder, scratch));
  });

  after(() => {
    for (const d of [folder, scratch]) if (d) fs.rmSync(d, { recursive: true, force: true });
  });

  const said = () => `\nsession: ${JSON.stringify({ ...session, hover: session.hover?.slice(0, 300), hover_after_edit: session.hover_after_edit?.slice(0, 300) }, null, 1)}\nlog:\n${log}`;

  it('starts the server, opens an article and sees the workspace indexed', () => {
    assert.equal(session.error, undefined, said());
    assert.ok(session.initialized && session.indexed, said());
    assert.ok(session.progress?.some((p) => /Qarina/.test(p)), `Neovim tracked the server's progress: ${said()}`);
  });

  it('shows the corroborating passage of another article on hover of a sentence', () => {
    assert.ok(session.hover?.includes(OTHER), `the hover names ${OTHER}: ${said()}`);
    assert.ok(session.hover?.includes(PASSAGE), `the hover quotes the passage: ${said()}`);
  });

  it('jumps to the corroborating passage with Go to Definition', () => {
    assert.equal(session.definition?.file, OTHER, said());
    assert.ok(session.definition?.line.includes(PASSAGE), said());
  });

  it('follows an edit made in Neovim (incremental sync) and hovers the moved sentence', () => {
    assert.equal(session.sentence_line_after_edit, (session.sentence_line ?? NaN) + 1, said());
    // The same sentence, so the same best passage: the server applied Neovim's change where it was made.
    const firstTarget = (md?: string) => /\]\((file:[^)]+)\)/.exec(md ?? '')?.[1];
    assert.ok(session.hover_after_edit?.includes(PASSAGE), `hover after the edit: ${said()}`);
    assert.equal(firstTarget(session.hover_after_edit), firstTarget(session.hover), said());
  });

  it('keeps the server running through the session, and it exits cleanly when Neovim stops it', () => {
    assert.equal(session.alive_before_stop, true, said());
    assert.equal(session.exit?.code, 0, said());
    assert.doesNotMatch(log, /unhandled rejection|MethodNotFound/i);
  });
});
