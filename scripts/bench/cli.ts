// Runs `qarina annotate` on a corpus folder as a user would (sidecars written under --out, so the
// folder stays as it was) and reads its wall time, CPU time and peak memory. The CPU time and
// peak memory come from the child itself (process.resourceUsage at exit, through a preloaded hook),
// which works on every platform and sees the peak even when it comes just before exit.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { now } from './proc';

export interface CliFigures { jobs: number | null; wallMs: number | null; cpuMs: number | null; peakRssMb: number | null; exitCode: number | null; note?: string }

const MARK = 'QARINA_BENCH_RUSAGE ';
const HOOK = `process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('${MARK}' + JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1000, maxRss: u.maxRSS / 1024 }) + '\\n'); });\n`;

export async function measureCli(cli: string, folder: string, out: string, jobs: number | null, env: NodeJS.ProcessEnv, timeoutMs: number, hookDir: string): Promise<CliFigures> {
  const hook = path.join(hookDir, 'rusage-hook.js');
  fs.writeFileSync(hook, HOOK);
  fs.rmSync(out, { recursive: true, force: true });
  const args = [cli, 'annotate', folder, '--out', out, ...(jobs !== null ? ['--jobs', String(jobs)] : [])];
  const t0 = now();
  const child = spawn(process.execPath, ['--require', hook, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d.toString()));
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
  const code: number | null = await new Promise((r) => child.on('exit', (c) => r(c)));
  clearTimeout(timer);
  const wallMs = now() - t0;
  fs.rmSync(out, { recursive: true, force: true });
  if (timedOut) return { jobs, wallMs: null, cpuMs: null, peakRssMb: null, exitCode: null, note: `stopped after ${Math.round(timeoutMs / 60000)} min` };
  const line = stderr.split('\n').find((l) => l.startsWith(MARK));
  const u = line ? JSON.parse(line.slice(MARK.length)) : null;
  return { jobs, wallMs, cpuMs: u?.cpu ?? null, peakRssMb: u?.maxRss ?? null, exitCode: code, note: code === 0 ? undefined : stderr.split('\n').filter((l) => !l.startsWith(MARK)).slice(-3).join(' ') };
}

/** Whether the built CLI knows --jobs (older builds do not). */
export function cliHasJobs(cli: string): boolean {
  return fs.readFileSync(cli, 'utf8').includes('--jobs');
}
