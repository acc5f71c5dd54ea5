// The shape of the engine's code: no import runs in a circle (type-only imports included: a
// circle of types is still two files that cannot be understood apart), and the date grammar
// stays in files small enough to read, one family of expressions each.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ENGINE = path.resolve(__dirname, '../../../server/src/engine');
const DATES = path.join(ENGINE, 'dates');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Relative imports and re-exports of a file, resolved to files (x.ts or x/index.ts). */
function importsOf(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+'(\.[^']*)'|^\s*import\s+'(\.[^']*)'/gm)) {
    const spec = m[1] ?? m[2];
    const base = path.resolve(path.dirname(file), spec);
    const target = [`${base}.ts`, path.join(base, 'index.ts')].find((p) => fs.existsSync(p));
    if (target) out.push(target);
  }
  return out;
}

/** The first import cycle found among `files`, as a list of files, or null. */
export function findCycle(files: string[]): string[] | null {
  const graph = new Map(files.map((f) => [f, importsOf(f)]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): string[] | null => {
    if (state.get(f) === 'done') return null;
    if (state.get(f) === 'open') return [...stack.slice(stack.indexOf(f)), f];
    state.set(f, 'open');
    stack.push(f);
    for (const g of graph.get(f) ?? []) {
      const c = visit(g);
      if (c) return c;
    }
    stack.pop();
    state.set(f, 'done');
    return null;
  };
  for (const f of files) {
    const c = visit(f);
    if (c) return c;
  }
  return null;
}

describe('engine code structure', () => {
  it('has no import cycle in the engine', () => {
    const cycle = findCycle(tsFiles(ENGINE));
    assert.equal(cycle, null, `import cycle: ${cycle?.map((f) => path.relative(ENGINE, f)).join(' → ')}`);
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'qarina-cycle-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.ts'), "import type { B } from './b';\nexport type A = B;\n");
      fs.writeFileSync(path.join(dir, 'b.ts'), "import { x } from './c/index';\nexport type B = number;\n");
      fs.mkdirSync(path.join(dir, 'c'));
      fs.writeFileSync(path.join(dir, 'c', 'index.ts'), "export { A } from '../a';\nexport const x = 1;\n");
      const cycle = findCycle(tsFiles(dir));
      assert.ok(cycle && cycle.length === 4, `expected a → b → c/index → a, got ${cycle}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps every file of the date module under ~400 lines', () => {
    for (const f of tsFiles(DATES)) {
      const lines = fs.readFileSync(f, 'utf8').split('\n').length;
      assert.ok(lines <= 400, `${path.relative(ENGINE, f)} has ${lines} lines`);
    }
  });
});
